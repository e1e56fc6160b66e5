"""Strict JSON decoding and member checks for sidecars, with messages a student can act on."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, NoReturn

from app.core.errors import SidecarError
from app.core.translation import translate

MAX_SAFE_INTEGER = 2**53  # larger integers lose precision in JavaScript and many JSON tools
MAX_DEPTH = 100  # for members Slant does not know; its own members are at most 5 deep
MAX_ID_LENGTH = 200
MAX_CONTEXT_LENGTH = 10_000
# Each JSON value becomes a Python object of 50 bytes or more: a planted file of 60 MB
# holding ``[{},{},...]`` took 3 GB to read. A comma or an opening bracket precedes all
# values but the first, so their count bounds the values; a real sidecar of 64 MB (the
# most read) has about one per 25 bytes, under 3,000,000.
MAX_JSON_VALUES = 4_000_000

# The hour, minute and second ranges are in the pattern; the date is checked apart.
_TIMESTAMP = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?Z"
)
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_NUMBER_DIGITS = 17  # longer integer literals are above MAX_SAFE_INTEGER for certain
_SHORT_LITERAL = 16  # shorter literals are below 10**15, well within MAX_SAFE_INTEGER
_PYTHON_DIGIT_LIMIT = 4300  # Python's default sys.get_int_max_str_digits()
# An escape of a UTF-16 surrogate: where a file has none, it has no lone surrogate either
# (UTF-8 cannot hold one unescaped), so the exact search runs on very few files.
SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


# What a sentence is about ("the file", "annotation 3"): a function that puts it into
# words, called only when the sentence is made, so that valid files are never translated.
Subject = Callable[[], str]


class _Rejected(Exception):
    """Raised by the JSON decoder hooks for input that is valid JSON but not acceptable."""


class UnsafeNumber(ValueError):
    """A value from quick_decoder holds an integer that load_json refuses as too big."""


# What decoding with quick_decoder() raises for text that load_json would refuse.
DECODING_FAILURES = (ValueError, RecursionError, _Rejected)


def fail(source: str, problem: str) -> NoReturn:
    """Raise SidecarError saying which file has which problem."""
    raise SidecarError(f"{source}: {problem}")


def the_file() -> str:
    """The subject of a sentence about the whole sidecar."""
    return translate("SidecarErrors", "the file")


def quoted(name: str) -> Subject:
    """The subject that is the member *name*, written 'name' in every language."""
    return lambda: f"'{name}'"


def decode_text(data: bytes, source: str) -> str:
    """Sidecar bytes as text: UTF-8 (with or without a BOM), not empty, not binary."""
    if not data or data.isspace():  # as "not data.strip()", without copying 24 MB
        fail(source, translate("SidecarErrors", "the file is empty, so it holds no annotations"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        fail(
            source,
            translate(
                "SidecarErrors", "this is not a text file Slant can read (it contains binary data)"
            ),
        )
    if count_values(data) > MAX_JSON_VALUES:
        fail(source, too_many_values())
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = translate(
            "SidecarErrors", "this is not a text file Slant can read: byte {byte} is not UTF-8 text"
        )
        fail(source, problem.format(byte=exc.start + 1))
    return text


def count_values(data: bytes) -> int:
    """An upper bound of the JSON values in *data*: its commas and opening brackets, plus one."""
    return data.count(b",") + data.count(b"[") + data.count(b"{") + 1


def too_many_values() -> str:
    """The problem of a file holding more values than MAX_JSON_VALUES."""
    problem = translate(
        "SidecarErrors",
        "the file holds too many values (more than {limit:,} commas and brackets), "
        "more than any annotations file Slant writes",
    )
    return problem.format(limit=MAX_JSON_VALUES)


def check_no_lone_surrogate(raw: Any, source: str) -> None:
    """Fail naming the member when a string of *raw* (names too) holds half of a UTF-16
    pair, which no file can store as text and which would break every export."""
    pending: list[tuple[Any, tuple[str | int, ...]]] = [(raw, ())]
    while pending:
        value, where = pending.pop()
        if isinstance(value, str):
            found = _SURROGATE.search(value)
            if found is not None:
                _fail_surrogate(source, where, found.group())
        elif isinstance(value, dict):
            for key, item in value.items():
                found = _SURROGATE.search(key)
                if found is not None:
                    _fail_surrogate(source, (*where, key), found.group())
                pending.append((item, (*where, key)))
        elif isinstance(value, list):
            pending.extend((item, (*where, number)) for number, item in enumerate(value))


def _fail_surrogate(source: str, where: tuple[str | int, ...], character: str) -> NoReturn:
    if len(where) >= 2 and where[0] == "annotations" and isinstance(where[1], int):
        what = translate("SidecarErrors", "annotation {number}").format(number=where[1] + 1)
        names = where[2:]
    elif where:
        what, names = f"'{_printable(str(where[0]))}'", where[1:]
    else:
        what, names = the_file(), ()
    name = next((str(n) for n in names if isinstance(n, str)), None)
    code = f"\\u{ord(character):04x}"
    if name is None:
        problem = translate(
            "SidecarErrors",
            "{what} holds half of a UTF-16 character pair ({code}), which is not text",
        )
    else:
        problem = translate(
            "SidecarErrors",
            "{what} has a '{name}' holding half of a UTF-16 character pair ({code}), "
            "which is not text",
        )
    fail(source, problem.format(what=what, name=_printable(name or ""), code=code))


def _printable(text: str) -> str:
    """*text* with any lone surrogate written as an escape, so a message can show it."""
    return _SURROGATE.sub(lambda found: f"\\u{ord(found.group()):04x}", text[:40])


def load_json(text: str, source: str) -> Any:
    """Strict JSON from sidecar text; raise SidecarError for anything else.

    Rejected besides syntax errors: NaN and Infinity, numbers that are too big, a name
    used twice in one object, and nesting too deep to read.
    """
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_without_repeats,
            parse_constant=_reject_constant,
            parse_int=_safe_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        problem = translate(
            "SidecarErrors",
            "the file is damaged: it is not valid JSON (line {line}, column {column}: {problem})",
        )
        fail(
            source,
            problem.format(line=exc.lineno, column=exc.colno, problem=_json_problem(exc.msg)),
        )
    except _Rejected as exc:
        fail(source, str(exc))
    except RecursionError:
        problem = translate(
            "SidecarErrors",
            "the file is nested too deeply to be read (too many brackets inside brackets)",
        )
        fail(source, problem)
    except ValueError as exc:  # any other limit of the decoder
        problem = translate("SidecarErrors", "the file cannot be read as JSON ({problem})")
        fail(source, problem.format(problem=exc))


def quick_decoder() -> json.JSONDecoder:
    """A JSON decoder with load_json's hooks but for integers, which json decodes itself.

    It is 12% faster on a sidecar (3.5 ms of 10,000 annotations); whoever uses it must
    refuse what it decoded when has_unsafe_int finds an integer load_json would have
    refused, and not use it when ints_can_wait is False. It words no problem: a text it
    refuses (raising one of DECODING_FAILURES) is decoded with load_json instead.
    """
    return json.JSONDecoder(
        object_pairs_hook=_object_without_repeats,
        parse_constant=_reject_constant,
        parse_float=_finite_float,
    )


def ints_can_wait() -> bool:
    """True when huge integer literals make json fail fast rather than work for minutes.

    Python refuses to convert literals over 4,300 digits unless that limit was lifted.
    """
    return 0 < sys.get_int_max_str_digits() <= _PYTHON_DIGIT_LIMIT


def has_unsafe_int(value: Any) -> bool:
    """True when *value* holds, at any depth, an integer that load_json refuses as too big."""
    pending = [value]
    while pending:
        item = pending.pop()
        kind = type(item)
        if kind is int:
            if abs(item) > MAX_SAFE_INTEGER:
                return True
        elif kind is dict:
            pending.extend(item.values())
        elif kind is list:
            pending.extend(item)
    return False


def _json_problem(message: str) -> str:
    """The json module's words for a syntax error, in the interface's language if known."""
    known = {
        "Expecting value": translate("SidecarErrors", "Expecting value"),
        "Expecting property name enclosed in double quotes": translate(
            "SidecarErrors", "Expecting property name enclosed in double quotes"
        ),
        "Expecting ':' delimiter": translate("SidecarErrors", "Expecting ':' delimiter"),
        "Expecting ',' delimiter": translate("SidecarErrors", "Expecting ',' delimiter"),
        "Unterminated string starting at": translate(
            "SidecarErrors", "Unterminated string starting at"
        ),
        "Invalid control character at": translate("SidecarErrors", "Invalid control character at"),
        "Invalid \\escape": translate("SidecarErrors", "Invalid \\escape"),
        "Invalid \\uXXXX escape": translate("SidecarErrors", "Invalid \\uXXXX escape"),
        "Extra data": translate("SidecarErrors", "Extra data"),
    }
    return known.get(message, message)


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                problem = translate(
                    "SidecarErrors", "the name {name} appears twice in the same object"
                )
                raise _Rejected(problem.format(name=repr(key)))
            seen.add(key)
    return result


def _reject_constant(name: str) -> NoReturn:
    problem = translate(
        "SidecarErrors", "the file contains {name}, which is not a number Slant can use"
    )
    raise _Rejected(problem.format(name=name))


def _safe_int(literal: str) -> int:
    if len(literal) < _SHORT_LITERAL:  # every offset in a real file: nothing more to check
        return int(literal)
    # The length test comes first: converting a 100,000-digit literal is itself slow.
    digits = literal.lstrip("-")
    if len(digits) > _NUMBER_DIGITS or abs(value := int(literal)) > MAX_SAFE_INTEGER:
        problem = translate(
            "SidecarErrors", "the file contains a number that is too big ({digits}...)"
        )
        raise _Rejected(problem.format(digits=digits[:20]))
    return value


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        problem = translate(
            "SidecarErrors", "the file contains a number that is too big ({number})"
        )
        raise _Rejected(problem.format(number=literal[:20]))
    return value


def describe(value: Any) -> str:
    """Name a JSON value's kind in everyday words, for a sentence saying what it should be."""
    if value is None:
        return translate("SidecarErrors", "empty (null)")
    if isinstance(value, bool):
        return translate("SidecarErrors", "true/false")
    if isinstance(value, int):
        return translate("SidecarErrors", "a whole number")
    if isinstance(value, float):
        return translate("SidecarErrors", "a decimal number")
    if isinstance(value, str):
        return translate("SidecarErrors", "text")
    if isinstance(value, list):
        return translate("SidecarErrors", "a list")
    return translate("SidecarErrors", "a group of named values")


