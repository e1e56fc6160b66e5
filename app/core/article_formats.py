"""Article files: decoding, choosing the parser by suffix, and the block builder of .md/.html."""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from pathlib import Path

from app.core.article import (
    MAX_MARKDOWN_BYTES,
    Article,
    Block,
    InlineStyle,
    normalize_newlines,
    parse_plain_text,
    read_article_bytes,
)
from app.core.errors import ArticleError
from app.core.translation import translate

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
MHTML_SUFFIXES = (".mhtml", ".mht")  # a page saved as one file: a MIME message
WEB_PAGE_SUFFIXES = HTML_SUFFIXES + MHTML_SUFFIXES
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + WEB_PAGE_SUFFIXES
META_SCAN_BYTES = 2048
MAX_TITLE_CHARS = 120

# (byte-order mark, codec that decodes what follows it, name reported as the encoding).
# UTF-32 LE comes before UTF-16 LE because its mark starts with the same two bytes.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[\s/][^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE
)
# Browsers decode these labels as the superset encoding (WHATWG Encoding Standard), and
# pages labelled with them routinely contain the superset's extra characters (curly quotes).
_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
}
# Python codecs that decode ASCII unchanged but are escape or transfer syntaxes, not
# encodings a web page is written in.
_NOT_PAGE_ENCODINGS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"}
_PRINTABLE_ASCII = bytes(range(0x09, 0x7F))
# A plain-text file that is not UTF-8 was most likely saved by an older Windows editor as
# Windows-1252. It is read so only when that is unambiguous: no UTF-8 sequence in it (a
# mixed file would turn "é" into "Ã©") and every run of other characters short, with at most
# two letters, as in "Größe" or "“café”"; Cyrillic, Greek or Asian text read as
# Windows-1252 gives long runs of accented letters instead.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_MARKS = tuple(mark for mark, _, _ in _BYTE_ORDER_MARKS)

# Runs of these become one space in every block except preformatted ones, so that such a
# block never contains a line break: "\n" only ever separates blocks.
BREAKING_SPACE = " \t\n\r\f\v\x1c\x1d\x1e\x85\u2028\u2029"
_BREAKING_SPACE_RUN = re.compile(f"[{re.escape(BREAKING_SPACE)}]+")
_UNSAFE_SCHEMES = ("javascript:", "vbscript:", "data:")
_URL_IGNORED = re.compile("[\t\n\r]")
_URL_TRIMMED = "".join(map(chr, range(0x21)))  # C0 controls and space, as browsers trim


def read_article_text(path: Path) -> tuple[str, str, list[str]]:
    """Read and decode an article file; return (text, encoding name, warnings).

    UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM are read for every type; an
    HTML file that is not UTF-8 may name its encoding in a ``<meta charset>`` within its
    first 2 KB. Leading U+FEFF characters are removed. Raises ArticleError naming the file
    when it is of an unsupported type, missing, not a regular file, too large, binary or
    not in an encoding Slant can read.
    """
    path = Path(path)
    suffix = _supported_suffix(path)
    data = read_article_bytes(path, MAX_MARKDOWN_BYTES if suffix in MARKDOWN_SUFFIXES else None)
    return decode_article_bytes(data, path.name, suffix)


def decode_article_bytes(data: bytes, name: str, suffix: str) -> tuple[str, str, list[str]]:
    """Decode the bytes of the article file *name*, of type *suffix* (".txt", ".html" ...),
    as read_article_text does; return (text, encoding name, warnings).

    Raises ArticleError naming the file when it is binary or in an encoding Slant cannot read.
    """
    is_page = suffix in WEB_PAGE_SUFFIXES
    try:
        text, encoding, warnings = _decode(data, name, is_page)
    except ArticleError as error:
        # A page that names no encoding is read as Windows-1252 by browsers (the HTML
        # standard's default); a text file is, when that reading is unambiguous, as well.
        undeclared = suffix in TEXT_SUFFIXES or (is_page and _declared_charset(data) is None)
        windows = _as_windows_1252(data) if undeclared else None
        if windows is None or not isinstance(error.__cause__, UnicodeDecodeError):
            raise
        if is_page:
            warning = translate(
                "ArticleErrors",
                "{file} is not UTF-8 and does not name its encoding, so Slant read it as "
                "Windows-1252 (Western European) text, as browsers do. If some letters look "
                "wrong, save the page again from your browser.",
            )
        else:
            warning = translate(
                "ArticleErrors",
                "{file} is not saved as UTF-8, so Slant read it as Windows-1252 (Western "
                "European) text. If some letters look wrong, save it as UTF-8 from your "
                "editor and open it again.",
            )
        text, encoding, warnings = windows, "cp1252", [warning.format(file=name)]
    return text.lstrip("\ufeff"), encoding, warnings


