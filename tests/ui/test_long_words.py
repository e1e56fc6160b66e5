"""An article with one enormous word opens in seconds and wraps inside the view (#18)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtGui import QTextOption

from app.core.article import parse_plain_text

# Seconds: opening took 22 s for 200,000 letters (quadratic), well under one now.
DEADLINE = 20


@contextmanager
def deadline() -> Iterator[None]:
    """Fail the test if the block runs longer than DEADLINE seconds (POSIX only)."""
    if sys.platform == "win32":
        yield
        return

    def expire(signum: int, frame: object) -> None:
        pytest.fail(f"still laying the article out after {DEADLINE} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(DEADLINE)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_an_unbroken_word_of_200000_letters_wraps_inside_the_view(view, qtbot) -> None:
    article = parse_plain_text("Ferry deal\n\n" + "x" * 200_000)
    with deadline():
        with qtbot.waitSignal(view.painted):
            view.set_article(article)
        view.resize(800, 700)  # a new width lays the whole article out again
        with qtbot.waitSignal(view.painted):
            view.update()
        view.document().documentLayout().blockBoundingRect(view.document().lastBlock())
    assert view.document().defaultTextOption().wrapMode() == QTextOption.WrapMode.WrapAnywhere
    layout = view.document().lastBlock().layout()
    assert layout.lineCount() > 100
    widest = max(layout.lineAt(n).naturalTextWidth() for n in range(layout.lineCount()))
    assert widest <= view.viewport().width()


def test_ordinary_words_still_wrap_at_word_boundaries(view, sample_article) -> None:
    view.set_article(sample_article)
    option = view.document().defaultTextOption()
    assert option.wrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
