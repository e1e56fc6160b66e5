"""Krippendorff's alpha and pairwise F1, checked by hand and against textbook versions."""

from __future__ import annotations

import itertools
import math
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.agreement import (
    SpanUnion,
    alpha_per_tag,
    binary_alpha,
    coverage_runs,
    f1_matrix,
    merge_spans,
    pooled_alpha,
)
from app.core.annotations import Annotation
from app.core.scoring import heat_map

TAGS = ("loaded-label", "unsourced-claim", "promotional-boilerplate", "verifiable-fact")


def span(tag: str, start: int, end: int, ident: str = "") -> Annotation:
    return Annotation(ident or f"{tag}-{start}-{end}", tag, start, end, "x" * (end - start))


# -- a textbook implementation, written independently of app.core.agreement ------------


def textbook_alpha(data: list[list[object | None]]) -> float | None:
    """Nominal Krippendorff's alpha from a coders x units matrix (None = missing).

    Straight from Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability":
    keep the units with at least two values (pairable), build the coincidence matrix
    o_ck = sum_u (number of c-k pairs in u) / (m_u - 1), then
    alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c * n_k.
    """
    coincidences: Counter[tuple[object, object]] = Counter()
    for unit in zip(*data, strict=True):
        values = [v for v in unit if v is not None]
        if len(values) < 2:
            continue
        for a, b in itertools.permutations(range(len(values)), 2):
            coincidences[(values[a], values[b])] += 1 / (len(values) - 1)
    totals: Counter[object] = Counter()
    for (c, _), weight in coincidences.items():
        totals[c] += weight
    n = sum(totals.values())
    observed = sum(w for (c, k), w in coincidences.items() if c != k)
    expected = sum(totals[c] * totals[k] for c in totals for k in totals if c != k)
    if expected == 0:
        return None
    return 1 - (n - 1) * observed / expected


def test_the_textbook_version_gives_krippendorffs_published_nominal_example() -> None:
    # Krippendorff (2011), section C: 4 observers, 12 units, missing values; alpha = 0.743.
    m = None
    data = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, m, m, m],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, m, 3],
        [m, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, m],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, m],
    ]
    assert textbook_alpha(data) == pytest.approx(0.743, abs=0.0005)


def test_binary_alpha_matches_krippendorffs_two_coder_example() -> None:
    # Krippendorff (2011), section A: two observers, ten binary units; alpha = 0.095.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    students = [
        [span("loaded-label", i, i + 1) for i, v in enumerate(values) if v] for values in (a, b)
    ]
    heat = heat_map(students, ["loaded-label"])
    result = binary_alpha(heat["loaded-label"], coders=2, units=10)
    assert result.value == pytest.approx(1 - 76 / 84)
    assert round(result.value, 3) == 0.095
    assert textbook_alpha([a, b]) == pytest.approx(result.value)
    # D_o = 2 * o_01 / n.. = 8 / 20; D_e = 2 * n_0 * n_1 / (n.. (n.. - 1)) = 168 / 380.
    assert result.observed == pytest.approx(8 / 20)
    assert result.expected == pytest.approx(168 / 380)


def test_pooled_alpha_leaves_out_tags_nobody_used() -> None:
    # Krippendorff's two-coder example on tag "a"; "b" and "c" are in the tag set, unused.
    # Tag a: disagreements at characters 0, 2, 5, 8 -> sum c(n-c) = 4; n_1 = 2 + 4 = 6.
    # Over tag a alone: n.. = 20, n_0 = 14 -> alpha = 1 - 19 * 4 / (1 * 14 * 6) = 1 - 76/84.
    # Pooling the unused tags too would add 20 all-0 units each: n.. = 60, n_0 = 54 ->
    # 1 - 59 * 4 / (54 * 6) = 0.272, "more agreement" though nobody agreed on anything more.
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    students = [[span("a", i, i + 1) for i, v in enumerate(values) if v] for values in (a, b)]
    per_tag, overall = alpha_per_tag(heat_map(students, ["a", "b", "c"]), 2, 10)
    assert overall.value == pytest.approx(1 - 76 / 84)
    assert overall.units == 10  # one tag in use x 10 characters
    assert per_tag["a"].value == pytest.approx(1 - 76 / 84)
    assert per_tag["b"].value is None and per_tag["c"].value is None
    # Adding more unused tags changes nothing.
    _, more = alpha_per_tag(heat_map(students, ["a", "b", "c", "d", "e"]), 2, 10)
    assert more.value == overall.value


