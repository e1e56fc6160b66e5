"""Reading a sidecar: each record decoded into its declared type, then the rules between them."""

from __future__ import annotations

import re
from typing import Any, NoReturn, TypeVar

import msgspec

from app.core.annotations import Annotation
from app.core.errors import SidecarError, TagSetError
from app.core.sidecar_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ArticleRef,
    Author,
    Sidecar,
    StoredAnnotation,
    StoredArticle,
    StoredAuthor,
    StoredTombstone,
    known_members,
    page_info,
)
from app.core.sidecar_validation import (
    MAX_DEPTH,
    MAX_SAFE_INTEGER,
    Subject,
    check_bytes,
    describe,
    fail,
    is_timestamp,
    json_problem,
    nesting_depth,
    number_too_big,
    quoted,
    the_file,
)
from app.core.tags import tagset_from_json
from app.core.translation import translate

R = TypeVar("R", bound=msgspec.Struct)

# "Expected `int` >= 0 - at `$.start`": msgspec's words, and where.
_VALIDATION = re.compile(r"(?P<problem>.*?)(?: - at `\$(?P<path>[^`]*)`)?")
_PATH_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_BOM = b"\xef\xbb\xbf"
_TOP_MEMBERS = frozenset(
    ("format", "version", "article", "author", "tagset", "annotations", "tombstones")
)
# The file is decoded a record at a time: its members, then each annotation, each left as
# raw JSON (a view of the file's bytes) until its turn. One annotation's objects are made,
# checked and turned into an Annotation before the next one's, so the memory they leave
# behind is reused: 50,000 annotations kept 15 MB less than decoded all at once.
_MEMBERS = msgspec.json.Decoder(dict[str, msgspec.Raw])
_ITEMS = msgspec.json.Decoder(list[msgspec.Raw])
_RECORDS: dict[type, msgspec.json.Decoder[Any]] = {
    kind: msgspec.json.Decoder(kind)
    for kind in (StoredArticle, StoredAuthor, StoredAnnotation, StoredTombstone)
}
# Where a record is in the file: ("article",), ("annotations", 3), () for the file itself.
_Where = tuple[str | int, ...]


def sidecar_from_bytes(data: bytes, source: str) -> Sidecar:
    """The sidecar in *data*, checked; SidecarError names *source* and the first problem.

    Every record is decoded into its declared type (sidecar_format), which checks each
    member's type and limits. A record holding members this version does not know (a newer
    Slant's) is decoded plainly instead, those members are set aside to be written back
    unchanged, and the rest is checked by the same declaration.
    """
    check_bytes(data, source)
    body = memoryview(data)[len(_BOM) :] if data.startswith(_BOM) else memoryview(data)
    try:
        return _read(body, source)
    except _Malformed:
        # Found inside one record; the whole file's decoding says where in the file.
        try:
            msgspec.json.decode(body)
        except msgspec.DecodeError as exc:
            fail(source, json_problem(bytes(body), str(exc)))
        raise


class _Malformed(Exception):
    """A record's JSON is not valid (what the file's first pass does not look into)."""


def _read(body: memoryview, source: str) -> Sidecar:
    """The sidecar in the JSON text *body*, which check_bytes has passed."""
    try:
        members = _MEMBERS.decode(body)
    except msgspec.ValidationError:  # valid JSON, but not an object
        sentence = translate(
            "SidecarErrors", "this is not a Slant annotations file (it holds {kind})"
        )
        fail(source, sentence.format(kind=describe(_plain(body, source))))
    except msgspec.DecodeError as exc:  # after ValidationError, which is one
        fail(source, json_problem(bytes(body), str(exc)))
    except RecursionError:
        _fail_too_deeply_nested(source)
    _check_format(members, source)
    article, article_extra = _record(
        _member(members, "article", source), StoredArticle, ("article",), source
    )
    author, author_extra = _record(
        _member(members, "author", source), StoredAuthor, ("author",), source
    )
    try:
        tagset = tagset_from_json(_plain(_member(members, "tagset", source), source), source)
    except TagSetError as exc:
        problem = translate("SidecarErrors", "a problem in the tag set: {problem}")
        found = str(exc).removeprefix(f"{source}: ")
        raise SidecarError(f"{source}: {problem.format(problem=found)}") from exc
    ref = ArticleRef(
        *(article.file, article.sha256, article.length, article.title, article.encoding),
        page=page_info(article),
        extra=article_extra or {},
    )
    annotations = _annotations(
        _member(members, "annotations", source), ref.length, tagset.ids(), source
    )
    tombstones = _tombstones(members.get("tombstones"), source)
    extra = {
        name: _plain(value, source) for name, value in members.items() if name not in _TOP_MEMBERS
    }
    _check_depth(extra, (), source)
    return Sidecar(
        ref,
        Author(author.name, author.role, author_extra or {}),
        tagset,
        annotations,
        tombstones,
        extra,
    )


