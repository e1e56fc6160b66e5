"""The user's settings as a small JSON file in the config folder (no QSettings, no registry).

The file is read like any file someone could have planted: a pipe, a device or a huge
file is refused unread, and every value is checked for its type and range on its own.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app import paths
from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
from app.ui.i18n import translate

SETTINGS_FILE_NAME = "settings.json"
CORRUPT_INFIX = ".corrupt-"
MAX_SETTINGS_BYTES = 1 << 20  # a real settings file is about 2 KB
MAX_RECENT_FILES = 10
MAX_NAME_CHARS = 80
MAX_PATH_CHARS = 4096
MAX_FONT_FAMILY_CHARS = 200
MAX_STATE_CHARS = 16384  # Qt's geometry and splitter state, in base64
DEFAULT_ZOOM = 100
ZOOM_RANGE = (25, 400)
ROLES = ("student", "teacher")
THEMES = ("system", "light", "dark")
LANGUAGES = ("system", "en", "es")
FONT_SIZES = (6, 48)  # article font size in points; 0 means "follow the system font"
_BASE64 = re.compile(r"[A-Za-z0-9+/=]*")
_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass
class Settings:
    """What Slant remembers between runs.

    ``author_asked`` is True once the name question was answered or skipped, so it is
    asked only once. ``hand_in_folder`` is the folder last chosen to hand in, proposed
    again next time. Geometry and splitter state are Qt's opaque bytes in base64.
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
    hand_in_folder: str = ""
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


