"""The user's settings as a small JSON file in the config folder (no QSettings, no registry)."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app import paths
from app.ui.i18n import translate

SETTINGS_FILE_NAME = "settings.json"
MAX_RECENT_FILES = 10
DEFAULT_ZOOM = 100
ROLES = ("student", "teacher")
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "es")
FONT_SIZES = (6, 48)  # article font size in points; 0 means "follow the system font"
# Members that must be one of a few words; anything else falls back to the default.
_CHOICES = {"author_role": ROLES, "theme": THEMES, "language": LANGUAGES}


@dataclass
class Settings:
    """What Slant remembers between runs.

    ``author_asked`` is True once the name question was answered or skipped, so it is
    asked only once. Geometry and splitter state are Qt's opaque bytes in base64.
    Empty text (and a font size of 0) means "Slant's default" for the preferences.
    """

    author_name: str = ""
    author_asked: bool = False
    author_role: str = "student"
    tagset_file: str = ""
    article_font_family: str = ""
    article_font_size: int = 0
    theme: str = "system"
    language: str = "system"
    fallback_folder: str = ""
    recent_files: list[str] = field(default_factory=list)
    splitter_state: str = ""
    window_geometry: str = ""
    zoom: int = DEFAULT_ZOOM

    def add_recent(self, path: Path) -> None:
        """Put *path* first in the recent-files list, without duplicates, at most 10."""
        text = str(Path(path).resolve())
        self.recent_files = [text, *(p for p in self.recent_files if p != text)]
        del self.recent_files[MAX_RECENT_FILES:]


def settings_path() -> Path:
    """Where the settings file lives (inside ``paths.config_dir()``)."""
    return paths.config_dir() / SETTINGS_FILE_NAME


def load_settings(path: Path | None = None) -> tuple[Settings, str]:
    """Read the settings file; return (settings, problem).

    *problem* is "" when all went well. A missing file gives defaults silently; an
    unreadable or invalid one gives defaults and a sentence for the user, never an error.
    """
    path = path or settings_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), ""
    except (OSError, UnicodeDecodeError) as exc:
        problem = translate(
            "Settings", "Your settings file {path} could not be read ({reason}); using defaults."
        )
        return Settings(), problem.format(path=path, reason=exc)
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, RecursionError) as exc:
        problem = translate(
            "Settings", "Your settings file {path} is damaged ({reason}); using defaults."
        )
        return Settings(), problem.format(path=path, reason=exc)
    if not isinstance(data, dict):
        problem = translate("Settings", "Your settings file {path} is damaged; using defaults.")
        return Settings(), problem.format(path=path)
    return _settings_from_json(data), ""


def _settings_from_json(data: dict[str, Any]) -> Settings:
    # Each member is checked on its own so one bad value does not lose the others.
    defaults = Settings()
    values: dict[str, Any] = {}
    for member in fields(Settings):
        value = data.get(member.name, getattr(defaults, member.name))
        default = getattr(defaults, member.name)
        if isinstance(default, bool):
            ok = isinstance(value, bool)
        elif isinstance(default, int):
            ok = isinstance(value, int) and not isinstance(value, bool)
        elif isinstance(default, list):
            ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
        else:
            ok = isinstance(value, str)
        if member.name in _CHOICES:
            ok = ok and value in _CHOICES[member.name]
        values[member.name] = value if ok else default
    settings = Settings(**values)
    settings.zoom = min(max(settings.zoom, 25), 400)
    if settings.article_font_size:
        settings.article_font_size = min(
            max(settings.article_font_size, FONT_SIZES[0]), FONT_SIZES[1]
        )
    del settings.recent_files[MAX_RECENT_FILES:]
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> str:
    """Write the settings atomically; return "" or a sentence saying why it failed."""
    path = path or settings_path()
    data = json.dumps(asdict(settings), indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a crash never leaves half a file.
        handle, temp_name = tempfile.mkstemp(prefix=".settings-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(data)
            os.replace(temp_name, path)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
    except OSError as exc:
        return translate(
            "Settings", "Your settings could not be saved to {path} ({reason})."
        ).format(path=path, reason=exc)
    return ""
