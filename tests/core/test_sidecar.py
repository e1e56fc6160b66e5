"""The sidecar file: where it lives, round trips, document order, re-anchoring, saving."""

from __future__ import annotations

import copy
import errno
import json
import os
import pickle
from dataclasses import FrozenInstanceError, replace
from pathlib import Path

import pytest

from app.core import atomic
from app.core.annotations import Annotation, make_annotation
from app.core.article import parse_plain_text
from app.core.errors import SidecarError
from app.core.sidecar import (
    FORMAT_NAME,
    FORMAT_VERSION,
    SIDECAR_SUFFIX,
    ArticleRef,
    Author,
    Sidecar,
    dump_sidecar,
    new_sidecar,
    parse_sidecar,
    read_sidecar,
    sidecar_path,
    write_sidecar,
)
from app.core.tags import Tag, TagSet, default_tagset

TEXT = (
    "Café owners «furious» 😀\n\n"
    "Sources say the radical plan will cost 5 million euros. "
    "The mayor said on Monday that the vote is final.\n"
)
ARTICLE = parse_plain_text(TEXT, Path("story.md"))
SOURCE = "story.md.slant.json"


def _annotate(sidecar: Sidecar, quote: str, tag: str = "verifiable-fact", note: str = ""):
    start = ARTICLE.text.index(quote)
    annotation = make_annotation(ARTICLE.text, tag, start, start + len(quote), note)
    sidecar.annotations.append(annotation)
    return annotation


def _sample() -> Sidecar:
    sidecar = new_sidecar(ARTICLE, Author("Zoë Ångström", "teacher"))
    _annotate(sidecar, "the vote is final", note="Who says? 🤔")
    _annotate(sidecar, "radical", tag="loaded-label", note="«loaded»\nsecond line")
    _annotate(sidecar, "Sources say", tag="unsourced-claim")
    return sidecar


def test_the_sidecar_sits_beside_the_article_with_the_full_name() -> None:
    assert SIDECAR_SUFFIX == ".slant.json"
    assert sidecar_path(Path("class/story.md")) == Path("class/story.md.slant.json")
    assert sidecar_path(Path("a.b.html")).name == "a.b.html.slant.json"


def test_a_new_sidecar_describes_the_article_and_has_no_annotations() -> None:
    sidecar = new_sidecar(ARTICLE)
    assert sidecar.article == ArticleRef("story.md", ARTICLE.sha256, len(TEXT), ARTICLE.title)
    assert sidecar.author == Author("", "student")
    assert sidecar.tagset == default_tagset()
    assert (sidecar.annotations, sidecar.tombstones, sidecar.extra) == ([], {}, {})


def test_a_new_sidecar_does_not_share_the_author_it_was_given() -> None:
    author = Author("Ana")
    sidecar = new_sidecar(ARTICLE, author)
    sidecar.author.name = "Changed"
    assert author.name == "Ana"


def test_round_trip_keeps_everything_including_unicode() -> None:
    sidecar = _sample()
    sidecar.tombstones["dead-1"] = "2026-03-01T10:00:00.000Z"
    again = parse_sidecar(dump_sidecar(sidecar), SOURCE, ARTICLE)
    assert again == replace(sidecar, annotations=sorted(sidecar.annotations, key=_order))
    assert again.author.name == "Zoë Ångström"
    assert {a.note for a in again.annotations} >= {"Who says? 🤔", "«loaded»\nsecond line"}


