"""The only conversion between Qt's UTF-16 document positions and code-point offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from app.core.article import Article

# Code points outside the BMP take two UTF-16 units (a surrogate pair) in Qt.
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Characters QTextCursor.insertText would turn into a new block, and lone surrogates Qt
# cannot hold: each is replaced by one BMP character so that lengths stay 1:1.
_BLOCK_BREAKS = re.compile("[\r\u2029\ufdd0\ufdd1]")
_LONE_SURROGATES = re.compile("[\ud800-\udfff]")
LINE_SEPARATOR = "\u2028"
PARAGRAPH_SEPARATOR = "\u2029"


def display_text(text: str, preformatted: bool) -> str:
    """Return *text* as it is inserted into one Qt block, with the same UTF-16 length.

    A "\\n" becomes a line break (U+2028) in preformatted blocks and a space elsewhere,
    because a Qt block may not contain paragraph breaks.
    """
    text = _LONE_SURROGATES.sub("\ufffd", text)
    text = _BLOCK_BREAKS.sub(LINE_SEPARATOR if preformatted else " ", text)
    return text.replace("\n", LINE_SEPARATOR if preformatted else " ")


def plain_from_qt(text: str) -> str:
    """Return Qt's selected text with its paragraph and line separators as "\\n"."""
    return text.replace(PARAGRAPH_SEPARATOR, "\n").replace(LINE_SEPARATOR, "\n")


def utf16_length(text: str) -> int:
    """Return the number of UTF-16 code units Qt uses for *text*."""
    return len(text) + len(_ASTRAL.findall(text))


class OffsetMap:
    """Maps code-point offsets of an article's canonical text to Qt document positions.

    Canonical block ``i`` is Qt block ``i``; canonical text between blocks (blank lines,
    bullets, separators) is not displayed, so offsets there clamp to the nearest block
    boundary. Inside a block the mapping is exact in both directions.
    """

    def __init__(self, text: str, spans: Sequence[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]
        # Astral characters are rare, so one sorted list for the whole text keeps the
        # common case (pure BMP) an identity plus a bisect on an empty list.
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        self._astral_u16_ends = [cp + k + 2 for k, cp in enumerate(self._astral)]
        self._u16_starts = [self.utf16_offset(start) for start in self._starts]
        self._u16_lengths = [
            self.utf16_offset(end) - u16
            for end, u16 in zip(self._ends, self._u16_starts, strict=True)
        ]
        self._positions: list[int] = []
        position = 0
        for length in self._u16_lengths:
            self._positions.append(position)
            position += length + 1  # the paragraph separator Qt keeps between blocks

    @classmethod
    def for_article(cls, article: Article) -> OffsetMap:
        """Return the map for *article*, whose blocks become Qt blocks one to one."""
        return cls(article.text, [(block.start, block.end) for block in article.blocks])

    @property
    def block_count(self) -> int:
        """Number of canonical blocks (and of Qt blocks, unless there are none)."""
        return len(self._starts)

    def block_span(self, index: int) -> tuple[int, int]:
        """Return the code-point span [start, end) of canonical block *index*."""
        return self._starts[index], self._ends[index]

    def utf16_offset(self, offset: int) -> int:
        """Return the UTF-16 offset of code point *offset* in the canonical text."""
        return offset + bisect_left(self._astral, offset)

    def code_point_offset(self, utf16: int) -> int:
        """Return the code point at UTF-16 offset *utf16*, rounding down inside a pair."""
        if not self._astral:
            return utf16
        pairs_before = bisect_right(self._astral_u16_ends, utf16)
        offset = utf16 - pairs_before
        inside_pair = (
            pairs_before < len(self._astral)
            and self._astral_u16_ends[pairs_before] - 2 == utf16 - 1
        )
        return offset - 1 if inside_pair else offset

    def block_relative(self, index: int, offset: int) -> int:
        """Return code point *offset* (clamped to block *index*) in UTF-16 units from its start."""
        offset = min(max(offset, self._starts[index]), self._ends[index])
        return self.utf16_offset(offset) - self._u16_starts[index]

    def block_at(self, offset: int) -> int:
        """Return the block holding *offset*, or the block of the nearest boundary in a gap."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return 0
        in_gap = offset > self._ends[index] and index + 1 < len(self._starts)
        if in_gap and self._starts[index + 1] - offset < offset - self._ends[index]:
            return index + 1
        return index

    def blocks_between(self, start: int, end: int) -> range:
        """Return the indices of the blocks that [start, end] touches (empty without blocks)."""
        first = bisect_left(self._ends, start)
        last = bisect_right(self._starts, end) - 1
        return range(first, max(first, last + 1))

    def to_position(self, offset: int) -> int:
        """Return the Qt position of code-point *offset* (gaps clamp to a block boundary)."""
        if not self._starts:
            return 0
        index = self.block_at(offset)
        return self._positions[index] + self.block_relative(index, offset)

    def to_offset(self, position: int) -> int:
        """Return the code-point offset of Qt *position*."""
        if not self._starts:
            return 0
        index = max(0, bisect_right(self._positions, position) - 1)
        relative = min(max(position - self._positions[index], 0), self._u16_lengths[index])
        return self.code_point_offset(self._u16_starts[index] + relative)

    def to_span(self, first: int, second: int) -> tuple[int, int]:
        """Return the code-point span between two Qt positions, in order."""
        low, high = sorted((first, second))
        return self.to_offset(low), self.to_offset(high)
