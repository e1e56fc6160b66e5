"""IntervalIndex: items with half-open [start, end) spans, with fast overlap and point queries."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Generic, TypeVar

T = TypeVar("T")


class IntervalIndex(Generic[T]):
    """Items (annotations, say) kept by the half-open span [start, end) each one has.

    The index reads an item's span from the attributes named *start* and *end* (dotted
    paths allowed) and keeps nothing but the item: no tuple and no dictionary entry
    each, which for 50,000 annotations were 5 MB.

    Items are kept in lists sorted by start, one per length class (class c holds lengths
    in [2**c, 2**(c+1))). Within a class an item that reaches a query must start less
    than 2**(c+1) before it, so each class is answered by two bisections and a short scan:
    one whole-article item does not slow down queries about ordinary short ones.
    Adding and removing cost a bisection plus a list insert/delete (a C memmove).
    Empty items (start == end) are kept but overlap nothing.
    """

    def __init__(self, start: str = "start", end: str = "end") -> None:
        # attrgetters run in C: bisecting and sorting call them for every step.
        self._start: Callable[[T], int] = attrgetter(start)
        self._end: Callable[[T], int] = attrgetter(end)
        self._span: Callable[[T], tuple[int, int]] = attrgetter(start, end)
        self._classes: list[list[T]] = []
        self._empty: list[T] = []

    def __len__(self) -> int:
        return len(self._empty) + sum(map(len, self._classes))

    def add(self, item: T) -> None:
        """Add *item*. Raises ValueError when its span ends before it starts."""
        length = self._length(item)
        if not length:
            self._empty.append(item)
            return
        items = self._class_of(length, create=True)
        # After the items that start at the same offset: equal spans stay in added order.
        items.insert(bisect_right(items, self._start(item), key=self._start), item)

    def add_many(self, items: Iterable[T]) -> None:
        """Add *items* at once: one sort per length class, not an insert each.

        Like add() for each in turn. Raises ValueError when a span ends before it starts;
        nothing is added then.
        """
        # Grouped in plain lists first: this loop runs once per annotation of a file.
        grouped: dict[int, list[T]] = {}
        empty: list[T] = []
        span = self._span  # one C call for both ends, not _length's three Python steps
        for item in items:
            start, end = span(item)
            if end <= start:
                if end < start:
                    raise ValueError(f"interval [{start}, {end}) ends before it starts")
                empty.append(item)
                continue
            size_class = (end - start).bit_length() - 1
            group = grouped.get(size_class)
            if group is None:
                group = grouped[size_class] = []
            group.append(item)
        self._empty.extend(empty)
        for size_class, group in grouped.items():
            items = self._class_of(1 << size_class, create=True)
            items.extend(group)
            items.sort(key=self._start)  # stable: equal starts stay in added order

    def remove(self, item: T) -> None:
        """Remove *item* (found at its span, then by ==). Raises KeyError when absent.

        The item must have the span it had when it was added.
        """
        length = self._end(item) - self._start(item)
        if length <= 0:
            items = self._empty
            first = 0
        else:
            items = self._class_of(length, create=False)
            first = bisect_left(items, self._start(item), key=self._start)
        for position in range(first, len(items)):
            candidate = items[position]
            if candidate is item or candidate == item:
                del items[position]
                return
            if length > 0 and self._start(candidate) != self._start(item):
                break
        raise KeyError(item)

    def overlapping(self, start: int, end: int) -> list[T]:
        """Items that intersect [start, end), by start and then end (equal spans: as added).

        An empty range [p, p) asks for the items that contain offset p.
        """
        return self._overlapping(start, max(end, start + 1))

    def at(self, offset: int) -> list[T]:
        """Items that contain *offset*, by start and then end (equal spans: as added)."""
        return self._overlapping(offset, offset + 1)

    def boundaries_in(self, start: int, end: int) -> list[int]:
        """Sorted distinct offsets strictly inside (start, end) where an item starts or
        ends: the places where the set of covering items can change."""
        inside = set()
        for item in self._overlapping(start, end):
            item_start, item_end = self._start(item), self._end(item)
            if item_start > start:
                inside.add(item_start)
            if item_end < end:
                inside.add(item_end)
        return sorted(inside)

    def _overlapping(self, start: int, end: int) -> list[T]:
        if end <= start:
            return []
        start_of, end_of = self._start, self._end
        found: list[T] = []
        for size_class, items in enumerate(self._classes):
            if not items:
                continue
            longest = (1 << (size_class + 1)) - 1
            first = bisect_left(items, start - longest + 1, key=start_of)
            last = bisect_left(items, end, first, key=start_of)
            found += [item for item in items[first:last] if end_of(item) > start]
        if len(found) > 1:
            found.sort(key=self._span)
        return found

    def _length(self, item: T) -> int:
        start, end = self._start(item), self._end(item)
        if end < start:
            raise ValueError(f"interval [{start}, {end}) ends before it starts")
        return end - start

    def _class_of(self, length: int, *, create: bool) -> list[T]:
        size_class = length.bit_length() - 1
        if create:
            while len(self._classes) <= size_class:
                self._classes.append([])
        elif size_class >= len(self._classes):
            return []
        return self._classes[size_class]
