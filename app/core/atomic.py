"""Crash-safe file writes: a file is either its old complete content or its new one."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import time
from pathlib import Path

BACKUP_SUFFIX = ".bak"
_WINDOWS = os.name == "nt"
# Windows refuses to replace a file that another program (a virus scanner, a sync client,
# a search indexer) has open for a moment; these waits add up to about a second.
_WINDOWS_RETRY_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.3, 0.4)
_NEW_FILE_MODE = 0o644  # the kernel removes the umask bits when the file is created
# O_EXCL with O_NOFOLLOW: a name that exists in any form, a planted link included, fails.
_NEW_FILE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)


def write_atomically(
    path: Path, data: bytes, *, keep_backup: bool = True, follow_links: bool = True
) -> None:
    """Replace *path* with *data* so that a crash never leaves a half-written file.

    The data goes to a temporary file in the same folder, is flushed to the disk and then
    renamed over *path*. An existing file keeps its permission bits, and with
    *keep_backup* its previous content becomes ``<path>.bak`` (itself replaced atomically).
    A symbolic link is followed: the file it points to is replaced, not the link; with
    *follow_links* False, a link (even one pointing nowhere) is refused with an OSError
    of errno ELOOP, so that a planted link cannot send the data elsewhere.
    Raises OSError when any step fails; *path* is then untouched and no temporary file
    is left behind.
    """
    path = Path(path)
    if not follow_links and path.is_symlink():
        raise OSError(errno.ELOOP, "a symbolic link, which is not followed", str(path))
    target = _resolve_link(path)
    temp = _write_temp(target, data)
    try:
        if target.exists():
            os.chmod(temp, _permission_bits(target))
            if keep_backup:
                _keep_backup(target)
        _replace(temp, target)
    except BaseException:
        _remove_quietly(temp)
        raise
    _sync_folder(target.parent)


def backup_path(path: Path) -> Path:
    """Where write_atomically keeps the previous version of *path*."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def _resolve_link(path: Path) -> Path:
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def _permission_bits(path: Path) -> int:
    return os.stat(path).st_mode & 0o7777


def _temp_name(target: Path) -> Path:
    # A leading dot hides the file in most file managers and keeps it from ever looking
    # like a sidecar (or a sync-client conflict copy) of the article.
    # os.urandom rather than the secrets module, which start-up would import for this alone.
    return target.with_name(f".{target.name}.tmp-{os.urandom(6).hex()}")


def write_new_file(path: Path, data: bytes) -> None:
    """Create *path* holding *data*, flushed to the disk, with Slant's own permissions.

    Nothing may be at *path* yet, not even a symbolic link pointing nowhere: an existing
    name raises FileExistsError and is never written through. Raises OSError for any
    other failure, after removing what was created.
    """
    descriptor = os.open(path, _NEW_FILE_FLAGS, _NEW_FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove_quietly(path)
        raise


def _write_temp(target: Path, data: bytes) -> Path:
    while True:
        temp = _temp_name(target)
        try:
            write_new_file(temp, data)
            return temp
        except FileExistsError:
            continue  # 48 random bits collided: try another name


def _keep_backup(target: Path) -> None:
    """Make ``<target>.bak`` the current content of *target*, never half written."""
    backup = backup_path(target)
    staging = _temp_name(backup)
    try:
        try:
            # A hard link costs no disk space and no copying: once the new file has been
            # renamed over the target, the link is the only name of the old content.
            os.link(target, staging)
        except OSError:
            # FAT/exFAT sticks and some network shares have no hard links: copy instead.
            _remove_quietly(staging)
            _copy_synced(target, staging)
        _replace(staging, backup)
    except BaseException:
        _remove_quietly(staging)
        raise


def _copy_synced(source: Path, destination: Path) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(destination, flags, _NEW_FILE_MODE)
    with os.fdopen(descriptor, "wb") as out, open(source, "rb") as into:
        shutil.copyfileobj(into, out)
        out.flush()
        os.fsync(out.fileno())
    shutil.copymode(source, destination)


def _replace(source: Path, destination: Path) -> None:
    if not _WINDOWS:
        os.replace(source, destination)
        return
    for delay in _WINDOWS_RETRY_DELAYS:
        try:
            os.replace(source, destination)
            return
        except PermissionError:
            time.sleep(delay)  # a sharing violation usually clears within milliseconds
    os.replace(source, destination)


def _sync_folder(folder: Path) -> None:
    """Flush the folder entry so that the rename itself survives a power cut (POSIX)."""
    if _WINDOWS:
        return  # Windows cannot open a folder for fsync; NTFS journals the rename
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        # The new file is already in place and complete; some file systems (network
        # shares, FUSE) refuse fsync on folders. Reporting a failed save would be wrong.
        pass
    finally:
        os.close(descriptor)


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
