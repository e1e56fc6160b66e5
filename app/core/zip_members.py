"""Reading chosen members of a zip into memory, never onto disk, within limits.

A class's zip comes from an LMS, but anyone in the class could have put a file in it: a
member may claim a small size and inflate to gigabytes, the archive may list millions of
members, a name may be ``../../.bashrc``. So: nothing is ever extracted or written; a
member's name is only a name (shown, matched, never joined to a path); the number of
members, the bytes read per member and in all, and the compression ratio are capped;
encrypted members are refused; a zip inside the zip is read one level deep. Each problem
with one member is reported for that member, and the others are still read.
"""

from __future__ import annotations

import contextlib
import io
import lzma
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from app.core.bounded_read import open_regular
from app.core.errors import SlantError
from app.core.translation import translate

MAX_MEMBERS = 10_000  # entries listed in one archive (files and folders)
MAX_DIRECTORY_BYTES = 16 * 2**20  # its list of members, read before anything else
MAX_TOTAL_BYTES = 512 * 2**20  # bytes of sidecars read from one zip; as much for nested zips
MAX_RATIO = 200  # uncompressed : compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 2**20  # small members may compress well; they cannot be a bomb
MAX_NESTED_ZIP_BYTES = 64 * 2**20
_ENCRYPTED = 0x1
_UTF8_NAMES = 0x800
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


class ZipUnreadable(SlantError):
    """The zip as a whole cannot be read: not a zip, damaged, or over a limit."""


@dataclass(frozen=True)
class Member:
    """One wanted member: its name (a nested zip's members as ``inner.zip/name``), and
    either its bytes or, when it cannot be read, why (a sentence for the user)."""

    name: str
    data: bytes | None
    problem: str = ""


def read_members(path: Path, wanted: Callable[[str], bool], member_limit: int) -> Iterator[Member]:
    """The members of the zip *path* whose name *wanted* accepts, each read into memory.

    *wanted* gets the member's name (see ``member_name``). A member over *member_limit*
    bytes, encrypted, compressed too densely, damaged or past the zip's total is yielded
    with its problem instead of its bytes. Raises ZipUnreadable (naming *path*) when the
    zip itself cannot be read, and OSError when the file cannot be opened.
    """
    with open_regular(path, 2**62) as file:
        _check_directory(file, path)
        try:
            archive = zipfile.ZipFile(file)
        except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
            raise ZipUnreadable(_unreadable(path, exc)) from exc
        with archive:
            # Bytes left to read: sidecars, and zips inside the zip (apart, so that big
            # nested zips of other work never use up what the sidecars may read).
            budget = [MAX_TOTAL_BYTES, MAX_TOTAL_BYTES]
            yield from _members(archive, "", wanted, member_limit, budget)


def member_name(info: zipfile.ZipInfo) -> str:
    """The member's name as its maker meant it, with control characters made visible.

    Without the UTF-8 flag a name is in the DOS code page (cp437), except that many
    tools write UTF-8 without saying so: a name that is valid UTF-8 is read as UTF-8.
    """
    name = info.orig_filename
    if not info.flag_bits & _UTF8_NAMES:
        with contextlib.suppress(UnicodeError):  # not UTF-8: cp437 as the format says
            name = name.encode("cp437").decode("utf-8")
    return _CONTROL.sub("\ufffd", name)


def _members(
    archive: zipfile.ZipFile,
    prefix: str,
    wanted: Callable[[str], bool],
    member_limit: int,
    budget: list[int],
) -> Iterator[Member]:
    for info in archive.infolist():
        if info.is_dir():
            continue
        name = member_name(info)
        nested = name.casefold().endswith(".zip")
        if not nested and not wanted(name):
            continue
        shown = prefix + name
        if nested and prefix:
            problem = translate("ZipMembers", "a zip inside a zip inside the zip is not read")
            yield Member(shown, None, problem)
            continue
        limit = MAX_NESTED_ZIP_BYTES if nested else member_limit
        data, problem = _read(archive, info, limit, budget, 1 if nested else 0)
        if data is None:
            yield Member(shown, None, problem)
        elif nested:
            yield from _nested(data, shown, wanted, member_limit, budget)
        else:
            yield Member(shown, data)


