"""Planted files cannot make a reader hang, run out of memory or follow a link it refuses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/zero are POSIX")


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert read_bounded(path, 5) == b"hello"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 6)
    with pytest.raises(FileTooBig):
        read_bounded(path, 5)


@posix_only
def test_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "a.slant.json"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFile):
        read_bounded(fifo, 1000)


@posix_only
def test_an_endless_device_is_refused() -> None:
    with pytest.raises(NotRegularFile):
        read_bounded(Path("/dev/zero"), 1000)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        read_bounded(tmp_path, 1000)


@posix_only
def test_a_symbolic_link_is_refused_when_links_are_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"secret")
    link = tmp_path / "a.slant.json"
    link.symlink_to(secret)
    assert read_bounded(link, 100) == b"secret"
    with pytest.raises(NotRegularFile):
        read_bounded(link, 100, follow_links=False)
    dangling = tmp_path / "b.slant.json"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(NotRegularFile):
        read_bounded(dangling, 100, follow_links=False)