class UnusableSettings(Exception):
    """The settings file cannot be used at all; ``reason`` says why, for the user."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def load_settings(path: Path | None = None, *, keep_aside: bool = True) -> tuple[Settings, str]:
    """Read the settings file; return (settings, problem).

    *problem* is "" when all went well. A missing file gives defaults silently. A file
    that cannot be used gives defaults and a sentence for the user naming it and why,
    never an error; with *keep_aside* it is first renamed (see ``keep_aside``), so the
    next save does not destroy it. Values of the wrong type or range fall back to their
    defaults one by one, silently.
    """
    path = path or settings_path()
    try:
        data = _read_json(path)
    except FileNotFoundError:
        return Settings(), ""
    except UnusableSettings as exc:
        return Settings(), _unusable_sentence(path, exc.reason, keep_aside)
    return _settings_from_json(data), ""


def _read_json(path: Path) -> dict[str, Any]:
    """The JSON object in *path*; raises FileNotFoundError or UnusableSettings."""
    try:
        raw = read_bounded(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        raise
    except FileTooBig as exc:
        reason = translate("Settings", "it is too big for a settings file (over {limit} KB)")
        raise UnusableSettings(reason.format(limit=exc.limit // 1024)) from exc
    except (NotRegularFile, IsADirectoryError) as exc:
        reason = translate("Settings", "it is not a regular file (a folder, pipe or device)")
        raise UnusableSettings(reason) from exc
    except OSError as exc:
        reason = translate("Settings", "it cannot be read ({error})")
        raise UnusableSettings(reason.format(error=exc.strerror or exc)) from exc
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise UnusableSettings(translate("Settings", "it is not UTF-8 text")) from exc
    except json.JSONDecodeError as exc:
        reason = translate("Settings", "it is not valid JSON (line {line})")
        raise UnusableSettings(reason.format(line=exc.lineno)) from exc
    except RecursionError as exc:
        raise UnusableSettings(translate("Settings", "it is nested too deeply")) from exc
    except ValueError as exc:  # Python refuses integers of more than 4,300 digits
        raise UnusableSettings(translate("Settings", "it holds a number too long to read")) from exc
    if not isinstance(data, dict):
        raise UnusableSettings(translate("Settings", "it holds no settings"))
    return data


def _unusable_sentence(path: Path, reason: str, keep: bool) -> str:
    if not keep:
        text = translate(
            "Settings",
            "Your settings file {path} could not be used: {reason}. Slant used its "
            "default settings.",
        )
        return text.format(path=path, reason=reason)
    try:
        copy = keep_aside(path)
    except OSError as exc:
        text = translate(
            "Settings",
            "Your settings file {path} could not be used: {reason}. Slant started with its "
            "default settings. The file could not be set aside ({error}): it will be replaced "
            "when a setting is saved.",
        )
        return text.format(path=path, reason=reason, error=exc.strerror or exc)
    text = translate(
        "Settings",
        "Your settings file {path} could not be used: {reason}. Slant started with its "
        "default settings and kept the file as {copy}.",
    )
    return text.format(path=path, reason=reason, copy=copy.name)


def keep_aside(path: Path) -> Path:
    """Rename *path* to settings.json.corrupt-YYYYMMDD-HHMMSS beside it; return the new path.

    The new name is first created exclusively (never through a symbolic link; "-2", "-3"
    are added while names are taken), then *path* replaces that empty file: whatever
    someone planted under such a name is neither written through nor lost. Raises OSError.
    """
    stamp = time.strftime("%Y%m%d-%H%M%S")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_FOLLOW
    for number in range(1, 100):
        suffix = stamp if number == 1 else f"{stamp}-{number}"
        target = path.with_name(f"{path.name}{CORRUPT_INFIX}{suffix}")
        try:
            os.close(os.open(target, flags, 0o600))
        except FileExistsError:
            continue
        try:
            os.replace(path, target)
        except BaseException:
            target.unlink(missing_ok=True)
            raise
        return target
    raise FileExistsError(f"{path}{CORRUPT_INFIX}{stamp}: every name is taken")


# -- one check per member: the cleaned value, or ValueError for its default --------------


def _need(condition: bool) -> None:
    if not condition:
        raise ValueError


def _text(value: Any, limit: int) -> str:
    _need(isinstance(value, str) and len(value) <= limit)
    value.encode("utf-8")  # a lone surrogate could never be saved again
    return value


def _name(value: Any) -> str:
    # One line of printable text: the name is written into every new annotation file.
    _need(isinstance(value, str))
    value = value[: MAX_NAME_CHARS * 4].encode("utf-8", "replace").decode("utf-8")
    shown = "".join(" " if unicodedata.category(c) == "Cc" else c for c in value)
    return " ".join(shown.split())[:MAX_NAME_CHARS]


def _path(value: Any, *, absolute: bool) -> str:
    _text(value, MAX_PATH_CHARS)
    _need("\0" not in value and (not absolute or Path(value).is_absolute()))
    os.fsencode(value)  # raises UnicodeEncodeError (a ValueError) for what no file is named
    return value


def _recent(value: Any) -> list[str]:
    _need(isinstance(value, list))
    kept: list[str] = []
    for item in value[: MAX_RECENT_FILES * 10]:
        try:
            text = _path(item, absolute=True)
        except ValueError:
            continue
        if text not in kept:
            kept.append(text)
    return kept[:MAX_RECENT_FILES]


def _number(value: Any, low: int, high: int) -> int:
    _need(isinstance(value, int) and not isinstance(value, bool))
    return min(max(value, low), high)


def _font_size(value: Any) -> int:
    return 0 if _number(value, 0, FONT_SIZES[1]) == 0 else _number(value, *FONT_SIZES)


def _choice(words: tuple[str, ...]) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        _need(value in words)
        return value

    return check


def _flag(value: Any) -> bool:
    _need(isinstance(value, bool))
    return value


def _qt_state(value: Any) -> str:
    _text(value, MAX_STATE_CHARS)
    _need(_BASE64.fullmatch(value) is not None)
    return value


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "author_name": _name,
    "author_asked": _flag,
    "author_role": _choice(ROLES),
    "tagset_file": lambda v: _path(v, absolute=False),
    "article_font_family": lambda v: _text(v, MAX_FONT_FAMILY_CHARS),
    "article_font_size": _font_size,
    "theme": _choice(THEMES),
    "language": _choice(LANGUAGES),
    "fallback_folder": lambda v: _path(v, absolute=True),
    "hand_in_folder": lambda v: _path(v, absolute=True),
    "recent_files": _recent,
    "splitter_state": _qt_state,
    "window_geometry": _qt_state,
    "zoom": lambda v: _number(v, *ZOOM_RANGE),
}


def _settings_from_json(data: dict[str, Any]) -> Settings:
    # Each member is checked on its own so one bad value does not lose the others.
    values: dict[str, Any] = {}
    for member in fields(Settings):
        if member.name in data:
            with contextlib.suppress(ValueError):  # the member keeps its default
                values[member.name] = _CHECKS[member.name](data[member.name])
    return Settings(**values)


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
