"""Merging two versions of one sidecar so that no annotation made in either is lost.

Used when the file on disk changed since Slant read it (a second window, a sync client,
a returned file) and for sync-client conflict copies.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from app.core.annotations import Annotation
from app.core.sidecar import Sidecar
from app.core.tags import TagSet


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


def merge_sidecars(ours: Sidecar, theirs: Sidecar) -> tuple[Sidecar, MergeReport]:
    """Union by annotation id; the later ``modified`` wins; tombstones keep deletions deleted.

    *ours* supplies the author and article reference; tags only *theirs* knows are added.
    """
    tombstones = dict(ours.tombstones)
    for annotation_id, deleted in theirs.tombstones.items():
        if deleted > tombstones.get(annotation_id, ""):
            tombstones[annotation_id] = deleted
    ours_by_id = {a.id: a for a in ours.annotations}
    theirs_by_id = {a.id: a for a in theirs.annotations}
    added = updated = deleted = 0
    merged: list[Annotation] = []
    for annotation_id in dict.fromkeys([*ours_by_id, *theirs_by_id]):
        mine, other = ours_by_id.get(annotation_id), theirs_by_id.get(annotation_id)
        winner = _later(mine, other)
        tombstone = tombstones.get(annotation_id)
        if tombstone is not None and tombstone >= winner.modified:
            deleted += mine is not None
            continue
        if mine is None:
            added += 1
        elif winner is not mine:
            updated += 1
        merged.append(winner)
    result = replace(
        ours,
        annotations=merged,
        tombstones=tombstones,
        tagset=_union_tags(ours.tagset, theirs.tagset),
        extra={**theirs.extra, **ours.extra},
    )
    return result, MergeReport(added, updated, deleted)


def _later(mine: Annotation | None, other: Annotation | None) -> Annotation:
    if mine is None:
        assert other is not None
        return other
    if other is None or mine.modified >= other.modified:
        return mine
    return other


def _union_tags(ours: TagSet, theirs: TagSet) -> TagSet:
    known = set(ours.ids())
    extra = tuple(tag for tag in theirs.tags if tag.id not in known)
    return replace(ours, tags=ours.tags + extra) if extra else ours


_CONFLICT_HINT = re.compile(r"conflict|copy|kopie|copia|\(\d+\)|-[A-Z0-9-]{3,}\.json$", re.I)


def conflict_copies(sidecar: Path) -> list[Path]:
    """Sync-client conflict copies of *sidecar* lying beside it, oldest first.

    Matches names such as ``story.md.slant (conflicted copy).json``,
    ``story.md (Ana's conflicted copy 2026-11-02).slant.json`` and OneDrive's
    ``story.md.slant-LAPTOP-1.json``; never the sidecar, its backup or corrupt copies.
    """
    article_name = sidecar.name.removesuffix(".slant.json")
    found = []
    try:
        entries = list(sidecar.parent.iterdir())
    except OSError:
        return []
    for path in entries:
        name = path.name
        if path == sidecar or not name.startswith(article_name) or not name.endswith(".json"):
            continue
        if ".slant" not in name or ".corrupt-" in name or name.endswith(".bak"):
            continue
        if _CONFLICT_HINT.search(name[len(article_name) :]) and path.is_file():
            found.append(path)
    return sorted(found, key=lambda path: path.stat().st_mtime_ns)
