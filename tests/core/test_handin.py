"""Handing in: the copy's name, where it goes, and what is never overwritten."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from app.core import atomic, store
from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.classroom import gather_class
from app.core.handin import (
    MAX_NAME_BYTES,
    MAX_TITLE_BYTES,
    HandInError,
    HandInExists,
    hand_in,
    hand_in_name,
)
from app.core.sidecar import read_sidecar

TEXT = "Town votes on the harbour\n\nThe council voted 5-2 on Monday, insiders claim.\n"


@pytest.fixture
def article(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def annotated(article, quote: str, tag: str = "verifiable-fact"):
    sidecar, _ = store.open_annotations(article)
    start = article.text.index(quote)
    sidecar.annotations.append(make_annotation(article.text, tag, start, start + len(quote)))
    return sidecar


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    made = tmp_path / "usb"
    made.mkdir()
    return made


def test_the_copy_is_named_after_the_article_title_and_the_student(article, folder) -> None:
    written = hand_in(article, annotated(article, "5-2"), "Maya Ruiz", folder)
    assert written == folder / "Town votes on the harbour - Maya Ruiz.slant.json"
    copy = read_sidecar(written, article)
    assert copy.author.name == "Maya Ruiz"
    assert [a.exact for a in copy.annotations] == ["5-2"]


def test_the_students_own_sidecar_is_left_as_it_was(article, folder) -> None:
    own = store.save_annotations(article, annotated(article, "5-2"))
    before = own.read_bytes()
    hand_in(article, read_sidecar(own, article), "Maya", folder)
    assert own.read_bytes() == before
    assert read_sidecar(own, article).author.name == ""


@pytest.mark.parametrize(
    ("title", "student", "expected"),
    [
        ('Phones: a ban? <yes> "no"', "Bo\x00b.", "Phones a ban yes no - Bo b"),
        ("CON", "Ana", "CON - Ana"),  # a device name only before the first dot
        ("nul.txt", "Ana", "_nul.txt - Ana"),
        ("Story", "CON", "Story - CON"),
        ("Story", "Bob.key", "Story - Bob_key"),
        ("Story", "???", "Story - _"),
        ("", "Ana", "article - Ana"),
    ],
)
def test_names_follow_the_safe_file_name_rule_with_fallbacks(
    title: str, student: str, expected: str
) -> None:
    assert hand_in_name(title, student) == expected + ".slant.json"


def test_long_titles_and_names_are_cut_on_whole_letters() -> None:
    name = hand_in_name("ñ" * 300, "é" * 300)
    title, student = name.removesuffix(".slant.json").split(" - ")
    assert 0 < len(title.encode()) <= MAX_TITLE_BYTES
    assert 0 < len(student.encode()) <= MAX_NAME_BYTES
    assert set(title) == {"ñ"} and set(student) == {"é"}
    assert len(name.encode()) < 255


def test_without_a_name_nothing_is_written(article, folder) -> None:
    with pytest.raises(HandInError, match="name"):
        hand_in(article, annotated(article, "5-2"), "   ", folder)
    assert list(folder.iterdir()) == []


def test_an_existing_hand_in_is_kept_unless_replacing_is_asked_for(article, folder) -> None:
    first = hand_in(article, annotated(article, "5-2"), "Maya", folder)
    with pytest.raises(HandInExists) as raised:
        hand_in(article, annotated(article, "insiders claim"), "Maya", folder)
    assert raised.value.path == first
    assert [a.exact for a in read_sidecar(first, article).annotations] == ["5-2"]
    hand_in(article, annotated(article, "insiders claim"), "Maya", folder, overwrite=True)
    assert [a.exact for a in read_sidecar(first, article).annotations] == ["insiders claim"]
    assert sorted(p.name for p in folder.iterdir()) == [first.name]  # no .bak, no temp file


def test_a_link_with_the_hand_ins_name_is_never_written_through(article, folder, tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("keep me", encoding="utf-8")
    link = folder / hand_in_name(article.title, "Maya")
    link.symlink_to(elsewhere)
    with pytest.raises(HandInExists):
        hand_in(article, annotated(article, "5-2"), "Maya", folder)
    with pytest.raises(HandInError, match="usb"):
        hand_in(article, annotated(article, "5-2"), "Maya", folder, overwrite=True)
    assert elsewhere.read_text(encoding="utf-8") == "keep me"


def test_a_missing_folder_is_named_in_one_sentence(article, tmp_path) -> None:
    missing = tmp_path / "E:" / "unplugged"
    with pytest.raises(HandInError) as raised:
        hand_in(article, annotated(article, "5-2"), "Maya", missing)
    assert str(missing) in str(raised.value)
    assert "does not exist" in str(raised.value)


def test_a_file_given_as_the_folder_is_refused(article, tmp_path) -> None:
    with pytest.raises(HandInError, match="not a folder"):
        hand_in(article, annotated(article, "5-2"), "Maya", article.path)


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EACCES, "not allowed"), (errno.EROFS, "read-only"), (errno.ENOSPC, "disk is full")],
)
def test_a_folder_that_cannot_be_written_is_named(
    article, folder, monkeypatch, code: int, reason: str
) -> None:
    def refused(path, data, **options):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(atomic, "write_atomically", refused)
    with pytest.raises(HandInError) as raised:
        hand_in(article, annotated(article, "5-2"), "Maya", folder)
    message = str(raised.value)
    assert message.startswith(str(folder)) and reason in message
    assert message.count(str(folder)) == 1


def test_the_class_reads_two_hand_ins_with_both_names(article, folder) -> None:
    hand_in(article, annotated(article, "5-2"), "Maya Ruiz", folder)
    other = annotated(article, "insiders claim", "unsourced-claim")
    hand_in(article, other, "Omar Haddad", folder)
    class_data = gather_class(article, [folder])
    assert class_data.skipped == []
    assert sorted(s.name for s in class_data.students) == ["Maya Ruiz", "Omar Haddad"]
