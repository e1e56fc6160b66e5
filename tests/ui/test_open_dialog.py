"""File > Open offers every kind of article Slant reads, saved web pages included."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6 import QtWidgets

from app.ui.messages import ArticleFileDialog


def test_the_open_dialog_lists_single_file_web_pages(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[str] = []

    def fake_dialog(parent, caption, directory, filters):
        asked.append(filters)
        return str(tmp_path / "page.mhtml"), ""

    monkeypatch.setattr(QtWidgets.QFileDialog, "getOpenFileName", fake_dialog)
    assert ArticleFileDialog.ask(None, str(tmp_path)) == tmp_path / "page.mhtml"
    first_filter = asked[0].split(";;")[0]
    for pattern in ("*.txt", "*.md", "*.html", "*.htm", "*.mhtml", "*.mht"):
        assert pattern in first_filter.split("(")[1].rstrip(")").split()
