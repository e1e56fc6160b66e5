"""File names made from titles and names: safe on Windows, macOS and Linux, bounded in bytes."""

from __future__ import annotations

import pytest

from app.core.file_names import safe_file_name, safe_name_piece

LIMIT = 80


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Phones: a ban? <yes> "no" a/b\\c|d*', "Phones a ban yes no a b c d"),
        ('What "they" said: a/b? <yes>|no*', "What they said a b yes no"),
        ("Tabs\tand\nlines\x07", "Tabs and lines"),
        ("Bo\x00b\x9f", "Bo b"),
        ("Ends with dots...", "Ends with dots"),
        ("  Trailing dots. ", "Trailing dots"),
        ("...hidden", "hidden"),
        ("Cafe\u0301 news", "Café news"),  # one way to write é, so one file
        ("Names \u202eevil", "Names evil"),
        ("\u202eevil\u202c title", "evil title"),
        ("\u2066isolate\u2069 \u200fmark\u061c", "isolate mark"),
        ("...", ""),
        ("???", ""),
        ("", ""),
    ],
)
def test_forbidden_control_and_bidi_characters_and_outer_dots_go(text: str, expected: str) -> None:
    assert safe_file_name(text, LIMIT) == expected
    assert safe_name_piece(text, LIMIT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("com1.report", "_com1.report"),
        ("LPT¹", "_LPT¹"),
        ("aux .md", "_aux .md"),
        ("CONOUT$", "_CONOUT$"),
        ("CON - Ana", "CON - Ana"),  # a device name only before the first dot
        ("Console", "Console"),
        ("COM10", "COM10"),
    ],
)
def test_windows_device_names_get_an_underscore(text: str, expected: str) -> None:
    assert safe_file_name(text, LIMIT) == expected


def test_a_piece_leaves_device_names_to_the_whole_name() -> None:
    assert safe_name_piece("CON", LIMIT) == "CON"


@pytest.mark.parametrize("letter", ["ñ", "é", "日", "𝔸"])
def test_long_text_is_cut_to_the_byte_limit_on_whole_letters(letter: str) -> None:
    for limit in range(1, 20):
        name = safe_file_name(letter * 100, limit)
        assert len(name.encode("utf-8")) <= limit
        assert set(name) <= {letter}
        assert len(name) == limit // len(letter.encode("utf-8"))


def test_a_device_name_with_its_underscore_stays_within_the_limit() -> None:
    name = safe_file_name("nul." + "x" * 200, LIMIT)
    assert name.startswith("_nul.") and len(name.encode("utf-8")) == LIMIT


def test_a_cut_that_ends_on_a_dot_or_space_drops_it() -> None:
    assert safe_file_name("Vote 5 . results", 8) == "Vote 5"


def test_a_safe_name_is_left_as_it_is() -> None:
    for text in ('Phones: a ban? <yes> "no"', "nul.txt", "  é. ", "a" * 200):
        once = safe_file_name(text, LIMIT)
        assert safe_file_name(once, LIMIT) == once
