"""The core, the paths module and the CLI's headless commands never import Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app"
QT_FREE = [*sorted((APP / "core").rglob("*.py")), APP / "paths.py", APP / "cli.py"]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_do_not_import_qt_anywhere_in_their_source() -> None:
    offenders = {
        str(path.relative_to(APP)): sorted(m for m in _imported_modules(path) if "PySide" in m)
        for path in QT_FREE
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_headless_commands_run_without_loading_qt(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Title\n\nA sentence.\n", encoding="utf-8")
    code = (
        "import sys; from app.cli import main; rc = main(['text', sys.argv[1]]);"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported';"
        "sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(article)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Title\n\nA sentence.\n"
