"""The sidebar's painted parts: tag buttons, the annotation card delegate and list view."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QListView,
    QStyleOptionViewItem,
    QWidget,
)

from app.core.tags import Tag
from app.ui.article.colors import MIN_TEXT_CONTRAST, contrast_ratio
from app.ui.plain_text import PlainTextDelegate, escape, isolate, without_direction_controls
from app.ui.sidebar.annotation_model import AnnotationRoles

if TYPE_CHECKING:
    from PySide6.QtGui import QEnterEvent  # annotation only; see article_view.py

ModelIndex = QModelIndex | QPersistentModelIndex
PAD = 10
TEXT_COLOR = QColor("#1F2430")
MUTED_COLOR = QColor("#5B6270")
CARD_BORDER = QColor("#DDE1E8")
BADGE_TINT = 0.35  # the strongest tint text in a tag colour is drawn on


def tint(color: QColor, alpha: float) -> QColor:
    """*color* blended over white; keeps text on it readable."""
    return QColor(
        round(255 + (color.red() - 255) * alpha),
        round(255 + (color.green() - 255) * alpha),
        round(255 + (color.blue() - 255) * alpha),
    )


def ink(color: QColor) -> QColor:
    """A darker shade of *color* that reads well (4.5:1) as text on white or on its tints."""
    shade = color.darker(170)
    while contrast_ratio(shade, tint(color, BADGE_TINT)) < MIN_TEXT_CONTRAST:
        shade = shade.darker(115)
    return shade


class TagButton(QAbstractButton):
    """A tag in the tag bar: colour, key cap, label and how many annotations use it."""

    def __init__(self, tag: Tag, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = tag
        self._count = 0
        self._color = QColor(tag.color)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        # Tab reaches it; a click leaves the focus in the article, where reading goes on.
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        tip = QCoreApplication.translate("TagButton", "<b>{label}</b> (key {key})<br>{description}")
        self.setToolTip(
            tip.format(
                label=escape(isolate(tag.label)),
                key=escape(tag.key),
                description=escape(without_direction_controls(tag.description)),
            )
        )
        self.setText(tag.label)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        """Show *count* annotations with this tag."""
        self._count = count
        tag = self.tag
        if tag.key:
            name = QCoreApplication.translate("TagButton", "Tag as {label}, key {key}")
        else:
            name = QCoreApplication.translate("TagButton", "Tag as {label}")
        self.setAccessibleName(name.format(label=tag.label, key=tag.key))
        text = QCoreApplication.translate("TagButton", "{count} annotations. {description}")
        self.setAccessibleDescription(text.format(count=count, description=tag.description))
        self.update()

    def count(self) -> int:
        """The count shown on the button."""
        return self._count

    def sizeHint(self) -> QSize:
        """Tall enough for a comfortable click target."""
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(self.text()) + 2 * metrics.height() + 80
        return QSize(width, max(40, metrics.height() + 20))

    def minimumSizeHint(self) -> QSize:
        """Narrow enough for a small sidebar: the label elides."""
        return QSize(140, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the card: colour stripe, key cap, label, count badge."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 1, -1, -1)
        hovered = self.underMouse() or self.isDown()
        painter.setPen(self._color if self.hasFocus() else CARD_BORDER)
        painter.setBrush(tint(self._color, 0.28 if self.isDown() else 0.16 if hovered else 0.09))
        painter.drawRoundedRect(rect, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._color)
        painter.drawRoundedRect(QRectF(rect.left(), rect.top(), 8, rect.height()), 4, 4)
        metrics = self.fontMetrics()
        x = int(rect.left()) + 18
        # Key cap and badge grow with the font, so large system fonts are not clipped.
        cap_size = max(24, metrics.height() + 6)
        badge_height = max(22, metrics.height() + 4)
        if self.tag.key:
            cap = QRectF(x, rect.center().y() - cap_size / 2, cap_size, cap_size)
            painter.setPen(ink(self._color))
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(cap, 5, 5)
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.drawText(cap, Qt.AlignmentFlag.AlignCenter, self.tag.key)
            painter.setFont(self.font())
            x += cap_size + 10
        badge_text = str(self._count)
        badge_width = max(badge_height + 4, metrics.horizontalAdvance(badge_text) + 14)
        badge = QRectF(
            rect.right() - badge_width - 8,
            rect.center().y() - badge_height / 2,
            badge_width,
            badge_height,
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint(self._color, BADGE_TINT) if self._count else QColor("#EEF0F3"))
        painter.drawRoundedRect(badge, badge_height / 2, badge_height / 2)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(ink(self._color) if self._count else MUTED_COLOR)
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, badge_text)
        painter.setFont(self.font())
        label_rect = QRect(x, int(rect.top()), int(badge.left()) - x - 6, int(rect.height()))
        painter.setPen(TEXT_COLOR)
        label = metrics.elidedText(self.text(), Qt.TextElideMode.ElideRight, label_rect.width())
        painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, label)

    def enterEvent(self, event: QEnterEvent) -> None:
        """Repaint for the hover tint."""
        self.update()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        """Repaint without the hover tint."""
        self.update()
        super().leaveEvent(event)


def text_flags(text: str) -> int:
    """drawText flags that lay *text* out in its own direction, from its leading edge.

    Left to right, an Arabic quote had its quotation marks on the wrong sides and
    stood at the card's left; its first strong letter decides, as in a paragraph.
    """
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return Qt.TextFlag.TextForceRightToLeft.value | Qt.AlignmentFlag.AlignLeading.value
        if kind == "L":
            break
    return Qt.TextFlag.TextForceLeftToRight.value | Qt.AlignmentFlag.AlignLeading.value


class AnnotationDelegate(PlainTextDelegate):
    """Paints an annotation as a card: tag pill, quote on one line, start of the note.

    Its tooltip (quote and whole note) shows as plain text, as PlainTextDelegate's do.
    """

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.88))
        small.setBold(True)
        note = QFont(option.font)
        note.setItalic(True)
        return small, QFont(option.font), note

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        """Height for the pill, the quote and the note line (every card is alike).

        One height for all cards lets the list use uniform item sizes: with 10,000
        annotations, per-card size hints cost ~0.2 s whenever the list is laid out.
        """
        small, normal, note = self._fonts(option)
        height = PAD + QFontMetrics(small).height() + 8 + QFontMetrics(normal).height() + PAD
        height += QFontMetrics(note).height() + 4
        return QSize(200, height + 6)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        """Draw the card; selection tints it with the tag colour."""
        color = QColor(index.data(AnnotationRoles.TAG_COLOR))
        # Asked of the view, not of option.state: reading QStyle's flags would make PySide6
        # build all 34 of QStyle's enum classes, 7 ms of every start-up.
        view = self.parent()
        assert isinstance(view, QAbstractItemView)
        selected = view.selectionModel().isSelected(index)
        small, normal, note_font = self._fonts(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect).adjusted(14, 3, -8, -3)  # lines up with the tag bar
        painter.setPen(color if selected else CARD_BORDER)
        painter.setBrush(tint(color, 0.16) if selected else QColor("white"))
        painter.drawRoundedRect(card, 8, 8)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawRoundedRect(QRectF(card.left(), card.top(), 6, card.height()), 3, 3)
        left = int(card.left()) + 16
        width = int(card.right()) - left - PAD
        y = int(card.top()) + PAD - 2
        # The tag pill: tinted background, dark text in the tag's hue.
        painter.setFont(small)
        metrics = QFontMetrics(small)
        label = metrics.elidedText(
            str(index.data(AnnotationRoles.TAG_LABEL)), Qt.TextElideMode.ElideRight, width - 12
        )
        pill = QRectF(left, y, metrics.horizontalAdvance(label) + 14, metrics.height() + 4)
        painter.setBrush(tint(color, 0.30 if selected else 0.20))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(ink(color))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
        y = int(pill.bottom()) + 6
        painter.setFont(normal)
        metrics = QFontMetrics(normal)
        quoted = str(index.data(AnnotationRoles.QUOTE))
        quote = metrics.elidedText(f"“{quoted}”", Qt.TextElideMode.ElideRight, width)
        painter.setPen(TEXT_COLOR)
        painter.drawText(QRect(left, y, width, metrics.height()), text_flags(quoted), quote)
        note = index.data(AnnotationRoles.NOTE)
        y += metrics.height() + 4
        painter.setFont(note_font)
        metrics = QFontMetrics(note_font)
        if note:
            text, pen = f"✎ {note}", MUTED_COLOR
        else:
            text = QCoreApplication.translate(
                "AnnotationDelegate", "✎ No note yet (Enter adds one)"
            )
            pen = MUTED_COLOR  # a hint, yet still readable (>= 4.5:1 on white)
        painter.setPen(pen)
        flags = text_flags(note) if note else text_flags(text)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        painter.drawText(QRect(left, y, width, metrics.height()), flags, text)
        painter.restore()


class AnnotationListView(QListView):
    """The annotation list: cards, one selection, a friendly hint while it is empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self.setItemDelegate(AnnotationDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUniformItemSizes(True)  # see AnnotationDelegate.sizeHint
        self.setSpacing(0)
        self.setMouseTracking(True)
        self.setFrameShape(QListView.Shape.NoFrame)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Base, QColor("#F6F7F9"))
        self.setPalette(palette)
        self.setAccessibleName(QCoreApplication.translate("AnnotationListView", "Annotations"))
        self.setAccessibleDescription(
            QCoreApplication.translate(
                "AnnotationListView", "Enter edits the note, Delete removes the annotation"
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the items, or the hint when there are none."""
        super().paintEvent(event)
        if self.model() is not None and self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(MUTED_COLOR)
            area = self.viewport().rect().adjusted(24, 24, -24, -24)
            flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(area, flags | Qt.TextFlag.TextWordWrap, self.empty_text)