def parse_by_suffix(path: Path, text: str) -> Article:
    """Parse decoded *text* as the format named by *path*'s suffix (.txt, .md, .html ...).

    Raises ArticleError when the suffix is not supported or the article has no text.
    """
    # The parsers are imported here, and only the one needed: both import the block
    # builder from this module, and markdown-it alone takes ~20 ms to import.
    suffix = _supported_suffix(path)
    if suffix in TEXT_SUFFIXES:
        article = parse_plain_text(text, path)
    elif suffix in MARKDOWN_SUFFIXES:
        from app.core.markdown_article import parse_markdown

        article = parse_markdown(text)
    else:
        from app.core.html_article import parse_html

        try:
            article = parse_html(text)
        except ArticleError as error:
            raise ArticleError(f"{path.name}: {error}") from error
    if not article.blocks:
        problem = translate(
            "ArticleErrors", "{file} has no text: there is nothing in it to read or tag."
        )
        raise ArticleError(problem.format(file=path.name))
    return replace(
        article, path=path, warnings=tuple(f"{path.name}: {w}" for w in article.warnings)
    )


def _supported_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        problem = translate(
            "ArticleErrors", "{file} is not an article Slant can open: use one of {kinds}."
        )
        raise ArticleError(problem.format(file=path.name, kinds=", ".join(SUPPORTED_SUFFIXES)))
    return suffix


def _decode(data: bytes, name: str, is_html: bool) -> tuple[str, str, list[str]]:
    for mark, codec, label in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                text = data[len(mark) :].decode(codec)
            except UnicodeDecodeError as error:
                problem = translate(
                    "ArticleErrors",
                    "{file} starts with a {encoding} byte-order mark but is not valid {encoding} "
                    "text (at byte {byte}). Save it as UTF-8.",
                )
                raise ArticleError(
                    problem.format(file=name, encoding=label, byte=error.start + len(mark))
                ) from error
            if "\x00" in text:
                raise _binary_file_error(name)
            return text, label, []
    if b"\x00" in data:
        raise _binary_file_error(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        declared = _declared_charset(data) if is_html else None
        if declared is None:
            raise _not_utf8_error(data, name, error, is_html) from error
        return *_decode_declared(data, name, declared), []
    warnings = []
    declared = _declared_charset(data) if is_html and not data.isascii() else None
    if declared is not None and _codec_name(declared) != "utf-8":
        warning = translate(
            "ArticleErrors",
            "{file} says its encoding is {encoding}, but it is valid UTF-8 text and was "
            "read as UTF-8.",
        )
        warnings.append(warning.format(file=name, encoding=declared))
    return text, "utf-8", warnings


def _as_windows_1252(data: bytes) -> str | None:
    """*data* decoded as Windows-1252 when that is unambiguous (see _UTF8_SEQUENCE), or None."""
    if data.startswith(_MARKS) or b"\x00" in data or _UTF8_SEQUENCE.search(data):
        return None  # a broken UTF-16/32 or UTF-8 file, a binary one or a mixed one
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes Windows-1252 leaves undefined: another encoding
        return None
    for run in _NON_ASCII_RUN.findall(text):
        if len(run) > 3 or sum(char.isalpha() for char in run) > 2:
            return None
    return text


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:META_SCAN_BYTES])
    return match.group(1).decode("ascii") if match else None


