"""Import W3C Web Annotations (ours or another tool's) as annotations on an article.

Accepted shapes: one Annotation, a list of them, an AnnotationPage (``items``) or an
AnnotationCollection (``first.items`` or ``items``). Each annotation needs a
TextQuoteSelector (directly, in a list, or among the items of a Choice); a
TextPositionSelector is used as the expected position. The tag comes from a body whose
value is a tag id or label (case-insensitive) and whose purpose is "tagging" (or absent);
annotations without such a body are skipped with a reason, never given a guessed tag.
The note is the text of "commenting" bodies (and of a plain ``bodyValue``).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.core.anchoring import reanchor
from app.core.annotation_set import AnnotationSet
from app.core.annotations import Annotation, context_around, now_iso
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
from app.core.errors import ExportError, SidecarError
from app.core.exports.w3c import SLANT_NAMESPACE
from app.core.sidecar import MAX_SIDECAR_BYTES
from app.core.sidecar_validation import check_no_lone_surrogate, is_timestamp
from app.core.store import open_annotations, save_annotations
from app.core.tags import TagSet, default_tagset

_MAX_DEPTH = 8  # how deep Choice/list nesting of selectors is followed
_MAX_OCCURRENCES = 1000  # of one quote, compared by context (a very common word ...)


def import_w3c(
    data: bytes, article: Article, source: str, tagset: TagSet | None = None
) -> tuple[list[Annotation], list[str]]:
    """Turn Web Annotation JSON into annotations placed on *article*'s text.

    Returns (annotations, skipped) where *skipped* holds one reason per annotation that
    could not be used. Tags are matched against *tagset* (default: the built-in set).
    Raises ExportError naming *source* when the data is not JSON or holds no annotations.
    """
    try:
        document = json.loads(data.decode("utf-8-sig"))
        check_no_lone_surrogate(document, source)
    except SidecarError as exc:
        raise ExportError(str(exc)) from None
    except (ValueError, RecursionError) as exc:  # ValueError: also an int of 4,300+ digits
        raise ExportError(f"{source}: this is not valid Web Annotation JSON ({exc})") from exc
    items = list(_annotation_items(document))
    if not items:
        raise ExportError(
            f"{source}: no annotations found (expected an Annotation, a list of them, "
            "an AnnotationPage or an AnnotationCollection)"
        )
    tags = _tag_lookup(tagset or default_tagset())
    candidates: list[Annotation] = []
    skipped: list[str] = []
    for number, item in enumerate(items, start=1):
        name = f"annotation {number}" + (
            f" ({item['id']})" if isinstance(item.get("id"), str) else ""
        )
        try:
            candidates.append(_annotation(item, article, tags))
        except _Unusable as exc:
            skipped.append(f"{name}: {exc}")
            continue
    placed: list[Annotation] = []
    seen: set[str] = set()
    for annotation in _place(article.text, candidates):
        if annotation.status == "orphan":
            skipped.append(
                f"{annotation.id}: the quote {annotation.exact[:40]!r} is not in the article"
            )
        elif annotation.id in seen:
            skipped.append(f"{annotation.id}: the same id appears twice")
        else:
            seen.add(annotation.id)
            placed.append(annotation)
    return placed, skipped


def _place(text: str, candidates: list[Annotation]) -> list[Annotation]:
    """Place each candidate: at its TextPositionSelector when the quote is there (exact),
    else at the occurrence of the quote whose context fits best (moved), else by
    re-anchoring, which finds edited quotes (fuzzy) or gives up (orphan).

    Other tools often give little or no prefix/suffix, which re-anchoring (made for our
    own 32-character contexts) would rightly distrust; an exact quote needs no such care.
    """
    placed: list[Annotation | None] = []
    hard: list[int] = []
    for index, annotation in enumerate(candidates):
        if text[annotation.start : annotation.end] == annotation.exact:
            placed.append(_at(text, annotation, annotation.start, "exact"))
            continue
        start = _best_occurrence(text, annotation)
        if start is None:
            hard.append(index)
            placed.append(None)
        else:
            placed.append(_at(text, annotation, start, "moved"))
    for index, annotation in zip(hard, reanchor(text, [candidates[i] for i in hard]), strict=True):
        placed[index] = annotation
    return [annotation for annotation in placed if annotation is not None]


def _at(text: str, annotation: Annotation, start: int, status: str) -> Annotation:
    end = start + len(annotation.exact)
    prefix, suffix = context_around(text, start, end)
    return replace(annotation, start=start, end=end, prefix=prefix, suffix=suffix, status=status)


def _best_occurrence(text: str, annotation: Annotation) -> int | None:
    """The occurrence of the quote with the most matching context, then the nearest."""
    best: tuple[int, int] | None = None
    best_start = None
    start = text.find(annotation.exact)
    for _ in range(_MAX_OCCURRENCES):
        if start < 0:
            break
        before = text[max(0, start - len(annotation.prefix)) : start]
        after = text[start + len(annotation.exact) :][: len(annotation.suffix)]
        fit = _common_suffix(before, annotation.prefix) + _common_prefix(after, annotation.suffix)
        rank = (fit, -abs(start - annotation.start))
        if best is None or rank > best:
            best, best_start = rank, start
        start = text.find(annotation.exact, start + 1)
    return best_start


def _common_prefix(a: str, b: str) -> int:
    # os.path.commonprefix compares character by character: what is wanted here.
    return len(os.path.commonprefix([a, b]))  # noqa: RUF071


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])


class _Unusable(Exception):
    """An annotation that cannot be imported; the message says why."""


def _annotation_items(document: Any) -> Iterator[dict[str, Any]]:
    if isinstance(document, list):
        for item in document:
            yield from _annotation_items(item)
        return
    if not isinstance(document, dict):
        return
    if "Annotation" in _types(document):
        yield document
        return
    first = document.get("first")
    if isinstance(first, dict):
        yield from _annotation_items(first)
    items = document.get("items")
    if isinstance(items, list):
        yield from _annotation_items(items)


def _types(value: dict[str, Any]) -> list[str]:
    kind = value.get("type", value.get("@type"))
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def _tag_lookup(tagset: TagSet) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for tag in tagset.tags:
        lookup.setdefault(tag.label.casefold().strip(), tag.id)
        lookup[tag.id.casefold()] = tag.id
    return lookup


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _annotation(item: dict[str, Any], article: Article, tags: dict[str, str]) -> Annotation:
    quote, position = _selectors(item.get("target"))
    if quote is None:
        raise _Unusable("it has no TextQuoteSelector, so its passage cannot be found")
    exact = quote.get("exact")
    if not isinstance(exact, str) or not exact:
        raise _Unusable("its TextQuoteSelector has no 'exact' text")
    tag, notes = _bodies(item, tags)
    if tag is None:
        raise _Unusable("no body names one of the tags (by id or label)")
    start = _position(position)
    prefix, suffix = quote.get("prefix"), quote.get("suffix")
    created = _timestamp(item.get("created"))
    return Annotation(
        id=_annotation_id(item),
        tag=tag,
        start=start,
        end=start + len(exact),
        exact=exact,
        prefix=prefix[-64:] if isinstance(prefix, str) else "",
        suffix=suffix[:64] if isinstance(suffix, str) else "",
        note="\n\n".join(notes),
        created=created,
        modified=_timestamp(item.get("modified"), created),
    )


def _selectors(target: Any) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The first TextQuoteSelector and TextPositionSelector in any target."""
    quote = position = None
    for one in _as_list(target):
        if not isinstance(one, dict):
            continue
        for selector in _flatten_selectors(one.get("selector"), 0):
            kinds = _types(selector)
            if quote is None and "TextQuoteSelector" in kinds:
                quote = selector
            if position is None and "TextPositionSelector" in kinds:
                position = selector
        if quote is not None:
            break
    return quote, position


