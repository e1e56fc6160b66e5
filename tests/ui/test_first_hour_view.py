"""A student's first hour (issue 16): find, delete, menus and dialogs, driven as a student would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QTableWidget,
)

from app import __version__
from app.ui.dialogs.preferences import PreferencesDialog
from app.ui.settings import Settings
from app.ui.sidebar.annotation_model import AnnotationRoles
from app.ui.theme import default_article_point_size

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
NEWS = (
    "Bukele’s prison\n\n"
    "Bukele, known as the “world’s coolest dictator”, opened the infamous CECOT prison.\n\n"
    "It holds 40\u00a0000 people — more than any other.\n"
)


def open_news(window, tmp_path: Path) -> Path:
    path = tmp_path / "news.txt"
    path.write_text(NEWS, encoding="utf-8")
    assert window.open_path(path)
    return path


def open_find(qtbot, window) -> QLineEdit:
    window.view.setFocus()
    qtbot.keyClick(window.view, Key.Key_F, CTRL)
    field = window.find_bar.findChild(QLineEdit)
    qtbot.waitUntil(field.hasFocus)
    return field


def test_find_with_plain_quotes_finds_curly_ones(qtbot, window, tmp_path) -> None:
    open_news(window, tmp_path)
    field = open_find(qtbot, window)
    qtbot.keyClicks(field, "World's coolest dictator\"")
    start = NEWS.index("world’s")
    assert window.view.selected_span() == (start, start + len("world’s coolest dictator”"))


def test_find_treats_no_break_spaces_and_dashes_as_plain(qtbot, window, tmp_path) -> None:
    open_news(window, tmp_path)
    field = open_find(qtbot, window)
    qtbot.keyClicks(field, "40 000 people - more")
    start = NEWS.index("40\u00a0000")
    assert window.view.selected_span() == (start, start + len("40 000 people - more"))


def test_a_failed_search_leaves_nothing_selected_and_invites_no_tagging(
    qtbot, window, tmp_path
) -> None:
    open_news(window, tmp_path)
    field = open_find(qtbot, window)
    qtbot.keyClicks(field, "coolest")
    assert window.view.selected_span()[1] > window.view.selected_span()[0]
    assert "to tag the selection" in window.statusBar().currentMessage()
    qtbot.keyClicks(field, " zebra")
    start, end = window.view.selected_span()
    assert start == end
    assert "tag" not in window.statusBar().currentMessage()
    qtbot.keyClick(field, Key.Key_Return)
    assert window.view.selected_span()[0] == window.view.selected_span()[1]


def test_delete_says_what_went_and_that_ctrl_z_restores_it(qtbot, window, tmp_path) -> None:
    open_news(window, tmp_path)
    start = NEWS.index("infamous")
    annotation = window.document.add("loaded-label", start, start + len("infamous"))
    window.sidebar.select_annotation(annotation.id)
    window.sidebar.list_view.setFocus()
    qtbot.keyClick(window.sidebar.list_view, Key.Key_Delete)
    assert window.document.annotations() == []
    message = window.statusBar().currentMessage()
    assert "infamous" in message
    assert "Ctrl+Z" in message


@pytest.fixture(autouse=True)
def _no_author_question(monkeypatch):
    from app.ui.dialogs.author_dialog import AuthorDialog

    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))


def test_font_size_steps_from_the_automatic_size_not_from_the_smallest(qtbot) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    spin = dialog.size_spin
    automatic = round(default_article_point_size())
    assert spin.text().startswith("Automatic")
    spin.setFocus()
    qtbot.keyClick(spin, Key.Key_Up)
    assert spin.value() == automatic + 1
    spin.setValue(spin.minimum())
    qtbot.keyClick(spin, Key.Key_Down)
    assert spin.value() == automatic - 1


def test_the_tag_filter_shows_its_whole_label_with_the_count(qtbot, window, tmp_path) -> None:
    window.resize(1024, 700)
    open_news(window, tmp_path)
    for quote in ("infamous", "coolest", "prison."):
        start = NEWS.index(quote)
        window.document.add("unsourced-claim", start, start + len(quote))
    window.document.add("loaded-label", NEWS.index("CECOT"), NEWS.index("CECOT") + 5)
    combo = window.sidebar.filter_combo
    combo.setCurrentIndex(combo.findData("unsourced-claim"))
    qtbot.waitUntil(lambda: combo.currentText().endswith("(3)"))
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText()) + combo.iconSize().width()
    assert needed <= field.width()
    # The heading counts what the list shows, not everything.
    assert "3 of 4" in window.sidebar.total_label.text()


def quote_ink_sides(list_view, row: int) -> tuple[int, int]:
    """Dark pixels of a card's quote line in the left and right halves of the card."""
    rect = list_view.visualRect(list_view.model().index(row, 0))
    image = list_view.viewport().grab().toImage()
    left = right = 0
    middle = rect.center().x()
    # The quote is the card's middle line: the tag pill is above it, the note below.
    for y in range(rect.top() + rect.height() * 2 // 5, rect.top() + rect.height() * 3 // 5):
        for x in range(rect.left() + 20, rect.right() - 20):
            if image.pixelColor(x, y).lightness() < 100:
                if x < middle:
                    left += 1
                else:
                    right += 1
    return left, right


def test_an_arabic_quote_on_a_card_reads_right_to_left_from_the_right(
    qtbot, window, tmp_path
) -> None:
    path = tmp_path / "arabic.txt"
    path.write_text("خبر\n\nسجن سيكوت\n\nThe prison\n", encoding="utf-8")
    assert window.open_path(path)
    text = path.read_text(encoding="utf-8")
    for quote in ("سجن", "prison"):
        window.document.add("loaded-label", text.index(quote), text.index(quote) + len(quote))
    list_view = window.sidebar.list_view
    rows = {
        list_view.model().index(row, 0).data(AnnotationRoles.QUOTE): row
        for row in range(list_view.model().rowCount())
    }
    arabic_left, arabic_right = quote_ink_sides(list_view, rows["سجن"])
    english_left, english_right = quote_ink_sides(list_view, rows["prison"])
    assert english_left > 0 == english_right
    assert arabic_right > 0 == arabic_left


def help_action(window, words: str):
    (help_menu,) = [
        action.menu()
        for action in window.menuBar().actions()
        if action.text().replace("&", "") == "Help"
    ]
    (action,) = [a for a in help_menu.actions() if words in a.text().replace("&", "")]
    return action


def shown_dialog(window, title: str) -> QDialog:
    (dialog,) = [
        d for d in window.findChildren(QDialog) if d.isVisible() and title in d.windowTitle()
    ]
    return dialog


def test_help_lists_every_keyboard_shortcut(qtbot, window) -> None:
    help_action(window, "Keyboard Shortcuts").trigger()
    dialog = shown_dialog(window, "Keyboard Shortcuts")
    (table,) = dialog.findChildren(QTableWidget)
    rows = {table.item(row, 0).text(): table.item(row, 1).text() for row in range(table.rowCount())}
    assert "Ctrl+F" in rows["Find…"]
    assert rows["Tag as Loaded label"] == "1"
    assert rows["Change the tag to Unsourced claim"] == "Ctrl+2"
    assert "F1" in rows["Tag Guide"]


def test_help_about_names_slant_and_its_version(qtbot, window) -> None:
    help_action(window, "About").trigger()
    dialog = shown_dialog(window, "About")
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Slant" in text
    assert __version__ in text


def cut_labels(dialog) -> list[str]:
    """The wrapped labels of *dialog* shown lower than their text needs."""
    wrapped = [w for w in dialog.findChildren(QLabel) if w.isVisible() and w.wordWrap()]
    assert wrapped
    return [w.text() for w in wrapped if w.height() < w.heightForWidth(w.width())]


def test_no_preferences_hint_is_cut_through_its_lines(qtbot) -> None:
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for width in (dialog.width(), dialog.width() + 200):
        dialog.resize(width, dialog.minimumHeight())
        # The layout settles in posted events: wait for it, then every line shows.
        qtbot.waitUntil(lambda: cut_labels(dialog) == [], timeout=2000)
        assert dialog.width() == width
