"""W3C Web Annotation export: an AnnotationCollection of tagging annotations (JSON-LD).

Each annotation targets the canonical text by a TextQuoteSelector (exact, prefix,
suffix) and a TextPositionSelector (code-point offsets, as the model defines them). The
target's source is ``urn:sha256:<hex>`` of the canonical text: the offsets are offsets
into that text, not into the file (Markdown and HTML files differ from it), and a URN
does not reveal the folders on the teacher's computer. For an article taken out of a
saved web page, the target's ``scope`` is the page's own address (the resource that gives
the text its context, in the model's words), so the export says where the article came from.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Sequence
from typing import Any

from app.core.annotations import Annotation, in_document_order
from app.core.article import Article

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# uuid5 namespace for ids derived from annotation ids that are not UUIDs themselves.
SLANT_NAMESPACE = uuid.UUID("7f2c1c8e-5a0f-4d3e-9a51-3d6f4b1e2a90")
# Ids Slant makes are canonical UUIDs; recognising them by pattern is much faster than
# uuid.UUID(), which matters for a class's 12,000 annotations.
_CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# One encoder for every item: json.dumps with options builds a new encoder per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False)


def source_uri(article: Article) -> str:
    """The target source for annotations on *article*: its canonical text's sha256."""
    return f"urn:sha256:{article.sha256}"


def annotation_iri(annotation_id: str, taken: set[str] | None = None, salt: str = "") -> str:
    """``urn:uuid:<id>`` for a UUID id, else a stable uuid5 of it; unique within *taken*.

    When the IRI is already in *taken* (two students' files share an id) it is derived
    again from *salt* (the student) so that a collection never repeats an id.
    """
    if _CANONICAL_UUID.fullmatch(annotation_id):
        value = annotation_id
    else:
        try:
            value = str(uuid.UUID(annotation_id))
        except ValueError:
            value = str(_uuid5(annotation_id))
    iri = f"urn:uuid:{value}"
    if taken is not None:
        if iri in taken:
            iri = f"urn:uuid:{_uuid5(salt + '/' + annotation_id)}"
        taken.add(iri)
    return iri


def _uuid5(name: str) -> uuid.UUID:
    """uuid.uuid5 in Slant's namespace, also for text holding a lone surrogate.

    uuid5 encodes strictly, so half a UTF-16 pair (which a hand-made file may hold)
    raised UnicodeEncodeError; surrogatepass gives the same bytes for any other text.
    """
    digest = hashlib.sha1(SLANT_NAMESPACE.bytes + name.encode("utf-8", "surrogatepass"))
    return uuid.UUID(bytes=digest.digest()[:16], version=5)


def annotation_to_w3c(
    annotation: Annotation, source: str, creator: str, iri: str | None = None
) -> dict[str, Any]:
    """One annotation as a W3C Web Annotation (motivation tagging).

    Orphans (not placed on the current text) get no TextPositionSelector: their offsets
    belong to an older text, and a reader can still look for the quote.
    """
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": annotation.exact}
    if annotation.prefix:
        quote["prefix"] = annotation.prefix
    if annotation.suffix:
        quote["suffix"] = annotation.suffix
    selectors: list[dict[str, Any]] = [quote]
    if annotation.status != "orphan":
        selectors.append(
            {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end}
        )
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "value": annotation.tag, "purpose": "tagging"}
    ]
    if annotation.note:
        body.append(
            {
                "type": "TextualBody",
                "value": annotation.note,
                "purpose": "commenting",
                "format": "text/plain",
            }
        )
    data: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": iri or annotation_iri(annotation.id),
        "type": "Annotation",
        "motivation": "tagging",
    }
    if annotation.created:
        data["created"] = annotation.created
    if annotation.modified:
        data["modified"] = annotation.modified
    if creator:
        data["creator"] = {"type": "Person", "name": creator}
    data["body"] = body
    data["target"] = {"source": source, "selector": selectors}
    return data


def collection_bytes(
    article: Article, authors: Sequence[tuple[str, Sequence[Annotation]]], label: str
) -> bytes:
    """An AnnotationCollection with one embedded AnnotationPage holding every annotation.

    *authors* pairs a creator name with that person's annotations. The collection and
    page ids are derived from the content, so exporting the same data twice gives the
    same file. One annotation per line: readable, and the fast C JSON encoder is used
    (json.dumps with indent falls back to the slow pure-Python one).
    """
    source = source_uri(article)
    scope = article.page.url if article.page is not None else ""
    taken: set[str] = set()
    items = []
    for creator, made in authors:
        for annotation in in_document_order(list(made)):
            iri = annotation_iri(annotation.id, taken, creator)
            item = annotation_to_w3c(annotation, source, creator, iri)
            if scope:
                item["target"]["scope"] = scope
            items.append(item)
    seed = "\n".join([article.sha256, label, *sorted(taken)])
    collection_id = f"urn:uuid:{_uuid5('collection/' + seed)}"
    page_id = f"urn:uuid:{_uuid5('page/' + seed)}"
    head = {
        "@context": ANNO_CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
    }
    page_head = {"id": page_id, "type": "AnnotationPage", "partOf": collection_id, "startIndex": 0}
    lines = [_ENCODER.encode(item) for item in items]
    page = _open_object(page_head) + ', "items": [\n' + ",\n".join(lines) + "\n]}"
    text = _open_object(head) + ',\n"first": ' + page + "}\n"
    # A lone surrogate (half a UTF-16 pair, e.g. from a pasted note) cannot be UTF-8;
    # it only occurs inside JSON strings, where its \\uXXXX form reads back the same.
    return text.encode("utf-8", "backslashreplace")


def _open_object(members: dict[str, Any]) -> str:
    """A JSON object without its closing brace, so that more members can follow."""
    return _ENCODER.encode(members)[:-1]


def student_collection(article: Article, creator: str, annotations: Sequence[Annotation]) -> bytes:
    """One student's annotations as a collection (``slant export --format w3c``)."""
    label = f"Slant annotations on {article.title or 'an article'}"
    if creator:
        label += f" by {creator}"
    return collection_bytes(article, [(creator, annotations)], label)
