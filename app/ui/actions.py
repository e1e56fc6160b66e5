"""Every QAction of the main window in one place: text, shortcut, context and enabled state."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPixmap, QUndoStack
from PySide6.QtWidgets import QMenu, QWidget

from app.core.tags import TagSet
from app.ui.i18n import shown_tag, translate
from app.ui.plain_text import isolate, tooltip

StandardKey = QKeySequence.StandardKey
# Shortcuts that would steal ordinary typing (digits, Delete, Return) only work while
# the article or the annotation list has focus, never in the find bar's text field.
LOCAL = Qt.ShortcutContext.WidgetWithChildrenShortcut


def swatch_icon(color: str, size: int = 16) -> QIcon:
    """A rounded square of *color*, for tag buttons, menus and the filter."""
    icon = QIcon()
    for scale in (1, 2):
        pixmap = QPixmap(size * scale, size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(color)
        painter.setPen(fill.darker(130))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 4, 4)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def key_list(tagset: TagSet) -> str:
    """The tags' keys as words, e.g. "1, 2, 3 or 4" ("a tag's key" when none has one)."""
    keys = [tag.key for tag in tagset.tags if tag.key]
    if not keys:
        return translate("Actions", "a tag's key")
    if len(keys) == 1:
        return keys[0]
    return translate("Actions", "{keys} or {last}").format(keys=", ".join(keys[:-1]), last=keys[-1])


def _sequences(*keys: StandardKey | str) -> list[QKeySequence]:
    """Key sequences without duplicates (a standard key may equal an explicit one)."""
    result: list[QKeySequence] = []
    for key in keys:
        for sequence in (
            QKeySequence.keyBindings(key) if isinstance(key, StandardKey) else [QKeySequence(key)]
        ):
            if not sequence.isEmpty() and sequence not in result:
                result.append(sequence)
    return result


