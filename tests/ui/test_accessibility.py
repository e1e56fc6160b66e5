"""Accessibility: names for every focusable widget, a keyboard-only session, 200% zoom."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QWidget

from app.core.sidecar import read_sidecar, sidecar_path
from app.ui.dialogs.author_dialog import AuthorDialog
from app.ui.dialogs.note_editor import NoteEditor
from app.ui.dialogs.preferences import PreferencesDialog
from app.ui.dialogs.tag_guide import TagGuide
from app.ui.main_window import MainWindow
from app.ui.settings import Settings

STORY = "Headline\n\nThe so-called experts said the plan was a disaster.\n"
Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def unnamed_focusable(root: QWidget) -> list[str]:
    """Focusable widgets (shown or not) that a screen reader could not name.

    A button's text is its name (Qt reads it out). The parts inside a combo box or
    spin box are announced by the box itself, which must be named.
    """
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        parent = widget.parentWidget()
        inside_box = False
        while parent is not None and parent is not root:
            inside_box = inside_box or isinstance(parent, QComboBox | QAbstractSpinBox)
            parent = parent.parentWidget()
        if not inside_box:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def open_story(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert window.open_path(path)
    return path


def test_every_focusable_widget_in_the_window_has_a_name(window, tmp_path):
    open_story(window, tmp_path)
    window.actions.find.trigger()
    window.message_bar.show_problem("The disk is full.")
    assert unnamed_focusable(window) == []


def test_every_focusable_widget_in_the_dialogs_has_a_name(qtbot):
    dialogs = [
        PreferencesDialog(Settings()),
        TagGuide(),
        NoteEditor("so-called experts", "Loaded label", "A note"),
        AuthorDialog("Ada"),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    assert {type(d).__name__: unnamed_focusable(d) for d in dialogs} == {
        type(d).__name__: [] for d in dialogs
    }


def test_the_check_catches_a_nameless_field(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    field = QComboBox(host)
    assert unnamed_focusable(host) == ["QComboBox ''"]
    field.setAccessibleName("Tag")
    assert unnamed_focusable(host) == []


def saved(article: Path) -> list[tuple[str, str, str]]:
    path = sidecar_path(article)
    if not path.exists():
        return []
    return [(a.tag, a.exact, a.note) for a in read_sidecar(path).annotations]


def type_note_with_keys(qtbot, text: str):
    """Replace NoteEditor.ask by the real editor, shown without a modal loop and typed in."""

    def ask(cls, parent, quote, tag_label, note):
        dialog = cls(quote, tag_label, note, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.waitUntil(dialog.editor.hasFocus)
        qtbot.keyClicks(dialog.editor, text)
        qtbot.keyClick(dialog.editor, Key.Key_Return, CTRL)
        # As the window manager does when a dialog closes: the window is active again.
        parent.activateWindow()
        qtbot.waitUntil(parent.isActiveWindow)
        return dialog.note() if dialog.result() == cls.DialogCode.Accepted else None

    return classmethod(ask)


def test_a_whole_session_with_the_keyboard_only(qtbot, window, tmp_path, monkeypatch):
    monkeypatch.setattr(
        NoteEditor, "ask", type_note_with_keys(qtbot, "Sneers before we hear them.")
    )
    article = open_story(window, tmp_path)
    view = window.view
    qtbot.waitUntil(view.hasFocus)
    # Caret to the paragraph, past "The "; Shift+Ctrl+Right three times: "so", "-", "called ".
    qtbot.keyClick(view, Key.Key_Down)
    qtbot.keyClick(view, Key.Key_Right, CTRL)
    for _ in range(3):
        qtbot.keyClick(view, Key.Key_Right, CTRL | SHIFT)
    qtbot.keyClicks(view, "1")
    tagged = [("loaded-label", "so-called", "")]
    qtbot.waitUntil(lambda: saved(article) == tagged, timeout=3000)
    qtbot.keyClick(view, Key.Key_F6)
    qtbot.waitUntil(window.sidebar.list_view.hasFocus)
    qtbot.keyClick(window.sidebar.list_view, Key.Key_Return)
    note = [("loaded-label", "so-called", "Sneers before we hear them.")]
    qtbot.waitUntil(lambda: saved(article) == note, timeout=3000)
    qtbot.keyClick(window.sidebar.list_view, Key.Key_Delete)
    qtbot.waitUntil(lambda: saved(article) == [], timeout=3000)
    qtbot.keyClick(window.sidebar.list_view, Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: saved(article) == note, timeout=3000)


def test_at_200_percent_zoom_the_sidebar_is_not_clipped(qtbot, window, tmp_path):
    open_story(window, tmp_path)
    base = window.view.font().pointSizeF()
    for _ in range(10):
        qtbot.keyClick(window.view, Key.Key_Equal, CTRL)
    assert window.view.zoom_percent() == 200
    assert window.view.font().pointSizeF() == 2 * base
    assert window.zoom_label.text() == "200%"
    sidebar = window.sidebar
    assert sidebar.width() >= sidebar.minimumSizeHint().width()
    for widget in [*sidebar.tag_buttons.values(), sidebar.filter_combo, sidebar.total_label]:
        area = QRect(widget.mapTo(sidebar, QPoint(0, 0)), widget.size())
        assert sidebar.rect().contains(area), widget.accessibleName() or widget.text()
        assert widget.width() >= widget.minimumSizeHint().width()
        assert widget.height() >= widget.minimumSizeHint().height()
