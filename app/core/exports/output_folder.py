"""Writing a set of output files into a folder that other people may write to as well.

Class outputs often go beside the students' hand-ins, in a folder students can write to:
a planted link (``students.csv -> ../teacher/grades.csv``, ``feedback -> ../teacher``)
must never be written through. So every name is checked before any file is written, a
link anywhere between the output folder and a file (the folder itself included) is
refused, new files are created exclusively, and a file we replace keeps a ``.bak``.
"""

from __future__ import annotations

import datetime
import errno
import itertools
import os
import shutil
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path

from app.core import atomic
from app.core.errors import ExportError
from app.core.translation import translate

# Names are made short enough (exports.safe_file_name) that a ".bak" and write_atomically's
# temporary name (".<name>.bak.tmp-<12 hex>") still fit in the 255 bytes file systems allow.
MAX_NAME_BYTES = 200


def dated_folder(base: Path, today: datetime.date | None = None) -> Path:
    """The first of ``<base>-YYYY-MM-DD``, ``-2``, ``-3``, ... that does not exist yet."""
    return next(name for name in _dated_names(base, today) if not os.path.lexists(name))


def make_dated_folder(base: Path, today: datetime.date | None = None) -> Path:
    """Create and return a new folder ``<base>-YYYY-MM-DD`` (or -2, -3, ...).

    Creating it is the test of whether the name is free, so that a folder (or link) made
    meanwhile by someone else is never used. Raises ExportError when none can be made.
    """
    base = Path(base)
    names = _dated_names(base, today)
    try:
        base.parent.mkdir(parents=True, exist_ok=True)
        while True:
            candidate = next(names)
            try:
                candidate.mkdir()
                return candidate
            except FileExistsError:
                pass
    except OSError as exc:
        raise _cannot_write(exc.filename or base, exc) from exc


def _dated_names(base: Path, today: datetime.date | None) -> Iterator[Path]:
    stamp = (today or datetime.date.today()).isoformat()
    first = base.with_name(f"{base.name}-{stamp}")
    yield first
    for number in itertools.count(2):
        yield first.with_name(f"{first.name}-{number}")


def write_files(folder: Path, files: Mapping[str, bytes], *, fresh: bool = False) -> list[Path]:
    """Write *files* (names relative to *folder*, "/" between parts) into *folder*.

    Every name and every path is checked before anything is written: a symbolic link as
    *folder*, as a folder on the way or as a file, or a file name over MAX_NAME_BYTES,
    raises ExportError naming it and nothing is written. A file that exists is replaced
    and keeps its old content as ``<name>.bak``. With *fresh*, *folder* was just made for
    these files and is removed again if writing fails. Returns the paths written.
    """
    folder = Path(folder)
    targets = [(folder.joinpath(*name.split("/")), data) for name, data in files.items()]
    for name in files:
        _check_name(name)
    _check_folder(folder)
    for target, _ in targets:
        _check_way(folder, target)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return [_write(target, data) for target, data in targets]
    except BaseException:
        if fresh:
            shutil.rmtree(folder, ignore_errors=True)
        raise


def _check_name(name: str) -> None:
    for part in name.split("/"):
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            problem = translate("ExportErrors", "{name}: the file name is too long")
            raise ExportError(problem.format(name=part))


def _check_folder(folder: Path) -> None:
    """Refuse *folder* when it is a link or not a folder; a missing one is made later."""
    kind = _kind(folder)
    if kind == "link":
        raise _planted_link(folder)
    if kind not in ("", "folder"):
        raise _in_the_way(folder, translate("ExportErrors", "it is not a folder"))


def _check_way(folder: Path, target: Path) -> None:
    """Refuse a link (or something in the way) anywhere from *folder* down to *target*."""
    relative = target.relative_to(folder)
    for depth in range(1, len(relative.parts)):
        step = folder.joinpath(*relative.parts[:depth])
        kind = _kind(step)
        if kind == "link":
            raise _planted_link(step)
        if kind not in ("", "folder"):
            raise _in_the_way(step, translate("ExportErrors", "it is not a folder"))
    for path in (target, atomic.backup_path(target)):
        kind = _kind(path)
        if kind == "link":
            raise _planted_link(path)
        if kind not in ("", "file"):
            raise _in_the_way(path, translate("ExportErrors", "it is not a regular file"))


def _kind(path: Path) -> str:
    """ "" (nothing there), "link", "folder", "file" or "other", without following links."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return ""
    except OSError as exc:
        raise _cannot_write(path, exc) from exc
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "folder"
    return "file" if stat.S_ISREG(mode) else "other"


def _write(target: Path, data: bytes) -> Path:
    try:
        target.parent.mkdir(exist_ok=True)
        try:
            atomic.write_new_file(target, data)
        except FileExistsError:
            # Checked above to be a regular file: replaced whole, its old content kept,
            # and refused should someone have swapped a link in meanwhile.
            atomic.write_atomically(target, data, keep_backup=True, follow_links=False)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _planted_link(target) from exc
        raise _cannot_write(target, exc) from exc
    return target


def _planted_link(path: Path) -> ExportError:
    problem = translate(
        "ExportErrors",
        "{path} is a symbolic link, and Slant never writes through links (someone may have "
        "put it there to overwrite another file): remove it or choose another folder",
    )
    return ExportError(problem.format(path=path))


def _in_the_way(path: Path, reason: str) -> ExportError:
    problem = translate("ExportErrors", "{path} is in the way: {reason}")
    return ExportError(problem.format(path=path, reason=reason))


def _cannot_write(path: object, exc: OSError) -> ExportError:
    problem = translate("ExportErrors", "{path}: cannot be written ({reason})")
    return ExportError(problem.format(path=path, reason=exc.strerror or exc))
