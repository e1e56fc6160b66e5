"""Handing in: a copy of a student's sidecar, named for the teacher, in a folder they pick.

The copy is an ordinary sidecar (``slant class`` reads it like any other) named
``<article title> - <student name>.slant.json``, so that a teacher who collects many of
them on a USB stick or from an LMS sees whose is whose without opening them.
"""

from __future__ import annotations

import errno
import os
from dataclasses import replace
from pathlib import Path

from app.core import atomic
from app.core.article import Article
from app.core.errors import SlantError
from app.core.file_names import safe_file_name, safe_name_piece
from app.core.sidecar import SIDECAR_SUFFIX, Sidecar, dump_sidecar, parse_sidecar
from app.core.store import current_article_ref
from app.core.translation import translate

# In UTF-8 bytes: every file system takes 255, and the folder's path needs room too.
MAX_TITLE_BYTES = 80
MAX_NAME_BYTES = 50
_MAX_STEM_BYTES = MAX_TITLE_BYTES + len(" - ") + MAX_NAME_BYTES + len("_")


class HandInError(SlantError):
    """The hand-in copy cannot be written; the message names the folder or file."""


class HandInExists(HandInError):
    """A hand-in of that name is already in the folder (and was left as it is)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        problem = translate("HandIn", "{file} is already in {folder}")
        super().__init__(problem.format(file=path.name, folder=path.parent))


def hand_in_name(title: str, student: str) -> str:
    """``<title> - <student>.slant.json``, safe as a file name on Windows, macOS and Linux.

    Each part follows app.core.file_names and is cut to its own bounded length; an empty
    title becomes "article", an empty name "_".
    """
    title_part = safe_name_piece(title, MAX_TITLE_BYTES) or "article"
    stem = f"{title_part} - {safe_name_piece(student, MAX_NAME_BYTES) or '_'}"
    stem = safe_file_name(stem, _MAX_STEM_BYTES)  # a device name only counts at the start
    if stem.casefold().endswith(".key"):
        stem = f"{stem[:-4]}_key"  # "….key.slant.json" would be taken for an answer key
    return stem + SIDECAR_SUFFIX


def hand_in_title(article: Article) -> str:
    """The title a hand-in is named after: the article's, else its file name."""
    if article.title.strip():
        return article.title
    return article.path.stem if article.path is not None else ""


def hand_in(
    article: Article, sidecar: Sidecar, student: str, folder: Path, *, overwrite: bool = False
) -> Path:
    """Write a copy of *sidecar*, by *student*, into *folder*; return the file written.

    The copy carries *student* as its author's name and the article as it is now. An
    existing hand-in is replaced only with *overwrite* (and never through a link).
    Raises HandInExists when one is there without *overwrite*, and HandInError when
    *student* is empty or the folder is missing or cannot be written.
    """
    student = " ".join(student.split())
    if not student:
        raise HandInError(translate("HandIn", "a hand-in needs the student's name"))
    folder = Path(folder)
    _check_folder(folder)
    target = folder / hand_in_name(hand_in_title(article), student)
    if os.path.lexists(target) and not overwrite:
        raise HandInExists(target)
    copy = replace(
        sidecar,
        author=replace(sidecar.author, name=student),
        article=current_article_ref(article, sidecar.article),
    )
    data = dump_sidecar(copy)
    parse_sidecar(data, str(target))  # Slant never hands in a file it would refuse
    try:
        # No .bak beside a hand-in: the student's own sidecar still holds everything,
        # and a teacher's folder should hold hand-ins only.
        atomic.write_atomically(target, data, keep_backup=False, follow_links=False)
    except OSError as exc:
        raise HandInError(_cannot_write(folder, exc)) from exc
    return target


def _check_folder(folder: Path) -> None:
    """Raise HandInError when *folder* is not an existing folder."""
    if not folder.exists():
        problem = translate(
            "HandIn",
            "{folder} does not exist: plug in the USB stick or drive, or choose another folder",
        )
        raise HandInError(problem.format(folder=folder))
    if not folder.is_dir():
        problem = translate("HandIn", "{folder} is a file, not a folder")
        raise HandInError(problem.format(folder=folder))


def _cannot_write(folder: Path, exc: OSError) -> str:
    """One sentence naming *folder* and why the hand-in could not be written there."""
    reasons = {
        errno.EACCES: translate("HandIn", "you are not allowed to write there"),
        errno.EPERM: translate("HandIn", "you are not allowed to write there"),
        errno.EROFS: translate("HandIn", "it is read-only"),
        errno.ENOSPC: translate("HandIn", "the disk is full"),
        errno.ELOOP: translate("HandIn", "a link has the hand-in's name"),
    }
    reason = reasons.get(exc.errno or 0) or exc.strerror or str(exc)
    problem = translate("HandIn", "{folder} cannot be written ({reason}): choose another folder")
    return problem.format(folder=folder, reason=reason)
