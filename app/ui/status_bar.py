"""The status bar of Slant's windows: its own background, a line along the top, padded labels,
and a note that stays while it is true (e.g. that a page's whole text is shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from app.ui.plain_text import tooltip
from app.ui.theme import draw_edge, use_look

STATUS_LABEL_PADDING = 8  # px left and right of the status bar's labels


class NoteLabel(QLabel):
    """A one-line label that never widens the window: text too long for it ends in "…",
    and the whole of it is in the tooltip and the accessible description."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setContentsMargins(STATUS_LABEL_PADDING, 0, STATUS_LABEL_PADDING, 0)

    def set_note(self, text: str) -> None:
        """Show *text* ("" hides the label)."""
        self.setText(text)
        self.setToolTip(tooltip(text) if text else "")
        self.setAccessibleDescription(text)
        self.setHidden(not text)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the text cut to the width with "…" where it does not fit."""
        painter = QPainter(self)
        rect = self.contentsRect()
        shown = self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, rect.width()
        )
        alignment = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading
        painter.drawText(rect, int(alignment), shown)
        painter.end()


class StatusBar(QStatusBar):
    """A window's status bar: its own background, a line along the top, padded labels.

    ``note`` is a lasting message at the left; the bar's passing messages (showMessage)
    cover it while they are shown.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_look(self, "statusBar")
        self.note = NoteLabel()
        self.note.hide()
        self.addWidget(self.note, 1)

    def set_note(self, text: str) -> None:
        """Keep *text* at the left of the bar until it is replaced ("" removes it)."""
        self.note.set_note(text)

    def addPermanentWidget(self, widget: QWidget, stretch: int | None = 0) -> None:
        """Add *widget* at the right; a label gets room on either side."""
        if isinstance(widget, QLabel):
            widget.setContentsMargins(STATUS_LABEL_PADDING, 0, STATUS_LABEL_PADDING, 0)
        super().addPermanentWidget(widget, stretch or 0)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the bar, then its top line."""
        super().paintEvent(event)
        draw_edge(self, top=True)
