"""Finding, saving and falling back: where an article's annotations are kept."""

from __future__ import annotations

import errno
import hashlib
import os
from dataclasses import replace
from pathlib import Path

import pytest

from app import paths
from app.core import atomic, store
from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.errors import SidecarError
from app.core.sidecar import dump_sidecar, read_sidecar, sidecar_path

TEXT = "Town votes\n\nThe council voted 5-2 on Monday, insiders claim.\n"


@pytest.fixture
def article(tmp_path: Path):
    folder = tmp_path / "class"
    folder.mkdir()
    path = folder / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def _annotated(article, quote: str, tag: str = "verifiable-fact"):
    sidecar, _ = store.open_annotations(article)
    start = article.text.index(quote)
    sidecar.annotations.append(make_annotation(article.text, tag, start, start + len(quote)))
    return sidecar


def test_a_new_article_gets_an_empty_sidecar_beside_it(article) -> None:
    sidecar, where = store.open_annotations(article)
    assert sidecar.annotations == []
    assert where == sidecar_path(article.path)
    assert not where.exists(), "opening must not write anything"


def test_saving_writes_beside_the_article_and_reopening_finds_it(article) -> None:
    written = store.save_annotations(article, _annotated(article, "5-2"))
    assert written == sidecar_path(article.path)
    reopened, where = store.open_annotations(article)
    assert where == written
    assert [a.exact for a in reopened.annotations] == ["5-2"]


def _refuse_beside_article(monkeypatch, article, code: int) -> None:
    real = atomic.write_atomically
    beside = sidecar_path(article.path)

    def fake(path, data, **kwargs):
        if Path(path) == beside:
            raise OSError(code, os.strerror(code), str(path))
        return real(path, data, **kwargs)

    monkeypatch.setattr(atomic, "write_atomically", fake)


@pytest.mark.parametrize("code", [errno.EROFS, errno.EACCES, errno.ENOSPC])
def test_an_unwritable_folder_falls_back_to_the_data_folder(monkeypatch, article, code) -> None:
    _refuse_beside_article(monkeypatch, article, code)
    written = store.save_annotations(article, _annotated(article, "insiders claim"))
    assert written == paths.fallback_sidecar_path(article.path)
    assert written.is_relative_to(paths.data_dir())
    assert not sidecar_path(article.path).exists()
    reopened, where = store.open_annotations(article)
    assert where == written
    assert [a.exact for a in reopened.annotations] == ["insiders claim"]


def test_a_full_disk_keeps_the_previous_sidecar_intact(monkeypatch, article) -> None:
    first = store.save_annotations(article, _annotated(article, "5-2"))
    before = first.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(SidecarError):
        store.save_annotations(article, _annotated(article, "insiders claim"))
    assert first.read_bytes() == before
    leftovers = [p.name for p in first.parent.iterdir() if ".tmp" in p.name]
    assert leftovers == []


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores permissions")
def test_a_read_only_folder_falls_back_for_real(article) -> None:
    folder = article.path.parent
    folder.chmod(0o555)
    try:
        written = store.save_annotations(article, _annotated(article, "5-2"))
    finally:
        folder.chmod(0o755)
    assert written == paths.fallback_sidecar_path(article.path)


def test_quarantine_keeps_one_copy_per_damaged_content(article) -> None:
    broken = sidecar_path(article.path)
    broken.write_bytes(b"{not json")
    first = store.quarantine(broken)
    assert store.quarantine(broken) == first, "the same damage opened again: no new copy"
    assert ".corrupt-" in first.name
    assert first.read_bytes() == broken.read_bytes() == b"{not json"
    broken.write_bytes(b"{not json either")
    second = store.quarantine(broken)
    assert second != first
    assert second.read_bytes() == b"{not json either"
    assert first.read_bytes() == b"{not json"
    copies = sorted(broken.parent.glob("story.txt.slant.json.corrupt-*"))
    assert copies == sorted([first, second])


