"""Tag highlights: layout formats at the right positions, colours and stacked underlines on
screen, filters, flash."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import replace
from itertools import combinations

import pytest
from PySide6.QtGui import QColor, QTextFormat

from app.core.article import Article
from app.core.tags import Tag, TagSet, default_tagset
from app.ui.article.article_view import ArticleView
from app.ui.article.colors import (
    FLASH_COLOR,
    MIN_LINE_CONTRAST,
    MIN_TEXT_CONTRAST,
    TEXT_COLOR,
    UNDERLINES,
    contrast_ratio,
    line_color_on,
    tag_style,
    tag_styles,
)

TAGS = default_tagset().ids()
STYLES = tag_styles(default_tagset())
# Stacked, a tag's line may lie on any tag's background or the flash: it stands out on all.
LINE_COLOURS = {
    tag: line_color_on(
        style.underline_color, [s.background for s in STYLES.values()] + [FLASH_COLOR]
    )
    for tag, style in STYLES.items()
}
FOUR_TAGS_LINES = (
    "The regime's thugs took the stage.",
    "It worked, according to insiders.",
    "The Official Store sells everything.",
    "The treaty was signed in 1977.",
)
QUOTES = {
    "loaded-label": "regime's thugs",
    "unsourced-claim": "according to insiders",
    "promotional-boilerplate": "Official Store sells",
    "verifiable-fact": "signed in 1977",
}


def all_formats(view: ArticleView) -> list[tuple[int, int, str]]:
    """The highlight ranges of every block, in order."""
    return [f for n in range(view.document().blockCount()) for f in formats(view, n)]


def formats(view: ArticleView, block_number: int) -> list[tuple[int, int, str]]:
    """(start, length, background) of a block's highlight ranges."""
    layout = view.document().findBlockByNumber(block_number).layout()
    return [
        (
            r.start,
            r.length,
            r.format.background().color().name()
            if r.format.hasProperty(QTextFormat.Property.BackgroundBrush)
            else "",
        )
        for r in layout.formats()
    ]


def _one_line_span(view: ArticleView, start: int, end: int):
    """The caret rectangles at both ends of a one-line span, the view's image and where
    its viewport lies in that image."""
    view.select_span(start, start)
    left = view.cursorRect()
    view.select_span(end, end)
    right = view.cursorRect()
    assert left.top() == right.top(), "the span must fit on one line"
    return left, right, view.grab().toImage(), view.viewport().pos()


def dominant_colour(view: ArticleView, start: int, end: int) -> QColor:
    """The most common pixel colour in the middle band of a one-line span on screen."""
    left, right, image, origin = _one_line_span(view, start, end)
    counts: Counter[str] = Counter()
    band = range(left.top() + left.height() // 3, left.bottom() - left.height() // 3)
    for x in range(left.left() + 2, right.left() - 2):
        for y in band:
            counts[image.pixelColor(origin.x() + x, origin.y() + y).name()] += 1
    return QColor(counts.most_common(1)[0][0])


def underline_rows(view: ArticleView, start: int, end: int) -> dict[str, list[int]]:
    """The screen rows under a one-line span drawn in each tag's underline colour, by tag."""
    left, right, image, origin = _one_line_span(view, start, end)
    found: dict[str, list[int]] = {}
    # From the middle of the line down to the middle of the gap before the next line.
    for y in range(left.center().y(), left.bottom() + left.height() // 2):
        for x in range(left.left() + 2, right.left() - 2):
            pixel = image.pixelColor(origin.x() + x, origin.y() + y)
            for tag, colour in LINE_COLOURS.items():
                if (
                    max(
                        abs(a - b)
                        for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3], strict=True)
                    )
                    <= 24
                ):
                    found.setdefault(tag, []).append(y)
    # A few stray pixels of a glyph's antialiased edge are not a line.
    return {tag: rows for tag, rows in found.items() if len(rows) >= 4}


def assert_close(actual: QColor, expected: QColor) -> None:
    channels = zip(actual.getRgb()[:3], expected.getRgb()[:3], strict=True)
    assert all(abs(a - e) <= 3 for a, e in channels), (actual.name(), expected.name())