def _codec_name(label: str) -> str | None:
    """The Python codec for an encoding label, or None when Slant cannot read a page in it."""
    try:
        name = codecs.lookup(label).name
        if name in _NOT_PAGE_ENCODINGS:
            return None
        ascii_compatible = _PRINTABLE_ASCII.decode(name) == _PRINTABLE_ASCII.decode("ascii")
    except (LookupError, UnicodeDecodeError):
        return None
    return name if ascii_compatible else None


def _decode_declared(data: bytes, name: str, declared: str) -> tuple[str, str]:
    """Decode with the encoding an HTML file declares; return (text, codec used)."""
    codec = _codec_name(declared)
    if codec is None:
        problem = translate(
            "ArticleErrors",
            "{file} says its encoding is {encoding}, which Slant cannot read. Save it as UTF-8.",
        )
        raise ArticleError(problem.format(file=name, encoding=repr(declared)))
    superset = _SUPERSETS.get(codec, codec)
    try:
        return data.decode(superset), superset
    except UnicodeDecodeError:
        pass
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError as error:
        problem = translate(
            "ArticleErrors",
            "{file} says its encoding is {encoding}, but byte 0x{byte:02X} on line {line} "
            "is not {encoding} text. Save it as UTF-8.",
        )
        raise ArticleError(
            problem.format(
                file=name,
                encoding=declared,
                byte=data[error.start],
                line=_line_of(data, error.start),
            )
        ) from error


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _binary_file_error(name: str) -> ArticleError:
    problem = translate(
        "ArticleErrors",
        "{file} looks like a binary file, not an article (it contains NUL bytes). "
        "If it is text, save it as UTF-8.",
    )
    return ArticleError(problem.format(file=name))


def _not_utf8_error(
    data: bytes, name: str, error: UnicodeDecodeError, is_html: bool
) -> ArticleError:
    if is_html:
        problem = translate(
            "ArticleErrors",
            "{file} is not UTF-8 text: byte 0x{byte:02X} on line {line} is not valid UTF-8. "
            "Open it in a text editor and save it as UTF-8 or name its encoding in a "
            '<meta charset="..."> tag.',
        )
    else:
        problem = translate(
            "ArticleErrors",
            "{file} is not UTF-8 text: byte 0x{byte:02X} on line {line} is not valid UTF-8. "
            "Open it in a text editor and save it as UTF-8.",
        )
    line = _line_of(data, error.start)
    return ArticleError(problem.format(file=name, byte=data[error.start], line=line))


def safe_href(href: str) -> str:
    """Return *href* trimmed, or "" when following it would run code (javascript: ...)."""
    href = href.strip(_URL_TRIMMED)
    scheme = _URL_IGNORED.sub("", href).lower()
    return "" if scheme.startswith(_UNSAFE_SCHEMES) else href


def collapse_space(text: str) -> str:
    """Turn every run of BREAKING_SPACE into one space and trim the ends."""
    return _BREAKING_SPACE_RUN.sub(" ", text).strip(" ")


class _OpenStyle:
    """A style run not closed yet (a plain class: it is only ever built and updated)."""

    __slots__ = ("href", "kind", "start")

    def __init__(self, kind: str, href: str, start: int | None) -> None:
        self.kind = kind
        self.href = href
        self.start = start  # offset in the open block; None while no block is open


