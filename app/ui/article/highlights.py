"""The article view's tag highlights: which tags lie on each stretch of a block, and the flash."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QTextCharFormat, QTextDocument

from app.core.annotations import Annotation
from app.core.intervals import IntervalIndex
from app.core.tags import TagSet
from app.ui.article.block_formats import BlockFormatLayer
from app.ui.article.colors import (
    FLASH_COLOR,
    FLASH_LINE_COLOR,
    UNKNOWN_TAG_COLOR,
    TagStyle,
    Underline,
    line_color_on,
    tag_style,
    tag_styles,
)
from app.ui.article.offsets import OffsetMap
from app.ui.article.underlines import draw_layout_underlines, stack_underlines


def layer_key(annotation: Annotation) -> tuple[int, int, str]:
    """Drawing order: later starts (and then shorter spans) lie on top."""
    return (annotation.start, -annotation.end, annotation.id)


# What a stretch of text looks like: the topmost tag ("" for none), whose background it
# takes; the (level, tag id) of each underline under it; whether it is flashed.
Look = tuple[str, tuple[tuple[int, str], ...], bool]
# A block's highlight: (UTF-16 start in block, UTF-16 length, look).
BlockRange = tuple[int, int, Look]


class HighlightLayer(BlockFormatLayer):
    """The tag highlights of one article document.

    Backgrounds go straight into each block's QTextLayout (no document edits, no extra
    selections). Blocks are recomputed lazily: a change marks the blocks it touches
    stale, and ``refresh`` recomputes the stale blocks the view is about to show.
    Where tags overlap the text takes the topmost tag's background, and every tag
    keeps its own underline, stacked one below another: the view's paint event calls
    ``paint_underlines`` after the text is drawn.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._styles: dict[str, TagStyle] = {}
        self._line_colors: dict[str, QColor] = {}
        self._formats: dict[tuple[str, bool], QTextCharFormat] = {}
        # What refresh last gave each block, and the blocks it was last asked about.
        self._ranges: dict[int, tuple[BlockRange, ...]] = {}
        self._shown = (0, -1)
        # The annotations themselves, by span: the index is all the layer keeps of them.
        self._index: IntervalIndex[Annotation] = IntervalIndex()
        self._visible_tags: set[str] | None = None
        self._flash: tuple[int, int] | None = None

    def set_map(self, offset_map: OffsetMap | None) -> None:
        """Start over for a newly rendered article: no annotations, no formats."""
        super().set_map(offset_map)
        self._index = IntervalIndex()
        self._flash = None
        self._ranges = {}
        self._shown = (0, -1)

    def set_tagset(self, tagset: TagSet) -> None:
        """Use the colours and underlines of *tagset*."""
        self._styles = tag_styles(tagset)
        # Stacked, a tag's line can lie on any tag's background, or on the flash.
        backgrounds = [style.background for style in self._styles.values()] + [FLASH_COLOR]
        self._line_colors = {
            tag: line_color_on(style.underline_color, backgrounds)
            for tag, style in self._styles.items()
        }
        self._formats = {}
        self._mark_restyled()

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Replace every annotation."""
        self._index = IntervalIndex()
        # An empty or reversed span (a broken sidecar) covers nothing: it need not be kept.
        self._index.add_many(a for a in annotations if a.start < a.end)
        self._mark_all_stale()

    def add(self, annotation: Annotation) -> None:
        """Add *annotation*, whose id is not in the layer yet."""
        if annotation.start < annotation.end:
            self._index.add(annotation)
            self._mark_stale(annotation.start, annotation.end)

    def remove(self, annotation: Annotation) -> None:
        """Remove *annotation*, as it was added; an annotation not in the layer is ignored."""
        if annotation.start >= annotation.end:
            return
        try:
            self._index.remove(annotation)
        except KeyError:
            return
        self._mark_stale(annotation.start, annotation.end)

    def set_visible_tags(self, tag_ids: set[str] | None) -> None:
        """Draw only annotations with these tags (None: all tags)."""
        self._visible_tags = None if tag_ids is None else set(tag_ids)
        self._mark_all_stale()

    def set_flash(self, span: tuple[int, int] | None) -> None:
        """Emphasise *span* strongly (None: stop)."""
        for old in (self._flash, span):
            if old is not None:
                self._mark_stale(*old)
        self._flash = span

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Return the drawn annotations covering *offset*, topmost first."""
        shown = [a for a in self._index.at(offset) if self._shows(a)]
        return sorted(shown, key=layer_key, reverse=True)

    def refresh(self, first: int, last: int, *, painting: bool = False) -> None:
        """Apply the current formats to the stale blocks among blocks first..last, and
        remember these blocks as the ones ``paint_underlines`` draws."""
        super().refresh(first, last, painting=painting)
        self._shown = (first, last)

    def paint_underlines(self, painter: QPainter, area: QRectF) -> None:
        """Draw the tag underlines of the blocks last refreshed that meet *area*.

        *painter* and *area* are in document coordinates.
        """
        document = self._document
        for index in range(self._shown[0], self._shown[1] + 1):
            ranges = self._ranges.get(index)
            if not ranges:
                continue
            block = document.findBlockByNumber(index)
            layout = block.layout()
            origin = layout.position()
            if not layout.boundingRect().translated(origin).intersects(area):
                continue
            lines_of = self._lines_of
            drawn = [
                (start, start + length, lines_of(lines)) for start, length, (_, lines, _) in ranges
            ]
            draw_layout_underlines(painter, layout, origin, drawn)

    def _lines_of(self, lines: Iterable[tuple[int, str]]) -> list[tuple[int, Underline, QColor]]:
        """Each (level, tag) of a range as the line drawn: (level, style, colour)."""
        drawn = []
        for level, tag in lines:
            style = self._style(tag)
            drawn.append(
                (level, style.underline, self._line_colors.get(tag, style.underline_color))
            )
        return drawn

    def _shows(self, annotation: Annotation) -> bool:
        return annotation.status != "orphan" and (
            self._visible_tags is None or annotation.tag in self._visible_tags
        )

    def _block_ranges(self, index: int) -> tuple[BlockRange, ...]:
        ranges = self._ranges[index] = self._compute_ranges(index)
        return ranges

    def _compute_ranges(self, index: int) -> tuple[BlockRange, ...]:
        assert self._map is not None
        start, end = self._map.block_span(index)
        if start >= end:
            return ()
        shown = [a for a in self._index.overlapping(start, end) if self._shows(a)]
        flash_start, flash_end = self._flash or (end, end)
        if not shown and not (flash_start < end and flash_end > start):
            return ()
        starts: dict[int, list[Annotation]] = {}
        ends: dict[int, list[Annotation]] = {}
        for annotation in shown:
            starts.setdefault(max(annotation.start, start), []).append(annotation)
            ends.setdefault(min(annotation.end, end), []).append(annotation)
        line_starts: dict[int, list[tuple[int, str]]] = {}
        line_ends: dict[int, list[tuple[int, str]]] = {}
        for left, right, level, tag in stack_underlines(
            (max(a.start, start), min(a.end, end), a.tag) for a in shown
        ):
            line_starts.setdefault(left, []).append((level, tag))
            line_ends.setdefault(right, []).append((level, tag))
        # Underline stretches start and end where annotations do: no cuts of their own.
        cuts = {start, end, *starts, *ends}
        cuts.update(min(max(cut, start), end) for cut in (flash_start, flash_end))
        active: list[tuple[tuple[int, int, str], str]] = []
        lines: set[tuple[int, str]] = set()
        segments: list[list] = []
        for left, right in pairwise(sorted(cuts)):
            for annotation in ends.get(left, ()):
                active.remove((layer_key(annotation), annotation.tag))
            for annotation in starts.get(left, ()):
                bisect.insort(active, (layer_key(annotation), annotation.tag))
            lines.difference_update(line_ends.get(left, ()))
            lines.update(line_starts.get(left, ()))
            flashed = flash_start <= left and right <= flash_end
            if not active and not flashed:
                continue
            look = (active[-1][1] if active else "", tuple(sorted(lines)), flashed)
            if segments and segments[-1][1] == left and segments[-1][2] == look:
                segments[-1][1] = right
            else:
                segments.append([left, right, look])
        relative = self._map.block_relative
        return tuple(
            (relative(index, left), relative(index, right) - relative(index, left), look)
            for left, right, look in segments
        )

    def _format(self, key: Look) -> QTextCharFormat:
        top, _, flashed = key
        cached = self._formats.get((top, flashed))
        if cached is not None:
            return cached
        fmt = QTextCharFormat()
        if top:
            fmt.setBackground(self._style(top).background)
        if flashed:
            fmt.setBackground(FLASH_COLOR)
            if not top:
                fmt.setUnderlineStyle(Underline.SingleUnderline)
                fmt.setUnderlineColor(FLASH_LINE_COLOR)
        self._formats[top, flashed] = fmt
        return fmt

    def _style(self, tag_id: str) -> TagStyle:
        style = self._styles.get(tag_id)
        if style is None:
            style = self._styles[tag_id] = tag_style(UNKNOWN_TAG_COLOR, 0)
        return style