def test_quarantine_does_not_take_a_planted_link_for_an_earlier_copy(article, tmp_path) -> None:
    broken = sidecar_path(article.path)
    broken.write_bytes(b"{not json")
    elsewhere = tmp_path / "same-bytes.json"
    elsewhere.write_bytes(b"{not json")
    planted = broken.with_name(f"{broken.name}.corrupt-19990101T000000Z")
    planted.symlink_to(elsewhere)
    copy = store.quarantine(broken)
    assert copy != planted and not copy.is_symlink()
    assert copy.read_bytes() == b"{not json"


def test_the_sidecar_records_the_current_article_text(article) -> None:
    written = store.save_annotations(article, _annotated(article, "5-2"))
    stored = read_sidecar(written, article)
    assert stored.article.sha256 == article.sha256
    assert stored.article.length == len(article.text)
    assert stored.article.file == "story.txt"


def test_a_chosen_fallback_folder_is_used_and_older_copies_still_found(
    monkeypatch, article, tmp_path
) -> None:
    _refuse_beside_article(monkeypatch, article, errno.EROFS)
    first = store.save_annotations(article, _annotated(article, "5-2"))
    assert first.is_relative_to(paths.default_fallback_dir())
    chosen = tmp_path / "usb-stick"
    paths.set_fallback_dir(chosen)
    try:
        reopened, _ = store.open_annotations(article)
        assert [a.exact for a in reopened.annotations] == ["5-2"]
        start = article.text.index("insiders claim")
        reopened.annotations.append(
            make_annotation(article.text, "unsourced-claim", start, start + 14)
        )
        second = store.save_annotations(article, reopened)
    finally:
        paths.set_fallback_dir(None)
    assert second.is_relative_to(chosen)


def test_opening_reports_the_state_of_the_file_it_read(article) -> None:
    _, _, nothing = store.open_annotations_with_state(article)
    assert nothing is None, "no sidecar yet, so no state"
    written = store.save_annotations(article, _annotated(article, "5-2"))

    sidecar, where, state = store.open_annotations_with_state(article)

    assert where == written
    assert len(sidecar.annotations) == 1
    assert state == store.disk_state(written)
    assert state.size == written.stat().st_size
    assert state.sha256 == hashlib.sha256(written.read_bytes()).hexdigest()


def test_the_state_of_a_big_sidecar_is_hashed_from_the_bytes_read(article) -> None:
    # Over a megabyte the hash is made on a second thread while the JSON is decoded.
    sidecar = _annotated(article, "5-2")
    sidecar.annotations[0] = replace(sidecar.annotations[0], note="a long note. " * 250_000)
    written = store.save_annotations(article, sidecar)
    assert written.stat().st_size > 3 * 2**20

    read, _, state = store.open_annotations_with_state(article)

    assert read.annotations[0].note == sidecar.annotations[0].note
    assert state == store.disk_state(written)
    assert state.sha256 == hashlib.sha256(written.read_bytes()).hexdigest()


def test_a_change_landing_right_after_a_save_is_merged_not_taken_for_ours(
    article, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A sync client writes the file in the moment between our write and anything after it.
    first = _annotated(article, "5-2")
    theirs = _annotated(article, "Monday", tag="unsourced-claim")
    real_write = atomic.write_atomically

    def write_then_another_program(path, data, **kwargs):
        real_write(path, data, **kwargs)
        Path(path).write_bytes(dump_sidecar(theirs))

    monkeypatch.setattr(atomic, "write_atomically", write_then_another_program)
    result = store.save_merging(article, first)
    monkeypatch.undo()

    assert result.disk != store.disk_state(result.path), "their bytes are not ours"
    # Our next save (from what we hold, as the window does) must merge theirs in.
    start = article.text.index("insiders claim")
    first.annotations.append(make_annotation(article.text, "loaded-label", start, start + 14))
    store.save_annotations(article, first)
    reopened, _ = store.open_annotations(article)
    assert {a.exact for a in reopened.annotations} == {"5-2", "Monday", "insiders claim"}
