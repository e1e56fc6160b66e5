"""Zips handed to `slant class` that try to harm: bombs, path tricks, encryption, damage.

Each bad member is skipped with one reason naming the zip and the member, and the rest
of the class still loads; a zip that cannot be read at all is one clear ClassError.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from app.core import submissions, zip_members
from app.core.classroom import ClassError, gather_class
from tests.core.test_lms_submissions import annotation, make_article, make_zip, sidecar_bytes


def good(article) -> bytes:
    return sidecar_bytes(article, "Ana", [annotation(article, "radical")])


def reasons(data) -> dict[str, str]:
    return {str(path): reason for path, reason in data.skipped}


@pytest.mark.parametrize(
    "name",
    [
        "../../escaped.slant.json",
        "/etc/cron.d/abs.slant.json",
        "C:\\Users\\Public\\drive.slant.json",
        "..\\..\\back.slant.json",
        "a/./../b//dots.slant.json",
    ],
)
def test_member_names_are_only_names_nothing_is_written(tmp_path: Path, name: str) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(tmp_path / "class.zip", {name: good(article)})
    before = sorted(os.listdir(tmp_path))
    cwd_before = sorted(os.listdir(Path.cwd()))
    data = gather_class(article, [zipped])
    (student,) = data.students
    assert student.name == "Ana" and data.skipped == []
    assert str(student.path).startswith(f"{zipped}/")  # shown inside the zip, never opened
    assert sorted(os.listdir(tmp_path)) == before
    assert sorted(os.listdir(Path.cwd())) == cwd_before


def test_a_member_that_inflates_far_beyond_its_size_is_not_read(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "class.zip",
        {"bomb.slant.json": b" " * (3 * 2**20), "ana.slant.json": good(article)},
    )
    data = gather_class(article, [zipped])
    assert [s.name for s in data.students] == ["Ana"]
    reason = reasons(data)[f"{zipped}/bomb.slant.json"]
    assert "compressed over 200 times" in reason


def test_a_member_over_the_sidecar_limit_is_not_read(tmp_path: Path, monkeypatch) -> None:
    article = make_article(tmp_path)
    monkeypatch.setattr(submissions, "MAX_SIDECAR_BYTES", 2**20)
    big = b'{"format": "slant-annotations", "padding": "' + os.urandom(2**20).hex().encode()
    zipped = make_zip(
        tmp_path / "class.zip", {"big.slant.json": big, "a.slant.json": good(article)}
    )
    data = gather_class(article, [zipped])
    assert [s.name for s in data.students] == ["Ana"]
    assert "too big: 2 MB, over the 1 MB read" in reasons(data)[f"{zipped}/big.slant.json"]


def test_past_the_zips_total_the_other_members_are_listed_not_read(
    tmp_path: Path, monkeypatch
) -> None:
    article = make_article(tmp_path)
    members = {
        f"{name}.slant.json": sidecar_bytes(article, name, [annotation(article, quote)])
        for name, quote in (("a", "radical"), ("b", "giveaway"), ("c", "sources say"))
    }
    first_two = sum(len(data) for data in list(members.values())[:2])
    monkeypatch.setattr(zip_members, "MAX_TOTAL_BYTES", first_two + 10)
    zipped = make_zip(tmp_path / "class.zip", members)
    data = gather_class(article, [zipped])
    assert [s.name for s in data.students] == ["a", "b"]
    assert "add up to more than" in reasons(data)[f"{zipped}/c.slant.json"]


def test_big_zips_of_other_work_inside_never_use_up_what_sidecars_may_read(
    tmp_path: Path, monkeypatch
) -> None:
    article = make_article(tmp_path)
    one = good(article)
    monkeypatch.setattr(zip_members, "MAX_TOTAL_BYTES", len(one) + 10)
    # Read whole (it fits the total), the project would leave too little for the sidecar.
    project = make_zip(tmp_path / "project.zip", {"main.py": os.urandom(len(one) // 2)})
    members = {"smithbob_1_2_project.zip": project.read_bytes(), "a.slant.json": one}
    data = gather_class(article, [make_zip(tmp_path / "class.zip", members)])
    assert [s.name for s in data.students] == ["Ana"]
    assert data.skipped == []


def test_a_zip_listing_too_many_members_is_refused_before_reading_them(
    tmp_path: Path, monkeypatch
) -> None:
    article = make_article(tmp_path)
    monkeypatch.setattr(zip_members, "MAX_MEMBERS", 5)
    zipped = make_zip(tmp_path / "class.zip", {f"{n}.txt": b"x" for n in range(6)})
    with pytest.raises(ClassError, match=r"class\.zip: the zip lists 6 files, more than the 5"):
        gather_class(article, [zipped])


def test_an_encrypted_member_is_refused_clearly(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "class.zip", {"locked.slant.json": b"\x00" * 40, "ana.slant.json": good(article)}
    )
    # Mark the first member password-protected, as its entry in the zip's list says
    # (zipfile cannot write encrypted members itself).
    raw = bytearray(zipped.read_bytes())
    listed = raw.index(b"PK\x01\x02")
    raw[listed + 8] |= 0x1
    zipped.write_bytes(bytes(raw))
    data = gather_class(article, [zipped])
    assert [s.name for s in data.students] == ["Ana"]
    assert "encrypted" in reasons(data)[f"{zipped}/locked.slant.json"]


def test_a_zip_inside_the_zip_is_read_one_level_deep(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    deepest = make_zip(tmp_path / "deepest.zip", {"c.slant.json": good(article)})
    inner = make_zip(
        tmp_path / "inner.zip",
        {
            "Ben_5_assignsubmission_file_/b.slant.json": sidecar_bytes(
                article, "", [annotation(article, "giveaway")]
            ),
            "deeper.zip": deepest.read_bytes(),
        },
    )
    zipped = make_zip(
        tmp_path / "class.zip", {"inner.zip": inner.read_bytes(), "a.slant.json": good(article)}
    )
    data = gather_class(article, [zipped])
    assert sorted((s.name, s.name_source) for s in data.students) == [
        ("Ana", "sidecar"),
        ("Ben", "lms folder"),
    ]
    assert "a zip inside a zip inside the zip" in reasons(data)[f"{zipped}/inner.zip/deeper.zip"]


def test_a_damaged_member_is_skipped_and_the_rest_loads(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    data = good(article)
    zipped = tmp_path / "class.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("damaged.slant.json", data.replace(b"radical", b"RADICAL"))
        archive.writestr("ana.slant.json", data)
    raw = zipped.read_bytes()
    # The stored bytes change after their checksum was written.
    zipped.write_bytes(raw.replace(b"RADICAL", b"Radical", 1))
    gathered = gather_class(article, [zipped])
    assert [s.name for s in gathered.students] == ["Ana"]
    assert "Bad CRC-32" in reasons(gathered)[f"{zipped}/damaged.slant.json"]


def test_a_damaged_compressed_stream_is_skipped_not_a_traceback(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "class.zip",
        {"damaged.slant.json": good(article), "ana.slant.json": good(article)},
    )
    raw = bytearray(zipped.read_bytes())
    data_start = 30 + len("damaged.slant.json")  # after the first member's local header
    for at in range(data_start + 5, data_start + 60):
        raw[at] ^= 0xFF
    zipped.write_bytes(bytes(raw))
    data = gather_class(article, [zipped])
    assert [s.name for s in data.students] == ["Ana"]
    assert "cannot be read from the zip" in reasons(data)[f"{zipped}/damaged.slant.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"this is not a zip at all", "not a zip file"), (None, "not a zip file")],
)
def test_a_zip_that_cannot_be_read_is_one_clear_error(
    tmp_path: Path, content: bytes | None, words: str
) -> None:
    article = make_article(tmp_path)
    zipped = tmp_path / "class.zip"
    if content is None:  # a download cut short
        make_zip(zipped, {"a.slant.json": good(article)})
        content = zipped.read_bytes()[:-30]
    zipped.write_bytes(content)
    with pytest.raises(ClassError, match=words) as raised:
        gather_class(article, [zipped])
    assert str(zipped) in str(raised.value)


def test_control_characters_in_member_names_are_shown_not_used(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(tmp_path / "class.zip", {"a\x1b[2Jb\x07.slant.json": b"{"})
    data = gather_class(article, [zipped])
    ((path, reason),) = data.skipped
    assert path.name == "a\ufffd[2Jb\ufffd.slant.json"
    assert "not valid JSON" in reason
