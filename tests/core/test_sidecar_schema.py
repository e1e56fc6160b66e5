"""The published JSON Schema agrees with what Slant writes and refuses what it refuses."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.errors import SidecarError
from app.core.sidecar import Author, dump_sidecar, new_sidecar, parse_sidecar
from app.core.sidecar_schema import SCHEMA_FILE, schema_text
from app.paths import resource_path

TEXT = "Town votes\n\nSources say the radical plan will cost 5 million euros on Monday.\n"
ARTICLE = parse_plain_text(TEXT, Path("story.md"))


def _schema(name: str) -> dict[str, Any]:
    return json.loads(resource_path("schema", name).read_text(encoding="utf-8"))


SIDECAR_SCHEMA = _schema("slant-annotations-1.schema.json")
TAGSET_SCHEMA = _schema("tagset-1.schema.json")
REGISTRY = Registry().with_resources(
    (schema["$id"], Resource.from_contents(schema)) for schema in (SIDECAR_SCHEMA, TAGSET_SCHEMA)
)
VALIDATOR = jsonschema.Draft202012Validator(SIDECAR_SCHEMA, registry=REGISTRY)


def _written() -> dict[str, Any]:
    sidecar = new_sidecar(ARTICLE, Author("Zoë", "teacher"))
    for quote, tag in (("Sources say", "unsourced-claim"), ("radical", "loaded-label")):
        start = TEXT.index(quote)
        sidecar.annotations.append(make_annotation(TEXT, tag, start, start + len(quote), "ü"))
    sidecar.tombstones["gone"] = "2026-03-01T10:00:00.000Z"
    sidecar.extra["future"] = [1, 2]
    sidecar.annotations[0] = replace(sidecar.annotations[0], status="orphan")
    return json.loads(dump_sidecar(sidecar))


WRITTEN = _written()


def test_the_schemas_are_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(SIDECAR_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(TAGSET_SCHEMA)


def test_what_slant_writes_matches_the_schema() -> None:
    assert WRITTEN["annotations"][0]["orphan"] is True
    assert "tombstones" in WRITTEN
    VALIDATOR.validate(WRITTEN)


def _with(path: tuple, value: Any) -> dict[str, Any]:
    document = copy.deepcopy(WRITTEN)
    target = document
    for step in path[:-1]:
        target = target[step]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return document


_DELETE = object()

INVALID = [
    ("format", ("format",), "slant"),
    ("newer-version", ("version",), 2),
    ("no-article", ("article",), _DELETE),
    ("short-sha", ("article", "sha256"), "abc"),
    ("length-bool", ("article", "length"), True),
    ("role", ("author", "role"), "admin"),
    ("negative-start", ("annotations", 0, "start"), -1),
    ("start-text", ("annotations", 0, "start"), "3"),
    ("no-tag", ("annotations", 1, "tag"), _DELETE),
    ("empty-id", ("annotations", 1, "id"), ""),
    ("local-time", ("annotations", 1, "created"), "2026-03-01T10:00:00+01:00"),
    ("orphan-text", ("annotations", 0, "orphan"), "yes"),
    ("bad-color", ("tagset", "tags", 0, "color"), "red"),
    ("no-tags", ("tagset", "tags"), []),
    ("tombstone-time", ("tombstones", 0, "deleted"), "yesterday"),
]


@pytest.mark.parametrize(
    ("path", "value"), [(p, v) for _, p, v in INVALID], ids=[name for name, _, _ in INVALID]
)
def test_the_schema_and_the_reader_both_refuse(path: tuple, value: Any) -> None:
    document = _with(path, value)
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(SidecarError):
        parse_sidecar(json.dumps(document).encode(), "story.md.slant.json")


def test_the_published_schema_is_the_one_generated_from_the_declared_records() -> None:
    # After a change to app/core/sidecar_format.py: python -m app.core.sidecar_schema
    committed = resource_path("schema", SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text()
