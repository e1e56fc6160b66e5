"""IntervalIndex: half-open [start, end) intervals by id, with fast overlap and point queries."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable


class IntervalIndex:
    """Half-open intervals keyed by id (annotation ids, so str).

    Intervals are kept in sorted lists, one per length class (class c holds lengths in
    [2**c, 2**(c+1))). Within a class an interval that reaches a query must start less
    than 2**(c+1) before it, so each class is answered by two bisections and a short scan:
    one whole-article interval does not slow down queries about ordinary short ones.
    Adding and removing cost a bisection plus a list insert/delete (a C memmove).
    Empty intervals (start == end) are stored but overlap nothing.
    """

    def __init__(self) -> None:
        # Each interval is one (start, end, id) tuple, shared by this dict and its class
        # list: a second tuple each would cost 3 MB for 50,000 annotations.
        self._items: dict[str, tuple[int, int, str]] = {}
        self._classes: list[list[tuple[int, int, str]]] = []

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, interval_id: object) -> bool:
        return interval_id in self._items

    def add(self, interval_id: str, start: int, end: int) -> None:
        """Add [start, end) under *interval_id*, replacing any interval it had.

        Raises ValueError when end < start.
        """
        if end < start:
            raise ValueError(f"interval [{start}, {end}) ends before it starts")
        if interval_id in self._items:
            self.remove(interval_id)
        item = self._items[interval_id] = (start, end, interval_id)
        if end > start:
            insort(self._class_of(end - start, create=True), item)

    def add_many(self, intervals: Iterable[tuple[str, int, int]]) -> None:
        """Add (id, start, end) triples at once: one sort per length class, not an insert each.

        Like add() for each in turn (a repeated id keeps its last interval). Raises
        ValueError when an end is before its start; nothing is added then.
        """
        fresh: dict[str, tuple[int, int, str]] = {}
        for interval_id, start, end in intervals:
            if end < start:
                raise ValueError(f"interval [{start}, {end}) ends before it starts")
            fresh[interval_id] = (start, end, interval_id)
        for interval_id in fresh.keys() & self._items.keys():
            self.remove(interval_id)
        self._items.update(fresh)
        # Grouped in plain lists first: this loop runs once per annotation of a file.
        grouped: dict[int, list[tuple[int, int, str]]] = {}
        for item in fresh.values():
            start, end, _ = item
            if end > start:
                size_class = (end - start).bit_length() - 1
                group = grouped.get(size_class)
                if group is None:
                    group = grouped[size_class] = []
                group.append(item)
        for size_class, group in grouped.items():
            items = self._class_of(1 << size_class, create=True)
            items.extend(group)
            items.sort()

    def remove(self, interval_id: str) -> None:
        """Remove the interval stored under *interval_id*. Raises KeyError when absent."""
        item = self._items.pop(interval_id)
        start, end, _ = item
        if end > start:
            items = self._class_of(end - start, create=False)
            del items[bisect_left(items, item)]

    def span(self, interval_id: str) -> tuple[int, int]:
        """Return (start, end) of *interval_id*. Raises KeyError when absent."""
        start, end, _ = self._items[interval_id]
        return start, end

    def overlapping(self, start: int, end: int) -> list[str]:
        """Ids of the intervals that intersect [start, end), in (start, end, id) order.

        An empty range [p, p) asks for the intervals that contain offset p.
        """
        return [item[2] for item in self._overlapping_items(start, max(end, start + 1))]

    def at(self, offset: int) -> list[str]:
        """Ids of the intervals that contain *offset*, in (start, end, id) order."""
        return [item[2] for item in self._overlapping_items(offset, offset + 1)]

    def boundaries_in(self, start: int, end: int) -> list[int]:
        """Sorted distinct offsets strictly inside (start, end) where an interval starts or
        ends: the places where the set of covering intervals can change."""
        inside = set()
        for item_start, item_end, _ in self._overlapping_items(start, end):
            if item_start > start:
                inside.add(item_start)
            if item_end < end:
                inside.add(item_end)
        return sorted(inside)

    def _overlapping_items(self, start: int, end: int) -> list[tuple[int, int, str]]:
        if end <= start:
            return []
        found: list[tuple[int, int, str]] = []
        for size_class, items in enumerate(self._classes):
            if not items:
                continue
            longest = (1 << (size_class + 1)) - 1
            first = bisect_left(items, (start - longest + 1,))
            last = bisect_left(items, (end,), first)
            found.extend(item for item in items[first:last] if item[1] > start)
        if len(found) > 1:
            found.sort()
        return found

    def _class_of(self, length: int, *, create: bool) -> list[tuple[int, int, str]]:
        size_class = length.bit_length() - 1
        if create:
            while len(self._classes) <= size_class:
                self._classes.append([])
        return self._classes[size_class]
