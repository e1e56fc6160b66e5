"""Annotating in the main window: the tag and note intents become document edits, and the
status bar says what happened."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.annotations import Annotation
from app.ui.actions import key_list
from app.ui.editing.commands import short_quote
from app.ui.i18n import translate

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

STATUS_MS = 6000


class AnnotationController(QObject):
    """Routes the window's annotation intents (actions, view, sidebar) to the document.

    It never edits annotations itself: the document does, and the views follow its signals.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._invitation = ""  # the last "Press ... to tag the selection" shown
        a, doc, view, side = window.actions, window.document, window.view, window.sidebar
        a.tagTriggered.connect(self.tag_selection)
        a.changeTagTriggered.connect(self._change_current_tag)
        a.edit_note.triggered.connect(lambda: self.edit_note(side.current_annotation_id()))
        a.delete.triggered.connect(lambda: self.delete(side.current_annotation_id()))
        a.next_annotation.triggered.connect(lambda: side.step(1))
        a.previous_annotation.triggered.connect(lambda: side.step(-1))
        doc.annotationAdded.connect(view.add_annotation)
        doc.annotationRemoved.connect(view.remove_annotation)
        doc.annotationChanged.connect(self._annotation_changed)
        view.annotationClicked.connect(side.select_annotation)
        view.annotationDoubleClicked.connect(self._edit_note_in_article)
        view.returnPressed.connect(self._edit_note_at_caret)
        view.selectionSpanChanged.connect(self._selection_changed)
        view.linkHovered.connect(self._link_hovered)
        side.annotationActivated.connect(self.reveal_annotation)
        side.currentAnnotationChanged.connect(self._current_changed)
        side.noteEditRequested.connect(self.edit_note)
        side.filterChanged.connect(view.set_visible_tags)

    def tag_selection(self, tag_id: str) -> Annotation | None:
        """Tag the article's selection and make the annotation current; return it.

        Words that already carry the tag keep their one annotation, which becomes current.
        When nothing can be tagged, the status bar says why and None is returned.
        """
        window = self._window
        start, end = window.view.selected_span()
        label = window.document.tag_label(tag_id)
        if start == end:
            self.status(
                translate(
                    "MainWindow",
                    "Select some words in the article first, then press a key to tag them "
                    "as {label}.",
                ).format(label=label)
            )
            return None
        same = window.document.same_annotation(tag_id, start, end)
        if same is not None:
            self._make_current(same)
            self.status(
                translate(
                    "MainWindow", "“{quote}” is already tagged as {label}: here it is."
                ).format(quote=short_quote(same.exact), label=label)
            )
            return same
        try:
            annotation = window.document.add(tag_id, start, end)
        except ValueError as exc:
            self.status(translate("MainWindow", "Nothing was tagged: {reason}.").format(reason=exc))
            return None
        self._make_current(annotation)
        self.status(
            translate("MainWindow", "Tagged “{quote}” as {label}. Ctrl+Z undoes it.").format(
                quote=short_quote(annotation.exact), label=label
            )
        )
        return annotation

    def edit_note(self, annotation_id: str) -> None:
        """Open the note editor for the annotation and store the new note."""
        document = self._window.document
        annotation = document.annotation(annotation_id)
        if annotation is None:
            return
        from app.ui.dialogs.note_editor import NoteEditor  # dialogs load when first used

        label = document.tag_label(annotation.tag)
        note = NoteEditor.ask(self._window, annotation.exact, label, annotation.note)
        if note is not None:
            document.edit_note(annotation_id, note)

    def delete(self, annotation_id: str) -> None:
        """Delete the annotation and say how to get it back."""
        annotation = self._window.document.annotation(annotation_id)
        if annotation is not None:
            self._window.document.delete(annotation_id)
            self.status(
                translate("MainWindow", "Deleted “{quote}”. Ctrl+Z restores it.").format(
                    quote=short_quote(annotation.exact)
                )
            )

    def reveal_annotation(self, annotation_id: str) -> None:
        """Scroll the article to the annotation and flash it."""
        annotation = self._window.document.annotation(annotation_id)
        if annotation is not None:
            self._window.view.scroll_to_span(annotation.start, annotation.end)
            self._window.view.flash_span(annotation.start, annotation.end)

    def status(self, text: str) -> None:
        """Say *text* in the window's status bar for a few seconds."""
        self._window.statusBar().showMessage(text, STATUS_MS)

    def _make_current(self, annotation: Annotation) -> None:
        # The caret just after the words: the next tag key needs a new selection, and
        # Enter there writes this annotation's note.
        self._window.view.select_span(annotation.end, annotation.end)
        self._window.sidebar.select_annotation(annotation.id)

    def _edit_note_at_caret(self, offset: int) -> None:
        annotation_id = self._annotation_at_caret(offset)
        if not annotation_id:
            self.status(
                translate(
                    "MainWindow",
                    "Put the caret on a highlight, then press Enter to write its note.",
                )
            )
            return
        self._edit_note_in_article(annotation_id)

    def _annotation_at_caret(self, offset: int) -> str:
        # The current annotation when it covers the caret or ends just before it (the
        # caret stays there after tagging), else the topmost such one; "" for none.
        view = self._window.view
        near = view.annotation_ids_at(offset)
        if offset > 0:
            near += view.annotation_ids_at(offset - 1)
        current = self._window.sidebar.current_annotation_id()
        return current if current in near else next(iter(near), "")

    def _edit_note_in_article(self, annotation_id: str) -> None:
        # The list follows, so the card whose note changes is the one shown as current.
        self._window.sidebar.select_annotation(annotation_id)
        self.edit_note(annotation_id)

    def _change_current_tag(self, tag_id: str) -> None:
        self._window.document.change_tag(self._window.sidebar.current_annotation_id(), tag_id)

    def _annotation_changed(self, annotation: Annotation, old: Annotation) -> None:
        self._window.view.update_annotation(annotation, old)
        if annotation.id == self._window.sidebar.current_annotation_id():
            self._current_changed(annotation.id)

    def _current_changed(self, annotation_id: str) -> None:
        annotation = self._window.document.annotation(annotation_id) if annotation_id else None
        self._window.actions.set_annotation_actions_enabled(
            annotation is not None, annotation.tag if annotation else ""
        )

    def _selection_changed(self, start: int, end: int) -> None:
        bar = self._window.statusBar()
        if end > start:
            keys = key_list(self._window.document.tagset)
            self.status(
                translate(
                    "MainWindow", "Press {keys} (or click a tag) to tag the selection."
                ).format(keys=keys)
            )
            self._invitation = bar.currentMessage()
        elif bar.currentMessage() == self._invitation:
            bar.clearMessage()  # nothing is selected now: there is nothing to tag

    def _link_hovered(self, url: str) -> None:
        if url:
            self._window.statusBar().showMessage(url)
        else:
            self._window.statusBar().clearMessage()
