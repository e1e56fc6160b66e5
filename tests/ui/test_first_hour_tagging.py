"""Tagging words a second time with the same tag shows the annotation they already have."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

STORY = "Headline\n\nThe so-called experts said the plan was a disaster.\n"


def open_story(window, tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert window.open_path(path)


def select(window, words: str, spaces_after: int = 0) -> None:
    start = STORY.index(words)
    window.view.select_span(start, start + len(words) + spaces_after)


def test_the_same_tag_on_the_same_words_selects_the_annotation_they_have(qtbot, window, tmp_path):
    open_story(window, tmp_path)
    select(window, "so-called experts")
    qtbot.keyClicks(window.view, "1")
    (first,) = window.document.annotations()
    select(window, "the plan")
    qtbot.keyClicks(window.view, "1")
    assert window.sidebar.current_annotation_id() != first.id
    # The same words again, with a space after them that tagging trims away.
    select(window, "so-called experts", spaces_after=1)
    qtbot.keyClicks(window.view, "1")
    assert [a.exact for a in window.document.annotations()] == ["so-called experts", "the plan"]
    assert window.sidebar.counts()["loaded-label"] == 2
    assert window.sidebar.current_annotation_id() == first.id
    message = window.statusBar().currentMessage()
    assert "already tagged" in message and "so-called experts" in message
    assert window.document.undo_stack.count() == 2, "nothing to undo for the repeat"


def test_another_tag_on_the_same_words_is_a_second_annotation(qtbot, window, tmp_path):
    open_story(window, tmp_path)
    select(window, "so-called experts")
    qtbot.keyClicks(window.view, "1")
    select(window, "so-called experts")
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    tags = sorted(a.tag for a in window.document.annotations())
    assert tags == ["loaded-label", "unsourced-claim"]
