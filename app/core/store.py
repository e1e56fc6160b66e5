"""Where an article's annotations live: find, read and save its sidecar safely.

Every entry point (window, CLI, class commands) goes through ``open_annotations`` and
``save_annotations`` so that re-anchoring, the fallback folder and broken-file handling
behave the same everywhere.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import os
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, NamedTuple

from app import paths
from app.core import atomic
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, open_regular
from app.core.errors import SidecarError
from app.core.merge import MergeReport, merge_sidecars
from app.core.sidecar import (
    MAX_SIDECAR_BYTES,
    ArticleRef,
    Author,
    Sidecar,
    new_sidecar,
    not_a_regular_file,
    read_sidecar,
    sidecar_path,
    write_sidecar,
)
from app.core.translation import translate

_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)  # Windows has no symbolic links to fear here
# Errors after which writing beside the article is pointless and the fallback folder is used.
_FALLBACK_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def candidate_paths(article: Article) -> list[Path]:
    """The sidecar beside the article, its fallback copy, and one in the default fallback.

    The last is there only when the user chose another fallback folder, so that copies
    saved before the change are still found.
    """
    assert article.path is not None, "only articles loaded from a file have sidecars"
    found = [sidecar_path(article.path), paths.fallback_sidecar_path(article.path)]
    default = paths.fallback_sidecar_path(article.path, paths.default_fallback_dir())
    return found if default in found else [*found, default]


class DiskState(NamedTuple):
    """What a sidecar file looked like when this process last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str


class SaveResult(NamedTuple):
    """Where a save went, what was written, what came in from another writer, and the
    state of the file as written."""

    path: Path
    sidecar: Sidecar
    merge: MergeReport
    disk: DiskState


# Per sidecar path: the state this process last saw, so that a change made by anyone
# else (another window, a sync client, a returned file) is noticed before a write.
_seen: dict[Path, DiskState] = {}
_seen_guard = threading.Lock()


def disk_state(path: Path) -> DiskState | None:
    """Size, mtime and content hash of *path*, or None when it is no regular file of at
    most the size Slant reads (missing, a folder, a link, a pipe, too big)."""
    try:
        with open_regular(path, MAX_SIDECAR_BYTES, follow_links=False) as handle:
            data = handle.read(MAX_SIDECAR_BYTES + 1)
            modified = os.fstat(handle.fileno()).st_mtime_ns
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, NotRegularFile, FileTooBig):
        return None
    return DiskState(len(data), modified, hashlib.sha256(data).hexdigest())


def is_refused(path: Path) -> bool:
    """True when *path* exists but is no regular file: a symbolic link (even one pointing
    nowhere), a folder, a pipe or a device. Slant neither reads nor writes such a sidecar."""
    try:
        info = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return False
    return not stat.S_ISREG(info.st_mode)


def _present(path: Path) -> bool:
    """True when anything at all is at *path*, a link pointing nowhere included."""
    return os.path.lexists(path)


def _changed_since_seen(path: Path) -> bool:
    state = disk_state(path)
    with _seen_guard:
        return state is not None and state != _seen.get(path)


def open_annotations(article: Article, author: Author | None = None) -> tuple[Sidecar, Path]:
    """Return the article's sidecar (re-anchored to its text) and the path it came from.

    When both the sidecar beside the article and a fallback copy exist, they are merged
    and the newer one's path is returned. With neither, a new empty sidecar for the path
    beside the article. Raises SidecarError when a file exists but cannot be used.
    """
    sidecar, path, _ = open_annotations_with_state(article, author)
    return sidecar, path


def open_annotations_with_state(
    article: Article, author: Author | None = None
) -> tuple[Sidecar, Path, DiskState | None]:
    """open_annotations, and the state of the file read at that path (None: no file).

    The state describes the very bytes that were parsed, so a window can watch the file
    without reading and hashing it again.
    """
    existing = [path for path in candidate_paths(article) if _present(path)]
    if not existing:
        return new_sidecar(article, author), candidate_paths(article)[0], None
    # A link or special file is read first, so that read_sidecar refuses it and says why.
    existing.sort(key=lambda path: (not is_refused(path), -os.lstat(path).st_mtime_ns))
    sidecar, state = _read_remembering(existing[0], article)
    for older in existing[1:]:
        sidecar, _ = merge_sidecars(sidecar, read_sidecar(older, article))
    return sidecar, existing[0], state


def open_at(
    path: Path, article: Article, author: Author | None = None
) -> tuple[Sidecar, DiskState | None]:
    """The sidecar in exactly *path* (an answer key), re-anchored to *article*, and the
    state of the bytes read; a new empty one by *author* (state None) when nothing is
    there. Raises SidecarError when something is there but cannot be used."""
    if not _present(path):
        return new_sidecar(article, author), None
    return _read_remembering(path, article)


