"""Plain-text articles: the canonical text is the file text with newlines normalized."""

from __future__ import annotations

import hashlib
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.core.article import load_article, normalize_newlines, parse_plain_text

# Emoji with ZWJ sequences and skin tones, combining accents, CJK, Arabic and Hebrew.
FAMILY = "👩\u200d👩\u200d👧\u200d👦"
MIXED = f"Cafe\u0301 {FAMILY} 👍🏽 東京の記事 مرحبا بالعالم שלום עולם"


def blocks_of(article) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_lines_become_heading_paragraphs_and_list_items_with_crlf_line_ends(tmp_path) -> None:
    source = (
        f"  {MIXED}  \r\n\r\nFirst paragraph.\r\n  • bullet one\r\n- bullet two\r"
        "* bullet three\r\n-not a bullet\r\n-\r\n\r\nLast line"
    )
    article = load_article(write(tmp_path, "story.txt", source.encode("utf-8")))

    assert article.text == source.replace("\r\n", "\n").replace("\r", "\n")
    assert "\r" not in article.text
    assert blocks_of(article) == [
        ("heading", 1, MIXED),
        ("paragraph", 0, "First paragraph."),
        ("list_item", 1, "bullet one"),
        ("list_item", 1, "bullet two"),
        ("list_item", 1, "bullet three"),
        ("paragraph", 0, "-not a bullet"),
        ("paragraph", 0, "-"),
        ("paragraph", 0, "Last line"),
    ]
    assert article.title == MIXED
    assert article.path == tmp_path / "story.txt"
    assert article.encoding == "utf-8"


def test_offsets_count_code_points_not_utf16_units_or_bytes() -> None:
    article = parse_plain_text(f"{FAMILY} title\nالعالم {FAMILY} שלום e\u0301nd")
    paragraph = article.blocks[1]
    assert paragraph.start == len(FAMILY) + len(" title\n") == 14
    text = article.text[paragraph.start : paragraph.end]
    assert text.index("e\u0301nd") == len(f"العالم {FAMILY} שלום ")
    assert article.length == len(article.text)


def test_sha256_is_the_hash_of_the_utf8_canonical_text(tmp_path) -> None:
    article = load_article(write(tmp_path, "a.txt", f"{MIXED}\r\nbody\r\n".encode()))
    assert article.sha256 == hashlib.sha256(f"{MIXED}\nbody\n".encode()).hexdigest()


def test_a_leading_byte_order_mark_is_not_part_of_the_text(tmp_path) -> None:
    article = load_article(write(tmp_path, "a.txt", "\ufeffTitle\nBody".encode()))
    assert article.text == "Title\nBody"
    assert article.encoding == "utf-8-sig"
    assert parse_plain_text("\ufeff\ufeffTitle").text == "Title"


def test_text_after_the_title_keeps_every_character_and_space_exactly() -> None:
    source = "Title\n\n\t  spaced   out\u00a0text \u3000\n\n\n"
    article = parse_plain_text(source)
    assert article.text == source
    assert blocks_of(article)[1] == ("paragraph", 0, "spaced   out\u00a0text")


line_text = st.text(st.characters(codec="utf-8"), max_size=30)


@given(st.lists(st.tuples(line_text, st.sampled_from(["\n", "\r\n", "\r"])), max_size=12))
def test_canonical_text_is_the_newline_normalized_input_and_blocks_lie_within_it(
    lines,
) -> None:
    source = "".join(text + end for text, end in lines)
    article = parse_plain_text(source)

    assert article.text == normalize_newlines(source).lstrip("\ufeff")
    previous_end = 0
    for block in article.blocks:
        assert previous_end <= block.start < block.end <= len(article.text)
        text = article.text[block.start : block.end]
        assert text == text.strip() and "\n" not in text
        previous_end = block.end
    if article.blocks:
        assert article.title == article.text[article.blocks[0].start : article.blocks[0].end]
