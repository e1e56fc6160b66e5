"""IntervalIndex against a brute-force oracle, plus its edge cases and speed budget."""

from __future__ import annotations

import random
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Span:
    """An item with a span, as annotations have."""

    id: str
    start: int
    end: int


class Oracle:
    """The obvious dictionary-and-scan implementation (equal spans in the order added)."""

    def __init__(self) -> None:
        self.spans: dict[str, tuple[int, int]] = {}

    def overlapping(self, start: int, end: int) -> list[str]:
        end = max(end, start + 1)
        hits = [(s, e, i) for i, (s, e) in self.spans.items() if s < e and s < end and e > start]
        return [i for _, _, i in sorted(hits, key=lambda hit: hit[:2])]

    def boundaries_in(self, start: int, end: int) -> list[int]:
        edges = {offset for span in self.spans.values() if span[0] < span[1] for offset in span}
        return sorted(offset for offset in edges if start < offset < end)


def ids(items: list[Span]) -> list[str]:
    return [item.id for item in items]


def build(operations) -> tuple[IntervalIndex, Oracle]:
    index, oracle, items = IntervalIndex(), Oracle(), {}
    for kind, interval_id, start, length in operations:
        if interval_id in items:
            index.remove(items.pop(interval_id))
            del oracle.spans[interval_id]
        if kind == "add":
            items[interval_id] = Span(interval_id, start, start + length)
            index.add(items[interval_id])
            oracle.spans[interval_id] = (start, start + length)
    return index, oracle


@settings(max_examples=400)
@given(OPERATIONS, OFFSETS, st.integers(0, 80))
def test_overlap_queries_match_the_oracle(operations, start, length) -> None:
    index, oracle = build(operations)

    assert len(index) == len(oracle.spans)
    assert ids(index.overlapping(start, start + length)) == oracle.overlapping(
        start, start + length
    )
    assert ids(index.at(start)) == oracle.overlapping(start, start + 1)
    assert index.boundaries_in(start, start + length) == oracle.boundaries_in(start, start + length)


def test_empty_query_range_returns_the_items_containing_that_offset() -> None:
    index = IntervalIndex()
    claim, adjacent = Span("claim", 10, 20), Span("adjacent", 20, 25)
    index.add_many([claim, adjacent])

    assert index.overlapping(20, 20) == [adjacent]
    assert index.overlapping(19, 19) == [claim]


def test_intervals_are_half_open() -> None:
    index = IntervalIndex()
    claim = Span("claim", 10, 20)
    index.add(claim)

    assert index.at(9) == []
    assert index.at(10) == [claim]
    assert index.at(20) == []
    assert index.overlapping(20, 30) == []
    assert index.overlapping(0, 10) == []


def test_empty_item_is_counted_but_overlaps_nothing() -> None:
    index = IntervalIndex()
    caret = Span("caret", 5, 5)
    index.add(caret)

    assert len(index) == 1
    assert index.overlapping(0, 10) == [] and index.at(5) == []
    index.remove(caret)
    assert len(index) == 0


def test_removing_takes_out_that_item_only_among_equal_spans() -> None:
    index = IntervalIndex()
    first, second, third = Span("first", 30, 40), Span("second", 30, 40), Span("third", 30, 35)
    index.add_many([first, second, third])

    index.remove(Span("second", 30, 40))

    assert len(index) == 2
    assert index.at(32) == [third, first]


def test_an_item_is_found_by_the_span_it_was_added_with() -> None:
    index = IntervalIndex()
    index.add(Span("claim", 0, 10))

    with pytest.raises(KeyError):
        index.remove(Span("claim", 50, 60))
    index.remove(Span("claim", 0, 10))
    assert len(index) == 0


def test_results_come_in_document_order_and_equal_spans_as_added() -> None:
    index = IntervalIndex()
    for item in (Span("long", 0, 1000), Span("b", 30, 40), Span("a", 30, 40)):
        index.add(item)
    index.add_many([Span("early", 5, 35), Span("c", 30, 40)])

    assert ids(index.overlapping(32, 33)) == ["long", "early", "b", "a", "c"]


@dataclass(frozen=True)
class Entry:
    """An item that holds its span in another object, as a student's entry does."""

    who: str
    span: Span


def test_items_can_keep_their_span_in_another_object() -> None:
    index = IntervalIndex("span.start", "span.end")
    entry = Entry("student 1", Span("claim", 10, 20))
    index.add(entry)

    assert index.at(15) == [entry]
    index.remove(entry)
    assert index.at(15) == []


def test_removing_an_unknown_item_raises_key_error() -> None:
    with pytest.raises(KeyError):
        IntervalIndex().remove(Span("missing", 0, 5))


def test_an_interval_that_ends_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValueError, match="ends before it starts"):
        IntervalIndex().add(Span("bad", 10, 5))


def test_fifty_thousand_intervals_next_to_one_covering_everything_answer_correctly() -> None:
    # How fast they answer is measured by benchmarks/bench_highlights.py, not asserted here.
    rng = random.Random(7)
    spans = [
        Span(f"a{i}", s, s + rng.randint(5, 200))
        for i, s in enumerate(rng.randrange(1_000_000) for _ in range(50_000))
    ]
    whole = Span("whole article", 0, 1_000_000)
    index, oracle = IntervalIndex(), Oracle()
    index.add_many(spans)
    index.add(whole)
    oracle.spans = {span.id: (span.start, span.end) for span in spans}
    oracle.spans[whole.id] = (whole.start, whole.end)
    for offset in (rng.randrange(1_000_000) for _ in range(50)):
        assert ids(index.overlapping(offset, offset + 300)) == oracle.overlapping(
            offset, offset + 300
        )
    assert whole in index.at(123_456)


@settings(max_examples=300)
@given(OPERATIONS, st.lists(st.tuples(IDS, OFFSETS, st.integers(0, 300)), max_size=30))
def test_adding_many_at_once_equals_adding_them_one_by_one(operations, batch) -> None:
    one_by_one, _ = build(operations)
    at_once, _ = build(operations)
    items = [Span(interval_id, start, start + length) for interval_id, start, length in batch]
    for item in items:
        one_by_one.add(item)
    at_once.add_many(items)

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
        index.add_many([Span("good", 1, 5), Span("bad", 10, 5)])
    assert len(index) == 0
