"""The article block model, its canonical text and sha256, and the .txt loader."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
from app.core.errors import ArticleError
from app.core.translation import translate

BLOCK_KINDS = ("heading", "paragraph", "list_item", "quote", "preformatted")
STYLE_KINDS = ("bold", "italic", "link", "code")
# News pages saved from a browser, with their scripts and styles inline, stay under a few
# MB, and an article's text under 1 MB; a file larger than this is not an article, and
# every parser does at least a few hundred bytes of work per byte of it.
MAX_ARTICLE_BYTES = 8 * 1024 * 1024
# markdown-it-py spends ~5 us and up to 1 KB on each character of markup ("[", "&amp;"),
# so Markdown, written by hand and without scripts, has a lower limit: 2 MB is a book.
MAX_MARKDOWN_BYTES = 2 * 1024 * 1024
BULLETS = ("•", "-", "*")


class InlineStyle(NamedTuple):
    """A styled run [start, end) in canonical-text code points; ``href`` for links."""

    kind: str
    start: int
    end: int
    href: str = ""


class Block(NamedTuple):
    """A block of the article: its kind and its span [start, end) of the canonical text.

    ``level`` is the heading level (1-6), or the nesting depth of a list item or quote.
    """

    kind: str
    start: int
    end: int
    level: int = 0
    styles: tuple[InlineStyle, ...] = ()


@dataclass(frozen=True)
class PageInfo:
    """Where a web page's article came from, and how it was taken out of the page.

    ``published`` is an ISO date or ""; ``url`` the page's own address (canonical link or
    og:url) or ""; ``extractor`` the library and its exact version ("trafilatura 2.3.1"),
    or "visible text" when the whole visible text was kept; ``fallback_reason`` says why
    the extractor's article was not used ("" when it was).
    """

    title: str = ""
    authors: tuple[str, ...] = ()
    published: str = ""
    site_name: str = ""
    url: str = ""
    extractor: str = ""
    fallback_reason: str = ""


@dataclass(frozen=True)
class Article:
    """A loaded article: title, blocks and the canonical text that offsets refer to."""

    path: Path | None
    title: str
    text: str
    blocks: tuple[Block, ...]
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = field(default=(), compare=False)
    page: PageInfo | None = field(default=None, compare=False)  # None: not a web page

    @cached_property  # frozen, so the text never changes; hashing 5 MB takes ~12 ms
    def sha256(self) -> str:
        """Hex sha256 of the canonical text encoded as UTF-8."""
        return text_sha256(self.text)

    @property
    def length(self) -> int:
        """Length of the canonical text in code points."""
        return len(self.text)

    def block_text(self, block: Block) -> str:
        """Return the canonical text of *block*."""
        return self.text[block.start : block.end]


def text_sha256(text: str) -> str:
    """Return the hex sha256 of *text* encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_newlines(text: str) -> str:
    """Turn \\r\\n and lone \\r into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_plain_text(text: str, path: Path | None = None) -> Article:
    """Build an Article from plain text; offsets are offsets into the normalized file text."""
    text = normalize_newlines(text.lstrip("\ufeff"))
    blocks: list[Block] = []
    title = ""
    position = 0
    for line in text.split("\n"):
        line_start, position = position, position + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        content_start = line_start + (len(line) - len(line.lstrip()))
        content_end = line_start + len(line.rstrip())
        if not title:
            title = stripped
            blocks.append(Block("heading", content_start, content_end, level=1))
        elif stripped[0] in BULLETS and len(stripped) > 1 and stripped[1].isspace():
            item_start = content_start + 1
            while item_start < content_end and text[item_start].isspace():
                item_start += 1
            blocks.append(Block("list_item", item_start, content_end, level=1))
        else:
            blocks.append(Block("paragraph", content_start, content_end))
    return Article(path=path, title=title, text=text, blocks=tuple(blocks))


def load_article(path: Path | str) -> Article:
    """Load a .txt, .md/.markdown article, or the article of a saved web page
    (.html/.htm/.mhtml/.mht, see app.core.web_page).

    Raises ArticleError (naming the file) when it cannot be read, decoded or parsed.
    """
    from app.core.article_formats import WEB_PAGE_SUFFIXES, parse_by_suffix, read_article_text

    path = Path(path)
    if path.suffix.lower() in WEB_PAGE_SUFFIXES:
        # Imported here: the extractor (lxml, trafilatura) stays off the path of .txt/.md.
        from app.core.web_page import load_web_page

        return load_web_page(path)
    text, encoding, warnings = read_article_text(path)
    article = parse_by_suffix(path, text)
    return Article(
        path=path,
        title=article.title,
        text=article.text,
        blocks=article.blocks,
        encoding=encoding,
        warnings=tuple(warnings) + article.warnings,
    )


def read_article_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the article file *path*, read without ever going past *limit* bytes
    (by default MAX_ARTICLE_BYTES).

    Raises ArticleError naming the file when it is missing, a folder, not a regular file
    (a pipe or a device, which would block or never end), larger than the limit or
    unreadable.
    """
    limit = MAX_ARTICLE_BYTES if limit is None else limit
    try:
        return read_bounded(path, limit)
    except FileNotFoundError as error:
        problem = translate("ArticleErrors", "{path}: no such file")
        raise ArticleError(problem.format(path=path)) from error
    except IsADirectoryError as error:
        problem = translate("ArticleErrors", "{path}: is not a file")
        raise ArticleError(problem.format(path=path)) from error
    except NotRegularFile as error:
        problem = translate(
            "ArticleErrors",
            "{path}: is not an ordinary file (it is a pipe, a device or a socket) "
            "and cannot be opened as an article",
        )
        raise ArticleError(problem.format(path=path)) from error
    except FileTooBig as error:
        problem = translate("ArticleErrors", "{path}: the file is larger than {limit} MB")
        raise ArticleError(problem.format(path=path, limit=limit // (1024 * 1024))) from error
    except OSError as error:
        problem = translate("ArticleErrors", "{file} could not be read: {reason}")
        raise ArticleError(
            problem.format(file=path.name, reason=error.strerror or error)
        ) from error
