"""Find's matching: typographic quotes, primes, dashes and spaces match their plain forms."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.core.text_search import find_matches, fold_punctuation

ARTICLE = "Bukele, known as the “world’s coolest dictator”, opened the\u00a0prison — twice."


def matched(text: str, query: str) -> list[str]:
    return [text[start:end] for start, end in find_matches(text, query)]


def test_a_plain_apostrophe_finds_a_curly_one() -> None:
    assert matched(ARTICLE, "world's coolest dictator") == ["world’s coolest dictator"]


def test_plain_double_quotes_find_curly_ones() -> None:
    assert matched(ARTICLE, '"world') == ["“world"]
    assert matched(ARTICLE, 'dictator"') == ["dictator”"]


@pytest.mark.parametrize("mark", ["\u2018", "\u2019", "\u02bc", "\u2032", "'"])
def test_every_single_quote_and_the_prime_are_one_letter(mark: str) -> None:
    text = f"rock{mark}n roll"
    assert find_matches(text, "rock'n") == [(0, 6)]
    assert find_matches(text, "ROCK\u2019N") == [(0, 6)]


@pytest.mark.parametrize("mark", ["\u201c", "\u201d", "\u201e", "\u2033", '"'])
def test_every_double_quote_and_the_double_prime_are_one_letter(mark: str) -> None:
    assert find_matches(f"a {mark}b", 'a "b') == [(0, 4)]


@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2013", "\u2014", "\u2212", "-"])
def test_dashes_match_the_hyphen(dash: str) -> None:
    assert find_matches(f"1977{dash}1980", "1977-1980") == [(0, 9)]


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", " "])
def test_no_break_and_thin_spaces_match_a_space(space: str) -> None:
    assert find_matches(f"the{space}prison", "the prison") == [(0, 10)]


def test_typed_typographic_marks_find_plain_ones_too() -> None:
    assert find_matches("it's a “deal”", "it’s") == [(0, 4)]
    assert find_matches('say "so"', "“so”") == [(4, 8)]


def test_case_is_ignored_and_spans_are_code_points() -> None:
    text = "😀 Café, CAFÉ and café 👩\u200d👧 café"
    assert find_matches(text, "café") == [(2, 6), (8, 12), (17, 21), (26, 30)]


def test_an_empty_query_or_a_regex_looking_one_matches_only_itself() -> None:
    assert find_matches("a.d and", "") == []
    assert find_matches("and", "a.d") == []
    assert find_matches("a.d", "a.d") == [(0, 3)]


def test_letters_are_not_folded_into_punctuation() -> None:
    assert find_matches("it's", "its") == []
    assert find_matches("a-b", "a b") == []


@given(st.text())
def test_folding_keeps_every_code_point_in_its_place(text: str) -> None:
    folded = fold_punctuation(text)
    assert len(folded) == len(text)
    assert all(f == t or f in "'\"- " for f, t in zip(folded, text, strict=True))
