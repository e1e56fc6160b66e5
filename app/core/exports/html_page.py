"""HTML building blocks every page Slant writes shares: escaping, the page, the article.

Pages are single self-contained files: inline CSS, no scripts, no external requests (a
Content-Security-Policy says so to the browser too). Every piece of article or student
text goes through ``esc`` (html.escape with quote=True).
"""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from functools import lru_cache
from itertools import pairwise
from typing import Any, TypeVar

from app.core.article import Article
from app.core.exports.phrases import decimal
from app.core.translation import translate

T = TypeVar("T")
Segment = tuple[int, int, str]  # [start, end) and the attributes of its <span>

BASE_CSS = """
:root { color-scheme: light; }
body { font: 16px/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
  margin: 0 auto; max-width: 62rem; padding: 1.5rem 2rem 4rem; }
h1, h2, h3, th, .meta, .tab, .legend, table { font-family: system-ui, "Segoe UI", Roboto,
  Helvetica, Arial, sans-serif; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; } h2 { font-size: 1.35rem; margin-top: 2.2rem;
  border-bottom: 2px solid #ddd; padding-bottom: .2rem; } h3 { font-size: 1.05rem; }
.meta { color: #555; font-size: .9rem; margin: 0 0 1rem; }
table { border-collapse: collapse; font-size: .85rem; margin: .5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.wide { overflow-x: auto; }
.article { border: 1px solid #ddd; border-radius: 6px; padding: .5rem 1.5rem; background: #fff; }
.article p { margin: .6rem 0; } .article .li { margin-left: 1.5rem; }
.article .li::before { content: "\\2022"; margin-left: -1rem; position: absolute; }
.article .h1 { font-size: 1.4rem; font-weight: bold; } .article .h2 { font-size: 1.2rem;
  font-weight: bold; } .article .h3, .article .h4, .article .h5, .article .h6 { font-weight: bold; }
.article blockquote { border-left: 3px solid #ccc; margin: .6rem 0; padding-left: 1rem; }
.article pre { white-space: pre-wrap; }
.swatch { display: inline-block; width: 1.6rem; height: 1rem; vertical-align: middle;
  border: 1px solid #999; margin-right: .3rem; }
.legend { font-size: .85rem; margin: .5rem 0; } .legend span.item { margin-right: 1rem;
  white-space: nowrap; }
.note { color: #444; font-size: .85rem; font-family: system-ui, "Segoe UI", Roboto,
  Helvetica, Arial, sans-serif; }
.f1 table { font-size: .75rem; } .f1 th { padding: .2rem .3rem; }
.f1 td { padding: 0; } .f1 td:first-child { padding: .2rem .4rem; }
.f1 .cell { display: block; padding: .2rem .3rem; }
@page wide { size: landscape; } .quote { font-style: italic; }
.explain { background: #f7f7f2; border: 1px solid #e3e3d8; padding: .5rem 1rem;
  border-radius: 6px; } .explain p { margin: .5rem 0; }
.ok { color: #00663a; } .bad { color: #a33; } .warn { color: #8a5a00; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { page-break-before: always; break-before: page; }
  section.first { page-break-before: auto; break-before: auto; }
  .wide { overflow: visible; } table { page-break-inside: auto; width: 100%; }
  tr, .legend { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; } h2, h3 { page-break-after: avoid; }
  section.pairs { page: wide; } .f1 table { font-size: 6.5pt; width: auto; }
  .f1 th, .f1 td:first-child, .f1 .cell { padding: 1pt 2pt; }
}
"""


def esc(text: object) -> str:
    """HTML-escape *text* (quotes too), for element content and attribute values alike."""
    return html.escape(str(text), quote=True)


