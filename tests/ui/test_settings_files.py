"""Planted settings and tag-set files: the window starts, says what was wrong, keeps the file."""

from __future__ import annotations

import json
import os
import signal
import stat
import time
from pathlib import Path

import pytest

from app.core.tags import default_tagset
from app.ui.app import run_gui
from app.ui.dialogs.preferences import PreferencesDialog
from app.ui.messages import ProblemMessage
from app.ui.settings import SETTINGS_FILE_NAME, Settings, load_settings, settings_path

STORY = "Headline\n\nThe so-called experts said the plan was a disaster.\n"
HUGE_ZOOM = '{"zoom": 1' + "0" * 5000 + "}"
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")


@pytest.fixture
def deadline():
    """Fail, rather than hang the suite, when a planted FIFO blocks Slant for 20 s."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expire(signum, frame):
        # Not TimeoutError: that is an OSError, which the code under test may catch.
        pytest.fail("Slant blocked on a planted file for 20 s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def problems(monkeypatch) -> list[tuple[str, str]]:
    """The (title, text) of every problem message the window shows."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ProblemMessage,
        "ask",
        classmethod(lambda cls, parent, title, text: shown.append((title, text))),
    )
    return shown


@pytest.fixture
def start(new_main_window, monkeypatch):
    """Start main windows as Slant does (the name question skipped); shut them down after."""
    from app.ui.dialogs.author_dialog import AuthorDialog

    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))
    made = []

    def make():
        made.append(new_main_window())
        return made[-1]

    yield make
    for window in made:
        window.document.shutdown()


def plant(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def kept_aside() -> list[Path]:
    return sorted(settings_path().parent.glob(SETTINGS_FILE_NAME + ".corrupt-*"))


def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


# -- a settings file that is no settings file ---------------------------------------------


def test_a_5000_digit_zoom_is_reported_once_and_the_file_kept_aside(qtbot, start, problems):
    plant(HUGE_ZOOM)
    window = start()
    qtbot.waitUntil(lambda: bool(problems))
    assert window.settings == Settings()
    [(_, text)] = problems
    assert str(settings_path()) in text
    assert "number" in text
    [copy] = kept_aside()
    assert copy.read_text(encoding="utf-8") == HUGE_ZOOM
    assert copy.name in text
    assert load_settings() == (Settings(), "")  # the next start is a quiet one


@needs_fifo
def test_a_fifo_as_settings_file_neither_hangs_nor_stops_the_start(
    qtbot, start, problems, deadline
):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_path())
    window = start()
    qtbot.waitUntil(lambda: bool(problems))
    assert window.settings == Settings()
    [(_, text)] = problems
    assert "not a regular file" in text
    [copy] = kept_aside()
    assert stat.S_ISFIFO(copy.lstat().st_mode)


@needs_dev_zero
def test_settings_linked_to_dev_zero_are_refused_without_reading_them(qtbot, start, problems):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().symlink_to("/dev/zero")
    window = start()
    qtbot.waitUntil(lambda: bool(problems))
    assert window.settings == Settings()
    assert "not a regular file" in problems[0][1]
    [copy] = kept_aside()
    assert copy.is_symlink()


def test_a_settings_file_too_big_to_be_settings_is_not_read(qtbot, start, problems):
    plant(" " * (2 << 20) + "{}")
    start()
    qtbot.waitUntil(lambda: bool(problems))
    assert "too big" in problems[0][1]


def test_the_copy_is_made_beside_never_through_a_planted_link(qtbot, start, problems, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    plant("{broken")
    now = time.time()
    for second in range(-1, 5):
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now + second))
        (settings_path().parent / f"{SETTINGS_FILE_NAME}.corrupt-{stamp}").symlink_to(victim)
    start()
    qtbot.waitUntil(lambda: bool(problems))
    assert victim.read_text(encoding="utf-8") == "keep me"
    copies = [p for p in kept_aside() if not p.is_symlink()]
    assert [p.read_text(encoding="utf-8") for p in copies] == ["{broken"]


@needs_fifo
def test_a_screenshot_run_with_a_fifo_settings_file_changes_nothing(
    qtbot, tmp_path, problems, deadline, keep_app_look, capsys
):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_path())
    assert run_gui(story(tmp_path), screenshot=tmp_path / "x.png", size=(600, 400)) == 0
    assert problems == []
    assert "not a regular file" in capsys.readouterr().err
    assert stat.S_ISFIFO(settings_path().lstat().st_mode)
    assert kept_aside() == []


# -- values that are no values -----------------------------------------------------------


