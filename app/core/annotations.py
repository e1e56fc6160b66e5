"""Annotations: a tagged span of an article's canonical text, with its quote and note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from typing import Any

from app.core.translation import translate

CONTEXT_CHARS = 32

# How an annotation was placed on the current text (see docs/FORMAT.md, re-anchoring).
ANCHOR_STATUSES = ("exact", "moved", "fuzzy", "orphan")
# Placed on edited words, or not placed at all: the reader should look at these.
ATTENTION_STATUSES = frozenset(("fuzzy", "orphan"))


def now_iso() -> str:
    """Return the current UTC time as ISO 8601 with a trailing Z, to the millisecond."""
    stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def new_id() -> str:
    """Return a fresh UUID4 string for a new annotation."""
    import uuid  # here: it imports the platform module, 3 ms that start-up need not spend

    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Annotation:
    """One tagged span [start, end) in code points of the canonical text.

    ``status`` is how the span was anchored when the sidecar was read; it is not stored.
    ``extra`` holds members written by newer versions, so that a rewrite keeps them
    (None when there are none).
    """

    id: str
    tag: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    created: str = ""
    modified: str = ""
    status: str = field(default="exact", compare=False)
    # None for nearly all: an empty dict each would be 3 MB of 50,000 annotations.
    extra: dict[str, Any] | None = field(default=None, compare=False)

    def sort_key(self) -> tuple[int, int, str]:
        """Document order: by start, then end, then id for stability."""
        return (self.start, self.end, self.id)

    def with_changes(self, **changes: Any) -> Annotation:
        """Return a copy with *changes* applied and ``modified`` set to now."""
        changes.setdefault("modified", now_iso())
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """Return the annotation as stored in a sidecar (stable key order)."""
        data: dict[str, Any] = {name: getattr(self, name) for name in STORED_MEMBERS}
        if self.status == "orphan":
            data["orphan"] = True
        for key, value in (self.extra or {}).items():
            data.setdefault(key, value)
        return data


# The members a sidecar stores for each annotation, in the order they are written;
# "orphan": true marks one that re-anchoring could not place on the current text.
STORED_MEMBERS = tuple(member.name for member in fields(Annotation))[:-2]


def make_annotation(
    text: str, tag: str, start: int, end: int, note: str = "", *, trim: bool = True
) -> Annotation:
    """Create an annotation of text[start:end], trimming surrounding whitespace.

    Raises ValueError when the span is out of range (a caller's mistake: its message is
    English) or, with a sentence for the user, when it is empty after trimming.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is outside the text (length {len(text)})")
    if trim:
        start, end = trim_span(text, start, end)
    if start >= end:
        raise ValueError(translate("Annotations", "the selection is empty or only whitespace"))
    stamp = now_iso()
    prefix, suffix = context_around(text, start, end)
    return Annotation(
        id=new_id(),
        tag=tag,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=prefix,
        suffix=suffix,
        note=note,
        created=stamp,
        modified=stamp,
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def context_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Return up to CONTEXT_CHARS code points of text before *start* and after *end*."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int | None:
    """Return the start of the *occurrence*-th (1-based) match of *quote*, or None."""
    if not quote or occurrence < 1:
        return None
    index = -1
    for _ in range(occurrence):
        index = text.find(quote, index + 1)
        if index < 0:
            return None
    return index


def in_document_order(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Return the annotations sorted by position (Annotation.sort_key)."""
    return sorted(annotations, key=Annotation.sort_key)
