"""Strict JSON decoding and member checks for sidecars, with messages a student can act on."""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from typing import Any, NoReturn

from app.core.errors import SidecarError

MAX_SAFE_INTEGER = 2**53  # larger integers lose precision in JavaScript and many JSON tools
MAX_DEPTH = 100  # for members Slant does not know; its own members are at most 5 deep
MAX_ID_LENGTH = 200
MAX_CONTEXT_LENGTH = 10_000

# The hour, minute and second ranges are in the pattern; the date is checked apart.
_TIMESTAMP = re.compile(
    r"([0-9]{4}-[0-9]{2}-[0-9]{2})T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,9})?Z"
)
_SHA256 = re.compile(r"[0-9a-fA-F]{64}")
_NUMBER_DIGITS = 17  # longer integer literals are above MAX_SAFE_INTEGER for certain


class _Rejected(Exception):
    """Raised by the JSON decoder hooks for input that is valid JSON but not acceptable."""


def fail(source: str, problem: str) -> NoReturn:
    """Raise SidecarError saying which file has which problem."""
    raise SidecarError(f"{source}: {problem}")


def decode_json(data: bytes, source: str) -> Any:
    """Decode sidecar bytes as strict UTF-8 JSON; raise SidecarError for anything else.

    Rejected besides syntax errors: binary data, NaN and Infinity, numbers that are too
    big, a name used twice in one object, and nesting too deep to read.
    """
    if not data.strip():
        fail(source, "the file is empty, so it holds no annotations")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        fail(source, "this is not a text file Slant can read (it contains binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail(
            source,
            f"this is not a text file Slant can read: byte {exc.start + 1} is not UTF-8 text",
        )
    try:
        return json.loads(
            text,
            object_pairs_hook=_object_without_repeats,
            parse_constant=_reject_constant,
            parse_int=_safe_int,
            parse_float=_finite_float,
        )
    except json.JSONDecodeError as exc:
        fail(
            source,
            f"the file is damaged: it is not valid JSON "
            f"(line {exc.lineno}, column {exc.colno}: {exc.msg})",
        )
    except _Rejected as exc:
        fail(source, str(exc))
    except RecursionError:
        fail(source, "the file is nested too deeply to be read (too many brackets inside brackets)")
    except ValueError as exc:  # any other limit of the decoder
        fail(source, f"the file cannot be read as JSON ({exc})")


def _object_without_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Rejected(f"the name {key!r} appears twice in the same object")
            seen.add(key)
    return result


def _reject_constant(name: str) -> NoReturn:
    raise _Rejected(f"the file contains {name}, which is not a number Slant can use")


def _safe_int(literal: str) -> int:
    # The length test comes first: converting a 100,000-digit literal is itself slow.
    digits = literal.lstrip("-")
    if len(digits) > _NUMBER_DIGITS or abs(value := int(literal)) > MAX_SAFE_INTEGER:
        raise _Rejected(f"the file contains a number that is too big ({digits[:20]}...)")
    return value


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        raise _Rejected(f"the file contains a number that is too big ({literal[:20]})")
    return value


def describe(value: Any) -> str:
    """Name a JSON value's kind in everyday words."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a decimal number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a group of named values"


def need_object(value: Any, source: str, what: str) -> dict[str, Any]:
    """Return *value* if it is a JSON object, else fail naming *what*."""
    if not isinstance(value, dict):
        fail(source, f"{what} is {describe(value)}, but it must be a group of named values")
    return value


def need_list(value: Any, source: str, what: str) -> list[Any]:
    """Return *value* if it is a JSON array, else fail naming *what*."""
    if not isinstance(value, list):
        fail(source, f"{what} is {describe(value)}, but it must be a list")
    return value


def member(raw: dict[str, Any], name: str, source: str, what: str) -> Any:
    """Return the required member *name* of *raw*, or fail saying it is missing."""
    if name not in raw:
        fail(source, f"{what} is missing its '{name}'")
    return raw[name]


def text_member(
    raw: dict[str, Any],
    name: str,
    source: str,
    what: str,
    *,
    default: str | None = None,
    max_length: int | None = None,
    non_empty: bool = False,
) -> str:
    """Return member *name* as text; *default* makes it optional."""
    value = raw.get(name, default) if default is not None else member(raw, name, source, what)
    if not isinstance(value, str):
        fail(source, f"{what} has a '{name}' that is {describe(value)}, but it must be text")
    if non_empty and not value:
        fail(source, f"{what} has an empty '{name}'")
    if max_length is not None and len(value) > max_length:
        fail(source, f"{what} has a '{name}' longer than {max_length:,} characters")
    return value


def int_member(raw: dict[str, Any], name: str, source: str, what: str) -> int:
    """Return member *name* as a whole number that is not negative (true/false is not one)."""
    value = member(raw, name, source, what)
    if type(value) is not int:
        fail(
            source,
            f"{what} has a '{name}' that is {describe(value)}, but it must be a whole number",
        )
    if value < 0:
        fail(source, f"{what} has a negative '{name}' ({value}); it must be 0 or more")
    return value


def timestamp_member(raw: dict[str, Any], name: str, source: str, what: str) -> str:
    """Return member *name*, a UTC time such as 2026-03-01T14:05:00.000Z."""
    value = text_member(raw, name, source, what)
    if not is_timestamp(value):
        fail(
            source,
            f"{what} has a '{name}' of {value[:40]!r}, which is not a time like "
            "2026-03-01T14:05:00.000Z",
        )
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


def sha256_member(raw: dict[str, Any], name: str, source: str, what: str) -> str:
    """Return member *name*, 64 hexadecimal digits."""
    value = text_member(raw, name, source, what)
    if not _SHA256.fullmatch(value):
        fail(source, f"{what} has a '{name}' that is not 64 hexadecimal digits")
    return value


def unknown_members(
    raw: dict[str, Any], known: tuple[str, ...], source: str, what: str
) -> dict[str, Any]:
    """Members of *raw* this version does not know, kept so that a rewrite preserves them."""
    extra = {key: value for key, value in raw.items() if key not in known}
    for key, value in extra.items():
        if _depth(value) > MAX_DEPTH:
            fail(source, f"{what} has a member '{key}' that is nested too deeply")
    return extra


def _depth(value: Any) -> int:
    """Nesting depth of a JSON value, counted without recursion."""
    deepest = 0
    pending = [(value, 1)]
    while pending:
        item, level = pending.pop()
        if isinstance(item, dict):
            item = list(item.values())
        if isinstance(item, list):
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:
                pending.extend((child, level + 1) for child in item)
    return deepest
