"""The teacher's answer key: where it lives beside the article, and opening it to edit."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.core import atomic, store
from app.core.article import Article
from app.core.classroom import KEY_SUFFIX
from app.core.sidecar import Author, Sidecar
from app.core.tags import TagSet

TEACHER = "teacher"


def key_path(article_path: Path) -> Path:
    """``<article file name>.key.slant.json`` beside the article: where Open Class and
    ``slant class`` look for the key on their own."""
    return article_path.with_name(article_path.name + KEY_SUFFIX)


def can_write_in(folder: Path) -> bool:
    """Whether a new file can be made in *folder* (tried, not guessed from permissions,
    which say nothing true on Windows, network drives or read-only media)."""
    probe = folder / f".slant-write-test-{os.urandom(6).hex()}"
    try:
        atomic.write_new_file(probe, b"")
    except OSError:
        return False
    with contextlib.suppress(OSError):  # an empty hidden file left behind harms nothing
        probe.unlink()
    return True


def open_key(
    path: Path, article: Article, teacher_name: str, tagset: TagSet
) -> tuple[Sidecar, store.DiskState | None]:
    """The key in *path* to edit, or a new empty one by the teacher with *tagset*.

    An existing key is opened as it is (never started afresh over it). Returns the state
    of the file read (None for a new key). Raises SidecarError when the file is there but
    cannot be used.
    """
    sidecar, state = store.open_at(path, article, Author(name=teacher_name, role=TEACHER))
    if state is None:
        sidecar.tagset = tagset
    return sidecar, state
