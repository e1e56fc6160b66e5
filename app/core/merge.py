"""Merging two versions of one sidecar so that no annotation made in either is lost.

Used when the file on disk changed since Slant read it (a second window, a sync client,
a returned file) and for sync-client conflict copies.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from app.core.annotation_set import AnnotationSet, MergeReport
from app.core.sidecar import Sidecar
from app.core.tags import TagSet

__all__ = ["MergeReport", "conflict_copies", "merge_sidecars"]


def merge_sidecars(ours: Sidecar, theirs: Sidecar) -> tuple[Sidecar, MergeReport]:
    """Merge the annotations as AnnotationSet.merged does; tags only *theirs* knows are added.

    *ours* supplies the author and article reference; its unknown members win over theirs.
    """
    merged, report = AnnotationSet.from_sidecar(ours).merged(AnnotationSet.from_sidecar(theirs))
    result = replace(
        merged.in_sidecar(ours),
        tagset=_union_tags(ours.tagset, theirs.tagset),
        extra={**theirs.extra, **ours.extra},
    )
    return result, report


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
