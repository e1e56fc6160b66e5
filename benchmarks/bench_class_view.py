"""Benchmark: open the teacher's class window on 40 students x 300 annotations, painted.

Uses the class that bench_class generates. Prints one JSON object; target: under 1 s
from reading the sidecars to the first paint of the window (Qt already imported).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.core.classroom import gather_class
from app.ui.classroom.class_view import ClassWindow
from benchmarks.bench_class import make_class


def run() -> dict:
    """Time gather_class + building, showing and painting the class window."""
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="slant-bench-classview-") as temp:
        article, students, key = make_class(Path(temp))
        began = time.perf_counter()
        window = ClassWindow(gather_class(article, [students], key))
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        window.repaint()
        seconds = time.perf_counter() - began
        window.close()
    return {"name": "class_view_40x300", "seconds": round(seconds, 4)}


if __name__ == "__main__":
    print(json.dumps(run()))
