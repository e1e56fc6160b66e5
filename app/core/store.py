"""Where an article's annotations live: find, read and save its sidecar safely.

Every entry point (window, CLI, class commands) goes through ``open_annotations`` and
``save_annotations`` so that re-anchoring, the fallback folder and broken-file handling
behave the same everywhere.
"""

from __future__ import annotations

import errno
import shutil
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from app import paths
from app.core.article import Article
from app.core.errors import SidecarError
from app.core.sidecar import (
    ArticleRef,
    Author,
    Sidecar,
    new_sidecar,
    read_sidecar,
    sidecar_path,
    write_sidecar,
)

# Errors after which writing beside the article is pointless and the fallback folder is used.
_FALLBACK_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT}


def candidate_paths(article: Article) -> list[Path]:
    """The sidecar beside the article, then its fallback copy in the user data folder."""
    assert article.path is not None, "only articles loaded from a file have sidecars"
    return [sidecar_path(article.path), paths.fallback_sidecar_path(article.path)]


def open_annotations(article: Article, author: Author | None = None) -> tuple[Sidecar, Path]:
    """Return the article's sidecar (re-anchored to its text) and the path it came from.

    The newest existing candidate wins; with none, a new empty sidecar for the path beside
    the article. Raises SidecarError when the file exists but cannot be used.
    """
    existing = [path for path in candidate_paths(article) if path.is_file()]
    if not existing:
        return new_sidecar(article, author), candidate_paths(article)[0]
    newest = max(existing, key=lambda path: path.stat().st_mtime_ns)
    return read_sidecar(newest, article), newest


def current_article_ref(article: Article, previous: ArticleRef) -> ArticleRef:
    """The article reference a sidecar saved now should carry (unknown members kept)."""
    name = article.path.name if article.path is not None else previous.file
    return replace(
        previous, file=name, sha256=article.sha256, length=article.length, title=article.title
    )


def save_annotations(article: Article, sidecar: Sidecar) -> Path:
    """Write *sidecar* beside the article, or in the fallback folder when that fails.

    Returns the path written. Raises SidecarError when neither place can be written.
    """
    primary, fallback = candidate_paths(article)
    sidecar = replace(sidecar, article=current_article_ref(article, sidecar.article))
    try:
        write_sidecar(primary, sidecar)
        return primary
    except SidecarError as exc:
        cause = exc.__cause__
        if not isinstance(cause, OSError) or cause.errno not in _FALLBACK_ERRNOS:
            raise
        first_error = exc
    fallback.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_sidecar(fallback, sidecar)
    except SidecarError as exc:
        raise SidecarError(f"{first_error} Saving a copy to {fallback} failed too: {exc}") from exc
    return fallback


def quarantine(path: Path) -> Path:
    """Copy a broken sidecar aside as ``<sidecar>.corrupt-<timestamp>``; return the copy.

    The copy never overwrites an earlier one. Raises SidecarError when it cannot be made.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    try:
        shutil.copy2(path, target)
    except OSError as exc:
        raise SidecarError(f"{path}: could not keep a copy of the broken file ({exc})") from exc
    return target
