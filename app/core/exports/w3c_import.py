"""Import annotations made with other tools (or exported by Slant) onto an article.

Two formats. W3C Web Annotations: one Annotation, a list of them, an AnnotationPage
(``items``) or an AnnotationCollection (``first.items`` or ``items``); each needs a
TextQuoteSelector, directly, in a list, in a Choice or at the end of ``refinedBy``
refinements (w3c_selectors.py). The tag comes from a body with purpose "tagging" whose
value is a tag id or label (case-insensitive); only when no body has that purpose, from a
body without purpose whose value names a tag. The note is the text of the other bodies
(and of a plain ``bodyValue``), the author the ``creator``'s name. And Hypothesis's API
export, ``{"total": N, "rows": [...]}`` (hypothesis_import.py). Annotations that cannot be
used are skipped with a reason, never given a guessed tag or place.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from app.core.annotation_set import AnnotationSet
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
from app.core.errors import ExportError, SidecarError
from app.core.exports.hypothesis_import import hypothesis_candidates, is_hypothesis_export
from app.core.exports.import_candidate import (
    Candidate,
    ImportedFields,
    Unusable,
    as_list,
    utc_timestamp,
)
from app.core.exports.quote_placement import place_candidates
from app.core.exports.w3c import SLANT_NAMESPACE
from app.core.exports.w3c_selectors import find_quote, selector_types
from app.core.sidecar import MAX_SIDECAR_BYTES
from app.core.sidecar_validation import check_no_lone_surrogate
from app.core.store import open_annotations, save_annotations
from app.core.tags import TagSet, default_tagset
from app.core.translation import translate


@dataclass(frozen=True)
class ImportedAnnotations:
    """What an import found: the placed annotations, one reason per annotation (or tag)
    skipped, in the file's order, and the names of the people who made the annotations."""

    annotations: list[Annotation]
    skipped: list[str]
    authors: list[str]


def import_annotations(
    data: bytes, article: Article, source: str, tagset: TagSet | None = None
) -> ImportedAnnotations:
    """Turn W3C Web Annotation JSON or a Hypothesis export into annotations on *article*.

    Tags are matched against *tagset* (default: the built-in set). Raises ExportError
    naming *source* when the data is not JSON or holds no annotations.
    """
    try:
        document = json.loads(data.decode("utf-8-sig"))
        check_no_lone_surrogate(document, source)
    except SidecarError as exc:
        raise ExportError(str(exc)) from None
    except (ValueError, RecursionError) as exc:  # ValueError: also an int of 4,300+ digits
        raise ExportError(f"{source}: this is not valid Web Annotation JSON ({exc})") from exc
    tags = _tag_lookup(tagset or default_tagset())
    if is_hypothesis_export(document):
        rows = document["rows"]
        if not isinstance(rows, list) or not rows:
            problem = translate("Import", "{source}: this Hypothesis export has no rows")
            raise ExportError(problem.format(source=source))
        found = list(hypothesis_candidates(rows, tags))
    else:
        items = list(_annotation_items(document))
        if not items:
            problem = translate(
                "Import",
                "{source}: no annotations found (expected an Annotation, a list of them, an "
                "AnnotationPage, an AnnotationCollection or a Hypothesis export)",
            )
            raise ExportError(problem.format(source=source))
        found = list(_w3c_candidates(items, tags))
    return _placed(article.text, found)


def import_w3c(
    data: bytes, article: Article, source: str, tagset: TagSet | None = None
) -> tuple[list[Annotation], list[str]]:
    """import_annotations(...) as (annotations, reasons for those skipped)."""
    result = import_annotations(data, article, source, tagset)
    return result.annotations, result.skipped


def _placed(text: str, found: list[Candidate | tuple[int, str]]) -> ImportedAnnotations:
    """Place the candidates; every skip, with its annotation's number, in file order."""
    candidates = [c for c in found if isinstance(c, Candidate)]
    skipped = [item for item in found if not isinstance(item, Candidate)]
    placed: list[Annotation] = []
    authors: dict[str, None] = {}
    seen: set[str] = set()
    for candidate, result in zip(candidates, place_candidates(text, candidates), strict=True):
        if isinstance(result, str):
            skipped.append((candidate.number, f"{candidate.name}: {result}"))
        elif result.id in seen:
            reason = translate("Import", "the same id appears twice")
            skipped.append((candidate.number, f"{candidate.name}: {reason}"))
        else:
            seen.add(result.id)
            placed.append(result)
            if candidate.author:
                authors[candidate.author] = None
    skipped.sort(key=lambda item: item[0])  # stable: one annotation's reasons stay in order
    return ImportedAnnotations(placed, [reason for _, reason in skipped], list(authors))


