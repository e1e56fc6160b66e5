"""The CLI's headless commands run without loading Qt.

That the core and the paths module never import PySide6 or app.ui, directly or through
another module, is checked by the import-linter contracts in pyproject.toml (`lint-imports`
in CI). This test covers what a static import graph cannot: app.cli imports the window
inside a function, so only running a command shows that Qt stays unloaded.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


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
