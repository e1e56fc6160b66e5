"""Formats drawn straight into the QTextLayout of each block shown, recomputed lazily."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from app.ui.article.offsets import OffsetMap

_RESTYLED = (("restyled",),)


class BlockFormatLayer:
    """Formats drawn straight into each block's QTextLayout, for the blocks shown only.

    No document edits and no extra selections: a subclass says what ranges a block gets
    (``_block_ranges``: start, length and a key each) and how a key looks (``_format``);
    ``refresh`` recomputes the
    stale blocks the view is about to show, keeping their lines as they are laid out.
    """

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._map: OffsetMap | None = None
        self._fresh: set[int] = set()
        self._applied: dict[int, tuple] = {}

    def set_map(self, offset_map: OffsetMap | None) -> None:
        """Start over for a newly rendered article: no block drawn yet."""
        self._map = offset_map
        self._fresh = set()
        self._applied = {}

    def _mark_stale(self, start: int, end: int) -> None:
        """The ranges of the blocks holding code points start..end may have changed."""
        if self._map is not None:
            self._fresh.difference_update(self._map.blocks_between(start, end))

    def _mark_all_stale(self) -> None:
        """The ranges of any block may have changed."""
        self._fresh = set()

    def _mark_restyled(self) -> None:
        """The same ranges may look different now: redraw every block drawn so far."""
        self._fresh = set()
        # refresh compares ranges to skip unchanged blocks; no block's ranges equal this.
        self._applied = dict.fromkeys(self._applied, _RESTYLED)

    def _block_ranges(self, index: int) -> tuple:
        raise NotImplementedError

    def _format(self, key: Any) -> QTextCharFormat:
        raise NotImplementedError

    def _format_range(self, item: tuple[int, int, Any]) -> QTextLayout.FormatRange:
        start, length, key = item
        result = QTextLayout.FormatRange()
        result.start = start
        result.length = length
        result.format = self._format(key)
        return result

    def refresh(self, first: int, last: int, *, painting: bool = False) -> None:
        """Apply the current formats to the stale blocks among blocks first..last.

        *painting* says the view is in its paint event, about to draw these blocks; else
        the changed blocks are repainted soon.
        """
        if self._map is None or not self._map.block_count:
            return
        last = min(last, self._map.block_count - 1)
        changed = []
        for index in range(max(first, 0), last + 1):
            if index in self._fresh:
                continue
            self._fresh.add(index)
            ranges = self._block_ranges(index)
            if self._applied.get(index, ()) == ranges:
                continue
            block = self._document.findBlockByNumber(index)
            if not _reformat_in_place(block, [self._format_range(r) for r in ranges]):
                self._document.markContentsDirty(block.position(), block.length())
            self._applied[index] = ranges
            changed.append(block)
        if not painting:
            update_block = self._document.documentLayout().updateBlock
            for block in changed:
                update_block.emit(block)


def _reformat_in_place(block: QTextBlock, formats: list[QTextLayout.FormatRange]) -> bool:
    """Give *block* its highlight *formats*, keeping its lines; False if they moved.

    Setting formats empties a block's lines. Asking Qt's document layout to lay the block
    out again (markContentsDirty) would do, but while Qt is laying a long article out in
    steps it then never lays out the blocks after the changed ones: a 50 KB article was
    left at 3,300 of its 24,000 pixels, with a scroll bar to match. Highlights change
    colours, never widths, so the lines are made again as they were: same width, same
    place, and so the same text on each.
    """
    layout = block.layout()
    lines = [layout.lineAt(number) for number in range(layout.lineCount())]
    kept = [
        (line.textStart(), line.textLength(), line.width(), line.position(), line.leadingIncluded())
        for line in lines
    ]
    layout.setFormats(formats)
    if not kept:
        return True  # not laid out yet: Qt lays it out, formats and all, when it gets there
    layout.beginLayout()
    same = True
    for start, length, width, position, leading in kept:
        line = layout.createLine()
        if not line.isValid():
            same = False
            break
        line.setLeadingIncluded(leading)
        line.setLineWidth(width)
        line.setPosition(position)
        same = same and (line.textStart(), line.textLength()) == (start, length)
    layout.endLayout()
    return same and layout.lineCount() == len(kept)