def need_object(value: Any, source: str, what: Subject) -> dict[str, Any]:
    """Return *value* if it is a JSON object, else fail naming *what*."""
    if not isinstance(value, dict):
        problem = translate(
            "SidecarErrors", "{what} is {kind}, but it must be a group of named values"
        )
        fail(source, problem.format(what=what(), kind=describe(value)))
    return value


def need_list(value: Any, source: str, what: Subject) -> list[Any]:
    """Return *value* if it is a JSON array, else fail naming *what*."""
    if not isinstance(value, list):
        problem = translate("SidecarErrors", "{what} is {kind}, but it must be a list")
        fail(source, problem.format(what=what(), kind=describe(value)))
    return value


def member(raw: dict[str, Any], name: str, source: str, what: Subject) -> Any:
    """Return the required member *name* of *raw*, or fail saying it is missing."""
    if name not in raw:
        problem = translate("SidecarErrors", "{what} is missing its '{name}'")
        fail(source, problem.format(what=what(), name=name))
    return raw[name]


def text_member(
    raw: dict[str, Any],
    name: str,
    source: str,
    what: Subject,
    *,
    default: str | None = None,
    max_length: int | None = None,
    non_empty: bool = False,
) -> str:
    """Return member *name* as text; *default* makes it optional."""
    value = raw.get(name, default) if default is not None else member(raw, name, source, what)
    if not isinstance(value, str):
        problem = translate(
            "SidecarErrors", "{what} has a '{name}' that is {kind}, but it must be text"
        )
        fail(source, problem.format(what=what(), name=name, kind=describe(value)))
    if non_empty and not value:
        problem = translate("SidecarErrors", "{what} has an empty '{name}'")
        fail(source, problem.format(what=what(), name=name))
    if max_length is not None and len(value) > max_length:
        # The number's format is part of the sentence: "10,000" in English, "10000" in Spanish.
        problem = translate(
            "SidecarErrors", "{what} has a '{name}' longer than {max_length:,} characters"
        )
        fail(source, problem.format(what=what(), name=name, max_length=max_length))
    return value


