"""Watches the open sidecar file and merges in what other programs write to it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from app.core import sidecar, store
from app.core.errors import SidecarError
from app.ui.editing.document import AnnotationDocument
from app.ui.i18n import translate

DEBOUNCE_MS = 300


class SidecarWatcher(QObject):
    """Notices another program (a second window, a sync client) changing the sidecar.

    The folder is watched, not only the file: sidecars are replaced by renaming a new
    file over them, after which a watch on the file alone would follow the old one. A
    change is acted on once the folder has been quiet for DEBOUNCE_MS, and only when
    the file's content differs from what the document last read or wrote, so this
    process's own saves are ignored. The document merges the file in (and saves when
    it holds something the file lacks); it never overwrites the other program's work.

    Signals:
        problem(str): the changed file could not be read; a sentence for the user.
    """

    problem = Signal(str)

    def __init__(
        self,
        document: AnnotationDocument,
        parent: QObject | None = None,
        *,
        debounce_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._watcher = QFileSystemWatcher(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(debounce_ms)
        self._timer.timeout.connect(self.check_now)
        self._watcher.directoryChanged.connect(self._timer.start)
        self._watcher.fileChanged.connect(self._timer.start)
        document.articleLoaded.connect(self._follow)
        document.saved.connect(self._follow)

    def watched_paths(self) -> list[str]:
        """The folder and file being watched (for tests and debugging)."""
        return [*self._watcher.directories(), *self._watcher.files()]

    def check_now(self) -> None:
        """Merge the sidecar in if someone else changed it since the document last saw it."""
        doc = self._document
        path = doc.sidecar_path
        self._follow()
        if path is None or doc.article is None or doc.read_only_reason:
            return
        if doc.autosaver.writing:
            self._timer.start()  # our own write is landing; look again once it has
            return
        state = store.disk_state(path)
        known = doc.disk_state
        if state is None or (known is not None and state.sha256 == known.sha256):
            return  # gone (the next save writes it again) or what we already have
        try:
            theirs = sidecar.read_sidecar(path, doc.article)
        except SidecarError as exc:
            # Half-synced or damaged: say so once. Slant keeps a copy of it before it
            # next writes there (the store sets unreadable files aside).
            doc.remember_disk_state(state)
            self.problem.emit(
                translate(
                    "SidecarWatcher",
                    "{file} was changed by another program and cannot be read: {reason}. "
                    "Your annotations are still here in Slant.",
                ).format(file=path.name, reason=error_reason(exc, path))
            )
            return
        doc.merge_from_disk(theirs, state)

    def _follow(self, *_: object) -> None:
        """Watch the folder and file of the document's current sidecar path."""
        path = self._document.sidecar_path
        wanted = []
        if path is not None and not self._document.read_only_reason:
            wanted = [str(p) for p in (path.parent, path) if p.exists()]
        current = self.watched_paths()
        if sorted(current) == sorted(wanted):
            return
        if current:
            self._watcher.removePaths(current)
        if wanted:
            self._watcher.addPaths(wanted)


def error_reason(exc: Exception, path: Path) -> str:
    """The reason in a SidecarError's message, without the path it starts with."""
    return str(exc).removeprefix(f"{path}: ").rstrip(".")
