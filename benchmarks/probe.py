"""One measurement in a fresh process, printed as a JSON line (driven by run.py).

Modes:
  startup [ARTICLE]   open the sample article (or ARTICLE, the same text in another
                      format) with the sample's key as sidecar, until painted
  floor-startup       bare PySide6: a QTextBrowser with the same text, until painted
                      (both print painted_at, the wall-clock time the painted window was
                      saved, so that run.py can measure launch-to-painted)
  open ARTICLE        load ARTICLE and its sidecar in the window, until highlights painted
  edit ARTICLE        add/remove one annotation and scroll to the middle, with repaint
  autosave ARTICLE    longest gap between 5 ms timer ticks while the sidecar is saved
"""

from __future__ import annotations

import itertools
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = (1280, 800)
MARKDOWN_SAMPLE = ROOT / "tests" / "fixtures" / "westmere-phone-ban.md"


def peak_rss_mb() -> float:
    """Peak resident set size of this process in MB.

    On Linux this is VmHWM from /proc: ru_maxrss would start at the RSS of the parent
    that started this process (Linux keeps the high-water mark across exec), so every
    probe run from run.py, which holds the generated data, reported run.py's own peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def emit(**values: float) -> None:
    """Print the result line run.py reads."""
    print(json.dumps({**values, "peak_rss_mb": peak_rss_mb()}))


def sample_with_key(article: Path | None = None) -> Path:
    """A temporary copy of the sample article (or *article*, the same text in another
    format) with the sample's answer key as the sidecar."""
    from app import paths

    sample = paths.sample_article()
    key = sample.with_name(f"{sample.stem}.key.slant.json")
    article = article or sample
    folder = Path(tempfile.mkdtemp(prefix="slant-probe-"))
    shutil.copyfile(article, folder / article.name)
    shutil.copyfile(key, folder / f"{article.name}.slant.json")
    return folder / article.name


def paint(widget) -> None:
    """Force a complete paint of *widget* now."""
    widget.repaint()


def open_window(path: Path):
    """The main window showing *path*, painted."""
    from PySide6.QtWidgets import QApplication

    from app.ui.app import apply_theme
    from app.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    apply_theme(app)
    window = MainWindow()
    window.interactive = False
    if not window.open_path(path, remember=False):
        raise SystemExit(f"could not open {path}")
    window.resize(*SIZE)
    window.show()
    app.processEvents()
    paint(window)
    return app, window


def wait_until_idle(app, seconds: float = 2.0) -> None:
    """Let queued and idle-time work (such as background layout) run for *seconds*."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def mode_startup(article: Path | None = None) -> None:
    path = sample_with_key(article)
    from app.cli import main as slant

    # What a user runs: slant ARTICLE, here with --screenshot to stop once painted.
    shot = Path(tempfile.mkdtemp()) / "shot.png"
    status = slant([str(path), "--screenshot", str(shot), "--size", "x".join(map(str, SIZE))])
    emit(status=status, painted_at=time.time())


def mode_floor_startup() -> None:
    sample_with_key()  # the same preparation as the measured start-up
    # The sample's words as plain text: its Markdown edition, which differs from the
    # article's text by a few # and * only (the HTML file would add every tag).
    text = MARKDOWN_SAMPLE.read_text(encoding="utf-8")
    from PySide6.QtWidgets import QApplication, QTextBrowser

    app = QApplication([])
    browser = QTextBrowser()
    browser.setPlainText(text)
    browser.resize(*SIZE)
    browser.show()
    app.processEvents()
    browser.grab().save(str(Path(tempfile.mkdtemp()) / "shot.png"), "PNG")
    emit(status=0, painted_at=time.time())


def mode_open(path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication([])
    started = time.perf_counter()
    _, window = open_window(path)
    elapsed = time.perf_counter() - started
    emit(seconds=elapsed, annotations=len(window.document.annotations()))


def mode_edit(path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication([])
    app, window = open_window(path)
    document, view = window.document, window.view
    text = document.article.text
    middle = len(text) // 2
    adds, removes = [], []
    for round_ in range(5):
        start = text.index(" ", middle + 500 * round_) + 1
        began = time.perf_counter()
        added = document.add("loaded-label", start, start + 12)
        paint(view.viewport())
        adds.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        document.delete(added.id)
        paint(view.viewport())
        removes.append((time.perf_counter() - began) * 1000)
    began = time.perf_counter()
    view.scroll_to_span(middle, middle + 10)
    app.processEvents()
    paint(view.viewport())
    first_scroll = (time.perf_counter() - began) * 1000
    # Qt lays out the rest of a long document while the window is idle; a reader scrolls
    # seconds after opening, so the steady figure is measured once the layout is complete.
    view.scroll_to_span(0, 1)
    wait_until_idle(app)
    began = time.perf_counter()
    view.scroll_to_span(middle, middle + 10)
    app.processEvents()
    paint(view.viewport())
    scroll = (time.perf_counter() - began) * 1000
    document.shutdown()
    emit(
        add_ms=statistics.median(adds),
        remove_ms=statistics.median(removes),
        scroll_ms=scroll,
        first_scroll_ms=first_scroll,
    )


def longest_gap(ticks: list[int]) -> float:
    """The longest interval between consecutive timer ticks, in ms."""
    gaps = [later - earlier for earlier, later in itertools.pairwise(ticks)]
    return max(gaps) if gaps else float("inf")


def mode_autosave(path: Path) -> None:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    QApplication([])
    app, window = open_window(path)
    document = window.document
    ticks: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
    # Right after opening, Qt lays out the rest of a long article while the window is
    # idle, in steps of up to 200,000 characters; those stalls are not the save's, so
    # they are measured apart, and the save only once the layout is done.
    timer.start()
    wait_until_idle(app)
    layout_gap = longest_gap(ticks)
    ticks.clear()
    saved: list[object] = []
    document.saved.connect(saved.append)
    document.saveFailed.connect(lambda message: saved.append(message))
    text = document.article.text
    start = text.index(" ", len(text) // 3) + 1
    document.add("verifiable-fact", start, start + 10)  # schedules the autosave
    deadline = clock.elapsed() + 10_000
    while not saved and clock.elapsed() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    for _ in range(10):  # a few ticks after the save, so its tail is measured too
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    timer.stop()
    document.shutdown()
    emit(max_gap_ms=longest_gap(ticks), layout_gap_ms=layout_gap, saved=int(bool(saved)))


def main() -> None:
    """Dispatch on the mode named on the command line."""
    mode, *rest = sys.argv[1:]
    if mode == "startup":
        mode_startup(Path(rest[0]) if rest else None)
    elif mode == "floor-startup":
        mode_floor_startup()
    else:
        handlers = {"open": mode_open, "edit": mode_edit, "autosave": mode_autosave}
        handlers[mode](Path(rest[0]))


if __name__ == "__main__":
    main()
