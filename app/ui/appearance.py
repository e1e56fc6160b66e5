"""Applying the stored settings to a window: theme, reading font, fallback folder, tag set.

Kept apart from the preferences dialog so that start-up does not load the dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app import paths
from app.core.errors import TagSetError
from app.core.sidecar import Sidecar
from app.core.tags import load_tagset
from app.ui.i18n import translate
from app.ui.rendering import SERIF
from app.ui.settings import Settings
from app.ui.theme import Theme

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

MIN_ARTICLE_POINTS = 12.0
# The article reads a little larger than the menus: a third above the system font.
ARTICLE_SCALE = 4 / 3


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
    app = QApplication.instance()
    shown = Theme.of(app).apply(window.settings.theme)
    folder = window.settings.fallback_folder
    paths.set_fallback_dir(Path(folder) if folder else None)
    window.view.set_reading_font(*reading_font(window.settings))
    return shown


def adopt_default_tagset(sidecar: Sidecar, sidecar_file: Path, settings: Settings) -> str:
    """Give a new, empty sidecar the preferred tag set; return a problem sentence or "".

    Sidecars that exist on disk keep their own tag set.
    """
    if not settings.tagset_file or sidecar.annotations or sidecar_file.exists():
        return ""
    try:
        sidecar.tagset = load_tagset(Path(settings.tagset_file))
    except (TagSetError, OSError) as exc:
        return translate(
            "Appearance",
            "Your default tag set was not used: {problem}. Slant's four tags are used instead.",
        ).format(problem=exc)
    return ""
