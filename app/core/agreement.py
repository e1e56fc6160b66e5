"""Agreement between students: character-level Krippendorff's alpha and pairwise F1.

Every function here works on plain annotation lists or on interval lists; nothing reads
files. The formulas, and why they are computed this way, are in docs/CLASS_STATISTICS.md.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

from app.core.annotations import Annotation

Interval = tuple[int, int]
# (start, end, count): every character in [start, end) is covered by *count* students.
Run = tuple[int, int, int]


def merge_spans(spans: Iterable[Interval]) -> list[Interval]:
    """Return the union of half-open *spans* as sorted, disjoint, non-touching intervals.

    Empty and reversed spans are dropped; touching spans ([0, 3) and [3, 5)) become one.
    """
    return _merged(spans, join_touching=True)


def merge_overlapping(spans: Iterable[Interval]) -> list[Interval]:
    """Merge the half-open *spans* that share a character; sorted, disjoint results.

    This is the merge of the official SemEval-2020 Task 11 scorer: two spans are merged
    when their character sets intersect, so touching spans ([0, 3) and [3, 5)) stay two.
    Empty and reversed spans are dropped.
    """
    return _merged(spans, join_touching=False)


def _merged(spans: Iterable[Interval], join_touching: bool) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(span for span in spans if span[1] > span[0]):
        # A merged interval has no gaps, so a span sorted after it shares a character
        # with it exactly when it starts before its end.
        if merged and (start < merged[-1][1] or (join_touching and start == merged[-1][1])):
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def spans_by_tag(
    annotations: Iterable[Annotation],
    tag_ids: Sequence[str],
    merge: Callable[[Iterable[Interval]], list[Interval]] = merge_spans,
) -> list[list[Interval]]:
    """For each tag in *tag_ids*, the spans of the annotations with that tag, merged.

    By default merged into their union (merge_spans); scoring passes merge_overlapping.
    """
    raw: dict[str, list[Interval]] = {tag: [] for tag in tag_ids}
    for annotation in annotations:
        if annotation.tag in raw:
            raw[annotation.tag].append((annotation.start, annotation.end))
    return [merge(raw[tag]) for tag in tag_ids]


class SpanUnion:
    """A union of spans that says, in O(log n), how many characters of a range it covers."""

    def __init__(self, spans: Iterable[Interval]) -> None:
        merged = merge_spans(spans)
        self.intervals = merged
        self._starts = [start for start, _ in merged]
        self._ends = [end for _, end in merged]
        # _before[i]: characters covered by the intervals before interval i.
        self._before = [0, *accumulate(end - start for start, end in merged)]

    @property
    def total(self) -> int:
        """Number of characters covered."""
        return self._before[-1]

    def __bool__(self) -> bool:
        return bool(self.intervals)

    def covered(self, start: int, end: int) -> int:
        """How many characters of [start, end) lie inside the union."""
        if end <= start:
            return 0
        return self._covered_before(end) - self._covered_before(start)

    def _covered_before(self, offset: int) -> int:
        # Intervals wholly before *offset* count fully; one that straddles it, partly.
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return 0
        return self._before[index] + min(offset, self._ends[index]) - self._starts[index]

    def overlaps(self, start: int, end: int) -> bool:
        """True when at least one character of [start, end) is covered."""
        index = bisect_left(self._ends, start + 1)
        return index < len(self._starts) and self._starts[index] < end and start < end


def coverage_runs(unions: Iterable[Sequence[Interval]]) -> list[Run]:
    """Sweep the boundaries of several unions: runs (start, end, count) with count >= 1.

    Each union must be disjoint (as merge_spans returns), so *count* is the number of
    unions, i.e. students, that cover every character of the run. Uncovered characters
    (count 0) are not listed. Adjacent runs always differ in count.
    """
    delta: dict[int, int] = {}
    for union in unions:
        for start, end in union:
            delta[start] = delta.get(start, 0) + 1
            delta[end] = delta.get(end, 0) - 1
    runs: list[Run] = []
    count = 0
    previous = 0
    for position in sorted(delta):
        if count and position > previous:
            if runs and runs[-1][1] == previous and runs[-1][2] == count:
                runs[-1] = (runs[-1][0], position, count)
            else:
                runs.append((previous, position, count))
        count += delta[position]
        previous = position
    return runs


@dataclass(frozen=True)
class Alpha:
    """Krippendorff's alpha for binary (tagged / not tagged) character units.

    ``value`` is None when alpha is undefined: fewer than two students, no characters,
    or no variation at all (every student gave every character the same value, so the
    expected disagreement is 0 and 1 - D_o/D_e has no meaning).
    """

    value: float | None
    coders: int
    units: int
    observed: float | None  # D_o, observed disagreement
    expected: float | None  # D_e, disagreement expected by chance


def binary_alpha(runs: Iterable[Run], coders: int, units: int) -> Alpha:
    """Alpha over *units* characters, each coded 0/1 by all *coders* (no missing values).

    *runs* give, for the characters they cover, how many coders said 1; every other unit
    has no 1s. With c ones among n coders a unit adds c(n-c)/(n-1) to o_01 (and to o_10);
    alpha = 1 - D_o/D_e with D_o = 2*o_01/n.. and D_e = 2*n_0*n_1/(n..(n..-1)).
    """
    return pooled_alpha([runs], coders, units)


def pooled_alpha(runs_per_tag: Iterable[Iterable[Run]], coders: int, units_per_tag: int) -> Alpha:
    """Alpha over all (tag, character) units pooled: one coincidence matrix for every tag.

    Each tag contributes *units_per_tag* units (the article's characters).
    """
    ones = 0  # n_1: values 1 over all units
    mismatched = 0  # sum over units of c(n-c), that is o_01 * (n-1); kept exact as an int
    tags = 0
    for runs in runs_per_tag:
        tags += 1
        for start, end, count in runs:
            ones += (end - start) * count
            mismatched += (end - start) * count * (coders - count)
    units = tags * units_per_tag
    return _alpha(ones, mismatched, coders, units)


def _alpha(ones: int, mismatched: int, coders: int, units: int) -> Alpha:
    values = units * coders  # n..
    zeros = values - ones
    if coders < 2 or units == 0:
        return Alpha(None, coders, units, None, None)
    observed = 2 * mismatched / ((coders - 1) * values)
    expected = 2 * zeros * ones / (values * (values - 1))
    if zeros == 0 or ones == 0:
        return Alpha(None, coders, units, observed, expected)
    # 1 - D_o/D_e with the common factors cancelled; the ints stay exact until here.
    value = 1 - (values - 1) * mismatched / ((coders - 1) * zeros * ones)
    return Alpha(value, coders, units, observed, expected)


def alpha_per_tag(
    heat: Mapping[str, Sequence[Run]], coders: int, length: int
) -> tuple[dict[str, Alpha], Alpha]:
    """Alpha for each tag of a heat map (see scoring.heat_map), and pooled over the tags in use.

    A tag no student used adds only characters everyone agreed on (all 0) and would raise
    the pooled alpha without any agreement having been shown, so it is left out of the pool:
    the pooled value does not depend on how many unused tags the tag set carries.
    """
    per_tag = {tag: binary_alpha(runs, coders, length) for tag, runs in heat.items()}
    return per_tag, pooled_alpha((runs for runs in heat.values() if runs), coders, length)


def f1_matrix(
    students: Sequence[Sequence[Annotation]], tag_ids: Sequence[str], length: int
) -> list[list[float | None]]:
    """Pairwise character-level F1 over all tags: 2|A∩B| / (|A| + |B|).

    A and B are the sets of (tag, character) pairs two students tagged. None when both
    students tagged nothing. The matrix is symmetric; the diagonal is 1.0 (or None).
    """
    masks = [_coverage_mask(annotations, tag_ids, length) for annotations in students]
    sizes = [mask.bit_count() for mask in masks]
    matrix: list[list[float | None]] = [[None] * len(masks) for _ in masks]
    for i, mask in enumerate(masks):
        matrix[i][i] = 1.0 if sizes[i] else None
        for j in range(i + 1, len(masks)):
            total = sizes[i] + sizes[j]
            value = 2 * (mask & masks[j]).bit_count() / total if total else None
            matrix[i][j] = matrix[j][i] = value
    return matrix


def _coverage_mask(annotations: Sequence[Annotation], tag_ids: Sequence[str], length: int) -> int:
    """One bit per (tag, character) the student tagged, as a Python int.

    Built as a string of '0'/'1' digits and parsed once: setting bits interval by
    interval would copy the whole big integer for every interval.
    """
    digits = bytearray(b"0" * (len(tag_ids) * length))
    for index, union in enumerate(spans_by_tag(annotations, tag_ids)):
        base = index * length
        for start, end in union:
            start, end = max(0, start), min(length, end)
            if end > start:
                digits[base + start : base + end] = b"1" * (end - start)
    return int(digits, 2) if digits else 0
