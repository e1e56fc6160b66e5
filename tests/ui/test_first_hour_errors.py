"""Errors a student meets in the first hour are said once, in plain words, with what to do."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app.core.sidecar import sidecar_path
from app.ui.messages import ConfirmMessage, ProblemMessage, QuestionMessage

STORY = "Harbour news\n\nThe so-called experts said the ferry plan was a disaster.\n"
BROKEN = b'{"format": "slant-annotations", "version": 1, "annotations": [{"id": "unterminated'


@pytest.fixture
def dialogs(monkeypatch) -> SimpleNamespace:
    """Replace every dialog; record the problems they were asked to show."""
    record = SimpleNamespace(problems=[])
    monkeypatch.setattr(
        ProblemMessage, "ask", classmethod(lambda cls, p, title, text: record.problems.append(text))
    )
    monkeypatch.setattr(QuestionMessage, "ask", classmethod(lambda cls, *a: False))
    monkeypatch.setattr(ConfirmMessage, "ask", classmethod(lambda cls, *a: False))
    return record


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_a_broken_sidecar_is_said_once_in_plain_words_with_details_behind_a_button(
    qtbot, window, dialogs, story
):
    sidecar_path(story).write_bytes(BROKEN)
    assert window.open_path(story)
    bar = window.message_bar
    assert dialogs.problems == [], "no dialog on top of the bar"
    assert window.statusBar().currentMessage() == "", "and not in the status bar either"
    assert bar.isVisible()
    (copy,) = story.parent.glob("story.txt.slant.json.corrupt-*")
    assert bar.text() == (
        "Your annotations file story.txt.slant.json could not be read: it is damaged or it is "
        f"not a Slant file. Slant keeps a copy of it as {copy.name}. Slant starts with no "
        "annotations. New ones you make are saved to story.txt.slant.json, which replaces "
        "the damaged file."
    )
    assert "JSON" not in bar.text()
    assert not bar.details_label.isVisible()
    qtbot.mouseClick(bar.details_button, Qt.MouseButton.LeftButton)
    assert bar.details_label.isVisible()
    assert bar.details_label.text().startswith("story.txt.slant.json: ")
    assert "not valid JSON (line 1" in bar.details_label.text()
    assert bar.details_button.text() == "Hide Details"
    qtbot.mouseClick(bar.details_button, Qt.MouseButton.LeftButton)
    assert not bar.details_label.isVisible()


def test_reopening_a_broken_sidecar_keeps_one_copy_of_it(window, dialogs, story, tmp_path):
    sidecar_path(story).write_bytes(BROKEN)
    other = tmp_path / "other.txt"
    other.write_text(STORY, encoding="utf-8")
    for path in (story, other, story, other, story):
        assert window.open_path(path)
    (copy,) = story.parent.glob("story.txt.slant.json.corrupt-*")
    assert copy.read_bytes() == BROKEN
    assert copy.name in window.message_bar.text()


def test_a_notice_without_details_has_no_details_button(window, dialogs, story):
    sidecar_path(story).write_bytes(BROKEN)
    assert window.open_path(story)
    window.message_bar.show_notice("Saved in another folder.")
    assert not window.message_bar.details_button.isVisible()
    assert window.message_bar.details() == ""


def test_a_recent_file_that_is_gone_is_explained_in_a_sentence(window, dialogs, story, tmp_path):
    gone = tmp_path / "gone.txt"
    gone.write_text(STORY, encoding="utf-8")
    assert window.open_path(gone)
    assert window.open_path(story)
    gone.unlink()
    (entry,) = [a for a in window.recent_menu.actions() if "gone.txt" in a.text()]
    entry.trigger()
    assert dialogs.problems == [
        f"Slant cannot find gone.txt: it is no longer in {tmp_path}. It may have been moved, "
        "renamed or deleted, or it is on a USB stick or drive that is not plugged in. "
        "The article you had open stays open."
    ]
    assert window.document.article.path == story


def test_a_windows_1252_text_opens_says_so_and_is_recorded_in_the_sidecar(
    qtbot, window, dialogs, tmp_path
):
    path = tmp_path / "noticia.txt"
    path.write_bytes(
        "Noticias\r\n\r\nEl alcalde dijo que el año fue “difícil”.\r\n".encode("cp1252")
    )
    assert window.open_path(path)
    assert dialogs.problems == []
    assert "el año fue “difícil”" in window.document.article.text
    assert window.message_bar.text() == (
        "noticia.txt is not saved as UTF-8, so Slant read it as Windows-1252 (Western "
        "European) text. If some letters look wrong, save it as UTF-8 from your editor and "
        "open it again."
    )
    start = window.document.article.text.index("difícil")
    window.document.add("loaded-label", start, start + len("difícil"))
    written = sidecar_path(path)
    qtbot.waitUntil(written.exists, timeout=10_000)
    assert json.loads(written.read_text(encoding="utf-8"))["article"]["encoding"] == (
        "windows-1252"
    )


def test_a_text_in_an_unknown_encoding_says_what_to_do(window, dialogs, tmp_path):
    path = tmp_path / "novosti.txt"
    path.write_bytes("Новости\n\nМэр сказал, что год был трудным.\n".encode("cp1251"))
    assert not window.open_path(path)
    assert dialogs.problems == [
        "novosti.txt is not saved as UTF-8 text, so Slant cannot read its letters. Open it in "
        "your text editor, save it as UTF-8 (under “Save As”, choose the encoding UTF-8) and "
        "open it again."
    ]