@pytest.mark.parametrize(
    ("member", "planted", "expected"),
    [
        ("zoom", 10**100, 400),
        ("zoom", "150", 100),
        ("zoom", True, 100),
        ("author_name", "A" * 5000, "A" * 80),
        ("author_name", "Ada\n\tLovelace\x00\x1b[2J", "Ada Lovelace [2J"),
        ("article_font_family", "F" * 5000, ""),
        ("tagset_file", "/class/tags\x00.json", ""),
        ("tagset_file", "/" + "t" * 5000, ""),
        ("fallback_folder", "relative/folder", ""),
        ("fallback_folder", "/backup\x00", ""),
        ("hand_in_folder", "relative/usb", ""),
        ("hand_in_folder", ["/media/usb"], ""),
        ("hand_in_folder", "/media/usb", "/media/usb"),
        ("recent_files", ["/a.md", 3, "/b\x00.md", "relative.md", "/c.md"], ["/a.md", "/c.md"]),
        ("window_geometry", "é", ""),
        ("splitter_state", "<not base64>", ""),
        ("language", "fr", "system"),
    ],
)
def test_each_setting_is_checked_for_type_and_range_on_its_own(member, planted, expected):
    plant(json.dumps({member: planted, "theme": "dark"}))
    settings, problem = load_settings()
    assert problem == ""
    assert getattr(settings, member) == expected
    assert settings.theme == "dark"


@pytest.mark.parametrize(
    "planted",
    [
        {"window_geometry": "é"},
        {"splitter_state": "\u202e"},
    ],
)
def test_values_that_stopped_the_start_are_dropped(qtbot, start, problems, planted, tmp_path):
    plant(json.dumps(planted))
    window = start()
    assert window.open_path(story(tmp_path))
    assert problems == []


def test_a_tag_set_path_with_a_nul_gives_the_four_tags(qtbot, start, tmp_path):
    plant(json.dumps({"tagset_file": str(tmp_path / "tags\x00.json")}))
    window = start()
    assert window.open_path(story(tmp_path))
    assert window.document.tagset == default_tagset()


# -- the default tag set -----------------------------------------------------------------


def tagset_cases(tmp_path: Path) -> dict[str, Path]:
    cases = {}
    huge = tmp_path / "huge.json"
    huge.write_text('{"name": "x", "tags": [], "n": 1' + "0" * 5000 + "}", encoding="utf-8")
    cases["huge"] = huge
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "fifo.json"
        os.mkfifo(fifo)
        cases["fifo"] = fifo
    if Path("/dev/zero").exists():
        zero = tmp_path / "zero.json"
        zero.symlink_to("/dev/zero")
        cases["zero"] = zero
    folder = tmp_path / "folder.json"
    folder.mkdir()
    cases["folder"] = folder
    return cases


@pytest.mark.parametrize("case", ["huge", "fifo", "zero", "folder"])
def test_a_bad_default_tag_set_gives_the_four_tags_and_a_notice(
    qtbot, start, tmp_path, deadline, case
):
    cases = tagset_cases(tmp_path)
    if case not in cases:
        pytest.skip(f"no {case} here")
    plant(json.dumps({"tagset_file": str(cases[case])}))
    window = start()
    assert window.open_path(story(tmp_path))
    assert window.document.tagset == default_tagset()
    assert cases[case].name in window.message_bar.text()


@pytest.mark.parametrize("case", ["huge", "fifo", "zero", "folder"])
def test_the_preferences_explain_a_bad_tag_set_file(qtbot, tmp_path, deadline, case):
    cases = tagset_cases(tmp_path)
    if case not in cases:
        pytest.skip(f"no {case} here")
    dialog = PreferencesDialog(Settings(tagset_file=str(cases[case])))
    qtbot.addWidget(dialog)
    assert cases[case].name in dialog.tagset_status.text()
    assert cases[case].name in dialog.problem()


# -- the other files the window reads itself ----------------------------------------------


@needs_fifo
def test_a_tag_guide_that_is_a_fifo_gives_an_empty_guide(tmp_path, monkeypatch, deadline):
    from app import paths
    from app.ui.dialogs.tag_guide import bundled_guide

    fifo = tmp_path / "tag-guide.en.json"
    os.mkfifo(fifo)
    monkeypatch.setattr(paths, "resource_path", lambda *parts: fifo)
    bundled_guide.cache_clear()
    try:
        assert bundled_guide("en") == {"text": {}, "tags": {}}
    finally:
        bundled_guide.cache_clear()
