"""A note is written where the student is: Enter in the article, a double-click on a highlight."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from app.ui.dialogs.note_editor import NoteEditor

STORY = "Headline\n\nThe so-called experts said the plan was a disaster for the town.\n"
Key = Qt.Key


@pytest.fixture
def asked(monkeypatch) -> list[str]:
    """The quotes the note editor was opened for; each time it answers "Why this word?"."""
    quotes: list[str] = []

    def ask(cls, parent, quote, tag_label, note):
        quotes.append(quote)
        return "Why this word?"

    monkeypatch.setattr(NoteEditor, "ask", classmethod(ask))
    return quotes


@pytest.fixture
def story(window, tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert window.open_path(path)
    return window


def tag(qtbot, window, words: str, key: str) -> None:
    start = STORY.index(words)
    window.view.select_span(start, start + len(words))
    qtbot.keyClicks(window.view, key)


def notes(window) -> dict[str, str]:
    return {a.exact: a.note for a in window.document.annotations()}


def point_in(window, words: str) -> QPoint:
    """A point of the viewport on the middle of the first letter of *words*."""
    start = STORY.index(words)
    window.view.select_span(start, start)
    caret = window.view.cursorRect()
    return QPoint(caret.right() + 3, caret.center().y())


def test_enter_right_after_tagging_writes_that_annotations_note(qtbot, story, asked):
    tag(qtbot, story, "so-called", "1")
    qtbot.keyClick(story.view, Key.Key_Return)
    assert asked == ["so-called"]
    assert notes(story) == {"so-called": "Why this word?"}


def test_enter_with_the_caret_in_a_highlight_writes_its_note(qtbot, story, asked):
    tag(qtbot, story, "so-called", "1")
    tag(qtbot, story, "was a disaster", "2")
    inside = STORY.index("so-called") + 3
    story.view.select_span(inside, inside)
    qtbot.keyClick(story.view, Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert asked == ["so-called"]
    assert story.sidebar.current_annotation_id() == next(
        a.id for a in story.document.annotations() if a.exact == "so-called"
    )


def test_enter_away_from_the_highlights_says_how_to_write_a_note(qtbot, story, asked):
    tag(qtbot, story, "so-called", "1")
    away = STORY.index("the plan")
    story.view.select_span(away, away)
    qtbot.keyClick(story.view, Key.Key_Return)
    assert asked == []
    assert "press Enter to write its note" in story.statusBar().currentMessage()


def test_a_double_click_on_a_highlight_writes_its_note(qtbot, story, asked):
    tag(qtbot, story, "so-called", "1")
    tag(qtbot, story, "was a disaster", "2")
    where = point_in(story, "disaster")
    qtbot.mouseDClick(story.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked == ["was a disaster"]
    assert notes(story)["was a disaster"] == "Why this word?"
    assert not story.view.textCursor().hasSelection(), "no word selected to tag by mistake"


def test_a_double_click_on_plain_words_still_selects_a_word(qtbot, story, asked):
    where = point_in(story, "experts")
    qtbot.mouseDClick(story.view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked == []
    assert story.view.textCursor().selectedText() == "experts"
