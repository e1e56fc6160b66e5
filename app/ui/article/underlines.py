"""Stacked tag underlines: one line per tag under overlapping highlights, each at its own depth."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import count

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QGlyphRun,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextLayout,
)

Underline = QTextCharFormat.UnderlineStyle
# A stretch of one tag's underline: (start, end, level, tag id); level 0 lies nearest the text.
LineRun = tuple[int, int, int, str]


def stack_underlines(spans: Iterable[tuple[int, int, str]]) -> list[LineRun]:
    """Give every tag's stretch of text the depth of its underline.

    Overlapping or touching *spans* (start, end, tag id) of one tag share one line.
    A stretch keeps one depth from its start to its end, the lowest not taken by a
    stretch of another tag it overlaps; longer stretches, which start first, lie nearer
    the text. So any character shows one line per tag on it.
    """
    by_tag: dict[str, list[tuple[int, int]]] = {}
    for start, end, tag in spans:
        by_tag.setdefault(tag, []).append((start, end))
    stretches: list[tuple[int, int, str]] = []
    for tag, tag_spans in by_tag.items():
        tag_spans.sort()
        first, last = tag_spans[0]
        for start, end in tag_spans[1:]:
            if start > last:
                stretches.append((first, last, tag))
                first = start
            last = max(last, end)
        stretches.append((first, last, tag))
    stretches.sort(key=lambda stretch: (stretch[0], -stretch[1], stretch[2]))
    open_lines: list[tuple[int, int]] = []  # (end, level) of stretches placed so far
    runs: list[LineRun] = []
    for start, end, tag in stretches:
        open_lines = [(until, level) for until, level in open_lines if until > start]
        taken = {level for _, level in open_lines}
        level = next(n for n in count() if n not in taken)
        open_lines.append((end, level))
        runs.append((start, end, level, tag))
    return runs


def line_geometry(text_height: float) -> tuple[float, float, float]:
    """Return (thickness, gap below the baseline, step between levels) for a line of text
    *text_height* pixels high (ascent plus descent), so lines grow with zoom."""
    thickness = max(1.0, round(text_height / 22))
    return thickness, max(2.0, round(text_height / 12)), 3 * thickness + 1


# Under the characters start..stop of a layout, each tag's line: (level, style, colour).
UnderlineRange = tuple[int, int, Sequence[tuple[int, Underline, QColor]]]


def draw_layout_underlines(
    painter: QPainter, layout: QTextLayout, origin: QPointF, ranges: Sequence[UnderlineRange]
) -> None:
    """Draw the stacked underlines of *ranges* under the text of *layout*, whose origin
    lies at *origin* in *painter*'s coordinates; used by the article view and printing."""
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        first, end = line.textStart(), line.textStart() + line.textLength()
        width, below, step = line_geometry(line.ascent() + line.descent())
        baseline = round(origin.y() + line.y() + line.ascent())
        for start, stop, lines in ranges:
            left, right = max(start, first), min(stop, end)
            if not lines or left >= right:
                continue
            for x_left, x_right in _x_spans(line.glyphRuns(left, right - left)):
                x = (origin.x() + x_left, origin.x() + x_right)
                for level, style, color in lines:
                    draw_underline(painter, style, color, x, baseline + below + level * step, width)


def _x_spans(runs: Iterable[QGlyphRun]) -> list[tuple[float, float]]:
    """The x extents (merged) of a line's glyph runs: one stretch of text can be several
    pieces on screen when left-to-right and right-to-left text share the line."""
    spans = sorted((r.boundingRect().left(), r.boundingRect().right()) for r in runs)
    merged: list[tuple[float, float]] = []
    for left, right in spans:
        if merged and left <= merged[-1][1] + 0.5:
            merged[-1] = (merged[-1][0], max(merged[-1][1], right))
        else:
            merged.append((left, right))
    return merged


def draw_underline(
    painter: QPainter,
    style: Underline,
    color: QColor,
    x: tuple[float, float],
    y: float,
    width: float,
) -> None:
    """Draw one underline of *style* from x[0] to x[1] at height *y*, *width* thick.

    Dashes, dots and waves are laid out from x = 0, so the pieces of one tag's line
    that meet (across other tags' starts and ends) join into one even line.
    """
    left, right = x
    if right <= left:
        return
    pen = QPen(color, width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if style == Underline.WaveUnderline:
        # Not antialiased: a hairline wave blended into the background paled to a blur,
        # and thin lines stacked close need their full colour to stay apart.
        painter.setPen(pen)
        painter.save()
        # Whole arches, cut to the stretch: the arches lie at fixed places along x.
        painter.setClipRect(
            QRectF(left, y - 2 * width - 1, right - left, 4 * width + 2),
            Qt.ClipOperation.IntersectClip,
        )
        period = 6 * width
        start = math.floor(left / period) * period
        painter.translate(start, y)
        painter.drawPath(_wave(width, math.ceil((right - start) / period)))
        painter.restore()
        return
    if style == Underline.DashUnderline:
        pen.setDashPattern([3.0, 2.0])
    elif style == Underline.DotLine:
        pen.setDashPattern([1.0, 1.0])
    if pen.style() == Qt.PenStyle.CustomDashLine:
        pen.setDashOffset(left / width)
    painter.setPen(pen)
    painter.drawLine(QPointF(left, y), QPointF(right, y))


@lru_cache(maxsize=256)
def _wave(width: float, periods: int) -> QPainterPath:
    """A wave along y = 0 from x = 0, *periods* periods of six times *width*: arches of
    half a period, alternately up and down, each a quadratic curve.

    Drawn shifted to a multiple of its period, so neighbouring pieces join. Kept, since
    one line's length comes back on every line of the page: computing the points in
    Python each time made a repaint of a page of tags take 20 ms.
    """
    half = 3 * width
    path = QPainterPath(QPointF(0, 0))
    for arch in range(2 * periods):
        # A quadratic curve through a control point at twice the height peaks at the height.
        peak = 2 * width if arch % 2 else -2 * width
        path.quadTo(QPointF((arch + 0.5) * half, peak), QPointF((arch + 1) * half, 0))
    return path
