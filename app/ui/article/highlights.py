"""The article view's tag highlights: which tags lie on each stretch of a block, and the flash."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import pairwise

from PySide6.QtGui import QTextCharFormat, QTextDocument

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
    overlap_background,
    tag_style,
    tag_styles,
)
from app.ui.article.offsets import OffsetMap


def layer_key(annotation: Annotation) -> tuple[int, int, str]:
    """Drawing order: later starts (and then shorter spans) lie on top."""
    return (annotation.start, -annotation.end, annotation.id)


# A block's highlight: (UTF-16 start in block, UTF-16 length, (tag ids bottom-up, flashed)).
BlockRange = tuple[int, int, tuple[tuple[str, ...], bool]]


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

    def set_map(self, offset_map: OffsetMap | None) -> None:
        """Start over for a newly rendered article: no annotations, no formats."""
        super().set_map(offset_map)
        self._index = IntervalIndex()
        self._flash = None

    def set_tagset(self, tagset: TagSet) -> None:
        """Use the colours and underlines of *tagset*."""
        self._styles = tag_styles(tagset)
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