def test_hand_computed_three_students_on_six_characters() -> None:
    # Characters 0-5; counts of students who tagged each: 3, 3, 2, 1, 0, 0.
    students = [
        [span("fact", 0, 4)],
        [span("fact", 0, 3)],
        [span("fact", 0, 2)],
    ]
    runs = heat_map(students, ["fact"])["fact"]
    assert runs == [(0, 2, 3), (2, 3, 2), (3, 4, 1)]
    # sum c(n-c) = 0+0+2+2+0+0 = 4 -> o_01 = 4/2 = 2; n_1 = 9, n_0 = 9, n.. = 18.
    # alpha = 1 - (n.. - 1) * o_01 / (n_0 * n_1) = 1 - 17 * 2 / 81.
    assert binary_alpha(runs, 3, 6).value == pytest.approx(1 - 34 / 81)


def test_alpha_is_undefined_when_everyone_agrees_on_everything() -> None:
    same = [[span("fact", 2, 5)] for _ in range(3)]
    runs = heat_map(same, ["fact"])["fact"]
    assert binary_alpha(runs, 3, 10).value == pytest.approx(1.0)
    whole = [[span("fact", 0, 10)] for _ in range(3)]
    assert binary_alpha(heat_map(whole, ["fact"])["fact"], 3, 10).value is None
    assert binary_alpha([], 3, 10).value is None  # nobody used the tag
    assert binary_alpha([], 3, 10).expected == 0


def test_alpha_is_undefined_with_fewer_than_two_students_or_no_text() -> None:
    assert binary_alpha([(0, 2, 1)], 1, 10).value is None
    assert binary_alpha([], 2, 0).value is None


def test_alpha_is_negative_when_two_students_never_agree() -> None:
    students = [[span("fact", 0, 5)], [span("fact", 5, 10)]]
    runs = heat_map(students, ["fact"])["fact"]
    # Every unit disagrees: o_01 = 10, n_0 = n_1 = 10, n.. = 20 -> 1 - 19 * 10 / 100.
    result = binary_alpha(runs, 2, 10)
    assert result.value == pytest.approx(-0.9)
    assert result.value == pytest.approx(textbook_alpha([[1] * 5 + [0] * 5, [0] * 5 + [1] * 5]))


def test_pooled_alpha_is_alpha_over_all_tag_character_units() -> None:
    students = [
        [span("a", 0, 4), span("b", 3, 6)],
        [span("a", 1, 4), span("b", 0, 2)],
        [span("a", 0, 2)],
    ]
    heat = heat_map(students, ["a", "b"])
    per_tag, overall = alpha_per_tag(heat, 3, 8)
    matrix = _matrix(students, ["a", "b"], 8)
    assert overall.value == pytest.approx(textbook_alpha(matrix))
    assert overall.units == 16 and overall.coders == 3
    assert per_tag["a"].value == pytest.approx(textbook_alpha([row[:8] for row in matrix]))


def test_overlapping_spans_of_one_student_count_once() -> None:
    students = [[span("a", 0, 4), span("a", 2, 6, "second")], [span("a", 0, 6)]]
    runs = heat_map(students, ["a"])["a"]
    assert runs == [(0, 6, 2)]


def _matrix(students: list[list[Annotation]], tags: list[str], length: int) -> list[list[int]]:
    """Each student's 0/1 value for every (tag, character) unit, computed per character."""
    rows = []
    for spans in students:
        row = []
        for tag in tags:
            for char in range(length):
                row.append(int(any(a.tag == tag and a.start <= char < a.end for a in spans)))
        rows.append(row)
    return rows


spans_strategy = st.lists(
    st.tuples(st.sampled_from(["a", "b"]), st.integers(0, 39), st.integers(1, 15)),
    max_size=6,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(spans_strategy, min_size=2, max_size=6))
