"""Importing other tools' Web Annotations: refinedBy selectors, quotes whose whitespace
differs from the article, tagging bodies, and a precise reason for every skip."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from app.core.article import Article, load_article
from app.core.exports.w3c_import import import_w3c

# Saved from a browser: the source breaks lines inside paragraphs and uses &nbsp;, so a
# quote copied from the page's DOM differs from Slant's canonical text in whitespace.
HTML = Path(__file__).parents[1] / "fixtures" / "hypothesis" / "harbour.html"


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "harbour.html"
    shutil.copy(HTML, path)
    loaded = load_article(path)
    assert loaded.text == (
        "Harbour vote\n"
        "The council voted 5-2 on 3\xa0March to approve the radical plan for the harbour.\n"
        "Critics called it a radical plan. Sources say the plan will cost 4\xa0million euros."
    )
    return loaded


def annotation(selector: Any, tag: str = "loaded-label", **members: Any) -> dict[str, Any]:
    """A Web Annotation tagging whatever *selector* selects."""
    return {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "body": [{"type": "TextualBody", "value": tag, "purpose": "tagging"}],
        "target": {"source": "https://example.org/harbour", "selector": selector},
        **members,
    }


def quote(exact: str, prefix: str = "", suffix: str = "", **members: Any) -> dict[str, Any]:
    selector = {"type": "TextQuoteSelector", "exact": exact, **members}
    if prefix:
        selector["prefix"] = prefix
    if suffix:
        selector["suffix"] = suffix
    return selector


def run(article: Article, *items: dict[str, Any]) -> tuple[list, list[str]]:
    page = {"type": "AnnotationPage", "items": list(items)}
    return import_w3c(json.dumps(page).encode(), article, "other-tool.jsonld")


def span(article: Article, words: str, after: str = "") -> tuple[int, int]:
    """The span of the first *words* that follow the first *after* in the article."""
    start = article.text.index(words, article.text.index(after) + len(after) if after else 0)
    return start, start + len(words)


def placed(found: Any) -> tuple[str, int, int]:
    return found.exact, found.start, found.end


# -- refinedBy (Web Annotation Data Model 4.2.9, Example 32) ---------------------------


def test_a_fragment_refined_by_a_quote_lands_on_the_quoted_words(article: Article) -> None:
    example_32 = {
        "type": "FragmentSelector",
        "value": "para5",
        "refinedBy": quote("radical plan", prefix="called it a ", suffix=". Sources"),
    }
    (found,), skipped = run(article, annotation(example_32))
    assert skipped == []
    assert placed(found) == ("radical plan", *span(article, "radical plan", "called it a "))


@pytest.mark.parametrize(
    "outer",
    [
        {"type": "CssSelector", "value": "p:nth-of-type(2)"},
        {"type": "XPathSelector", "value": "/html/body/p[2]"},
    ],
)
def test_a_css_or_xpath_selector_refined_by_a_quote_is_followed(
    article: Article, outer: dict[str, Any]
) -> None:
    (found,), skipped = run(article, annotation({**outer, "refinedBy": quote("the plan")}))
    assert skipped == []
    assert placed(found) == ("the plan", *span(article, "the plan"))


def test_a_quote_is_looked_for_inside_the_position_range_it_refines(article: Article) -> None:
    second = article.text.index("Critics")
    selector = {
        "type": "TextPositionSelector",
        "start": second,
        "end": len(article.text),
        "refinedBy": quote("radical plan"),  # twice in the article, once in the range
    }
    (found,), skipped = run(article, annotation(selector))
    assert skipped == []
    assert placed(found) == ("radical plan", *span(article, "radical plan", "Critics"))


def test_a_position_refining_a_quote_selects_part_of_it(article: Article) -> None:
    selector = quote(
        "called it a radical plan",
        refinedBy={"type": "TextPositionSelector", "start": 12, "end": 24},
    )
    (found,), skipped = run(article, annotation(selector))
    assert skipped == []
    assert placed(found) == ("radical plan", *span(article, "radical plan", "called it a "))


def test_nested_refinements_in_a_choice_are_followed(article: Article) -> None:
    nested = {
        "type": "FragmentSelector",
        "value": "section-2",
        "refinedBy": {
            "type": "XPathSelector",
            "value": "/p[1]",
            "refinedBy": quote("radical plan", prefix="approve the ", suffix=" for"),
        },
    }
    choice = {"type": "Choice", "items": [{"type": "SvgSelector", "value": "<svg/>"}, nested]}
    (found,), skipped = run(article, annotation(choice))
    assert skipped == []
    assert placed(found) == ("radical plan", *span(article, "radical plan"))


# -- whitespace: the article's normalisation ------------------------------------------


@pytest.mark.parametrize(
    ("exact", "prefix", "suffix", "words"),
    [
        # Recogito: 10 characters of context; a plain space where the article has &nbsp;
        ("3 March", "voted 5-2 ", " to approv", "3\xa0March"),
        # the page source's line break inside a paragraph, without context
        ("approve the\nradical plan", "", "", "approve the radical plan"),
        # a quote across two paragraphs, as a browser's DOM holds them
        ("the harbour.\n\n  Critics called", "", "", "the harbour.\nCritics called"),
        # a no-break space in the quote where the article has an ordinary space
        ("will cost\xa04\u00a0million", "", "", "will cost 4\xa0million"),
        # whitespace at the ends of the quote belongs to the context
        ("\n Sources say ", "radical plan.", "the plan", "Sources say"),
    ],
)
def test_a_quote_differing_only_in_whitespace_lands_on_the_words(
    article: Article, exact: str, prefix: str, suffix: str, words: str
) -> None:
    (found,), skipped = run(article, annotation(quote(exact, prefix, suffix)))
    assert skipped == []
    assert placed(found) == (words, *span(article, words))
    assert found.status == "moved"


# -- which occurrence ------------------------------------------------------------------


def test_a_repeated_quote_without_context_is_skipped_as_ambiguous(article: Article) -> None:
    imported, skipped = run(article, annotation(quote("radical plan")))
    assert imported == []
    assert len(skipped) == 1
    assert "occurs 2 times" in skipped[0] and "no prefix or suffix" in skipped[0]


def test_a_repeated_quote_whose_context_fits_neither_is_ambiguous(article: Article) -> None:
    imported, skipped = run(article, annotation(quote("radical plan", "xyz", "qqq")))
    assert imported == []
    assert "occurs 2 times" in skipped[0] and "context fits" in skipped[0]


def test_a_repeated_quote_is_placed_at_the_occurrence_nearest_its_position(
    article: Article,
) -> None:
    second = span(article, "radical plan", "Critics")
    selectors = [
        quote("radical\nplan"),
        {"type": "TextPositionSelector", "start": second[0] - 3, "end": second[1] - 3},
    ]
    (found,), skipped = run(article, annotation(selectors))
    assert skipped == []
    assert (found.exact, found.start, found.end) == ("radical plan", *second)


# -- bodies ----------------------------------------------------------------------------


def test_an_explicit_tagging_body_wins_over_a_body_that_looks_like_a_tag(
    article: Article,
) -> None:
    item = annotation(quote("Sources say"))
    item["body"] = [
        {"type": "TextualBody", "value": "Loaded label"},  # a comment that happens to match
        {"type": "TextualBody", "value": "Unsourced Claim", "purpose": "tagging"},
    ]
    (found,), skipped = run(article, item)
    assert skipped == []
    assert (found.tag, found.note) == ("unsourced-claim", "Loaded label")


# -- every skip says why -----------------------------------------------------------------


def test_each_skipped_annotation_has_its_own_reason(article: Article) -> None:
    no_tag = annotation(quote("Sources say"))
    no_tag["body"] = [{"type": "TextualBody", "value": "Interesting", "purpose": "commenting"}]
    items = [
        annotation(quote("the plan"), tag="opinion"),
        no_tag,
        annotation({"type": "FragmentSelector", "value": "para5"}),
        annotation(quote("the council voted 6-1")),
        annotation(quote(" \n ")),
        annotation(quote("radical plan")),
        annotation(quote("called it", refinedBy=quote("not inside"))),
        annotation(quote("the plan"), id="urn:uuid:0b6a3a5e-31bb-4c55-9f3a-0d6f2a3c1e11"),
        annotation(quote("the plan"), id="urn:uuid:0b6a3a5e-31bb-4c55-9f3a-0d6f2a3c1e11"),
    ]
    imported, skipped = run(article, *items)
    assert [a.exact for a in imported] == ["the plan"]
    assert len(skipped) == 8
    unknown, untagged, unselected, missing, blank, ambiguous, unrefined, twice = skipped
    assert unknown.startswith("annotation 1:") and "'opinion' is not a tag" in unknown
    assert untagged.startswith("annotation 2:") and "has no tag" in untagged
    assert unselected.startswith("annotation 3:") and "no TextQuoteSelector" in unselected
    assert "FragmentSelector" in unselected
    assert missing.startswith("annotation 4:") and "is not in the article" in missing
    assert "'the council voted 6-1'" in missing
    assert blank.startswith("annotation 5:") and "only whitespace" in blank
    assert ambiguous.startswith("annotation 6:") and "occurs 2 times" in ambiguous
    assert unrefined.startswith("annotation 7:") and "'not inside'" in unrefined
    assert "is not in its outer quote" in unrefined
    assert twice.startswith("annotation 9 (urn:uuid:") and "same id" in twice


def test_offsets_stay_right_after_blank_lines_of_a_plain_text_article(tmp_path: Path) -> None:
    text = "Council backs harbour plan\n\n\nThe radical  plan passed,\n\nsources say.\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = load_article(path)
    across = annotation(quote("harbour plan The radical plan"))
    after = annotation(quote("sources say", prefix="passed, "))
    (first, second), skipped = run(article, across, after)
    assert skipped == []
    start = text.index("harbour")
    assert placed(first) == ("harbour plan\n\n\nThe radical  plan", start, start + 32)
    assert placed(second) == ("sources say", text.index("sources"), text.index("sources") + 11)
