"""What a reader does in the main window, for tests that need it as a step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest


def tag(window, quote: str, key: Qt.Key = Qt.Key.Key_1) -> None:
    """Select *quote* in the article and press a tag's key, as a reader does."""
    start = window.document.article.text.index(quote)
    window.view.select_span(start, start + len(quote))
    window.view.setFocus()
    QTest.keyClick(window.view, key)
