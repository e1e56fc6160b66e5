"""Slant's look: the light and dark themes (Fusion with Slant's palette, or the platform's
own in high contrast), the looks of named widgets in the theme's colours, and applying the
stored theme and reading font to a window.

The named widgets' looks are palettes and fonts, not style-sheet rules: an application style
sheet makes Qt polish and draw every widget through its style-sheet style (~3 ms of each
start-up). A widget joins with ``use_look`` and is restyled whenever the theme changes.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import shiboken6
from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QSplitter, QStyleFactory, QWidget

from app import paths
from app.ui.article.rendering import SERIF
from app.ui.settings import Settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
MESSAGE_PARTS = ("background", "border", "text")
MIN_ARTICLE_POINTS = 12.0
# The article reads a little larger than the menus: a third above the system font.
ARTICLE_SCALE = 4 / 3


class Colors(NamedTuple):
    """The colours of one theme; every text colour is checked against its background."""

    window: str
    text: str
    base: str
    alternate: str
    button: str
    highlight: str
    highlighted_text: str
    placeholder: str
    disabled_text: str
    link: str
    section: str
    hint: str
    splitter: str
    status_background: str
    saved: str
    not_saved: str
    problem_background: str
    problem_border: str
    problem_text: str
    notice_background: str
    notice_border: str
    notice_text: str


LIGHT = Colors(
    window="#F6F7F9",
    text="#1F2430",
    base="#FFFFFF",
    alternate="#F0F2F5",
    button="#FFFFFF",
    highlight="#2F6FDB",
    highlighted_text="#FFFFFF",
    placeholder="#6B7280",
    disabled_text="#767C88",
    link="#1A55A8",
    section="#4A5160",
    hint="#5B6270",
    splitter="#DDE1E8",
    status_background="#EEF0F3",
    saved="#1B6E4B",
    not_saved="#9A3412",
    problem_background="#FFF1B8",
    problem_border="#E0B300",
    problem_text="#3D3100",
    notice_background="#E3F0FB",
    notice_border="#9CC3E6",
    notice_text="#0B3558",
)

DARK = Colors(
    window="#1E2128",
    text="#E6E8EC",
    base="#272B33",
    alternate="#2E333C",
    button="#2E333C",
    highlight="#2F6FDB",
    highlighted_text="#FFFFFF",
    placeholder="#9AA1AD",
    disabled_text="#8A919D",
    link="#8AB4F8",
    section="#B4BBC7",
    hint="#A9B0BC",
    splitter="#363B45",
    status_background="#181B21",
    saved="#6FD3A2",
    not_saved="#FFA27A",
    problem_background="#4A3B00",
    problem_border="#8A6D00",
    problem_text="#FFE9A8",
    notice_background="#10314F",
    notice_border="#2C5A85",
    notice_text="#D2E7FF",
)

THEMES = {"light": LIGHT, "dark": DARK}


def text_pairs(colors: Colors) -> dict[str, tuple[str, str]]:
    """Every (text, background) pair the theme draws, by a name for test messages."""
    c = colors
    return {
        "window text": (c.text, c.window),
        "field text": (c.text, c.base),
        "alternate rows": (c.text, c.alternate),
        "button text": (c.text, c.button),
        "selected text": (c.highlighted_text, c.highlight),
        "placeholder": (c.placeholder, c.base),
        "link": (c.link, c.base),
        "section label": (c.section, c.window),
        "hint": (c.hint, c.window),
        "status bar": (c.text, c.status_background),
        "saved": (c.saved, c.status_background),
        "saving": (c.hint, c.status_background),
        "not saved": (c.not_saved, c.status_background),
        "problem bar": (c.problem_text, c.problem_background),
        "notice bar": (c.notice_text, c.notice_background),
    }


def palette_for(colors: Colors) -> QPalette:
    """The theme's colours in every role Slant's widgets use (the platform's for the rest)."""
    palette = QPalette()
    for role, color in (
        (Role.Window, colors.window),
        (Role.WindowText, colors.text),
        (Role.Base, colors.base),
        (Role.AlternateBase, colors.alternate),
        (Role.Text, colors.text),
        (Role.Button, colors.button),
        (Role.ButtonText, colors.text),
        (Role.BrightText, colors.highlighted_text),
        (Role.Highlight, colors.highlight),
        (Role.HighlightedText, colors.highlighted_text),
        (Role.ToolTipBase, colors.base),
        (Role.ToolTipText, colors.text),
        (Role.PlaceholderText, colors.placeholder),
        (Role.Link, colors.link),
    ):
        palette.setColor(role, QColor(color))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(Group.Disabled, role, QColor(colors.disabled_text))
    return palette


def high_contrast_requested(app: QApplication) -> bool:
    """True when the platform asks for high contrast (Qt 6.10+ reports it)."""
    hints = app.styleHints()
    if not hasattr(hints, "accessibility"):
        return False
    return hints.accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast


def resolved_theme(choice: str, app: QApplication) -> str:
    """ "light" or "dark" for a theme *choice* ("system" follows the platform)."""
    if choice in THEMES:
        return choice
    dark = app.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return "dark" if dark else "light"


# -- the named widgets' looks ---------------------------------------------------------------


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


def _quote_label(widget: QWidget, colors: Colors | None) -> None:
    font = QFont(widget.font())
    font.setItalic(True)
    widget.setFont(font)
    _hint_label(widget, colors)


def _save_state(widget: QWidget, colors: Colors | None) -> None:
    state = widget.property("state")
    _set_bold(widget, state == "not-saved")
    shown = {"saved": "saved", "saving": "hint", "not-saved": "not_saved"}.get(state)
    _set_roles(widget, {Role.WindowText: getattr(colors, shown)} if colors and shown else None)


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
    assert isinstance(widget, QSplitter)
    # Handle 0 is never shown: it sits before the first widget.
    for index in range(1, widget.count()):
        handle = widget.handle(index)
        handle.setAutoFillBackground(colors is not None)
        _set_roles(handle, colors and {Role.Window: colors.splitter})


LOOKS: dict[str, Callable[[QWidget, Colors | None], None]] = {
    "sectionLabel": _section_label,
    "hintLabel": _hint_label,
    "quoteLabel": _quote_label,
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


# -- the application's theme ---------------------------------------------------------------


_THEMES: dict[int, Theme] = {}  # id(application) -> its Theme


def new_application(program: str) -> QApplication:
    """A QApplication that starts in the Fusion style Slant's themes are made for.

    Fusion is asked for on the command line Qt reads, not set afterwards: any QStyle
    object handed to Python makes PySide6 build QStyle's 34 enum classes (4 ms of every
    start-up), and the style is then never handed over.
    """
    app = QApplication([program, "-style", "Fusion"])
    _THEMES[id(app)] = Theme(app, in_fusion=True)
    return app


class Theme(QObject):
    """Applies the chosen theme to the application and follows the platform's changes.

    In high contrast the platform's palette is used as it is, so Slant never paints
    over colours the user chose for their eyes.
    """

    def __init__(self, app: QApplication, *, in_fusion: bool = False) -> None:
        super().__init__(app)
        self._app = app
        self.choice = "system"
        if not in_fusion:  # new_application asked for Fusion already
            fusion = QStyleFactory.create("Fusion")
            if fusion is not None:
                app.setStyle(fusion)
        hints = app.styleHints()
        hints.colorSchemeChanged.connect(self._platform_changed)
        if hasattr(hints, "accessibility"):
            hints.accessibility().contrastPreferenceChanged.connect(self._platform_changed)

    @classmethod
    def of(cls, app: QApplication) -> Theme:
        """The application's Theme, made on first use."""
        # Not app.findChild(Theme): walking the application's children wraps its QStyle,
        # which makes PySide6 build QStyle's 34 enum classes (5 ms of every start-up).
        theme = _THEMES.get(id(app))
        if theme is None or theme._app is not app:
            theme = _THEMES[id(app)] = cls(app)
        return theme

    def apply(self, choice: str) -> str:
        """Use *choice* ("system", "light" or "dark"); return what is shown.

        Returns "high-contrast" when the platform's high-contrast palette is kept.
        """
        self.choice = choice
        if high_contrast_requested(self._app):
            self._app.setPalette(QPalette())  # an empty palette is the platform's
            restyle(None)
            return "high-contrast"
        name = resolved_theme(choice, self._app)
        colors = THEMES[name]
        self._app.setPalette(palette_for(colors))
        restyle(colors)
        return name

    def _platform_changed(self, *_: object) -> None:
        self.apply(self.choice)


def apply_theme(app: QApplication, choice: str = "system") -> str:
    """Give Slant the *choice* of theme on every platform; return what is shown."""
    return Theme.of(app).apply(choice)


# -- applying the settings ----------------------------------------------------------------


def application() -> QApplication:
    """The running QApplication (Slant's widgets need one)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication must exist before any widget"
    return app


def default_article_point_size(app_font: QFont | None = None) -> float:
    """The article's size at 100% zoom when none is chosen: follows the system font."""
    font = app_font or QApplication.font()
    return max(MIN_ARTICLE_POINTS, round(font.pointSizeF() * ARTICLE_SCALE))


def reading_font(settings: Settings) -> tuple[list[str], float]:
    """The article's font families (first found wins) and size in points at 100% zoom."""
    families = [settings.article_font_family] if settings.article_font_family else []
    size = float(settings.article_font_size) or default_article_point_size()
    return [*families, *SERIF], size


def apply_appearance(window: MainWindow) -> str:
    """Apply the window's theme and article font now; return the theme shown."""
    shown = Theme.of(application()).apply(window.settings.theme)
    folder = window.settings.fallback_folder
    paths.set_fallback_dir(Path(folder) if folder else None)
    window.view.set_reading_font(*reading_font(window.settings))
    return shown
