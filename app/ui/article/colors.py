"""The article page's colours and each tag's style on it: WCAG contrast, blends, underlines."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QTextCharFormat

from app.core.tags import TagSet

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


def line_color_on(color: QColor, backgrounds: list[QColor]) -> QColor:
    """Return *color*, darkened until it stands out (3:1) against every one of *backgrounds*.

    A tag's underline, stacked under others, can lie on any other tag's background.
    """
    line = QColor(color)
    while any(contrast_ratio(line, back) < MIN_LINE_CONTRAST for back in backgrounds):
        line = blend(line, QColor("#000000"), 0.85)
    return line
