"""Gathering a class: folders, names, skipped files, re-anchoring, the key, pseudonyms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.core.annotations import make_annotation
from app.core.article import Article, parse_plain_text
from app.core.classroom import (
    ClassError,
    analyse_class,
    gather_class,
    pseudonymized,
    write_class_outputs,
)
from app.core.sidecar import Author, dump_sidecar, new_sidecar

TEXT = (
    "Council backs harbour plan\n\n"
    "The radical plan passed 5-2 on 3 March, sources say. Critics called it a giveaway.\n\n"
    "Subscribe now for more local news!\n"
)


def make_article(tmp_path: Path, text: str = TEXT) -> Article:
    path = tmp_path / "story.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return parse_plain_text(text, path)


def write_sidecar(
    path: Path,
    article: Article,
    name: str,
    quotes: list[tuple[str, str]],
    role: str = "student",
) -> Path:
    """A sidecar by *name* tagging each (quote, tag) in *article*."""
    sidecar = new_sidecar(article, Author(name, role))
    for quote, tag in quotes:
        start = article.text.index(quote)
        sidecar.annotations.append(make_annotation(article.text, tag, start, start + len(quote)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump_sidecar(sidecar))
    return path


RADICAL = ("radical", "loaded-label")
SOURCES = ("sources say", "unsourced-claim")
FACT = ("5-2 on 3 March", "verifiable-fact")
PROMO = ("Subscribe now for more local news!", "promotional-boilerplate")


def test_files_and_folders_are_searched_recursively_for_sidecars(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "class" / "a" / "ana.story.txt.slant.json", article, "Ana", [RADICAL])
    write_sidecar(tmp_path / "class" / "b" / "deep" / "ben.slant.json", article, "Ben", [SOURCES])
    (tmp_path / "class" / "notes.json").write_text("{}", encoding="utf-8")  # not a sidecar name
    single = write_sidecar(tmp_path / "cleo.json", article, "Cleo", [FACT])  # named directly
    data = gather_class(article, [tmp_path / "class", single])
    assert [s.label for s in data.students] == ["Ana", "Ben", "Cleo"]
    assert data.skipped == []
    assert data.key is None


def test_two_files_with_the_same_name_are_told_apart_by_file_name(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "ana-2.story.md.slant.json", article, "Ana", [RADICAL])
    write_sidecar(tmp_path / "ana.story.md.slant.json", article, "Ana", [SOURCES])
    write_sidecar(tmp_path / "x.slant.json", article, "", [FACT])
    data = gather_class(article, [tmp_path])
    labels = [s.label for s in data.students]
    assert labels == [
        "(no name) (x.slant.json)",
        "Ana (ana-2.story.md.slant.json)",
        "Ana (ana.story.md.slant.json)",
    ]
    assert len(data.students) == 3  # never merged


def test_broken_and_foreign_files_are_skipped_with_a_reason_and_the_rest_works(
    tmp_path: Path,
) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "good.slant.json", article, "Ana", [RADICAL])
    (tmp_path / "broken.slant.json").write_text('{"format": "slant-annotations",', "utf-8")
    other = make_article(tmp_path / "other", "A different story\n\nNothing radical here.\n")
    write_sidecar(tmp_path / "other.slant.json", other, "Ben", [("radical", "loaded-label")])
    data = gather_class(article, [tmp_path, tmp_path / "missing-folder"])
    assert [s.label for s in data.students] == ["Ana"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "not valid JSON" in reasons["broken.slant.json"]
    assert "another article" in reasons["other.slant.json"]
    assert "A different story" in reasons["other.slant.json"]
    assert reasons["missing-folder"] == "no such file or folder"


def test_a_sidecar_made_on_an_older_text_is_reanchored_and_flagged(tmp_path: Path) -> None:
    old = make_article(tmp_path / "old")
    write_sidecar(tmp_path / "ana.slant.json", old, "Ana", [RADICAL, PROMO])
    new_text = TEXT.replace("The radical plan", "On Monday, the radical plan")
    article = make_article(tmp_path, new_text)
    data = gather_class(article, [tmp_path / "ana.slant.json"])
    (student,) = data.students
    assert student.reanchored
    assert student.status_counts() == {"moved": 2}
    for annotation in student.placed:
        assert new_text[annotation.start : annotation.end] == annotation.exact


def test_duplicates_by_bytes_or_by_annotation_ids_are_skipped(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    original = write_sidecar(tmp_path / "a" / "ana.slant.json", article, "Ana", [RADICAL])
    copy = tmp_path / "b" / "ana-copy.slant.json"
    copy.parent.mkdir()
    copy.write_bytes(original.read_bytes())
    renamed = json.loads(original.read_bytes())
    renamed["author"]["name"] = "Someone else"
    (tmp_path / "b" / "renamed.slant.json").write_text(json.dumps(renamed), encoding="utf-8")
    # Two students who tagged nothing are not duplicates of each other.
    write_sidecar(tmp_path / "c" / "empty1.slant.json", article, "Eve", [])
    write_sidecar(tmp_path / "c" / "empty2.slant.json", article, "Finn", [])
    data = gather_class(article, [tmp_path / "a", tmp_path / "b", tmp_path / "c"])
    assert [s.label for s in data.students] == ["Ana", "Eve", "Finn"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert reasons["ana-copy.slant.json"].startswith("duplicate: the same file as")
    assert str(original) in reasons["ana-copy.slant.json"]
    assert "same annotations" in reasons["renamed.slant.json"]


def test_the_same_file_named_twice_counts_once(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    path = write_sidecar(tmp_path / "ana.slant.json", article, "Ana", [RADICAL])
    data = gather_class(article, [path, tmp_path, path])
    assert len(data.students) == 1 and data.skipped == []


def test_the_key_file_beside_the_article_is_the_key_and_no_student(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "story.txt.key.slant.json", article, "Ms K", [RADICAL, SOURCES])
    write_sidecar(tmp_path / "ana.slant.json", article, "Ana", [RADICAL])
    data = gather_class(article, [tmp_path])
    assert data.key is not None and data.key.name == "Ms K"
    assert [s.label for s in data.students] == ["Ana"]


def test_a_key_path_wins_over_the_key_file_beside_the_article(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "story.txt.key.slant.json", article, "Ms K", [RADICAL], "teacher")
    write_sidecar(tmp_path / "k2.slant.json", article, "Mr L", [SOURCES], "teacher")
    data = gather_class(article, [tmp_path], tmp_path / "k2.slant.json")
    assert data.key is not None and data.key.name == "Mr L"
    assert data.students == []
    assert [(p.name, "--key" in r) for p, r in data.skipped] == [("story.txt.key.slant.json", True)]


def test_a_key_path_outside_the_inputs_and_a_student_copy_of_it(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    key = write_sidecar(tmp_path / "key" / "k.slant.json", article, "T", [RADICAL], "student")
    (tmp_path / "class").mkdir()
    (tmp_path / "class" / "copied.slant.json").write_bytes(key.read_bytes())
    data = gather_class(article, [tmp_path / "class"], key)
    assert data.key is not None
    assert data.students == []
    assert "the answer key" in data.skipped[0][1]


def test_an_unusable_key_is_an_error_naming_it(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    bad = tmp_path / "key.slant.json"
    bad.write_text("[]", encoding="utf-8")
    with pytest.raises(ClassError, match=r"key\.slant\.json"):
        gather_class(article, [], bad)
    with pytest.raises(ClassError, match="does not exist"):
        gather_class(article, [], tmp_path / "nowhere.slant.json")


def test_counts_and_characters_leave_orphans_out(tmp_path: Path) -> None:
    old = make_article(tmp_path / "old")
    write_sidecar(tmp_path / "ana.slant.json", old, "Ana", [RADICAL, PROMO])
    article = make_article(tmp_path, TEXT.replace("Subscribe now for more local news!", "End."))
    data = gather_class(article, [tmp_path / "ana.slant.json"])
    (student,) = data.students
    assert len(student.orphans) == 1
    stats = analyse_class(data).stats[0]
    assert stats.counts["loaded-label"] == 1 and stats.chars["loaded-label"] == len("radical")
    assert stats.counts["promotional-boilerplate"] == 0


def test_pseudonyms_hide_names_and_files_and_names_csv_keys_them(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "z.slant.json", article, "Bea", [RADICAL])
    write_sidecar(tmp_path / "b.slant.json", article, "Ana", [SOURCES])
    write_sidecar(tmp_path / "a.slant.json", article, "Ana", [FACT])
    (tmp_path / "broken.slant.json").write_text("nope", encoding="utf-8")
    real = gather_class(article, [tmp_path])
    data = pseudonymized(real)
    assert [s.label for s in data.students] == ["S01", "S02", "S03"]
    assert all(s.file == "" for s in data.students)
    codes = {code: (name, file) for code, name, file in data.pseudonyms}
    for student in data.students:  # each code's annotations are its student's
        name, file = codes[student.name]
        original = next(s for s in real.students if str(s.path) == file)
        assert original.name == name and original.sidecar is student.sidecar
    assert sorted(codes.values())[:3] == [
        ("", str(tmp_path / "broken.slant.json")),
        ("Ana", str(tmp_path / "a.slant.json")),
        ("Ana", str(tmp_path / "b.slant.json")),
    ]
    assert codes["F01"] == ("", str(tmp_path / "broken.slant.json"))
    assert data.skipped[0][0] == Path("F01")
    assert str(tmp_path) not in data.skipped[0][1]


def test_write_class_outputs_lists_the_files_it_wrote(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write_sidecar(tmp_path / "in" / "ana.slant.json", article, "Ana", [RADICAL])
    write_sidecar(tmp_path / "in" / "ben.slant.json", article, "Ben", [SOURCES])
    without_key = write_class_outputs(gather_class(article, [tmp_path / "in"]), tmp_path / "o1")
    assert sorted(p.name for p in without_key) == [
        "agreement.csv",
        "annotations.csv",
        "annotations.jsonld",
        "report.html",
        "students.csv",
    ]
    write_sidecar(tmp_path / "story.txt.key.slant.json", article, "T", [RADICAL])
    written = write_class_outputs(
        gather_class(article, [tmp_path / "in"]), tmp_path / "o2", pseudonymize=True
    )
    names = sorted(str(p.relative_to(tmp_path / "o2")) for p in written)
    assert "feedback/S01.html" in names and "feedback/S02.html" in names
    assert "names.csv" in names
    assert all(p.is_file() for p in written)
