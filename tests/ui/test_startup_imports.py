"""What the first window loads: the parts most sessions never use stay unimported.

These were rules kept as comments ("imported on first use"); this test keeps them.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.paths import sample_article

LOADED_ON_FIRST_USE = (
    "app.ui.article.find_bar",  # Find: most sessions never search
    "app.ui.classroom.class_view",  # the teacher's class window
    "app.ui.dialogs.preferences",
    "app.ui.dialogs.printing",
    "app.ui.dialogs.tag_guide",
    "PySide6.QtPrintSupport",
    "app.core.anchoring",  # re-anchoring: only for an article whose text changed
    "app.core.exports",  # exports: only when the user exports
    # The sample's article ships extracted (resources/page-cache/): no extractor at start.
    "trafilatura",
    "email",  # single-file .mhtml pages only
)

SCRIPT = """
import json, sys
from app.cli import main
status = main([sys.argv[1], "--screenshot", sys.argv[2]])
import PySide6.QtGui as gui  # already loaded: the window was built
import PySide6.QtWidgets as widgets
# PySide6 makes a class's Python type (and its enum classes) when a name first reaches it.
made = sorted(name for name in ("QStyle",) if name in vars(widgets))
made += sorted(name for name in ("QMouseEvent", "QWheelEvent") if name in vars(gui))
# sys.modules keeps the order of import: what came after PySide6 had its source read by
# PySide6's import hook (see app/cli.py _load_window_core).
names = list(sys.modules)
def ours_or_a_library(name):
    source = str(getattr(sys.modules[name], "__file__", None) or "")
    return source.endswith(".py") and (name.startswith("app.") or "site-packages" in source)
after_qt = [
    name for name in names[names.index("PySide6"):]
    if ours_or_a_library(name) and not name.startswith(("PySide6", "shiboken6", "app.ui"))
]
print(json.dumps({"status": status, "modules": sorted(sys.modules), "made": made,
                  "after_qt": after_qt}))
"""


def first_window_report(article: Path, tmp_path: Path) -> dict:
    """What a fresh `slant ARTICLE --screenshot` process had loaded once its window painted."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SLANT_HOME=str(tmp_path / "home"))
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(article), str(tmp_path / "shot.png")],
        capture_output=True,
        env=env,
        timeout=120,
        check=True,
    )
    report = json.loads(result.stdout.decode("utf-8").strip().splitlines()[-1])
    assert report["status"] == 0
    return report


def test_the_first_window_does_not_load_what_it_does_not_show(tmp_path: Path) -> None:
    sample = sample_article()
    if sample is None:
        pytest.skip("the bundled sample is missing")
    report = first_window_report(sample, tmp_path)
    loaded = set(report["modules"])
    assert "app.ui.main_window" in loaded  # the window was built
    assert sorted(loaded.intersection(LOADED_ON_FIRST_USE)) == []
    # Naming QStyle makes PySide6 build its enum classes: 6 ms that the first window,
    # which hands no style object to Python, need not spend. An event filter or event()
    # in Python makes PySide6 try every QEvent class on each event it is given (~50
    # types, with their enums): the first window uses the typed handlers and signals.
    assert report["made"] == []
    # The core and its libraries (the standard library's modules aside) are loaded before
    # Qt, so that PySide6's import hook does not read their source: only the X11 check,
    # imported with the window, comes after.
    assert report["after_qt"] == ["app.x11_libraries"]


def test_a_markdown_article_opens_without_the_web_page_extractor(tmp_path: Path) -> None:
    # trafilatura and lxml take ~250 ms to import: only a web page needs them (issue 19).
    markdown = Path(__file__).resolve().parents[1] / "fixtures" / "westmere-phone-ban.md"
    report = first_window_report(markdown, tmp_path)
    roots = {name.split(".")[0] for name in report["modules"]}
    assert sorted(roots & {"trafilatura", "lxml", "htmldate", "justext", "courlan"}) == []