def _check_format(members: dict[str, msgspec.Raw], source: str) -> None:
    if "format" not in members or _plain(members["format"], source) != FORMAT_NAME:
        problem = translate(
            "SidecarErrors", "this is not a Slant annotations file ('format' is not {name})"
        )
        fail(source, problem.format(name=repr(FORMAT_NAME)))
    version = _plain(_member(members, "version", source), source)
    if type(version) is not int:
        problem = translate(
            "SidecarErrors", "the format version is {kind}, but it must be a whole number"
        )
        fail(source, problem.format(kind=describe(version)))
    if version > FORMAT_VERSION:
        problem = translate(
            "SidecarErrors",
            "was written by a newer version of Slant (format version {version}); "
            "update Slant to open it",
        )
        fail(source, problem.format(version=version))
    if version < 1:
        problem = translate(
            "SidecarErrors", "the format version {version} does not exist; versions start at 1"
        )
        fail(source, problem.format(version=version))


def _annotations(
    raw: msgspec.Raw, article_length: int, tag_ids: list[str], source: str
) -> list[Annotation]:
    """The annotations, each checked in turn so that the first problem is named."""
    shared_tags = {tag_id: tag_id for tag_id in tag_ids}
    annotations: list[Annotation] = []
    first_with_id: dict[str, int] = {}
    for number, item in enumerate(_list(raw, "annotations", source), start=1):
        where = ("annotations", number - 1)
        stored, extra = _record(item, StoredAnnotation, where, source)
        _check_annotation(stored, number, article_length, shared_tags, source)
        first = first_with_id.setdefault(stored.id, number)
        if first != number:
            problem = translate(
                "SidecarErrors",
                "annotation {number} has the same id as annotation {first} ({id}); "
                "ids must be unique",
            )
            fail(source, problem.format(number=number, first=first, id=repr(stored.id[:40])))
        annotations.append(_annotation(stored, shared_tags, extra))
    return annotations


def _tombstones(raw: msgspec.Raw | None, source: str) -> dict[str, str]:
    tombstones: dict[str, str] = {}
    if raw is None:
        return tombstones
    for number, item in enumerate(_list(raw, "tombstones", source), start=1):
        where = ("tombstones", number - 1)
        tombstone, _ = _record(item, StoredTombstone, where, source)  # other members: not kept
        _check_time(tombstone.deleted, "deleted", source, where)
        if tombstone.id in tombstones:
            problem = translate(
                "SidecarErrors",
                "deleted-annotation record {number} in 'tombstones' repeats the id {id}",
            )
            fail(source, problem.format(number=number, id=repr(tombstone.id[:40])))
        tombstones[tombstone.id] = tombstone.deleted
    return tombstones


# -- one record --------------------------------------------------------------------------------


def _record(
    raw: msgspec.Raw, kind: type[R], where: _Where, source: str
) -> tuple[R, dict[str, Any] | None]:
    """The record *raw* as a *kind*, and the members it has that *kind* does not declare."""
    try:
        return _RECORDS[kind].decode(raw), None
    except msgspec.ValidationError as exc:
        problem = str(exc)
    except msgspec.DecodeError as exc:  # not UTF-8, or half of a UTF-16 pair
        raise _Malformed from exc
    value = _plain(raw, source)
    if not isinstance(value, dict):
        fail(source, _not_a(value, "object", where))
    known = known_members(kind)
    unknown = {name: value.pop(name) for name in list(value) if name not in known}
    if not unknown:
        fail(source, _worded(problem, value, where))
    _check_depth(unknown, where, source)
    try:
        return msgspec.convert(value, kind), unknown
    except msgspec.ValidationError as exc:
        fail(source, _worded(str(exc), value, where))


def _list(raw: msgspec.Raw, name: str, source: str) -> list[msgspec.Raw]:
    try:
        return _ITEMS.decode(raw)
    except msgspec.ValidationError:
        fail(source, _not_a(_plain(raw, source), "array", (name,)))