def test_annotations_read_are_ordinary_frozen_annotations_like_those_made_anew() -> None:
    sidecar = _sample()
    again = parse_sidecar(dump_sidecar(sidecar), SOURCE, ARTICLE)
    made = {a.id: a for a in sidecar.annotations}
    for read in again.annotations:
        assert isinstance(read, Annotation)
        assert read == made[read.id] and made[read.id] == read
        assert hash(read) == hash(made[read.id])
        assert repr(read) == repr(replace(made[read.id], status=read.status))
        assert (read.status, read.extra) == ("exact", None)
        with pytest.raises(FrozenInstanceError):
            read.note = "changed"  # type: ignore[misc]
        changed = read.with_changes(note="new")
        assert (changed.note, changed.exact, changed.prefix) == ("new", read.exact, read.prefix)
        for copied in (copy.copy(read), copy.deepcopy(read), pickle.loads(pickle.dumps(read))):
            assert copied == read and repr(copied) == repr(read)


def test_a_file_with_its_own_context_keeps_it_when_the_text_around_differs() -> None:
    sidecar = _sample()
    document = json.loads(dump_sidecar(sidecar))
    own = {"prefix": "an older lead-in ", "suffix": " and more"}
    document["annotations"][0].update(own)
    again = parse_sidecar(json.dumps(document).encode(), SOURCE, ARTICLE)
    first, *rest = again.annotations
    assert (first.prefix, first.suffix) == (own["prefix"], own["suffix"])
    assert first.exact == TEXT[first.start : first.end]
    for read in rest:
        assert (read.prefix, read.exact, read.suffix) == (
            TEXT[max(0, read.start - 32) : read.start],
            TEXT[read.start : read.end],
            TEXT[read.end : read.end + 32],
        )
    assert json.loads(dump_sidecar(again))["annotations"] == document["annotations"]


def test_members_in_any_order_read_the_same() -> None:
    data = dump_sidecar(_sample())
    document = json.loads(data)
    for order in (reversed(list(document)), ["annotations", *document]):
        reordered = {name: document[name] for name in order}
        again = json.dumps(reordered, ensure_ascii=False).encode()
        assert parse_sidecar(again, SOURCE, ARTICLE) == parse_sidecar(data, SOURCE, ARTICLE)


def test_a_problem_after_the_annotations_is_found() -> None:
    data = dump_sidecar(_sample())
    broken = data.rstrip()[:-1] + b', "tombstones": [{"id": "x", "deleted": "soon"}]}'
    with pytest.raises(SidecarError, match="deleted-annotation record 1"):
        parse_sidecar(broken, SOURCE, ARTICLE)
    with pytest.raises(SidecarError, match=r"JSON \(line \d+, column \d+: more text after the end"):
        parse_sidecar(data + b"}", SOURCE, ARTICLE)


def _order(annotation):
    return annotation.sort_key()


def test_the_file_is_utf8_with_indent_2_and_a_final_newline() -> None:
    data = dump_sidecar(_sample())
    assert data.endswith(b"}\n") and not data.endswith(b"\n\n")
    assert "Zoë Ångström".encode() in data, "non-ASCII is written as itself, not escaped"
    assert b'\n  "format": "slant-annotations",\n  "version": 1,\n' in data
    document = json.loads(data)
    assert list(document) == ["format", "version", "article", "author", "tagset", "annotations"]
    assert (document["format"], document["version"]) == (FORMAT_NAME, FORMAT_VERSION)


def test_writing_is_stable_so_rewrites_do_not_change_the_bytes() -> None:
    first = dump_sidecar(_sample())
    assert dump_sidecar(parse_sidecar(first, SOURCE, ARTICLE)) == first


def test_annotations_are_written_in_document_order() -> None:
    sidecar = _sample()
    same_start = make_annotation(ARTICLE.text, "loaded-label", 0, 4)
    sidecar.annotations.append(replace(same_start, id="zzz"))
    sidecar.annotations.append(replace(same_start, id="aaa"))
    stored = json.loads(dump_sidecar(sidecar))["annotations"]
    positions = [(a["start"], a["end"], a["id"]) for a in stored]
    assert positions == sorted(positions)
    assert [a["id"] for a in stored[:2]] == ["aaa", "zzz"]


