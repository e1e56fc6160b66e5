"""Reading a sidecar: decoded once into the declared records, then the rules between members."""

from __future__ import annotations

import re
from typing import Any, NoReturn

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
    StoredFile,
    known_members,
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

# "Expected `int` >= 0 - at `$.annotations[0].start`": msgspec's words, and where.
_VALIDATION = re.compile(r"(?P<problem>.*?)(?: - at `\$(?P<path>[^`]*)`)?")
_PATH_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_DECODER = msgspec.json.Decoder(StoredFile)
_BOM = b"\xef\xbb\xbf"

# Unknown members set aside from the file's records, by where they were:
# ("article",), ("author",), ("annotations", 3), () for the top level.
_Extras = dict[tuple[str | int, ...], dict[str, Any]]


def sidecar_from_bytes(data: bytes, source: str) -> Sidecar:
    """The sidecar in *data*, checked; SidecarError names *source* and the first problem.

    Decoded straight into the declared records, which check every member's type and
    limits; a file holding members this version does not know (a newer Slant's) is
    decoded plainly first, so that they are set aside and written back unchanged.
    """
    check_bytes(data, source)
    extras: _Extras = {}
    try:
        stored = _DECODER.decode(memoryview(data)[len(_BOM) :] if data.startswith(_BOM) else data)
    except msgspec.ValidationError as exc:
        stored, extras = _read_plainly(data, str(exc), source)
    except msgspec.DecodeError as exc:
        fail(source, json_problem(data, str(exc)))
    except RecursionError:
        _fail_too_deeply_nested(source)
    _check_format(stored.format, stored.version, source)
    # The declared members are held to MAX_SAFE_INTEGER as they are decoded; the tag set
    # and unknown members, kept as they are, are looked at here.
    if _has_unsafe_int([stored.tagset, *extras.values()]):
        fail(source, number_too_big(data))
    return _sidecar(stored, extras, source)


def decode_json(data: bytes, source: str) -> Any:
    """The JSON value of sidecar bytes (UTF-8, with or without a BOM), as dicts and lists."""
    try:
        return msgspec.json.decode(memoryview(data)[len(_BOM) :] if data.startswith(_BOM) else data)
    except msgspec.ValidationError:  # msgspec's own limit: beyond a float, or 4,300 digits
        fail(source, number_too_big(data))
    except msgspec.DecodeError as exc:  # after ValidationError, which is one
        fail(source, json_problem(data, str(exc)))
    except RecursionError:
        _fail_too_deeply_nested(source)


def _read_plainly(data: bytes, problem: str, source: str) -> tuple[StoredFile, _Extras]:
    """The file's records after its unknown members are set aside; *problem* is why the
    records could not be decoded straight away."""
    raw = decode_json(data, source)
    if not isinstance(raw, dict):
        sentence = translate(
            "SidecarErrors", "this is not a Slant annotations file (it holds {kind})"
        )
        fail(source, sentence.format(kind=describe(raw)))
    if _has_unsafe_int(raw):
        fail(source, number_too_big(data))
    _check_format(raw.get("format"), _member(raw, "version", source, the_file), source)
    extras = _set_aside_unknown(raw, source)
    try:
        return msgspec.convert(raw, StoredFile), extras
    except msgspec.ValidationError as exc:
        problem = str(exc)
    fail(source, _worded(problem, raw))


def _set_aside_unknown(raw: dict[str, Any], source: str) -> _Extras:
    """Take the members this version does not know out of *raw*'s records; return them."""
    places: list[tuple[tuple[str | int, ...], Any, type[msgspec.Struct]]] = [((), raw, StoredFile)]
    places.append((("article",), raw.get("article"), StoredArticle))
    places.append((("author",), raw.get("author"), StoredAuthor))
    items = raw.get("annotations")
    if isinstance(items, list):
        places.extend((("annotations", n), item, StoredAnnotation) for n, item in enumerate(items))
    extras: _Extras = {}
    for where, record, kind in places:
        if not isinstance(record, dict):
            continue  # the records' decoding says what is wrong with it
        known = known_members(kind)
        unknown = {name: record.pop(name) for name in list(record) if name not in known}
        for name, value in unknown.items():
            if nesting_depth(value) > MAX_DEPTH:
                sentence = translate(
                    "SidecarErrors", "{what} has a member '{key}' that is nested too deeply"
                )
                fail(source, sentence.format(what=_subject(where)(), key=name))
        if unknown:
            extras[where] = unknown
    # Unknown members of tombstones are not kept (docs/FORMAT.md).
    for item in raw.get("tombstones", ()) if isinstance(raw.get("tombstones"), list) else ():
        if isinstance(item, dict):
            for name in set(item) - {"id", "deleted"}:
                del item[name]
    return extras


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