def _plain(raw: msgspec.Raw | bytes | memoryview, source: str) -> Any:
    """The JSON value *raw* as dicts, lists, strings and numbers; no integer beyond
    MAX_SAFE_INTEGER, no nesting too deep."""
    try:
        value = msgspec.json.decode(raw)
    except msgspec.ValidationError:  # msgspec's own limit: beyond a float, or 4,300 digits
        fail(source, number_too_big(b" " + bytes(raw) + b" "))
    except msgspec.DecodeError as exc:  # after ValidationError, which is one
        raise _Malformed from exc
    except RecursionError:
        _fail_too_deeply_nested(source)
    if _has_unsafe_int(value):
        fail(source, number_too_big(b" " + bytes(raw) + b" "))
    return value


def _has_unsafe_int(value: Any) -> bool:
    """True when *value* holds, at any depth, an integer beyond MAX_SAFE_INTEGER."""
    pending = [value]
    while pending:
        item = pending.pop()
        if type(item) is int and abs(item) > MAX_SAFE_INTEGER:
            return True
        if type(item) is dict:
            pending.extend(item.values())
        elif type(item) is list:
            pending.extend(item)
    return False


def _check_depth(extra: dict[str, Any], where: _Where, source: str) -> None:
    for name, value in extra.items():
        if nesting_depth(value) > MAX_DEPTH:
            sentence = translate(
                "SidecarErrors", "{what} has a member '{key}' that is nested too deeply"
            )
            fail(source, sentence.format(what=_subject(where)(), key=name))


# -- from the records to annotations, with the rules between members ------------------------


def _annotation(
    item: StoredAnnotation, shared_tags: dict[str, str], extra: dict[str, Any] | None
) -> Annotation:
    """The annotation that the checked record *item* stores."""
    # Shared strings: one per tag id, and one time for an annotation not changed since it
    # was made, not one each (50,000 annotations would keep ~7 MB of copies).
    created = item.created
    return Annotation(
        *(item.id, shared_tags[item.tag], item.start, item.end, item.exact, item.prefix),
        *(item.suffix, item.note, created, created if item.modified == created else item.modified),
        status="orphan" if item.orphan else "exact",
        extra=extra,
    )


def _check_annotation(
    item: StoredAnnotation,
    number: int,
    article_length: int,
    shared_tags: dict[str, str],
    source: str,
) -> None:
    """The rules an annotation's members follow together, and with the rest of the file."""
    start, end = item.start, item.end
    if item.tag not in shared_tags:
        problem = translate(
            "SidecarErrors",
            "annotation {number} uses the tag {tag}, which is not in the file's tag set",
        )
        fail(source, problem.format(number=number, tag=repr(item.tag[:40])))
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
    if not item.orphan and end > article_length:
        problem = translate(
            "SidecarErrors",
            "annotation {number} ends at {end}, after the end of the article ({length} characters)",
        )
        fail(source, problem.format(number=number, end=end, length=article_length))
    if len(item.exact) != end - start:
        problem = translate(
            "SidecarErrors",
            "annotation {number} quotes {quoted} characters but spans {span} ({start} to {end})",
        )
        span, quoted_length = end - start, len(item.exact)
        fail(
            source,
            problem.format(number=number, quoted=quoted_length, span=span, start=start, end=end),
        )
    where = ("annotations", number - 1)
    _check_time(item.created, "created", source, where)
    if item.modified != item.created:
        _check_time(item.modified, "modified", source, where)


def _check_time(value: str, name: str, source: str, where: tuple[str | int, ...]) -> None:
    """The declared pattern checks a time's shape; this, that its date exists."""
    if not is_timestamp(value):
        fail(source, _bad_time(_subject(where), name, value))


def _bad_time(what: Subject, name: str, value: Any) -> str:
    problem = translate(
        "SidecarErrors",
        "{what} has a '{name}' of {value}, which is not a time like 2026-03-01T14:05:00.000Z",
    )
    return problem.format(what=what(), name=name, value=repr(str(value)[:40]))


# -- saying what is wrong --------------------------------------------------------------------


def _subject(where: tuple[str | int, ...]) -> Subject:
    """What a sentence about the record at *where* is about ("annotation 3", "'author'")."""
    if len(where) >= 2 and where[0] == "annotations" and isinstance(where[1], int):
        number = where[1] + 1
        return lambda: translate("SidecarErrors", "annotation {number}").format(number=number)
    if len(where) >= 2 and where[0] == "tombstones" and isinstance(where[1], int):
        number = where[1] + 1
        return lambda: translate(
            "SidecarErrors", "deleted-annotation record {number} in 'tombstones'"
        ).format(number=number)
    if where:
        return quoted(str(where[0]))
    return the_file


