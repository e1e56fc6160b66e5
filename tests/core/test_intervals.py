"""IntervalIndex against a brute-force oracle, plus its edge cases and speed budget."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.intervals import IntervalIndex

IDS = st.sampled_from([f"a{i}" for i in range(12)])
OFFSETS = st.integers(0, 300)
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), IDS, OFFSETS, st.integers(0, 300)),
        st.tuples(st.just("remove"), IDS, st.just(0), st.just(0)),
    ),
    max_size=40,
)


class Oracle:
    """The obvious dictionary-and-scan implementation."""

    def __init__(self) -> None:
        self.spans: dict[str, tuple[int, int]] = {}

    def overlapping(self, start: int, end: int) -> list[str]:
        end = max(end, start + 1)
        hits = [(s, e, i) for i, (s, e) in self.spans.items() if s < e and s < end and e > start]
        return [i for _, _, i in sorted(hits)]

    def boundaries_in(self, start: int, end: int) -> list[int]:
        edges = {offset for span in self.spans.values() if span[0] < span[1] for offset in span}
        return sorted(offset for offset in edges if start < offset < end)


def build(operations) -> tuple[IntervalIndex, Oracle]:
    index, oracle = IntervalIndex(), Oracle()
    for kind, interval_id, start, length in operations:
        if kind == "add":
            index.add(interval_id, start, start + length)
            oracle.spans[interval_id] = (start, start + length)
        elif interval_id in oracle.spans:
            index.remove(interval_id)
            del oracle.spans[interval_id]
    return index, oracle


@settings(max_examples=400)
@given(OPERATIONS, OFFSETS, st.integers(0, 80))
def test_overlap_queries_match_the_oracle(operations, start, length) -> None:
    index, oracle = build(operations)

    assert len(index) == len(oracle.spans)
    assert index.overlapping(start, start + length) == oracle.overlapping(start, start + length)
    assert index.at(start) == oracle.overlapping(start, start + 1)
    assert index.boundaries_in(start, start + length) == oracle.boundaries_in(start, start + length)


def test_empty_query_range_returns_the_intervals_containing_that_offset() -> None:
    index = IntervalIndex()
    index.add("claim", 10, 20)
    index.add("adjacent", 20, 25)

    assert index.overlapping(20, 20) == ["adjacent"]
    assert index.overlapping(19, 19) == ["claim"]


def test_intervals_are_half_open() -> None:
    index = IntervalIndex()
    index.add("claim", 10, 20)

    assert index.at(9) == []
    assert index.at(10) == ["claim"]
    assert index.at(20) == []
    assert index.overlapping(20, 30) == []
    assert index.overlapping(0, 10) == []


def test_empty_interval_is_counted_but_overlaps_nothing() -> None:
    index = IntervalIndex()
    index.add("caret", 5, 5)

    assert len(index) == 1 and "caret" in index
    assert index.overlapping(0, 10) == [] and index.at(5) == []
    index.remove("caret")
    assert len(index) == 0


def test_adding_an_existing_id_replaces_its_interval() -> None:
    index = IntervalIndex()
    index.add("claim", 0, 10)
    index.add("claim", 50, 60)

    assert len(index) == 1
    assert index.span("claim") == (50, 60)
    assert index.at(5) == [] and index.at(55) == ["claim"]


def test_results_come_in_document_order() -> None:
    index = IntervalIndex()
    index.add("long", 0, 1000)
    index.add("b", 30, 40)
    index.add("a", 30, 40)
    index.add("early", 5, 35)

    assert index.overlapping(32, 33) == ["long", "early", "a", "b"]


def test_removing_an_unknown_id_raises_key_error() -> None:
    with pytest.raises(KeyError):
        IntervalIndex().remove("missing")


def test_an_interval_that_ends_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        IntervalIndex().add("bad", 10, 5)


def test_fifty_thousand_intervals_next_to_one_covering_everything_answer_correctly() -> None:
    # How fast they answer is measured by benchmarks/bench_highlights.py, not asserted here.
    rng = random.Random(7)
    spans = [
        (f"a{i}", s, s + rng.randint(5, 200))
        for i, s in enumerate(rng.randrange(1_000_000) for _ in range(50_000))
    ]
    index, oracle = IntervalIndex(), Oracle()
    index.add_many(spans)
    index.add("whole article", 0, 1_000_000)
    oracle.spans = {interval_id: (start, end) for interval_id, start, end in spans}
    oracle.spans["whole article"] = (0, 1_000_000)
    for offset in (rng.randrange(1_000_000) for _ in range(50)):
        assert index.overlapping(offset, offset + 300) == oracle.overlapping(offset, offset + 300)
    assert "whole article" in index.at(123_456)


@settings(max_examples=300)
@given(OPERATIONS, st.lists(st.tuples(IDS, OFFSETS, st.integers(0, 300)), max_size=30))
def test_adding_many_at_once_equals_adding_them_one_by_one(operations, batch) -> None:
    one_by_one, _ = build(operations)
    at_once, _ = build(operations)
    for interval_id, start, length in batch:
        one_by_one.add(interval_id, start, start + length)
    at_once.add_many((interval_id, start, start + length) for interval_id, start, length in batch)

    assert len(at_once) == len(one_by_one)
    for offset in range(0, 620, 7):
        assert at_once.overlapping(offset, offset + 40) == one_by_one.overlapping(
            offset, offset + 40
        )
        assert at_once.boundaries_in(offset, offset + 40) == one_by_one.boundaries_in(
            offset, offset + 40
        )


def test_adding_many_with_one_reversed_interval_adds_none() -> None:
    index = IntervalIndex()
    with pytest.raises(ValueError, match="ends before it starts"):
        index.add_many([("good", 1, 5), ("bad", 10, 5)])
    assert len(index) == 0
