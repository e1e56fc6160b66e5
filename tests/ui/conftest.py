"""Widget-test fixtures: articles built from blocks and a shown ArticleView."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from app.core.annotations import Annotation, make_annotation
from app.core.article import Article, Block, InlineStyle

# (kind, text) or (kind, text, level) or (kind, text, level, [(style, substring, href)])
BlockSpec = tuple


def build_article(specs: Sequence[BlockSpec], separator: str = "\n\n") -> Article:
    """Return an Article whose blocks are *specs*, joined by *separator* in its text."""
    text = ""
    blocks: list[Block] = []
    for spec in specs:
        kind, body = spec[0], spec[1]
        level = spec[2] if len(spec) > 2 else 0
        if blocks:
            text += separator
        start = len(text)
        text += body
        styles = []
        for style_kind, substring, href in spec[3] if len(spec) > 3 else ():
            at = start + body.index(substring)
            styles.append(InlineStyle(style_kind, at, at + len(substring), href))
        blocks.append(Block(kind, start, len(text), level, tuple(styles)))
    title = blocks[0] if blocks else None
    return Article(
        path=None,
        title=text[title.start : title.end] if title else "",
        text=text,
        blocks=tuple(blocks),
    )


def annotate(
    article: Article, tag: str, quote: str, occurrence: int = 1, note: str = ""
) -> Annotation:
    """Return an annotation with *tag* on the *occurrence*-th *quote* in *article*."""
    at = -1
    for _ in range(occurrence):
        at = article.text.index(quote, at + 1)
    return make_annotation(article.text, tag, at, at + len(quote), note)


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """The ``build_article`` helper."""
    return build_article


@pytest.fixture
def make_annotation_on() -> Callable[..., Annotation]:
    """The ``annotate`` helper."""
    return annotate


@pytest.fixture
def sample_article() -> Article:
    """A short news article with every block kind, a link and a few styles."""
    return build_article(
        [
            ("heading", "Harbour Mayor Unveils Ferry Deal", 1),
            (
                "paragraph",
                "By Ida Brandt, a fictional reporter, 9 May 2026.",
                0,
                [("bold", "By", "")],
            ),
            ("heading", "What you might have missed", 2),
            ("list_item", "Officials quietly approved 13 new ferry routes.", 1),
            ("list_item", "The move saved taxpayers millions, insiders say.", 1),
            (
                "paragraph",
                "In a dramatic shift, the mayor met the so-called ferry king. "
                "Read the statement on the council website. Subscribe for exclusive coverage!",
                0,
                [("link", "council website", "https://example.org/council")],
            ),
            ("quote", "We are ready to help, said people familiar with the matter.", 1),
            ("preformatted", "Routes in 2026:\n  North    13\n  South     2"),
        ]
    )


@pytest.fixture
def view(qtbot):
    """A shown ArticleView, 900x700, with no article yet."""
    from app.ui.article.article_view import ArticleView

    widget = ArticleView()
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def keep_app_look(qapp):
    """Tests that switch themes or restyle the application give later tests the old look."""
    from PySide6.QtGui import QPalette

    from app.ui import theme

    style, palette, sheet = qapp.style().name(), QPalette(qapp.palette()), qapp.styleSheet()
    shown = theme.current_state()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)
    theme.restore_state(shown)


@pytest.fixture
def spanish(qapp):
    """Slant speaks Spanish in this test (widgets must be made after this fixture)."""
    from app.ui.i18n import install_translator, remove_translator

    assert install_translator(qapp, "es") == "es"
    yield
    remove_translator(qapp)


@pytest.fixture
def new_main_window(qtbot):
    """A factory of shown, active MainWindows (1280x800)."""
    from app.ui.main_window import MainWindow

    def make():
        made = MainWindow()
        qtbot.addWidget(made)
        made.resize(1280, 800)
        made.show()
        qtbot.waitExposed(made)
        made.activateWindow()
        qtbot.waitUntil(made.isActiveWindow)
        return made

    return make


@pytest.fixture
def window(new_main_window, monkeypatch):
    """A shown, active MainWindow whose author question is skipped."""
    from app.ui.dialogs.author_dialog import AuthorDialog

    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))
    made = new_main_window()
    yield made
    made.document.shutdown()
