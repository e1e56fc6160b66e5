"""The example teacher tag set loads, and the tag-set schema agrees with load_tagset."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from app.core.errors import TagSetError
from app.core.tags import default_tagset, load_tagset
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
