"""A class from the zips that Moodle, Canvas and Google Drive download, and from folders.

The zips are built here, in the layouts those platforms use (see app/core/lms_names.py).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.core.annotations import Annotation, make_annotation
from app.core.article import Article, parse_plain_text
from app.core.classroom import ClassData, gather_class, write_class_outputs
from app.core.sidecar import Author, dump_sidecar, new_sidecar

TITLE = "Council backs harbour plan"
TEXT = (
    f"{TITLE}\n\n"
    "The radical plan passed 5-2 on 3 March, sources say. Critics called it a giveaway.\n\n"
    "Subscribe now for more local news!\n"
)
QUOTES = {
    "radical": "loaded-label",
    "sources say": "unsourced-claim",
    "5-2 on 3 March": "verifiable-fact",
    "giveaway": "loaded-label",
}


def make_article(folder: Path) -> Article:
    path = folder / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return parse_plain_text(TEXT, path)


def annotation(article: Article, quote: str, when: str = "2026-03-01T10:00:00Z") -> Annotation:
    start = article.text.index(quote)
    made = make_annotation(article.text, QUOTES[quote], start, start + len(quote))
    return dataclasses.replace(made, created=when, modified=when)


def sidecar_bytes(article: Article, name: str, annotations: list[Annotation]) -> bytes:
    sidecar = new_sidecar(article, Author(name, "student"))
    sidecar.annotations.extend(annotations)
    return dump_sidecar(sidecar)


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def names(data: ClassData) -> list[tuple[str, str]]:
    return [(s.name, s.name_source) for s in data.students]


def test_a_moodle_zip_with_a_folder_per_student_names_the_unnamed(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    folder = "{}_{}_assignsubmission_file_/story.txt.slant.json"
    zipped = make_zip(
        tmp_path / "Harbour-Assignment 1-12345.zip",
        {
            folder.format("Ana Lopez", 1234567): sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
            folder.format("Ben Okafor", 1234568): sidecar_bytes(
                article, "Benjamin", [annotation(article, "sources say")]
            ),
            "Cleo Diaz_1234569_assignsubmission_file_/essay.pdf": b"%PDF-1.7 not a sidecar",
            "Participant_1234570_assignsubmission_file_/story.txt.slant.json": sidecar_bytes(
                article, "", [annotation(article, "giveaway")]
            ),
        },
    )
    data = gather_class(article, [zipped])
    assert names(data) == [
        ("Ana Lopez", "lms folder"),
        ("Benjamin", "sidecar"),  # the sidecar's own name wins
        ("Participant 1234570", "lms folder"),  # blind marking: never one shared name
    ]
    assert data.skipped == []
    ana = data.students[0]
    assert ana.path == Path(
        f"{zipped}/Ana Lopez_1234567_assignsubmission_file_/story.txt.slant.json"
    )
    assert ana.file == "story.txt.slant.json"


def test_moodle_without_folders_and_canvas_name_students_by_file_name(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "submissions.zip",
        {
            "Ana Lopez_1234567_assignsubmission_file_story.txt.slant.json": sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
            "okaforben_20001_90001_story.txt.slant.json": sidecar_bytes(
                article, "", [annotation(article, "sources say")]
            ),
            "diazcleo_LATE_20002_90002_story.txt.slant-1.json": sidecar_bytes(
                article, "", [annotation(article, "giveaway")]
            ),
        },
    )
    data = gather_class(article, [zipped])
    assert names(data) == [
        ("Ana Lopez", "file name"),
        ("diazcleo", "file name"),
        ("okaforben", "file name"),
    ]


def test_google_drive_copies_numbered_1_and_2_are_all_read_and_named(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "Harbour hand-ins-20260301T100000Z-001.zip",
        {
            f"Harbour hand-ins/{TITLE} - Ana Lopez.slant.json": sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
            f"Harbour hand-ins/{TITLE} - Ben Okafor (1).slant.json": sidecar_bytes(
                article, "", [annotation(article, "sources say")]
            ),
            "Harbour hand-ins/story.txt.slant (2).json": sidecar_bytes(
                article, "", [annotation(article, "giveaway")]
            ),
        },
    )
    data = gather_class(article, [zipped])
    assert names(data) == [("", ""), ("Ana Lopez", "file name"), ("Ben Okafor", "file name")]
    assert data.students[0].label == "(no name) (story.txt.slant (2).json)"


def test_students_csv_says_where_each_name_came_from(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "class.zip",
        {
            "Ana Lopez_1_assignsubmission_file_/s.slant.json": sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
            "b.slant.json": sidecar_bytes(article, "Ben", [annotation(article, "giveaway")]),
        },
    )
    write_class_outputs(gather_class(article, [zipped]), tmp_path / "out")
    text = (tmp_path / "out" / "students.csv").read_text(encoding="utf-8-sig")
    rows = {row["student"]: row["name source"] for row in csv.DictReader(io.StringIO(text))}
    assert rows == {"Ana Lopez": "lms folder", "Ben": "sidecar"}


def test_a_file_and_its_copy_keep_the_original_name_not_the_copy(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    data = sidecar_bytes(article, "Maya", [annotation(article, "radical")])
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "maya.story.txt.slant.json").write_bytes(data)
    (tmp_path / "class" / "maya-copy.story.txt.slant.json").write_bytes(data)
    gathered = gather_class(article, [tmp_path / "class"])
    assert [s.file for s in gathered.students] == ["maya.story.txt.slant.json"]
    ((path, reason),) = gathered.skipped
    assert path.name == "maya-copy.story.txt.slant.json"
    assert reason.startswith("duplicate: the same file as") and "maya.story" in reason


@pytest.mark.parametrize("newer_first", [True, False])
def test_of_a_resubmission_the_hand_in_changed_last_is_kept(
    tmp_path: Path, newer_first: bool
) -> None:
    article = make_article(tmp_path)
    first = annotation(article, "radical", "2026-03-01T10:00:00Z")
    later = annotation(article, "sources say", "2026-03-02T08:30:00.5Z")
    older = sidecar_bytes(article, "Maya", [first])
    newer = sidecar_bytes(article, "Maya", [first, later])
    members = {"a/maya.slant.json": older, "b/maya.slant.json": newer}
    if newer_first:
        members = {"a/maya.slant.json": newer, "b/maya.slant.json": older}
    data = gather_class(article, [make_zip(tmp_path / "class.zip", members)])
    (maya,) = data.students
    assert len(maya.sidecar.annotations) == 2
    ((path, reason),) = data.skipped
    assert path.parent.name == ("b" if newer_first else "a")
    assert reason.startswith("an older hand-in by the same student")


def test_two_hand_ins_with_one_lms_student_number_are_one_student(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    members = {
        "lopezana_20001_90001_story.txt.slant.json": sidecar_bytes(
            article, "", [annotation(article, "radical", "2026-03-01T10:00:00Z")]
        ),
        "lopezana_LATE_20001_90007_story.txt.slant-1.json": sidecar_bytes(
            article, "", [annotation(article, "giveaway", "2026-03-05T10:00:00Z")]
        ),
    }
    data = gather_class(article, [make_zip(tmp_path / "class.zip", members)])
    (ana,) = data.students
    assert ana.file == "lopezana_LATE_20001_90007_story.txt.slant-1.json"
    assert "older hand-in" in data.skipped[0][1]


def test_two_students_of_the_same_name_are_never_merged(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    members = {
        "a.slant.json": sidecar_bytes(article, "Alex", [annotation(article, "radical")]),
        "b.slant.json": sidecar_bytes(article, "Alex", [annotation(article, "radical")]),
    }
    data = gather_class(article, [make_zip(tmp_path / "class.zip", members)])
    assert [s.label for s in data.students] == ["Alex (a.slant.json)", "Alex (b.slant.json)"]


def zip_with_raw_name(path: Path, raw: bytes, data: bytes) -> Path:
    """A zip whose one member is named by the bytes *raw*, without the UTF-8 flag (as old
    Windows tools and macOS write them); zipfile itself would set the flag."""
    stand_in = b"N" * len(raw)
    make_zip(path, {stand_in.decode(): data})
    path.write_bytes(path.read_bytes().replace(stand_in, raw))
    return path


def test_member_names_in_cp437_or_unflagged_utf8_are_read_as_meant(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    windows = zip_with_raw_name(
        tmp_path / "windows.zip",
        "Zoë Brontë_7_assignsubmission_file_/s.slant.json".encode("cp437"),
        sidecar_bytes(article, "", [annotation(article, "radical")]),
    )
    mac = zip_with_raw_name(
        tmp_path / "mac.zip",
        "José Núñez_8_assignsubmission_file_/s.slant.json".encode(),
        sidecar_bytes(article, "", [annotation(article, "giveaway")]),
    )
    data = gather_class(article, [windows, mac])
    assert sorted(s.name for s in data.students) == ["José Núñez", "Zoë Brontë"]


def test_a_hand_in_named_by_slant_hand_in_gives_the_name(tmp_path: Path) -> None:
    from app.core.handin import hand_in_name

    text = TEXT.replace(TITLE, "Harbour: who pays?")
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    article = parse_plain_text(text, path)
    start = text.index("radical")
    one = make_annotation(text, "loaded-label", start, start + len("radical"))
    name = hand_in_name(article.title, "Zoë Brontë")
    zipped = make_zip(tmp_path / "class.zip", {name: sidecar_bytes(article, "", [one])})
    data = gather_class(article, [zipped])
    assert names(data) == [("Zoë Brontë", "file name")]


def test_the_same_zip_named_twice_counts_once(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "class.zip",
        {"a.slant.json": sidecar_bytes(article, "Ana", [annotation(article, "radical")])},
    )
    data = gather_class(article, [zipped, tmp_path / "." / "class.zip"])
    assert [s.name for s in data.students] == ["Ana"] and data.skipped == []


def test_slant_class_on_the_command_line_reads_a_zip(tmp_path: Path, capsys) -> None:
    article = make_article(tmp_path)
    zipped = make_zip(
        tmp_path / "class.zip",
        {
            "Ana Lopez_1_assignsubmission_file_/s.slant.json": sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
            "broken.slant.json": b"{",
        },
    )
    status = main(["class", str(article.path), str(zipped), "--out", str(tmp_path / "out")])
    assert status == 0
    assert "Ana Lopez" in (tmp_path / "out" / "students.csv").read_text(encoding="utf-8-sig")
    error = capsys.readouterr().err
    assert f"skipped {zipped}/broken.slant.json" in error


def test_zips_inside_an_input_folder_are_read_and_a_damaged_one_is_skipped(
    tmp_path: Path,
) -> None:
    article = make_article(tmp_path)
    downloads = tmp_path / "downloads"
    (downloads / "period 2").mkdir(parents=True)
    make_zip(
        downloads / "period 2" / "Harbour-Assignment 1-12345.zip",
        {
            "Ana Lopez_1234567_assignsubmission_file_/story.txt.slant.json": sidecar_bytes(
                article, "", [annotation(article, "radical")]
            ),
        },
    )
    (downloads / "Ben Okafor - story.txt.slant.json").write_bytes(
        sidecar_bytes(article, "Ben Okafor", [annotation(article, "sources say")])
    )
    damaged = downloads / "broken download.zip"
    damaged.write_bytes(b"PK\x03\x04 cut short")
    data = gather_class(article, [downloads])
    assert names(data) == [("Ana Lopez", "lms folder"), ("Ben Okafor", "sidecar")]
    ((path, reason),) = data.skipped
    assert path == damaged and "not a zip file Slant can read" in reason
    assert str(damaged) not in reason  # the skipped list names the file once