def _read_remembering(path: Path, article: Article) -> tuple[Sidecar, DiskState]:
    """Read the sidecar at *path* and remember the state of the bytes read, in one read."""
    digest = _Digest()
    modified: list[int] = []

    def seen(piece: bytes, offset: int) -> None:
        if offset == 0:  # the file is being read (again) from its start
            digest.restart()
            modified[:] = [path.stat().st_mtime_ns]
        digest.add(piece)

    try:
        sidecar = read_sidecar(path, article, on_read=seen)
    finally:
        sha256 = digest.result()  # never leave a thread behind
    state = DiskState(digest.size, modified[0], sha256)
    with _seen_guard:
        _seen[path] = state
    return sidecar, state


class _Digest:
    """The size and sha256 of bytes given in pieces, hashed on a second thread when many.

    hashlib lets go of the interpreter lock while it hashes, so the hash of a big
    sidecar (2.7 ms for 4.8 MB, 13 ms for 24 MB) is made on another core while the
    JSON is decoded.
    """

    _THREAD_FROM = 1 << 20  # below a megabyte, starting a thread costs more than it saves

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self.restart()

    def restart(self) -> None:
        """Forget the bytes given so far."""
        self._wait()
        self._hash = hashlib.sha256()
        self.size = 0

    def add(self, piece: bytes) -> None:
        """Hash *piece* after the pieces before it."""
        self._wait()  # the pieces must be hashed in order
        self.size += len(piece)
        if len(piece) < self._THREAD_FROM:
            self._hash.update(piece)
            return
        self._thread = threading.Thread(target=self._hash.update, args=(piece,), daemon=True)
        try:
            self._thread.start()
        except RuntimeError:  # no thread to be had (a process limit): hash it here
            self._thread = None
            self._hash.update(piece)

    def result(self) -> str:
        """The hexadecimal digest of the bytes given, once it is ready."""
        self._wait()
        return self._hash.hexdigest()

    def _wait(self) -> None:
        if self._thread is not None:
            self._thread.join()
            self._thread = None


def current_article_ref(article: Article, previous: ArticleRef) -> ArticleRef:
    """The article reference a sidecar saved now should carry (unknown members kept).

    An article read as Windows-1252 (a .txt not saved as UTF-8) says so in its
    ``encoding``, so that whoever reads the sidecar knows how the text was decoded.
    """
    name = article.path.name if article.path is not None else previous.file
    # Only a .txt file is read as Windows-1252 without saying so; an HTML page names its own.
    guessed = article.path is not None and article.path.suffix.lower() == ".txt"
    return replace(
        previous,
        file=name,
        sha256=article.sha256,
        length=article.length,
        title=article.title,
        encoding="windows-1252" if guessed and article.encoding == "cp1252" else "",
        page=article.page or previous.page,
    )


def save_annotations(article: Article, sidecar: Sidecar) -> Path:
    """Write *sidecar* (merged with changes made elsewhere); return the path written.

    Raises SidecarError when neither the article's folder nor the fallback can be written.
    """
    return save_merging(article, sidecar).path


def save_merging(article: Article, sidecar: Sidecar) -> SaveResult:
    """Write *sidecar* beside the article, or in the fallback folder when that fails.

    If the file changed on disk since this process last read or wrote it, the two
    versions are merged first (see merge.py), so no annotation made elsewhere is lost.
    Raises SidecarError when neither place can be written.
    """
    primary, fallback = candidate_paths(article)[:2]
    sidecar = replace(sidecar, article=current_article_ref(article, sidecar.article))
    if is_refused(primary):
        # A planted link or special file: never written through, never replaced.
        problem = not_a_regular_file(primary)
        first_error = SidecarError(f"{primary}: {problem}")
    else:
        try:
            return _write_merged(primary, article, sidecar)
        except SidecarError as exc:
            cause = exc.__cause__
            if not isinstance(cause, OSError) or cause.errno not in _FALLBACK_ERRNOS:
                raise
            first_error = exc
    fallback.parent.mkdir(parents=True, exist_ok=True)
    try:
        return _write_merged(fallback, article, sidecar)
    except SidecarError as exc:
        problem = translate(
            "SidecarErrors", "{error} Saving a copy to {fallback} failed too: {reason}"
        )
        raise SidecarError(
            problem.format(error=first_error, fallback=fallback, reason=exc)
        ) from exc


def save_to(path: Path, article: Article, sidecar: Sidecar) -> SaveResult:
    """Write *sidecar* to exactly *path* (an answer key), merged with changes made there.

    Unlike save_merging, nothing goes to the fallback folder: whoever chose *path* expects
    the file there. Raises SidecarError when it cannot be written, or is a link or a
    special file (never written through).
    """
    sidecar = replace(sidecar, article=current_article_ref(article, sidecar.article))
    if is_refused(path):
        raise SidecarError(f"{path}: {not_a_regular_file(path)}")
    return _write_merged(path, article, sidecar)


