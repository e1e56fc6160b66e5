"""The class heat map on the article: segments, their colours, and a view that paints them.

A class window shows, for one tag (or all), how many of the shown students tagged each
character, with the answer key's spans tinted or underlined. The core gives coverage
runs; here they are cut into disjoint segments, each drawn with one layout format.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from itertools import pairwise

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QToolTip, QWidget

from app.core.agreement import Run
from app.core.article import Article
from app.ui.article.article_view import ArticleView
from app.ui.article.block_formats import BlockFormatLayer
from app.ui.article.colors import (
    MIN_LINE_CONTRAST,
    MIN_TEXT_CONTRAST,
    PAGE_COLOR,
    TEXT_COLOR,
    TagStyle,
    blend,
    contrast_ratio,
    overlap_background,
)
from app.ui.article.offsets import OffsetMap
from app.ui.i18n import translate
from app.ui.plain_text import tooltip

# (count of students, key tags) of one stretch of text.
SegmentKey = tuple[int, tuple[str, ...]]
Segment = tuple[int, int, SegmentKey]
KeySpan = tuple[int, int, str]  # start, end, tag id
ALL_TAGS_COLOR = "#6A3D9A"  # "all tags": a purple no default tag uses
LIGHTEST_SHARE = 0.14  # one student: still visible on white
STRONGEST_SHARE = 0.85
SHARE_STEP = 0.02


def heat_segments(runs: Sequence[Run], key_spans: Sequence[KeySpan]) -> list[Segment]:
    """Cut coverage *runs* and (possibly overlapping) *key_spans* into disjoint segments.

    Each segment carries (count, key tags): how many students cover it and which key
    tags (sorted, each once) it lies under. Stretches with neither are left out.
    """
    starts: dict[int, list[str]] = {}
    ends: dict[int, list[str]] = {}
    cuts: set[int] = set()
    for start, end, tag in key_spans:
        if end > start:
            starts.setdefault(start, []).append(tag)
            ends.setdefault(end, []).append(tag)
            cuts.update((start, end))
    for start, end, _ in runs:
        cuts.update((start, end))
    active: Counter[str] = Counter()
    segments: list[Segment] = []
    run = 0
    for left, right in pairwise(sorted(cuts)):
        active.subtract(ends.get(left, ()))
        active.update(starts.get(left, ()))
        while run < len(runs) and runs[run][1] <= left:
            run += 1
        count = runs[run][2] if run < len(runs) and runs[run][0] <= left else 0
        tags = tuple(sorted(tag for tag, number in active.items() if number > 0))
        if not count and not tags:
            continue
        key = (count, tags)
        if segments and segments[-1][1] == left and segments[-1][2] == key:
            segments[-1] = (segments[-1][0], right, key)
        else:
            segments.append((left, right, key))
    return segments


def strongest_share(color: QColor) -> float:
    """The largest share of *color* on the page that keeps body text readable (WCAG AA)."""
    share = STRONGEST_SHARE
    while share > LIGHTEST_SHARE and (
        contrast_ratio(blend(color, PAGE_COLOR, share), TEXT_COLOR) < MIN_TEXT_CONTRAST
    ):
        share -= SHARE_STEP
    return share


class HeatPalette:
    """The formats of heat-map segments: stronger colour for more students.

    *students* is how many students are shown (the strongest colour). Key tags are
    underlined in their tag's style; with *tint_key* (the key shown on its own) the key's
    spans also get their tags' light backgrounds.
    """

    def __init__(
        self, color: str, students: int, styles: dict[str, TagStyle], *, tint_key: bool = False
    ) -> None:
        self._color = QColor(color)
        self._students = max(students, 1)
        self._styles = styles
        self._tint_key = tint_key
        self._strongest = strongest_share(self._color)
        self._cache: dict[SegmentKey, QTextCharFormat] = {}

    def background(self, count: int) -> QColor:
        """The background for characters that *count* students tagged."""
        if self._students == 1:
            share = self._strongest
        else:
            step = (self._strongest - LIGHTEST_SHARE) / (self._students - 1)
            share = LIGHTEST_SHARE + step * (min(count, self._students) - 1)
        return blend(self._color, PAGE_COLOR, share)

    def format(self, key: SegmentKey) -> QTextCharFormat:
        """The character format of a segment with *key* (cached)."""
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._make_format(*key)
        return cached

    def _make_format(self, count: int, tags: tuple[str, ...]) -> QTextCharFormat:
        fmt = QTextCharFormat()
        styles = [self._styles[tag] for tag in tags if tag in self._styles]
        background = PAGE_COLOR
        if count:
            background = self.background(count)
        elif styles and self._tint_key:
            background = overlap_background([style.background for style in styles])
        if background != PAGE_COLOR:
            fmt.setBackground(background)
        if styles:
            line = styles[-1].underline_color
            while contrast_ratio(line, background) < MIN_LINE_CONTRAST:
                line = blend(line, QColor("#000000"), 0.8)
            fmt.setUnderlineStyle(styles[-1].underline)
            fmt.setUnderlineColor(line)
        return fmt


class SegmentLayer(BlockFormatLayer):
    """Disjoint segments drawn into each block's QTextLayout, for the blocks shown only.

    A new set of segments makes every block stale; ``refresh`` (BlockFormatLayer)
    redraws the stale blocks asked for.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._segments: list[Segment] = []
        self._starts: list[int] = []
        self._format_of: Callable[[SegmentKey], QTextCharFormat] = lambda _: QTextCharFormat()

    def set_map(self, offset_map: OffsetMap | None) -> None:
        """Start over for a newly rendered article."""
        super().set_map(offset_map)
        self._segments, self._starts = [], []

    def set_segments(
        self, segments: list[Segment], format_of: Callable[[SegmentKey], QTextCharFormat]
    ) -> None:
        """Draw *segments* (sorted, disjoint) with the formats *format_of* gives their keys."""
        self._segments = segments
        self._starts = [start for start, _, _ in segments]
        self._format_of = format_of
        self._mark_restyled()  # the keys may be the same, their formats not

    def segment_at(self, offset: int) -> SegmentKey | None:
        """The key of the segment holding *offset*, or None."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset < self._segments[index][1]:
            return self._segments[index][2]
        return None

    def _block_ranges(self, index: int) -> tuple[tuple[int, int, Hashable], ...]:
        assert self._map is not None
        start, end = self._map.block_span(index)
        first = max(bisect.bisect_right(self._starts, start) - 1, 0)
        last = bisect.bisect_left(self._starts, end)
        relative = self._map.block_relative
        ranges = []
        for left, right, key in self._segments[first:last]:
            left, right = max(left, start), min(right, end)
            if right > left:
                begin = relative(index, left)
                ranges.append((begin, relative(index, right) - begin, key))
        return tuple(ranges)

    def _format(self, key: SegmentKey) -> QTextCharFormat:
        return self._format_of(key)


class HeatMapView(ArticleView):
    """The article with a class heat map instead of one reader's highlights.

    Only the blocks about to be painted get their formats. Offsets in and out are code
    points. ``set_describer`` gives a function that words the tooltip for an offset.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("classArticleView")
        self.setAccessibleName(translate("HeatMapView", "Article with the class heat map"))
        self.setAccessibleDescription(
            translate(
                "HeatMapView",
                "Click a passage, or move the caret with the arrow keys, to list who tagged it",
            )
        )
        self._segment_layer = SegmentLayer(self.document())
        self._offsets: OffsetMap | None = None
        self._describe: Callable[[int], str] = lambda _: ""

    def set_article(self, article: Article) -> None:
        """Show *article* with no heat map yet."""
        super().set_article(article)
        self._offsets = OffsetMap.for_article(article)
        self._segment_layer.set_map(self._offsets)

    def set_segments(
        self, segments: list[Segment], format_of: Callable[[SegmentKey], QTextCharFormat]
    ) -> None:
        """Draw the heat map *segments*; only visible blocks are formatted, when painted."""
        self._segment_layer.set_segments(segments, format_of)
        self.viewport().update()

    def segment_at(self, offset: int) -> SegmentKey | None:
        """(students, key tags) drawn at *offset*, or None where nothing is drawn."""
        return self._segment_layer.segment_at(offset)

    def set_describer(self, describe: Callable[[int], str]) -> None:
        """Use *describe(offset)* as the tooltip text ("" for none)."""
        self._describe = describe

    def offset_at(self, point: QPoint) -> int | None:
        """The code-point offset nearest to viewport *point*, or None without an article."""
        if self._offsets is None:
            return None
        return self._offsets.to_offset(self.cursorForPosition(point).position())

    def paintEvent(self, event) -> None:
        """Format the blocks in view (and a few around them) before painting."""
        height = self.viewport().height()
        first = self.cursorForPosition(QPoint(0, 0)).blockNumber()
        last = self.cursorForPosition(QPoint(0, height)).blockNumber()
        slack = max((last - first) // 2, 2)
        self._segment_layer.refresh(first - slack, last + slack, painting=True)
        super().paintEvent(event)

    def event(self, event: QEvent) -> bool:
        """Show who tagged the passage under the mouse as a tooltip."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(self.viewport().mapFrom(self, event.pos()))
            text = self._describe(offset) if offset is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), tooltip(text), self.viewport())
                return True
            QToolTip.hideText()
        return super().event(event)
