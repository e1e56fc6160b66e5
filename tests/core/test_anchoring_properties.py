"""Property tests for re-anchoring: unchanged text, insertions beside a span, any edit."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.core.anchoring import MIN_QUOTE_SIMILARITY, reanchor
from app.core.annotations import Annotation, context_around, make_annotation
from app.core.fuzzy import similarity

# Letters, digits, punctuation, whitespace, CJK, Hebrew, Arabic and single-code-point
# emoji; no combining marks or joiners (a separate test covers those), so an insertion
# next to a span can never change the characters at its edges.
ALPHABET = st.sampled_from(
    list("abcdefghij klmnop ABC 0123 .,;:!?'\"-\n") + list("東京都予算 אבגד سلام 🎉🏆😀")
)
TEXTS = st.text(ALPHABET, min_size=1, max_size=250)
INSERTS = st.text(ALPHABET, min_size=1, max_size=60)


@st.composite
def texts_with_annotations(draw, count: int = 3) -> tuple[str, list[Annotation]]:
    """A text and up to *count* annotations made on it as the app makes them."""
    text = draw(TEXTS)
    annotations = []
    for _ in range(draw(st.integers(1, count))):
        start = draw(st.integers(0, len(text) - 1))
        end = draw(st.integers(start + 1, len(text)))
        try:
            annotations.append(make_annotation(text, "fact", start, end))
        except ValueError:  # whitespace only
            continue
    assume(annotations)
    return text, annotations


def occurs_once(text: str, quote: str) -> bool:
    return text.find(quote) == text.rfind(quote)


@settings(max_examples=200, deadline=None)
@given(texts_with_annotations())
def test_unchanged_text_anchors_every_annotation_exactly_where_it_was(case) -> None:
    text, annotations = case

    results = reanchor(text, annotations)

    assert [r.status for r in results] == ["exact"] * len(annotations)
    assert results == annotations


@settings(max_examples=300, deadline=None)
@given(texts_with_annotations(count=1), INSERTS, st.data())
def test_insertion_before_a_span_keeps_it_on_the_same_words(case, insert, data) -> None:
    text, [annotation] = case
    at = data.draw(st.integers(0, annotation.start))
    edited = text[:at] + insert + text[at:]

    [result] = reanchor(edited, [annotation])

    assert result.status in ("exact", "moved")
    assert result.exact == annotation.exact
    if occurs_once(edited, annotation.exact):
        assert result.start == annotation.start + len(insert)


@settings(max_examples=300, deadline=None)
@given(texts_with_annotations(count=1), INSERTS, st.data())
def test_insertion_after_a_span_keeps_it_on_the_same_words(case, insert, data) -> None:
    text, [annotation] = case
    at = data.draw(st.integers(annotation.end, len(text)))
    edited = text[:at] + insert + text[at:]

    [result] = reanchor(edited, [annotation])

    assert result.status in ("exact", "moved")
    assert result.exact == annotation.exact
    if occurs_once(edited, annotation.exact):
        assert (result.status, result.start) == ("exact", annotation.start)


@settings(max_examples=300, deadline=None)
@given(texts_with_annotations(), st.text(ALPHABET, max_size=40), st.data())
def test_any_edit_gives_consistent_results(case, replacement, data) -> None:
    text, annotations = case
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    edited = text[:start] + replacement + text[end:]

    results = reanchor(edited, annotations)

    assert [r.id for r in results] == [a.id for a in annotations]
    for old, new in zip(annotations, results, strict=True):
        assert (new.tag, new.note, new.created, new.modified) == (
            old.tag,
            old.note,
            old.created,
            old.modified,
        )
        if new.status == "orphan":
            assert new == old
            continue
        assert new.exact == edited[new.start : new.end]
        assert (new.prefix, new.suffix) == context_around(edited, new.start, new.end)
        if new.status == "fuzzy":
            assert new.exact == new.exact.strip()
            assert similarity(old.exact, new.exact) >= MIN_QUOTE_SIMILARITY
        else:
            assert new.exact == old.exact
            assert (new.status == "exact") == ((new.start, new.end) == (old.start, old.end))
