"""File > Open Class... takes the zip an LMS downloads as well as a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from app.ui.classroom.class_dialogs import ClassChoice, OpenClassDialog
from app.ui.classroom.class_view import open_class_window
from app.ui.messages import ProblemMessage
from tests.core.test_lms_submissions import annotation, make_article, make_zip, sidecar_bytes


def moodle_zip(tmp_path: Path) -> tuple[Path, Path]:
    """story.txt and a Moodle download of two students' sidecars (one without a name)."""
    article = make_article(tmp_path)
    folder = "{}_{}_assignsubmission_file_/story.txt.slant.json"
    zipped = make_zip(
        tmp_path / "Harbour-Assignment 1.zip",
        {
            folder.format("Ana Lopez", 11): sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
            folder.format("Ben Okafor", 12): sidecar_bytes(
                article, "Ben", [annotation(article, "giveaway")]
            ),
        },
    )
    assert article.path is not None
    return article.path, zipped


def test_the_zip_button_picks_a_zip_and_the_dialog_accepts_it(qtbot, tmp_path, monkeypatch):
    article, zipped = moodle_zip(tmp_path)
    asked: list[str] = []

    def pick(parent, title, folder, filters):
        asked.append(filters)
        return str(zipped), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    dialog = OpenClassDialog(None, article)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.zip_button, Qt.MouseButton.LeftButton)
    assert asked and "*.zip" in asked[0]
    assert dialog.folder_edit.text() == str(zipped)
    assert dialog.choice() == ClassChoice(article, zipped)
    dialog.folder_edit.setText(str(tmp_path / "story.txt"))  # a file that is no zip
    assert dialog.choice() is None


def test_opening_a_class_from_a_zip_names_every_student(qtbot, tmp_path, monkeypatch):
    article, zipped = moodle_zip(tmp_path)
    choice = ClassChoice(article, zipped)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, a: choice))
    opened = open_class_window(None)
    assert opened is not None
    qtbot.addWidget(opened)
    assert [s.name for s in opened.class_data.students] == ["Ana Lopez", "Ben"]


def test_a_zip_that_cannot_be_read_is_said_once_and_no_window_opens(qtbot, tmp_path, monkeypatch):
    article, zipped = moodle_zip(tmp_path)
    zipped.write_bytes(zipped.read_bytes()[:100])
    shown: list[str] = []
    monkeypatch.setattr(
        ProblemMessage, "ask", classmethod(lambda cls, parent, title, text: shown.append(text))
    )
    choice = ClassChoice(article, zipped)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, a: choice))
    assert open_class_window(None) is None
    assert len(shown) == 1 and str(zipped) in shown[0] and "not a zip file" in shown[0]
