"""The status bar of Slant's windows: its own background, a line along the top, padded labels."""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.ui.theme import draw_edge, use_look

STATUS_LABEL_PADDING = 8  # px left and right of the status bar's labels


class StatusBar(QStatusBar):
    """A window's status bar: its own background, a line along the top, padded labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_look(self, "statusBar")

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        """Add *widget* at the right; a label gets room on either side."""
        if isinstance(widget, QLabel):
            widget.setContentsMargins(STATUS_LABEL_PADDING, 0, STATUS_LABEL_PADDING, 0)
        super().addPermanentWidget(widget, stretch or 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the bar, then its top line."""
        super().paintEvent(event)
        draw_edge(self, top=True)
