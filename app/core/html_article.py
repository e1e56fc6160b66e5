"""HTML articles: the visible text of a page, read with html.parser, as the block model."""

from __future__ import annotations

import re
from collections import Counter
from html import unescape
from html.parser import (  # type: ignore[attr-defined]  # undocumented; typeshed omits them
    HTMLParser,
    attrfind_tolerant,
    tagfind_tolerant,
)

from app.core.article import Article, normalize_newlines
from app.core.article_formats import BlockBuilder, safe_href
from app.core.errors import ArticleError
from app.core.translation import translate

# Tag names as space-separated words: one line per group reads better than one per line.
# Elements whose content a reader never sees as text (or that would fetch something).
HIDDEN_ELEMENTS = frozenset(
    "script style noscript template iframe svg math object embed canvas audio video "  # noqa: SIM905
    "select button textarea input option optgroup datalist meter progress noembed "
    "noframes applet".split()
)
BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "  # noqa: SIM905
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend "
    "li listing main menu nav ol p pre search section summary table tbody td tfoot th thead "
    "tr ul xmp".split()
)
VOID_ELEMENTS = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param "  # noqa: SIM905
    "source track wbr".split()
)
# What may appear inside <head>; any other start tag (or visible text) ends the head.
_HEAD_CONTENT = frozenset(
    "base basefont bgsound link meta noscript script style template title".split()  # noqa: SIM905
)
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_STYLES = {"b": "bold", "strong": "bold", "i": "italic", "em": "italic", "code": "code"}
# What being inside an element means for its text; other elements mean nothing.
_EFFECTS = {
    **dict.fromkeys(HIDDEN_ELEMENTS, "hidden"),
    **dict.fromkeys(_HEADINGS, "heading"),
    **dict.fromkeys(("ul", "ol", "menu", "dir"), "list"),
    **dict.fromkeys(("pre", "listing", "xmp"), "pre"),
    "head": "head",
    "title": "title",
    "li": "list_item",
    "blockquote": "quote",
}
_HTML_SPACE = " \t\n\r\f"
# Deeper nesting is treated as if the innermost element had been closed first (as browsers
# flatten very deep trees), so the stacks below stay bounded for hostile input.
MAX_OPEN_ELEMENTS = 512
# html.parser lists every attribute of a start tag (7.8 GB for a 30 MB tag, with the
# backtracking state of its scan); a longer tag keeps only its first attributes (real
# long tags are inline images or links with data: URLs, few attributes of many bytes).
MAX_TAG_CHARS = 64 * 1024
MAX_TAG_ATTRIBUTES = 64
# The end of a start tag, as html.parser (CPython 3.11) finds it, with the loop over the
# attributes possessive: the same matches, without keeping every attribute's backtracking
# state. Kept here, so that newer Pythons (whose pattern differs) end tags the same way.
_START_TAG_END = re.compile(
    r"""
  <[a-zA-Z][^\t\n\r\f />\x00]*       # tag name
  (?:[\s/]*                          # optional whitespace before attribute name
    (?:(?<=['"\s/])[^\s/>][^\s/=>]*  # attribute name
      (?:\s*=+\s*                    # value indicator
        (?:'[^']*'                   # LITA-enclosed value
          |"[^"]*"                   # LIT-enclosed value
          |(?!['"])[^>\s]*           # bare value
         )
        \s*                          # possibly followed by a space
       )?(?:\s|/(?!>))*
     )*+
   )?
  \s*                                # trailing whitespace
""",
    re.VERBOSE,
)
_INSIDE_TAG = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")


def parse_html(text: str) -> Article:
    """Build an Article from the visible text of HTML *text*; nothing is ever fetched.

    Raises ArticleError only if Python's html.parser fails on the markup.
    """
    parser = _VisibleTextParser()
    text = normalize_newlines(text.lstrip("\ufeff"))
    try:
        parser.feed(text)
        warnings = parser.drop_unterminated_tail(text)
        parser.close()
    except AssertionError as error:  # html.parser's checks on odd markup, in some versions
        problem = translate("ArticleErrors", "the HTML could not be read ({reason}).")
        raise ArticleError(problem.format(reason=error)) from error
    return parser.builder.build(parser.title(), warnings)