@pytest.fixture
def four_tags(view, make_article, make_annotation_on):
    """A view showing one paragraph with one annotation per default tag."""
    article = make_article([("heading", "Four tags")] + [("paragraph", t) for t in FOUR_TAGS_LINES])
    view.set_article(article)
    annotations = {tag: make_annotation_on(article, tag, QUOTES[tag]) for tag in TAGS}
    view.set_annotations(annotations.values())
    return article, annotations


def test_highlights_sit_at_the_qt_positions_of_their_code_point_spans(
    view, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", "Emoji 😀👩\u200d👧 then the loaded word here.")])
    view.set_article(article)
    annotation = make_annotation_on(article, "loaded-label", "loaded word")
    view.set_annotations([annotation])
    utf16_start = len(article.text[: annotation.start].encode("utf-16-le")) // 2
    style = STYLES["loaded-label"]
    assert formats(view, 0) == [(utf16_start, 11, style.background.name())]


def test_removing_an_annotation_restores_the_plain_text(four_tags, view) -> None:
    _, annotations = four_tags
    view.remove_annotation(annotations["loaded-label"])
    assert formats(view, 1) == []
    assert len(all_formats(view)) == 3
    for annotation in annotations.values():
        view.remove_annotation(annotation)
    assert all_formats(view) == []


def test_moving_an_annotation_to_another_paragraph_clears_its_old_place(four_tags, view) -> None:
    _, annotations = four_tags
    label = annotations["loaded-label"]
    fact = annotations["verifiable-fact"]
    moved = label.with_changes(start=fact.start, end=fact.end)
    view.update_annotation(moved, label)
    assert formats(view, 1) == []
    assert view.annotation_ids_at(label.start) == []
    assert sorted(view.annotation_ids_at(fact.start)) == sorted([moved.id, fact.id])
    view.remove_annotation(moved)
    assert view.annotation_ids_at(fact.start) == [fact.id]
    assert len(all_formats(view)) == 3


def test_an_equal_copy_removes_the_highlight_and_an_unknown_one_is_ignored(four_tags, view) -> None:
    _, annotations = four_tags
    label = annotations["loaded-label"]
    view.remove_annotation(replace(label))
    assert formats(view, 1) == []
    view.remove_annotation(label)
    view.remove_annotation(label.with_changes(end=label.start))
    assert len(all_formats(view)) == 3


def test_each_tag_has_its_own_underline_and_readable_colours() -> None:
    assert [STYLES[tag].underline for tag in TAGS] == list(UNDERLINES)
    for style in STYLES.values():
        assert contrast_ratio(style.background, TEXT_COLOR) >= MIN_TEXT_CONTRAST
        assert contrast_ratio(style.background, QColor("#000000")) >= MIN_TEXT_CONTRAST
        assert contrast_ratio(style.underline_color, style.background) >= MIN_LINE_CONTRAST


def test_a_dark_tag_colour_is_lightened_until_black_text_stays_readable() -> None:
    style = tag_style("#202020", 0)
    assert contrast_ratio(style.background, TEXT_COLOR) >= MIN_TEXT_CONTRAST


def test_a_screenshot_shows_each_tag_colour_where_its_span_is(four_tags, view) -> None:
    _, annotations = four_tags
    for tag, annotation in annotations.items():
        colour = dominant_colour(view, annotation.start, annotation.end)
        assert_close(colour, STYLES[tag].background)


def test_highlights_survive_a_resize_and_a_zoom(four_tags, view, qtbot) -> None:
    _, annotations = four_tags
    fact = annotations["verifiable-fact"]
    view.resize(520, 600)
    qtbot.waitUntil(lambda: view.viewport().width() < 520)
    assert_close(dominant_colour(view, fact.start, fact.end), STYLES["verifiable-fact"].background)
    view.zoom_in()
    view.zoom_in()
    assert_close(dominant_colour(view, fact.start, fact.end), STYLES["verifiable-fact"].background)
    assert len(all_formats(view)) == 4


def test_filtering_hides_the_other_tags_and_none_shows_all(four_tags, view) -> None:
    _, annotations = four_tags
    fact = annotations["verifiable-fact"]
    claim = annotations["unsourced-claim"]
    view.set_visible_tags({"verifiable-fact"})
    assert [f[2] for f in all_formats(view)] == [STYLES["verifiable-fact"].background.name()]
    assert view.annotation_ids_at(claim.start) == []
    assert view.annotation_ids_at(fact.start) == [fact.id]
    view.set_visible_tags(None)
    assert len(all_formats(view)) == 4
    assert view.annotation_ids_at(claim.start) == [claim.id]


def test_overlapping_tags_take_the_topmost_background_not_a_muddy_blend(
    view, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", "They said the corrupt regime lied again.")])
    view.set_article(article)
    outer = make_annotation_on(article, "unsourced-claim", "the corrupt regime lied")
    inner = make_annotation_on(article, "loaded-label", "corrupt regime")
    view.set_annotations([inner, outer])
    claim, label = STYLES["unsourced-claim"].background, STYLES["loaded-label"].background
    assert formats(view, 0) == [
        (outer.start, inner.start - outer.start, claim.name()),
        (inner.start, inner.end - inner.start, label.name()),
        (inner.end, outer.end - inner.end, claim.name()),
    ]
    assert_close(dominant_colour(view, inner.start, inner.end), label)
    assert view.annotation_ids_at(inner.start) == [inner.id, outer.id]


def test_every_tag_on_overlapping_words_keeps_its_own_underline_at_its_own_depth(
    view, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", "Bukele opened the infamous CECOT supermax prison.")])
    view.set_article(article)
    quotes = {
        "loaded-label": "infamous CECOT supermax prison",
        "verifiable-fact": "infamous CECOT",
        "unsourced-claim": "CECOT supermax",
        "promotional-boilerplate": "supermax prison.",
    }
    view.set_annotations([make_annotation_on(article, t, q) for t, q in quotes.items()])
    words = {word: article.text.index(word) for word in ("infamous", "CECOT", "supermax", "prison")}
    rows = {word: underline_rows(view, at, at + len(word)) for word, at in words.items()}
    assert set(rows["infamous"]) == {"loaded-label", "verifiable-fact"}
    assert set(rows["CECOT"]) == {"loaded-label", "verifiable-fact", "unsourced-claim"}
    assert set(rows["supermax"]) == {"loaded-label", "unsourced-claim", "promotional-boilerplate"}
    assert set(rows["prison"]) == {"loaded-label", "promotional-boilerplate"}
    for word_rows in rows.values():
        depths = [statistics.median(found) for found in word_rows.values()]
        assert all(abs(a - b) >= 2 for a, b in combinations(depths, 2)), word_rows
    # A tag's line stays at one depth along its whole span, whatever starts or ends above it.
    outer = [statistics.median(rows[word]["loaded-label"]) for word in words]
    assert max(outer) - min(outer) <= 1


def test_adding_and_updating_one_annotation_redraws_it(
    view, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", "A plain sentence with a claim and a fact.")])
    view.set_article(article)
    claim = make_annotation_on(article, "unsourced-claim", "a claim")
    view.add_annotation(claim)
    assert formats(view, 0) == [(claim.start, 7, STYLES["unsourced-claim"].background.name())]
    assert set(underline_rows(view, claim.start, claim.end)) == {"unsourced-claim"}
    fact = claim.with_changes(tag="verifiable-fact", start=claim.start + 2, end=claim.end)
    view.update_annotation(fact, claim)
    assert formats(view, 0) == [(fact.start, 5, STYLES["verifiable-fact"].background.name())]
    assert set(underline_rows(view, fact.start, fact.end)) == {"verifiable-fact"}


def test_a_span_across_blocks_is_drawn_in_each_block(
    view, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", "First part ends"), ("paragraph", "second part.")])
    view.set_article(article)
    start = article.text.index("ends")
    end = article.text.index(" part.")
    view.set_annotations([make_annotation_on(article, "loaded-label", article.text[start:end])])
    background = STYLES["loaded-label"].background.name()
    assert formats(view, 0) == [(11, 4, background)]
    assert formats(view, 1) == [(0, 6, background)]


def test_orphaned_annotations_are_not_drawn(view, make_article, make_annotation_on) -> None:
    article = make_article([("paragraph", "Nothing here matches any more.")])
    view.set_article(article)
    orphan = make_annotation_on(article, "loaded-label", "Nothing")
    view.set_annotations([orphan.with_changes(status="orphan")])
    assert formats(view, 0) == []


def test_a_teacher_tag_set_changes_the_colours(view, make_article, make_annotation_on) -> None:
    article = make_article([("paragraph", "An opinion stated as fact.")])
    view.set_article(article)
    view.set_annotations([make_annotation_on(article, "opinion", "opinion")])
    tagset = TagSet("Class set", (Tag("opinion", "Opinion", "A view, not a fact.", "#E69F00"),))
    view.set_tagset(tagset)
    assert formats(view, 0)[0][2] == tag_style("#E69F00", 0).background.name()


def test_flash_emphasises_a_span_briefly_then_restores_it(
    view, qtbot, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", "Jump here and see the flash.")])
    view.set_article(article)
    claim = make_annotation_on(article, "unsourced-claim", "see the flash")
    view.set_annotations([claim])
    before = formats(view, 0)
    view.flash_span(claim.start, claim.end)
    assert FLASH_COLOR.name() in [f[2] for f in formats(view, 0)]
    qtbot.waitUntil(lambda: formats(view, 0) == before, timeout=3000)


def test_highlights_far_down_a_long_article_appear_when_scrolled_to(
    view, make_article, make_annotation_on
) -> None:
    article = make_article([("paragraph", f"Paragraph {n} says something.") for n in range(400)])
    view.set_article(article)
    far = make_annotation_on(article, "promotional-boilerplate", "Paragraph 390 says")
    view.set_annotations([far, make_annotation_on(article, "loaded-label", "Paragraph 1 says")])
    view.scroll_to_span(far.start, far.end)
    style = STYLES["promotional-boilerplate"]
    assert formats(view, 390) == [(0, 18, style.background.name())]
    assert set(underline_rows(view, far.start, far.end)) == {"promotional-boilerplate"}
    assert_close(dominant_colour(view, far.start, far.end), style.background)


def test_set_article_with_an_empty_article_shows_nothing(view) -> None:
    view.set_article(Article(path=None, title="", text="", blocks=()))
    view.set_annotations([])
    assert view.selected_span() == (0, 0)
    assert view.annotation_ids_at(0) == []


def line_spans(view: ArticleView, block_number: int) -> list[tuple[int, int, float]]:
    """(first character, length, top) of each line of a block as laid out."""
    layout = view.document().findBlockByNumber(block_number).layout()
    return [
        (line.textStart(), line.textLength(), line.y())
        for line in (layout.lineAt(n) for n in range(layout.lineCount()))
    ]


def test_highlighting_a_wrapped_mixed_script_paragraph_keeps_its_lines(
    view, make_article, make_annotation_on
) -> None:
    # A block's lines are made again in place when its highlights change: the same text
    # must stay on each line, in right-to-left and astral text too.
    words = "Arabic مرحبا بالعالم, Hebrew שלום עולם, " + (
        "emoji 😀 👩\u200d👩\u200d👧, CJK 日本語のテキスト. "
    )
    article = make_article([("paragraph", words * 12)])
    view.set_article(article)
    view.repaint()
    plain = line_spans(view, 0)
    marks = [
        make_annotation_on(article, tag, quote, occurrence)
        for tag, quote, occurrence in (
            ("loaded-label", "مرحبا بالعالم, Hebrew", 2),
            ("unsourced-claim", "😀 👩\u200d👩\u200d👧, CJK 日本", 5),
            ("verifiable-fact", "שלום עולם", 11),
        )
    ]
    view.set_annotations(marks)
    view.repaint()
    assert len(plain) > 4
    assert line_spans(view, 0) == plain
    assert len(formats(view, 0)) == 3
    view.remove_annotation(marks[0])
    view.repaint()
    assert line_spans(view, 0) == plain
    assert len(formats(view, 0)) == 2
