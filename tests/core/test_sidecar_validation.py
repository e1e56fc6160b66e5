"""Every way a sidecar can be broken gives a SidecarError naming the file and the problem."""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.core import sidecar as sidecar_module
from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.errors import SidecarError
from app.core.sidecar import (
    MAX_SIDECAR_BYTES,
    Author,
    dump_sidecar,
    new_sidecar,
    parse_sidecar,
    read_sidecar,
)

TEXT = "Town votes\n\nSources say the radical plan will cost 5 million euros on Monday.\n"
ARTICLE = parse_plain_text(TEXT, Path("story.md"))
SOURCE = "story.md.slant.json"


def _valid() -> dict[str, Any]:
    sidecar = new_sidecar(ARTICLE, Author("Ana", "student"))
    for quote, tag in (("Sources say", "unsourced-claim"), ("radical", "loaded-label")):
        start = TEXT.index(quote)
        sidecar.annotations.append(make_annotation(TEXT, tag, start, start + len(quote)))
    sidecar.tombstones["gone"] = "2026-03-01T10:00:00.000Z"
    return json.loads(dump_sidecar(sidecar))


VALID = _valid()


def _encode(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _rejected(data: bytes, *phrases: str, article=ARTICLE) -> str:
    with pytest.raises(SidecarError) as caught:
        parse_sidecar(data, SOURCE, article)
    message = str(caught.value)
    assert message.startswith(SOURCE + ": ")
    for phrase in phrases:
        assert phrase in message
    return message


def _set(*path_and_value: Any) -> Callable[[dict[str, Any]], None]:
    *path, value = path_and_value

    def mutate(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _delete(*path: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        target = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def _mutated(mutate: Callable[[dict[str, Any]], None]) -> bytes:
    document = copy.deepcopy(VALID)
    mutate(document)
    return _encode(document)


def test_the_valid_sample_is_accepted() -> None:
    sidecar = parse_sidecar(_encode(VALID), SOURCE, ARTICLE)
    assert len(sidecar.annotations) == 2


# -- the file itself ------------------------------------------------------------------------


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    with pytest.raises(SidecarError, match="does not exist") as caught:
        read_sidecar(path)
    assert str(path) in str(caught.value)


def test_a_folder_instead_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    path.mkdir()
    with pytest.raises(SidecarError, match="is a folder") as caught:
        read_sidecar(path)
    assert SOURCE in str(caught.value)


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch, tmp_path) -> None:
    path = tmp_path / SOURCE
    with open(path, "wb") as handle:
        handle.truncate(MAX_SIDECAR_BYTES + 1)  # sparse: costs no disk space

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was opened")

    monkeypatch.setattr(sidecar_module, "open", no_reading, raising=False)
    with pytest.raises(SidecarError, match="too big") as caught:
        read_sidecar(path)
    assert SOURCE in str(caught.value) and "64 MB" in str(caught.value)


def test_bytes_over_the_size_limit_are_refused(monkeypatch) -> None:
    monkeypatch.setattr(sidecar_module, "MAX_SIDECAR_BYTES", 100)
    _rejected(b" " * 101, "too big")


def _growing_before_it_is_read(monkeypatch, path: Path, extra: bytes) -> None:
    """Make the file longer between read_sidecar's check of its size and its read."""
    real = sidecar_module.open_regular

    def open_then_grow(*args, **kwargs):
        handle = real(*args, **kwargs)
        with open(path, "ab") as out:
            out.write(extra)
        return handle

    monkeypatch.setattr(sidecar_module, "open_regular", open_then_grow)


def test_a_file_that_grew_since_its_size_was_taken_is_read_whole(monkeypatch, tmp_path) -> None:
    path = tmp_path / SOURCE
    path.write_bytes(_encode(VALID))
    _growing_before_it_is_read(monkeypatch, path, b"   }")  # a brace the size did not cover
    with pytest.raises(SidecarError, match="more text after the end of the data"):
        read_sidecar(path)


def test_a_file_that_grew_over_the_limit_while_read_is_refused(monkeypatch, tmp_path) -> None:
    path = tmp_path / SOURCE
    data = _encode(VALID)
    path.write_bytes(data)
    monkeypatch.setattr(sidecar_module, "MAX_SIDECAR_BYTES", len(data) + 10)
    _growing_before_it_is_read(monkeypatch, path, b" " * 11)
    with pytest.raises(SidecarError, match="too big"):
        read_sidecar(path)


def test_a_file_that_vanishes_before_it_is_opened(monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    path.write_bytes(_encode(VALID))

    def vanished(*args, **kwargs):
        raise FileNotFoundError(2, "No such file or directory", str(path))

    monkeypatch.setattr(sidecar_module, "open_regular", vanished)
    with pytest.raises(SidecarError, match="does not exist") as caught:
        read_sidecar(path)
    assert SOURCE in str(caught.value)


def test_a_file_that_may_not_be_opened(monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    path.write_bytes(_encode(VALID))

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(sidecar_module, "open_regular", refused)
    with pytest.raises(SidecarError, match="not allowed to open it") as caught:
        read_sidecar(path)
    assert SOURCE in str(caught.value)


def test_reading_a_valid_file_from_disk(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    path.write_bytes(b"\xef\xbb\xbf" + _encode(VALID))  # a BOM from a Windows editor is fine
    assert read_sidecar(path, ARTICLE).author.name == "Ana"


@pytest.mark.parametrize("data", [b"", b"  \n\t"])
def test_an_empty_file(data: bytes) -> None:
    _rejected(data, "empty")


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00", b'{"format": "slant-annotations"\x00}', b"\xff\xfe{\x00"],
)
def test_a_binary_file(data: bytes) -> None:
    _rejected(data, "binary data")


def test_text_that_is_not_utf8() -> None:
    _rejected('{"format": "café"}'.encode("latin-1"), "not UTF-8", "byte 16")


def test_a_json_syntax_error_names_the_line() -> None:
    _rejected(b'{\n  "format": "slant-annotations",\n  oops\n}', "not valid JSON", "line 3")


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity(constant: str) -> None:
    data = _encode(VALID).replace(b'"version": 1', b'"version": ' + constant.encode())
    _rejected(data, constant)


def test_a_name_used_twice_in_one_object_counts_once_with_its_last_value() -> None:
    # As JSON.parse, Python's json and most JSON tools read it (docs/FORMAT.md).
    data = _encode(VALID).replace(b'"version": 1', b'"version": 7, "version": 1')
    assert len(parse_sidecar(data, SOURCE, ARTICLE).annotations) == 2
    _rejected(_encode(VALID).replace(b'"version": 1', b'"version": 1, "version": 7'), "newer")


def test_nesting_too_deep_for_the_json_reader() -> None:
    _rejected(b"[" * 200_000 + b"]" * 200_000, "nested too deeply")


def test_nesting_too_deep_in_an_unknown_member() -> None:
    data = _mutated(_set("future", json.loads("[" * 150 + "]" * 150)))
    _rejected(data, "'future'", "nested too deeply")


@pytest.mark.parametrize("literal", [str(2**53 + 1), "-" + str(2**53 + 1), "9" * 5000, "1e999"])
def test_a_number_that_is_too_big(literal: str) -> None:
    document = copy.deepcopy(VALID)
    document["annotations"][0]["start"] = 0
    data = _encode(document).replace(b'"start": 0', b'"start": ' + literal.encode())
    _rejected(data, "too big")


TOO_BIG = 2**53 + 1


@pytest.mark.parametrize(
    "mutate",
    [
        _set("future", {"deep": [1, {"n": -TOO_BIG}]}),
        _set("article", "length", TOO_BIG),
        _set("version", TOO_BIG),
        _set("author", "age", TOO_BIG),
        _set("tagset", "tags", 0, "rank", TOO_BIG),
        _set("annotations", 1, "future", TOO_BIG),
        _set("annotations", 1, "end", TOO_BIG),
        _set("tombstones", [{"id": "x", "deleted": "2026-03-01T10:00:00.000Z", "n": TOO_BIG}]),
    ],
    ids=["extra", "length", "version", "author", "tag", "annotation", "end", "tombstone"],
)
def test_an_integer_too_big_is_refused_wherever_it_is(mutate) -> None:
    _rejected(_mutated(mutate), "a number that is too big (9007199254740993")


def test_an_orphan_may_not_end_past_the_largest_safe_integer() -> None:
    def orphan_far_away(document: dict[str, Any]) -> None:
        annotation = document["annotations"][0]
        start = 2**53 - 2  # safe, and the quote's length still fits the span
        annotation.update(orphan=True, start=start, end=start + len(annotation["exact"]))

    _rejected(_mutated(orphan_far_away), "too big")


def test_without_python_s_limit_on_digits_huge_literals_are_still_refused() -> None:
    data = _encode(VALID).replace(b'"version": 1', b'"version": ' + b"9" * 20_000)
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)  # lifted: converting such a literal would take long
    try:
        _rejected(data, "too big")
        assert len(parse_sidecar(_encode(VALID), SOURCE, ARTICLE).annotations) == 2
    finally:
        sys.set_int_max_str_digits(limit)


def test_the_largest_safe_integer_is_a_number_not_an_error() -> None:
    _rejected(_mutated(_set("article", "length", 2**53)), "characters long")


# -- format and version ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "mutate",
    [_delete("format"), _set("format", "slant"), _set("format", None)],
    ids=["missing", "other", "null"],
)
def test_a_file_of_another_kind(mutate) -> None:
    _rejected(_mutated(mutate), "not a Slant annotations file")


def test_a_json_list_is_not_a_sidecar() -> None:
    _rejected(b"[1, 2]", "not a Slant annotations file", "a list")


def test_a_newer_version_asks_for_an_update() -> None:
    _rejected(
        _mutated(_set("version", 2)),
        "was written by a newer version of Slant (format version 2); update Slant to open it",
    )


@pytest.mark.parametrize("version", [0, -1])
def test_a_version_before_1(version: int) -> None:
    _rejected(_mutated(_set("version", version)), f"format version {version} does not exist")


@pytest.mark.parametrize("version", ["1", True, 1.0, None])
def test_a_version_that_is_not_a_whole_number(version: Any) -> None:
    _rejected(_mutated(_set("version", version)), "must be a whole number")


def test_a_missing_version() -> None:
    _rejected(_mutated(_delete("version")), "missing its 'version'")


# -- wrong types anywhere -------------------------------------------------------------------

WRONG_TYPES = [
    ("article-list", _set("article", []), "'article' is a list"),
    ("article-missing", _delete("article"), "missing its 'article'"),
    ("file-number", _set("article", "file", 3), "'file' that is a whole number"),
    ("sha-number", _set("article", "sha256", 5), "'sha256' that is a whole number"),
    ("length-text", _set("article", "length", "80"), "'length' that is text"),
    ("length-bool", _set("article", "length", True), "'length' that is true/false"),
    ("length-float", _set("article", "length", 80.0), "'length' that is a decimal number"),
    ("title-null", _set("article", "title", None), "'title' that is empty (null)"),
    ("author-text", _set("author", "Ana"), "'author' is text"),
    ("name-number", _set("author", "name", 7), "'name' that is a whole number"),
    ("role-missing", _delete("author", "role"), "missing its 'role'"),
    ("tagset-missing", _delete("tagset"), "missing its 'tagset'"),
    ("annotations-object", _set("annotations", {}), "'annotations' is a group"),
    ("annotation-text", _set("annotations", 0, "hello"), "annotation 1 is text"),
    ("id-number", _set("annotations", 0, "id", 12), "annotation 1 has a 'id' that is a whole"),
    ("tag-list", _set("annotations", 1, "tag", ["x"]), "annotation 2 has a 'tag' that is a list"),
    ("start-text", _set("annotations", 0, "start", "12"), "'start' that is text"),
    ("start-bool", _set("annotations", 0, "start", False), "'start' that is true/false"),
    ("end-float", _set("annotations", 0, "end", 23.0), "'end' that is a decimal number"),
    ("end-missing", _delete("annotations", 0, "end"), "annotation 1 is missing its 'end'"),
    ("exact-number", _set("annotations", 0, "exact", 1), "'exact' that is a whole number"),
    ("prefix-null", _set("annotations", 0, "prefix", None), "'prefix' that is empty (null)"),
    ("note-bool", _set("annotations", 0, "note", True), "'note' that is true/false"),
    ("created-number", _set("annotations", 0, "created", 0), "'created' that is a whole number"),
    ("orphan-text", _set("annotations", 0, "orphan", "yes"), "'orphan' that is text"),
    ("tombstones-object", _set("tombstones", {}), "'tombstones' is a group"),
    ("tombstone-id", _set("tombstones", 0, "id", 1), "'id' that is a whole number"),
]


@pytest.mark.parametrize(
    ("mutate", "phrase"),
    [(mutate, phrase) for _, mutate, phrase in WRONG_TYPES],
    ids=[name for name, _, _ in WRONG_TYPES],
)
def test_a_member_of_the_wrong_type(mutate, phrase: str) -> None:
    _rejected(_mutated(mutate), phrase)


# -- values ---------------------------------------------------------------------------------


def test_an_invalid_sha256() -> None:
    _rejected(_mutated(_set("article", "sha256", "abc")), "64 hexadecimal digits")


def test_a_role_other_than_student_or_teacher() -> None:
    _rejected(_mutated(_set("author", "role", "admin")), "'student' or 'teacher'")


def test_a_teacher_is_a_valid_role() -> None:
    sidecar = parse_sidecar(_mutated(_set("author", "role", "teacher")), SOURCE)
    assert sidecar.author.role == "teacher"


def test_a_broken_tag_set_names_the_sidecar() -> None:
    data = _mutated(_set("tagset", "tags", 0, "color", "red"))
    _rejected(data, "a problem in the tag set: tag 1", "color 'red'", "#RRGGBB")
    _rejected(_mutated(_set("tagset", "tags", [])), "non-empty list 'tags'")
    _rejected(_mutated(_set("tagset", 5)), "tag set must be a JSON object")


def test_an_annotation_that_ends_before_it_starts() -> None:
    document = copy.deepcopy(VALID)
    document["annotations"].append(dict(document["annotations"][0], id="third"))
    document["annotations"][2].update(start=52, end=40)
    _rejected(_encode(document), "annotation 3 has end 40 before start 52")


def test_a_negative_offset() -> None:
    _rejected(_mutated(_set("annotations", 0, "start", -1)), "negative 'start' (-1)")


def test_an_empty_span() -> None:
    _rejected(_mutated(_set("annotations", 0, "end", 12)), "annotation 1 is empty")


def test_an_offset_past_the_recorded_article_length() -> None:
    data = _mutated(_set("annotations", 1, "end", len(TEXT) + 1))
    _rejected(data, "annotation 2 ends at", "after the end of the article")


def test_a_recorded_length_that_does_not_match_the_article() -> None:
    _rejected(_mutated(_set("article", "length", len(TEXT) + 5)), "characters long")


def test_a_quote_whose_length_does_not_match_its_span() -> None:
    _rejected(_mutated(_set("annotations", 0, "exact", "Sources")), "quotes 7 characters but spans")


def test_a_quote_that_differs_from_the_article_text() -> None:
    data = _mutated(_set("annotations", 1, "exact", "RADICAL"))
    _rejected(data, "annotation 2 quotes 'RADICAL'", "the article says 'radical'")
    assert parse_sidecar(data, SOURCE).annotations[1].exact == "RADICAL", "no text, no check"


def test_two_annotations_with_the_same_id() -> None:
    data = _mutated(_set("annotations", 1, "id", VALID["annotations"][0]["id"]))
    _rejected(data, "annotation 2 has the same id as annotation 1")


def test_any_id_up_to_200_characters_is_accepted_but_not_empty_or_longer() -> None:
    sidecar = parse_sidecar(_mutated(_set("annotations", 0, "id", "ä" * 200)), SOURCE)
    assert sidecar.annotations[0].id == "ä" * 200
    _rejected(_mutated(_set("annotations", 0, "id", "")), "empty 'id'")
    _rejected(_mutated(_set("annotations", 0, "id", "x" * 201)), "longer than 200 characters")


def test_a_tag_that_is_not_in_the_tag_set() -> None:
    data = _mutated(_set("annotations", 0, "tag", "spin"))
    _rejected(data, "annotation 1 uses the tag 'spin'", "not in the file's tag set")


@pytest.mark.parametrize(
    "stamp",
    [
        "2026-03-01 10:00:00Z",
        "2026-03-01T10:00:00",
        "2026-03-01T10:00:00+01:00",
        "2026-13-01T10:00:00Z",
        "2026-02-30T10:00:00.000Z",
        "2026-03-01T24:00:00Z",
        "2026-03-01T10:60:00Z",
        "2026-03-01T10:00:60Z",
        "2026-03-01T10:00:00.Z",
        "٢٠٢٦-03-01T10:00:00Z",
        "yesterday",
        "",
    ],
)
def test_a_time_that_is_not_iso_8601_utc(stamp: str) -> None:
    _rejected(_mutated(_set("annotations", 0, "modified", stamp)), "'modified'", "not a time like")


def test_a_bad_time_is_found_when_created_and_modified_are_the_same() -> None:
    def both(document: dict[str, Any]) -> None:
        for member in ("created", "modified"):
            document["annotations"][0][member] = "2026-02-30T10:00:00Z"

    _rejected(_mutated(both), "'created'", "not a time like")


@pytest.mark.parametrize("stamp", ["2026-03-01T10:00:00Z", "2026-03-01T10:00:00.123456Z"])
def test_times_with_or_without_fractions_are_accepted(stamp: str) -> None:
    sidecar = parse_sidecar(_mutated(_set("annotations", 0, "created", stamp)), SOURCE)
    assert sidecar.annotations[0].created == stamp


def test_context_may_be_long_but_not_endless() -> None:
    parse_sidecar(_mutated(_set("annotations", 0, "prefix", "p" * 10_000)), SOURCE)
    _rejected(_mutated(_set("annotations", 0, "suffix", "s" * 10_001)), "longer than 10,000")


def test_prefix_suffix_and_note_may_be_left_out() -> None:
    document = copy.deepcopy(VALID)
    for member in ("prefix", "suffix", "note"):
        del document["annotations"][0][member]
    annotation = parse_sidecar(_encode(document), SOURCE, ARTICLE).annotations[0]
    assert (annotation.prefix, annotation.suffix, annotation.note) == ("", "", "")


def test_a_broken_tombstone() -> None:
    _rejected(_mutated(_delete("tombstones", 0, "deleted")), "missing its 'deleted'")
    _rejected(_mutated(_set("tombstones", 0, "deleted", "soon")), "not a time like")
    data = _mutated(lambda d: d["tombstones"].append(dict(d["tombstones"][0])))
    _rejected(data, "repeats the id 'gone'")


def _many(count: int) -> dict[str, Any]:
    """VALID with *count* annotations (ids a1, a2, ...)."""
    document = copy.deepcopy(VALID)
    first = document["annotations"][0]
    document["annotations"] = [dict(first, id=f"a{n}") for n in range(1, count + 1)]
    return document


MORE_THAN_A_BATCH = 778  # more than the 256 the previous reader checked at a time


def test_many_usual_annotations_are_all_read() -> None:
    sidecar = parse_sidecar(_encode(_many(MORE_THAN_A_BATCH)), SOURCE, ARTICLE)
    assert [a.id for a in sidecar.annotations] == [f"a{n}" for n in range(1, MORE_THAN_A_BATCH + 1)]
    assert {a.exact for a in sidecar.annotations} == {"Sources say"}


def test_an_id_repeated_in_a_later_batch_names_both_annotations() -> None:
    document = _many(MORE_THAN_A_BATCH)
    document["annotations"][-1]["id"] = "a3"
    _rejected(_encode(document), f"annotation {MORE_THAN_A_BATCH} has the same id as annotation 3")


def test_an_id_repeated_within_a_batch_names_the_first_repeat() -> None:
    document = _many(MORE_THAN_A_BATCH)
    document["annotations"][9]["id"] = "a2"
    document["annotations"][20]["id"] = "a5"
    _rejected(_encode(document), "annotation 10 has the same id as annotation 2")


def test_a_problem_in_a_later_batch_is_numbered_from_the_start_of_the_file() -> None:
    document = _many(MORE_THAN_A_BATCH)
    document["annotations"][-2]["end"] = 10**6
    _rejected(_encode(document), f"annotation {MORE_THAN_A_BATCH - 1} ends at 1000000")


def test_the_first_problem_is_named_when_a_repeat_comes_before_it() -> None:
    document = _many(20)
    document["annotations"][4]["id"] = "a1"
    document["annotations"][7]["tag"] = "nope"
    _rejected(_encode(document), "annotation 5 has the same id as annotation 1")