def test_the_tag_set_is_embedded_in_full() -> None:
    tagset = TagSet("Class 7b", (Tag("spin", "Spin", "Twisting facts", "#E69F00", "s"),))
    sidecar = new_sidecar(ARTICLE, tagset=tagset)
    stored = json.loads(dump_sidecar(sidecar))["tagset"]
    assert stored == {
        "name": "Class 7b",
        "tags": [
            {
                "id": "spin",
                "label": "Spin",
                "description": "Twisting facts",
                "color": "#E69F00",
                "key": "s",
            }
        ],
    }
    assert parse_sidecar(dump_sidecar(sidecar), SOURCE).tagset == tagset


def test_tombstones_are_written_only_when_there_are_some() -> None:
    sidecar = _sample()
    assert "tombstones" not in json.loads(dump_sidecar(sidecar))
    sidecar.tombstones = {"b": "2026-03-01T10:00:00.000Z", "a": "2026-03-02T10:00:00Z"}
    stored = json.loads(dump_sidecar(sidecar))["tombstones"]
    assert stored == [
        {"id": "a", "deleted": "2026-03-02T10:00:00Z"},
        {"id": "b", "deleted": "2026-03-01T10:00:00.000Z"},
    ]
    assert parse_sidecar(dump_sidecar(sidecar), SOURCE).tombstones == sidecar.tombstones


def test_members_from_a_newer_version_survive_a_rewrite() -> None:
    document = json.loads(dump_sidecar(_sample()))
    document["future"] = {"nested": [1, 2.5, None, True, "ü"]}
    # ("url" was the example here until web pages made it a member of this version.)
    document["article"]["licence"] = "CC BY 4.0"
    document["author"]["class"] = "7b"
    document["annotations"][0]["confidence"] = 0.8
    data = json.dumps(document, ensure_ascii=False).encode()
    sidecar = parse_sidecar(data, SOURCE, ARTICLE)
    assert sidecar.extra == {"future": {"nested": [1, 2.5, None, True, "ü"]}}
    assert sidecar.article.extra == {"licence": "CC BY 4.0"}
    assert sidecar.author.extra == {"class": "7b"}
    assert sidecar.annotations[0].extra == {"confidence": 0.8}
    rewritten = json.loads(dump_sidecar(sidecar))
    assert rewritten == document


def test_a_lone_surrogate_in_a_note_is_written_as_a_replacement_and_reads_back() -> None:
    # Half of a UTF-16 pair is no text: reading refuses it, so writing never keeps it.
    sidecar = new_sidecar(ARTICLE)
    _annotate(sidecar, "radical", note="half a pair: \ud83d!")
    data = dump_sidecar(sidecar)
    assert b"\\ud83d" not in data
    assert parse_sidecar(data, SOURCE).annotations[0].note == "half a pair: \ufffd!"


def test_with_the_same_text_every_annotation_is_exact() -> None:
    sidecar = parse_sidecar(dump_sidecar(_sample()), SOURCE, ARTICLE)
    assert {a.status for a in sidecar.annotations} == {"exact"}


def test_an_orphan_is_marked_in_the_file_and_exempt_from_the_text_checks() -> None:
    sidecar = _sample()
    old = sidecar.annotations[0]
    lost = replace(old, start=500, end=500 + len("gone words"), exact="gone words", status="orphan")
    sidecar.annotations[0] = lost
    data = dump_sidecar(sidecar)
    stored = {a["id"]: a for a in json.loads(data)["annotations"]}
    assert stored[lost.id]["orphan"] is True
    assert sum("orphan" in a for a in stored.values()) == 1
    again = parse_sidecar(data, SOURCE, ARTICLE)
    statuses = {a.id: a.status for a in again.annotations}
    assert statuses.pop(lost.id) == "orphan"
    assert set(statuses.values()) == {"exact"}


