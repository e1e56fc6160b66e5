"""Render an article's block model into a QTextDocument: one Qt block per article block."""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
    QTextOption,
)

from app.core.article import Article, Block
from app.ui.article.colors import LINK_COLOR
from app.ui.article.offsets import display_text

SERIF = ["Charter", "Georgia", "Noto Serif", "DejaVu Serif", "serif"]
MONOSPACE = ["DejaVu Sans Mono", "Noto Sans Mono", "Consolas", "monospace"]
QUOTE_COLOR = "#404040"
PRE_BACKGROUND = "#f4f4f1"
# QTextFormat.FontSizeAdjustment scales the document font (1 = 1.2x, 2 = 1.5x, 3 = 2x),
# so headings follow zoom without being rebuilt.
TITLE_SIZE = 3
HEADING_SIZES = {1: 2, 2: 1}
LIST_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)
_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
# Wrapping at word boundaries, Qt looks for one from each line's start to the word's end,
# so one word of 200,000 letters took 22 s to lay out. A text with a word far longer than
# any real one (a URL has a few hundred characters) wraps anywhere: 0.4 s.
LONG_WORD_CHARS = 1000
# Characters Qt may break a line at without a space: CJK ideographs, kana, hangul...
_BREAKABLE = "\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
# A long word is a long run of non-space characters first; this pattern compiles in 0.1 ms,
# the exact one below in 5 ms (its character ranges), which most articles never need.
_LONG_RUN = re.compile(rf"\S{{{LONG_WORD_CHARS}}}")


@cache
def _long_word() -> re.Pattern[str]:
    """A run of LONG_WORD_CHARS characters with no break opportunity, from a word's start
    (only matches that start a word are tried, so the search stays linear)."""
    return re.compile(rf"(?<![^\s{_BREAKABLE}])[^\s{_BREAKABLE}]{{{LONG_WORD_CHARS}}}")


def render_article(document: QTextDocument, article: Article, em: int) -> None:
    """Fill *document* with one Qt block per article block (no HTML round trip)."""
    document.clear()
    set_document_spacing(document, em)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    lists: dict[int, QTextList] = {}
    title_block = next((b for b in article.blocks if b.kind == "heading"), None)
    for number, block in enumerate(article.blocks):
        block_format = _block_format(block, block is title_block, em)
        char_format = _char_format(block, block is title_block)
        if number:
            cursor.insertBlock(block_format, char_format)
        else:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        if block.kind == "list_item":
            level = max(block.level, 1)
            for deeper in [key for key in lists if key > level]:
                del lists[deeper]
            if level in lists:
                lists[level].add(cursor.block())
            else:
                list_format = QTextListFormat()
                list_format.setStyle(LIST_STYLES[(level - 1) % len(LIST_STYLES)])
                list_format.setIndent(level)
                lists[level] = cursor.createList(list_format)
        else:
            lists.clear()
        _insert_runs(cursor, article, block, char_format)
    cursor.endEditBlock()


def wrap_mode(article: Article) -> QTextOption.WrapMode:
    """How to wrap *article*: at word boundaries, or anywhere if it has a word of
    LONG_WORD_CHARS characters or more."""
    if _LONG_RUN.search(article.text) and _long_word().search(article.text):
        return QTextOption.WrapMode.WrapAnywhere
    return QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere


def _insert_runs(
    cursor: QTextCursor, article: Article, block: Block, base: QTextCharFormat
) -> None:
    preformatted = block.kind == "preformatted"
    styles = [s for s in block.styles if s.start < block.end and s.end > block.start]
    cuts = {block.start, block.end}
    for style in styles:
        cuts.update((max(style.start, block.start), min(style.end, block.end)))
    for left, right in pairwise(sorted(cuts)):
        run_format = QTextCharFormat(base)
        for style in styles:
            if style.start <= left and right <= style.end:
                _apply_inline_style(run_format, style.kind, style.href)
        cursor.insertText(display_text(article.text[left:right], preformatted), run_format)


def _apply_inline_style(fmt: QTextCharFormat, kind: str, href: str) -> None:
    if kind == "bold":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif kind == "italic":
        fmt.setFontItalic(True)
    elif kind == "code":
        fmt.setFontFamilies(MONOSPACE)
        fmt.setFontFixedPitch(True)
    elif kind == "link":
        fmt.setAnchor(True)
        fmt.setAnchorHref(href)
        fmt.setForeground(LINK_COLOR)
        fmt.setFontUnderline(True)


def _char_format(block: Block, is_title: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if block.kind == "heading":
        fmt.setFontWeight(QFont.Weight.Bold)
        size = TITLE_SIZE if is_title else HEADING_SIZES.get(block.level, 0)
        fmt.setProperty(QTextFormat.Property.FontSizeAdjustment, size)
    elif block.kind == "quote":
        fmt.setForeground(QColor(QUOTE_COLOR))
    elif block.kind == "preformatted":
        fmt.setFontFamilies(MONOSPACE)
        fmt.setFontFixedPitch(True)
    return fmt


def _block_format(block: Block, is_title: bool, em: int) -> QTextBlockFormat:
    """Spacing in pixels from the font size *em*, so zoom can recompute it."""
    fmt = QTextBlockFormat()
    line_height, top, bottom = 150, 0.0, 0.75
    if block.kind == "heading":
        line_height, top, bottom = 120, (0.0 if is_title else 1.1), (0.8 if is_title else 0.4)
    elif block.kind == "list_item":
        bottom = 0.35
    elif block.kind == "quote":
        fmt.setIndent(max(block.level, 1))
    elif block.kind == "preformatted":
        line_height = 130
        fmt.setBackground(QColor(PRE_BACKGROUND))
    fmt.setLineHeight(line_height, _PROPORTIONAL)
    fmt.setTopMargin(round(top * em))
    fmt.setBottomMargin(round(bottom * em))
    return fmt


def set_document_spacing(document: QTextDocument, em: int) -> None:
    """Set the page margin and the indent step (lists, quotes) from the font size *em*."""
    document.setDocumentMargin(round(1.5 * em))
    document.setIndentWidth(round(1.6 * em))


def respace(document: QTextDocument, article: Article, em: int) -> None:
    """Recompute block spacing for a new font size; lists and highlights are kept."""
    set_document_spacing(document, em)
    title_block = next((b for b in article.blocks if b.kind == "heading"), None)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    qt_block = document.begin()
    for block in article.blocks:
        cursor.setPosition(qt_block.position())
        cursor.mergeBlockFormat(_block_format(block, block is title_block, em))
        qt_block = qt_block.next()
    cursor.endEditBlock()