def _flatten_selectors(value: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > _MAX_DEPTH:
        return
    for selector in _as_list(value):
        if not isinstance(selector, dict):
            continue
        if "Choice" in _types(selector):
            yield from _flatten_selectors(selector.get("items"), depth + 1)
        else:
            yield selector


def _bodies(item: dict[str, Any], tags: dict[str, str]) -> tuple[str | None, list[str]]:
    tag: str | None = None
    notes: list[str] = []
    bodies = _as_list(item.get("body"))
    if isinstance(item.get("bodyValue"), str):
        bodies.append({"type": "TextualBody", "value": item["bodyValue"], "purpose": "commenting"})
    for body in bodies:
        if isinstance(body, str) or not isinstance(body, dict):
            continue
        value = body.get("value", body.get("chars"))
        if not isinstance(value, str):
            continue
        purposes = [p for p in _as_list(body.get("purpose")) if isinstance(p, str)]
        matched = tags.get(value.casefold().strip())
        if tag is None and matched and (not purposes or "tagging" in purposes):
            tag = matched
        elif "tagging" not in purposes and value.strip():
            notes.append(value.strip())
    return tag, notes


def _position(selector: dict[str, Any] | None) -> int:
    """The expected start from a TextPositionSelector, else 0 (the beginning)."""
    if selector is not None:
        start, end = selector.get("start"), selector.get("end")
        if type(start) is int and type(end) is int and 0 <= start <= end:
            return start
    return 0


def _annotation_id(item: dict[str, Any]) -> str:
    """The UUID of an ``urn:uuid:`` id, else a uuid5 of the id or (without one) of the
    annotation's content: importing the same file twice gives the same ids."""
    value = item.get("id")
    if isinstance(value, str) and value:
        try:
            return str(uuid.UUID(value.removeprefix("urn:uuid:")))
        except ValueError:
            return str(uuid.uuid5(SLANT_NAMESPACE, value))
    content = json.dumps(item, sort_keys=True, ensure_ascii=True)
    return str(uuid.uuid5(SLANT_NAMESPACE, "content/" + content))


def _timestamp(value: Any, default: str | None = None) -> str:
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


def import_into_sidecar(source: Path, article: Article) -> tuple[Path, list[str]]:
    """Import the Web Annotation file *source* into *article*'s sidecar and save it.

    Annotations whose id, or whose tag and span, the sidecar already has are skipped.
    Returns (the sidecar path written, reasons for skipped annotations). Raises
    ExportError when *source* cannot be read or parsed, SidecarError when the sidecar
    cannot be read or written.
    """
    source = Path(source)
    try:
        data = read_bounded(source, MAX_SIDECAR_BYTES)
    except FileTooBig as exc:
        raise ExportError(f"{source}: the file is too big to import") from exc
    except NotRegularFile as exc:
        raise ExportError(f"{source}: this is not an ordinary file") from exc
    except OSError as exc:
        raise ExportError(f"{source}: cannot be read ({exc.strerror or exc})") from exc
    sidecar, _ = open_annotations(article)
    imported, skipped = import_w3c(data, article, str(source), sidecar.tagset)
    annotations = AnnotationSet.from_sidecar(sidecar)
    spans = {(a.tag, a.start, a.end) for a in annotations}
    for annotation in imported:
        if annotation.id in annotations:
            skipped.append(f"{annotation.id}: already in the sidecar")
        elif (annotation.tag, annotation.start, annotation.end) in spans:
            skipped.append(f"{annotation.id}: the sidecar already tags this passage the same way")
        else:
            # Importing is an explicit wish to have it: the set's add outlives an old deletion.
            annotations.add(annotation)
            spans.add((annotation.tag, annotation.start, annotation.end))
    return save_annotations(article, annotations.in_sidecar(sidecar)), skipped
