"""Atomic writes: the file is always complete, keeps its permissions and a .bak."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from app.core import atomic
from app.core.atomic import backup_path, write_atomically

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def test_a_new_file_gets_the_data_and_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "story.md.slant.json"
    write_atomically(path, b"first\n")
    assert path.read_bytes() == b"first\n"
    assert not backup_path(path).exists()
    assert _leftovers(tmp_path) == []


def test_the_previous_version_becomes_the_backup(tmp_path: Path) -> None:
    path = tmp_path / "story.md.slant.json"
    write_atomically(path, b"one")
    write_atomically(path, b"two")
    write_atomically(path, b"three")
    assert path.read_bytes() == b"three"
    assert backup_path(path) == tmp_path / "story.md.slant.json.bak"
    assert backup_path(path).read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


def test_no_backup_when_not_wanted(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    write_atomically(path, b"one", keep_backup=False)
    write_atomically(path, b"two", keep_backup=False)
    assert path.read_bytes() == b"two"
    assert not backup_path(path).exists()


def test_the_backup_is_copied_where_hard_links_are_not_supported(monkeypatch, tmp_path) -> None:
    def no_links(source, destination):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    path = tmp_path / "s.json"
    write_atomically(path, b"one")
    write_atomically(path, b"two")
    assert backup_path(path).read_bytes() == b"one"
    assert path.read_bytes() == b"two"
    assert _leftovers(tmp_path) == []


@posix_only
def test_permissions_of_the_existing_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "private.json"
    path.write_bytes(b"old")
    path.chmod(0o600)
    write_atomically(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o640)
    write_atomically(path, b"newer")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@posix_only
def test_a_new_file_gets_0644_minus_the_umask(tmp_path: Path) -> None:
    old_mask = os.umask(0o027)
    try:
        write_atomically(tmp_path / "a.json", b"x")
    finally:
        os.umask(old_mask)
    assert stat.S_IMODE((tmp_path / "a.json").stat().st_mode) == 0o640


@posix_only
def test_a_symbolic_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomically(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_the_temporary_file_is_hidden_beside_the_target(monkeypatch, tmp_path: Path) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(source, destination):
        seen.append(Path(source).name)
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", spy)
    write_atomically(tmp_path / "story.md.slant.json", b"x")
    assert len(seen) == 1
    assert seen[0].startswith(".story.md.slant.json.tmp-")


@pytest.mark.parametrize("failing", ["fsync", "replace", "write"])
def test_a_failed_write_leaves_the_original_and_no_temporary_file(
    monkeypatch, tmp_path: Path, failing: str
) -> None:
    path = tmp_path / "story.md.slant.json"
    write_atomically(path, b"one")
    write_atomically(path, b"two")

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    if failing == "write":
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FullDiskFile(*a, **k))
    else:
        monkeypatch.setattr(os, failing, full_disk)
    with pytest.raises(OSError) as caught:
        write_atomically(path, b"three")
    assert caught.value.errno == errno.ENOSPC
    assert path.read_bytes() == b"two"
    assert backup_path(path).read_bytes() in (b"one", b"two")
    assert _leftovers(tmp_path) == []


class _FullDiskFile:
    """A file object whose write fails like a full disk, and which closes its descriptor."""

    def __init__(self, descriptor: int, *args, **kwargs) -> None:
        self.descriptor = descriptor

    def __enter__(self):
        return self

    def __exit__(self, *exc_info) -> None:
        os.close(self.descriptor)

    def write(self, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_failing_backup_stops_the_write_and_changes_nothing(monkeypatch, tmp_path) -> None:
    path = tmp_path / "s.json"
    write_atomically(path, b"one")
    write_atomically(path, b"two")

    def broken_backup(target: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic, "_keep_backup", broken_backup)
    with pytest.raises(OSError):
        write_atomically(path, b"three")
    assert path.read_bytes() == b"two"
    assert backup_path(path).read_bytes() == b"one"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS])
def test_a_refused_folder_raises_the_oserror_with_its_errno(monkeypatch, tmp_path, code) -> None:
    real_open = os.open

    def refuse_new_files(path, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_new_files)
    path = tmp_path / "s.json"
    with pytest.raises(OSError) as caught:
        write_atomically(path, b"x")
    assert caught.value.errno == code
    assert not path.exists()


@pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root may write into read-only folders"
)
def test_a_read_only_folder_for_real(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    write_atomically(path, b"old")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            write_atomically(path, b"new")
    finally:
        tmp_path.chmod(0o755)
    assert path.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_replace_is_retried_on_windows_sharing_violations(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(atomic, "_WINDOWS", True)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    real_replace = os.replace
    failures = iter([PermissionError(13, "in use"), PermissionError(13, "in use")])

    def busy_then_free(source, destination):
        error = next(failures, None)
        if error is not None:
            raise error
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", busy_then_free)
    path = tmp_path / "s.json"
    write_atomically(path, b"x", keep_backup=False)
    assert path.read_bytes() == b"x"


def test_a_file_that_stays_locked_on_windows_fails_cleanly(monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"old")
    monkeypatch.setattr(atomic, "_WINDOWS", True)
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)

    def always_busy(source, destination):
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", always_busy)
    with pytest.raises(PermissionError):
        write_atomically(path, b"new", keep_backup=False)
    assert path.read_bytes() == b"old"
    assert _leftovers(tmp_path) == []


def test_the_folder_is_synced_after_the_rename_on_posix(monkeypatch, tmp_path: Path) -> None:
    if os.name != "posix":
        pytest.skip("folders are synced on POSIX only")
    synced: list[bool] = []
    real_fsync = os.fsync

    def spy(descriptor: int) -> None:
        synced.append(stat.S_ISDIR(os.fstat(descriptor).st_mode))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomically(tmp_path / "s.json", b"x")
    assert synced == [False, True], "the file first, then its folder"
