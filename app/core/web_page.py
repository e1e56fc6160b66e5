"""A saved web page (.html, .htm, .mhtml, .mht) opened as its article, as a reader view does.

The article is what the extractor (app/core/page_extraction.py) finds; when it fails or
finds too little (an index page, a page that is all script), the whole visible text of the
page (app/core/html_article.py) is kept instead, and the article's PageInfo says why.
Nothing from the page is ever fetched or run. A page file's article is cached
(app/core/page_cache.py), so that reopening it costs no extraction.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from app.core.article import Article, PageInfo, read_article_bytes
from app.core.article_formats import MHTML_SUFFIXES, decode_article_bytes
from app.core.errors import ArticleError
from app.core.translation import translate

VISIBLE_TEXT = "visible text"  # PageInfo.extractor when the whole visible text is kept
# An article shorter than this (in characters: Chinese or Thai put no spaces between words)
# is not one: it is what an extractor finds on an index page, a gallery or a page that
# builds itself with scripts.
MIN_ARTICLE_CHARS = 200
# A single-file page (.mhtml) carries every image of the page in base64: a news page saved
# by Chrome or Edge is often 5-40 MB, though its HTML stays under MAX_ARTICLE_BYTES.
MAX_MHTML_BYTES = 64 * 1024 * 1024
# A start tag this long with this many attributes is built to exhaust a parser (browsers'
# pages never have one): lxml and the date finder spend minutes and hundreds of MB on it,
# so such a page keeps its visible text (html_article.py reads it with bounded costs).
# The runs are found between "<" and the next "<" or ">", so the scan stays linear.
_LONG_TAG = re.compile(r"<[a-zA-Z][^<>]{65536,}")
_ATTRIBUTE = re.compile(r"\s[^\s=<>/]")
MAX_TAG_ATTRIBUTES = 64


def load_web_page(path: Path) -> Article:
    """The article of the saved web page *path* (cached by its bytes and the extractor).

    Raises ArticleError naming the file when it cannot be read, decoded or holds no text.
    """
    from app.core import page_cache
    from app.core.page_extraction import EXTRACTOR

    is_mhtml = path.suffix.lower() in MHTML_SUFFIXES
    data = read_article_bytes(path, MAX_MHTML_BYTES if is_mhtml else None)
    key = page_cache.cache_key(data, path.name, EXTRACTOR)
    cached = page_cache.cached_article(key)
    if cached is not None:
        return replace(cached, path=path)
    article, settled = extract_web_page(path, data)
    if settled:  # a failure of the extractor (a wrong version installed) is not kept
        page_cache.store_article(key, article)
    return article


def extract_web_page(path: Path, data: bytes) -> tuple[Article, bool]:
    """The article of the page *path* whose bytes are *data*, extracted now, and whether it
    is settled (False when the extractor failed, so that it is not cached)."""
    if path.suffix.lower() in MHTML_SUFFIXES:
        from app.core.mhtml_page import read_mhtml  # the email package: only for .mhtml

        html, encoding, warnings, address = read_mhtml(data, path.name)
    else:
        html, encoding, warnings = decode_article_bytes(data, path.name, path.suffix.lower())
        address = ""
    article, settled = _article_of(html, path.name)
    if address and article.page is not None and not article.page.url:
        article = replace(article, page=replace(article.page, url=address))
    article = replace(
        article,
        path=path,
        encoding=encoding,
        warnings=tuple(warnings) + article.warnings,
    )
    return article, settled


def article_from_html(html: str, name: str = "") -> Article:
    """The reader-view article of the HTML document *html* (its file *name*, if any, for
    messages), or its whole visible text when no article is found; never cached.

    Raises ArticleError (naming *name*) when the page has no text at all.
    """
    return _article_of(html, name)[0]


def _article_of(html: str, name: str) -> tuple[Article, bool]:
    """article_from_html's article, and whether it is settled: False when the extractor
    failed, so that the same page might give another article with it working."""
    from app.core.html_article import parse_html

    article, page, reason, settled = _extracted(html)
    if article is not None:
        return article, settled
    try:
        whole = parse_html(html)
    except ArticleError as error:
        raise ArticleError(f"{name}: {error}" if name else str(error)) from error
    if not whole.blocks:
        problem = translate(
            "ArticleErrors", "{file} has no text: there is nothing in it to read or tag."
        )
        raise ArticleError(problem.format(file=name or translate("PageErrors", "the page")))
    page = replace(page, title=page.title or whole.title, extractor=VISIBLE_TEXT)
    warnings = tuple(f"{name}: {w}" for w in whole.warnings) if name else whole.warnings
    return replace(whole, warnings=warnings, page=replace(page, fallback_reason=reason)), settled


def _extracted(html: str) -> tuple[Article | None, PageInfo, str, bool]:
    """The extractor's article of *html* (None when it is not used), the page's metadata,
    why the article is not used ("" when it is), and False when the extractor failed."""
    from app.core.page_extraction import extract_article

    if _has_hostile_tag(html):
        reason = translate(
            "PageErrors",
            "the page has a tag with thousands of attributes, which Slant does not give "
            "to the article finder",
        )
        return None, PageInfo(), reason, True
    try:
        extraction = extract_article(html)
    # The extractor is a library reading anything a page holds: whatever it raises
    # (lxml's errors, a recursion limit, a wrong version) means "no article", not a crash.
    except Exception as error:
        problem = translate("PageErrors", "the article could not be found in the page ({reason})")
        return None, PageInfo(), problem.format(reason=type(error).__name__), False
    article = extraction.article
    if article is None:
        reason = translate("PageErrors", "no article was found in the page")
        return None, extraction.page, reason, True
    if len(article.text) < MIN_ARTICLE_CHARS:
        problem = translate(
            "PageErrors", "the article found in the page had only {count} characters"
        )
        return None, extraction.page, problem.format(count=len(article.text)), True
    return article, extraction.page, "", True


def _has_hostile_tag(html: str) -> bool:
    """Whether *html* has a start tag of over 64 KB with more than MAX_TAG_ATTRIBUTES
    attributes (a long tag with few, such as an inline image, is harmless)."""
    for found in _LONG_TAG.finditer(html):
        attributes = _ATTRIBUTE.finditer(found.group())
        if sum(1 for _ in zip(attributes, range(MAX_TAG_ATTRIBUTES + 1), strict=False)) > (
            MAX_TAG_ATTRIBUTES
        ):
            return True
    return False
