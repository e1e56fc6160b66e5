"""The sidecar's published JSON Schema, generated from the records sidecar_format declares.

`python -m app.core.sidecar_schema` rewrites resources/schema/slant-annotations-1.schema.json;
a test fails when the committed file differs from what this generates, so the schema and
the reader cannot disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import msgspec

from app.core.sidecar_format import FORMAT_NAME, FORMAT_VERSION, StoredFile

SCHEMA_FILE = "slant-annotations-1.schema.json"
_DESCRIPTION = (
    "The <article file name>.slant.json file beside an article. Offsets count Unicode code "
    "points of the article's canonical text, half-open [start, end). Members not listed "
    "here are allowed and are preserved by Slant when it rewrites the file (but for those "
    "of tombstones). Some rules cannot be expressed here and are checked by Slant only: "
    "end > start, end <= article.length (unless orphan), exact has end - start code points, "
    "unique annotation ids, tag ids from the embedded tag set, integers at most 2^53 "
    "anywhere, valid calendar dates. Generated from app/core/sidecar_format.py."
)


def sidecar_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a sidecar, as Slant reads it."""
    generated = msgspec.json.schema(StoredFile)
    definitions = generated["$defs"]
    for record in definitions.values():
        record.pop("title", None)  # our class names, which mean nothing in a file
        # Unknown members are allowed: the reader sets them aside and writes them back.
        record.pop("additionalProperties", None)
    top = definitions.pop("StoredFile")
    top["properties"]["format"] = {"const": FORMAT_NAME}
    top["properties"]["version"] = {"const": FORMAT_VERSION}
    top["properties"]["tagset"] = {"$ref": "tagset-1.schema.json"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://slant.invalid/schema/{SCHEMA_FILE}",
        "title": f"Slant annotations sidecar, format version {FORMAT_VERSION}",
        **top,
        "description": _DESCRIPTION,
        "$defs": definitions,
    }


def schema_text() -> str:
    """The schema as it is committed: indent 2, a final newline."""
    return json.dumps(sidecar_json_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "resources" / "schema" / SCHEMA_FILE
    target.write_text(schema_text(), encoding="utf-8")
    sys.stdout.write(f"wrote {target}\n")