def int_member(raw: dict[str, Any], name: str, source: str, what: Subject) -> int:
    """Return member *name* as a whole number that is not negative (true/false is not one)."""
    value = member(raw, name, source, what)
    if type(value) is not int:
        problem = translate(
            "SidecarErrors", "{what} has a '{name}' that is {kind}, but it must be a whole number"
        )
        fail(source, problem.format(what=what(), name=name, kind=describe(value)))
    if value < 0:
        problem = translate(
            "SidecarErrors", "{what} has a negative '{name}' ({value}); it must be 0 or more"
        )
        fail(source, problem.format(what=what(), name=name, value=value))
    return value


def timestamp_member(raw: dict[str, Any], name: str, source: str, what: Subject) -> str:
    """Return member *name*, a UTC time such as 2026-03-01T14:05:00.000Z."""
    value = text_member(raw, name, source, what)
    if not is_timestamp(value):
        problem = translate(
            "SidecarErrors",
            "{what} has a '{name}' of {value}, which is not a time like 2026-03-01T14:05:00.000Z",
        )
        fail(source, problem.format(what=what(), name=name, value=repr(value[:40])))
    return value


def is_timestamp(value: str) -> bool:
    """True for an ISO 8601 UTC time with a Z, e.g. 2026-03-01T14:05:00.000Z."""
    found = _TIMESTAMP.fullmatch(value)
    return found is not None and _is_date(found.group(1))