def page(title: str, body: str, css: str = "") -> bytes:
    """A complete, self-contained HTML page as UTF-8 bytes, in the interface's language."""
    # The page's language code (en, es) comes from the catalogue, so that browsers and screen
    # readers read a Spanish page as Spanish.
    language = esc(translate("ExportPages", "en"))
    document = (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
        # Belt and braces: even injected markup could not load or run anything.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
    # A lone surrogate (half a UTF-16 pair, e.g. from a pasted note) has no UTF-8 form,
    # and HTML forbids NUL (browsers differ in what they make of it).
    return document.replace("\x00", "\ufffd").encode("utf-8", "replace")


def rgba(color: str, opacity: float) -> str:
    """CSS rgba() for a #RRGGBB colour."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{opacity:.3f})"


def ratio(value: float | None) -> str:
    """A ratio for people: two decimals, or n/a (in the interface's language)."""
    return translate("ExportPages", "n/a") if value is None else decimal(value)


def overlay(marks: Sequence[tuple[int, int, T]]) -> list[tuple[int, int, tuple[T, ...]]]:
    """Cut possibly overlapping marks into disjoint pieces, each with the marks covering it.

    Pieces covered by no mark are left out; marks keep their input order within a piece.
    """
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for index, (start, end, _) in enumerate(marks):
        if end > start:
            starts.setdefault(start, []).append(index)
            ends.setdefault(end, []).append(index)
    active: set[int] = set()
    pieces: list[tuple[int, int, tuple[T, ...]]] = []
    previous = 0
    for position in sorted(starts.keys() | ends.keys()):
        if active and position > previous:
            pieces.append((previous, position, tuple(marks[i][2] for i in sorted(active))))
        active.difference_update(ends.get(position, ()))
        active.update(starts.get(position, ()))
        previous = position
    return pieces


_STYLE_TAGS = {"bold": "b", "italic": "i", "code": "code", "link": "u"}


def render_article(
    article: Article, segments: Sequence[Segment], inserts: Mapping[int, str] | None = None
) -> str:
    """The article's blocks as HTML, with *segments* (sorted, disjoint) wrapped in spans.

    *inserts* maps an offset to ready-made HTML placed right after that character (e.g.
    endnote markers); offsets between blocks go to the end of the block before them.
    """
    inserts = inserts or {}
    blocks = article.blocks
    block_starts = [block.start for block in blocks]
    # An insert at offset p belongs to the last block that starts before p.
    owned: list[list[int]] = [[] for _ in blocks]
    for offset in sorted(inserts):
        if blocks:
            owned[max(0, bisect_left(block_starts, offset) - 1)].append(offset)
    segment_starts = [s[0] for s in segments]
    parts = []
    for block, own in zip(blocks, owned, strict=True):
        first = max(0, bisect_right(segment_starts, block.start) - 1)
        inner = _render_block(article, block, segments, first, own, inserts)
        parts.append(_wrap_block(block.kind, block.level, inner))
    return "\n".join(parts)


def _render_block(
    article: Article,
    block: Any,
    segments: Sequence[Segment],
    first: int,
    insert_at: list[int],
    inserts: Mapping[int, str],
) -> str:
    start, end = block.start, block.end
    escaped, where = _escaped(article.text)
    count, styles = len(segments), block.styles
    cuts = {start, end}
    index = first
    while index < count and segments[index][0] < end:
        seg_start, seg_end, _ = segments[index]
        if seg_start > start:
            cuts.add(seg_start)
        if start < seg_end < end:
            cuts.add(seg_end)
        index += 1
    for style in styles:
        cuts.update(p for p in (style.start, style.end) if start < p < end)
    own = {p for p in insert_at if start < p < end}
    cuts.update(own)
    points = sorted(cuts)
    out = [inserts[p] for p in insert_at if p <= start]
    index = first
    for a, b in pairwise(points):
        piece = escaped[where[a] : where[b]] if where else escaped[a:b]
        for style in styles:
            if style.start <= a and b <= style.end and style.kind in _STYLE_TAGS:
                tag = _STYLE_TAGS[style.kind]
                piece = f"<{tag}>{piece}</{tag}>"
        while index < count and segments[index][1] <= a:
            index += 1
        if index < count and segments[index][0] <= a:
            piece = f"<span {segments[index][2]}>{piece}</span>"
        out.append(piece)
        if b in own:
            out.append(inserts[b])
    out += [inserts[p] for p in insert_at if p >= end]
    return "".join(out)


@lru_cache(maxsize=4)
def _escaped(text: str) -> tuple[str, list[int]]:
    """The HTML-escaped text, and where each code point's escape starts in it.

    Escaping the article once and slicing is much faster than escaping each of the
    thousands of pieces a page cuts it into. The offsets are empty when nothing needed
    escaping (then they are the identity).
    """
    escaped = html.escape(text)
    if len(escaped) == len(text):
        return escaped, []
    where = [0]
    for char in text:
        where.append(where[-1] + (len(html.escape(char)) if char in "&<>\"'" else 1))
    return escaped, where


def _wrap_block(kind: str, level: int, inner: str) -> str:
    if kind == "heading":
        return f'<p class="h{min(max(level, 1), 6)}">{inner}</p>'
    if kind == "list_item":
        return f'<p class="li">{inner}</p>'
    if kind == "quote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    if kind == "preformatted":
        return f"<pre>{inner}</pre>"
    return f"<p>{inner}</p>"


def table(
    header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Collection[int] = ()
) -> str:
    """An HTML table; header and cells must already be HTML (escaped)."""

    def cell(kind: str, index: int, content: str) -> str:
        css = ' class="num"' if index in numeric else ""
        return f"<{kind}{css}>{content}</{kind}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "\n".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    return (
        f'<div class="wide"><table><thead><tr>{head}</tr></thead>\n'
        f"<tbody>{body}</tbody></table></div>"
    )
