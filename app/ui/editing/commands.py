"""One QUndoCommand per user edit: add, delete, change tag, edit note, re-attach.

Commands name annotations by id. Since changes made elsewhere are merged in while the
window is open, an annotation a command refers to may have changed or vanished in the
meantime: a command then changes only what it is about, or does nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from app.core.annotations import Annotation
from app.ui.i18n import translate

if TYPE_CHECKING:
    from app.ui.editing.document import AnnotationDocument

QUOTE_CHARS = 28
# What re-attaching changes: the span, its words and their context.
_SPAN_FIELDS = ("start", "end", "exact", "prefix", "suffix", "status")


def short_quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """Return *text* on one line, cut to *limit* characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class AddAnnotation(QUndoCommand):
    """Put a new annotation into the document; undo takes it out again."""

    def __init__(self, document: AnnotationDocument, annotation: Annotation) -> None:
        label = document.tag_label(annotation.tag)
        text = translate("Commands", "Tag “{quote}” as {label}")
        super().__init__(text.format(quote=short_quote(annotation.exact), label=label))
        self._document = document
        self._annotation = annotation

    def redo(self) -> None:
        """Insert the annotation."""
        self._document.insert_annotation(self._annotation)

    def undo(self) -> None:
        """Remove the annotation (nothing happens when it is gone already)."""
        self._document.remove_annotation(self._annotation.id)


class DeleteAnnotation(QUndoCommand):
    """Remove an annotation; undo brings back the very same annotation."""

    def __init__(self, document: AnnotationDocument, annotation: Annotation) -> None:
        text = translate("Commands", "Delete “{quote}”")
        super().__init__(text.format(quote=short_quote(annotation.exact)))
        self._document = document
        self._annotation = annotation

    def redo(self) -> None:
        """Remove the annotation (nothing happens when it is gone already)."""
        self._document.remove_annotation(self._annotation.id)

    def undo(self) -> None:
        """Insert the annotation again, with its id, note and creation time."""
        self._document.insert_annotation(self._annotation)


class _ReplaceAnnotation(QUndoCommand):
    """Swap one version of an annotation for another (same id) and back.

    When the annotation changed elsewhere since, only this command's *fields* are
    applied to the version in the document, so the other change is kept.
    """

    def __init__(
        self,
        document: AnnotationDocument,
        before: Annotation,
        after: Annotation,
        text: str,
        fields: tuple[str, ...],
    ) -> None:
        super().__init__(text)
        self._document = document
        self._before = before
        self._after = after
        self._fields = fields

    def redo(self) -> None:
        """Show the new version."""
        self._apply(expected=self._before, target=self._after)

    def undo(self) -> None:
        """Restore the old version exactly (modified time included) when nothing else changed it."""
        self._apply(expected=self._after, target=self._before)

    def _apply(self, expected: Annotation, target: Annotation) -> None:
        current = self._document.annotation(target.id)
        if current is None:
            return  # deleted elsewhere: nothing left to change
        if current == expected:
            self._document.replace_annotation(target)
            return
        changes: dict[str, Any] = {name: getattr(target, name) for name in self._fields}
        self._document.replace_annotation(current.with_changes(**changes))


class ChangeTag(_ReplaceAnnotation):
    """Give an annotation another tag."""

    def __init__(self, document: AnnotationDocument, before: Annotation, tag_id: str) -> None:
        text = translate("Commands", "Change “{quote}” to {label}").format(
            quote=short_quote(before.exact), label=document.tag_label(tag_id)
        )
        super().__init__(document, before, before.with_changes(tag=tag_id), text, ("tag",))


class EditNote(_ReplaceAnnotation):
    """Replace the note of an annotation."""

    def __init__(self, document: AnnotationDocument, before: Annotation, note: str) -> None:
        text = translate("Commands", "Edit Note on “{quote}”").format(
            quote=short_quote(before.exact)
        )
        super().__init__(document, before, before.with_changes(note=note), text, ("note",))


class ReattachAnnotation(_ReplaceAnnotation):
    """Put an annotation (usually one whose words were lost) on a new span of the text."""

    def __init__(self, document: AnnotationDocument, before: Annotation, after: Annotation) -> None:
        text = translate("Commands", "Re-attach “{quote}” to “{new_quote}”").format(
            quote=short_quote(before.exact), new_quote=short_quote(after.exact)
        )
        super().__init__(document, before, after, text, _SPAN_FIELDS)
