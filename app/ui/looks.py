"""Looks of Slant's named widgets in the theme's colours: section and hint labels, the
status bar and its save state, the message bar and the splitter's handle.

They are palettes and fonts, not style-sheet rules: an application style sheet makes Qt
polish and draw every widget through its style-sheet style (~3 ms of each start-up).
A widget joins with ``use_look`` and is restyled whenever the theme changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

if TYPE_CHECKING:
    from app.ui.theme import Colors  # the theme calls restyle: no import back at run time

Role = QPalette.ColorRole
STATUS_LABEL_PADDING = 8  # px left and right of the status bar's labels
MESSAGE_PARTS = ("background", "border", "text")


class _Looks:
    """The widgets with a look and the colours shown (None: the platform's, high contrast)."""

    def __init__(self) -> None:
        self.widgets: weakref.WeakSet[QWidget] = weakref.WeakSet()
        self.colors: Colors | None = None
        self.themed = False  # until a theme is applied, widgets keep Qt's own look


_looks = _Looks()


def use_look(widget: QWidget, name: str) -> None:
    """Give *widget* the look called *name* (also its object name), now and after changes."""
    widget.setObjectName(name)
    _looks.widgets.add(widget)
    if _looks.themed:
        _apply(widget)


def set_look_state(widget: QWidget, name: str, value: str) -> None:
    """Set a property a look depends on ("state" of the save label, "kind" of the bar)."""
    if widget.property(name) == value:
        return
    widget.setProperty(name, value)
    if _looks.themed and widget in _looks.widgets:
        _apply(widget)


def restyle(colors: Colors | None) -> None:
    """Show every look in *colors* (None: the platform's colours, for high contrast)."""
    _looks.colors, _looks.themed = colors, True
    for widget in list(_looks.widgets):
        if shiboken6.isValid(widget):
            _apply(widget)
        else:  # Qt deleted it while Python still holds its wrapper
            _looks.widgets.discard(widget)


def current_state() -> tuple[bool, Colors | None]:
    """Whether a theme was applied, and its colours (to put back with restore_state)."""
    return _looks.themed, _looks.colors


def restore_state(state: tuple[bool, Colors | None]) -> None:
    """Show the looks as *state* (from current_state) says, e.g. after a test's theme."""
    themed, colors = state
    if themed:
        restyle(colors)
    else:
        _looks.colors, _looks.themed = None, False


def _apply(widget: QWidget) -> None:
    look = LOOKS.get(widget.objectName())
    if look is not None:
        look(widget, _looks.colors)


def _set_roles(widget: QWidget, roles: dict[Role, str] | None) -> None:
    # A fresh palette resolves only the roles set here; the rest follow the parent, so a
    # theme change reaches them. None leaves every role to the parent.
    palette = QPalette()
    for role, color in (roles or {}).items():
        palette.setColor(role, QColor(color))
    widget.setPalette(palette)


def _set_bold(widget: QWidget, bold: bool, spacing: float = 0.0) -> None:
    font = QFont(widget.font())
    font.setBold(bold)
    font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    widget.setFont(font)


def _section_label(widget: QWidget, colors: Colors | None) -> None:
    _set_bold(widget, True, 0.5)
    _set_roles(widget, colors and {Role.WindowText: colors.section})


def _hint_label(widget: QWidget, colors: Colors | None) -> None:
    _set_roles(widget, colors and {Role.WindowText: colors.hint})


def _save_state(widget: QWidget, colors: Colors | None) -> None:
    state = widget.property("state")
    _set_bold(widget, state == "not-saved")
    shown = {"saved": "saved", "saving": "hint", "not-saved": "not_saved"}.get(state)
    _set_roles(widget, colors and shown and {Role.WindowText: getattr(colors, shown)})


def _status_bar(widget: QWidget, colors: Colors | None) -> None:
    widget.setAutoFillBackground(colors is not None)
    _set_roles(
        widget,
        colors
        and {
            Role.Window: colors.status_background,
            Role.WindowText: colors.text,
            Role.Mid: colors.splitter,  # StatusBar's top line
        },
    )


def _message_bar(widget: QWidget, colors: Colors | None) -> None:
    kind = widget.property("kind")
    widget.setAutoFillBackground(colors is not None)
    if colors is None or kind not in ("problem", "notice"):
        _set_roles(widget, None)
        return
    background, border, text = (getattr(colors, f"{kind}_{part}") for part in MESSAGE_PARTS)
    _set_roles(widget, {Role.Window: background, Role.Mid: border, Role.WindowText: text})


def _splitter(widget: QWidget, colors: Colors | None) -> None:
    # Handle 0 is never shown: it sits before the first widget.
    for index in range(1, widget.count()):
        handle = widget.handle(index)
        handle.setAutoFillBackground(colors is not None)
        _set_roles(handle, colors and {Role.Window: colors.splitter})


LOOKS: dict[str, Callable[[QWidget, Colors | None], None]] = {
    "sectionLabel": _section_label,
    "hintLabel": _hint_label,
    "saveState": _save_state,
    "statusBar": _status_bar,
    "messageBar": _message_bar,
    "splitter": _splitter,
}


def draw_edge(widget: QWidget, *, top: bool) -> None:
    """Draw a one-pixel line along *widget*'s top or bottom edge in its Mid colour."""
    if widget.autoFillBackground():  # themed; the platform's look has no edge
        painter = QPainter(widget)
        painter.setPen(widget.palette().color(Role.Mid))
        y = 0 if top else widget.height() - 1
        painter.drawLine(QPoint(0, y), QPoint(widget.width() - 1, y))


class StatusBar(QStatusBar):
    """A window's status bar: its own background, a line along the top, padded labels."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_look(self, "statusBar")

    def addPermanentWidget(self, widget: QWidget, stretch: int = 0) -> None:
        """Add *widget* at the right; a label gets room on either side."""
        if isinstance(widget, QLabel):
            widget.setContentsMargins(STATUS_LABEL_PADDING, 0, STATUS_LABEL_PADDING, 0)
        super().addPermanentWidget(widget, stretch)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the bar, then its top line."""
        super().paintEvent(event)
        draw_edge(self, top=True)