def _check_format(name: Any, version: Any, source: str) -> None:
    if name != FORMAT_NAME:
        problem = translate(
            "SidecarErrors", "this is not a Slant annotations file ('format' is not {name})"
        )
        fail(source, problem.format(name=repr(FORMAT_NAME)))
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


# -- from the records to the sidecar, with the rules between members --------------------------


def _sidecar(stored: StoredFile, extras: _Extras, source: str) -> Sidecar:
    try:
        tagset = tagset_from_json(stored.tagset, source)
    except TagSetError as exc:
        problem = translate("SidecarErrors", "a problem in the tag set: {problem}")
        found = str(exc).removeprefix(f"{source}: ")
        raise SidecarError(f"{source}: {problem.format(problem=found)}") from exc
    kept = stored.article
    article = ArticleRef(
        kept.file, kept.sha256, kept.length, kept.title, extras.get(("article",), {})
    )
    author = Author(stored.author.name, stored.author.role, extras.get(("author",), {}))
    tag_ids = {tag_id: tag_id for tag_id in tagset.ids()}
    annotations: list[Annotation] = []
    first_with_id: dict[str, int] = {}
    for number, item in enumerate(stored.annotations, start=1):
        _check_annotation(item, number, article.length, tag_ids, source)
        first = first_with_id.setdefault(item.id, number)
        if first != number:
            problem = translate(
                "SidecarErrors",
                "annotation {number} has the same id as annotation {first} ({id}); "
                "ids must be unique",
            )
            fail(source, problem.format(number=number, first=first, id=repr(item.id[:40])))
        annotations.append(_annotation(item, tag_ids, extras.get(("annotations", number - 1))))
    tombstones: dict[str, str] = {}
    for number, tombstone in enumerate(stored.tombstones, start=1):
        _check_time(tombstone.deleted, "deleted", source, ("tombstones", number - 1))
        if tombstone.id in tombstones:
            problem = translate(
                "SidecarErrors",
                "deleted-annotation record {number} in 'tombstones' repeats the id {id}",
            )
            fail(source, problem.format(number=number, id=repr(tombstone.id[:40])))
        tombstones[tombstone.id] = tombstone.deleted
    return Sidecar(article, author, tagset, annotations, tombstones, extras.get((), {}))


def _annotation(
    item: StoredAnnotation, tag_ids: dict[str, str], extra: dict[str, Any] | None
) -> Annotation:
    """The annotation that the checked record *item* stores."""
    # Shared strings: one per tag id, and one time for an annotation not changed since it
    # was made, not one each (50,000 annotations would keep ~7 MB of copies).
    created = item.created
    return Annotation(
        *(item.id, tag_ids[item.tag], item.start, item.end, item.exact, item.prefix),
        *(item.suffix, item.note, created, created if item.modified == created else item.modified),
        status="orphan" if item.orphan else "exact",
        extra=extra,
    )


def _check_annotation(
    item: StoredAnnotation, number: int, article_length: int, tag_ids: dict[str, str], source: str
) -> None:
    """The rules an annotation's members follow together, and with the rest of the file."""
    start, end = item.start, item.end
    if item.tag not in tag_ids:
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


def _worded(message: str, raw: dict[str, Any]) -> str:
    """msgspec's *message* about a member of the file *raw*, as a sentence to act on."""
    found = _VALIDATION.fullmatch(message)
    problem, path = (found.group("problem"), found.group("path") or "") if found else (message, "")
    steps: list[str | int] = [name or int(index) for name, index in _PATH_STEP.findall(path)]
    missing = re.fullmatch(r"Object missing required field `(.+)`", problem)
    if missing:
        sentence = translate("SidecarErrors", "{what} is missing its '{name}'")
        return sentence.format(what=_subject(tuple(steps))(), name=missing.group(1))
    value = _at(raw, steps)
    if problem.startswith(("Expected `object`", "Expected `array`")):  # a record, or a list
        if problem.startswith("Expected `array`"):
            sentence = translate("SidecarErrors", "{what} is {kind}, but it must be a list")
        else:
            sentence = translate(
                "SidecarErrors", "{what} is {kind}, but it must be a group of named values"
            )
        return sentence.format(what=_subject(tuple(steps))(), kind=describe(value))
    what, name = _subject(tuple(steps[:-1])), str(steps[-1]) if steps else ""
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


def _member(raw: dict[str, Any], name: str, source: str, what: Subject) -> Any:
    """The required member *name* of *raw*, or fail saying it is missing."""
    if name not in raw:
        problem = translate("SidecarErrors", "{what} is missing its '{name}'")
        fail(source, problem.format(what=what(), name=name))
    return raw[name]


def _fail_too_deeply_nested(source: str) -> NoReturn:
    problem = translate(
        "SidecarErrors",
        "the file is nested too deeply to be read (too many brackets inside brackets)",
    )
    fail(source, problem)
