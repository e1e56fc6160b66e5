"""Shared fixtures: every test gets its own Slant folders, never the user's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_ARTICLES = REPO_ROOT.parent / "shared" / "articles"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that drives Qt widgets (uses qtbot) as ``gui``."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_slant_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch) -> Path:
    """Point config, data and fallback folders at a fresh temporary folder."""
    home = tmp_path_factory.mktemp("slant-home")
    monkeypatch.setenv("SLANT_HOME", str(home))
    return home


@pytest.fixture
def shared_articles() -> list[Path]:
    """The real news articles in ../shared/articles; skip when that folder is absent."""
    if not SHARED_ARTICLES.is_dir():
        pytest.skip("../shared/articles is not present")
    files = sorted(p for p in SHARED_ARTICLES.iterdir() if p.is_file())
    if not files:
        pytest.skip("../shared/articles is empty")
    return files
