"""An article's block model written as CommonMark that the Markdown loader reads back to
the same canonical text, block for block."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise

from markdown_it import MarkdownIt

from app.core.article import Article, Block, InlineStyle
from app.core.article_formats import collapse_space, safe_href
from app.core.markdown_article import parse_markdown

# Outermost first: a link holds emphasis, bold holds italic. Code is written per segment,
# innermost, as a code span cannot hold other markup.
_NESTING = ("link", "bold", "italic")
_EMPHASIS = {"bold": "**", "italic": "*"}
# Inline markup everywhere in a line: emphasis, code spans, links and images, autolinks,
# and the escape character itself.
_ALWAYS_ESCAPED = re.compile(r"([\\`*_\[\]<])")
# "&amp;" and "&#38;" would be read as the character they name; a lone "&" stays as it is.
_ENTITY_LIKE = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# What starts a block when it opens a line: heading, quote, list, thematic break, fence.
_LINE_START = "#>+-=~"
_ORDERED_MARKER = re.compile(r"(\d{1,9})([.)])")
# Markdown trims these off a paragraph's or heading's ends (Python's isspace, and the
# byte-order mark a file may start with); written as numeric character references, they stay.
_TRIMMED_AT_ENDS = "\ufeff"
# Only the validator and the normaliser are used: a link the loader would not accept as a
# link is written as its text alone.
_LINKS = MarkdownIt("commonmark")
_METADATA_LABELS = ("title", "author", "published", "site", "url")

_StyleKey = tuple[str, str]  # (kind, href)


def article_to_markdown(article: Article) -> str:
    """Write *article* as CommonMark that load_article reads back to the same text.

    Headings, paragraphs, list items, quotes and preformatted blocks keep their kinds and
    levels; bold, italic, code and links are kept where Markdown can say them without
    changing the text (a run it cannot say, e.g. bold ending between a quotation mark and
    a letter, is written as plain text). The heading that is the article's title is
    written at level 1, so that the title survives. A web page's metadata (title,
    authors, date, site name, URL) goes first as link reference definitions, which a
    Markdown reader shows nowhere. Text that Markdown cannot hold in a paragraph (line
    breaks, tabs or runs of spaces outside preformatted blocks) comes back as single
    spaces; the loaders never make such text. Never raises.
    """
    levels = _block_levels(article)
    # Written with every style at once and read back whole: one parse for the common
    # article; only when a block did not read back is each block checked on its own.
    body = _body(article, levels, verify=False)
    if not _reads_back_whole(body, article, levels):
        body = _body(article, levels, verify=True)
    markdown = "\n\n".join(part for part in (_metadata_header(article), body) if part)
    return markdown + "\n" if markdown else ""


def _body(article: Article, levels: list[int], *, verify: bool) -> str:
    """The blocks as Markdown; with *verify*, each keeps only the styles that read back."""
    parts: list[str] = []
    previous: Block | None = None
    list_depth = 0
    for block, level in zip(article.blocks, levels, strict=True):
        text = article.block_text(block)
        styles = [s for s in _relative_styles(block) if _is_writable(s)]
        if block.kind == "preformatted":
            written = _fenced(text)
        elif verify:
            written = _verified_line(block.kind, level, text, styles, list_depth)
        else:
            written = _line(block.kind, level, _inline(text, styles, block.kind), list_depth)
        if previous is not None:
            tight = previous.kind == block.kind == "list_item"
            parts.append("\n" if tight else "\n\n")
        parts.append(written)
        list_depth = max(level, 1) if block.kind == "list_item" else 0
        previous = block
    return "".join(parts)


def _reads_back_whole(body: str, article: Article, levels: list[int]) -> bool:
    """Whether *body* loads back to the article's text, blocks, levels and styles."""
    loaded = parse_markdown(body)
    if loaded.text != article.text or len(loaded.blocks) != len(article.blocks):
        return False
    for block, level, got in zip(article.blocks, levels, loaded.blocks, strict=True):
        if (got.kind, got.start, got.end) != (block.kind, block.start, block.end):
            return False
        if block.kind != "preformatted" and got.level != _written_level(block.kind, level):
            return False
        wanted = _merged(s for s in _relative_styles(block) if _is_writable(s))
        if block.kind != "preformatted" and _merged(_relative_styles(got)) != wanted:
            return False
    return True