def _w3c_candidates(
    items: list[dict[str, Any]], tags: dict[str, str]
) -> Iterator[Candidate | tuple[int, str]]:
    label = translate("Import", "annotation {number}")
    for number, item in enumerate(items, start=1):
        name = label.format(number=number)
        if isinstance(item.get("id"), str):
            name += f" ({item['id']})"
        try:
            yield _candidate(number, name, item, tags)
        except Unusable as exc:
            yield number, f"{name}: {exc}"


def _annotation_items(document: Any) -> Iterator[dict[str, Any]]:
    if isinstance(document, list):
        for item in document:
            yield from _annotation_items(item)
        return
    if not isinstance(document, dict):
        return
    if "Annotation" in selector_types(document):
        yield document
        return
    first = document.get("first")
    if isinstance(first, dict):
        yield from _annotation_items(first)
    items = document.get("items")
    if isinstance(items, list):
        yield from _annotation_items(items)


def _tag_lookup(tagset: TagSet) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for tag in tagset.tags:
        lookup.setdefault(tag.label.casefold().strip(), tag.id)
        lookup[tag.id.casefold()] = tag.id
    return lookup


def _candidate(number: int, name: str, item: dict[str, Any], tags: dict[str, str]) -> Candidate:
    tag, notes = _bodies(item, tags)
    created = utc_timestamp(item.get("created"))
    fields = ImportedFields(
        id=_annotation_id(item),
        tag=tag,
        note="\n\n".join(notes),
        created=created,
        modified=utc_timestamp(item.get("modified"), created),
    )
    return find_quote(item.get("target")).candidate(number, name, fields, _creator(item))


def _bodies(item: dict[str, Any], tags: dict[str, str]) -> tuple[str, list[str]]:
    """The tag and the notes. An explicit tagging body wins over one without purpose
    whose text happens to be a tag's label; that one is then a note.

    Raises Unusable when no body gives one of the tags.
    """
    bodies = as_list(item.get("body"))
    if isinstance(item.get("bodyValue"), str):
        bodies.append({"type": "TextualBody", "value": item["bodyValue"], "purpose": "commenting"})
    texts: list[tuple[str, list[str]]] = []
    for body in bodies:
        value = body.get("value", body.get("chars")) if isinstance(body, dict) else None
        if isinstance(value, str):
            purposes = [p for p in as_list(body.get("purpose")) if isinstance(p, str)]
            texts.append((value.strip(), purposes))
    tagging = [value for value, purposes in texts if "tagging" in purposes]
    plain = [value for value, purposes in texts if not purposes]
    named = [value for value in (tagging or plain) if value.casefold() in tags]
    if not named:
        if tagging:
            raise Unusable(
                translate(
                    "Import",
                    "no body names one of the tags: {tags} is not a tag of this tag set ({ids})",
                ).format(
                    tags=", ".join(repr(t) for t in tagging),
                    ids=", ".join(sorted(set(tags.values()))),
                )
            )
        raise Unusable(
            translate(
                "Import",
                "it has no tag: no body has the purpose 'tagging' or names a tag (by id or label)",
            )
        )
    notes = [
        value
        for value, purposes in texts
        if value and "tagging" not in purposes and not (value == named[0] and not tagging)
    ]
    return tags[named[0].casefold()], notes


def _creator(item: dict[str, Any]) -> str:
    """The name (or nickname) of the annotation's first creator, if it gives one."""
    for creator in as_list(item.get("creator")):
        if isinstance(creator, dict):
            for key in ("name", "nickname"):
                if isinstance(creator.get(key), str) and creator[key].strip():
                    return str(creator[key]).strip()
    return ""


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


def import_into_sidecar(source: Path, article: Article) -> tuple[Path, list[str]]:
    """Import the Web Annotation file or Hypothesis export *source* into *article*'s
    sidecar and save it.

    Annotations whose id, or whose tag and span, the sidecar already has are skipped.
    A sidecar without an author's name takes the name of the one person who made the
    imported annotations. Returns (the sidecar path written, reasons for skipped
    annotations). Raises ExportError when *source* cannot be read or parsed, SidecarError
    when the sidecar cannot be read or written.
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
    result = import_annotations(data, article, str(source), sidecar.tagset)
    skipped = list(result.skipped)
    if not sidecar.author.name and len(result.authors) == 1:
        sidecar = replace(sidecar, author=replace(sidecar.author, name=result.authors[0]))
    annotations = AnnotationSet.from_sidecar(sidecar)
    spans = {(a.tag, a.start, a.end) for a in annotations}
    for annotation in result.annotations:
        if annotation.id in annotations:
            skipped.append(f"{annotation.id}: already in the sidecar")
        elif (annotation.tag, annotation.start, annotation.end) in spans:
            skipped.append(f"{annotation.id}: the sidecar already tags this passage the same way")
        else:
            # Importing is an explicit wish to have it: the set's add outlives an old deletion.
            annotations.add(annotation)
            spans.add((annotation.tag, annotation.start, annotation.end))
    return save_annotations(article, annotations.in_sidecar(sidecar)), skipped
