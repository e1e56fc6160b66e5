"""Reading Hypothesis's own API export: ``{"total": N, "rows": [annotation, ...]}``.

Each row (https://h.readthedocs.io/en/latest/api-reference/, search) has ``tags`` (a list
of strings), ``text`` (the note), ``target`` (a list of ``{"source", "selector": [...]}``
with TextQuoteSelector, TextPositionSelector and RangeSelector), ``user``
("acct:name@hypothes.is"), ``created``, ``updated`` and ``uri``. A row becomes one
annotation per tag of ours it names (Slant gives each annotation one tag); rows without
selected words (page notes, replies) and tags we do not have are skipped with a reason.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

from app.core.exports.import_candidate import (
    Candidate,
    ImportedFields,
    Unusable,
    as_list,
    utc_timestamp,
)
from app.core.exports.w3c import SLANT_NAMESPACE
from app.core.exports.w3c_selectors import find_quote
from app.core.translation import translate


def is_hypothesis_export(document: Any) -> bool:
    """Whether *document* has the shape of a Hypothesis search response."""
    return isinstance(document, dict) and "rows" in document and "type" not in document


def hypothesis_candidates(
    rows: list[Any], tags: dict[str, str]
) -> Iterator[Candidate | tuple[int, str]]:
    """Candidates from the rows, and (row number, reason) for what cannot be used.

    *tags* maps casefolded tag ids and labels to tag ids.
    """
    label = translate("Import", "annotation {number}")
    for number, row in enumerate(rows, start=1):
        name = label.format(number=number)
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            name += f" ({row['id']})"
        try:
            yield from _row_candidates(number, name, row, tags)
        except Unusable as exc:
            yield number, f"{name}: {exc}"


def _row_candidates(
    number: int, name: str, row: Any, tags: dict[str, str]
) -> Iterator[Candidate | tuple[int, str]]:
    if not isinstance(row, dict):
        raise Unusable(translate("Import", "it is not an annotation (a JSON object)"))
    if as_list(row.get("references")):
        raise Unusable(translate("Import", "it is a reply to another annotation, not on words"))
    targets = [t for t in as_list(row.get("target")) if isinstance(t, dict)]
    if not any(t.get("selector") for t in targets):
        raise Unusable(translate("Import", "it is a page note: it selects no words"))
    labels = [t.strip() for t in as_list(row.get("tags")) if isinstance(t, str) and t.strip()]
    if not labels:
        raise Unusable(translate("Import", "it has no tags, so it cannot be given one of ours"))
    known = list(dict.fromkeys(tags[t.casefold()] for t in labels if t.casefold() in tags))
    unknown = [t for t in labels if t.casefold() not in tags]
    if unknown:
        reason = translate("Import", "{tags} is not a tag of this tag set ({ids})").format(
            tags=", ".join(repr(t) for t in unknown), ids=", ".join(sorted(set(tags.values())))
        )
        if not known:
            raise Unusable(reason)
        yield number, f"{name}: " + reason + translate("Import", "; imported with its other tags")
    lookup = find_quote(targets)
    text = row.get("text")
    created = utc_timestamp(row.get("created"))
    modified = utc_timestamp(row.get("updated"), created)
    note = text.strip() if isinstance(text, str) else ""
    for tag in known:
        fields = ImportedFields(
            id=_annotation_id(row, tag), tag=tag, note=note, created=created, modified=modified
        )
        yield lookup.candidate(number, name, fields, _author(row))


def _annotation_id(row: dict[str, Any], tag: str) -> str:
    """A uuid5 of the row's id and the tag: a re-import gives the same ids."""
    key = row.get("id")
    if not isinstance(key, str):
        key = json.dumps(row, sort_keys=True, ensure_ascii=True)
    return str(uuid.uuid5(SLANT_NAMESPACE, f"hypothesis/{key}/{tag}"))


def _author(row: dict[str, Any]) -> str:
    """The account name of ``user`` ("acct:maya@hypothes.is" gives "maya")."""
    user = row.get("user")
    if not isinstance(user, str):
        return ""
    return user.removeprefix("acct:").rsplit("@", 1)[0].strip()
