"""``slant handin``: a named copy in the folder the student picks, never without a name."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

STORY = "Harbour news\n\nThe so-called experts said the ferry plan was a disaster.\n"
HAND_IN = "Harbour news - {name}.slant.json"


def slant(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would; return the completed process (text output)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2])),
        timeout=120,
    )


def student_article(folder: Path, quote: str, *extra: str) -> Path:
    """A student's copy of the article in *folder*, with *quote* tagged."""
    folder.mkdir(parents=True)
    article = folder / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    added = slant("add", str(article), "--tag", "loaded-label", "--quote", quote, *extra)
    assert added.returncode == 0, added.stderr
    return article


@pytest.fixture
def usb(tmp_path: Path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_hand_in_writes_a_named_copy_and_says_where(tmp_path: Path, usb: Path) -> None:
    article = student_article(tmp_path / "maya", "so-called experts")
    result = slant("handin", str(article), "-o", str(usb), "--author", "Maya Ruiz")
    assert result.returncode == 0, result.stderr
    written = usb / HAND_IN.format(name="Maya Ruiz")
    assert result.stdout.strip() == str(written)
    assert written.is_file()
    checked = slant("check", str(written))
    assert checked.returncode == 0, checked.stderr


def test_the_name_in_the_annotations_is_used_when_none_is_given(tmp_path: Path, usb) -> None:
    article = student_article(tmp_path / "omar", "ferry plan", "--author", "Omar Haddad")
    result = slant("handin", str(article), "--output", str(usb))
    assert result.returncode == 0, result.stderr
    assert (usb / HAND_IN.format(name="Omar Haddad")).is_file()


def test_without_a_folder_the_copy_goes_to_the_current_one(tmp_path: Path) -> None:
    article = student_article(tmp_path / "li", "ferry plan")
    result = slant("handin", str(article), "--author", "Li", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / HAND_IN.format(name="Li")).is_file()


def test_without_a_name_nothing_is_handed_in_and_the_message_says_how(
    tmp_path: Path, usb: Path
) -> None:
    article = student_article(tmp_path / "anon", "ferry plan")
    result = slant("handin", str(article), "-o", str(usb))
    assert result.returncode == 1
    assert "--author" in result.stderr and str(article) in result.stderr
    assert "Traceback" not in result.stderr
    assert list(usb.iterdir()) == []


def test_an_earlier_hand_in_is_replaced_only_with_force(tmp_path: Path, usb: Path) -> None:
    article = student_article(tmp_path / "maya", "ferry plan")
    assert slant("handin", str(article), "-o", str(usb), "--author", "Maya").returncode == 0
    written = usb / HAND_IN.format(name="Maya")
    before = written.read_bytes()
    slant("add", str(article), "--tag", "unsourced-claim", "--quote", "so-called experts")
    again = slant("handin", str(article), "-o", str(usb), "--author", "Maya")
    assert again.returncode == 1
    assert "--force" in again.stderr and written.name in again.stderr
    assert written.read_bytes() == before
    forced = slant("handin", str(article), "-o", str(usb), "--author", "Maya", "--force")
    assert forced.returncode == 0, forced.stderr
    assert written.read_bytes() != before
    assert sorted(p.name for p in usb.iterdir()) == [written.name]


def test_a_missing_folder_gets_one_message_naming_it(tmp_path: Path) -> None:
    article = student_article(tmp_path / "maya", "ferry plan")
    missing = tmp_path / "unplugged"
    result = slant("handin", str(article), "-o", str(missing), "--author", "Maya")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0] and "does not exist" in lines[0]


def test_the_class_names_both_students_who_handed_in(tmp_path: Path, usb: Path) -> None:
    maya = student_article(tmp_path / "maya", "so-called experts", "--author", "Maya Ruiz")
    omar = student_article(tmp_path / "omar", "ferry plan")
    assert slant("handin", str(maya), "-o", str(usb)).returncode == 0
    assert slant("handin", str(omar), "-o", str(usb), "--author", "Omar Haddad").returncode == 0
    teacher = tmp_path / "teacher"
    teacher.mkdir()
    (teacher / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "report"
    result = slant("class", str(teacher / "story.txt"), str(usb), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "skipped" not in result.stderr
    students = (out / "students.csv").read_text(encoding="utf-8-sig")
    assert "Maya Ruiz" in students and "Omar Haddad" in students