class Actions(QObject):
    """The window's actions. The window connects them; this class only describes them.

    Signals:
        tagTriggered(str): tag the article's selection with this tag id.
        changeTagTriggered(str): give the current annotation this tag id.
        tagsChanged(): the per-tag actions were rebuilt for another tag set.
    """

    tagTriggered = Signal(str)
    changeTagTriggered = Signal(str)
    tagsChanged = Signal()

    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        make = self._make
        self.open = make(
            translate("Actions", "&Open Article…"),
            [StandardKey.Open],
            translate("Actions", "Open a news article to read"),
        )
        self.paste_article = make(
            translate("Actions", "New Article from Clip&board…"),
            ["Ctrl+Shift+V"],
            translate("Actions", "Save the text you copied as an article and open it"),
        )
        self.open_class = make(
            translate("Actions", "Open &Class…"),
            ["Ctrl+Shift+O"],
            translate("Actions", "Compare a class's annotations of one article"),
        )
        self.answer_key = make("", ["Ctrl+Shift+K"])  # worded by set_answer_key_open
        self.hand_in = make(
            translate("Actions", "&Hand In…"),
            ["Ctrl+Shift+H"],
            translate("Actions", "Copy your annotations, named for your teacher, into a folder"),
        )
        self.set_answer_key_open(False)
        self.clear_recent = make(
            translate("Actions", "&Clear Recent Articles"), ["Ctrl+Shift+Delete"]
        )
        self.author = make(
            translate("Actions", "Your &Name…"),
            ["Ctrl+Shift+N"],
            translate("Actions", "Change the name saved with notes"),
        )
        self.print = make(
            translate("Actions", "&Print…"),
            [StandardKey.Print],
            translate("Actions", "Print the article with its annotations"),
        )
        self.export_pdf = make(
            translate("Actions", "&Export as PDF…"),
            ["Ctrl+Shift+E"],
            translate("Actions", "Save the annotated article as a PDF"),
        )
        self.preferences = make(
            translate("Actions", "Pre&ferences…"),
            [StandardKey.Preferences, "Ctrl+,"],
            translate("Actions", "Name, reading font, theme"),
        )
        self.tag_guide = make(
            translate("Actions", "&Tag Guide"),
            [StandardKey.HelpContents, "F1"],
            translate("Actions", "What each tag means and what to do next"),
        )
        self.shortcuts = make(
            translate("Actions", "&Keyboard Shortcuts"),
            ["Ctrl+/"],
            translate("Actions", "Every key Slant answers to"),
        )
        # Every menu entry has a key (a rule tests keep); F1 is the guide, so About is near.
        self.about = make(translate("Actions", "&About Slant"), ["Ctrl+Shift+F1"])
        self.quit = make(
            translate("Actions", "&Quit"),
            [StandardKey.Quit, "Ctrl+Q"],
            translate("Actions", "Close Slant"),
        )
        self.undo = undo_stack.createUndoAction(window, translate("Actions", "&Undo"))
        self.undo.setShortcuts(_sequences(StandardKey.Undo))
        self.redo = undo_stack.createRedoAction(window, translate("Actions", "&Redo"))
        # Ctrl+Shift+Z first, so the menu shows it everywhere; Ctrl+Y works too on Windows.
        self.redo.setShortcuts(_sequences("Ctrl+Shift+Z", StandardKey.Redo))
        self.find = make(
            translate("Actions", "&Find…"),
            [StandardKey.Find],
            translate("Actions", "Search the article"),
        )
        self.find_next = make(translate("Actions", "Find &Next"), [StandardKey.FindNext, "F3"])
        self.find_previous = make(
            translate("Actions", "Find &Previous"), [StandardKey.FindPrevious, "Shift+F3"]
        )
        self.edit_note = make(
            translate("Actions", "&Edit Note…"),
            ["Return", "Enter"],
            translate("Actions", "Write a note"),
            LOCAL,
        )
        self.delete = make(
            translate("Actions", "&Delete Annotation"),
            [StandardKey.Delete],
            translate("Actions", "Remove it"),
            LOCAL,
        )
        self.next_annotation = make(
            translate("Actions", "Ne&xt Annotation"),
            ["F8"],
            translate("Actions", "Jump to the next annotation"),
        )
        self.previous_annotation = make(translate("Actions", "Pre&vious Annotation"), ["Shift+F8"])
        self.zoom_in = make(
            translate("Actions", "Zoom &In"), [StandardKey.ZoomIn, "Ctrl+=", "Ctrl++"]
        )
        self.zoom_out = make(translate("Actions", "Zoom &Out"), [StandardKey.ZoomOut, "Ctrl+-"])
        self.reset_zoom = make(translate("Actions", "&Actual Size"), ["Ctrl+0"])
        self.focus_next = make(
            translate("Actions", "Switch to &List / Article"),
            ["F6"],
            translate("Actions", "Move the keyboard focus"),
        )
        self.focus_previous = make(translate("Actions", "Switch &Back"), ["Shift+F6"])
        self._tagset: TagSet | None = None
        self._tagging_enabled = True
        self.tag_actions: dict[str, QAction] = {}
        self.change_tag_actions: dict[str, QAction] = {}
        self.set_annotation_actions_enabled(False)

    def _make(
        self,
        text: str,
        keys: Sequence[StandardKey | str],
        tip: str = "",
        context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
    ) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts(_sequences(*keys))
        action.setShortcutContext(context)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        return action

    def set_tags(self, tagset: TagSet) -> None:
        """Build one "tag" and one "change tag to" action per tag (key 1-4 and Ctrl+key).

        Nothing happens when *tagset* is the one the actions were built for.
        """
        if tagset == self._tagset:
            return
        self._tagset = tagset
        for action in [*self.tag_actions.values(), *self.change_tag_actions.values()]:
            # Detach at once: until deleteLater runs, two actions would share one key.
            for owner in action.associatedObjects():
                if isinstance(owner, QWidget):
                    owner.removeAction(action)
            action.deleteLater()
        self.tag_actions, self.change_tag_actions = {}, {}
        for tag in tagset.tags:
            tag = shown_tag(tag)
            swatch = swatch_icon(tag.color)  # one for both actions: icons share their pixmaps
            text = translate("Actions", "Tag as {label}").format(label=tag.label)
            tag_action = self._make(text, [tag.key] if tag.key else [], "", LOCAL)
            tag_action.setIcon(swatch)
            tag_action.setEnabled(self._tagging_enabled)
            tag_action.setToolTip(tooltip(tag.description))
            tip = translate("Actions", "Tag the selected text as “{label}”")
            tag_action.setStatusTip(tip.format(label=tag.label))
            tag_action.triggered.connect(lambda _=False, t=tag.id: self.tagTriggered.emit(t))
            self.tag_actions[tag.id] = tag_action
            keys = [f"Ctrl+{tag.key}"] if tag.key else []
            tip = translate("Actions", "Change the annotation's tag to {label}")
            change = self._make(tag.label, keys, tip.format(label=tag.label))
            change.setIcon(swatch)
            change.setCheckable(True)
            change.triggered.connect(lambda _=False, t=tag.id: self.changeTagTriggered.emit(t))
            self.change_tag_actions[tag.id] = change
        self.set_annotation_actions_enabled(self.delete.isEnabled())
        self.tagsChanged.emit()

    def set_answer_key_open(self, key_open: bool) -> None:
        """Word the answer key action for going to the key, or (*key_open*) back from it;
        Hand In is for the reader's own annotations, not the key."""
        if key_open:
            text = translate("Actions", "&Back to Your Annotations")
            tip = translate("Actions", "Save the answer key and show your own annotations")
        else:
            text = translate("Actions", "New &Answer Key…")
            tip = translate("Actions", "Annotate this article as the teacher's answer key")
        self.answer_key.setText(text)
        self.answer_key.setStatusTip(tip)
        self.answer_key.setToolTip(tip)
        self.hand_in.setEnabled(not key_open)

    def set_tagging_enabled(self, enabled: bool) -> None:
        """Enable the "tag" actions (disabled while the annotations are read-only)."""
        self._tagging_enabled = enabled
        for action in self.tag_actions.values():
            action.setEnabled(enabled)

    def set_annotation_actions_enabled(self, enabled: bool, tag_id: str = "") -> None:
        """Enable the actions that need a current annotation; tick its tag."""
        for action in (self.edit_note, self.delete):
            action.setEnabled(enabled)
        for current, action in self.change_tag_actions.items():
            action.setEnabled(enabled)
            action.setChecked(enabled and current == tag_id)

    def shortcut_rows(self) -> list[tuple[str, str]]:
        """(what it does, its keys) of every action with a key, in menu order."""
        tags = [(a.text(), a) for a in self.tag_actions.values()]
        change = translate("Actions", "Change the tag to {label}")
        changes = [(change.format(label=a.text()), a) for a in self.change_tag_actions.values()]
        named = [(a.text(), a) for a in self._menu_order()]
        at = named.index((self.edit_note.text(), self.edit_note))
        rows = [*named[:at], *tags, *named[at : at + 1], *changes, *named[at + 1 :]]
        native = QKeySequence.SequenceFormat.NativeText
        listed = []
        for text, action in rows:
            typed = [s.toString(native) for s in action.shortcuts() if _typed(s)]
            if typed:
                listed.append((_plain(text), ", ".join(typed)))
        return listed

    def _menu_order(self) -> list[QAction]:
        return [
            *(self.open, self.paste_article, self.open_class, self.answer_key, self.hand_in),
            *(self.print, self.export_pdf, self.author, self.quit),
            *(self.undo, self.redo, self.find, self.find_next, self.find_previous),
            *(self.preferences, self.edit_note, self.delete),
            *(self.next_annotation, self.previous_annotation),
            *(self.zoom_in, self.zoom_out, self.reset_zoom, self.focus_next, self.focus_previous),
            *(self.tag_guide, self.shortcuts, self.about),
        ]

    def attach_local(self, widgets: list[QWidget], actions: list[QAction]) -> None:
        """Make the focus-limited *actions* work while one of *widgets* has focus."""
        for widget in widgets:
            widget.addActions(actions)


