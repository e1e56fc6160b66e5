"""An annotation read from another tool's file, before it is placed on the article."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypedDict

from app.core.annotations import Annotation, now_iso
from app.core.sidecar_validation import is_timestamp


class Unusable(Exception):
    """An annotation that cannot be imported; the message says why, for the user."""


@dataclass(frozen=True)
class Candidate:
    """An imported annotation still to be placed, and what is known of where it goes.

    ``annotation`` holds the tool's quote, prefix and suffix as written (its start is
    ``position`` or 0). ``position`` is the expected start in the tool's own counting,
    None when the file gives none; ``within`` a range [start, end) the quote lies in, in
    that counting (a TextPositionSelector refined by the quote). ``number`` and ``name``
    say which annotation of the file it is; ``author`` is who made it ("" if unknown).
    """

    number: int
    name: str
    annotation: Annotation
    position: int | None = None
    within: tuple[int, int] | None = None
    author: str = ""


class ImportedFields(TypedDict):
    """What an imported annotation says besides its quote: id, tag, note and times."""

    id: str
    tag: str
    note: str
    created: str
    modified: str


def as_list(value: Any) -> list[Any]:
    """*value* as a list: JSON-LD allows one value or an array of them."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def utc_timestamp(value: Any, default: str | None = None) -> str:
    """A UTC time like 2026-03-01T14:05:00.000Z from any ISO 8601 time with a zone."""
    if isinstance(value, str):
        if is_timestamp(value):
            return value
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            if moment.tzinfo is not None:
                stamp = moment.astimezone(UTC).isoformat(timespec="milliseconds")
                return stamp.replace("+00:00", "Z")
        except (ValueError, OverflowError):  # OverflowError: a year 1 or 9999 time shifted
            pass
    return default or now_iso()
