"""FocusScrollArea: scrolls up and down to whatever gets the keyboard focus inside it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame, QScrollArea, QWidget


class FocusScrollArea(QScrollArea):
    """A frameless area that scrolls its *content* up and down, never sideways.

    The content is as wide as the area, and the area never narrower than the content
    allows. When a widget inside takes the focus (Tab, F6, a click), the area shows it
    with as much of what holds it (a card, a panel) as fits.
    """

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes to the widgets inside; the area itself needs no focus (it follows them).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        app = QApplication.instance()
        assert isinstance(app, QApplication), "widgets need a QApplication"
        app.focusChanged.connect(self._follow_focus)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the content allows with the scroll bar beside it, and short."""
        hint = super().minimumSizeHint()
        content = self.widget()
        if content is None:
            return hint
        width = content.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
        return QSize(max(hint.width(), width), hint.height())

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.widget()
        if new is None or content is None or not content.isAncestorOf(new):
            return
        # The largest of the focused widget and its holders that fits the view, below
        # the content itself (which never fits when there is something to scroll). The
        # content of an area nested inside shows only in part: it is passed over. Areas
        # are told in the order they were made, so a nested one has scrolled already.
        shown = new
        holder = new.parentWidget()
        room = self.viewport().height()
        while holder is not None and holder is not content:
            if not _scrolled_inside(holder):
                if holder.height() > room:
                    break
                shown = holder
            holder = holder.parentWidget()
        self.ensureWidgetVisible(shown, 0, 0)


def _scrolled_inside(widget: QWidget) -> bool:
    """True for the content of a scroll area, which its viewport may show only in part."""
    viewport = widget.parentWidget()
    area = viewport.parentWidget() if viewport is not None else None
    return isinstance(area, QAbstractScrollArea) and area.viewport() is viewport
