"""The approximate matching under re-anchoring, checked against dynamic-programming oracles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.fuzzy import levenshtein, piece_windows, pieces, search, similarity

SMALL = st.text(st.sampled_from("abc"), max_size=14)
TEXT = st.text(st.sampled_from("abcd "), max_size=60)
PATTERN = st.text(st.sampled_from("abc"), min_size=1, max_size=10)


def oracle_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


def oracle_best_end_distances(pattern: str, text: str) -> list[int]:
    """d[e] = the fewest edits from *pattern* to any substring of *text* ending at e."""
    previous = [0] * (len(text) + 1)
    for i, char in enumerate(pattern, 1):
        current = [i]
        for j, text_char in enumerate(text, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != text_char))
            )
        previous = current
    return previous


@settings(max_examples=500)
@given(SMALL, SMALL)
def test_levenshtein_agrees_with_the_textbook_recurrence(a: str, b: str) -> None:
    assert levenshtein(a, b) == oracle_distance(a, b)


def test_levenshtein_handles_patterns_longer_than_a_machine_word() -> None:
    reporter = "The minister said the report was accurate. " * 5
    corrected = reporter.replace("accurate", "inaccurate", 2)

    assert levenshtein(reporter, corrected) == 4


def test_similarity_is_one_minus_distance_over_the_longer_length() -> None:
    assert similarity("", "") == 1.0
    assert similarity("negotiatons", "negotiations") == 1 - 1 / 12
    assert similarity("abc", "") == 0.0


@settings(max_examples=500)
@given(PATTERN, TEXT, st.integers(0, 3), st.data())
def test_search_finds_the_best_match_of_every_run_of_ends_within_the_bound(
    pattern, text, k, data
) -> None:
    best = oracle_best_end_distances(pattern, text)
    offsets = st.lists(st.integers(0, len(text)), max_size=4)
    starts, ends = data.draw(offsets), data.draw(offsets)

    matches = search(pattern, text, k, starts=starts, ends=ends)

    for match in matches:
        assert match.distance <= k
        assert match.distance == oracle_distance(pattern, text[match.start : match.end])
        if match.start not in starts and match.end not in ends:
            assert match.distance == best[match.end]
    # Every run of adjacent ends within the bound yields a match at the run's best end.
    run: list[int] = []
    for end in [*range(1, len(text) + 1), None]:
        if end is not None and best[end] <= k:
            run.append(end)
            continue
        if run:
            least = min(best[e] for e in run)
            assert any(m.end in run and m.distance == least for m in matches)
        run = []


def test_search_of_a_window_reports_text_offsets() -> None:
    text = "Police said the suspect fled. Police said the suspcet fled on foot."

    [match] = search("the suspect fled", text, 2, lo=30)

    assert text[match.start : match.end] == "the suspcet fled"
    assert match.distance == 2


def test_search_also_tries_the_given_edges_when_within_the_bound() -> None:
    text = "The budget restores Sunday evening hours at four branch libraries."
    pattern = "Sunday hours at four branch libraries"
    start, end = text.index("Sunday"), text.index(".")

    plain = search(pattern, text, 12)
    hinted = search(pattern, text, 12, starts=[start, 0], ends=[end])

    assert [text[m.start : m.end] for m in plain] == ["vening hours at four branch libraries"]
    assert "Sunday evening hours at four branch libraries" in [
        text[m.start : m.end] for m in hinted
    ]
    assert all(m.start != 0 for m in hinted)  # the whole sentence is too far away


def test_search_of_an_empty_pattern_or_window_finds_nothing() -> None:
    assert search("", "anything", 3) == []
    assert search("abc", "abc", 1, lo=2, hi=2) == []


def test_pieces_cover_the_pattern_without_overlap() -> None:
    quote = "the spending plan leaves a shortfall"

    parts = pieces(quote, 5)

    assert "".join(piece for _, piece in parts) == quote
    assert [offset for offset, _ in parts] == [0, 7, 14, 21, 28]


@settings(max_examples=300)
@given(st.text(st.sampled_from("abcdefgh "), min_size=8, max_size=24), TEXT, st.data())
def test_piece_windows_contain_every_occurrence_within_the_bound(pattern, text, data) -> None:
    k = data.draw(st.integers(0, len(pattern) // 4))
    windows = piece_windows(text, pattern, k)

    for lo, hi, _ in windows:
        assert 0 <= lo < hi <= len(text)
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            if oracle_distance(pattern, text[start:end]) <= k:
                assert any(lo <= start and end <= hi for lo, hi, _ in windows)


def test_piece_windows_rank_the_region_sharing_most_pieces_first() -> None:
    text = (
        "Officials said the shortfall was small. "
        "An auditor found the spending plan leaves a shortfall of millions."
    )

    windows = piece_windows(text, "the spending plan leaves a shortfall", 3)

    lo, hi, votes = windows[0]
    assert "the spending plan leaves a shortfall" in text[lo:hi]
    assert votes == 4
