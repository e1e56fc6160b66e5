"""ArticleView: rendering, code-point offsets, selection, keyboard, links, tooltips, zoom."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QHelpEvent, QKeySequence, QTextCursor, QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from app.core.article import Article, parse_plain_text
from app.core.text_search import find_matches
from app.ui.article.article_view import BASE_POINT_SIZE, ArticleView
from app.ui.article.find_bar import FindBar
from app.ui.article.offsets import OffsetMap, display_text, plain_from_qt, utf16_length

MULTILINGUAL_TXT = (
    "Café ☕ and cafe\u0301 news 😀\r\n"
    "\r\n"
    "  • Emoji 😀, a family 👩\u200d👩\u200d👧 and a flag 🇸🇻 here\r\n"
    "  • CJK 日本語のテキスト and an astral ideograph 𠜎 too\r\n"
    "\r\n"
    "\r\n"
    "Arabic مرحبا بالعالم and Hebrew שלום עולם, mixed with 123 digits.\r\n"
    "   Combining e\u0301 a\u0308 Z\u0335\u0321 and 🏳\ufe0f\u200d🌈 at the end.\r\n"
)
# The offscreen platform can neither raise windows nor propagate size hints and says so;
# these messages are about the test platform, not about Slant.
OFFSCREEN_LIMITS = r"^This plugin does not support (raise|propagateSizeHints)\(\)$"


@pytest.fixture
def plain_article() -> Article:
    return parse_plain_text(MULTILINGUAL_TXT)


@pytest.fixture
def block_article(make_article) -> Article:
    return make_article(
        [
            ("heading", "Title with 𝒳 math", 1),
            ("preformatted", "line one 😀\n  line two\n\nline four 👩\u200d👩\u200d👧"),
            ("list_item", "item א with עברית", 1),
            ("list_item", "nested 日本", 2),
            ("quote", "quoted 🇸🇻 text", 1),
            ("paragraph", "after the quote"),
        ],
        separator="\n",
    )


def expected_position(view: ArticleView, article: Article, index: int, offset: int) -> int:
    """Qt position of *offset* in block *index*, computed without the code under test."""
    block = article.blocks[index]
    prefix = article.text[block.start : offset]
    return (
        view.document().findBlockByNumber(index).position() + len(prefix.encode("utf-16-le")) // 2
    )


def displayed(article: Article, start: int, end: int) -> str:
    """The canonical text of [start, end) as shown: only block text, blocks joined by \\n."""
    parts = [
        article.text[max(start, b.start) : min(end, b.end)]
        for b in article.blocks
        if b.start <= end and b.end >= start
    ]
    return "\n".join(parts)


def char_center(view: ArticleView, offset: int) -> QPoint:
    """Viewport point in the middle of the character at code point *offset*."""
    view.select_span(offset, offset)
    left = view.cursorRect()
    view.select_span(offset + 1, offset + 1)
    right = view.cursorRect()
    return QPoint((left.left() + right.left()) // 2, left.center().y())


@pytest.mark.parametrize("name", ["plain_article", "block_article"])
def test_every_block_renders_as_one_qt_block_with_its_text(view, request, name) -> None:
    article = request.getfixturevalue(name)
    view.set_article(article)
    document = view.document()
    assert document.blockCount() == len(article.blocks)
    for index, block in enumerate(article.blocks):
        shown = document.findBlockByNumber(index).text()
        assert shown == display_text(article.block_text(block), block.kind == "preformatted")


@pytest.mark.parametrize("name", ["plain_article", "block_article"])
def test_code_points_round_trip_through_qt_positions_inside_every_block(
    view, request, name
) -> None:
    article = request.getfixturevalue(name)
    view.set_article(article)
    for index, block in enumerate(article.blocks):
        for offset in range(block.start, block.end + 1):
            view.select_span(offset, offset)
            assert view.textCursor().position() == expected_position(view, article, index, offset)
            assert view.selected_span() == (offset, offset)


@pytest.mark.parametrize("name", ["plain_article", "block_article"])
def test_a_qt_selection_maps_to_the_span_whose_text_is_the_selected_text(
    view, request, name
) -> None:
    article = request.getfixturevalue(name)
    view.set_article(article)
    document = view.document()
    positions = []
    block = document.begin()
    while block.isValid():
        text = block.text()
        positions += [block.position() + utf16_length(text[:j]) for j in range(len(text) + 1)]
        block = block.next()
    rng = random.Random(20250414)
    for _ in range(300):
        first, second = sorted(rng.sample(positions, 2))
        cursor = QTextCursor(document)
        cursor.setPosition(first)
        cursor.setPosition(second, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        start, end = view.selected_span()
        assert plain_from_qt(cursor.selectedText()) == displayed(article, start, end)
        if document.findBlock(first) == document.findBlock(second):
            assert plain_from_qt(cursor.selectedText()) == article.text[start:end]


def test_offset_map_is_exact_for_random_offsets_in_a_large_mixed_text() -> None:
    rng = random.Random(7)
    alphabet = "abc déf 日本 😀 👩\u200d👧 e\u0301 مرحبا"
    blocks, text = [], ""
    for _ in range(400):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        text += "\n" * rng.randint(1, 3)
        blocks.append((len(text), len(text) + len(body)))
        text += body
    offset_map = OffsetMap(text, blocks)
    position = 0
    for start, end in blocks:
        assert offset_map.to_position(start) == position
        for offset in rng.sample(range(start, end + 1), min(10, end - start + 1)):
            qt = offset_map.to_position(offset)
            assert qt == position + utf16_length(text[start:offset])
            assert offset_map.to_offset(qt) == offset
        position += utf16_length(text[start:end]) + 1


def test_offsets_between_blocks_clamp_to_the_nearest_block_boundary() -> None:
    text = "one\n\n\n\ntwo"
    offset_map = OffsetMap(text, [(0, 3), (7, 10)])
    assert offset_map.to_position(4) == 3  # nearer the end of "one"
    assert offset_map.to_position(6) == 4  # nearer the start of "two"
    assert offset_map.to_offset(3) == 3
    assert offset_map.to_offset(4) == 7


def test_select_span_emits_the_code_point_span(view, qtbot, plain_article) -> None:
    view.set_article(plain_article)
    start = plain_article.text.index("Emoji")
    end = plain_article.text.index("CJK") + 3
    with qtbot.waitSignal(view.selectionSpanChanged) as blocker:
        view.select_span(start, end)
    assert blocker.args == [start, end]
    assert view.selected_span() == (start, end)


def test_shift_right_five_times_selects_five_characters(view, qtbot, make_article) -> None:
    article = make_article([("paragraph", "Plain words here.")])
    view.set_article(article)
    view.select_span(6, 6)
    spans = []
    view.selectionSpanChanged.connect(lambda start, end: spans.append((start, end)))
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert spans[-1] == (6, 11)
    assert article.text[6:11] == "words"


def test_keyboard_selection_steps_over_whole_emoji_sequences(view, qtbot, make_article) -> None:
    article = make_article([("paragraph", "ab👩\u200d👩\u200d👧cd")])
    view.set_article(article)
    view.select_span(0, 0)
    spans = []
    view.selectionSpanChanged.connect(lambda start, end: spans.append((start, end)))
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert spans[-1] == (0, 7)
    assert article.text[0:7] == "ab👩\u200d👩\u200d👧"


def test_ctrl_shift_right_selects_by_word(view, qtbot, make_article) -> None:
    article = make_article([("paragraph", "Plain words here.")])
    view.set_article(article)
    view.select_span(0, 0)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    with qtbot.waitSignal(view.selectionSpanChanged) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Right, modifiers)
    assert blocker.args[0] == 0
    assert article.text[: blocker.args[1]].strip() == "Plain"


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_digit_keys_reach_window_shortcuts_while_the_view_has_focus(qtbot, sample_article) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    view = ArticleView(window)
    QVBoxLayout(window).addWidget(view)
    action = QAction("Tag as unsourced claim", window)
    action.setShortcut(QKeySequence("2"))
    window.addAction(action)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    view.set_article(sample_article)
    view.select_span(0, 8)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    with qtbot.waitSignal(action.triggered, timeout=1000):
        qtbot.keyClick(view, "2")
    assert view.selected_span() == (0, 8)
    assert view.document().toPlainText().startswith("Harbour Mayor")


def test_clicking_a_link_reports_it_and_never_navigates(view, qtbot, sample_article) -> None:
    view.set_article(sample_article)
    shown = view.document().toPlainText()
    point = char_center(view, sample_article.text.index("council website") + 2)
    with qtbot.waitSignal(view.anchorClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args[0] == QUrl("https://example.org/council")
    assert view.source() == QUrl()
    assert view.document().toPlainText() == shown


def test_hovering_a_link_reports_its_url_and_leaving_reports_none(
    view, qtbot, sample_article
) -> None:
    view.set_article(sample_article)
    on_link = char_center(view, sample_article.text.index("council website") + 2)
    off_link = char_center(view, sample_article.text.index("dramatic"))
    with qtbot.waitSignal(view.linkHovered) as blocker:
        qtbot.mouseMove(view.viewport(), on_link)
    assert blocker.args == ["https://example.org/council"]
    with qtbot.waitSignal(view.linkHovered) as blocker:
        qtbot.mouseMove(view.viewport(), off_link)
    assert blocker.args == [""]


def test_links_are_drawn_in_the_link_style(view, sample_article) -> None:
    view.set_article(sample_article)
    cursor = QTextCursor(view.document())
    view.select_span(*[sample_article.text.index("council website") + 1] * 2)
    cursor = view.textCursor()
    fmt = cursor.charFormat()
    assert fmt.isAnchor()
    assert fmt.anchorHref() == "https://example.org/council"
    assert fmt.fontUnderline()


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_hovering_a_highlight_shows_its_tag_and_note(
    view, qtbot, sample_article, make_annotation_on
) -> None:
    view.set_article(sample_article)
    note = "Who calls him that? The article never says."
    view.set_annotations(
        [make_annotation_on(sample_article, "loaded-label", "ferry king", note=note)]
    )
    point = char_center(view, sample_article.text.index("ferry king") + 3)
    qtbot.mouseMove(view.viewport(), point)
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: "Loaded label" in QToolTip.text())
    assert "Who calls him that?" in QToolTip.text()
    bar = view.verticalScrollBar()  # resting on the scroll bar next: not the note again
    event = QHelpEvent(QEvent.Type.ToolTip, QPoint(2, 2), bar.mapToGlobal(QPoint(2, 2)))
    QApplication.sendEvent(bar, event)
    assert not event.isAccepted()
    plain = char_center(view, sample_article.text.index("mayor met") + 2)
    qtbot.mouseMove(view.viewport(), plain)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())  # moving off the highlight hides it
    event = QHelpEvent(QEvent.Type.ToolTip, plain, view.viewport().mapToGlobal(plain))
    QApplication.sendEvent(view.viewport(), event)
    assert not event.isAccepted()  # no annotation here, so no tooltip


def test_a_click_on_a_highlight_reports_the_topmost_annotation(
    view, qtbot, sample_article, make_annotation_on
) -> None:
    view.set_article(sample_article)
    outer = make_annotation_on(sample_article, "unsourced-claim", "the so-called ferry king")
    inner = make_annotation_on(sample_article, "loaded-label", "ferry")
    view.set_annotations([outer, inner])
    with qtbot.waitSignal(view.annotationClicked) as blocker:
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=char_center(view, sample_article.text.index("ferry") + 2),
        )
    assert blocker.args == [inner.id]
    with qtbot.waitSignal(view.annotationClicked) as blocker:
        qtbot.mouseClick(
            view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=char_center(view, sample_article.text.index("so-called") + 1),
        )
    assert blocker.args == [outer.id]


def test_a_drag_or_a_click_off_highlights_reports_no_annotation(
    view, qtbot, sample_article, make_annotation_on
) -> None:
    view.set_article(sample_article)
    view.set_annotations([make_annotation_on(sample_article, "loaded-label", "ferry")])
    start = char_center(view, sample_article.text.index("ferry"))
    end = char_center(view, sample_article.text.index("ferry king") + 8)
    plain = char_center(view, sample_article.text.index("mayor met") + 2)
    with qtbot.assertNotEmitted(view.annotationClicked):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), end)
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=plain)
    assert view.annotation_ids_at(sample_article.text.index("mayor met")) == []


def test_scroll_to_span_brings_a_far_span_into_view(view, make_article) -> None:
    article = make_article([("paragraph", f"Paragraph number {n} of many.") for n in range(300)])
    view.set_article(article)
    start = article.text.index("number 290")
    view.scroll_to_span(start, start + 10)
    view.select_span(start, start)
    rect = view.cursorRect()
    assert view.verticalScrollBar().value() > 0
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def test_set_article_starts_with_no_selection_and_no_highlights(
    view, sample_article, make_article, make_annotation_on
) -> None:
    view.set_article(sample_article)
    view.set_annotations([make_annotation_on(sample_article, "loaded-label", "Harbour")])
    view.select_span(3, 9)
    other = make_article([("paragraph", "A different story entirely.")])
    view.set_article(other)
    assert view.article() is other
    assert view.selected_span() == (0, 0)
    assert view.annotation_ids_at(0) == []


def test_zoom_steps_by_ten_percent_between_fifty_and_three_hundred(view, sample_article) -> None:
    view.set_article(sample_article)
    size = view.font().pointSizeF()
    view.zoom_in()
    assert view.zoom_percent() == 110
    assert view.font().pointSizeF() == pytest.approx(size * 1.1)
    for _ in range(30):
        view.zoom_in()
    assert view.zoom_percent() == 300
    for _ in range(30):
        view.zoom_out()
    assert view.zoom_percent() == 50
    view.reset_zoom()
    assert view.zoom_percent() == 100
    assert view.font().pointSizeF() == pytest.approx(size)


def test_set_zoom_goes_straight_to_a_size_within_the_limits(view, qtbot, sample_article) -> None:
    view.set_article(sample_article)
    size = view.font().pointSizeF()
    with qtbot.waitSignal(view.zoomChanged) as changed:
        view.set_zoom(125)
    assert changed.args == [125]
    assert view.zoom_percent() == 125
    assert view.font().pointSizeF() == pytest.approx(size * 1.25)
    view.set_zoom(1000)
    assert view.zoom_percent() == 300
    view.set_zoom(10)
    assert view.zoom_percent() == 50


def test_ctrl_wheel_zooms_in_steps_and_reports_it(view, qtbot, sample_article) -> None:
    view.set_article(sample_article)
    point = QPointF(50, 50)
    wheel = QWheelEvent(
        point,
        QPointF(view.viewport().mapToGlobal(point.toPoint())),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    with qtbot.waitSignals([view.zoomChanged, view.zoomChanged]):
        QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom_percent() == 120
    assert view.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.2)


def test_the_text_column_is_centred_with_a_readable_width(view, make_article) -> None:
    view.set_article(make_article([("paragraph", "word " * 400)]))
    view.resize(1600, 700)
    margins = view.viewportMargins()
    assert margins.left() > 100
    assert abs(margins.left() - margins.right()) <= 1
    line = view.document().firstBlock().layout().lineAt(0)
    assert 55 <= line.textLength() <= 85


# -- find bar -----------------------------------------------------------------------


def test_find_matches_ignore_case_and_count_code_points() -> None:
    text = "😀 Café, CAFÉ and café 👩\u200d👧 café"
    assert find_matches(text, "café") == [(2, 6), (8, 12), (17, 21), (26, 30)]
    assert all(text[start:end].lower() == "café" for start, end in find_matches(text, "CAFÉ"))
    assert find_matches(text, "") == []
    assert find_matches(text, "a.d") == []


@pytest.fixture
def find_setup(qtbot, make_article):
    window = QWidget()
    qtbot.addWidget(window)
    view = ArticleView()
    bar = FindBar(view)
    layout = QVBoxLayout(window)
    layout.addWidget(view)
    layout.addWidget(bar)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    article = make_article(
        [
            ("heading", "Prison deal"),
            ("paragraph", "The deal was a Deal. Critics called the DEAL bad."),
        ]
    )
    view.set_article(article)
    yield view, bar, article
    window.close()


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_typing_in_the_find_bar_selects_the_first_match_and_counts(find_setup, qtbot) -> None:
    view, bar, article = find_setup
    bar.open()
    qtbot.waitUntil(bar.field.hasFocus)
    qtbot.keyClicks(bar.field, "deal")
    matches = find_matches(article.text, "deal")
    assert len(matches) == 4
    assert view.selected_span() == matches[0]
    assert bar.count_label.text() == "1 of 4"


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_enter_and_shift_enter_step_through_matches_and_wrap(find_setup, qtbot) -> None:
    view, bar, article = find_setup
    bar.open()
    qtbot.keyClicks(bar.field, "deal")
    matches = find_matches(article.text, "deal")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert view.selected_span() == matches[1]
    assert bar.count_label.text() == "2 of 4"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert view.selected_span() == matches[0]
    bar.find_previous()
    assert view.selected_span() == matches[-1]
    assert bar.count_label.text() == "4 of 4"
    bar.find_next()
    assert view.selected_span() == matches[0]


@pytest.mark.qt_log_ignore(OFFSCREEN_LIMITS)
def test_escape_closes_the_find_bar_and_returns_focus_to_the_article(find_setup, qtbot) -> None:
    view, bar, _ = find_setup
    bar.open()
    qtbot.waitUntil(bar.field.hasFocus)
    with qtbot.waitSignal(bar.closed):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    qtbot.waitUntil(view.hasFocus)


def test_every_find_bar_control_has_an_accessible_name(qtbot) -> None:
    view = ArticleView()
    qtbot.addWidget(view)
    bar = FindBar(view)
    qtbot.addWidget(bar)
    direct = Qt.FindChildOption.FindDirectChildrenOnly
    controls = [bar]
    for kind in (QLineEdit, QToolButton, QLabel):
        controls += bar.findChildren(kind, options=direct)
    assert len(controls) >= 5
    assert all(control.accessibleName() for control in controls)


def opened_with_highlights(qtbot, make_article, make_annotation_on, paragraphs: int, every: int):
    """A view just shown (first paint done) with a long article of numbered paragraphs,
    every *every*-th of them highlighted; and the article."""
    words = "the council said on Monday that the budget would cover more buses and roads"
    article = make_article([("paragraph", f"{n} {words} " * 6) for n in range(paragraphs)])
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.set_article(article)
    quotes = (f"{n} the council" for n in range(0, paragraphs, every))
    view.set_annotations([make_annotation_on(article, "loaded-label", q) for q in quotes])
    view.show()
    QApplication.processEvents()  # the first paint, which highlights the first page
    return view, article


def test_a_jump_right_after_opening_a_long_highlighted_article_lands_on_its_span(
    qtbot, make_article, make_annotation_on
) -> None:
    # Highlights are applied as their blocks are first painted. That must not disturb
    # Qt's lazy layout of a long article, or a jump to a far annotation made just after
    # opening (a click in the list) stops short: asking for paragraph 1400 once showed
    # paragraph 320, the scroll bar's range lagging behind the layout.
    view, article = opened_with_highlights(qtbot, make_article, make_annotation_on, 1500, every=2)
    target = article.text.index("1400 the council")
    view.scroll_to_span(target, target + 10)
    QApplication.processEvents()
    view.viewport().repaint()
    shown = view.cursorForPosition(view.viewport().rect().center()).position()
    paragraph = article.blocks[0].end - article.blocks[0].start
    assert abs(shown - target) < paragraph * 5  # within a few paragraphs


def test_a_highlighted_article_is_laid_out_whole_while_idle(
    qtbot, make_article, make_annotation_on
) -> None:
    # Highlights are drawn into each block's layout as it is first painted; that must not
    # stop Qt laying out the rest of the article in idle time, or the scroll bar stays too
    # short (a 50 KB article once reached 3,300 of its 24,000 pixels).
    view, _ = opened_with_highlights(qtbot, make_article, make_annotation_on, 100, every=1)
    document = view.document()
    blocks = [document.findBlockByNumber(number) for number in range(document.blockCount())]

    def laid_out_whole() -> bool:
        if not all(block.layout().lineCount() > 0 for block in blocks):
            return False
        bottom = document.documentLayout().blockBoundingRect(blocks[-1]).bottom()
        return view.verticalScrollBar().maximum() >= bottom - view.viewport().height()

    qtbot.waitUntil(laid_out_whole)  # Qt lays out the rest in idle time
