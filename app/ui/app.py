"""Starting the GUI: the QApplication, its look, the first article and screenshot mode."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import (
    QElapsedTimer,
    QEvent,
    QEventLoop,
    QMessageLogContext,
    QObject,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from app import paths
from app.ui.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)
PAINT_TIMEOUT_MS = 5000

STYLE_SHEET = """
QMainWindow, #sidebar { background: #F6F7F9; }
#sectionLabel { color: #4A5160; font-weight: bold; letter-spacing: 0.5px; }
#hintLabel { color: #5B6270; }
QSplitter::handle { background: #DDE1E8; }
QStatusBar { background: #EEF0F3; border-top: 1px solid #DDE1E8; color: #1F2430; }
QStatusBar QLabel { padding: 0 8px; }
#saveState[state="saved"] { color: #1B6E4B; }
#saveState[state="saving"] { color: #5B6270; }
#saveState[state="not-saved"] { color: #9A3412; font-weight: bold; }
#messageBar[kind="problem"] { background: #FFF1B8; border-bottom: 1px solid #E0B300; }
#messageBar[kind="problem"] QLabel { color: #3D3100; }
#messageBar[kind="notice"] { background: #E3F0FB; border-bottom: 1px solid #9CC3E6; }
#messageBar[kind="notice"] QLabel { color: #0B3558; }
QComboBox { padding: 3px 8px; }
"""


def apply_theme(app: QApplication) -> None:
    """Give Slant one friendly, light look on every platform (Fusion, soft greys)."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    palette = app.palette()
    for role, color in (
        (QPalette.ColorRole.Window, "#F6F7F9"),
        (QPalette.ColorRole.WindowText, "#1F2430"),
        (QPalette.ColorRole.Base, "#FFFFFF"),
        (QPalette.ColorRole.AlternateBase, "#F0F2F5"),
        (QPalette.ColorRole.Text, "#1F2430"),
        (QPalette.ColorRole.Button, "#FFFFFF"),
        (QPalette.ColorRole.ButtonText, "#1F2430"),
        (QPalette.ColorRole.Highlight, "#2F6FDB"),
        (QPalette.ColorRole.HighlightedText, "#FFFFFF"),
        (QPalette.ColorRole.ToolTipBase, "#FFFFFF"),
        (QPalette.ColorRole.ToolTipText, "#1F2430"),
        (QPalette.ColorRole.PlaceholderText, "#6B7280"),
    ):
        palette.setColor(role, QColor(color))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)


def sample_article_path() -> Path | None:
    """The bundled sample article (the first Markdown file in resources/samples), or None."""
    try:
        samples = paths.resource_path("samples")
    except FileNotFoundError:
        return None
    found = sorted(samples.glob("*.md")) or sorted(p for p in samples.iterdir() if p.is_file())
    return found[0] if found else None


def user_copy_of_sample(sample: Path) -> Path:
    """A copy of the bundled sample in the user's data folder (made once).

    Annotations then live with the user, not inside the installation; when the copy
    cannot be made, the bundled file itself is used.
    """
    target = paths.data_dir() / "samples" / sample.name
    if not target.exists():
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(sample, target)
        except OSError:
            return sample
    return target


class _PaintWatcher(QObject):
    """Notices the first paint of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.painted = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Record a paint event."""
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def save_screenshot(window: MainWindow, path: Path, size: tuple[int, int]) -> bool:
    """Show *window* at *size*, wait until it has painted, save it as a PNG at *path*."""
    app = QApplication.instance()
    watcher = _PaintWatcher(window.view.viewport())
    window.resize(*size)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    while not watcher.painted and clock.elapsed() < PAINT_TIMEOUT_MS:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    app.processEvents()  # layouts polished by the first paint settle now
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    return window.grab().save(str(path), "PNG")


def _quiet_offscreen_noise(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    # The offscreen platform cannot pass size hints on and says so at every layout change.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def run_gui(
    article_path: Path | None = None,
    screenshot: Path | None = None,
    size: tuple[int, int] = DEFAULT_SIZE,
) -> int:
    """Open Slant's window on *article_path* (or the bundled sample); return the exit code.

    With *screenshot*, render offscreen at *size*, save a PNG there and return 0 at once
    (1 when the PNG cannot be written); no dialog is shown and no setting is changed.
    """
    if QApplication.instance() is None:
        if screenshot is not None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qInstallMessageHandler(_quiet_offscreen_noise)
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "slant"])
    app.setApplicationName("Slant")
    app.setApplicationDisplayName("Slant")
    apply_theme(app)
    window = MainWindow()
    window.interactive = screenshot is None
    remember = screenshot is None
    opened = article_path is not None and window.open_path(Path(article_path), remember=remember)
    if not opened:
        sample = sample_article_path()
        if sample is not None:
            # A screenshot writes nothing, so it may show the bundled file itself.
            window.open_path(sample if screenshot else user_copy_of_sample(sample), remember=False)
    if screenshot is not None:
        ok = save_screenshot(window, Path(screenshot), size)
        window.document.shutdown()
        window.hide()
        window.deleteLater()
        if not ok:
            print(f"slant: could not write the screenshot {screenshot}", file=sys.stderr)
        return 0 if ok else 1
    window.show()
    QTimer.singleShot(0, window.ask_author)
    return app.exec()
