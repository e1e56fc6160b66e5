"""A sidecar's annotations: one quick pass for the usual ones, member by member for the rest."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.core.annotations import CONTEXT_CHARS, Annotation, trusted_annotation
from app.core.sidecar_validation import (
    MAX_CONTEXT_LENGTH,
    MAX_ID_LENGTH,
    MAX_SAFE_INTEGER,
    Subject,
    UnsafeNumber,
    describe,
    fail,
    has_unsafe_int,
    int_member,
    is_timestamp,
    need_object,
    text_member,
    timestamp_member,
    unknown_members,
)
from app.core.words import translate

# "orphan": true marks an annotation that re-anchoring could not place on the text that
# "article" describes; its offsets and quote still refer to an older text.
ANNOTATION_MEMBERS = (
    *("id", "tag", "start", "end", "exact", "prefix", "suffix", "note", "created"),
    *("modified", "orphan"),
)
_ANNOTATION_MEMBER_SET = frozenset(ANNOTATION_MEMBERS)


def annotations_from_json(
    items: Iterable[Any],
    source: str,
    article_length: int,
    tag_ids: dict[str, str],
    *,
    quick: bool = False,
    text: str | None = None,
) -> list[Annotation]:
    """The annotations of a sidecar's *items*, checked; SidecarError names the first problem.

    *article_length* is the length the file gives for its article; *tag_ids* maps each
    tag id of its tag set to itself (so that annotations share those strings). With
    *quick*, the items come from quick_decoder: UnsafeNumber is raised for an item that
    holds an integer load_json would have refused. *text* is the article's text when
    the file was written for it: annotations that quote it exactly then keep the text
    instead of their own quote and context strings (QuotedFromText).
    """
    result: list[Annotation] = []
    first_seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        annotation = _usual_annotation(item, article_length, tag_ids, text)
        if annotation is None:
            if quick and has_unsafe_int(item):
                raise UnsafeNumber(f"annotation {number}")
            annotation = _annotation(item, source, number, article_length, tag_ids)
        if annotation.id in first_seen:
            problem = translate(
                "SidecarErrors",
                "annotation {number} has the same id as annotation {first} ({id}); "
                "ids must be unique",
            )
            fail(
                source,
                problem.format(
                    number=number, first=first_seen[annotation.id], id=repr(annotation.id[:40])
                ),
            )
        first_seen[annotation.id] = number
        result.append(annotation)
    return result


def _usual_annotation(
    item: Any, article_length: int, tag_ids: dict[str, str], text: str | None
) -> Annotation | None:
    """*item* as an annotation when it passes every check in one go, else None.

    Nearly every annotation read is well formed and has only the members this version
    knows, so this single pass of cheap tests carries the load: it is three times as
    fast as the member-by-member checks of _annotation, which runs for anything this
    declines and finds and names the problem. It must accept nothing _annotation rejects.
    """
    if type(item) is not dict or not _ANNOTATION_MEMBER_SET.issuperset(item):
        return None
    get = item.get
    annotation_id, tag, exact = get("id"), get("tag"), get("exact")
    start, end, orphan = get("start"), get("end"), get("orphan", False)
    prefix, suffix, note = get("prefix", ""), get("suffix", ""), get("note", "")
    created, modified = get("created"), get("modified")
    well_formed = (
        type(annotation_id) is str
        and 0 < len(annotation_id) <= MAX_ID_LENGTH
        and type(tag) is str
        and tag in tag_ids
        and type(start) is int
        and type(end) is int
        and 0 <= start < end
        # Both bounds keep every integer taken here within MAX_SAFE_INTEGER, as load_json
        # guarantees and quick_decoder does not.
        and (
            (orphan is True and end <= MAX_SAFE_INTEGER)
            or (orphan is False and end <= article_length)
        )
        and type(exact) is str
        and len(exact) == end - start
        and type(prefix) is str
        and len(prefix) <= MAX_CONTEXT_LENGTH
        and type(suffix) is str
        and len(suffix) <= MAX_CONTEXT_LENGTH
        and type(note) is str
        and type(created) is str
        and is_timestamp(created)
        and type(modified) is str
        and (modified == created or is_timestamp(modified))
    )
    if not well_formed:
        return None
    status = "orphan" if orphan else "exact"
    # One string object per tag id and per shared time, not one per annotation: 50,000
    # annotations would otherwise keep ~7 MB of copies.
    tag = tag_ids[tag]
    modified = created if modified == created else modified
    if text is not None and not orphan and _quotes_text(text, start, end, exact, prefix, suffix):
        exact = prefix = suffix = ""  # read from *text* instead (see trusted_annotation)
    else:
        text = None
    return trusted_annotation(
        annotation_id, tag, start, end, exact, prefix, suffix, note, created, modified, status, text
    )


def _quotes_text(text: str, start: int, end: int, exact: str, prefix: str, suffix: str) -> bool:
    """Whether *exact*, *prefix* and *suffix* are the text at and around [start, end).

    Compared in place, not by slicing, and without min() (100 ns a call): this runs for
    every annotation read. The caller has checked len(exact) == end - start <= len(text).
    """
    after = len(text) - end
    return (
        text.startswith(exact, start)
        and len(prefix) == (start if start < CONTEXT_CHARS else CONTEXT_CHARS)
        and text.endswith(prefix, 0, start)
        and len(suffix) == (after if after < CONTEXT_CHARS else CONTEXT_CHARS)
        and text.startswith(suffix, end)
    )


def _annotation(
    item: Any, source: str, number: int, article_length: int, tag_ids: dict[str, str]
) -> Annotation:
    """Annotation *number* (from 1) of the file, checked member by member."""
    what = _annotation_subject(number)
    raw = need_object(item, source, what)
    annotation_id = text_member(raw, "id", source, what, max_length=MAX_ID_LENGTH, non_empty=True)
    tag = text_member(raw, "tag", source, what)
    if tag not in tag_ids:
        problem = translate(
            "SidecarErrors",
            "annotation {number} uses the tag {tag}, which is not in the file's tag set",
        )
        fail(source, problem.format(number=number, tag=repr(tag[:40])))
    start, end = int_member(raw, "start", source, what), int_member(raw, "end", source, what)
    if end < start:
        problem = translate(
            "SidecarErrors", "annotation {number} has end {end} before start {start}"
        )
        fail(source, problem.format(number=number, end=end, start=start))
    if end == start:
        problem = translate(
            "SidecarErrors", "annotation {number} is empty (start and end are both {start})"
        )
        fail(source, problem.format(number=number, start=start))
    orphan = raw.get("orphan", False)
    if not isinstance(orphan, bool):
        problem = translate(
            "SidecarErrors",
            "annotation {number} has an 'orphan' that is {kind}, but it must be true/false",
        )
        fail(source, problem.format(number=number, kind=describe(orphan)))
    if not orphan and end > article_length:
        problem = translate(
            "SidecarErrors",
            "annotation {number} ends at {end}, after the end of the article ({length} characters)",
        )
        fail(source, problem.format(number=number, end=end, length=article_length))
    exact = text_member(raw, "exact", source, what)
    if len(exact) != end - start:
        problem = translate(
            "SidecarErrors",
            "annotation {number} quotes {quoted} characters but spans {span} ({start} to {end})",
        )
        fail(
            source,
            problem.format(
                number=number, quoted=len(exact), span=end - start, start=start, end=end
            ),
        )
    context = {"default": "", "max_length": MAX_CONTEXT_LENGTH}
    return Annotation(
        id=annotation_id,
        tag=tag,
        start=start,
        end=end,
        exact=exact,
        prefix=text_member(raw, "prefix", source, what, **context),
        suffix=text_member(raw, "suffix", source, what, **context),
        note=text_member(raw, "note", source, what, default=""),
        created=timestamp_member(raw, "created", source, what),
        modified=timestamp_member(raw, "modified", source, what),
        status="orphan" if orphan else "exact",
        extra=unknown_members(raw, ANNOTATION_MEMBERS, source, what),
    )


def _annotation_subject(number: int) -> Subject:
    return lambda: translate("SidecarErrors", "annotation {number}").format(number=number)
