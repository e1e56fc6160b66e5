"""Scoring against the answer key (partial credit), key-span findings, confusions, heat map.

Pure functions on plain annotation lists; see docs/CLASS_STATISTICS.md for the formulas,
how they equal the official SemEval-2020 Task 11 scorer's, and the choices made for empty
cases.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.core.agreement import (
    Interval,
    Run,
    SpanUnion,
    coverage_runs,
    merge_overlapping,
    spans_by_tag,
)
from app.core.annotations import Annotation


@dataclass(frozen=True)
class Score:
    """Partial-credit precision, recall and F1, as the official SemEval-2020 Task 11 scorer's.

    Each side's spans of one tag are first merged where they share a character (touching
    spans stay apart), as the official scorer does with its merge option, so repeating or
    nesting a span changes nothing. precision: mean over the student's merged spans of the
    share of their characters that the key's spans (of the same tag) cover; None when the
    student has no spans. recall: mean over the key's merged spans of the share the
    student's spans cover; None when the key has no spans. f1: harmonic mean; 0.0 when only
    one of the two is defined (that one is then 0), None when neither is.
    """

    precision: float | None
    recall: float | None
    f1: float | None
    spans: int  # the student's spans that were scored, after merging
    key_spans: int  # the key's spans, after merging


@dataclass(frozen=True)
class KeyScore:
    """A student's score per tag and micro-averaged over all tags."""

    per_tag: dict[str, Score]
    overall: Score


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None and recall is None:
        return None
    if precision is None or recall is None or precision + recall == 0:
        return 0.0
    return 2 * precision * recall / (precision + recall)


def _score(covered_share_sum: float, spans: int, recalled_sum: float, key_spans: int) -> Score:
    precision = covered_share_sum / spans if spans else None
    recall = recalled_sum / key_spans if key_spans else None
    return Score(precision, recall, _f1(precision, recall), spans, key_spans)


def _share_sum(spans: Sequence[Interval], other: Sequence[Interval]) -> float:
    """Sum over *spans* of |span ∩ other| / |span|.

    With *other* disjoint this equals the official scorer's sum over every pair (span, o)
    of |span ∩ o| / |span|.
    """
    union = SpanUnion(other)
    return sum(union.covered(start, end) / (end - start) for start, end in spans)


def score_against_key(
    student: Sequence[Annotation], key: Sequence[Annotation], tag_ids: Sequence[str]
) -> KeyScore:
    """Score *student*'s spans against *key*'s, per tag in *tag_ids* and micro-averaged.

    Both sides' spans are merged per tag first. Micro-averaging pools every merged student
    span (of any listed tag) for precision and every merged key span for recall, each
    still compared only with spans of its own tag.
    """
    per_tag: dict[str, Score] = {}
    totals = [0.0, 0, 0.0, 0]
    merged = zip(
        spans_by_tag(student, tag_ids, merge_overlapping),
        spans_by_tag(key, tag_ids, merge_overlapping),
        strict=True,
    )
    for tag, (mine, theirs) in zip(tag_ids, merged, strict=True):
        parts = (_share_sum(mine, theirs), len(mine), _share_sum(theirs, mine), len(theirs))
        per_tag[tag] = _score(*parts)
        totals = [total + part for total, part in zip(totals, parts, strict=True)]
    overall = _score(totals[0], int(totals[1]), totals[2], int(totals[3]))
    return KeyScore(per_tag, overall)


@dataclass(frozen=True)
class KeySpanResult:
    """How the class did on one span of the key.

    found_by: indices of the students with a span of the same tag overlapping it.
    wrong_tags: student index -> the other tags they gave it (only for students who gave
    it no span of the right tag). missed_by: everyone else who did not find it.
    """

    annotation: Annotation
    found_by: tuple[int, ...]
    wrong_tags: dict[int, tuple[str, ...]]
    missed_by: tuple[int, ...]

    def wrong_tag_counts(self) -> list[tuple[str, int]]:
        """The wrong tags given to this span with how many students gave each, most first."""
        counts = Counter(tag for tags in self.wrong_tags.values() for tag in tags)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def most_common_wrong_tag(self) -> tuple[str, int] | None:
        """The wrong tag most students gave this span, with their number, or None."""
        counts = self.wrong_tag_counts()
        return counts[0] if counts else None


