"""Scores equal the official SemEval-2020 Task 11 scorer's with its merge option (issue #17).

Each side's spans of one tag are merged where they share a character before dividing;
touching spans stay apart, as in the official merge. The cases are small enough to check
by hand (the arithmetic is in the comments); the last test compares random classes with
the official definition written out on character sets.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.annotations import Annotation
from app.core.scoring import Score, score_against_key

TAGS = ["loaded", "unsourced", "fact"]


def span(tag: str, start: int, end: int) -> Annotation:
    return Annotation(f"{tag}-{start}-{end}", tag, start, end, "x" * (end - start))


def loaded(student: list[tuple[int, int]], key: list[tuple[int, int]]) -> Score:
    """The "loaded" score of a student's spans against the key's, all tagged "loaded"."""
    mine = [span("loaded", s, e) for s, e in student]
    theirs = [span("loaded", s, e) for s, e in key]
    return score_against_key(mine, theirs, TAGS).per_tag["loaded"]


# -- the student's side ------------------------------------------------------------------


def test_repeating_a_correct_span_does_not_raise_precision() -> None:
    # Key [0,10). Student: [0,10) nine times and [20,30) once.
    # Merged: [0,10) (covered 10/10 = 1) and [20,30) (0/10 = 0) -> P = (1 + 0) / 2 = 0.5.
    # R = 10/10 = 1; F1 = 2 * 0.5 * 1 / 1.5 = 2/3. Unmerged it was P = 9/10 = 0.9.
    score = loaded([(0, 10)] * 9 + [(20, 30)], [(0, 10)])
    assert (score.precision, score.recall) == (0.5, 1.0)
    assert score.f1 == pytest.approx(2 / 3)
    assert (score.spans, score.key_spans) == (2, 1)


def test_overlapping_student_spans_are_scored_as_one() -> None:
    # Key [0,10). Student [0,6) and [4,14) share [4,6) -> merged [0,14), 10 of 14 covered.
    # P = 10/14 = 5/7 (unmerged: (6/6 + 6/10) / 2 = 0.8); R = 10/10 = 1.
    score = loaded([(0, 6), (4, 14)], [(0, 10)])
    assert score.precision == pytest.approx(5 / 7)
    assert score.recall == 1.0
    assert score.spans == 1


def test_a_nested_student_span_adds_nothing() -> None:
    # Key [0,10). Student [0,20) and [5,10) inside it -> merged [0,20): P = 10/20 = 0.5
    # (unmerged: (10/20 + 5/5) / 2 = 0.75); R = 1.
    score = loaded([(0, 20), (5, 10)], [(0, 10)])
    assert (score.precision, score.recall, score.spans) == (0.5, 1.0, 1)


def test_touching_student_spans_stay_two_as_in_the_official_merge() -> None:
    # [0,3) and [3,10) share no character, so the official merge keeps both.
    # Key [0,3): P = (3/3 + 0/7) / 2 = 0.5 (joined into [0,10) it would be 3/10 = 0.3).
    score = loaded([(0, 3), (3, 10)], [(0, 3)])
    assert (score.precision, score.recall, score.spans) == (0.5, 1.0, 2)


def test_touching_spans_joined_by_an_overlapping_third_become_one() -> None:
    # Student [0,5), [5,10) touch; [3,7) overlaps both -> one span [0,10).
    # Key [0,4): P = 4/10 = 0.4 (unmerged: (4/5 + 0/5 + 1/4) / 3 = 0.35); R = 4/4 = 1.
    score = loaded([(0, 5), (5, 10), (3, 7)], [(0, 4)])
    assert score.precision == pytest.approx(0.4)
    assert (score.recall, score.spans) == (1.0, 1)


# -- the key's side ----------------------------------------------------------------------


def test_a_duplicated_key_span_counts_once_for_recall() -> None:
    # Key [0,10) twice and [20,30); student [0,10).
    # Merged key: [0,10) (found, 1) and [20,30) (0) -> R = 1/2 (unmerged: (1+1+0)/3 = 2/3).
    score = loaded([(0, 10)], [(0, 10), (0, 10), (20, 30)])
    assert (score.precision, score.recall, score.key_spans) == (1.0, 0.5, 2)


def test_overlapping_key_spans_are_one_passage_to_find() -> None:
    # Key [0,10) and [5,20) -> merged [0,20); student [0,10): R = 10/20 = 0.5
    # (unmerged: (10/10 + 5/15) / 2 = 2/3); P = 10/10 = 1.
    score = loaded([(0, 10)], [(0, 10), (5, 20)])
    assert (score.precision, score.recall, score.key_spans) == (1.0, 0.5, 1)


def test_a_nested_key_span_does_not_reward_finding_only_it() -> None:
    # Key [0,20) with [5,10) inside -> merged [0,20); student [5,10): R = 5/20 = 0.25
    # (unmerged: (5/20 + 5/5) / 2 = 0.625); P = 1.
    score = loaded([(5, 10)], [(0, 20), (5, 10)])
    assert (score.precision, score.recall, score.key_spans) == (1.0, 0.25, 1)


def test_touching_key_spans_stay_two() -> None:
    # Key [0,4) and [4,10) share no character: two spans. Student [0,4).
    # R = (4/4 + 0/6) / 2 = 0.5 (joined into [0,10) it would be 4/10 = 0.4); P = 1.
    score = loaded([(0, 4)], [(0, 4), (4, 10)])
    assert (score.precision, score.recall, score.key_spans) == (1.0, 0.5, 2)


# -- several tags ------------------------------------------------------------------------


def test_each_tag_is_merged_on_its_own_and_the_overall_score_pools_merged_spans() -> None:
    student = [
        *[span("loaded", 0, 10)] * 3,  # merged: [0,10)
        span("fact", 20, 30),
        span("fact", 25, 40),  # merged with the one above: [20,40)
        span("unsourced", 0, 10),  # same characters as "loaded", another tag: not merged
    ]
    key = [span("loaded", 0, 10), span("fact", 20, 30), span("unsourced", 50, 60)]
    score = score_against_key(student, key, TAGS)
    # loaded: [0,10) vs [0,10): P = 1/1, R = 1/1.
    assert (score.per_tag["loaded"].precision, score.per_tag["loaded"].recall) == (1.0, 1.0)
    # fact: [20,40) vs [20,30): P = 10/20 = 0.5 (unmerged: (1 + 5/15) / 2 = 2/3); R = 1.
    assert (score.per_tag["fact"].precision, score.per_tag["fact"].recall) == (0.5, 1.0)
    # unsourced: [0,10) vs [50,60): P = 0, R = 0.
    assert (score.per_tag["unsourced"].precision, score.per_tag["unsourced"].recall) == (0, 0)
    # Overall: P = (1 + 0.5 + 0) / 3 = 0.5 (unmerged: (3 + 4/3 + 0) / 6 = 13/18);
    # R = (1 + 1 + 0) / 3 = 2/3; F1 = 2 * (1/2) * (2/3) / (1/2 + 2/3) = 4/7.
    overall = score.overall
    assert overall.precision == pytest.approx(0.5)
    assert overall.recall == pytest.approx(2 / 3)
    assert overall.f1 == pytest.approx(4 / 7)
    assert (overall.spans, overall.key_spans) == (3, 3)


# -- the official definition, on random classes ------------------------------------------


def _official_merge(spans: list[tuple[int, int]]) -> list[set[int]]:
    """Spans as character sets, merged where two share a character (the official rule)."""
    groups: list[set[int]] = []
    for start, end in spans:
        chars = set(range(start, end))
        for group in [g for g in groups if g & chars]:
            groups.remove(group)
            chars |= group
        if chars:
            groups.append(chars)
    return groups


def _official_scores(
    student: list[Annotation], key: list[Annotation]
) -> tuple[float | None, float | None]:
    """Precision and recall as the official scorer defines them, pooled over the tags.

    P = Σ_tag Σ_(s,t) |s ∩ t| / |s| over the merged spans' pairs, divided by the number of
    merged student spans; R likewise with |t| and the merged key spans. None for 0/0.
    """
    p_sum = r_sum = 0.0
    p_count = r_count = 0
    for tag in TAGS:
        mine = _official_merge([(a.start, a.end) for a in student if a.tag == tag])
        theirs = _official_merge([(a.start, a.end) for a in key if a.tag == tag])
        p_count += len(mine)
        r_count += len(theirs)
        for s in mine:
            for t in theirs:
                p_sum += len(s & t) / len(s)
                r_sum += len(s & t) / len(t)
    return (p_sum / p_count if p_count else None, r_sum / r_count if r_count else None)


# Small offsets and lengths so that duplicates, nesting, overlaps and touching are common.
spans = st.lists(
    st.builds(
        lambda tag, start, size: span(tag, start, start + size),
        st.sampled_from(TAGS),
        st.integers(0, 30),
        st.integers(1, 8),
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(spans, spans)
def test_scores_equal_the_official_definition_on_random_classes(student, key) -> None:
    overall = score_against_key(student, key, TAGS).overall
    precision, recall = _official_scores(student, key)
    assert overall.precision == pytest.approx(precision, abs=1e-12)
    assert overall.recall == pytest.approx(recall, abs=1e-12)
