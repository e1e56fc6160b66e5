"""Reading files that anyone could have planted: regular files only, never past a limit.

A student's sidecar, a settings file or an article may be a FIFO (which blocks a reader
forever), a device such as /dev/zero (which never ends) or a symbolic link to somewhere
else. Every file Slant reads goes through ``open_regular`` or ``read_bounded``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

# O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it
# changes nothing for a regular file. Windows has neither it nor O_NOFOLLOW.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_BINARY", 0)
)
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


class NotRegularFile(OSError):
    """The path is a folder, a pipe, a device, a socket or (when refused) a symbolic link."""


class FileTooBig(OSError):
    """The file holds more bytes than the caller reads; ``size`` is what stat reported."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(f"{path}: {size} bytes, more than {limit}")
        self.filename = str(path)
        self.size = size
        self.limit = limit


def open_regular(path: Path, limit: int, *, follow_links: bool = True) -> BinaryIO:
    """Open *path* for reading in binary, after checking that it is a regular file of at
    most *limit* bytes (by its size now; a reader must still stop after *limit* + 1 bytes).

    With *follow_links* False a symbolic link is refused as well, without following it.
    Raises NotRegularFile, FileTooBig, or the OSError of opening (FileNotFoundError,
    PermissionError, ...).
    """
    path = Path(path)
    if not follow_links and path.is_symlink():
        raise NotRegularFile(f"{path}: a symbolic link")
    try:
        descriptor = os.open(path, _OPEN_FLAGS | (0 if follow_links else _NO_FOLLOW))
    except OSError as exc:
        if not follow_links and _NO_FOLLOW and exc.errno == getattr(os, "ELOOP", None):
            raise NotRegularFile(f"{path}: a symbolic link") from exc
        raise
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(f"{path}: a folder")
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        if info.st_size > limit:
            raise FileTooBig(path, info.st_size, limit)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_bounded(path: Path, limit: int, *, follow_links: bool = True) -> bytes:
    """The bytes of the regular file *path*, which must hold at most *limit* bytes.

    Reads at most *limit* + 1 bytes, so a file that grows while it is read cannot make
    Slant read on for ever. Raises what open_regular raises, and FileTooBig when the
    file turns out longer than *limit*.
    """
    with open_regular(path, limit, follow_links=follow_links) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise FileTooBig(Path(path), len(data), limit)
    return data
