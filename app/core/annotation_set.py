"""AnnotationSet: a sidecar's annotations and tombstones, and the rules for changing them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from operator import attrgetter
from types import MappingProxyType
from typing import NamedTuple

from app.core.annotations import (
    ATTENTION_STATUSES,
    Annotation,
    in_document_order,
    now_iso,
)
from app.core.sidecar import Sidecar

_MODIFIED = attrgetter("modified")


class MergeReport(NamedTuple):
    """What a merge took from the other version."""

    added: int = 0
    updated: int = 0
    deleted: int = 0

    @property
    def changed(self) -> bool:
        """True when the other version contributed anything."""
        return bool(self.added or self.updated or self.deleted)

    def describe(self) -> str:
        """A sentence for the status bar, e.g. '2 added, 1 deleted'."""
        parts = [
            f"{count} {word}"
            for count, word in (
                (self.added, "added"),
                (self.updated, "updated"),
                (self.deleted, "deleted"),
            )
            if count
        ]
        return ", ".join(parts) if parts else "no differences"


class Change(NamedTuple):
    """One annotation that adopt() changed: *before* None when added, *after* None when removed."""

    before: Annotation | None
    after: Annotation | None


class AnnotationSet:
    """Annotations by id, and the tombstones (id -> time of deletion) of deleted ones.

    The rules: a removed annotation leaves a tombstone, so that merging a copy that still
    holds it does not bring it back; an annotation outlives its tombstone only when it was
    modified after it; one put back (an undone deletion) is modified after its tombstone.
    """

    def __init__(
        self, annotations: Iterable[Annotation] = (), tombstones: Mapping[str, str] | None = None
    ) -> None:
        self._by_id = {annotation.id: annotation for annotation in annotations}
        self._tombstones = dict(tombstones or {})

    @classmethod
    def from_sidecar(cls, sidecar: Sidecar) -> AnnotationSet:
        """The annotations and tombstones of *sidecar* (copied: the sidecar stays as it is)."""
        return cls(sidecar.annotations, sidecar.tombstones)

    def in_sidecar(self, sidecar: Sidecar) -> Sidecar:
        """A copy of *sidecar* holding this set's annotations, in document order, and tombstones."""
        return replace(
            sidecar, annotations=self.in_document_order(), tombstones=dict(self._tombstones)
        )

    # -- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Annotation]:
        """The annotations in no particular order."""
        return iter(self._by_id.values())

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._by_id

    def get(self, annotation_id: str) -> Annotation | None:
        """The annotation with this id, or None."""
        return self._by_id.get(annotation_id)

    @property
    def tombstones(self) -> Mapping[str, str]:
        """Deleted annotations' ids and the times they were deleted (read only)."""
        return MappingProxyType(self._tombstones)

    def in_document_order(self) -> list[Annotation]:
        """All annotations by position (Annotation.sort_key)."""
        return in_document_order(self._by_id.values())

    def needs_attention(self) -> list[Annotation]:
        """Annotations placed on edited words (fuzzy) or not placed at all (orphan), in order."""
        return in_document_order(a for a in self if a.status in ATTENTION_STATUSES)

    def same_annotation(self, tag: str, start: int, end: int) -> Annotation | None:
        """The annotation with *tag* on exactly [start, end), or None.

        Tagging those words with that tag again would only repeat it: callers show this one
        instead of adding another. An orphan is on no words, so it is never the same.
        """
        for annotation in self._by_id.values():
            placed_there = (annotation.start, annotation.end) == (start, end)
            if placed_there and annotation.tag == tag and annotation.status != "orphan":
                return annotation
        return None

    # -- changing ------------------------------------------------------------------------

    def add(self, annotation: Annotation) -> Annotation | None:
        """Put *annotation* in the set; return it as stored, or None when its id is there.

        Coming back after a deletion, it is stored modified just after its tombstone
        (which goes), so that a merge with a copy holding the tombstone keeps it.
        """
        if annotation.id in self._by_id:
            return None
        deleted = self._tombstones.pop(annotation.id, None)
        if deleted is not None:
            annotation = annotation.with_changes(modified=_just_after(deleted))
        self._by_id[annotation.id] = annotation
        return annotation

    def remove(self, annotation_id: str) -> Annotation | None:
        """Take the annotation out, leaving a tombstone; return it (None: it was not here)."""
        annotation = self._by_id.pop(annotation_id, None)
        if annotation is not None:
            # Never before its modified time (which may be just ahead of the clock).
            self._tombstones[annotation_id] = max(now_iso(), annotation.modified)
        return annotation

    def replace(self, annotation: Annotation) -> Annotation | None:
        """Swap in a new version of an annotation; return the old one (None: not here)."""
        old = self._by_id.get(annotation.id)
        if old is not None:
            self._by_id[annotation.id] = annotation
        return old

    def merged(self, other: AnnotationSet) -> tuple[AnnotationSet, MergeReport]:
        """The union of both sets by id, and what *other* contributed.

        Of two versions of an annotation the later ``modified`` wins (this set's on a tie);
        the later of two tombstones counts; an annotation modified at or before its
        tombstone is deleted.
        """
        tombstones = dict(self._tombstones)
        for annotation_id, deleted in other._tombstones.items():
            if deleted > tombstones.get(annotation_id, ""):
                tombstones[annotation_id] = deleted
        result = AnnotationSet(tombstones=tombstones)
        added = updated = deleted_here = 0
        for annotation_id in dict.fromkeys([*self._by_id, *other._by_id]):
            mine, theirs = self._by_id.get(annotation_id), other._by_id.get(annotation_id)
            # max() keeps the first of equals: ours.
            winner = max((v for v in (mine, theirs) if v is not None), key=_MODIFIED)
            tombstone = tombstones.get(annotation_id)
            if tombstone is not None and tombstone >= winner.modified:
                deleted_here += mine is not None
                continue
            added += mine is None
            updated += mine is not None and winner is not mine
            result._by_id[annotation_id] = winner
        return result, MergeReport(added, updated, deleted_here)

    def adopt(self, other: AnnotationSet) -> list[Change]:
        """Take *other*'s annotations and tombstones; return each annotation that changed.

        Removals come first. A new anchoring status counts as a change.
        """
        changes = [Change(old, None) for i, old in self._by_id.items() if i not in other]
        for annotation_id, new in other._by_id.items():
            old = self._by_id.get(annotation_id)
            if old is None or old != new or old.status != new.status:
                changes.append(Change(old, new))
        self._by_id = dict(other._by_id)
        self._tombstones = dict(other._tombstones)
        return changes


def _just_after(stamp: str) -> str:
    """Now as a timestamp, or just after *stamp* when the clock is not past it yet."""
    now = now_iso()
    if now > stamp:
        return now
    try:
        moment = datetime.fromisoformat(stamp[:19])
    except ValueError:
        return now
    if len(stamp) == len(now) and stamp[19] == ".":
        # Written like ours (milliseconds): one millisecond later sorts after it.
        step = timedelta(milliseconds=int(stamp[20:23]) + 1)
    else:
        step = timedelta(seconds=1)  # the next whole second sorts after any such time
    return (moment + step).isoformat(timespec="milliseconds") + "Z"