def _block_levels(article: Article) -> list[int]:
    """Each block's level, the title's heading raised to 1 and earlier level-1 headings
    lowered to 2, so that the Markdown loader takes the same title."""
    levels = [block.level for block in article.blocks]
    title = article.title.strip()
    headings = [i for i, b in enumerate(article.blocks) if b.kind == "heading"]
    at = next((i for i in headings if article.block_text(article.blocks[i]) == title), None)
    if at is None:
        return levels
    for i in headings:
        if i < at and levels[i] <= 1:
            levels[i] = 2
    levels[at] = 1
    return levels


def _written_level(kind: str, level: int) -> int:
    """The level the loader gives a block written at *level*."""
    if kind == "paragraph":
        return 0
    return min(max(level, 1), 6) if kind == "heading" else max(level, 1)


def _relative_styles(block: Block) -> list[InlineStyle]:
    return [s._replace(start=s.start - block.start, end=s.end - block.start) for s in block.styles]


# -- one block ---------------------------------------------------------------------------


def _verified_line(
    kind: str, level: int, text: str, styles: Sequence[InlineStyle], list_depth: int
) -> str:
    """The block as Markdown, with as many of its styles as read back unchanged."""
    if _reads_back(kind, level, text, styles):
        return _line(kind, level, _inline(text, styles, kind), list_depth)
    # Keep links and code first (they carry the most), then each emphasis run in turn.
    ordered = sorted(styles, key=lambda s: (s.kind in _EMPHASIS, s.start, s.end))
    kept: list[InlineStyle] = []
    for style in ordered:
        if _reads_back(kind, level, text, [*kept, style]):
            kept.append(style)
    return _line(kind, level, _inline(text, kept, kind), list_depth)


def _reads_back(kind: str, level: int, text: str, styles: Sequence[InlineStyle]) -> bool:
    """Whether the Markdown for this block loads back as one block of *text* and *styles*."""
    markdown = _line(kind, level, _inline(text, styles, kind), 0)
    loaded = parse_markdown(markdown)
    if len(loaded.blocks) != 1 or loaded.text != text:
        return False
    return _merged(_relative_styles(loaded.blocks[0])) == _merged(styles)


def _merged(styles: Iterable[InlineStyle]) -> set[tuple[str, int, int]]:
    """Runs of one kind that touch or overlap become one, as the loader merges them."""
    result: set[tuple[str, int, int]] = set()
    styles = list(styles)
    for kind in {s.kind for s in styles}:
        runs = sorted((s.start, s.end) for s in styles if s.kind == kind)
        start, end = runs[0]
        for next_start, next_end in runs[1:]:
            if next_start <= end:
                end = max(end, next_end)
            else:
                result.add((kind, start, end))
                start, end = next_start, next_end
        result.add((kind, start, end))
    return result


def _is_writable(style: InlineStyle) -> bool:
    if style.kind == "link":
        href = safe_href(style.href)
        return (
            bool(href)
            and not any(c in href for c in "\n\r")
            and _LINKS.validateLink(_LINKS.normalizeLink(href))
        )
    return style.kind in _EMPHASIS or style.kind == "code"


def _line(kind: str, level: int, inline: str, list_depth: int) -> str:
    """The block's line: its marker (heading, quote, list item at *level*) and *inline*."""
    level = max(level, 1)
    if kind == "heading":
        return f"{'#' * min(level, 6)} {inline}"
    if kind == "quote":
        return "> " * level + inline
    if kind == "list_item":
        # A deeper item continues the open list when it is one level down; deeper still,
        # it opens the missing lists on its own line ("- - item").
        if level <= list_depth + 1:
            return "  " * (level - 1) + "- " + inline
        return "  " * list_depth + "- " * (level - list_depth) + inline
    return inline


