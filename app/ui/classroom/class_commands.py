"""The class window's undoable edit of the answer key: copying a student's passage into it."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.core.annotations import Annotation, now_iso
from app.ui.editing.commands import short_quote
from app.ui.i18n import translate

if TYPE_CHECKING:
    from app.ui.classroom.class_view import ClassWindow


class CopyToKey(QUndoCommand):
    """Write a student's annotation into the key file; undo takes it out of the file again."""

    def __init__(self, window: ClassWindow, annotation: Annotation, who: str) -> None:
        text = translate("ClassWindow", "Copy “{quote}” ({label}) from {who} to the key")
        label, quote = window.tag_label(annotation.tag), short_quote(annotation.exact)
        super().__init__(text.format(quote=quote, label=label, who=who))
        self._window = window
        self._annotation = annotation
        key = window.class_data.key
        self._added_tag = key is not None and key.sidecar.tagset.get(annotation.tag) is None
        self._tag = next((t for t in window.class_data.tags if t.id == annotation.tag), None)

    def redo(self) -> None:
        """Add the annotation to the key file (a redo counts as a new change for merges)."""
        annotation = replace(self._annotation, modified=now_iso())
        if not self._window.change_key(lambda key: key.add(annotation, self._tag)):
            self.setObsolete(True)  # nothing was written: the stack drops the command

    def undo(self) -> None:
        """Remove the annotation (and a tag it brought) from the key file."""
        unused = self._annotation.tag if self._added_tag else ""
        if not self._window.change_key(lambda key: key.remove(self._annotation.id, unused)):
            self.setObsolete(True)
