"""A student's first hour (issue 16): find, delete, menus and dialogs, driven as a student would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

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
