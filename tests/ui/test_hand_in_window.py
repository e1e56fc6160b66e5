"""File > Hand In: the reader's annotations, named for the teacher, in the folder they pick."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from reader_actions import tag

from app.core.article import load_article
from app.core.classroom import gather_class
from app.core.sidecar import read_sidecar
from app.ui.dialogs.author_dialog import AuthorDialog, Purpose
from app.ui.handin import HandInFolderDialog
from app.ui.messages import ConfirmMessage, ProblemMessage
from app.ui.settings import settings_path

STORY = "Harbour news\n\nThe so-called experts said the ferry plan was a disaster.\n"
HANDED_IN = "Harbour news - Maya Ruiz.slant.json"


@pytest.fixture
def dialogs(monkeypatch, tmp_path: Path) -> SimpleNamespace:
    """Replace the dialogs; record what they were asked and answer from the record."""
    usb = tmp_path / "usb"
    usb.mkdir()
    record = SimpleNamespace(
        problems=[], confirms=[], names=[], folders=[], name=None, folder=usb, replace=False
    )

    def problem(cls, parent, title, text):
        record.problems.append(f"{title}: {text}")

    def confirm(cls, parent, title, text, yes):
        record.confirms.append(text)
        return record.replace

    def author(cls, parent, name=""):
        record.names.append(name)
        return record.name

    def folder(cls, parent, directory):
        record.folders.append(directory)
        return record.folder

    monkeypatch.setattr(ProblemMessage, "ask", classmethod(problem))
    monkeypatch.setattr(ConfirmMessage, "ask", classmethod(confirm))
    monkeypatch.setattr(AuthorDialog, "ask_to_hand_in", classmethod(author))
    monkeypatch.setattr(HandInFolderDialog, "ask", classmethod(folder))
    return record


@pytest.fixture
def window(dialogs, new_main_window, tmp_path: Path):
    """A window showing story.txt with "so-called experts" tagged; no name known yet."""
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    made = new_main_window()
    assert made.open_path(article)
    tag(made, "so-called experts")
    yield made
    made.document.shutdown()


def test_hand_in_asks_the_name_once_and_says_where_the_copy_went(window, dialogs) -> None:
    dialogs.name = "Maya Ruiz"
    written = window.hand_in()
    assert written == dialogs.folder / HANDED_IN
    assert len(dialogs.names) == 1 and window.settings.author_name == "Maya Ruiz"
    copy = read_sidecar(written)
    assert copy.author.name == "Maya Ruiz"
    assert [a.exact for a in copy.annotations] == ["so-called experts"]
    notice = window.message_bar.text()
    assert HANDED_IN in notice and str(dialogs.folder) in notice and "1 annotation" in notice
    window.actions.hand_in.trigger()  # the name is known now: not asked again
    assert len(dialogs.names) == 1
    assert dialogs.folders[-1] == dialogs.folder  # the folder chosen is offered again


def test_without_a_name_nothing_is_handed_in(window, dialogs) -> None:
    assert window.hand_in() is None
    assert dialogs.names == [""]
    assert dialogs.folders == []  # not asked where, since it cannot go anywhere
    assert dialogs.problems == []  # the student said no: no second dialog says it again
    status = window.statusBar().currentMessage()
    assert "Nothing was handed in" in status and "File > Your Name" in status
    assert list(dialogs.folder.iterdir()) == []


def test_the_name_question_says_that_skipping_it_means_not_handing_in(qtbot) -> None:
    dialog = AuthorDialog("", purpose=Purpose.HAND_IN)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "cannot be handed in without it" in text
    assert "skip" not in text.casefold() and "Welcome" not in dialog.windowTitle()
    buttons = [button.text() for button in dialog.buttons.buttons()]
    assert "Don't Hand In" in buttons and "Skip" not in buttons
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Continue" and not ok.isEnabled()  # no hand-in without a name
    qtbot.keyClicks(dialog.name_edit, "  ")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Maya")
    assert ok.isEnabled()
    with qtbot.waitSignal(dialog.accepted):
        ok.click()
    assert dialog.name() == "Maya"


def test_the_first_name_question_still_welcomes_and_may_be_skipped(qtbot) -> None:
    dialog = AuthorDialog("")
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "You can skip this" in text and "Welcome" in dialog.windowTitle()
    assert "Skip" in [button.text() for button in dialog.buttons.buttons()]
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_an_earlier_hand_in_is_replaced_only_when_the_student_says_so(window, dialogs) -> None:
    window.settings.author_name = "Maya Ruiz"
    first = window.hand_in()
    before = first.read_bytes()
    tag(window, "ferry plan", Qt.Key.Key_2)
    assert window.hand_in() is None
    (question,) = dialogs.confirms
    assert HANDED_IN in question and str(dialogs.folder) in question
    assert first.read_bytes() == before
    dialogs.replace = True
    assert window.hand_in() == first
    assert sorted(a.exact for a in read_sidecar(first).annotations) == [
        "ferry plan",
        "so-called experts",
    ]
    assert [p.name for p in dialogs.folder.iterdir()] == [HANDED_IN]


def test_a_folder_that_is_gone_gets_one_message_naming_it(window, dialogs, tmp_path) -> None:
    window.settings.author_name = "Maya Ruiz"
    dialogs.folder = tmp_path / "unplugged stick"
    assert window.hand_in() is None
    (problem,) = dialogs.problems
    assert problem.count(str(dialogs.folder)) == 1


def test_the_answer_key_is_not_handed_in(window, dialogs) -> None:
    window.settings.author_name = "Ms Lund"
    window.actions.answer_key.trigger()
    assert not window.actions.hand_in.isEnabled()
    assert window.hand_in() is None
    assert dialogs.folders == []


def test_the_folder_chosen_is_proposed_again_in_the_next_session(
    window, dialogs, new_main_window, tmp_path: Path
) -> None:
    window.settings.author_name = "Maya Ruiz"
    assert window.hand_in() is not None
    saved = json.loads(settings_path().read_text(encoding="utf-8"))
    assert saved["hand_in_folder"] == str(dialogs.folder)
    window.document.shutdown()
    next_lesson = new_main_window()  # reads the settings file afresh
    assert next_lesson.open_path(tmp_path / "story.txt")
    dialogs.folder = None  # the student looks where it proposes, then cancels
    assert next_lesson.hand_in() is None
    assert dialogs.folders[-1] == tmp_path / "usb"
    next_lesson.document.shutdown()


def test_a_remembered_folder_that_is_gone_gives_the_desktop(
    dialogs, new_main_window, monkeypatch, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    (home / "Desktop").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    unplugged = {"author_name": "Maya Ruiz", "hand_in_folder": str(tmp_path / "unplugged")}
    settings_path().write_text(json.dumps(unplugged), encoding="utf-8")
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    window = new_main_window()
    assert window.open_path(tmp_path / "story.txt")
    dialogs.folder = None
    assert window.hand_in() is None
    assert dialogs.folders == [home / "Desktop"]
    window.document.shutdown()


def test_two_students_hand_in_and_the_class_names_both(
    dialogs, new_main_window, tmp_path: Path
) -> None:
    for name, quote in (("Maya Ruiz", "so-called experts"), ("Omar Haddad", "ferry plan")):
        desk = tmp_path / name
        desk.mkdir()
        (desk / "story.txt").write_text(STORY, encoding="utf-8")
        window = new_main_window()
        window.settings.author_name = name
        assert window.open_path(desk / "story.txt")
        tag(window, quote)
        assert window.hand_in() is not None
        window.document.shutdown()
    class_data = gather_class(load_article(tmp_path / "Maya Ruiz" / "story.txt"), [dialogs.folder])
    assert sorted(s.name for s in class_data.students) == ["Maya Ruiz", "Omar Haddad"]
