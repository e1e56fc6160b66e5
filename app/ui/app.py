"""Starting the GUI: the QApplication, its look, the first article and screenshot mode."""

from __future__ import annotations

import gc
import os
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import (
    QElapsedTimer,
    QEventLoop,
    QMessageLogContext,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from app import paths
from app.core.article import Article
from app.ui.i18n import install_translator
from app.ui.main_window import MainWindow
from app.ui.settings import load_settings
from app.ui.theme import Theme, application, apply_appearance, new_application
from app.ui.theme import apply_theme as apply_theme  # benchmarks/probe.py imports it from here
from app.x11_libraries import missing_libraries_message

DEFAULT_SIZE = (1280, 800)
PAINT_TIMEOUT_MS = 5000


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


def save_screenshot(window: MainWindow, path: Path, size: tuple[int, int]) -> bool:
    """Show *window* at *size*, wait until it has painted, save it as a PNG at *path*."""
    app = application()
    painted: list[bool] = []
    window.view.painted.connect(lambda: painted.append(True))
    window.resize(*size)
    window.show()
    clock = QElapsedTimer()
    clock.start()
    while not painted and clock.elapsed() < PAINT_TIMEOUT_MS:
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
    *,
    article: Article | None = None,
) -> int:
    """Open Slant's window on *article_path* (or the bundled sample); return the exit code.

    *article* is the article at *article_path* when the caller has loaded it already (the
    command line does, to report a bad file before any window opens): it is not read twice.
    With *screenshot*, render offscreen at *size*, save a PNG there and return 0 at once
    (1 when the PNG cannot be written); no dialog is shown and no setting is changed.
    Returns 1 at once, saying which packages to install, when Qt would start on X11 and
    libraries its X11 plugin needs are missing (Qt itself would abort the process).
    """
    if QApplication.instance() is None:
        if screenshot is not None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        missing = missing_libraries_message()
        if missing:
            print(missing, file=sys.stderr)
            return 1
        qInstallMessageHandler(_quiet_offscreen_noise)
        app = new_application(sys.argv[0] if sys.argv else "slant")
    else:
        app = application()
    window = _first_window(app, article_path, article, screenshot)
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
    # What start-up made (modules, classes, the window) lives until the end: set it aside
    # so that later collections, e.g. while 10,000 annotations are saved, skip it.
    gc.freeze()
    return app.exec()


def _first_window(
    app: QApplication, article_path: Path | None, article: Article | None, screenshot: Path | None
) -> MainWindow:
    """The main window with *article_path* (or the sample) open, not yet shown."""
    app.setApplicationName("Slant")
    app.setApplicationDisplayName("Slant")
    Theme.of(app)  # Fusion before the first widget; colours once the settings are read
    # A screenshot changes nothing, not even an unusable settings file.
    settings, problem = load_settings(keep_aside=screenshot is None)
    install_translator(app, settings.language)  # before any widget has words
    window = MainWindow(settings, settings_problem=problem)
    apply_appearance(window)
    window.interactive = screenshot is None
    remember = screenshot is None
    if article is not None:
        opened = window.open_article(article, remember=remember)
    elif article_path is not None:
        opened = window.open_path(Path(article_path), remember=remember)
    else:
        opened = False
    if not opened:
        sample = paths.sample_article()
        if sample is not None:
            # A screenshot writes nothing, so it may show the bundled file itself.
            window.open_path(sample if screenshot else user_copy_of_sample(sample), remember=False)
    return window
