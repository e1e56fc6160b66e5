"""Tag highlights: colours, underline styles and lazily applied per-block layout formats."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtGui import QColor, QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from app.core.annotations import Annotation
from app.core.intervals import IntervalIndex
from app.core.tags import TagSet
from app.ui.offsets import OffsetMap

Underline = QTextCharFormat.UnderlineStyle
# One underline per tag in tag-set order, so tags differ by more than colour alone.
UNDERLINES = (
    Underline.SingleUnderline,
    Underline.DashUnderline,
    Underline.DotLine,
    Underline.WaveUnderline,
)
PAGE_COLOR = QColor("#ffffff")
TEXT_COLOR = QColor("#1a1a1a")
LINK_COLOR = QColor("#1a55a8")
UNKNOWN_TAG_COLOR = "#767676"
FLASH_COLOR = QColor("#ffd23f")
FLASH_LINE_COLOR = QColor("#8a6a00")
TINT = 0.22  # share of the tag colour in its highlight background
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text on a highlight
MIN_LINE_CONTRAST = 3.0  # WCAG for graphics: the underline against its background
OVERLAP_SHADE = 0.06  # each extra overlapping layer darkens the background this much


def relative_luminance(color: QColor) -> float:
    """Return the WCAG relative luminance of *color* (0 black .. 1 white)."""

    def channel(value: int) -> float:
        share = value / 255
        return share / 12.92 if share <= 0.04045 else ((share + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def contrast_ratio(first: QColor, second: QColor) -> float:
    """Return the WCAG contrast ratio of two colours (1 .. 21)."""
    low, high = sorted((relative_luminance(first), relative_luminance(second)))
    return (high + 0.05) / (low + 0.05)


def blend(color: QColor, other: QColor, share: float) -> QColor:
    """Return *share* of *color* mixed with (1 - share) of *other*."""
    return QColor(
        round(color.red() * share + other.red() * (1 - share)),
        round(color.green() * share + other.green() * (1 - share)),
        round(color.blue() * share + other.blue() * (1 - share)),
    )


class TagStyle(NamedTuple):
    """How one tag is drawn: a light background and an underline of its own kind."""

    background: QColor
    underline: Underline
    underline_color: QColor


def tag_style(color: str, position: int) -> TagStyle:
    """Return the style of the tag with *color* at *position* in its tag set."""
    base = QColor(color)
    background = blend(base, PAGE_COLOR, TINT)
    while contrast_ratio(background, TEXT_COLOR) < MIN_TEXT_CONTRAST:
        background = blend(background, PAGE_COLOR, 0.8)
    line = base
    while contrast_ratio(line, background) < MIN_LINE_CONTRAST:
        line = blend(line, QColor("#000000"), 0.85)
    return TagStyle(background, UNDERLINES[position % len(UNDERLINES)], line)


def tag_styles(tagset: TagSet) -> dict[str, TagStyle]:
    """Return the style of every tag of *tagset*, by tag id."""
    return {tag.id: tag_style(tag.color, index) for index, tag in enumerate(tagset.tags)}


def overlap_background(backgrounds: list[QColor]) -> QColor:
    """Average the backgrounds of overlapping tags, a little darker per extra layer."""
    count = len(backgrounds)
    mixed = QColor(
        round(sum(c.red() for c in backgrounds) / count),
        round(sum(c.green() for c in backgrounds) / count),
        round(sum(c.blue() for c in backgrounds) / count),
    )
    shade = min(OVERLAP_SHADE * (count - 1), 3 * OVERLAP_SHADE)
    while shade > 0:
        darker = blend(mixed, QColor("#000000"), 1 - shade)
        if contrast_ratio(darker, TEXT_COLOR) >= MIN_TEXT_CONTRAST:
            return darker
        shade -= OVERLAP_SHADE / 2
    return mixed


def layer_key(annotation: Annotation) -> tuple[int, int, str]:
    """Drawing order: later starts (and then shorter spans) lie on top."""
    return (annotation.start, -annotation.end, annotation.id)


# A block's highlight: (UTF-16 start in block, UTF-16 length, (tag ids bottom-up, flashed)).
BlockRange = tuple[int, int, tuple[tuple[str, ...], bool]]


class BlockFormatLayer:
    """Formats drawn straight into each block's QTextLayout, for the blocks shown only.

    No document edits and no extra selections: a subclass says what ranges a block gets
    (``_block_ranges``) and how one looks (``_format_range``); ``refresh`` recomputes the
    stale blocks the view is about to show, keeping their lines as they are laid out.
    """

    def __init__(self, document: QTextDocument) -> None:
        self._document = document
        self._map: OffsetMap | None = None
        self._fresh: set[int] = set()
        self._applied: dict[int, tuple] = {}

    def _block_ranges(self, index: int) -> tuple:
        raise NotImplementedError

    def _format_range(self, item: tuple) -> QTextLayout.FormatRange:
        raise NotImplementedError

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


class HighlightLayer(BlockFormatLayer):
    """The tag highlights of one article document.

    Formats go straight into each block's QTextLayout (no document edits, no extra
    selections). Blocks are recomputed lazily: a change marks the blocks it touches
    stale, and ``refresh`` recomputes the stale blocks the view is about to show.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._styles: dict[str, TagStyle] = {}
        self._formats: dict[tuple[tuple[str, ...], bool], QTextCharFormat] = {}
        # The annotations themselves, by span: the index is all the layer keeps of them.
        self._index: IntervalIndex[Annotation] = IntervalIndex()
        self._visible_tags: set[str] | None = None
        self._flash: tuple[int, int] | None = None
        self._fresh: set[int] = set()
        self._applied: dict[int, tuple[BlockRange, ...]] = {}

    def set_map(self, offset_map: OffsetMap | None) -> None:
        """Start over for a newly rendered article: no annotations, no formats."""
        self._map = offset_map
        self._index = IntervalIndex()
        self._flash = None
        self._fresh = set()
        self._applied = {}

    def set_tagset(self, tagset: TagSet) -> None:
        """Use the colours and underlines of *tagset*."""
        self._styles = tag_styles(tagset)
        self._formats = {}
        self._applied = {}
        self._fresh = set()

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Replace every annotation."""
        self._index = IntervalIndex()
        # An empty or reversed span (a broken sidecar) covers nothing: it need not be kept.
        self._index.add_many(a for a in annotations if a.start < a.end)
        self._fresh = set()

    def add(self, annotation: Annotation) -> None:
        """Add *annotation*, whose id is not in the layer yet."""
        if annotation.start < annotation.end:
            self._index.add(annotation)
            self._touch(annotation.start, annotation.end)

    def remove(self, annotation: Annotation) -> None:
        """Remove *annotation*, as it was added; an annotation not in the layer is ignored."""
        if annotation.start >= annotation.end:
            return
        try:
            self._index.remove(annotation)
        except KeyError:
            return
        self._touch(annotation.start, annotation.end)

    def set_visible_tags(self, tag_ids: set[str] | None) -> None:
        """Draw only annotations with these tags (None: all tags)."""
        self._visible_tags = None if tag_ids is None else set(tag_ids)
        self._fresh = set()

    def set_flash(self, span: tuple[int, int] | None) -> None:
        """Emphasise *span* strongly (None: stop)."""
        for old in (self._flash, span):
            if old is not None:
                self._touch(*old)
        self._flash = span

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Return the drawn annotations covering *offset*, topmost first."""
        shown = [a for a in self._index.at(offset) if self._shows(a)]
        return sorted(shown, key=layer_key, reverse=True)

    def _touch(self, start: int, end: int) -> None:
        if self._map is not None:
            self._fresh.difference_update(self._map.blocks_between(start, end))

    def _shows(self, annotation: Annotation) -> bool:
        return annotation.status != "orphan" and (
            self._visible_tags is None or annotation.tag in self._visible_tags
        )

    def _block_ranges(self, index: int) -> tuple[BlockRange, ...]:
        assert self._map is not None
        start, end = self._map.block_span(index)
        if start >= end:
            return ()
        starts: dict[int, list[Annotation]] = {}
        ends: dict[int, list[Annotation]] = {}
        for annotation in self._index.overlapping(start, end):
            if not self._shows(annotation):
                continue
            starts.setdefault(max(annotation.start, start), []).append(annotation)
            ends.setdefault(min(annotation.end, end), []).append(annotation)
        flash_start, flash_end = self._flash or (end, end)
        if not starts and not (flash_start < end and flash_end > start):
            return ()
        cuts = {start, end, *starts, *ends}
        cuts.update(min(max(cut, start), end) for cut in (flash_start, flash_end))
        active: list[tuple[tuple[int, int, str], str]] = []
        segments: list[list] = []
        for left, right in pairwise(sorted(cuts)):
            for annotation in ends.get(left, ()):
                active.remove((layer_key(annotation), annotation.tag))
            for annotation in starts.get(left, ()):
                bisect.insort(active, (layer_key(annotation), annotation.tag))
            flashed = flash_start <= left and right <= flash_end
            if not active and not flashed:
                continue
            key = (tuple(tag for _, tag in active), flashed)
            if segments and segments[-1][1] == left and segments[-1][2] == key:
                segments[-1][1] = right
            else:
                segments.append([left, right, key])
        relative = self._map.block_relative
        return tuple(
            (relative(index, left), relative(index, right) - relative(index, left), key)
            for left, right, key in segments
        )

    def _format_range(self, block_range: BlockRange) -> QTextLayout.FormatRange:
        start, length, key = block_range
        result = QTextLayout.FormatRange()
        result.start = start
        result.length = length
        result.format = self._format(key)
        return result

    def _format(self, key: tuple[tuple[str, ...], bool]) -> QTextCharFormat:
        cached = self._formats.get(key)
        if cached is not None:
            return cached
        tags, flashed = key
        fmt = QTextCharFormat()
        if tags:
            styles = [self._style(tag) for tag in tags]
            fmt.setBackground(overlap_background([style.background for style in styles]))
            fmt.setUnderlineStyle(styles[-1].underline)
            fmt.setUnderlineColor(styles[-1].underline_color)
        if flashed:
            fmt.setBackground(FLASH_COLOR)
            if not tags:
                fmt.setUnderlineStyle(Underline.SingleUnderline)
                fmt.setUnderlineColor(FLASH_LINE_COLOR)
        self._formats[key] = fmt
        return fmt

    def _style(self, tag_id: str) -> TagStyle:
        style = self._styles.get(tag_id)
        if style is None:
            style = self._styles[tag_id] = tag_style(UNKNOWN_TAG_COLOR, 0)
        return style
