"""The articles taken out of saved web pages, kept in the user cache folder.

Students reopen the same page every lesson; extracting it again costs the extractor's
import (~250 ms) and its work. The bundled sample's entry ships with Slant (in
resources/page-cache/, made by ``python -m app.core.page_cache``), so that even the first
start shows it without the extractor. An entry is keyed by the page's bytes, its file name (the
warnings name it) and the extractor with its version, so a changed page or extractor
never meets an old entry. An entry is checked before use (the text's sha256, every block
and style inside the text) and ignored when anything is wrong: the cache is never trusted
blindly, and a cache that cannot be read or written only costs the extraction.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

import msgspec

from app import paths
from app.core.article import (
    BLOCK_KINDS,
    STYLE_KINDS,
    Article,
    Block,
    InlineStyle,
    PageInfo,
    text_sha256,
)
from app.core.bounded_read import read_bounded

# What changes the article of a page besides its bytes: the extractor, and the rules of
# app/core/page_extraction.py and web_page.py (raise this when they change the text).
RULES_VERSION = 2  # 2: no byline paragraph after the headline
MAX_ENTRY_BYTES = 64 * 1024 * 1024
# Kept in the user cache at most: the pages opened least recently go first. An entry is
# an article's text and blocks, 5-100 KB, so the folder stays under a few tens of MB.
MAX_ENTRIES = 500


class _Style(msgspec.Struct, array_like=True):
    kind: str
    start: int
    end: int
    href: str


class _Block(msgspec.Struct, array_like=True):
    kind: str
    start: int
    end: int
    level: int
    styles: list[_Style]


class _Page(msgspec.Struct):
    title: str
    authors: list[str]
    published: str
    site_name: str
    url: str
    extractor: str
    fallback_reason: str


class _Entry(msgspec.Struct):
    title: str
    text: str
    sha256: str
    encoding: str
    warnings: list[str]
    blocks: list[_Block]
    page: _Page


_DECODER = msgspec.json.Decoder(_Entry)


def cache_key(data: bytes, name: str, extractor: str) -> str:
    """The key of the page whose file *name* holds *data*, extracted by *extractor*."""
    digest = hashlib.sha256(data)
    digest.update(f"\0{name}\0{extractor}\0{RULES_VERSION}".encode())
    return digest.hexdigest()


BUNDLED_FOLDER = ("page-cache",)  # under the resources folder


def _user_entry(key: str) -> Path:
    return paths.cache_dir() / "pages" / f"{key}.json"


def _bundled_entry(key: str) -> Path:
    return paths.resource_path(*BUNDLED_FOLDER, f"{key}.json")


def cached_article(key: str) -> Article | None:
    """The article stored under *key*, or None when there is none or it is not sound."""
    for entry_path in (_user_entry(key), _bundled_entry(key)):
        try:
            entry = _DECODER.decode(read_bounded(entry_path, MAX_ENTRY_BYTES))
        except (OSError, msgspec.DecodeError):
            continue
        article = _article(entry)
        if article is not None:
            if entry_path == _user_entry(key):
                _mark_used(entry_path)
            return article
    return None


def _mark_used(entry_path: Path) -> None:
    """Make the entry the most recently used, so that pruning keeps it longest."""
    with contextlib.suppress(OSError):
        os.utime(entry_path)


def _prune(folder: Path) -> None:
    """Delete the least recently used entries of *folder* beyond MAX_ENTRIES."""
    entries = []
    for entry_path in folder.glob("*.json"):
        with contextlib.suppress(OSError):  # one removed meanwhile is simply not counted
            entries.append((entry_path.stat().st_mtime, entry_path))
    entries.sort()
    for _, entry_path in entries[: max(0, len(entries) - MAX_ENTRIES)]:
        with contextlib.suppress(OSError):
            entry_path.unlink()


def _article(entry: _Entry) -> Article | None:
    """The article an entry holds, or None when it is not sound."""
    if text_sha256(entry.text) != entry.sha256:
        return None
    blocks = tuple(
        Block(
            block.kind,
            block.start,
            block.end,
            block.level,
            tuple(InlineStyle(s.kind, s.start, s.end, s.href) for s in block.styles),
        )
        for block in entry.blocks
    )
    if not blocks or not _sound(blocks, len(entry.text)):
        return None
    page = entry.page
    return Article(
        path=None,
        title=entry.title,
        text=entry.text,
        blocks=blocks,
        encoding=entry.encoding,
        warnings=tuple(entry.warnings),
        page=PageInfo(
            page.title,
            tuple(page.authors),
            page.published,
            page.site_name,
            page.url,
            page.extractor,
            page.fallback_reason,
        ),
    )


def _sound(blocks: tuple[Block, ...], length: int) -> bool:
    """Whether the blocks follow each other inside the text, and their styles inside them."""
    position = 0
    for block in blocks:
        if block.kind not in BLOCK_KINDS or not position <= block.start < block.end <= length:
            return False
        if not 0 <= block.level <= 64:
            return False
        for style in block.styles:
            if style.kind not in STYLE_KINDS:
                return False
            if not block.start <= style.start < style.end <= block.end:
                return False
        position = block.end
    return True


def store_article(key: str, article: Article, target: Path | None = None) -> None:
    """Keep *article* under *key* (in *target*, else the user cache folder); a cache that
    cannot be written is left alone."""
    page = article.page or PageInfo()
    entry = _Entry(
        title=article.title,
        text=article.text,
        sha256=article.sha256,
        encoding=article.encoding,
        warnings=list(article.warnings),
        blocks=[
            _Block(
                block.kind,
                block.start,
                block.end,
                block.level,
                [_Style(s.kind, s.start, s.end, s.href) for s in block.styles],
            )
            for block in article.blocks
        ],
        page=_Page(
            page.title,
            list(page.authors),
            page.published,
            page.site_name,
            page.url,
            page.extractor,
            page.fallback_reason,
        ),
    )
    in_user_cache = target is None
    target = target or _user_entry(key)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(msgspec.json.encode(entry))
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        return
    if in_user_cache:
        _prune(target.parent)


def bundle_sample() -> Path:
    """Extract the bundled sample afresh and ship its entry in resources/page-cache/."""
    from app.core.page_extraction import EXTRACTOR
    from app.core.web_page import extract_web_page

    sample = paths.sample_article()
    if sample is None:
        raise SystemExit("the bundled sample is missing")
    data = sample.read_bytes()
    folder = paths.resource_path(*BUNDLED_FOLDER)
    folder.mkdir(exist_ok=True)
    for old in folder.glob("*.json"):
        old.unlink()
    target = _bundled_entry(cache_key(data, sample.name, EXTRACTOR))
    article, settled = extract_web_page(sample, data)
    if not settled:
        raise SystemExit(f"the extractor failed on {sample}: {article.page}")
    store_article(target.stem, article, target)
    return target


if __name__ == "__main__":
    print(bundle_sample())
