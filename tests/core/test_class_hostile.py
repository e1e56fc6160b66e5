"""Hostile student files in a class (issue #18): nothing a student hands in may hang, exhaust,
mislead or take over ``gather_class`` and the class outputs."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from deadline import deadline

from app.core.annotations import make_annotation
from app.core.article import Article, parse_plain_text
from app.core.classroom import gather_class, pseudonymized, write_class_outputs
from app.core.exports import safe_file_name
from app.core.exports.w3c import annotation_iri
from app.core.sidecar import Author, dump_sidecar, new_sidecar
from app.core.tags import Tag, TagSet

TEXT = (
    "Council backs harbour plan\n\n"
    "The radical plan passed 5-2 on 3 March, sources say. Critics called it a giveaway.\n\n"
    "Subscribe now for more local news!\n"
)
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices: POSIX")


def make_article(folder: Path) -> Article:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return parse_plain_text(TEXT, path)


def write(
    path: Path,
    article: Article,
    name: str,
    quotes: list[tuple[str, str]],
    role: str = "student",
    note: str = "",
    tagset: TagSet | None = None,
) -> Path:
    """A sidecar by *name* tagging each (quote, tag) in *article*."""
    sidecar = new_sidecar(article, Author(name, role), tagset)
    for quote, tag in quotes:
        start = article.text.index(quote)
        sidecar.annotations.append(
            make_annotation(article.text, tag, start, start + len(quote), note)
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(dump_sidecar(sidecar))
    return path


RADICAL = ("radical", "loaded-label")
SOURCES = ("sources say", "unsourced-claim")


# -- files that are not files ------------------------------------------------------------


@posix_only
def test_a_fifo_handed_in_as_a_sidecar_is_skipped_not_waited_for(tmp_path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana", [RADICAL])
    os.mkfifo(tmp_path / "class" / "pipe.slant.json")
    with deadline():
        data = gather_class(article, [tmp_path / "class"])
    assert [s.name for s in data.students] == ["Ana"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "not a regular file" in reasons["pipe.slant.json"]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_handed_in_as_a_sidecar_is_skipped(tmp_path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana", [RADICAL])
    (tmp_path / "class" / "zero.slant.json").symlink_to("/dev/zero")
    with deadline():
        data = gather_class(article, [tmp_path / "class"])
    assert [s.name for s in data.students] == ["Ana"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "symbolic link" in reasons["zero.slant.json"]


def test_a_link_in_a_hand_in_folder_to_a_file_elsewhere_is_not_followed(tmp_path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana", [RADICAL])
    elsewhere = write(tmp_path / "other-class" / "zoe.slant.json", article, "Zoe", [SOURCES])
    (tmp_path / "class" / "bob.slant.json").symlink_to(elsewhere)
    data = gather_class(article, [tmp_path / "class"])
    assert [s.name for s in data.students] == ["Ana"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "not followed" in reasons["bob.slant.json"]
    # Named by the teacher, the same file is read.
    assert [s.name for s in gather_class(article, [elsewhere]).students] == ["Zoe"]


def test_a_symbolic_link_loop_given_as_input_is_reported_as_a_loop(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    loop = tmp_path / "loop.slant.json"
    loop.symlink_to(loop.name)
    data = gather_class(article, [loop, tmp_path / "missing.slant.json"])
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "loop" in reasons["loop.slant.json"]
    assert "no such" not in reasons["loop.slant.json"]
    assert reasons["missing.slant.json"] == "no such file or folder"


# -- who is the answer key ---------------------------------------------------------------


def test_a_handed_in_file_saying_teacher_is_just_another_student(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana", [RADICAL])
    write(tmp_path / "class" / "mallory.slant.json", article, "Mallory", [SOURCES], "teacher")
    data = gather_class(article, [tmp_path / "class"])
    assert data.key is None
    assert [s.name for s in data.students] == ["Ana", "Mallory"]
    assert data.skipped == []


def test_a_teacher_role_is_never_skipped_beside_a_real_key(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    key = write(tmp_path / "key.slant.json", article, "Ms K", [RADICAL])
    write(tmp_path / "class" / "mallory.slant.json", article, "Mallory", [SOURCES], "teacher")
    data = gather_class(article, [tmp_path / "class"], key)
    assert data.key is not None and data.key.name == "Ms K"
    assert [s.name for s in data.students] == ["Mallory"]


def test_the_key_file_beside_the_article_is_the_key(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "story.txt.key.slant.json", article, "Ms K", [RADICAL, SOURCES])
    write(tmp_path / "ana.slant.json", article, "Ana", [RADICAL])
    data = gather_class(article, [tmp_path])
    assert data.key is not None and data.key.name == "Ms K"
    assert [s.name for s in data.students] == ["Ana"]
    assert data.skipped == []


def test_a_symbolic_link_beside_the_article_is_never_the_key(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    planted = write(tmp_path / "class" / "mallory.slant.json", article, "Mallory", [SOURCES])
    (tmp_path / "story.txt.key.slant.json").symlink_to(planted)
    data = gather_class(article, [tmp_path / "class"])
    assert data.key is None
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "symbolic link" in reasons["story.txt.key.slant.json"]


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file away needs root"
)
def test_a_key_file_beside_the_article_made_by_another_user_is_not_the_key(tmp_path) -> None:
    article = make_article(tmp_path)
    planted = write(tmp_path / "story.txt.key.slant.json", article, "Mallory", [SOURCES])
    os.chown(planted, 4242, 4242)
    data = gather_class(article, [tmp_path])
    assert data.key is None and data.students == []
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "another user" in reasons["story.txt.key.slant.json"]


# -- tag-set bombs -------------------------------------------------------------------------


def test_a_sidecar_with_more_than_64_tags_is_skipped_with_the_reason(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    tags = tuple(Tag(f"t{n}", f"T {n}", "", "#123456") for n in range(65))
    write(tmp_path / "ana.slant.json", article, "Ana", [RADICAL])
    bomb = TagSet("bomb", (*tags, Tag("loaded-label", "L", "", "#D55E00")))
    write(tmp_path / "bomb.slant.json", article, "Bomb", [("radical", "loaded-label")], tagset=bomb)
    data = gather_class(article, [tmp_path])
    assert [s.name for s in data.students] == ["Ana"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "64" in reasons["bomb.slant.json"]


def test_the_report_shows_a_heat_map_only_for_tags_in_use(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    for name, letter in (("Ana", "a"), ("Ben", "b")):
        tags = tuple(Tag(f"{letter}{n}", f"{name} {n}", "", "#123456") for n in range(40))
        write(
            tmp_path / "class" / f"{letter}.slant.json",
            article,
            name,
            [("radical", f"{letter}0")],
            tagset=TagSet(name, tags),
        )
    data = gather_class(article, [tmp_path / "class"])
    write_class_outputs(data, tmp_path / "out")
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert report.count('<div class="panel') == 2


# -- names and labels ------------------------------------------------------------------------


def test_same_name_and_file_name_are_told_apart_without_absolute_paths(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "a" / "ana.slant.json", article, "Ana", [RADICAL])
    write(tmp_path / "class" / "b" / "ana.slant.json", article, "Ana", [SOURCES])
    data = gather_class(article, [tmp_path / "class"])
    labels = [s.label for s in data.students]
    assert labels == [
        f"Ana ({Path('a') / 'ana.slant.json'})",
        f"Ana ({Path('b') / 'ana.slant.json'})",
    ]
    write(tmp_path / "key.slant.json", article, "Ms K", [RADICAL])
    data = gather_class(article, [tmp_path / "class"], tmp_path / "key.slant.json")
    written = write_class_outputs(data, tmp_path / "out")
    for path in written:
        assert str(tmp_path) not in path.read_text(encoding="utf-8-sig"), path.name


def test_pseudonym_codes_do_not_follow_the_order_of_names(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    names = [f"{letter}student" for letter in "ABCDEFGHIJ"]
    for number, name in enumerate(names):
        quote = TEXT.split()[number + 3]
        write(tmp_path / f"{name}.slant.json", article, name, [(quote, "loaded-label")])
    data = pseudonymized(gather_class(article, [tmp_path]))
    by_name = sorted(data.pseudonyms, key=lambda row: row[1])
    assert [row[1] for row in by_name] == names
    # 1 chance in 10! that a fair shuffle gives back the alphabetical order.
    assert [row[0] for row in by_name] != [f"S{n:02d}" for n in range(1, 11)]
    # The outputs list students by code, so that row order tells nothing either.
    assert [s.label for s in data.students] == [f"S{n:02d}" for n in range(1, 11)]


def test_bidi_controls_in_names_reach_no_label_file_name_or_report(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana\u202eexe.txt", [RADICAL])
    write(tmp_path / "class" / "ben.slant.json", article, "\u2067Ben\u200f", [SOURCES])
    write(tmp_path / "key.slant.json", article, "Ms K", [RADICAL])
    data = gather_class(article, [tmp_path / "class"], tmp_path / "key.slant.json")
    for student in data.students:
        assert not set(student.label) & set(BIDI_CONTROLS), repr(student.label)
    written = write_class_outputs(data, tmp_path / "out")
    for path in written:
        assert not set(path.name) & set(BIDI_CONTROLS), repr(path.name)
        if path.suffix in (".html", ".csv"):
            text = path.read_text(encoding="utf-8-sig")
            assert "\u202e" not in text and "\u2067" not in text, path.name


@pytest.mark.parametrize("label", ["COM¹", "LPT²", "com³", "COM0", "LPT0", "lpt0.notes", "ＣＯＮ"])
def test_windows_device_names_never_become_file_names(label: str) -> None:
    assert safe_file_name(label, set()).startswith("_")


def test_file_names_are_limited_in_bytes_not_characters() -> None:
    name = safe_file_name("漢" * 200, set())
    assert len((name + "-99.html").encode("utf-8")) <= 150
    taken: set[str] = set()
    first, second = safe_file_name("漢" * 200, taken), safe_file_name("漢" * 200, taken)
    assert first != second and len(second.encode("utf-8")) <= 150


# -- characters that do not belong in a file ---------------------------------------------


def test_nul_characters_never_reach_csv_or_html_outputs(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "A\x00na", [RADICAL], note="n\x00te")
    write(tmp_path / "key.slant.json", article, "Ms K", [RADICAL], note="k\x00y")
    data = gather_class(article, [tmp_path / "class"], tmp_path / "key.slant.json")
    written = write_class_outputs(data, tmp_path / "out")
    assert {p.suffix for p in written} >= {".csv", ".html"}
    for path in written:
        if path.suffix in (".csv", ".html"):
            assert b"\x00" not in path.read_bytes(), path.name
    assert "n\ufffdte" in (tmp_path / "out" / "annotations.csv").read_text(encoding="utf-8-sig")


def test_a_lone_surrogate_in_an_annotation_id_is_no_traceback(tmp_path: Path) -> None:
    assert annotation_iri("x\ud800").startswith("urn:uuid:")
    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana", [RADICAL])
    write(tmp_path / "key.slant.json", article, "Ms K", [RADICAL])
    data = gather_class(article, [tmp_path / "class"], tmp_path / "key.slant.json")
    (student,) = data.students
    odd = [replace(a, id="x\ud800", note="y\udfff") for a in student.sidecar.annotations]
    sidecar = replace(student.sidecar, annotations=odd)
    data.students = [replace(student, sidecar=sidecar, label="Ana\udc80")]
    written = write_class_outputs(data, tmp_path / "out")
    assert (tmp_path / "out" / "annotations.jsonld") in written
    json.loads((tmp_path / "out" / "annotations.jsonld").read_bytes())


# -- memory ------------------------------------------------------------------------------------


def test_members_slant_does_not_know_are_dropped_after_loading(tmp_path: Path) -> None:
    article = make_article(tmp_path)
    path = write(tmp_path / "ana.slant.json", article, "Ana", [RADICAL])
    document = json.loads(path.read_bytes())
    document["ballast"] = "x" * 100_000
    document["article"]["ballast"] = "x" * 1000
    document["author"]["ballast"] = "x" * 1000
    document["annotations"][0]["ballast"] = "x" * 1000
    path.write_text(json.dumps(document), encoding="utf-8")
    (student,) = gather_class(article, [path]).students
    assert student.sidecar.extra == {}
    assert student.sidecar.article.extra == {}
    assert student.sidecar.author.extra == {}
    assert [a.extra for a in student.sidecar.annotations] == [None]


def test_a_hand_in_of_millions_of_tiny_values_is_skipped_without_decoding_it(tmp_path) -> None:
    import tracemalloc

    from app.core.sidecar_validation import MAX_JSON_VALUES

    article = make_article(tmp_path)
    write(tmp_path / "class" / "ana.slant.json", article, "Ana", [RADICAL])
    bomb = write(tmp_path / "class" / "bomb.slant.json", article, "Bob", [SOURCES])
    text = bomb.read_text(encoding="utf-8").rstrip().removesuffix("}")
    bomb.write_text(text + ', "x": [' + "{}," * MAX_JSON_VALUES + "{}]}", encoding="utf-8")
    tracemalloc.start()
    try:
        data = gather_class(article, [tmp_path / "class"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [s.name for s in data.students] == ["Ana"]
    reasons = {path.name: reason for path, reason in data.skipped}
    assert "too many values" in reasons["bomb.slant.json"]
    assert peak < 100 * 2**20  # 12 MB of text; decoded, four million dicts (290 MB)
