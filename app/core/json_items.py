"""Decoding a JSON object whose one large array member is handed over an item at a time.

A sidecar with 50,000 annotations decoded whole is ~50 MB of dicts at once, and the holes
they leave when freed keep the process that much bigger. Read here, each annotation is
decoded, turned into its final form by the caller and dropped before the next one. The
text itself may come in pieces (a file read a megabyte at a time), so that neither the
file's bytes nor its whole text need to be held either.

Only the common shape is followed: one object, the array member appearing once. For
anything else NotStreamable is raised and the caller decodes the text whole, which also
finds and words every syntax error; so this reader never needs to explain a problem.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")

_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as the json module skips it
_COMMA = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")
_NUMBER_GOES_ON = frozenset("0123456789.eE+-")


class NotStreamable(ValueError):
    """The text is not an object this reader follows; decode it whole instead."""


class _Text:
    """The part of the text still needed, with the pieces after it read as they are needed.

    Offsets are into ``text``, which loses what was consumed each time a piece is added,
    so every method takes and returns offsets into the current ``text``.
    """

    def __init__(self, pieces: Iterable[str]) -> None:
        self._pieces = iter(pieces)
        self.text = ""
        self.ended = False
        self.more(0)

    def more(self, keep_from: int) -> int:
        """Add the next pieces, dropping what is before *keep_from*; returns where that
        offset is now. Sets ``ended`` when there are no more pieces."""
        kept = self.text[keep_from:]
        added: list[str] = []
        size = 0
        for piece in self._pieces:
            added.append(piece)
            size += len(piece)
            # At least as much as is kept: a value longer than many pieces is scanned
            # again a few times (doubling), not once a piece.
            if size and size >= len(kept):
                break
        if not size:
            self.ended = True
            return keep_from
        self.text = kept + "".join(added)
        return 0

    def skip(self, index: int) -> int:
        """The offset of the first character at or after *index* that is not whitespace."""
        while True:
            index = _SPACE.match(self.text, index).end()  # type: ignore[union-attr]  # _SPACE matches ""
            if index < len(self.text) or self.ended:
                return index
            index = self.more(index)

    def char(self, index: int) -> tuple[str, int]:
        """The first character at or after *index* that is not whitespace ("" at the
        end), and its offset."""
        index = self.skip(index)
        return self.text[index : index + 1], index

    def scan(self, scan: Callable[[str, int], Any], index: int) -> tuple[Any, int]:
        """The value that starts at *index*, and the offset just after it."""
        while True:
            try:
                value, end = scan(self.text, index)
            except (StopIteration, ValueError):
                if self.ended:
                    raise NotStreamable("no value could be read here") from None
                index = self.more(index)  # perhaps cut off by the end of a piece
                continue
            # A number cut by the end of a piece reads as a shorter one ("-2." of "-2.5e3"
            # as -2): a value counts only when followed by what cannot go on a number,
            # which in valid JSON is whatever follows any value.
            if self.ended or (end < len(self.text) and self.text[end] not in _NUMBER_GOES_ON):
                return value, end
            index = self.more(index)


class _Cursor:
    """Where the array's items ended, once they have all been read."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.closed = False


def decode_streaming(
    pieces: Iterable[str],
    decoder: json.JSONDecoder,
    name: str,
    consume: Callable[[dict[str, Any], Iterator[Any]], T],
) -> tuple[dict[str, Any], T]:
    """Decode the object in the text made of *pieces*, giving the items of its array
    member *name* to *consume*.

    *consume* gets the members before the array and an iterator over its items; it must
    read them all. Returns the other members and what *consume* returned. Raises
    NotStreamable when the text is not one object with *name* an array appearing once,
    and whatever *consume* raises.
    """
    scan = decoder.scan_once  # type: ignore[attr-defined]  # set in __init__; typeshed omits it
    source = _Text(pieces)
    members: dict[str, Any] = {}
    results: list[T] = []
    char, index = source.char(0)
    if char != "{":
        raise NotStreamable("not an object")
    char, index = source.char(index + 1)
    while True:
        if char != '"':
            raise NotStreamable("a member name was expected")
        key, index = source.scan(scan, index)
        if key in members or (key == name and results):
            raise NotStreamable("a member name appears twice")
        char, index = source.char(index)
        if char != ":":
            raise NotStreamable("':' was expected")
        char, index = source.char(index + 1)
        if key == name and char == "[":
            cursor = _Cursor(index + 1)
            results.append(consume(dict(members), _items(source, scan, cursor)))
            if not cursor.closed:
                raise NotStreamable("the items were not all read")
            index = cursor.index
        else:
            members[key], index = source.scan(scan, index)
        separator, index = source.char(index)
        char, index = source.char(index + 1)
        if separator == "}":
            break
        if separator != ",":
            raise NotStreamable("',' or '}' was expected")
    if char or not results:
        raise NotStreamable("extra text, or no such array")
    return members, results[0]


def _items(source: _Text, scan: Callable[[str, int], Any], cursor: _Cursor) -> Iterator[Any]:
    """The array's items from *cursor* on; records where the array ends."""
    char, index = source.char(cursor.index)
    if char == "]":
        cursor.index, cursor.closed = index + 1, True
        return
    next_item = _COMMA.match  # the common case in one call: this loop runs 50,000 times
    while True:
        item, index = source.scan(scan, index)
        yield item
        del item  # the caller has made what it keeps; do not hold the decoded item
        comma = next_item(source.text, index)
        if comma is not None:
            index = comma.end()
            if index == len(source.text):  # the space after it may go on in the next piece
                index = source.skip(index)
            continue
        char, index = source.char(index)  # the end of the array, or of a piece
        if char != ",":
            break
        index = source.skip(index + 1)
    if char != "]":
        raise NotStreamable("',' or ']' was expected")
    cursor.index, cursor.closed = index + 1, True
