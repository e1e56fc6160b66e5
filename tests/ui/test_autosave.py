"""The autosaver: debounced, off the GUI thread, flushed on demand, retried after failure."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from app.core import store
from app.core.annotations import Annotation, make_annotation
from app.core.article import Article, load_article
from app.core.errors import SidecarError
from app.core.sidecar import new_sidecar, read_sidecar, sidecar_path
from app.ui.editing.autosave import Autosaver

TEXT = "Title\n\n" + " ".join(f"word{i}" for i in range(200)) + "\n"


class Source:
    """A stand-in document: a list of annotations and a snapshot of them."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.sidecar = new_sidecar(article)
        self.annotations: list[Annotation] = []

    def snapshot(self):
        return self.article, replace(self.sidecar, annotations=list(self.annotations))

    def add(self, index: int) -> Annotation:
        word = f"word{index}"
        start = self.article.text.index(word + " ")
        annotation = make_annotation(self.article.text, "loaded-label", start, start + len(word))
        self.annotations.append(annotation)
        return annotation


@pytest.fixture
def source(tmp_path: Path) -> Source:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return Source(load_article(path))


@pytest.fixture
def writes(monkeypatch) -> list[tuple[str, int]]:
    """Every call of store.save_merging: (thread name, number of annotations)."""
    calls: list[tuple[str, int]] = []
    real_save = store.save_merging

    def counting_save(article, sidecar):
        calls.append((threading.current_thread().name, len(sidecar.annotations)))
        return real_save(article, sidecar)

    monkeypatch.setattr(store, "save_merging", counting_save)
    return calls


@pytest.fixture
def saver(qtbot, source: Source):
    autosaver = Autosaver(source.snapshot, retry_ms=100)
    yield autosaver
    autosaver.shutdown()


def on_disk(source: Source) -> list[Annotation]:
    path = sidecar_path(source.article.path)
    return read_sidecar(path, source.article).annotations if path.exists() else []


def test_many_quick_changes_make_few_writes_and_leave_the_last_state(
    qtbot, source, saver, writes
) -> None:
    for index in range(50):
        source.add(index)
        saver.schedule()
    qtbot.waitUntil(lambda: len(on_disk(source)) == 50, timeout=3000)
    qtbot.waitUntil(lambda: not saver.pending)
    assert len(writes) <= 2
    assert on_disk(source) == source.annotations


def test_writing_happens_off_the_gui_thread(qtbot, source, saver, writes) -> None:
    source.add(1)
    with qtbot.waitSignal(saver.saved, timeout=2000) as saved:
        saver.schedule()
    assert saved.args == [sidecar_path(source.article.path)]
    assert [name for name, _ in writes] != [threading.main_thread().name]
    assert writes[0][0].startswith("slant-autosave")


def test_a_change_reaches_disk_while_changes_go_on(qtbot, source, saver, writes) -> None:
    # A change every 100 ms would postpone a plain 300 ms debounce until the changes stop;
    # the autosaver writes after MAX_DELAY_MS (800 ms) of changes even so. A slow machine
    # only spaces the changes further apart, so fewer of them precede the first write.
    changes = 60  # 6 s of changes, far beyond MAX_DELAY_MS
    ticker = QTimer()
    ticker.setInterval(100)
    made: list[int] = []

    def change() -> None:
        source.add(len(made))
        made.append(len(made))
        saver.schedule()
        if len(made) == changes:
            ticker.stop()

    ticker.timeout.connect(change)
    with qtbot.waitSignal(saver.saved, timeout=30_000):
        change()
        ticker.start()
    ticker.stop()
    assert writes[0][1] < changes


def test_changes_made_during_a_slow_write_are_written_after_it(
    qtbot, source, saver, monkeypatch
) -> None:
    release = threading.Event()
    started = threading.Event()
    real_save = store.save_merging

    def slow_save(article, sidecar):
        started.set()
        release.wait(5)
        return real_save(article, sidecar)

    monkeypatch.setattr(store, "save_merging", slow_save)
    source.add(1)
    saver.schedule()
    qtbot.waitUntil(started.is_set)
    source.add(2)
    saver.schedule()
    release.set()
    qtbot.waitUntil(lambda: len(on_disk(source)) == 2, timeout=3000)
    qtbot.waitUntil(lambda: not saver.pending)


def test_flush_writes_at_once_without_the_event_loop(source, saver, writes) -> None:
    source.add(3)
    saver.schedule()
    assert saver.flush()
    assert on_disk(source) == source.annotations
    assert not saver.pending


def test_a_failed_write_is_reported_kept_and_retried(qtbot, source, saver, monkeypatch) -> None:
    real_save = store.save_merging
    attempts: list[int] = []

    def failing_save(article, sidecar):
        attempts.append(len(sidecar.annotations))
        if len(attempts) < 3:
            raise SidecarError("story.txt.slant.json: permission denied")
        return real_save(article, sidecar)

    monkeypatch.setattr(store, "save_merging", failing_save)
    source.add(4)
    with qtbot.waitSignal(saver.saveFailed, timeout=2000) as failed:
        saver.schedule()
    assert failed.args == ["story.txt.slant.json: permission denied"]
    assert saver.failing and saver.pending
    with qtbot.waitSignal(saver.saved, timeout=3000):
        pass
    assert attempts == [1, 1, 1]
    assert not saver.failing
    assert on_disk(source) == source.annotations


def test_flush_reports_failure_and_keeps_the_change_pending(source, saver, monkeypatch) -> None:
    def refuse(article, sidecar):
        raise SidecarError("read-only disk")

    monkeypatch.setattr(store, "save_merging", refuse)
    source.add(5)
    saver.schedule()
    assert not saver.flush()
    assert saver.pending
    saver.discard()
    assert not saver.pending
