"""Slant's look: Fusion with a light or dark palette, or the platform's own in high contrast."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.ui.looks import restyle

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


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
