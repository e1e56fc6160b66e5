"""Two writers on one sidecar: every annotation made by either survives."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.core import store
from app.core.annotations import make_annotation, now_iso
from app.core.article import load_article
from app.core.sidecar import new_sidecar, read_sidecar, sidecar_path, write_sidecar

TEXT = "Headline\n" + " ".join(f"word{index}" for index in range(400)) + "\n"

WORKER = r"""
import sys
from pathlib import Path
from app.core import store
from app.core.annotations import make_annotation
from app.core.article import load_article

article = load_article(Path(sys.argv[1]))
offset, count = int(sys.argv[2]), int(sys.argv[3])
sidecar, _ = store.open_annotations(article)
for index in range(count):
    word = f"word{offset + index}"
    start = article.text.index(word + " ")
    sidecar.annotations.append(make_annotation(article.text, "verifiable-fact", start,
                                               start + len(word)))
    sidecar = store.save_merging(article, sidecar).sidecar
"""


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _add(article, sidecar, word: str):
    start = article.text.index(word + " ")
    sidecar.annotations.append(
        make_annotation(article.text, "loaded-label", start, start + len(word))
    )


def test_a_change_made_elsewhere_is_merged_not_overwritten(article_path: Path) -> None:
    article = load_article(article_path)
    ours, _ = store.open_annotations(article)
    _add(article, ours, "word1")
    store.save_annotations(article, ours)

    # Someone else (another window, a sync client) writes a version with another annotation.
    theirs = read_sidecar(sidecar_path(article_path), article)
    _add(article, theirs, "word2")
    write_sidecar(sidecar_path(article_path), theirs)

    _add(article, ours, "word3")
    result = store.save_merging(article, ours)
    assert result.merge.added == 1
    on_disk = read_sidecar(result.path, article)
    assert sorted(a.exact for a in on_disk.annotations) == ["word1", "word2", "word3"]


def test_a_deletion_made_here_is_not_undone_by_the_other_version(article_path: Path) -> None:
    article = load_article(article_path)
    ours, _ = store.open_annotations(article)
    _add(article, ours, "word1")
    store.save_annotations(article, ours)
    theirs = read_sidecar(sidecar_path(article_path), article)
    _add(article, theirs, "word2")
    write_sidecar(sidecar_path(article_path), theirs)

    removed = ours.annotations.pop()
    ours.tombstones[removed.id] = now_iso()
    store.save_annotations(article, ours)
    on_disk = read_sidecar(sidecar_path(article_path), article)
    assert [a.exact for a in on_disk.annotations] == ["word2"]
    assert removed.id in on_disk.tombstones


def test_an_unreadable_file_from_elsewhere_is_kept_aside_then_replaced(article_path: Path) -> None:
    article = load_article(article_path)
    ours, _ = store.open_annotations(article)
    _add(article, ours, "word1")
    store.save_annotations(article, ours)
    sidecar_path(article_path).write_bytes(b"{garbled by a sync client")
    store.save_annotations(article, ours)
    corrupt = list(article_path.parent.glob("*.corrupt-*"))
    assert len(corrupt) == 1 and corrupt[0].read_bytes() == b"{garbled by a sync client"
    on_disk = read_sidecar(sidecar_path(article_path), article)
    assert [a.exact for a in on_disk.annotations] == ["word1"]


@pytest.mark.parametrize("own_homes", [False, True], ids=["one-user", "two-users"])
def test_two_processes_annotating_at_once_keep_every_annotation(
    own_homes: bool, article_path: Path, tmp_path: Path
) -> None:
    # With own_homes, two accounts on a shared folder: each has its own SLANT_HOME, so only
    # the lock beside the sidecar can make them wait for each other.
    count = 100 if own_homes else 40
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(article_path), str(offset), str(count)],
            env=dict(os.environ, SLANT_HOME=str(tmp_path / f"home-{offset}"))
            if own_homes
            else None,
        )
        for offset in (0, 200)
    ]
    for worker in workers:
        assert worker.wait(timeout=120) == 0
    article = load_article(article_path)
    on_disk = read_sidecar(sidecar_path(article_path), article)
    expected = {f"word{index}" for index in [*range(count), *range(200, 200 + count)]}
    assert {a.exact for a in on_disk.annotations} == expected


def test_a_quarantined_file_is_copied_aside_only_once(article_path: Path) -> None:
    article = load_article(article_path)
    broken = sidecar_path(article_path)
    broken.write_bytes(b"{broken")
    store.quarantine(broken)
    ours = new_sidecar(article)
    _add(article, ours, "word1")
    store.save_annotations(article, ours)
    assert len(list(article_path.parent.glob("*.corrupt-*"))) == 1
    assert [a.exact for a in read_sidecar(broken, article).annotations] == ["word1"]
