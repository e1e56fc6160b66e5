"""The handed-in files in a teacher's inputs: files, folders searched below, and LMS zips.

A zip's members are read into memory (app/core/zip_members.py), never extracted; a
folder's files are read later, by path, when each is loaded.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.core.bounded_read import NotRegularFile
from app.core.errors import SlantError
from app.core.lms_names import is_sidecar_name
from app.core.sidecar import MAX_SIDECAR_BYTES
from app.core.translation import translate
from app.core.zip_members import ZipUnreadable, read_members


class SubmissionsError(SlantError):
    """An input cannot be read at all (e.g. a zip that is damaged or over a limit)."""


@dataclass(frozen=True)
class Submission:
    """One handed-in file to load.

    ``path`` names it in messages: the file, or for a zip's member ``<zip>/<member>``
    (a name only: never opened). ``shown`` is the path below its input folder or zip,
    ``named`` whether the teacher named the file itself, ``data`` a member's bytes
    (None for a file on disk, read when loaded).
    """

    path: Path
    shown: str
    named: bool
    data: bytes | None = None

    @property
    def in_zip(self) -> bool:
        """Whether it is a zip's member (its path is no file on disk)."""
        return self.data is not None


def is_zip_input(item: Path) -> bool:
    """Whether an input is read as a zip: a file whose name ends in ``.zip``."""
    return _is_zip_name(item.name) and item.is_file()


def _is_zip_name(name: str) -> bool:
    return name.casefold().endswith(".zip")


def find_submissions(inputs: Sequence[Path], skipped: list[tuple[Path, str]]) -> list[Submission]:
    """Files named directly (any name), sidecars below folders and inside zips; each once.

    A sidecar is a file whose name ends in ``.slant.json`` or an LMS's renaming of it.
    A zip is read where it is named and where it lies below a folder (the teacher's
    downloads folder holding each LMS's zip). What cannot be reached or read is added to
    *skipped* with the reason. Raises SubmissionsError when a zip named in *inputs*
    cannot be read as a zip; one found below a folder is skipped instead.
    """
    found: list[Submission] = []
    seen: set[str] = set()
    for item in map(Path, inputs):
        problem = _unreachable(item)
        if problem:
            skipped.append((item, problem))
        elif is_zip_input(item):
            if os.path.realpath(item) not in seen:  # the same zip named twice
                seen.add(os.path.realpath(item))
                found += _zip_members(item, skipped)
        elif item.is_dir():
            for path, shown in _folder_files(item, skipped):
                real = os.path.realpath(path)
                if real in seen:  # the same file named twice (e.g. itself and its folder)
                    continue
                seen.add(real)
                if not _is_zip_name(path.name):
                    found.append(Submission(path, shown, named=False))
                    continue
                try:
                    found += _zip_members(path, skipped)
                except SubmissionsError as exc:  # one bad download among the folder's
                    skipped.append((path, str(exc).removeprefix(f"{path}: ")))
        elif os.path.realpath(item) not in seen:
            seen.add(os.path.realpath(item))
            found.append(Submission(item, item.name, named=True))
    return found


def _folder_files(folder: Path, skipped: list[tuple[Path, str]]) -> list[tuple[Path, str]]:
    """Sidecars and zips below *folder*, in name order, with their path below it."""
    files = []
    for below, subfolders, names in os.walk(folder, onerror=_note_unreadable(skipped)):
        subfolders.sort()
        for name in sorted(names):
            if is_sidecar_name(name) or _is_zip_name(name):
                path = Path(below) / name
                files.append((path, str(path.relative_to(folder))))
    return files


def _zip_members(item: Path, skipped: list[tuple[Path, str]]) -> list[Submission]:
    """The sidecars inside the zip *item*; members that cannot be read go to *skipped*."""
    found = []
    try:
        for member in read_members(item, is_sidecar_name, MAX_SIDECAR_BYTES):
            path = Path(f"{item}/{member.name}")
            if member.data is None:
                skipped.append((path, member.problem))
            else:
                found.append(Submission(path, member.name, named=False, data=member.data))
    except ZipUnreadable as exc:
        raise SubmissionsError(str(exc)) from exc
    except OSError as exc:
        raise SubmissionsError(f"{item}: {unreadable(exc)}") from exc
    return found


def _unreachable(item: Path) -> str:
    """Why an input named by the teacher cannot be reached, or "" when it can."""
    try:
        os.stat(item)
    except FileNotFoundError:
        if os.path.lexists(item):
            return translate("Classroom", "a symbolic link to something that does not exist")
        return translate("Classroom", "no such file or folder")
    except OSError as exc:
        return unreadable(exc)
    return ""


def _note_unreadable(skipped: list[tuple[Path, str]]) -> Callable[[OSError], None]:
    """os.walk's onerror: a folder below an input that cannot be listed is skipped too."""
    return lambda exc: skipped.append((Path(exc.filename or ""), unreadable(exc)))


def unreadable(exc: OSError) -> str:
    """Why a file or folder cannot be read, in words."""
    if exc.errno == errno.ELOOP:
        return translate("Classroom", "a symbolic link loop (the link leads back to itself)")
    if isinstance(exc, (NotRegularFile, IsADirectoryError)):
        return translate("Classroom", "not a regular file (a folder, pipe or device)")
    problem = translate("Classroom", "the file cannot be read ({reason})")
    return problem.format(reason=exc.strerror or exc)
