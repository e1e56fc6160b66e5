"""Where Slant keeps things: the only module that uses platformdirs.

Setting SLANT_HOME sends every folder under one directory (tests, portable installs).
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Slant"
_ENV_BASE = "SLANT_HOME"


def _base_override() -> Path | None:
    value = os.environ.get(_ENV_BASE)
    return Path(value) if value else None


def config_dir() -> Path:
    """Folder for settings and the recent-files list."""
    base = _base_override()
    return base / "config" if base else Path(platformdirs.user_config_dir(APP_NAME, False))


def data_dir() -> Path:
    """Folder for data Slant keeps for the user (fallback saves)."""
    base = _base_override()
    return base / "data" if base else Path(platformdirs.user_data_dir(APP_NAME, False))


def cache_dir() -> Path:
    """Folder for what Slant can make again (the articles taken out of saved web pages)."""
    base = _base_override()
    return base / "cache" if base else Path(platformdirs.user_cache_dir(APP_NAME, False))


_chosen_fallback: Path | None = None


def default_fallback_dir() -> Path:
    """Slant's own folder for fallback saves, inside the user data folder."""
    return data_dir() / "fallback"


def fallback_dir() -> Path:
    """Folder where sidecars go when the article's own folder cannot be written."""
    return _chosen_fallback or default_fallback_dir()


def set_fallback_dir(folder: Path | None) -> None:
    """Use *folder* for fallback saves (a preference); None restores the default."""
    global _chosen_fallback
    _chosen_fallback = Path(folder) if folder else None


def fallback_sidecar_path(article_path: Path, folder: Path | None = None) -> Path:
    """Per-article sidecar path in the fallback *folder* (default: the current one)."""
    resolved = str(Path(article_path).resolve())
    digest = hashlib.sha256(resolved.encode("utf-8")).hexdigest()[:16]
    return (folder or fallback_dir()) / f"{Path(article_path).name}.{digest}.slant.json"


def resources_dir() -> Path:
    """The resources folder, in a source checkout, an installed wheel or a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    package_dir = Path(__file__).resolve().parent
    candidates = [
        Path(frozen_root) / "resources" if frozen_root else None,
        package_dir / "resources",  # the wheel maps resources/ to app/resources/
        package_dir.parent / "resources",  # a source checkout
    ]
    for candidate in candidates:
        if candidate is not None and (candidate / "samples").is_dir():
            return candidate
    raise FileNotFoundError("Slant's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource file, e.g. ``resource_path("samples", "x.html")``."""
    return resources_dir().joinpath(*parts)


def sample_article() -> Path | None:
    """The bundled sample article (its answer key lies beside it), or None when missing."""
    try:
        samples = resource_path("samples")
        # The folder holds the article (a saved web page) and its answer key.
        articles = sorted(p for p in samples.iterdir() if not p.name.endswith(".slant.json"))
    except OSError:  # FileNotFoundError from resources_dir too
        return None
    return articles[0] if articles else None
