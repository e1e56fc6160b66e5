"""One QUndoCommand per user edit: add, delete, change tag, edit note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from app.core.annotations import Annotation

if TYPE_CHECKING:
    from app.ui.document import AnnotationDocument

QUOTE_CHARS = 28


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """Return *text* on one line, cut to *limit* characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class AddAnnotation(QUndoCommand):
    """Put a new annotation into the document; undo takes it out again."""

    def __init__(self, document: AnnotationDocument, annotation: Annotation) -> None:
        label = document.tag_label(annotation.tag)
        super().__init__(f"Tag “{short_quote(annotation.exact)}” as {label}")
        self._document = document
        self._annotation = annotation

    def redo(self) -> None:
        """Insert the annotation."""
        self._document.insert_annotation(self._annotation)

    def undo(self) -> None:
        """Remove the annotation."""
        self._document.remove_annotation(self._annotation.id)


class DeleteAnnotation(QUndoCommand):
    """Remove an annotation; undo brings back the very same annotation."""

    def __init__(self, document: AnnotationDocument, annotation: Annotation) -> None:
        super().__init__(f"Delete “{short_quote(annotation.exact)}”")
        self._document = document
        self._annotation = annotation

    def redo(self) -> None:
        """Remove the annotation."""
        self._document.remove_annotation(self._annotation.id)

    def undo(self) -> None:
        """Insert the annotation again, with its id, note and timestamps."""
        self._document.insert_annotation(self._annotation)


class _ReplaceAnnotation(QUndoCommand):
    """Swap one version of an annotation for another (same id) and back."""

    def __init__(
        self, document: AnnotationDocument, before: Annotation, after: Annotation, text: str
    ) -> None:
        super().__init__(text)
        self._document = document
        self._before = before
        self._after = after

    def redo(self) -> None:
        """Show the new version."""
        self._document.replace_annotation(self._after)

    def undo(self) -> None:
        """Restore the old version exactly, including its modified time."""
        self._document.replace_annotation(self._before)


class ChangeTag(_ReplaceAnnotation):
    """Give an annotation another tag."""

    def __init__(self, document: AnnotationDocument, before: Annotation, tag_id: str) -> None:
        text = f"Change “{short_quote(before.exact)}” to {document.tag_label(tag_id)}"
        super().__init__(document, before, before.with_changes(tag=tag_id), text)


class EditNote(_ReplaceAnnotation):
    """Replace the note of an annotation."""

    def __init__(self, document: AnnotationDocument, before: Annotation, note: str) -> None:
        text = f"Edit Note on “{short_quote(before.exact)}”"
        super().__init__(document, before, before.with_changes(note=note), text)
