"""Debounced autosave: writes the sidecar on a worker thread soon after every change."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QTimer, Signal

from app.core import store
from app.core.errors import SlantError
from app.ui.i18n import translate

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor
    from pathlib import Path

    from app.core.article import Article
    from app.core.sidecar import Sidecar

_log = logging.getLogger(__name__)

DELAY_MS = 300
# Writing takes a moment too; starting by 800 ms keeps every change on disk within a second.
MAX_DELAY_MS = 800
RETRY_MS = 4000

Snapshot = Callable[[], "tuple[Article, Sidecar] | None"]
# Where a snapshot goes: None for the article's own sidecar (beside it, or the fallback
# folder), or exactly this file (the answer key).
Target = Callable[[], "Path | None"]


class SaveOutcome(NamedTuple):
    """One write: what was written (merged with changes made elsewhere) or why it failed.

    ``disk`` is the file's state just after the write, so that a later change by another
    program can be told apart from this write.
    """

    result: store.SaveResult | None
    disk: store.DiskState | None = None
    error: str = ""


def write_snapshot(article: Article, sidecar: Sidecar, at: Path | None = None) -> SaveOutcome:
    """Merge *sidecar* with the file on disk and write it via the store: to the article's
    sidecar, or exactly to *at*.

    Runs on the worker thread, so it never raises: every failure becomes ``error``.
    """
    try:
        if at is None:
            result = store.save_merging(article, sidecar)
        else:
            result = store.save_to(at, article, sidecar)
    except SlantError as exc:
        return SaveOutcome(None, error=str(exc))
    except OSError as exc:
        text = translate("Autosaver", "The annotations could not be written ({reason}).")
        return SaveOutcome(None, error=text.format(reason=exc))
    except Exception as exc:  # a bug must not kill the saver thread silently
        _log.exception("unexpected error while saving annotations")
        text = translate(
            "Autosaver",
            "The annotations could not be saved because of an internal error ({reason}).",
        )
        return SaveOutcome(None, error=text.format(reason=exc))
    return SaveOutcome(result, result.disk)


class Autosaver(QObject):
    """Writes snapshots of a document: debounced, off the GUI thread, retried on failure.

    *snapshot* is called on the GUI thread and must return an independent copy (the
    worker reads it while the user keeps editing), or None when there is nothing to save.
    *target*, asked at the same moment, says where that snapshot goes (see Target).

    Signals:
        written(object): a SaveOutcome that reached the disk (sent just before saved).
        saved(object): a snapshot reached the disk at this Path.
        saveFailed(str): writing failed; the reason, for the user. A retry is scheduled.
        pendingChanged(bool): whether some change is not yet known to be on disk.
    """

    written = Signal(object)
    saved = Signal(object)
    saveFailed = Signal(str)
    pendingChanged = Signal(bool)
    _finished = Signal(int, object)

    def __init__(
        self,
        snapshot: Snapshot,
        parent: QObject | None = None,
        *,
        target: Target = lambda: None,
        delay_ms: int = DELAY_MS,
        max_delay_ms: int = MAX_DELAY_MS,
        retry_ms: int = RETRY_MS,
    ) -> None:
        super().__init__(parent)
        self._snapshot = snapshot
        self._target = target
        self._delay_ms = delay_ms
        self._max_delay_ms = max_delay_ms
        self._dirty = False
        self._failing = False
        self._was_pending = False
        self._job: tuple[int, Future[SaveOutcome]] | None = None
        self._job_count = 0
        self._executor: ThreadPoolExecutor | None = None  # made at the first save
        self._dirty_since = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._start_write)
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.setInterval(retry_ms)
        self._retry_timer.timeout.connect(self._start_write)
        self._finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> bool:
        """True while a change is waiting to be written or being written."""
        return self._dirty or self._job is not None

    @property
    def writing(self) -> bool:
        """True while a write runs on the worker thread."""
        return self._job is not None

    @property
    def failing(self) -> bool:
        """True when the last write failed (until one succeeds)."""
        return self._failing

    def schedule(self) -> None:
        """Note a change: write within DELAY_MS of the last change, at most MAX_DELAY_MS."""
        self._dirty = True
        self._retry_timer.stop()
        if not self._dirty_since.isValid():
            self._dirty_since.start()
        remaining = max(0, self._max_delay_ms - self._dirty_since.elapsed())
        self._timer.start(min(self._delay_ms, remaining))
        self._announce_pending()

    def retry_now(self) -> None:
        """Try a failed write again at once (the message bar's button)."""
        if self._dirty:
            self._retry_timer.stop()
            self._timer.start(0)

    def discard(self) -> None:
        """Forget unsaved changes (the user chose to leave them); wait for a running write."""
        self._timer.stop()
        self._retry_timer.stop()
        self._wait_for_job()
        self._dirty = False
        self._failing = False
        self._dirty_since.invalidate()
        self._announce_pending()

    def flush(self) -> bool:
        """Write any pending change now, on this thread; return True when all is on disk."""
        self._timer.stop()
        self._retry_timer.stop()
        self._wait_for_job()
        if self._dirty:
            snapshot = self._take_snapshot()
            if snapshot is not None:
                self._handle_outcome(write_snapshot(*snapshot))
        self._retry_timer.stop()
        return not self._dirty

    def shutdown(self) -> bool:
        """Flush, then stop the worker thread; return True when all is on disk."""
        flushed = self.flush()
        if self._executor is not None:
            self._executor.shutdown(wait=True)
        return flushed

    def _wait_for_job(self) -> None:
        if self._job is None:
            return
        _, future = self._job
        self._job = None
        # The worker emits _finished too; _on_finished ignores it once the job is gone.
        self._handle_outcome(future.result())

    def _take_snapshot(self) -> tuple[Article, Sidecar, Path | None] | None:
        snapshot = self._snapshot()
        self._dirty = False
        self._dirty_since.invalidate()
        return None if snapshot is None else (*snapshot, self._target())

    def _start_write(self) -> None:
        if self._job is not None or not self._dirty:
            return  # a running write reschedules itself when it finishes
        snapshot = self._take_snapshot()
        if snapshot is None:
            self._announce_pending()
            return
        self._job_count += 1
        job_id = self._job_count
        self._job = (job_id, self._worker().submit(self._run, job_id, *snapshot))

    def _worker(self) -> ThreadPoolExecutor:
        if self._executor is None:
            # Imported here: start-up need not load concurrent.futures (2 ms) for a save
            # that comes only after the first edit.
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="slant-autosave")
        return self._executor

    def _run(self, job_id: int, article: Article, sidecar: Sidecar, at: Path | None) -> SaveOutcome:
        outcome = write_snapshot(article, sidecar, at)
        self._finished.emit(job_id, outcome)
        return outcome

    def _on_finished(self, job_id: int, outcome: SaveOutcome) -> None:
        if self._job is None or self._job[0] != job_id:
            return  # flush() already handled this write
        self._job = None
        self._handle_outcome(outcome)
        if self._dirty and not self._failing and not self._timer.isActive():
            self._timer.start(0)  # changes arrived while writing: they are overdue

    def _handle_outcome(self, outcome: SaveOutcome) -> None:
        if outcome.result is None:
            # What that snapshot held is not on disk: the next write must include it.
            self._dirty = True
            if not self._dirty_since.isValid():
                self._dirty_since.start()
            self._failing = True
            self._retry_timer.start()
            self.saveFailed.emit(outcome.error)
        else:
            self._failing = False
            self.written.emit(outcome)
            self.saved.emit(outcome.result.path)
        self._announce_pending()

    def _announce_pending(self) -> None:
        if self.pending != self._was_pending:
            self._was_pending = self.pending
            self.pendingChanged.emit(self.pending)