def _worded(message: str, record: dict[str, Any], where: _Where) -> str:
    """msgspec's *message* about a member of the *record* at *where*, as a sentence to act on."""
    found = _VALIDATION.fullmatch(message)
    problem, path = (found.group("problem"), found.group("path") or "") if found else (message, "")
    steps: list[str | int] = [name or int(index) for name, index in _PATH_STEP.findall(path)]
    missing = re.fullmatch(r"Object missing required field `(.+)`", problem)
    if missing:
        sentence = translate("SidecarErrors", "{what} is missing its '{name}'")
        return sentence.format(what=_subject((*where, *steps))(), name=missing.group(1))
    value = _at(record, steps)
    if problem.startswith(("Expected `object`", "Expected `array`")):
        return _not_a(value, "array" if "`array`" in problem else "object", (*where, *steps))
    what, name = _subject(where), str(steps[0]) if steps else ""
    if problem.startswith("Expected `") and ", got `" in problem:
        if problem.startswith("Expected `str`"):
            sentence = translate(
                "SidecarErrors", "{what} has a '{name}' that is {kind}, but it must be text"
            )
        elif problem.startswith("Expected `bool`"):
            sentence = translate(
                "SidecarErrors", "{what} has a '{name}' that is {kind}, but it must be true/false"
            )
        else:
            sentence = translate(
                "SidecarErrors",
                "{what} has a '{name}' that is {kind}, but it must be a whole number",
            )
        return sentence.format(what=what(), name=name, kind=describe(value))
    if "length >= 1" in problem:
        sentence = translate("SidecarErrors", "{what} has an empty '{name}'")
        return sentence.format(what=what(), name=name)
    longest = re.search(r"length <= (\d+)", problem)
    if longest:
        # The number's format is part of the sentence: "10,000" in English, "10000" in Spanish.
        sentence = translate(
            "SidecarErrors", "{what} has a '{name}' longer than {max_length:,} characters"
        )
        return sentence.format(what=what(), name=name, max_length=int(longest.group(1)))
    if ">= 0" in problem:
        sentence = translate(
            "SidecarErrors", "{what} has a negative '{name}' ({value}); it must be 0 or more"
        )
        return sentence.format(what=what(), name=name, value=value)
    if "<= " in problem:
        return number_too_big(f" {value} ".encode())
    if "matching regex" in problem and name == "role":
        sentence = translate(
            "SidecarErrors", "the author's role is {role}, but it must be 'student' or 'teacher'"
        )
        return sentence.format(role=repr(str(value)[:40]))
    if "matching regex" in problem and name == "sha256":
        sentence = translate(
            "SidecarErrors", "{what} has a '{name}' that is not 64 hexadecimal digits"
        )
        return sentence.format(what=what(), name=name)
    if "matching regex" in problem:
        return _bad_time(what, name, value)
    return f"{what()}: {message}"  # a rule declared without its sentence: msgspec's words


def _not_a(value: Any, kind: str, where: _Where) -> str:
    """The problem of the value at *where* not being a JSON *kind* ("object" or "array")."""
    if kind == "array":
        sentence = translate("SidecarErrors", "{what} is {kind}, but it must be a list")
    else:
        sentence = translate(
            "SidecarErrors", "{what} is {kind}, but it must be a group of named values"
        )
    return sentence.format(what=_subject(where)(), kind=describe(value))


def _at(raw: Any, steps: list[str | int]) -> Any:
    """The value at *steps* in *raw*, or None where there is none."""
    for step in steps:
        if isinstance(step, int) and isinstance(raw, list) and step < len(raw):
            raw = raw[step]
        elif isinstance(step, str) and isinstance(raw, dict):
            raw = raw.get(step)
        else:
            return None
    return raw


def _member(members: dict[str, msgspec.Raw], name: str, source: str) -> msgspec.Raw:
    """The file's required member *name*, or fail saying it is missing."""
    if name not in members:
        problem = translate("SidecarErrors", "{what} is missing its '{name}'")
        fail(source, problem.format(what=the_file(), name=name))
    return members[name]


def _fail_too_deeply_nested(source: str) -> NoReturn:
    problem = translate(
        "SidecarErrors",
        "the file is nested too deeply to be read (too many brackets inside brackets)",
    )
    fail(source, problem)
