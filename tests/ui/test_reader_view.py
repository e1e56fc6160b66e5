"""A web page opens with a header saying where it came from; a page without an article says so."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from test_contrast import AA_TEXT, ratio

from app.core.article import Article, Block, PageInfo
from app.ui.article.page_header import QUIET_COLOR

LONG_TITLE = (
    "An Extremely Long Headline About the Harbour Council's Decision to Approve Thirteen "
    "New Ferry Routes Despite Objections From Residents and Local Businesses"
)
LONG_ADDRESS = (
    "https://herald.example/2026/05/09/an-extremely-long-address-for-a-story-about-the-"
    "harbour-ferry-deal-and-what-it-means-for-residents?utm_source=share&utm_medium=social"
)
BODY = " ".join(
    f"Sentence {n} of the story tells what the harbour council decided and why." for n in range(8)
)


def page(title: str, body: str) -> str:
    return f"""<html><head><title>{title} | The Harbour Herald</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="The Harbour Herald">
<meta name="author" content="Ida Brandt; Bo Li">
<meta property="article:published_time" content="2026-05-09">
<link rel="canonical" href="{LONG_ADDRESS.replace("&", "&amp;")}">
</head><body><nav><ul><li>Home</li><li>Sport</li></ul></nav>{body}</body></html>"""


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.html"
    path.write_text(
        page(
            "Harbour Mayor Unveils Ferry Deal",
            f"<article><h1>Harbour Mayor Unveils Ferry "
            f"Deal</h1><p>{BODY}</p><p>{BODY}</p></article>",
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def script_page() -> Path:
    """A golden page that builds itself with scripts: no article in it."""
    path = Path(__file__).resolve().parent.parent / "fixtures" / "pages" / "script-only.html"
    if not path.is_file():
        pytest.skip("the golden page script-only.html is missing")
    return path


def whole_page_article() -> Article:
    """A page kept whole (its menus first), with a long title and address."""
    text = "Home\nSport\nShort teaser."
    blocks = (Block("list_item", 0, 4, 1), Block("list_item", 5, 10, 1), Block("paragraph", 11, 24))
    info = PageInfo(
        title=LONG_TITLE,
        authors=("Ida Brandt", "Bo Li", "Carmen Ruiz-Alvarado"),
        published="2026-05-09",
        site_name="The Harbour Herald Evening Edition",
        url=LONG_ADDRESS,
        extractor="visible text",
        fallback_reason="no article was found in the page",
    )
    return Article(path=None, title=LONG_TITLE, text=text, blocks=blocks, page=info)


def test_a_page_shows_its_site_authors_date_and_address_above_the_article(window, story):
    assert window.open_path(story)
    header = window.page_header
    assert header.isVisible()
    assert header.site_label.text() == "The Harbour Herald"
    assert "Ida Brandt and Bo Li" in header.byline_label.text()
    assert "2026" in header.byline_label.text()
    # The extractor keeps the address without its tracking query.
    assert header.address_label.text() == LONG_ADDRESS.split("?")[0]
    # The headline is the article's first heading already: not said twice.
    assert header.title_label.isHidden()
    assert window.status_bar.note.isHidden()


def test_the_address_is_selectable_text_never_a_link(window, story):
    assert window.open_path(story)
    label = window.page_header.address_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert not label.openExternalLinks()
    flags = label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert not flags & Qt.TextInteractionFlag.LinksAccessibleByMouse


def test_a_markdown_article_after_a_page_has_no_header(window, story, tmp_path):
    assert window.open_path(story)
    notes = tmp_path / "notes.md"
    notes.write_text("# Notes\n\nMy own words.\n", encoding="utf-8")
    assert window.open_path(notes)
    assert window.page_header.isHidden()


def test_a_page_without_an_article_says_so_with_the_reason_and_shows_all_its_text(
    window, script_page
):
    assert window.open_path(script_page)
    article = window.document.article
    note = window.status_bar.note
    assert note.isVisible()
    assert "could not be found" in note.text()
    assert article.page.fallback_reason
    assert article.page.fallback_reason in note.text()
    assert "Loading the story" in article.text
    # The page's own text comes first, not a headline: the header names the page.
    assert article.page.title
    assert window.page_header.title_label.text() == article.page.title


def test_a_long_title_and_address_wrap_inside_a_small_window(window, qtbot):
    window.resize(1024, 600)
    header = window.page_header
    header.set_article(whole_page_article())
    pane = window.view.parentWidget()
    qtbot.waitUntil(lambda: header.width() == pane.width() and header.isVisible())
    assert header.title_label.text() == LONG_TITLE
    for label in (header.title_label, header.address_label):
        qtbot.waitUntil(lambda label=label: label.height() >= 2 * label.fontMetrics().height())
        assert label.geometry().right() <= header.width()
    # The header never widens the window beyond what the window asks of it.
    assert header.minimumSizeHint().width() < pane.width()


def test_the_header_lines_start_where_the_article_text_starts(window, story, qtbot):
    assert window.open_path(story)
    view = window.view
    header = window.page_header

    def text_left() -> int:
        return (
            view.frameWidth()
            + view.viewportMargins().left()
            + int(view.document().documentMargin())
        )

    for width in (1024, 1600):
        window.resize(width, 800)
        qtbot.waitUntil(lambda: header.site_label.geometry().left() == text_left())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_header_text_is_readable_in_both_themes(
    qtbot, qapp, keep_app_look, theme, window, story
):
    from app.ui.theme import apply_theme

    apply_theme(qapp, theme)
    assert window.open_path(story)
    header = window.page_header
    page_color = header.palette().color(QPalette.ColorRole.Window)
    for label in (header.site_label, header.title_label, header.byline_label):
        text = label.palette().color(QPalette.ColorRole.WindowText)
        assert ratio(text, page_color) >= AA_TEXT, label.accessibleName()
    assert ratio(QUIET_COLOR, page_color) >= AA_TEXT
    assert header.address_label.palette().color(QPalette.ColorRole.WindowText) == QUIET_COLOR