def test_alpha_equals_the_textbook_alpha_on_random_classes(raw) -> None:
    length = 40
    students = [
        [
            span(tag, start, min(length, start + size), f"{i}")
            for i, (tag, start, size) in enumerate(spans)
        ]
        for spans in raw
    ]
    heat = heat_map(students, ["a", "b"])
    per_tag, overall = alpha_per_tag(heat, len(students), length)
    matrix = _matrix(students, ["a", "b"], length)
    # The pooled alpha is over the tags some student used (a tag nobody used is left out).
    used = [tag for tag in ("a", "b") if any(a.tag == tag for spans in students for a in spans)]
    expected_overall = textbook_alpha(_matrix(students, used, length)) if used else None
    if expected_overall is None:
        assert overall.value is None
    else:
        assert overall.value == pytest.approx(expected_overall, abs=1e-9)
    for index, tag in enumerate(["a", "b"]):
        expected = textbook_alpha([row[index * length : (index + 1) * length] for row in matrix])
        assert (per_tag[tag].value is None) == (expected is None)
        if expected is not None:
            assert per_tag[tag].value == pytest.approx(expected, abs=1e-9)


def test_alpha_for_forty_students_on_sixty_thousand_characters_is_a_valid_value() -> None:
    # Its speed is measured by benchmarks/bench_class.py, not asserted here.
    import random

    rng = random.Random(5)
    students = []
    for _ in range(40):
        annotations = []
        for number in range(300):
            start = rng.randrange(0, 59_800)
            annotations.append(
                span(TAGS[number % 4], start, start + rng.randint(5, 200), str(number))
            )
        students.append(annotations)
    heat = heat_map(students, TAGS)
    _, overall = alpha_per_tag(heat, 40, 60_000)
    matrix = f1_matrix(students, TAGS, 60_000)
    assert overall.value is not None and -1 <= overall.value <= 1
    assert len(matrix) == 40


# -- F1 between students --------------------------------------------------------------


def test_pairwise_f1_by_hand() -> None:
    students = [
        [span("a", 0, 10)],
        [span("a", 5, 15)],  # shares 5 of 10 + 10 characters with the first: 2*5/20
        [span("b", 0, 10)],  # same characters, other tag: nothing in common
        [],
    ]
    matrix = f1_matrix(students, ["a", "b"], 20)
    assert matrix[0][1] == matrix[1][0] == pytest.approx(0.5)
    assert matrix[0][2] == 0.0
    assert matrix[0][0] == 1.0
    assert matrix[3][3] is None
    assert matrix[0][3] == 0.0


@settings(max_examples=100, deadline=None)
@given(st.lists(spans_strategy, min_size=1, max_size=4))
def test_pairwise_f1_equals_the_set_definition(raw) -> None:
    students = [
        [
            span(tag, start, min(40, start + size), f"{i}")
            for i, (tag, start, size) in enumerate(spans)
        ]
        for spans in raw
    ]
    sets = [
        {(a.tag, c) for a in annotations for c in range(a.start, a.end)} for annotations in students
    ]
    matrix = f1_matrix(students, ["a", "b"], 40)
    for i, j in itertools.product(range(len(students)), repeat=2):
        total = len(sets[i]) + len(sets[j])
        expected = 2 * len(sets[i] & sets[j]) / total if total else None
        assert matrix[i][j] == (pytest.approx(expected) if expected is not None else None)


# -- the interval helpers -------------------------------------------------------------


@given(
    st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=12),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_span_union_counts_covered_characters_like_a_set(raw, start, end) -> None:
    chars = {c for a, b in raw for c in range(a, b)}
    union = SpanUnion(raw)
    assert union.total == len(chars)
    assert union.covered(start, end) == len({c for c in chars if start <= c < end})
    assert union.overlaps(start, end) == any(start <= c < end for c in chars)
    merged = merge_spans(raw)
    assert all(b < c for (_, b), (c, _) in itertools.pairwise(merged))


@given(
    st.lists(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=5), max_size=5)
)
def test_coverage_runs_count_the_unions_covering_each_character(raw) -> None:
    unions = [merge_spans(spans) for spans in raw]
    runs = coverage_runs(unions)
    for char in range(32):
        expected = sum(any(a <= char < b for a, b in union) for union in unions)
        found = [count for a, b, count in runs if a <= char < b]
        assert found == ([expected] if expected else [])
    assert all(math.isfinite(count) and count > 0 for _, _, count in runs)


def test_pooled_alpha_of_no_tags_is_undefined() -> None:
    assert pooled_alpha([], 3, 100).value is None
