"""Markdown articles: CommonMark parsed by markdown-it-py and walked into the block model."""

from __future__ import annotations

from types import SimpleNamespace

from markdown_it import MarkdownIt, helpers
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

from app.core.article import Article, normalize_newlines
from app.core.article_formats import BlockBuilder, safe_href
from app.core.translation import translate

# The commonmark preset allows only 20 levels, which is 10 nested lists; 100 still stays far
# below Python's recursion limit in markdown-it's nested block parsing.
MAX_NESTING = 100
# html=False: raw HTML is never interpreted; markdown-it then keeps it as literal text.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "maxNesting": MAX_NESTING})
# markdown-it finds the "]" that closes a "[" by walking to it token by token, so a
# paragraph of "[" that never close took quadratic time (2 million: 175 s). The walks of
# one parse share a budget of characters; past it, a "[" starts no link or image.
MAX_LABEL_WALK = 1_000_000
_WALKED = "slant: link label characters walked"
_NEXT_CLOSE = "slant: where the next ] is"
_INLINE_STYLES = {"strong_open": "bold", "em_open": "italic"}
_LIST_DEPTH_CHANGE = {
    "bullet_list_open": 1,
    "ordered_list_open": 1,
    "bullet_list_close": -1,
    "ordered_list_close": -1,
}
_CONTAINERS = {"list_item_open": "list_item", "blockquote_open": "quote"}


def parse_markdown(text: str) -> Article:
    """Build an Article from Markdown *text* (CommonMark, raw HTML shown as literal text).

    Blocks: headings, paragraphs, list items (level = list depth), quotes (level = quote
    depth) and preformatted code. Soft and hard line breaks become spaces; images give
    their alt text. Never raises on any input.
    """
    env: dict = {}
    tokens = _MARKDOWN.parse(normalize_newlines(text.lstrip("\ufeff")), env)
    walker = _BlockWalker()
    for token in tokens:
        walker.visit(token)
    warnings: tuple[str, ...] = ()
    if env.get(_WALKED, 0) > MAX_LABEL_WALK:
        warning = translate(
            "ArticleErrors",
            "the file has so many [ brackets that some links may be shown as plain text.",
        )
        warnings = (warning,)
    # markdown-it silently skips content nested deeper than maxNesting; say so.
    if tokens and max(token.level for token in tokens) >= MAX_NESTING - 1:
        warning = translate(
            "ArticleErrors",
            "parts of the file are nested more than {levels} levels deep "
            "(lists or quotes inside each other) and may be missing.",
        )
        warnings += (warning.format(levels=MAX_NESTING // 2),)
    return walker.builder.build(warnings=warnings)


def _link_label_end(state: StateInline, start: int, disable_nested: bool = False) -> int:
    """markdown-it's parseLinkLabel, or -1 (no label) when it cannot find one or when the
    walks of this parse have used up MAX_LABEL_WALK characters."""
    if _next_close(state, start + 1) < 0:
        return -1  # no "]" left in the paragraph: the walk would be in vain
    # Charged before walking, as the walk may start others (nested brackets) on its way.
    charge = state.posMax - start
    walked = state.env.get(_WALKED, 0) + charge
    state.env[_WALKED] = walked
    if walked > MAX_LABEL_WALK:
        return -1
    end = helpers.parseLinkLabel(state, start, disable_nested)
    if end >= 0:
        state.env[_WALKED] -= state.posMax - end  # refund what the walk did not need
    return end


def _next_close(state: StateInline, position: int) -> int:
    """Where the first "]" at or after *position* is in the paragraph, or -1.

    Remembered, so that a paragraph of "[" does not search its rest once per "[".
    """
    source, end = state.src, state.posMax
    known: tuple[str, int, int, int] | None = state.env.get(_NEXT_CLOSE)
    if (
        known is None
        or known[0] is not source
        or known[1] != end
        or known[2] > position
        or 0 <= known[3] < position
    ):
        known = (source, end, position, source.find("]", position, end))
        state.env[_NEXT_CLOSE] = known
    return known[3]


# A parse reads only these three functions of markdown-it's helpers module.
_MARKDOWN.helpers = SimpleNamespace(  # type: ignore[assignment]  # typed as the module
    parseLinkLabel=_link_label_end,
    parseLinkDestination=helpers.parseLinkDestination,
    parseLinkTitle=helpers.parseLinkTitle,
)


class _BlockWalker:
    """Follows block tokens, tracking the list, quote and heading the text is inside."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self._containers: list[str] = []  # "list_item" / "quote", innermost last
        self._lists = 0
        self._quotes = 0
        self._heading_level = 0

    def visit(self, token: Token) -> None:
        kind = token.type
        if kind in _LIST_DEPTH_CHANGE:
            self._lists += _LIST_DEPTH_CHANGE[kind]
        elif kind in _CONTAINERS:
            self._containers.append(_CONTAINERS[kind])
            self._quotes = self._containers.count("quote")
        elif kind in ("list_item_close", "blockquote_close"):
            self._containers.pop()
            self._quotes = self._containers.count("quote")
        elif kind == "heading_open":
            self._heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            self._heading_level = 0
        elif kind == "inline":
            self._add_inline(token.children or [])
            return
        elif kind in ("fence", "code_block"):
            self.builder.break_block()
            self.builder.add_text(token.content, "preformatted")
        self.builder.break_block()

    def _block_kind(self) -> tuple[str, int]:
        if self._heading_level:
            return "heading", self._heading_level
        if not self._containers:
            return "paragraph", 0
        if self._containers[-1] == "list_item":
            return "list_item", max(self._lists, 1)
        return "quote", self._quotes

    def _add_inline(self, children: list[Token]) -> None:
        kind, level = self._block_kind()
        handles: list[int | None] = []  # one per open inline token, innermost last
        for child in children:
            if child.type in ("text", "text_special"):
                self.builder.add_text(child.content, kind, level)
            elif child.type in ("softbreak", "hardbreak"):
                self.builder.add_text(" ", kind, level)
            elif child.type == "code_inline":
                handle = self.builder.open_style("code")
                self.builder.add_text(child.content, kind, level)
                self.builder.close_style(handle)
            elif child.type == "image":
                self.builder.add_text(_plain_text(child.children or []), kind, level)
            elif child.nesting == 1:
                handles.append(self._open_style(child))
            elif child.nesting == -1 and handles:
                opened = handles.pop()
                if opened is not None:
                    self.builder.close_style(opened)

    def _open_style(self, token: Token) -> int | None:
        if token.type in _INLINE_STYLES:
            return self.builder.open_style(_INLINE_STYLES[token.type])
        if token.type == "link_open":
            href = safe_href(str(token.attrs.get("href", "")))
            return self.builder.open_style("link", href) if href else None
        return None


def _plain_text(children: list[Token]) -> str:
    """The text of inline tokens without their markup (an image's alt text)."""
    parts: list[str] = []
    pending = list(reversed(children))
    while pending:
        token = pending.pop()
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.children:
            pending.extend(reversed(token.children))
    return "".join(parts)
