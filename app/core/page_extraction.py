"""The article of a web page, found by trafilatura, as the block model with its metadata.

trafilatura (pinned exactly in pyproject.toml, so that the canonical text of a page does not
move with an upgrade) parses the page with lxml, drops its furniture (menus, share bars,
related stories, comments) and returns the body as a small XML tree: ``head``, ``p``,
``list``/``item``, ``quote``, ``code``, ``table``/``row``/``cell``, with ``hi`` (bold,
italic) and ``ref`` (links) inside. That tree is walked into a BlockBuilder. Nothing is
fetched: trafilatura reads only the string it is given, and links are kept as text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.core.article import Article, PageInfo
from app.core.article_formats import BlockBuilder, collapse_space, safe_href

EXTRACTOR_NAME = "trafilatura"
EXTRACTOR_VERSION = "2.3.1"  # the exact version in pyproject.toml
EXTRACTOR = f"{EXTRACTOR_NAME} {EXTRACTOR_VERSION}"
# Dates only from the page's metadata and markup (not guessed from its text), and never
# bounded by today's date, so that a page's article does not change with the day it is
# opened on.
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "max_date": "2999-12-31"}
_STYLES = {"#b": "bold", "#i": "italic", "#t": "code"}
# Elements whose text a reader does not see in the article.
_SKIPPED = frozenset({"graphic", "fw", "note", "figure"})


class ExtractorMismatch(RuntimeError):
    """The installed trafilatura is not the pinned version, whose text Slant's files hold."""


@dataclass(frozen=True)
class Extraction:
    """What the extractor found: the article (None when it found nothing) and the page's
    metadata (from its markup, found even when the article was not)."""

    article: Article | None
    page: PageInfo


def extract_article(html: str) -> Extraction:
    """The article of the page *html* as trafilatura finds it, and the page's metadata.

    Raises ExtractorMismatch when the installed trafilatura is not EXTRACTOR_VERSION, and
    whatever trafilatura or lxml raise on markup they cannot read (callers fall back).
    """
    import trafilatura
    from trafilatura.settings import Document

    if trafilatura.__version__ != EXTRACTOR_VERSION:
        raise ExtractorMismatch(f"trafilatura {trafilatura.__version__} is installed")
    document = trafilatura.bare_extraction(
        html,
        favor_precision=True,  # F1 0.951 against 0.933 by default (docs/PERFORMANCE.md)
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_formatting=True,
        include_links=True,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if not isinstance(document, Document):  # None: no article found (a dict only on request)
        document = trafilatura.extract_metadata(html, date_config=_DATE_PARAMS)
        return Extraction(None, _page_info(document))
    page = _page_info(document)
    body = document.body
    if body is None or not len(body):
        return Extraction(None, page)
    return Extraction(_article(body, page), page)


def _page_info(document: Any) -> PageInfo:
    """The metadata trafilatura found in a page (its Document; None when it found none)."""
    if document is None:
        return PageInfo(extractor=EXTRACTOR)
    return PageInfo(
        title=collapse_space(document.title or ""),
        authors=_authors(document.author),
        published=document.date or "",
        site_name=collapse_space(document.sitename or ""),
        url=safe_href(document.url or ""),
        extractor=EXTRACTOR,
    )


def _authors(author: str | None) -> tuple[str, ...]:
    """trafilatura joins several authors with "; "."""
    names = (collapse_space(name) for name in (author or "").split(";"))
    return tuple(name for name in names if name)


def _article(body: Any, page: PageInfo) -> Article:
    """The headline, then the body. Authors and date are metadata (the window's page header
    and the exports show them), not words of the article."""
    walker = _BodyWalker()
    first = next((child for child in body if isinstance(child.tag, str)), None)
    if (first is None or first.tag != "head") and page.title:
        walker.builder.add_text(page.title, "heading", 1)
        walker.builder.break_block()
    walker.walk_children(body)
    return replace(walker.builder.build(page.title), page=page)


class _BodyWalker:
    """Turns trafilatura's body tree into blocks of a BlockBuilder."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self._lists = 0  # depth of open lists
        self._quotes = 0  # depth of open quotes
        self._current: tuple[str, int] | None = None  # kind and level of the open element

    def _container(self) -> tuple[str, int]:
        """The kind and level of text met where the walk is now."""
        if self._current is not None:
            return self._current
        if self._quotes:
            return "quote", self._quotes
        if self._lists:
            return "list_item", self._lists
        return "paragraph", 0

    def walk_children(self, element: Any) -> None:
        """Walk *element*'s children, each followed by its tail text."""
        for child in element:
            if isinstance(child.tag, str):
                self._walk(child)
            if child.tail:
                self.builder.add_text(child.tail, *self._container())

    def _walk(self, element: Any) -> None:
        tag = element.tag
        if tag in _SKIPPED:
            return
        if tag == "head":
            self._block(element, "heading", _heading_level(element.get("rend", "")))
        elif tag in ("p", "row"):
            self._block(element, *self._container())
        elif tag == "item":
            self._block(element, "list_item", max(self._lists, 1))
        elif tag == "list":
            self._group(element, lists=1)
        elif tag == "quote":
            self._group(element, quotes=1)
        elif tag == "code" and self._current is None:
            self._block(element, "preformatted", 0)
        elif tag == "lb":
            self.builder.break_block()
        elif tag in ("hi", "code"):
            self._inline(element, "code" if tag == "code" else _STYLES.get(element.get("rend")))
        elif tag == "ref":
            href = safe_href(element.get("target") or "")
            self._inline(element, "link" if href else None, href)
        else:  # cell, del, span ...: their text, unstyled
            self._inline(element, None)

    def _block(self, element: Any, kind: str, level: int) -> None:
        """*element* as blocks of *kind*: a break before and after it."""
        self.builder.break_block()
        outer, self._current = self._current, (kind, level)
        if element.text:
            self.builder.add_text(element.text, *self._container())
        self.walk_children(element)
        self._current = outer
        self.builder.break_block()

    def _group(self, element: Any, lists: int = 0, quotes: int = 0) -> None:
        """A list or a quote: its paragraphs and items become list items or quotes."""
        self.builder.break_block()
        outer, self._current = self._current, None
        self._lists += lists
        self._quotes += quotes
        if element.text:
            self.builder.add_text(element.text, *self._container())
        self.walk_children(element)
        self._lists -= lists
        self._quotes -= quotes
        self._current = outer
        self.builder.break_block()

    def _inline(self, element: Any, kind: str | None, href: str = "") -> None:
        """The text of an inline element, styled *kind* (None for none)."""
        handle = self.builder.open_style(kind, href) if kind else 0
        if element.text:
            self.builder.add_text(element.text, *self._container())
        self.walk_children(element)
        if handle:
            self.builder.close_style(handle)
        if element.tag == "cell":
            self.builder.add_text(" ", *self._container())


def _heading_level(rend: str) -> int:
    """The level of a heading whose ``rend`` is "h1" ... "h6" (2 when unknown)."""
    if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456":
        return int(rend[1])
    return 2