def _typed(sequence: QKeySequence) -> bool:
    """Whether *sequence* is typed on an ordinary keyboard: not one of the dedicated
    keys (Open, Undo, Find, media keys...) that Qt's standard bindings also list and
    a school laptop does not have."""
    # PySide6's stubs lack QKeySequence.__getitem__, which Qt has.
    first = sequence[0]  # type: ignore[index]
    return bool(first.key().value < Qt.Key.Key_Back.value)


def _plain(text: str) -> str:
    """A menu text without its mnemonic marks ("&Find…" is "Find…", "&&" is "&")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def fill_recent_menu(
    menu: QMenu, recent: list[str], open_path: Callable[[Path], object], clear: QAction
) -> None:
    """Rebuild the Open Recent menu: Ctrl+Alt+1..9 open the first nine entries."""
    menu.clear()
    for number, text in enumerate(recent, start=1):
        path = Path(text)
        action = menu.addAction(f"&{number % 10}  {isolate(path.name).replace('&', '&&')}")
        action.setToolTip(tooltip(text))
        action.setStatusTip(isolate(text))
        if number < 10:
            action.setShortcut(QKeySequence(f"Ctrl+Alt+{number}"))
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    if not recent:
        menu.addAction(translate("Actions", "No recent articles")).setEnabled(False)
    menu.addSeparator()
    menu.addAction(clear)
    clear.setEnabled(bool(recent))
