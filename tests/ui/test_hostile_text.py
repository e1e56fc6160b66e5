"""Markup and direction overrides in files show literally, in the main and the class window."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import QLabel, QListView, QMessageBox, QStyleOptionViewItem, QToolTip

from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.classroom import gather_class
from app.core.sidecar import Author, new_sidecar, sidecar_path, write_sidecar
from app.core.tags import TagSet, default_tagset
from app.ui.classroom.class_view import ClassWindow
from app.ui.dialogs.preferences import PreferencesDialog
from app.ui.dialogs.tag_guide import show_tag_guide
from app.ui.messages import ConfirmMessage, MessageBar, ProblemMessage, QuestionMessage
from app.ui.settings import Settings
from app.ui.sidebar.attention import AttentionItem

HOSTILE = '<h1>SECURITY ALERT</h1><img src="file:///etc/passwd">'
SPOOF = "Mallory\u202egnp.exe"
RLO = "\u202e"
STORY = "Harbour deal\n\nThe so-called ferry king met the mayor on Monday.\n"
QUOTE = "so-called ferry king"


def shown(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What Qt shows of *text*: as HTML when the format (or Qt's guess) says rich text."""
    rich = text_format == Qt.TextFormat.RichText or (
        text_format == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    if not rich:
        return text
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText().replace("\u2028", "\n")


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


def isolated(name: str) -> bool:
    """True when *name* shows in stored order and as one unit (FSI ... PDI, no override)."""
    return RLO not in name and name.startswith("\u2068") and name.endswith("\u2069")


def hostile_tagset() -> TagSet:
    first, *rest = default_tagset().tags
    return TagSet("hostile", (replace(first, label=HOSTILE, description=HOSTILE), *rest))


def plant_article(folder: Path, name: str = "story.txt", author: str = SPOOF) -> Path:
    """An article whose sidecar has a hostile tag set and note, by *author*."""
    path = folder / name
    path.write_text(STORY, encoding="utf-8")
    article = load_article(path)
    sidecar = new_sidecar(article, Author(author, "student"), hostile_tagset())
    at = article.text.index(QUOTE)
    tag = sidecar.tagset.tags[0].id
    sidecar.annotations.append(make_annotation(article.text, tag, at, at + len(QUOTE), HOSTILE))
    write_sidecar(sidecar_path(path), sidecar)
    return path


def tooltip_of(view: QListView, row: int) -> str:
    """Ask *view* for the tooltip of *row*, as the mouse would; return the text Qt shows."""
    QToolTip.hideText()
    index = view.model().index(row, 0)
    point = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    return QToolTip.text()


@pytest.fixture
def hostile_window(window, tmp_path):
    assert window.open_path(plant_article(tmp_path))
    return window


# -- the main window ---------------------------------------------------------------------


def test_the_tag_button_tooltip_shows_a_hostile_label_literally(hostile_window):
    button = next(iter(hostile_window.sidebar.tag_buttons.values()))
    assert HOSTILE in shown(button.toolTip())
    assert "&lt;h1&gt;" in button.toolTip()


def test_the_tag_action_tooltip_shows_a_hostile_description_literally(hostile_window):
    action = next(iter(hostile_window.actions.tag_actions.values()))
    assert HOSTILE in shown(action.toolTip())


def test_an_annotation_tooltip_shows_a_hostile_note_literally(hostile_window, qtbot):
    view = hostile_window.sidebar.list_view
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    text = tooltip_of(view, 0)
    assert "Note: " + HOSTILE in shown(text)


def test_the_tag_guide_list_shows_a_hostile_description_literally(hostile_window):
    guide = show_tag_guide(hostile_window)
    assert HOSTILE in shown(guide.tag_list.item(0).toolTip())


def test_attention_buttons_quote_hostile_words_literally(qtbot):
    text = f"Before {HOSTILE} after"
    annotation = replace(
        make_annotation(text, "loaded-label", 7, 7 + len(HOSTILE)), status="orphan"
    )
    item = AttentionItem(annotation, HOSTILE, "#D55E00")
    qtbot.addWidget(item)
    for button in item.buttons.values():
        assert "<h1>SECURITY ALERT</h1>" in shown(button.toolTip())


def test_the_window_title_isolates_a_spoofed_article_title(window, tmp_path):
    path = tmp_path / "spoof.txt"
    path.write_text(f"{SPOOF}\n\nBody.\n", encoding="utf-8")
    assert window.open_path(path)
    title = window.windowTitle()
    assert RLO not in title
    assert "\u2068Mallorygnp.exe\u2069" in title


def test_recent_files_isolate_spoofed_file_names(window, tmp_path):
    path = tmp_path / f"{SPOOF}.txt"
    path.write_text(STORY, encoding="utf-8")
    assert window.open_path(path)
    entry = window.recent_menu.actions()[0]
    assert RLO not in entry.text()
    assert "\u2068Mallorygnp.exe.txt\u2069" in entry.text()
    assert RLO not in entry.statusTip()


def test_the_message_bar_shows_markup_literally(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_notice(f"The file {HOSTILE}.json could not be read.")
    assert HOSTILE in label_shows(bar.label)


@pytest.mark.parametrize(
    ("message", "extra"),
    [(ProblemMessage, ()), (ConfirmMessage, ("Lose",)), (QuestionMessage, ("Merge",))],
)
def test_message_boxes_show_file_values_as_plain_text(monkeypatch, message, extra):
    seen: list[tuple[Qt.TextFormat, str]] = []

    def exec_(box):
        seen.append((box.textFormat(), box.text()))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    message.ask(None, "Title", f"{HOSTILE} is damaged", *extra)
    [(text_format, text)] = seen
    assert HOSTILE in shown(text, text_format)


def test_the_preferences_show_a_hostile_tag_set_literally(qtbot, tmp_path):
    tag = default_tagset().tags[0].to_json()
    tag["label"] = HOSTILE
    path = tmp_path / "tags.json"
    path.write_text(json.dumps({"name": HOSTILE, "tags": [tag]}), encoding="utf-8")
    dialog = PreferencesDialog(Settings(tagset_file=str(path)))
    qtbot.addWidget(dialog)
    assert label_shows(dialog.tagset_status).count(HOSTILE) == 2


# -- the class window --------------------------------------------------------------------


@pytest.fixture
def class_window(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ProblemMessage, "ask", classmethod(lambda cls, *a: None))
    folder = tmp_path / "class"
    folder.mkdir()
    article = plant_article(tmp_path, "story.txt", "Teacher")
    plant_article(folder, "story.txt", SPOOF)
    (folder / "story.txt").unlink()
    data = gather_class(load_article(article), [folder], None)
    made = ClassWindow(data)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def display_text(view, row: int, column: int = 0) -> str:
    index = view.model().index(row, column)
    option = QStyleOptionViewItem()
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return option.text


def test_the_class_window_isolates_a_spoofed_student_name(class_window):
    name = display_text(class_window.student_list, 0)
    assert isolated(name)
    assert "Mallorygnp.exe" in name


def test_the_class_tables_isolate_names_and_show_notes_literally(class_window, qtbot):
    window = class_window
    at = window.class_data.article.text.index(QUOTE)
    window.view.select_span(at + 2, at + 2)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 1)
    assert isolated(display_text(window.tagged_table, 0, 0))
    index = window.tagged_table.model().index(0, 2)
    point = window.tagged_table.visualRect(index).center()
    viewport = window.tagged_table.viewport()
    QToolTip.hideText()
    window.tagged_table.viewportEvent(
        QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    )
    assert HOSTILE in shown(QToolTip.text())
    assert isolated(display_text(window.score_table, 0, 0))


def test_the_class_window_labels_show_a_hostile_tag_label_literally(class_window, qtbot):
    window = class_window
    window.tag_combo.setCurrentIndex(0)
    at = window.class_data.article.text.index(QUOTE)
    window.view.select_span(at + 2, at + 2)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 1)
    assert HOSTILE in label_shows(window.here_label)


def test_the_heat_map_tooltip_shows_a_hostile_tag_label_literally(class_window, qtbot):
    window = class_window
    window.tag_combo.setCurrentIndex(0)
    at = window.class_data.article.text.index(QUOTE)
    cursor = window.view.textCursor()
    cursor.setPosition(at + 3)
    rect = window.view.cursorRect(cursor)
    point = window.view.viewport().mapTo(window.view, rect.center())
    QToolTip.hideText()
    window.view.event(QHelpEvent(QEvent.Type.ToolTip, point, window.view.mapToGlobal(point)))
    assert HOSTILE in shown(QToolTip.text())


def test_the_class_summary_isolates_the_key_file_name(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(ProblemMessage, "ask", classmethod(lambda cls, *a: None))
    article = plant_article(tmp_path, "story.txt", "Teacher")
    key = tmp_path / f"<b>{SPOOF}.json"
    sidecar_path(article).rename(key)
    data = gather_class(load_article(article), [], key)
    window = ClassWindow(data)
    qtbot.addWidget(window)
    text = label_shows(window.summary_label)
    assert "\u2068<b>Mallorygnp.exe.json\u2069" in text
