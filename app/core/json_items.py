"""Decoding a JSON object whose one large array member is handed over an item at a time.

A sidecar with 50,000 annotations decoded whole is ~50 MB of dicts at once, and the holes
they leave when freed keep the process that much bigger. Read here, each annotation is
decoded, turned into its final form by the caller and dropped before the next one.

Only the common shape is followed: one object, the array member appearing once. For
anything else NotStreamable is raised and the caller decodes the text whole, which also
finds and words every syntax error; so this reader never needs to explain a problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the json module skips it
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")


class NotStreamable(ValueError):
    """The text is not an object this reader follows; decode it whole instead."""


class _Cursor:
    """Where the array's items ended, once they have all been read."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.closed = False


def decode_streaming(
    text: str,
    decoder: json.JSONDecoder,
    name: str,
    consume: Callable[[dict[str, Any], Iterator[Any]], T],
) -> tuple[dict[str, Any], T]:
    """Decode the object in *text*, giving the items of its array member *name* to *consume*.

    *consume* gets the members before the array and an iterator over its items; it must
    read them all. Returns the other members and what *consume* returned. Raises
    NotStreamable when the text is not one object with *name* an array appearing once,
    and whatever the decoder (with its hooks) or *consume* raise.
    """
    scan = decoder.scan_once
    members: dict[str, Any] = {}
    results: list[T] = []
    index = _skip(text, 0)
    if text[index : index + 1] != "{":
        raise NotStreamable("not an object")
    index = _skip(text, index + 1)
    while True:
        if text[index : index + 1] != '"':
            raise NotStreamable("a member name was expected")
        key, index = _scan(scan, text, index)
        if key in members or (key == name and results):
            raise NotStreamable("a member name appears twice")
        index = _skip(text, index)
        if text[index : index + 1] != ":":
            raise NotStreamable("':' was expected")
        index = _skip(text, index + 1)
        if key == name and text[index : index + 1] == "[":
            cursor = _Cursor(index + 1)
            results.append(consume(dict(members), _items(text, scan, cursor)))
            if not cursor.closed:
                raise NotStreamable("the items were not all read")
            index = cursor.index
        else:
            members[key], index = _scan(scan, text, index)
        index = _skip(text, index)
        separator = text[index : index + 1]
        index = _skip(text, index + 1)
        if separator == "}":
            break
        if separator != ",":
            raise NotStreamable("',' or '}' was expected")
    if index != len(text) or not results:
        raise NotStreamable("extra text, or no such array")
    return members, results[0]


def _items(text: str, scan: Callable[[str, int], Any], cursor: _Cursor) -> Iterator[Any]:
    """The array's items from *cursor* on; records where the array ends."""
    index = _skip(text, cursor.index)
    if text[index : index + 1] == "]":
        cursor.index, cursor.closed = index + 1, True
        return
    next_item = _COMMA.match  # the common case in one call: this loop runs 50,000 times
    while True:
        try:
            item, index = scan(text, index)
        except StopIteration:  # inside a generator it would become a RuntimeError
            raise NotStreamable("a value was expected") from None
        yield item
        del item  # the caller has made what it keeps; do not hold the decoded item
        comma = next_item(text, index)
        if comma is None:
            break
        index = comma.end()
    index = _skip(text, index)
    if text[index : index + 1] != "]":
        raise NotStreamable("',' or ']' was expected")
    cursor.index, cursor.closed = index + 1, True


def _skip(text: str, index: int) -> int:
    return _SPACE.match(text, index).end()  # type: ignore[union-attr]  # * always matches


def _scan(scan: Callable[[str, int], Any], text: str, index: int) -> tuple[Any, int]:
    try:
        return scan(text, index)
    except StopIteration:  # no value here; inside a generator it would become RuntimeError
        raise NotStreamable("a value was expected") from None