def _nested(
    data: bytes, shown: str, wanted: Callable[[str], bool], member_limit: int, budget: list[int]
) -> Iterator[Member]:
    """The wanted members of a zip found inside the zip (whose own zips are not read)."""
    file = io.BytesIO(data)
    try:
        _check_directory(file, Path(shown))
        archive = zipfile.ZipFile(file)
    except (ZipUnreadable, zipfile.BadZipFile, ValueError, EOFError) as exc:
        problem = translate("ZipMembers", "a zip inside the zip that cannot be read ({reason})")
        yield Member(shown, None, problem.format(reason=_reason(exc)))
        return
    with archive:
        yield from _members(archive, shown + "/", wanted, member_limit, budget)


def _read(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, budget: list[int], slot: int
) -> tuple[bytes | None, str]:
    """(the member's bytes, "") or (None, why it was not read); never more than *limit*,
    nor than what is left in ``budget[slot]``, which the bytes read are taken from."""
    if info.flag_bits & _ENCRYPTED:
        return None, translate("ZipMembers", "encrypted (password-protected): not read")
    if info.file_size > limit:
        problem = translate("ZipMembers", "too big: {size} MB, over the {limit} MB read")
        return None, problem.format(size=info.file_size // 2**20, limit=limit // 2**20)
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        problem = translate(
            "ZipMembers", "compressed over {ratio} times (a zip bomb, or damaged): not read"
        )
        return None, problem.format(ratio=MAX_RATIO)
    if info.file_size > budget[slot]:
        problem = translate(
            "ZipMembers", "not read: the zip's files add up to more than {limit} MB"
        )
        return None, problem.format(limit=MAX_TOTAL_BYTES // 2**20)
    try:
        with archive.open(info) as member:
            # The stored size bounds what zipfile inflates, but a damaged header could
            # say anything: read one byte past the limit to know without trusting it.
            data = member.read(min(limit, budget[slot]) + 1)
    # zlib and lzma raise their own errors, not OSError, for a damaged compressed stream.
    except (
        zipfile.BadZipFile,
        NotImplementedError,
        ValueError,
        EOFError,
        OSError,
        zlib.error,
        lzma.LZMAError,
    ) as exc:
        problem = translate("ZipMembers", "cannot be read from the zip ({reason})")
        return None, problem.format(reason=_reason(exc))
    if len(data) > min(limit, budget[slot]):
        problem = translate("ZipMembers", "larger than its size in the zip says: not read")
        return None, problem
    budget[slot] -= len(data)
    return data, ""


def _check_directory(file: BinaryIO, path: Path) -> None:
    """Refuse a zip whose list of members is too long before zipfile reads it all in.

    The count is in the end record (and, for zip64, the record before it); when neither
    can be found, zipfile's own reading says what is wrong.
    """
    count, size = _directory_size(file)
    if count > MAX_MEMBERS or size > MAX_DIRECTORY_BYTES:
        problem = translate(
            "ZipMembers",
            "{path}: the zip lists {count} files, more than the {limit} Slant reads",
        )
        raise ZipUnreadable(problem.format(path=path, count=count, limit=MAX_MEMBERS))


_END = struct.Struct("<4s4H2LH")  # signature, disks, entries here, entries, size, offset, comment
_END64_LOCATOR = struct.Struct("<4sLQL")
_END64 = struct.Struct("<4sQ2H2L4Q")  # signature, size, versions, disks, entries x2, size, offset


def _directory_size(file: BinaryIO) -> tuple[int, int]:
    """(members listed, bytes of the list) from the zip's end records; (0, 0) if not found."""
    file.seek(0, io.SEEK_END)
    length = file.tell()
    tail_start = max(0, length - _END.size - 0xFFFF)  # the end record, then a comment
    file.seek(tail_start)
    tail = file.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _END.size > len(tail):
        return 0, 0
    end = _END.unpack_from(tail, at)
    count, size = end[4], end[5]
    if count != 0xFFFF and size != 0xFFFFFFFF:
        return count, size
    locator_at = tail_start + at - _END64_LOCATOR.size
    record_at = locator_at - _END64.size
    if record_at < 0:
        return 0, 0
    file.seek(record_at)
    record = file.read(_END64.size)
    if len(record) < _END64.size or record[:4] != b"PK\x06\x06":
        return 0, 0
    fields = _END64.unpack(record)
    return fields[7], fields[8]


def _unreadable(path: Path, exc: BaseException) -> str:
    problem = translate("ZipMembers", "{path}: not a zip file Slant can read ({reason})")
    return problem.format(path=path, reason=_reason(exc))


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
