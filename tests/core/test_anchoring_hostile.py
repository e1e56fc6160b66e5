"""Re-anchoring stays fast for annotations built to make it slow (issue #18, finding 8)."""

from __future__ import annotations

import random
from dataclasses import replace

from deadline import deadline

from app.core import anchoring
from app.core.anchoring import reanchor
from app.core.annotations import Annotation, make_annotation
from app.core.fuzzy import search

BIG = 2 * 1024 * 1024
FUZZY_LIMIT = getattr(anchoring, "MAX_FUZZY_QUOTE", 2000)


def _quote_of(size: int) -> str:
    sentence = "The council met again on Tuesday to discuss the ferry routes. "
    return (sentence * (size // len(sentence) + 1))[:size]


def test_a_multi_megabyte_quote_on_an_edited_article_becomes_an_orphan_quickly() -> None:
    quote = _quote_of(BIG)
    stored = Annotation(id="a1", tag="spin", start=0, end=BIG, exact=quote, prefix="", suffix="")
    edited = quote[: BIG // 2] + "X" + quote[BIG // 2 + 1 :]
    with deadline():
        (placed,) = reanchor(edited, [stored])
    assert placed.status == "orphan"
    assert placed == stored  # kept as it was, never dropped


def test_a_quote_longer_than_the_fuzzy_limit_is_still_found_where_it_moved() -> None:
    quote = _quote_of(BIG)
    stored = Annotation(id="a1", tag="spin", start=0, end=BIG, exact=quote, prefix="", suffix="")
    with deadline():
        (placed,) = reanchor("A new first paragraph.\n" + quote, [stored])
    assert (placed.status, placed.start, placed.exact == quote) == ("moved", 23, True)


def test_a_quote_just_under_the_fuzzy_limit_is_still_found_when_edited() -> None:
    words = ("the", "council", "met", "on", "tuesday", "to", "discuss", "ferry", "fares")
    shuffled = random.Random(18)
    text = " ".join(shuffled.choice(words) for _ in range(FUZZY_LIMIT))
    start = FUZZY_LIMIT
    stored = make_annotation(text, "spin", start, start + FUZZY_LIMIT - 1)
    middle = start + FUZZY_LIMIT // 2
    edited = text[:middle] + "not " + text[middle:]
    with deadline():
        (placed,) = reanchor(edited, [stored])
    assert placed.status == "fuzzy"
    assert (placed.start, placed.end) == (start, start + FUZZY_LIMIT + 3)


def test_a_quote_that_nearly_matches_everywhere_is_placed_quickly() -> None:
    # Every offset of the text starts and ends a near match, and the stored context occurs
    # everywhere too: each one used to be tried against each other (50 s for 400 letters).
    size = 1000
    stored = Annotation(
        id="a1",
        tag="spin",
        start=size,
        end=2 * size,
        exact="a" * (size - 1) + "b",
        prefix="a" * 32,
        suffix="a" * 32,
    )
    with deadline():
        (placed,) = reanchor("a" * (3 * size), [stored])
    assert placed.status == "fuzzy" and placed.end - placed.start in (size - 1, size)


def test_a_stored_context_of_megabytes_is_read_as_its_usual_32_characters() -> None:
    text = "".join(f"On day {day} officials said the ferry deal was fair. " for day in range(99))
    at = text.index("ferry", 2000)
    stored = make_annotation(text, "spin", at, at + 10)
    huge = replace(stored, prefix="x" * BIG + stored.prefix, start=5)
    with deadline():
        (placed,) = reanchor(text, [huge])
    assert placed.status == "moved" and placed.start == at


def test_searching_for_a_long_pattern_builds_its_bit_masks_in_linear_time() -> None:
    pattern = _quote_of(2 * BIG)
    with deadline():
        assert search(pattern, "The council met", 0) == []