class _VisibleTextParser(HTMLParser):
    """Turns parser events into blocks, following which elements are open."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.builder = BlockBuilder()
        self._stack: list[tuple[str, str, int]] = []  # (tag, effect, style handle or level)
        self._open = Counter[str]()  # open elements by tag name
        self._inside = Counter[str]()  # open elements by effect
        self._headings: list[int] = []  # levels of open headings, innermost last
        self._containers: list[str] = []  # "list_item" / "quote", innermost last
        self._title_parts: list[str] = []
        self._title_has_text = False
        self._title_done = False
        self._after_pre_tag = False

    def title(self) -> str:
        """The text of the first non-blank <title>, or ""."""
        return "".join(self._title_parts)

    def drop_unterminated_tail(self, text: str) -> tuple[str, ...]:
        """Drop a comment or tag left open at the end of the file, as browsers do.

        html.parser keeps such a tail in ``rawdata``; its close() would re-scan it once per
        character (quadratic time on hostile files) and show it as text.
        """
        tail = self.rawdata
        if self.cdata_elem or not tail.startswith("<") or tail in ("<", "</"):
            return ()
        self.rawdata = ""
        line = text.count("\n", 0, len(text) - len(tail)) + 1
        warning = translate(
            "ArticleErrors",
            "the end of the file, from line {line} on, is inside a tag or comment that is "
            "never closed and was left out, as a web browser does.",
        )
        return (warning.format(line=line),)

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # html.parser raises AssertionError on some "<![...". Browsers read any "<![" in
        # HTML content as a bogus comment that ends at the next ">".
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1

    def check_for_whole_start_tag(self, i: int) -> int:
        # html.parser's own, with its scanning pattern made possessive (same matches).
        rawdata = self.rawdata
        found = _START_TAG_END.match(rawdata, i)
        # html.parser calls this only where "<" and a letter start a tag, which this matches.
        assert found is not None
        j = found.end()
        after = rawdata[j : j + 1]
        if after == ">":
            return j + 1
        if after == "/":
            if rawdata.startswith("/>", j):
                return j + 2
            if j + 1 == len(rawdata):
                return -1  # the end of the data so far
        elif not after or after in _INSIDE_TAG:
            return -1  # the input ends inside the tag or one of its attribute values
        return j if j > i else i + 1

    def parse_starttag(self, i: int) -> int:
        end = self.check_for_whole_start_tag(i)
        if end < 0 or end - i <= MAX_TAG_CHARS or self.rawdata[end - 1] != ">":
            return super().parse_starttag(i)
        # html.parser would list every attribute first; only the first few are kept.
        name = tagfind_tolerant.match(self.rawdata, i + 1)
        self.lasttag = tag = name.group(1).lower()
        attrs = self._first_attributes(name.end(), end)
        if self.rawdata.startswith("/>", end - 2):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return end

    def _first_attributes(self, position: int, end: int) -> list[tuple[str, str | None]]:
        """Up to MAX_TAG_ATTRIBUTES attributes from *position* on, read as html.parser does."""
        attrs: list[tuple[str, str | None]] = []
        while position < end and len(attrs) < MAX_TAG_ATTRIBUTES:
            found = attrfind_tolerant.match(self.rawdata, position)
            if not found:
                break
            name, rest, value = found.group(1, 2, 3)
            if not rest:
                value = None
            elif value[:1] == value[-1:] and value[:1] in ("'", '"'):
                value = value[1:-1]
            attrs.append((name.lower(), unescape(value) if value else value))
            position = found.end()
        return attrs

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._after_pre_tag = False
        if self._inside["title"]:
            return  # a title holds text only (browsers read tags in it as text)
        if self._inside["head"] and tag not in _HEAD_CONTENT:
            self._close_head()
        if tag in VOID_ELEMENTS:
            self._void_element(tag)
        elif self._inside["hidden"]:
            self._push(tag, "hidden" if tag in HIDDEN_ELEMENTS else "", 0)
        else:
            self._start_visible_element(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        self._after_pre_tag = False
        if self._inside["title"] and tag != "title":
            return
        if tag == "br":  # browsers read </br> as <br>
            self._void_element(tag)
        elif self._open[tag]:
            while self._pop() != tag:
                pass
        elif tag in BLOCK_ELEMENTS and not self._inside["hidden"]:
            self.builder.break_block()  # a stray </p> still ends the paragraph

    def handle_data(self, data: str) -> None:
        if self._inside["hidden"]:
            return
        if self._inside["title"]:
            if not self._title_done:
                self._title_parts.append(data)
                self._title_has_text = self._title_has_text or bool(data.strip())
            return
        if self._inside["head"]:
            if not data.strip(_HTML_SPACE):
                return
            self._close_head()  # visible text ends the head, as in a browser
        if self._after_pre_tag and data.startswith("\n"):
            data = data[1:]  # the newline right after <pre> is not content (HTML spec)
        self._after_pre_tag = False
        self.builder.add_text(data, *self._block_kind())

    def _start_visible_element(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_ELEMENTS:
            self.builder.break_block()
        if tag in _HEADINGS:
            while self._headings:  # a heading ends the one still open
                self._pop()
        effect, value = _EFFECTS.get(tag, ""), _HEADINGS.get(tag, 0)
        if tag in _STYLES:
            effect, value = "style", self.builder.open_style(_STYLES[tag])
        elif tag == "a":
            href = safe_href(next((value or "" for name, value in attrs if name == "href"), ""))
            if href:
                effect, value = "style", self.builder.open_style("link", href)
        self._push(tag, effect, value)
        self._after_pre_tag = effect == "pre"

    def _void_element(self, tag: str) -> None:
        if tag not in ("br", "hr") or self._inside["hidden"]:
            return
        if tag == "br" and self._inside["pre"]:
            self.builder.add_text("\n", "preformatted")
        else:
            self.builder.break_block()

    def _push(self, tag: str, effect: str, value: int) -> None:
        if len(self._stack) >= MAX_OPEN_ELEMENTS:
            self._pop()
        self._stack.append((tag, effect, value))
        self._open[tag] += 1
        self._inside[effect] += 1
        if effect == "heading":
            self._headings.append(value)
        elif effect in ("list_item", "quote"):
            self._containers.append(effect)

    def _pop(self) -> str:
        tag, effect, value = self._stack.pop()
        self._open[tag] -= 1
        self._inside[effect] -= 1
        if effect == "heading":
            self._headings.pop()
        elif effect in ("list_item", "quote"):
            self._containers.pop()
        elif effect == "style":
            self.builder.close_style(value)
        elif effect == "title":
            self._title_done = self._title_has_text
        if tag in BLOCK_ELEMENTS and not self._inside["hidden"]:
            self.builder.break_block()
        return tag

    def _close_head(self) -> None:
        while self._inside["head"]:
            self._pop()

    def _block_kind(self) -> tuple[str, int]:
        if self._headings:
            return "heading", self._headings[-1]
        if self._inside["pre"]:
            return "preformatted", 0
        if not self._containers:
            return "paragraph", 0
        if self._containers[-1] == "list_item":
            return "list_item", max(self._inside["list"], 1)
        return "quote", self._inside["quote"]