def test_a_changed_article_re_anchors_instead_of_rejecting() -> None:
    pytest.importorskip("app.core.anchoring")
    data = dump_sidecar(_sample())
    edited = parse_plain_text("Breaking\n\n" + TEXT.replace("5 million", "7 million"))
    sidecar = parse_sidecar(data, SOURCE, edited)
    for annotation in sidecar.annotations:
        assert annotation.status in ("exact", "moved")
        assert edited.text[annotation.start : annotation.end] == annotation.exact
    assert sidecar.article.sha256 == edited.sha256
    assert sidecar.article.length == edited.length
    reread = parse_sidecar(dump_sidecar(sidecar), SOURCE, edited)
    assert {a.status for a in reread.annotations} == {"exact"}


def test_text_that_lost_a_quote_gives_an_orphan_that_survives_saving() -> None:
    pytest.importorskip("app.core.anchoring")
    data = dump_sidecar(_sample())
    edited = parse_plain_text(TEXT.replace("radical", "new"))
    sidecar = parse_sidecar(data, SOURCE, edited)
    orphans = [a for a in sidecar.annotations if a.status == "orphan"]
    assert [a.exact for a in orphans] == ["radical"]
    reread = parse_sidecar(dump_sidecar(sidecar), SOURCE, edited)
    assert [a.exact for a in reread.annotations if a.status == "orphan"] == ["radical"]


def test_write_then_read_gives_back_the_sidecar(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    sidecar = _sample()
    write_sidecar(path, sidecar)
    assert read_sidecar(path, ARTICLE).annotations == sorted(sidecar.annotations, key=_order)
    assert path.read_bytes() == dump_sidecar(sidecar)


def test_rewriting_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    sidecar = _sample()
    write_sidecar(path, sidecar)
    first = path.read_bytes()
    _annotate(sidecar, "Monday")
    write_sidecar(path, sidecar)
    assert (tmp_path / (SOURCE + ".bak")).read_bytes() == first
    assert len(read_sidecar(path).annotations) == 4


@pytest.mark.parametrize(
    ("code", "phrase"),
    [
        (errno.EROFS, "read-only"),
        (errno.EACCES, "not allowed"),
        (errno.EPERM, "not allowed"),
        (errno.ENOSPC, "disk is full"),
    ],
)
def test_a_failed_save_names_the_file_and_reason_and_keeps_the_errno(
    monkeypatch, tmp_path: Path, code: int, phrase: str
) -> None:
    def refuse(path, data, **kwargs):
        raise OSError(code, os.strerror(code), str(path))

    monkeypatch.setattr(atomic, "write_atomically", refuse)
    path = tmp_path / SOURCE
    with pytest.raises(SidecarError, match=phrase) as caught:
        write_sidecar(path, _sample())
    assert str(path) in str(caught.value)
    assert isinstance(caught.value.__cause__, OSError)
    assert caught.value.__cause__.errno == code


def test_a_save_into_a_missing_folder_is_a_sidecar_error(tmp_path: Path) -> None:
    path = tmp_path / "no-such-folder" / SOURCE
    with pytest.raises(SidecarError, match="folder does not exist") as caught:
        write_sidecar(path, _sample())
    assert caught.value.__cause__.errno == errno.ENOENT


def test_the_article_encoding_is_a_declared_member_written_only_when_known() -> None:
    sidecar = _sample()
    assert "encoding" not in json.loads(dump_sidecar(sidecar))["article"]
    sidecar.article = replace(sidecar.article, encoding="windows-1252")
    document = json.loads(dump_sidecar(sidecar))
    assert document["article"]["encoding"] == "windows-1252"
    again = parse_sidecar(json.dumps(document).encode(), SOURCE, ARTICLE)
    assert (again.article.encoding, again.article.extra) == ("windows-1252", {})
    document["article"]["encoding"] = 1252
    with pytest.raises(SidecarError, match="'article' has a 'encoding' that is a whole number"):
        parse_sidecar(json.dumps(document).encode(), SOURCE, ARTICLE)
