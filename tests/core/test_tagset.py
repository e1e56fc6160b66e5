"""The example teacher tag set loads, and the tag-set schema agrees with load_tagset."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from deadline import deadline

from app.core.errors import TagSetError
from app.core.tags import default_tagset, load_tagset, tagset_from_json
from app.paths import resource_path

EXAMPLE = resource_path("tagsets", "example-tagset.json")
SCHEMA = json.loads(resource_path("schema", "tagset-1.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_the_example_tag_set_loads_with_five_tags_and_keys_1_to_5() -> None:
    tagset = load_tagset(EXAMPLE)
    assert tagset.ids() == [
        "opinion-as-fact",
        "emotional-appeal",
        "loaded-label",
        "unsourced-claim",
        "verifiable-fact",
    ]
    assert [tag.key for tag in tagset.tags] == ["1", "2", "3", "4", "5"]
    assert all(tag.label and len(tag.description) > 40 for tag in tagset.tags)


def test_the_example_reuses_three_default_tags_unchanged() -> None:
    example = load_tagset(EXAMPLE)
    shared = [tag for tag in default_tagset().tags if example.get(tag.id) is not None]
    assert [tag.id for tag in shared] == ["loaded-label", "unsourced-claim", "verifiable-fact"]
    for tag in shared:
        copy_in_example = example.get(tag.id)
        assert copy_in_example is not None
        assert (copy_in_example.label, copy_in_example.description, copy_in_example.color) == (
            tag.label,
            tag.description,
            tag.color,
        )


def test_the_example_has_six_distinct_colours_with_the_defaults() -> None:
    colours = {tag.color for tag in load_tagset(EXAMPLE).tags}
    colours |= {tag.color for tag in default_tagset().tags}
    assert len(colours) == 6


def test_the_example_matches_the_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    VALIDATOR.validate(json.loads(EXAMPLE.read_text(encoding="utf-8")))


def _example_with(path: tuple, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    target = document
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return document


INVALID = [
    ("blank-name", ("name",), "  "),
    ("no-tags", ("tags",), []),
    ("upper-case-id", ("tags", 0, "id"), "Opinion"),
    ("named-color", ("tags", 1, "color"), "orange"),
    ("long-key", ("tags", 2, "key"), "12"),
    ("label-number", ("tags", 3, "label"), 4),
    ("guide-list", ("tags", 4, "guide"), []),
]


@pytest.mark.parametrize(
    ("path", "value"), [(p, v) for _, p, v in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_the_schema_and_load_tagset_both_refuse(tmp_path: Path, path: tuple, value: Any) -> None:
    document = _example_with(path, value)
    assert not VALIDATOR.is_valid(document)
    broken = tmp_path / "broken-tagset.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(TagSetError) as caught:
        load_tagset(broken)
    assert "broken-tagset.json" in str(caught.value)


def _tag(number: int) -> dict[str, str]:
    return {"id": f"tag-{number}", "label": f"Tag {number}", "description": "", "color": "#123456"}


def test_a_tag_set_holds_at_most_64_tags() -> None:
    assert len(tagset_from_json({"name": "Big", "tags": [_tag(n) for n in range(64)]}, "x").tags)
    with pytest.raises(TagSetError, match="64"):
        tagset_from_json({"name": "Bomb", "tags": [_tag(n) for n in range(30_000)]}, "bomb.json")


@pytest.mark.parametrize(("member", "value"), [("id", "loaded-label\n"), ("color", "#D55E00\n")])
def test_ids_and_colours_with_a_trailing_newline_are_refused(member: str, value: str) -> None:
    tag = dict(_tag(1), **{member: value})
    with pytest.raises(TagSetError, match=member):
        tagset_from_json({"name": "Set", "tags": [tag]}, "set.json")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_as_the_tag_set_file_is_an_error_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "tagset.json"
    os.mkfifo(fifo)
    with deadline(), pytest.raises(TagSetError, match=r"tagset\.json"):
        load_tagset(fifo)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_as_the_tag_set_file_is_an_error(tmp_path: Path) -> None:
    link = tmp_path / "tagset.json"
    link.symlink_to("/dev/zero")
    with deadline(), pytest.raises(TagSetError, match=r"tagset\.json"):
        load_tagset(link)


HOSTILE_FILES = {
    "huge-integer": '{"name": "x", "tags": [], "n": ' + "9" * 5000 + "}",
    "deep-nesting": "[" * 100_000 + "]" * 100_000,
    "invalid-json": '{"name": ',
    "not-utf-8": b'{"name": "\xff"}',
    "too-big": '{"name": "' + "x" * 2_000_000 + '", "tags": [' + json.dumps(_tag(1)) + "]}",
}


@pytest.mark.parametrize("content", HOSTILE_FILES.values(), ids=HOSTILE_FILES.keys())
def test_a_hostile_tag_set_file_is_a_tag_set_error_naming_it(tmp_path: Path, content) -> None:
    path = tmp_path / "hostile-tagset.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(TagSetError, match=r"hostile-tagset\.json"):
        load_tagset(path)