@lru_cache(maxsize=1024)
def _is_date(text: str) -> bool:
    # Cached: a class's annotations were mostly made on a few days.
    try:
        date.fromisoformat(text)
    except ValueError:
        return False  # month 13, 30 February ...
    return True


def sha256_member(raw: dict[str, Any], name: str, source: str, what: Subject) -> str:
    """Return member *name*, 64 hexadecimal digits."""
    value = text_member(raw, name, source, what)
    if not _SHA256.fullmatch(value):
        problem = translate(
            "SidecarErrors", "{what} has a '{name}' that is not 64 hexadecimal digits"
        )
        fail(source, problem.format(what=what(), name=name))
    return value


def unknown_members(
    raw: dict[str, Any], known: tuple[str, ...], source: str, what: Subject
) -> dict[str, Any]:
    """Members of *raw* this version does not know, kept so that a rewrite preserves them."""
    extra = {key: value for key, value in raw.items() if key not in known}
    for key, value in extra.items():
        if nesting_depth(value) > MAX_DEPTH:
            problem = translate(
                "SidecarErrors", "{what} has a member '{key}' that is nested too deeply"
            )
            fail(source, problem.format(what=what(), key=key))
    return extra


def nesting_depth(value: Any, limit: int = MAX_DEPTH) -> int:
    """Nesting depth of a JSON value, counted without recursion (and not past *limit* + 1)."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, level = pending.pop()
        children = item.values() if isinstance(item, dict) else item
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            if level <= limit:
                # Only containers go on the stack: a list of millions of strings must not
                # cost a tuple each.
                pending.extend(
                    (child, level + 1) for child in children if isinstance(child, (dict, list))
                )
    return deepest