class BlockBuilder:
    """Collects the visible text of .md/.html blocks and their styles into an Article.

    Text in blocks other than preformatted ones is whitespace-collapsed as it arrives;
    styles may stay open across blocks (each block gets its own piece of the style).
    """

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0
        self._kind: str | None = None
        self._level = 0
        self._chunks: list[str] = []
        self._size = 0
        self._ends_with_space = True
        self._styles: dict[int, _OpenStyle] = {}
        self._next_handle = 0
        self._spans: list[tuple[str, str, int, int]] = []

    def add_text(self, text: str, kind: str = "paragraph", level: int = 0) -> None:
        """Append *text*; when no block is open, open one of *kind* and *level*."""
        if self._kind is None:
            if kind != "preformatted" and not text.strip(BREAKING_SPACE):
                return
            self._kind, self._level = kind, level
            for style in self._styles.values():
                style.start = 0
        if self._kind == "preformatted":
            text = normalize_newlines(text)
        else:
            text = _BREAKING_SPACE_RUN.sub(" ", text)
            if self._ends_with_space:
                text = text.lstrip(" ")
            if text:
                self._ends_with_space = text.endswith(" ")
        self._chunks.append(text)
        self._size += len(text)

    def open_style(self, kind: str, href: str = "") -> int:
        """Start a style run here; return the handle that close_style takes."""
        self._next_handle += 1
        start = self._size if self._kind is not None else None
        self._styles[self._next_handle] = _OpenStyle(kind, href, start)
        return self._next_handle

    def close_style(self, handle: int) -> None:
        """End the style run started by open_style(...) == *handle*."""
        style = self._styles.pop(handle, None)
        if style is not None and style.start is not None:
            self._spans.append((style.kind, style.href, style.start, self._size))

    def break_block(self) -> None:
        """End the open block, if any; the next text starts a new one."""
        if self._kind is None:
            return
        for style in self._styles.values():
            if style.start is not None:
                self._spans.append((style.kind, style.href, style.start, self._size))
                style.start = None
        text = "".join(self._chunks)
        text = text.rstrip("\n") if self._kind == "preformatted" else text.rstrip(" ")
        if text.strip():
            start = self._length + (1 if self._blocks else 0)
            styles = _finish_styles(text, self._spans, start)
            self._blocks.append(Block(self._kind, start, start + len(text), self._level, styles))
            self._texts.append(text)
            self._length = start + len(text)
        self._kind, self._chunks, self._size, self._spans = None, [], 0, []
        self._ends_with_space = True

    def build(self, title: str = "", warnings: tuple[str, ...] = ()) -> Article:
        """Finish and return the Article; *title* wins over the headings when not blank."""
        self.break_block()
        text = "\n".join(self._texts)
        blocks = tuple(self._blocks)
        return Article(
            path=None,
            title=choose_title(title, blocks, text),
            text=text,
            blocks=blocks,
            warnings=warnings,
        )


def _finish_styles(
    text: str, spans: list[tuple[str, str, int, int]], offset: int
) -> tuple[InlineStyle, ...]:
    """Merge overlapping runs of one style, trim whitespace off their ends, make absolute."""
    merged: list[tuple[str, str, int, int]] = []
    for kind, href, start, end in sorted(spans):
        end = min(end, len(text))
        if merged and merged[-1][:2] == (kind, href) and start <= merged[-1][3]:
            merged[-1] = (kind, href, merged[-1][2], max(end, merged[-1][3]))
        else:
            merged.append((kind, href, start, end))
    styles = []
    for kind, href, start, end in merged:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            styles.append(InlineStyle(kind, offset + start, offset + end, href))
    return tuple(sorted(styles, key=lambda s: (s.start, s.end, s.kind, s.href)))


def choose_title(title: str, blocks: tuple[Block, ...], text: str) -> str:
    """The given *title* if not blank, else the first level-1 heading, else the first
    heading, else the first block shortened to MAX_TITLE_CHARS, else ""."""
    title = collapse_space(title)
    if title.strip():
        return title
    headings = [block for block in blocks if block.kind == "heading"]
    for block in headings:
        if block.level == 1:
            return text[block.start : block.end]
    if headings:
        return text[headings[0].start : headings[0].end]
    if not blocks:
        return ""
    first = collapse_space(text[blocks[0].start : blocks[0].end])
    if len(first) <= MAX_TITLE_CHARS:
        return first
    cut = first.rfind(" ", 0, MAX_TITLE_CHARS)
    if cut < MAX_TITLE_CHARS // 2:  # no word boundary near the end: cut inside the word
        cut = MAX_TITLE_CHARS - 1
    return first[:cut].rstrip() + "…"
