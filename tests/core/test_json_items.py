"""Streaming an object's array member: the same values as json.loads, or a refusal."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.json_items import NotStreamable, decode_streaming

DECODER = json.JSONDecoder()
FAILURES = (ValueError, RecursionError)  # NotStreamable and JSONDecodeError are ValueErrors


def _collect(members: dict[str, Any], items: Iterator[Any]) -> tuple[dict[str, Any], list]:
    return members, list(items)


def _cut(text: str, cuts: list[int]) -> list[str]:
    """*text* in pieces, cut at the offsets *cuts* (empty pieces included)."""
    edges = [0, *sorted(min(cut, len(text)) for cut in cuts), len(text)]
    return [text[start:end] for start, end in itertools.pairwise(edges)]


@pytest.mark.parametrize("size", [1, 2, 3, 7])
def test_text_in_pieces_of_any_size_reads_as_the_whole(size: int) -> None:
    text = '{ "a" : 12345 , "items" : [ {"n": 1} ,\n  -2.5e3 , true , "x y" ] , "z" : null }'
    pieces = [text[start : start + size] for start in range(0, len(text), size)]
    assert decode_streaming(pieces, DECODER, "items", _collect) == decode_streaming(
        [text], DECODER, "items", _collect
    )
    assert decode_streaming(pieces, DECODER, "items", _collect) == (
        {"a": 12345, "z": None},
        ({"a": 12345}, [{"n": 1}, -2500.0, True, "x y"]),
    )


def test_items_are_handed_over_one_at_a_time_after_the_members_before_them() -> None:
    text = '{"a": 1, "items": [{"n": 1}, {"n": 2}, {"n": 3}], "z": true}'
    seen: list[Any] = []

    def consume(members: dict[str, Any], items: Iterator[Any]) -> int:
        assert members == {"a": 1}, "only what comes before the array"
        for item in items:
            seen.append(item)
        return len(seen)

    others, count = decode_streaming([text], DECODER, "items", consume)
    assert (others, count, seen) == ({"a": 1, "z": True}, 3, [{"n": 1}, {"n": 2}, {"n": 3}])


@pytest.mark.parametrize(
    "text",
    [
        "[1, 2]",  # not an object
        "{}",  # no array
        '{"items": 5}',  # not an array
        '{"items": [], "items": []}',  # twice
        '{"a": 1, "a": 2, "items": []}',  # a name twice
        '{"items": [1, 2,]}',  # trailing comma
        '{"items": [1 2]}',
        '{"items": [1]} x',  # text after the object
        '{"items": [1]',  # unfinished
        '{"items": [1],}',
        "\ufeff" + '{"items": []}',  # a byte order mark is for the caller to remove
    ],
)
def test_anything_but_the_usual_shape_is_refused(text: str) -> None:
    with pytest.raises(FAILURES):
        decode_streaming([text], DECODER, "items", _collect)


def test_a_consumer_that_stops_early_is_noticed() -> None:
    def first_only(members: dict[str, Any], items: Iterator[Any]) -> Any:
        return next(items)

    with pytest.raises(NotStreamable):
        decode_streaming(['{"items": [1, 2]}'], DECODER, "items", first_only)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    before=st.dictionaries(st.text(), JSON_VALUES, max_size=3),
    items=st.lists(JSON_VALUES, max_size=6),
    after=st.dictionaries(st.text(), JSON_VALUES, max_size=3),
    indent=st.sampled_from([None, 0, 2, "\t"]),
    cuts=st.lists(st.integers(0, 400), max_size=6),
)
def test_what_is_read_equals_what_json_loads_reads(before, items, after, indent, cuts) -> None:
    document = {**before, "items": items, **{k: v for k, v in after.items() if k not in before}}
    document["items"] = items
    text = json.dumps(document, indent=indent, ensure_ascii=False)
    whole = json.loads(text)
    try:
        others, streamed = decode_streaming(_cut(text, cuts), DECODER, "items", _collect)
    except NotStreamable:
        return  # allowed: the caller then decodes the text whole
    members_before, got_items = streamed
    assert got_items == whole["items"]
    assert {**others, "items": got_items} == whole
    assert set(members_before) <= set(others)


@settings(max_examples=500, deadline=None)
@given(data=st.data())
def test_damaged_text_is_never_read_differently_from_json_loads(data) -> None:
    text = json.dumps({"a": [1, "x"], "items": [{"n": 1}, [2, 3], "four"], "z": None}, indent=1)
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.sampled_from(["", ",", "]", "}", "[", '"', " ", "x", "1", ":"]))
    drop = data.draw(st.integers(0, 3))
    damaged = text[:cut] + insert + text[cut + drop :]
    cuts = data.draw(st.lists(st.integers(0, len(damaged)), max_size=4))
    try:
        whole: Any = json.loads(damaged)
    except ValueError:
        whole = None
    try:
        others, (_, items) = decode_streaming(_cut(damaged, cuts), DECODER, "items", _collect)
    except FAILURES:
        return  # refused: fine whether or not json.loads could read it
    assert whole is not None, "streaming accepted text that json.loads refuses"
    assert {**others, "items": items} == whole
