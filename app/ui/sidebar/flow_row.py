"""FlowRow: a row of widgets that wraps onto more lines rather than clip them when narrow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowRow(QLayout):
    """Widgets left to right at their size hints; one that does not fit starts a new line.

    Its height depends on its width (heightForWidth), so the layouts around it make room
    for every line. Right-to-left widgets are laid out from the right.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        """Append *item* (QLayout.addWidget calls this)."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the row holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at *index*, or None past the end."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at *index*, or None past the end."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        """Neither: the widgets keep their size hints."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """True: a narrower row needs more lines."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the lines the items need at *width*."""
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in *rect*, line by line."""
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """All items on one line."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown)
        width += self.spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:
        """The widest and the tallest item; heightForWidth says how many lines there are."""
        shown = self._shown()
        width = max((item.sizeHint().width() for item in shown), default=0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in *rect* (only measure unless *place*); return the height used."""
        area = rect.marginsRemoved(self.contentsMargins())
        parent = self.parentWidget()
        direction = parent.layoutDirection() if parent else Qt.LayoutDirection.LeftToRight
        x, y, line_height = area.x(), area.y(), 0
        for item in self._shown():
            size = item.sizeHint()
            if x > area.x() and x + size.width() > area.right() + 1:
                x, y, line_height = area.x(), y + line_height + self.spacing(), 0
            if place:
                item.setGeometry(_mirrored(QRect(QPoint(x, y), size), area, direction))
            x += size.width() + self.spacing()
            line_height = max(line_height, size.height())
        margins = self.contentsMargins()
        return y + line_height - rect.y() + margins.bottom()


def _mirrored(rect: QRect, area: QRect, direction: Qt.LayoutDirection) -> QRect:
    """*rect* mirrored within *area* for right-to-left, as QStyle.visualRect does.

    Written out because naming QStyle makes PySide6 build its enum classes, 6 ms of a
    start-up that shows no style object before the first paint.
    """
    if direction != Qt.LayoutDirection.RightToLeft:
        return rect
    return rect.translated(area.left() + area.right() - rect.left() - rect.right(), 0)
