"""AnnotationDocument: the open article, its annotations, the undo stack and autosave."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from operator import attrgetter
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtGui import QUndoStack

from app.core import store
from app.core.annotation_set import AnnotationSet
from app.core.annotations import Annotation, make_annotation, trim_span
from app.core.article import Article
from app.core.merge import MergeReport, merge_sidecars
from app.core.sidecar import Sidecar, sidecar_path
from app.core.tags import Tag, TagSet, default_tagset
from app.ui.editing.autosave import Autosaver, SaveOutcome
from app.ui.editing.commands import (
    AddAnnotation,
    ChangeTag,
    DeleteAnnotation,
    EditNote,
    ReattachAnnotation,
)
from app.ui.i18n import shown_tag, translate

SAVED = "saved"
SAVING = "saving"
NOT_SAVED = "not-saved"
READ_ONLY = "read-only"
# In English; the window shows them through QCoreApplication.translate("SaveState", ...).
SAVE_STATE_TEXT = {
    SAVED: QT_TRANSLATE_NOOP("SaveState", "Saved"),
    SAVING: QT_TRANSLATE_NOOP("SaveState", "Saving…"),
    NOT_SAVED: QT_TRANSLATE_NOOP("SaveState", "Not saved"),
    READ_ONLY: QT_TRANSLATE_NOOP("SaveState", "Read only"),
}
_TAG, _STATUS = attrgetter("tag"), attrgetter("status")


class AnnotationDocument(QObject):
    """The one place annotations change: intents push undo commands, commands edit the set.

    Views never change annotations themselves: they call add/delete/change_tag/edit_note
    and follow the signals. Only the commands call insert/remove/replace_annotation,
    which change the core AnnotationSet (its rules: tombstones, merging) and announce it.

    Signals:
        articleLoaded(): another article (and its annotations) replaced the current one.
        annotationAdded(object): this Annotation entered the set.
        annotationRemoved(object): this Annotation left the set.
        annotationChanged(object, object): the first Annotation replaced the second, which
            had its id (views find what they drew by the old one's span).
        saveStateChanged(str): SAVED, SAVING, NOT_SAVED or READ_ONLY.
        saved(object): the sidecar was written to this Path.
        saveFailed(str): writing failed; the reason, for the user (a retry follows).
        mergedElsewhere(object): a MergeReport of changes another program wrote to the
            sidecar file, now in the document.
        tagsetChanged(): a merge brought tags the document did not have.
    """

    articleLoaded = Signal()
    annotationAdded = Signal(object)
    annotationRemoved = Signal(object)
    annotationChanged = Signal(object, object)
    saveStateChanged = Signal(str)
    saved = Signal(object)
    saveFailed = Signal(str)
    mergedElsewhere = Signal(object)
    tagsetChanged = Signal()

    def __init__(self, parent: QObject | None = None, *, retry_ms: int | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self._sidecar: Sidecar | None = None
        self._sidecar_path: Path | None = None
        self._annotations = AnnotationSet()
        self._read_only_reason = ""
        self._answer_key = False
        self._disk_state: store.DiskState | None = None
        self._save_state = SAVED
        self._last_error = ""
        self.undo_stack = QUndoStack(self)
        options = {} if retry_ms is None else {"retry_ms": retry_ms}
        self.autosaver = Autosaver(self.snapshot, self, target=self._fixed_file, **options)
        self.autosaver.written.connect(self._on_written)
        self.autosaver.saved.connect(self._on_saved)
        self.autosaver.saveFailed.connect(self._on_save_failed)

    # -- reading -------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        """The open article, or None before the first one is loaded."""
        return self._article

    @property
    def tagset(self) -> TagSet:
        """The tag set of the open sidecar (the default set when nothing is open)."""
        return self._sidecar.tagset if self._sidecar else default_tagset()

    @property
    def sidecar_path(self) -> Path | None:
        """Where the annotations were last read from or written to."""
        return self._sidecar_path

    @property
    def is_answer_key(self) -> bool:
        """True while the teacher's answer key is open instead of the reader's annotations."""
        return self._answer_key

    @property
    def read_only_reason(self) -> str:
        """Why annotations cannot be changed ("" when they can)."""
        return self._read_only_reason

    @property
    def disk_state(self) -> store.DiskState | None:
        """The sidecar file as this document last read or wrote it (None: no file)."""
        return self._disk_state

    @property
    def save_state(self) -> str:
        """SAVED, SAVING, NOT_SAVED, or READ_ONLY for annotations that must not change."""
        return self._save_state

    @property
    def last_error(self) -> str:
        """The reason the last save failed ("" after a success)."""
        return self._last_error

    def is_fallback_path(self, path: Path | None) -> bool:
        """True when *path* is not the usual sidecar beside the article (an answer key is
        where the teacher chose, never a fallback)."""
        if self._answer_key or path is None or self._article is None or self._article.path is None:
            return False
        return Path(path) != sidecar_path(self._article.path)

    def annotations(self) -> list[Annotation]:
        """All annotations in document order."""
        return self._annotations.in_document_order()

    def annotations_unordered(self) -> list[Annotation]:
        """All annotations in no particular order: for a reader that sorts them itself.

        The highlight index groups them by length anyway; sorting 10,000 first would cost
        ~1 ms of every open.
        """
        return list(self._annotations)

    def needs_attention(self) -> list[Annotation]:
        """Annotations placed on edited words (fuzzy) or not placed at all (orphan)."""
        return self._annotations.needs_attention()

    def tag_counts(self) -> Counter[str]:
        """How many annotations carry each tag id."""
        return Counter(map(_TAG, self._annotations))

    def annotation(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        return self._annotations.get(annotation_id)

    def tag(self, tag_id: str) -> Tag | None:
        """The tag with this id in the current tag set, or None."""
        return self.tagset.get(tag_id)

    def tag_label(self, tag_id: str) -> str:
        """The tag's label, or its id when the tag set does not know it."""
        tag = self.tag(tag_id)
        return shown_tag(tag).label if tag else tag_id

    def anchoring_notices(self) -> list[str]:
        """Sentences about annotations that moved or were lost when the article changed."""
        statuses = Counter(map(_STATUS, self._annotations))
        moved, lost = statuses["moved"] + statuses["fuzzy"], statuses["orphan"]
        notices = []
        if moved == 1:
            notices.append(
                translate(
                    "AnnotationDocument",
                    "The article has changed: 1 annotation was moved to match.",
                )
            )
        elif moved:
            notices.append(
                translate(
                    "AnnotationDocument",
                    "The article has changed: {count} annotations were moved to match.",
                ).format(count=moved)
            )
        if lost == 1:
            notices.append(
                translate(
                    "AnnotationDocument",
                    "1 annotation no longer matches the text; please check it under "
                    "Needs attention.",
                )
            )
        elif lost:
            notices.append(
                translate(
                    "AnnotationDocument",
                    "{count} annotations no longer match the text; please check them under "
                    "Needs attention.",
                ).format(count=lost)
            )
        return notices

    def snapshot(self) -> tuple[Article, Sidecar] | None:
        """An independent copy of what should be on disk, for the autosaver's thread."""
        if self._article is None or self._sidecar is None:
            return None
        return self._article, self._annotations.in_sidecar(self._sidecar)

    # -- loading and saving -------------------------------------------------------------

    def load(
        self,
        article: Article,
        sidecar: Sidecar,
        path: Path | None,
        *,
        read_only_reason: str = "",
        disk_state: store.DiskState | None = None,
        answer_key: bool = False,
    ) -> None:
        """Show *article* with *sidecar*'s annotations; the undo history starts afresh.

        With *read_only_reason*, every edit is refused with that sentence and nothing is
        ever written. *disk_state* is the state of the file at *path* when the caller has
        just read it; without it the file is looked at here. Call flush() first: unsaved
        changes of the previous article are dropped here.
        """
        self.autosaver.discard()
        self.undo_stack.clear()
        self._article = article
        # The annotations and tombstones live in _annotations: a second list of them,
        # kept here only to go stale, would hold 0.4 MB for 50,000 annotations.
        self._sidecar = replace(sidecar, annotations=[], tombstones={})
        self._sidecar_path = path
        self._answer_key = answer_key and path is not None
        self._annotations = AnnotationSet.from_sidecar(sidecar)
        self._read_only_reason = read_only_reason
        if disk_state is None and path is not None:
            disk_state = store.disk_state(path)
        self._disk_state = disk_state
        self._last_error = ""
        self.undo_stack.setClean()
        self._set_save_state(READ_ONLY if read_only_reason else SAVED)
        self.articleLoaded.emit()

    def adopt_author(self, name: str) -> None:
        """Write *name* as the author when the open sidecar has none yet (first run)."""
        if self._sidecar is None or self._sidecar.author.name or not name:
            return
        self._sidecar = replace(self._sidecar, author=replace(self._sidecar.author, name=name))
        if self._annotations or self._annotations.tombstones:
            self._changed()

    def merge_from_disk(self, theirs: Sidecar, state: store.DiskState | None) -> MergeReport:
        """Take in the sidecar file as another program left it (*state*); not an undo step.

        When the document holds something that file lacks, a save is scheduled, so the
        file ends up with both.
        """
        self._disk_state = state
        merged, report = self._merge(theirs)
        if report.changed:
            self.mergedElsewhere.emit(report)
        _, missing = merge_sidecars(theirs, merged)
        if missing.changed:
            self._changed()
        return report

    def remember_disk_state(self, state: store.DiskState | None) -> None:
        """Take *state* as the sidecar file's known state (a change that was dealt with)."""
        self._disk_state = state

    def merge_copy(self, copy: Sidecar) -> MergeReport:
        """Take in another copy of this sidecar (a sync conflict copy); not an undo step."""
        _, report = self._merge(copy)
        if report.changed:
            self._changed()
        return report

    def confirm_placement(self, annotation_id: str) -> bool:
        """Accept where re-anchoring put an annotation on edited words; False for orphans.

        The flag goes for this session and the sidecar is saved with the new position.
        """
        annotation = self._annotations.get(annotation_id)
        if annotation is None or annotation.status in ("orphan", "exact"):
            return False
        confirmed = replace(annotation, status="exact")
        self._annotations.replace(confirmed)
        self.annotationChanged.emit(confirmed, annotation)
        self._changed()
        return True

    def flush(self) -> bool:
        """Write pending changes now (on close or before opening another article)."""
        return self.autosaver.flush()

    def shutdown(self) -> bool:
        """Flush and stop the saver thread; the document must not be edited afterwards."""
        return self.autosaver.shutdown()

    # -- intents: each pushes one undo command -------------------------------------------

    def add(self, tag_id: str, start: int, end: int, note: str = "") -> Annotation:
        """Tag text[start:end] (trimmed) with *tag_id*; return the new annotation.

        Raises ValueError with a sentence for the user when the span is empty or only
        whitespace, or when no article is open.
        """
        if self._article is None:
            raise ValueError(translate("AnnotationDocument", "Open an article first."))
        if self._read_only_reason:
            raise ValueError(self._read_only_reason)
        annotation = make_annotation(self._article.text, tag_id, start, end, note)
        self.undo_stack.push(AddAnnotation(self, annotation))
        return annotation

    def same_annotation(self, tag_id: str, start: int, end: int) -> Annotation | None:
        """The annotation that tagging text[start:end] with *tag_id* would repeat (the span
        trimmed as ``add`` trims it), or None."""
        if self._article is None:
            return None
        start, end = trim_span(self._article.text, start, end)
        return self._annotations.same_annotation(tag_id, start, end)

    def delete(self, annotation_id: str) -> None:
        """Delete the annotation (undoable); unknown ids are ignored."""
        annotation = self._annotations.get(annotation_id)
        if annotation is not None:
            self.undo_stack.push(DeleteAnnotation(self, annotation))

    def change_tag(self, annotation_id: str, tag_id: str) -> None:
        """Give the annotation another tag (undoable); no-op when it already has it."""
        annotation = self._annotations.get(annotation_id)
        if annotation is not None and annotation.tag != tag_id:
            self.undo_stack.push(ChangeTag(self, annotation, tag_id))

    def edit_note(self, annotation_id: str, note: str) -> None:
        """Replace the annotation's note (undoable); no-op when the note is unchanged."""
        annotation = self._annotations.get(annotation_id)
        if annotation is not None and annotation.note != note:
            self.undo_stack.push(EditNote(self, annotation, note))

    def reattach(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Put the annotation on text[start:end] (trimmed), keeping id, tag and note.

        Undoable. Raises ValueError with a sentence for the user when the span is empty
        or only whitespace, or the annotation is gone.
        """
        before = self._annotations.get(annotation_id)
        if self._article is None or before is None:
            raise ValueError(
                translate("AnnotationDocument", "that annotation is not there any more")
            )
        if self._read_only_reason:
            raise ValueError(self._read_only_reason)
        placed = make_annotation(self._article.text, before.tag, start, end)
        after = before.with_changes(
            start=placed.start,
            end=placed.end,
            exact=placed.exact,
            prefix=placed.prefix,
            suffix=placed.suffix,
            status="exact",
        )
        self.undo_stack.push(ReattachAnnotation(self, before, after))
        return after

    # -- called by the undo commands only ------------------------------------------------

    def insert_annotation(self, annotation: Annotation) -> None:
        """Add *annotation* to the set (see AnnotationSet.add) and announce it.

        When a merge brought it back already, the version in the set stays.
        """
        inserted = self._annotations.add(annotation)
        if inserted is not None:
            self.annotationAdded.emit(inserted)
            self._changed()

    def remove_annotation(self, annotation_id: str) -> None:
        """Take the annotation out of the set, leaving a tombstone for merging copies."""
        removed = self._annotations.remove(annotation_id)
        if removed is not None:
            self.annotationRemoved.emit(removed)
            self._changed()

    def replace_annotation(self, annotation: Annotation) -> None:
        """Swap in a new version of an annotation that is in the set."""
        old = self._annotations.replace(annotation)
        if old is not None:
            self.annotationChanged.emit(annotation, old)
            self._changed()

    # -- internals -----------------------------------------------------------------------

    def _merge(self, other: Sidecar) -> tuple[Sidecar, MergeReport]:
        snapshot = self.snapshot()
        assert snapshot is not None, "merging needs an open article"
        merged, report = merge_sidecars(snapshot[1], other)
        self._adopt(merged)
        return merged, report

    def _adopt(self, merged: Sidecar) -> None:
        """Make *merged* the document's content, announcing each annotation that changed."""
        assert self._sidecar is not None
        for before, after in self._annotations.adopt(AnnotationSet.from_sidecar(merged)):
            if after is None:
                self.annotationRemoved.emit(before)
            elif before is None:
                self.annotationAdded.emit(after)
            else:
                self.annotationChanged.emit(after, before)
        tags_grew = merged.tagset != self._sidecar.tagset
        self._sidecar = replace(self._sidecar, tagset=merged.tagset, extra=merged.extra)
        if tags_grew:
            self.tagsetChanged.emit()

    def _on_written(self, outcome: SaveOutcome) -> None:
        self._disk_state = outcome.disk
        result, snapshot = outcome.result, self.snapshot()
        if result is not None and result.merge.changed and snapshot is not None:
            # The write took in changes made elsewhere; edits made meanwhile stay ours.
            merged, _ = merge_sidecars(snapshot[1], result.sidecar)
            self._adopt(merged)
            self.mergedElsewhere.emit(result.merge)

    def _fixed_file(self) -> Path | None:
        """Where the autosaver writes: the key's own file, or None for the article's."""
        return self._sidecar_path if self._answer_key else None

    def _changed(self) -> None:
        if self._read_only_reason:
            return  # nothing is ever written over a file this version cannot read
        self.autosaver.schedule()
        if self._save_state != NOT_SAVED:
            self._set_save_state(SAVING)

    def _on_saved(self, path: Path) -> None:
        self._sidecar_path = Path(path)
        self._last_error = ""
        if not self.autosaver.pending:
            # Everything in memory is on disk: this is the new "unmodified" point.
            self.undo_stack.setClean()
            self._set_save_state(SAVED)
        else:
            self._set_save_state(SAVING)
        self.saved.emit(Path(path))

    def _on_save_failed(self, message: str) -> None:
        self._last_error = message
        self._set_save_state(NOT_SAVED)
        self.saveFailed.emit(message)

    def _set_save_state(self, state: str) -> None:
        if state != self._save_state:
            self._save_state = state
            self.saveStateChanged.emit(state)
