"""Strict JSON decoding and member checks for sidecars, with messages a student can act on."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, NoReturn

from app.core.errors import SidecarError
from app.core.translation import translate

MAX_SAFE_INTEGER = 2**53  # larger integers lose precision in JavaScript and many JSON tools
MAX_ID_LENGTH = 200
MAX_CONTEXT_LENGTH = 10_000
# The shape of a UTC time; that the date exists (no 30 February) is checked apart.
TIMESTAMP_PATTERN = (
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?Z$"
)
MAX_DEPTH = 100  # for members Slant does not know; its own members are at most 5 deep
# Each JSON value becomes a Python object of 50 bytes or more: a planted file of 60 MB
# holding ``[{},{},...]`` took 3 GB to read. A comma or an opening bracket precedes all
# values but the first, so their count bounds the values; a real sidecar of 64 MB (the
# most read) has about one per 25 bytes, under 3,000,000.
MAX_JSON_VALUES = 4_000_000

_TIMESTAMP = re.compile(TIMESTAMP_PATTERN)
_SURROGATE = re.compile("[\ud800-\udfff]")
# An escaped half of a UTF-16 pair without its other half: JSON can write it, but it is
# not text, and the JSON reader refuses it.
_LONE_SURROGATE_ESCAPE = re.compile(
    rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
_BYTE_OFFSET = re.compile(r"\(byte (\d+)\)$")
# A JSON number where a value may stand (not inside text such as a sha256's "4509e5764").
_NUMBER_LITERAL = re.compile(rb"(?<=[:\[,\s])-?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?(?=[,\]}\s])")
_NUMBER_GOES_ON = b"-+.0123456789eE"
_SAFE_DIGITS = len(str(MAX_SAFE_INTEGER))


# What a sentence is about ("the file", "annotation 3"): a function that puts it into
# words, called only when the sentence is made, so that valid files are never translated.
Subject = Callable[[], str]


def fail(source: str, problem: str) -> NoReturn:
    """Raise SidecarError saying which file has which problem."""
    raise SidecarError(f"{source}: {problem}")


def the_file() -> str:
    """The subject of a sentence about the whole sidecar."""
    return translate("SidecarErrors", "the file")


def quoted(name: str) -> Subject:
    """The subject that is the member *name*, written 'name' in every language."""
    return lambda: f"'{name}'"


def check_bytes(data: bytes, source: str) -> None:
    """Fail unless *data* may be sidecar text: not empty, not binary, not endless values."""
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


def json_problem(data: bytes, message: str) -> str:
    """Why *data* is not JSON, from the JSON reader's *message*, with where: for the user."""
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = translate(
            "SidecarErrors", "this is not a text file Slant can read: byte {byte} is not UTF-8 text"
        )
        return problem.format(byte=exc.start + 1)
    lone = _LONE_SURROGATE_ESCAPE.search(data)
    found = _BYTE_OFFSET.search(message)
    if lone is not None:
        offset, reason = lone.start(), _surrogate_reason(lone.group())
    elif found is None:  # the reader gives no place only when the text ends too early
        offset = len(data.rstrip())
        reason = translate(
            "SidecarErrors", "the file ends in the middle of the data; it may have been cut off"
        )
    else:
        offset = int(found.group(1))
        reason = _reason(message[: found.start()].removeprefix("JSON is malformed:").strip())
        reason = f"{reason} {_near(data, offset)}".rstrip()
    before = data[:offset]
    line = before.count(b"\n") + 1
    column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
    problem = translate(
        "SidecarErrors",
        "the file is damaged: it is not valid JSON (line {line}, column {column}: {problem})",
    )
    return problem.format(line=line, column=column, problem=reason)


def _reason(words: str) -> str:
    """The JSON reader's words for a syntax error, in plain words in the interface's language."""
    known = {
        "invalid character": translate("SidecarErrors", "unexpected text"),
        "invalid number": translate("SidecarErrors", "a number JSON cannot hold"),
        "expected ':'": translate("SidecarErrors", "a ':' is missing after a name"),
        "expected ',' or '}'": translate("SidecarErrors", "a ',' or '}' is missing"),
        "expected ',' or ']'": translate("SidecarErrors", "a ',' or ']' is missing"),
        "trailing comma in object": translate("SidecarErrors", "a ',' before a '}'"),
        "trailing comma in array": translate("SidecarErrors", "a ',' before a ']'"),
        "object keys must be strings": translate(
            "SidecarErrors", "a name that is not in double quotes"
        ),
        "invalid escape character in string": translate(
            "SidecarErrors", "a backslash that JSON does not allow"
        ),
        "trailing characters": translate("SidecarErrors", "more text after the end of the data"),
    }
    return known.get(words, words)


def _near(data: bytes, offset: int) -> str:
    """The text at *offset*, from the start of the number or word it is in, quoted."""
    start = offset
    while start > 0 and offset - start < 20 and data[start - 1 : start] in _NUMBER_GOES_ON:
        start -= 1
    near = data[start : offset + 12].split(b"\n")[0].decode("utf-8", "replace")
    return repr(near) if near.strip() else ""


def _surrogate_reason(escape: bytes) -> str:
    problem = translate(
        "SidecarErrors", "half of a UTF-16 character pair ({code}), which is not text"
    )
    return problem.format(code=escape.decode("ascii").lower())


def number_too_big(data: bytes) -> str:
    """The problem of a file holding a number beyond MAX_SAFE_INTEGER (the first in *data*)."""
    for found in _NUMBER_LITERAL.finditer(data):
        literal = found.group().decode("ascii")
        digits = literal.lstrip("-")
        # Integers compared as integers (2**53 + 1 is 2**53 as a float); a literal of
        # over 17 digits is too big without converting it (which is slow when endless).
        if digits.isdigit():
            too_big = len(digits) > _SAFE_DIGITS or int(digits) > MAX_SAFE_INTEGER
        else:
            too_big = abs(float(literal)) > MAX_SAFE_INTEGER
        if too_big:
            problem = translate(
                "SidecarErrors", "the file contains a number that is too big ({digits}...)"
            )
            return problem.format(digits=digits[:20])
    return translate("SidecarErrors", "the file contains a number that is too big")


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


def is_timestamp(value: str) -> bool:
    """True for an ISO 8601 UTC time with a Z, e.g. 2026-03-01T14:05:00.000Z."""
    found = _TIMESTAMP.match(value)
    return found is not None and _is_date(found.group(1))


@lru_cache(maxsize=1024)
def _is_date(text: str) -> bool:
    # Cached: a class's annotations were mostly made on a few days.
    try:
        date.fromisoformat(text)
    except ValueError:
        return False  # month 13, 30 February ...
    return True


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