def _fenced(text: str) -> str:
    """A preformatted block as a fenced code block that nothing inside it can close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


# -- inline text and styles ----------------------------------------------------------------


def _inline(text: str, styles: Sequence[InlineStyle], kind: str) -> str:
    """*text* with *styles* as Markdown markup, every other special character escaped."""
    bounds = sorted({0, len(text), *(s.start for s in styles), *(s.end for s in styles)})
    keyed = [((s.kind, s.href if s.kind == "link" else ""), s) for s in styles]
    out: list[str] = []
    stack: list[_StyleKey] = []
    for start, end in pairwise(bounds):
        active = {key for key, s in keyed if s.start <= start and end <= s.end}
        keep = 0
        while keep < len(stack) and stack[keep] in active:
            keep += 1
        out.extend(_closer(key) for key in reversed(stack[keep:]))
        del stack[keep:]
        opening = [key for key in active - set(stack) if key[0] in _NESTING]
        for key in sorted(opening, key=lambda k: _NESTING.index(k[0])):
            out.append("[" if key[0] == "link" else _EMPHASIS[key[0]])
            stack.append(key)
        segment = text[start:end]
        if ("code", "") in active:
            out.append(_code_span(segment))
        else:
            out.append(
                _escaped(
                    segment, first=start == 0, last=end == len(text), heading=kind == "heading"
                )
            )
    out.extend(_closer(key) for key in reversed(stack))
    return "".join(out)


def _closer(key: _StyleKey) -> str:
    kind, href = key
    if kind == "link":
        return "](<" + re.sub(r"([\\<>])", r"\\\1", safe_href(href)) + ">)"
    return _EMPHASIS[kind]


def _escaped(text: str, *, first: bool, last: bool, heading: bool) -> str:
    """Plain *text* escaped so that Markdown reads every character as itself."""
    lead = tail = ""
    if first and text and (text[0].isspace() or text[0] in _TRIMMED_AT_ENDS):
        lead, text = f"&#{ord(text[0])};", text[1:]
    if last and text and (text[-1].isspace() or text[-1] in _TRIMMED_AT_ENDS):
        text, tail = text[:-1], f"&#{ord(text[-1])};"
    escaped = _ENTITY_LIKE.sub("\\&", _ALWAYS_ESCAPED.sub(r"\\\1", text))
    if last and heading and not tail and escaped.endswith("#"):
        # "# Score #" would lose its last "#" as a closing sequence.
        escaped = escaped[:-1] + "\\#"
    if first and not lead:
        marker = _ORDERED_MARKER.match(escaped)
        if marker:
            escaped = f"{marker.group(1)}\\{escaped[marker.end(1) :]}"
        elif escaped[:1] and escaped[0] in _LINE_START:
            escaped = "\\" + escaped
    return lead + escaped + tail


def _code_span(text: str) -> str:
    """*text* as a code span, fenced by a backtick run that does not occur in it."""
    runs = {len(run) for run in re.findall(r"`+", text)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    padded = (
        text.startswith("`")
        or text.endswith("`")
        or (text.startswith(" ") and text.endswith(" ") and text.strip(" ") != "")
    )
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"


# -- the page's metadata ---------------------------------------------------------------------


def _metadata_header(article: Article) -> str:
    """The page's title, authors, date, site and URL as link reference definitions,
    which Markdown readers (Slant's included) show nowhere; "" for other articles."""
    page = article.page
    if page is None:
        return ""
    values = (
        page.title,
        "; ".join(page.authors),
        page.published,
        page.site_name,
        page.url,
    )
    lines = []
    for label, value in zip(_METADATA_LABELS, values, strict=True):
        value = collapse_space(value)
        if not value:
            continue
        quoted = value.replace("\\", "\\\\").replace('"', '\\"')
        line = f'[{label}]: # "{quoted}"'
        if not parse_markdown(line).blocks:  # a definition the loader would show is left out
            lines.append(line)
    return "\n".join(lines)
