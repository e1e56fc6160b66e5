"""File > New Answer Key: the teacher annotates the article in the main window as the key,
which Open Class then finds beside the article; the reader's own annotations stay apart."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from reader_actions import tag

from app.core import store
from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.classroom import gather_class
from app.core.sidecar import new_sidecar, read_sidecar, sidecar_path
from app.ui import answer_key
from app.ui.answer_key import AnswerKeyFileDialog
from app.ui.dialogs.author_dialog import AuthorDialog
from app.ui.messages import ProblemMessage

STORY = "Harbour news\n\nThe so-called experts said the ferry plan was a disaster.\n"
KEY_NAME = "story.txt.key.slant.json"


@pytest.fixture
def dialogs(monkeypatch) -> SimpleNamespace:
    """Replace the dialogs; record what they were asked."""
    record = SimpleNamespace(problems=[], key_file=None, key_asked=[])

    def problem(cls, parent, title, text):
        record.problems.append(f"{title}: {text}")

    def key_file(cls, parent, suggested):
        record.key_asked.append(suggested)
        return record.key_file

    monkeypatch.setattr(ProblemMessage, "ask", classmethod(problem))
    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))
    monkeypatch.setattr(AnswerKeyFileDialog, "ask", classmethod(key_file))
    return record


@pytest.fixture
def window(dialogs, new_main_window, tmp_path: Path):
    """A window showing story.txt, whose reader tagged "so-called experts"."""
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    made = new_main_window()
    made.settings.author_name = "Ms Lund"
    assert made.open_path(article)
    tag(made, "so-called experts")
    yield made
    made.document.shutdown()


def quotes(window) -> list[str]:
    return [a.exact for a in window.document.annotations()]


def test_a_new_key_is_saved_beside_the_article_and_open_class_finds_it(
    window, tmp_path: Path
) -> None:
    window.actions.answer_key.trigger()
    assert window.document.is_answer_key
    assert quotes(window) == []  # the reader's annotation is not in the key
    assert "Answer Key" in window.windowTitle()
    assert "Answer key" in window.save_label.text()
    assert KEY_NAME in window.message_bar.text()
    tag(window, "ferry plan", Qt.Key.Key_2)
    assert window.document.flush()
    key_file = tmp_path / KEY_NAME
    key = read_sidecar(key_file)
    assert [a.exact for a in key.annotations] == ["ferry plan"]
    assert (key.author.name, key.author.role) == ("Ms Lund", "teacher")
    own = read_sidecar(sidecar_path(tmp_path / "story.txt"))
    assert [a.exact for a in own.annotations] == ["so-called experts"]
    hand_ins = tmp_path / "hand-ins"
    hand_ins.mkdir()
    class_data = gather_class(load_article(tmp_path / "story.txt"), [hand_ins])
    assert class_data.key is not None
    assert [a.exact for a in class_data.key.sidecar.annotations] == ["ferry plan"]


def test_the_same_item_goes_back_to_the_readers_own_annotations(window, tmp_path) -> None:
    window.actions.answer_key.trigger()
    assert window.actions.answer_key.text() == "&Back to Your Annotations"
    assert not window.actions.hand_in.isEnabled()
    tag(window, "ferry plan", Qt.Key.Key_2)
    window.actions.answer_key.trigger()
    assert not window.document.is_answer_key
    assert quotes(window) == ["so-called experts"]
    assert "Answer Key" not in window.windowTitle()
    assert window.actions.answer_key.text() == "New &Answer Key…"
    assert window.actions.hand_in.isEnabled()
    # What was made meanwhile went to the key only, and stays there.
    key = read_sidecar(tmp_path / KEY_NAME)
    assert [a.exact for a in key.annotations] == ["ferry plan"]
    tag(window, "a disaster", Qt.Key.Key_3)
    assert window.document.flush()
    assert [a.exact for a in read_sidecar(tmp_path / KEY_NAME).annotations] == ["ferry plan"]


def test_the_sidebar_heads_the_list_as_the_answer_key_while_it_is_open(window) -> None:
    heading = window.sidebar.total_label
    assert heading.text() == "YOUR ANNOTATIONS · 1"
    window.actions.answer_key.trigger()
    assert heading.text() == "ANSWER KEY"
    tag(window, "ferry plan", Qt.Key.Key_2)
    assert heading.text() == "ANSWER KEY · 1"
    window.actions.answer_key.trigger()
    assert heading.text() == "YOUR ANNOTATIONS · 1"


def test_an_existing_key_is_opened_for_editing_never_started_afresh(window, tmp_path) -> None:
    article = load_article(tmp_path / "story.txt")
    earlier = new_sidecar(article)
    start = STORY.index("disaster")
    earlier.annotations.append(make_annotation(article.text, "loaded-label", start, start + 8))
    store.save_to(tmp_path / KEY_NAME, article, earlier)
    before = (tmp_path / KEY_NAME).read_bytes()
    window.actions.answer_key.trigger()
    assert quotes(window) == ["disaster"]
    assert "already" in window.message_bar.text()
    assert (tmp_path / KEY_NAME).read_bytes() == before
    tag(window, "ferry plan", Qt.Key.Key_2)
    assert window.document.flush()
    kept = read_sidecar(tmp_path / KEY_NAME)
    assert sorted(a.exact for a in kept.annotations) == ["disaster", "ferry plan"]


def test_a_key_that_cannot_be_read_is_named_and_the_readers_work_stays(
    window, dialogs, tmp_path
) -> None:
    (tmp_path / KEY_NAME).write_text("{not json", encoding="utf-8")
    window.actions.answer_key.trigger()
    assert not window.document.is_answer_key
    assert quotes(window) == ["so-called experts"]
    (problem,) = dialogs.problems
    assert KEY_NAME in problem and "own annotations stay open" in problem
    assert (tmp_path / KEY_NAME).read_text(encoding="utf-8") == "{not json"


def test_where_the_folder_cannot_be_written_the_teacher_chooses_the_place(
    window, dialogs, monkeypatch, tmp_path
) -> None:
    monkeypatch.setattr(answer_key, "can_write_in", lambda folder: False)
    elsewhere = tmp_path / "my keys"
    elsewhere.mkdir()
    dialogs.key_file = elsewhere / "harbour"
    window.actions.answer_key.trigger()
    assert dialogs.key_asked[0].name == KEY_NAME
    assert window.document.is_answer_key
    assert str(elsewhere / "harbour.key.slant.json") in window.message_bar.text()
    tag(window, "ferry plan", Qt.Key.Key_2)
    assert window.document.flush()
    assert [a.exact for a in read_sidecar(elsewhere / "harbour.key.slant.json").annotations] == [
        "ferry plan"
    ]
    assert not (tmp_path / KEY_NAME).exists()
    assert not any(Path(store.paths.fallback_dir()).glob("*key*"))


def test_cancelling_the_place_leaves_the_reader_where_they_were(
    window, dialogs, monkeypatch
) -> None:
    monkeypatch.setattr(answer_key, "can_write_in", lambda folder: False)
    window.actions.answer_key.trigger()
    assert dialogs.key_asked
    assert not window.document.is_answer_key
    assert quotes(window) == ["so-called experts"]


def test_opening_another_article_leaves_the_key(window, tmp_path) -> None:
    window.actions.answer_key.trigger()
    other = tmp_path / "other.txt"
    other.write_text("Other news\n\nNothing happened today.\n", encoding="utf-8")
    assert window.open_path(other)
    assert not window.document.is_answer_key
    assert window.actions.answer_key.text() == "New &Answer Key…"
    assert window.document.sidecar_path == sidecar_path(other)
    assert window.sidebar.total_label.text() == "YOUR ANNOTATIONS"
