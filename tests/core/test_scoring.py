"""Scoring against the key (partial credit), key-span findings, confusions and heat map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.annotations import Annotation
from app.core.scoring import (
    Confusion,
    best_key_matches,
    confusions,
    heat_map,
    key_span_results,
    overlapping_pairs,
    score_against_key,
)

TAGS = ["loaded", "unsourced", "promo", "fact"]


def span(tag: str, start: int, end: int, ident: str = "") -> Annotation:
    return Annotation(ident or f"{tag}-{start}-{end}", tag, start, end, "x" * (end - start))


def test_half_overlapping_span_scores_half() -> None:
    score = score_against_key([span("loaded", 15, 25)], [span("loaded", 10, 20)], TAGS)
    loaded = score.per_tag["loaded"]
    assert (loaded.precision, loaded.recall, loaded.f1) == (0.5, 0.5, 0.5)
    assert (loaded.spans, loaded.key_spans) == (1, 1)


def test_two_student_spans_inside_one_key_span() -> None:
    # S = [0,10) and [10,20); T = [5,15): each s is half covered, t is wholly covered.
    score = score_against_key(
        [span("loaded", 0, 10), span("loaded", 10, 20)], [span("loaded", 5, 15)], TAGS
    )
    loaded = score.per_tag["loaded"]
    assert loaded.precision == 0.5
    assert loaded.recall == 1.0
    assert loaded.f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)


def test_precision_uses_the_union_of_overlapping_key_spans() -> None:
    score = score_against_key(
        [span("loaded", 0, 15)], [span("loaded", 0, 10), span("loaded", 5, 15)], TAGS
    )
    assert score.per_tag["loaded"].precision == 1.0  # 15 of 15 characters, not 20 of 15
    assert score.per_tag["loaded"].recall == 1.0


def test_a_span_with_the_wrong_tag_earns_nothing() -> None:
    score = score_against_key([span("loaded", 10, 20)], [span("unsourced", 10, 20)], TAGS)
    loaded, unsourced, promo = (score.per_tag[t] for t in ("loaded", "unsourced", "promo"))
    # Student used "loaded", the key did not: precision 0, recall undefined, F1 0.
    assert (loaded.precision, loaded.recall, loaded.f1) == (0.0, None, 0.0)
    # The key used "unsourced", the student did not: precision undefined, recall 0.
    assert (unsourced.precision, unsourced.recall, unsourced.f1) == (None, 0.0, 0.0)
    # Nobody used "promo": everything undefined.
    assert (promo.precision, promo.recall, promo.f1) == (None, None, None)
    assert (score.overall.precision, score.overall.recall, score.overall.f1) == (0.0, 0.0, 0.0)


def test_micro_average_pools_spans_over_tags() -> None:
    student = [span("loaded", 0, 10), span("fact", 20, 30)]
    key = [span("loaded", 0, 5), span("fact", 20, 30)]
    overall = score_against_key(student, key, TAGS).overall
    assert overall.precision == pytest.approx((0.5 + 1.0) / 2)
    assert overall.recall == 1.0
    assert overall.f1 == pytest.approx(2 * 0.75 / 1.75)
    assert (overall.spans, overall.key_spans) == (2, 2)


def test_no_spans_at_all_is_undefined_and_an_empty_student_has_recall_zero() -> None:
    assert score_against_key([], [], TAGS).overall.f1 is None
    empty = score_against_key([], [span("fact", 0, 4)], TAGS).overall
    assert (empty.precision, empty.recall, empty.f1) == (None, 0.0, 0.0)


def _class() -> tuple[list[Annotation], list[list[Annotation]]]:
    key = [span("loaded", 0, 10), span("fact", 20, 30), span("unsourced", 40, 50)]
    students = [
        [span("loaded", 2, 5), span("unsourced", 20, 25)],  # finds K1, K2 as unsourced
        [span("loaded", 22, 28), span("fact", 40, 45)],  # K2 as loaded, K3 as fact
        [],  # misses everything
        [span("fact", 20, 30), span("loaded", 20, 22)],  # finds K2 (the wrong extra is ignored)
        [span("loaded", 21, 23)],  # K2 as loaded
    ]
    return key, students


def test_key_span_results_say_who_found_who_mistagged_and_who_missed() -> None:
    key, students = _class()
    k1, k2, k3 = key_span_results(key, students, TAGS)
    assert (k1.found_by, k1.wrong_tags, k1.missed_by) == ((0,), {}, (1, 2, 3, 4))
    assert k2.found_by == (3,)
    assert k2.wrong_tags == {0: ("unsourced",), 1: ("loaded",), 4: ("loaded",)}
    assert k2.missed_by == (2,)
    assert k2.most_common_wrong_tag() == ("loaded", 2)
    assert (k3.found_by, k3.wrong_tags, k3.missed_by) == ((), {1: ("fact",)}, (0, 2, 3, 4))
    assert k1.most_common_wrong_tag() is None


def test_confusions_are_ranked_by_how_often_they_happen() -> None:
    key, students = _class()
    ranked = confusions(key_span_results(key, students, TAGS))
    assert ranked == [
        Confusion("fact", "loaded", 2, 1),
        Confusion("fact", "unsourced", 1, 1),
        Confusion("unsourced", "fact", 1, 1),
    ]


def test_heat_map_counts_students_per_character_and_tag() -> None:
    _, students = _class()
    heat = heat_map(students, TAGS)
    # loaded: [2,5) by one; [20,22), [21,23) and [22,28) by three others.
    assert heat["loaded"] == [(2, 5, 1), (20, 21, 1), (21, 23, 2), (23, 28, 1)]
    assert heat["fact"] == [(20, 30, 1), (40, 45, 1)]
    assert heat["promo"] == []


def test_best_key_match_prefers_the_same_tag_then_the_largest_overlap() -> None:
    key = [
        span("fact", 0, 20, "big"),
        span("loaded", 15, 18, "small"),
        span("loaded", 30, 40, "far"),
    ]
    student = [span("loaded", 10, 20, "a"), span("fact", 16, 17, "b"), span("promo", 50, 60, "c")]
    matches = best_key_matches(student, key)
    assert matches["a"].id == "small"
    assert matches["b"].id == "big"
    assert matches["c"] is None


intervals = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 30)), max_size=10)


@given(intervals, intervals)
def test_overlapping_pairs_equals_the_brute_force_answer(first_raw, second_raw) -> None:
    first = [span("a", s, s + n, f"f{i}") for i, (s, n) in enumerate(first_raw)]
    second = [span("a", s, s + n, f"s{i}") for i, (s, n) in enumerate(second_raw)]
    expected = {
        (i, j)
        for i, a in enumerate(first)
        for j, b in enumerate(second)
        if max(a.start, b.start) < min(a.end, b.end)
    }
    found = overlapping_pairs(first, second)
    assert len(found) == len(set(found))
    assert set(found) == expected
