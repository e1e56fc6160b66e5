"""A sidecar's annotations: one quick pass for the usual ones, member by member for the rest."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice, repeat
from operator import attrgetter, itemgetter, lt, sub
from typing import Any, NoReturn

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
from app.core.translation import translate

# What Slant writes for every annotation that is not an orphan, in _usual_batch's order.
USUAL_MEMBERS = (
    *("id", "tag", "start", "end", "exact", "prefix", "suffix", "note", "created"),
    "modified",
)
# "orphan": true marks an annotation that re-anchoring could not place on the text that
# "article" describes; its offsets and quote still refer to an older text.
ANNOTATION_MEMBERS = (*USUAL_MEMBERS, "orphan")
_ANNOTATION_MEMBER_SET = frozenset(ANNOTATION_MEMBERS)
# Items checked together: small enough that a streamed file never holds many as dicts
# (256 of them ~0.3 MB; 4,096 raised the peak of opening 50,000 by 7 MB), big enough
# that checking them a member at a time still pays.
BATCH_SIZE = 256
_USUAL_VALUES = itemgetter(*USUAL_MEMBERS)
_USUAL_COUNT = {len(USUAL_MEMBERS)}
_DICT, _STR, _INT = {dict}, {str}, {int}
_ID = attrgetter("id")


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
    seen_ids: set[str] = set()
    pending = iter(items)
    # A batch at a time: a streamed file's items are never all held as dicts at once.
    while batch := list(islice(pending, BATCH_SIZE)):
        made = _usual_batch(batch, article_length, tag_ids, text)
        if made is None:
            _add_one_by_one(batch, result, seen_ids, source, article_length, tag_ids, quick, text)
            continue
        result.extend(made)
        seen_ids.update(map(_ID, made))
        if len(seen_ids) != len(result):
            _fail_repeated_id(result, source)
    return result


def _add_one_by_one(
    batch: list[Any],
    result: list[Annotation],
    seen_ids: set[str],
    source: str,
    article_length: int,
    tag_ids: dict[str, str],
    quick: bool,
    text: str | None,
) -> None:
    """Check and add the items of *batch* in turn, so that the first problem is named."""
    for number, item in enumerate(batch, start=len(result) + 1):
        annotation = _usual_annotation(item, article_length, tag_ids, text)
        if annotation is None:
            if quick and has_unsafe_int(item):
                raise UnsafeNumber(f"annotation {number}")
            annotation = _annotation(item, source, number, article_length, tag_ids)
        result.append(annotation)
        if annotation.id in seen_ids:
            _fail_repeated_id(result, source)
        seen_ids.add(annotation.id)


def _fail_repeated_id(annotations: list[Annotation], source: str) -> NoReturn:
    """Name the first annotation of *annotations* whose id an earlier one has."""
    first_seen: dict[str, int] = {}
    for number, annotation in enumerate(annotations, start=1):
        first = first_seen.setdefault(annotation.id, number)
        if first != number:
            problem = translate(
                "SidecarErrors",
                "annotation {number} has the same id as annotation {first} ({id}); "
                "ids must be unique",
            )
            fail(
                source,
                problem.format(number=number, first=first, id=repr(annotation.id[:40])),
            )
    raise AssertionError("no id repeats")  # the caller saw fewer ids than annotations


def _usual_batch(
    batch: list[Any], article_length: int, tag_ids: dict[str, str], text: str | None
) -> list[Annotation] | None:
    """The annotations of *batch* when every item is as this version writes it, else None.

    Nearly every file was written by Slant for the article it sits beside: each item
    then has exactly the ten members of USUAL_MEMBERS (no "orphan", nothing unknown) and,
    with *text*, quotes it. Checked a member at a time across the batch, in C (map, set,
    min, max), that is ~40% faster than _usual_annotation's pass over each item (10 ms
    of opening 10,000). It must accept nothing _annotation rejects; a batch it declines
    goes item by item.
    """
    if set(map(type, batch)) != _DICT or set(map(len, batch)) != _USUAL_COUNT:
        return None
    try:
        # Exactly ten members, all of them found: no others, no "orphan".
        columns = zip(*map(_USUAL_VALUES, batch), strict=True)
        ids, tags, starts, ends, exacts, prefixes, suffixes, notes, created, modified = columns
        tags = tuple(map(tag_ids.__getitem__, tags))  # also shares the tag set's strings
    except (KeyError, TypeError):  # a member missing; a tag not in the tag set
        return None
    strings = (ids, exacts, prefixes, suffixes, notes, created, modified)
    if any(set(map(type, column)) != _STR for column in strings):
        return None
    if set(map(type, starts)) != _INT or set(map(type, ends)) != _INT:
        return None
    id_lengths = tuple(map(len, ids))
    if (
        min(id_lengths) < 1
        or max(id_lengths) > MAX_ID_LENGTH
        or min(starts) < 0
        or max(ends) > article_length  # also keeps every integer within MAX_SAFE_INTEGER
        or not all(map(lt, starts, ends))
        or tuple(map(len, exacts)) != tuple(map(sub, ends, starts))
        or max(map(len, prefixes)) > MAX_CONTEXT_LENGTH
        or max(map(len, suffixes)) > MAX_CONTEXT_LENGTH
    ):
        return None
    times = {*created, *modified}
    if not all(map(is_timestamp, times)):
        return None
    # One string object per shared time, not one per annotation (see _usual_annotation).
    modified = tuple(
        made if changed == made else changed
        for made, changed in zip(created, modified, strict=True)
    )
    status = repeat("exact")
    if text is None:
        values = (ids, tags, starts, ends, exacts, prefixes, suffixes, notes, created, modified)
        return list(map(trusted_annotation, *values, status))
    if not _all_quote_text(text, starts, ends, exacts, prefixes, suffixes):
        return None
    quotes = repeat("")  # read from *text* instead (see trusted_annotation)
    quoting = (ids, tags, starts, ends, quotes, quotes, quotes, notes, created, modified)
    return list(map(trusted_annotation, *quoting, status, repeat(text)))


def _all_quote_text(
    text: str,
    starts: Sequence[int],
    ends: Sequence[int],
    exacts: Sequence[str],
    prefixes: Sequence[str],
    suffixes: Sequence[str],
) -> bool:
    """Whether every quote and its context are the text at and around its span, as
    _quotes_text asks of one; ends are known to be within the text."""
    after = len(text)
    return (
        all(map(text.startswith, exacts, starts))
        and all(map(text.startswith, suffixes, ends))
        and all(map(text.endswith, prefixes, repeat(0), starts))
        and tuple(map(len, prefixes))
        == tuple(start if start < CONTEXT_CHARS else CONTEXT_CHARS for start in starts)
        and tuple(map(len, suffixes))
        == tuple(after - end if after - end < CONTEXT_CHARS else CONTEXT_CHARS for end in ends)
    )


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
    # One condition in the if, not a named flag, so that mypy sees what it narrows.
    if not (
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
    ):
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
    return Annotation(
        id=annotation_id,
        tag=tag,
        start=start,
        end=end,
        exact=exact,
        prefix=text_member(raw, "prefix", source, what, default="", max_length=MAX_CONTEXT_LENGTH),
        suffix=text_member(raw, "suffix", source, what, default="", max_length=MAX_CONTEXT_LENGTH),
        note=text_member(raw, "note", source, what, default=""),
        created=timestamp_member(raw, "created", source, what),
        modified=timestamp_member(raw, "modified", source, what),
        status="orphan" if orphan else "exact",
        extra=unknown_members(raw, ANNOTATION_MEMBERS, source, what),
    )


def _annotation_subject(number: int) -> Subject:
    return lambda: translate("SidecarErrors", "annotation {number}").format(number=number)