def key_span_results(
    key: Sequence[Annotation], students: Sequence[Sequence[Annotation]], tag_ids: Sequence[str]
) -> list[KeySpanResult]:
    """For each key span (in document order): who found it, who tagged it otherwise, who missed."""
    unions = [
        dict(zip(tag_ids, (SpanUnion(u) for u in spans_by_tag(s, tag_ids)), strict=True))
        for s in students
    ]
    results: list[KeySpanResult] = []
    for span in sorted(key, key=Annotation.sort_key):
        found: list[int] = []
        wrong: dict[int, tuple[str, ...]] = {}
        missed: list[int] = []
        for index, by_tag in enumerate(unions):
            same = by_tag.get(span.tag)
            if same is not None and same.overlaps(span.start, span.end):
                found.append(index)
                continue
            others = tuple(
                tag
                for tag, union in by_tag.items()
                if tag != span.tag and union.overlaps(span.start, span.end)
            )
            if others:
                wrong[index] = others
            else:
                missed.append(index)
        results.append(KeySpanResult(span, tuple(found), wrong, tuple(missed)))
    return results


@dataclass(frozen=True)
class Confusion:
    """Key spans of ``key_tag`` that students tagged as ``given_tag`` instead.

    ``times`` counts (student, key span) pairs; ``spans`` the key spans it happened to.
    """

    key_tag: str
    given_tag: str
    times: int
    spans: int


def confusions(results: Sequence[KeySpanResult]) -> list[Confusion]:
    """The class's common confusions, most frequent first (ties: by tag ids)."""
    times: Counter[tuple[str, str]] = Counter()
    spans: Counter[tuple[str, str]] = Counter()
    for result in results:
        counts = result.wrong_tag_counts()
        for given, number in counts:
            pair = (result.annotation.tag, given)
            times[pair] += number
            spans[pair] += 1
    ranked = sorted(times.items(), key=lambda item: (-item[1], item[0]))
    return [Confusion(k, g, number, spans[(k, g)]) for (k, g), number in ranked]


def heat_map(
    students: Sequence[Sequence[Annotation]], tag_ids: Sequence[str]
) -> dict[str, list[Run]]:
    """For each tag, runs (start, end, count) of characters that *count* students tagged.

    Characters nobody tagged are left out; a student with overlapping spans of one tag
    counts once.
    """
    per_student = [spans_by_tag(annotations, tag_ids) for annotations in students]
    return {
        tag: coverage_runs(unions[index] for unions in per_student)
        for index, tag in enumerate(tag_ids)
    }


def overlapping_pairs(
    first: Sequence[Annotation], second: Sequence[Annotation]
) -> list[tuple[int, int]]:
    """All (i, j) with first[i] and second[j] sharing at least one character.

    One sweep over both lists in start order: a span of *second* stays "open" until the
    spans of *first* have moved past its end, so the cost is the number of spans plus
    the number of open spans looked at, not len(first) * len(second).
    """
    order_a = sorted(range(len(first)), key=lambda i: first[i].start)
    order_b = sorted(
        (j for j in range(len(second)) if second[j].end > second[j].start),
        key=lambda j: second[j].start,
    )
    pairs: list[tuple[int, int]] = []
    open_b: list[int] = []
    next_b = 0
    for i in order_a:
        a = first[i]
        if a.end <= a.start:  # an empty span shares no character
            continue
        while next_b < len(order_b) and second[order_b[next_b]].start < a.end:
            open_b.append(order_b[next_b])
            next_b += 1
        # Spans of *second* that end before this start end before every later start too.
        open_b = [j for j in open_b if second[j].end > a.start]
        pairs.extend((i, j) for j in open_b if second[j].start < a.end)
    return pairs


def best_key_matches(
    annotations: Sequence[Annotation], key: Sequence[Annotation]
) -> dict[str, Annotation | None]:
    """For each annotation id, the key span it overlaps most, preferring the same tag.

    Ties go to the earlier key span (in the key's order); None when it overlaps none.
    """
    best: dict[int, tuple[tuple[bool, int, int], Annotation]] = {}
    for i, j in overlapping_pairs(annotations, key):
        a, span = annotations[i], key[j]
        overlap = min(span.end, a.end) - max(span.start, a.start)
        rank = (span.tag == a.tag, overlap, -j)
        if i not in best or rank > best[i][0]:
            best[i] = (rank, span)
    return {a.id: (best[i][1] if i in best else None) for i, a in enumerate(annotations)}
