"""The window and planted sidecars: a link is never read or written through."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import paths
from app.core.errors import SidecarError
from app.core.sidecar import read_sidecar, sidecar_path
from app.ui.messages import ConfirmMessage, ProblemMessage, QuestionMessage

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links as a user makes them")
STORY = "Harbour news\n\nThe so-called experts said the ferry plan was a disaster.\n"


@pytest.fixture
def dialogs(monkeypatch) -> SimpleNamespace:
    """Replace every dialog and record what the window said."""
    record = SimpleNamespace(problems=[])
    monkeypatch.setattr(
        ProblemMessage,
        "ask",
        classmethod(lambda cls, parent, title, text: record.problems.append(text)),
    )
    monkeypatch.setattr(QuestionMessage, "ask", classmethod(lambda cls, *args: True))
    monkeypatch.setattr(ConfirmMessage, "ask", classmethod(lambda cls, *args: False))
    return record


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    folder = tmp_path / "hand-in"
    folder.mkdir()
    path = folder / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def _ids(path: Path) -> set[str] | None:
    try:
        return {a.id for a in read_sidecar(path).annotations}
    except SidecarError:
        return None


def test_a_sidecar_linking_to_a_teachers_file_is_left_alone_and_work_goes_to_the_fallback(
    qtbot, new_main_window, dialogs, article_path: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"grades")
    sidecar_path(article_path).symlink_to(secret)
    window = new_main_window()
    assert window.open_path(article_path)
    assert dialogs.problems == []
    fallback = paths.fallback_sidecar_path(article_path)
    bar = window.message_bar
    # One message that names the fallback file once, however long its path.
    assert bar.text() == (
        "story.txt.slant.json is not an ordinary file (it is a link, a folder or a device), "
        "so Slant does not read it and leaves it as it is. Slant starts with no annotations. "
        f"New ones you make are saved to {fallback}."
    )
    assert bar.details() == (
        "story.txt.slant.json: this is a link to another file; "
        "Slant neither reads nor writes annotations through a link."
    )
    start = STORY.index("so-called")
    added = window.document.add("loaded-label", start, start + len("so-called"))
    qtbot.waitUntil(lambda: _ids(fallback) == {added.id}, timeout=3000)
    assert bar.text().count(str(fallback)) == 1, "saving there is not announced again"
    assert secret.read_bytes() == b"grades"
    assert not (tmp_path / "secret.txt.bak").exists()
    assert list(article_path.parent.glob("*.corrupt-*")) == []
    assert sidecar_path(article_path).is_symlink()


def test_reopened_beside_a_link_the_fallback_file_is_named_once(
    qtbot, new_main_window, dialogs, article_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "secret.txt").write_bytes(b"grades")
    sidecar_path(article_path).symlink_to(tmp_path / "secret.txt")
    first = new_main_window()
    assert first.open_path(article_path)
    start = STORY.index("so-called")
    added = first.document.add("loaded-label", start, start + len("so-called"))
    fallback = paths.fallback_sidecar_path(article_path)
    qtbot.waitUntil(lambda: _ids(fallback) == {added.id}, timeout=3000)
    first.close()
    again = new_main_window()
    assert again.open_path(article_path)
    assert [a.id for a in again.document.annotations()] == [added.id]
    assert again.message_bar.text().endswith(
        f"Slant shows the annotations from {fallback} and saves new ones you make there."
    )
    assert again.message_bar.text().count(str(fallback)) == 1
    assert dialogs.problems == []


def test_a_broken_sidecar_is_copied_aside_without_following_planted_links(
    qtbot, new_main_window, dialogs, article_path: Path, tmp_path: Path
) -> None:
    broken = sidecar_path(article_path)
    broken.write_bytes(b"[Desktop Entry]\nExec=evil\n")
    autostart = tmp_path / "autostart" / "updater.desktop"
    autostart.parent.mkdir()
    now = datetime.now(UTC)
    for second in range(60):
        stamp = (now + timedelta(seconds=second)).strftime("%Y%m%dT%H%M%SZ")
        (broken.parent / f"{broken.name}.corrupt-{stamp}").symlink_to(autostart)
    window = new_main_window()
    assert window.open_path(article_path)
    assert not autostart.exists()
    copies = [p for p in broken.parent.glob("*.corrupt-*") if not p.is_symlink()]
    assert len(copies) == 1 and copies[0].read_bytes() == b"[Desktop Entry]\nExec=evil\n"
    assert dialogs.problems == [] and copies[0].name in window.message_bar.text()