def _write_merged(path: Path, article: Article, sidecar: Sidecar) -> SaveResult:
    report = MergeReport()
    with _writer_lock(path):
        if _changed_since_seen(path):
            try:
                theirs = read_sidecar(path, article)
            except SidecarError:
                quarantine(path)  # unreadable: keep it aside, then write ours
            else:
                sidecar, report = merge_sidecars(sidecar, theirs)
        state = _written_state(path, write_sidecar(path, sidecar))
        with _seen_guard:
            _seen[path] = state
    return SaveResult(path, sidecar, report, state)


def _written_state(path: Path, data: bytes) -> DiskState:
    """The state of *path* just written with *data*, hashed from those bytes and not read
    back: another program's write landing right after ours must not be taken for ours
    (the next save would then replace it unmerged)."""
    try:
        modified = path.stat().st_mtime_ns
    except OSError:
        modified = 0  # gone already: no later state can equal this one
    return DiskState(len(data), modified, hashlib.sha256(data).hexdigest())


@contextmanager
def _writer_lock(path: Path) -> Iterator[None]:
    """Serialise check-merge-write between Slant processes (POSIX), of any user.

    The lock file lies beside the sidecar, so that two accounts writing to a shared
    folder wait for each other; where that folder cannot hold it (read-only, a planted
    link), the lock lives in this user's data folder, which serialises this user only.
    """
    try:
        import fcntl
    except ImportError:  # Windows: the check before writing still catches most races
        yield
        return
    handle = _lock_beside(path) or _lock_in_data_dir(path)
    if handle is None:
        yield
        return
    with handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def lock_path(path: Path) -> Path:
    """The lock file beside the sidecar *path*: hidden, and named after it."""
    return path.with_name(f".{path.name}.lock")


def _lock_beside(path: Path) -> BinaryIO | None:
    """The lock file beside *path*, opened without following a link; None when it cannot
    be (a read-only folder, a planted link or special file)."""
    flags = os.O_CREAT | _NO_FOLLOW | getattr(os, "O_NONBLOCK", 0)
    for access in (os.O_RDWR, os.O_RDONLY):  # flock works on a file opened read-only too
        try:
            # Readable and writable by the group, so that classmates sharing a folder
            # can take the same lock (the umask may take that away again).
            descriptor = os.open(lock_path(path), access | flags, 0o664)
        except OSError:
            continue
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            return os.fdopen(descriptor, "rb")
        os.close(descriptor)
        return None
    return None


def _lock_in_data_dir(path: Path) -> BinaryIO | None:
    digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:24]
    lock_dir = paths.data_dir() / "locks"
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        return open(lock_dir / f"{digest}.lock", "a+b")
    except OSError:
        return None


def quarantine(path: Path) -> Path:
    """Keep a copy of a broken sidecar aside as ``<sidecar>.corrupt-<timestamp>``; return it.

    When a copy with the very same content is there already (the same damaged file opened
    again), that copy is returned and no other is made: one copy per damaged content. A new
    copy is created new (never over an existing file or through a planted link), with
    Slant's own permissions rather than the source's. Only a regular file is copied.
    Raises SidecarError when the copy cannot be made.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    try:
        with open_regular(path, MAX_SIDECAR_BYTES * 4, follow_links=False) as source:
            data = source.read()
        target = _copy_holding(path, data) or _create_copy(path, stamp, data)
    except OSError as exc:
        problem = translate("SidecarErrors", "could not keep a copy of the broken file ({reason})")
        reason = exc.strerror or str(exc)
        raise SidecarError(f"{path}: {problem.format(reason=reason)}") from exc
    # What was copied is safe now: the next save may replace it without another copy. The
    # state of the bytes copied, not of the file read again, in case it changed since.
    copied = DiskState(len(data), os.lstat(path).st_mtime_ns, hashlib.sha256(data).hexdigest())
    with _seen_guard:
        _seen[path] = copied
    return target


def _copy_holding(path: Path, data: bytes) -> Path | None:
    """An earlier ``<path>.corrupt-*`` copy holding exactly *data*, or None.

    Only regular files are compared, opened without following links, so a planted link
    named like a copy is neither read nor taken for one.
    """
    for candidate in sorted(path.parent.glob(f"{glob.escape(path.name)}.corrupt-*")):
        try:
            info = os.lstat(candidate)
            if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
                continue
            with open_regular(candidate, len(data), follow_links=False) as handle:
                if handle.read(len(data) + 1) == data:
                    return candidate
        except OSError:  # gone, replaced or unreadable since the listing: not our copy
            continue
    return None


def _create_copy(path: Path, stamp: str, data: bytes) -> Path:
    """Write *data* to a new ``<path>.corrupt-<stamp>[-N]``; return it. A name that exists
    in any form, a link pointing nowhere included, is skipped."""
    counter = 1
    while True:
        suffix = "" if counter == 1 else f"-{counter}"
        target = path.with_name(f"{path.name}.corrupt-{stamp}{suffix}")
        try:
            atomic.write_new_file(target, data)
            return target
        except FileExistsError:
            counter += 1
