"""Markdown articles: CommonMark blocks and styles over a newline-joined canonical text."""

from __future__ import annotations

import hashlib

import pytest
from article_checks import assert_blocks_joined_by_one_newline, blocks_of, styles_of
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.article import load_article
from app.core.markdown_article import MAX_NESTING, parse_markdown

FAMILY = "👩\u200d👩\u200d👧\u200d👦"


STORY = """\
Kicker
## Small heading

# Main *headline*

Intro with **bold _both_**, `code`, and [a link](https://example.org/a?b=1).
Second line of the same paragraph  \\
after a hard break.

- item one
- item two

  second paragraph of item two
  - nested item
    1. deeper ordered

> quoted paragraph
>
> > nested quote
> - list in quote

---

```python
def f():

    return 1

```

    indented code
"""


def test_markdown_structure_becomes_blocks_with_kinds_and_levels() -> None:
    article = parse_markdown(STORY)
    assert blocks_of(article) == [
        ("paragraph", 0, "Kicker"),
        ("heading", 2, "Small heading"),
        ("heading", 1, "Main headline"),
        (
            "paragraph",
            0,
            "Intro with bold both, code, and a link. Second line of the same paragraph "
            "after a hard break.",
        ),
        ("list_item", 1, "item one"),
        ("list_item", 1, "item two"),
        ("list_item", 1, "second paragraph of item two"),
        ("list_item", 2, "nested item"),
        ("list_item", 3, "deeper ordered"),
        ("quote", 1, "quoted paragraph"),
        ("quote", 2, "nested quote"),
        ("list_item", 1, "list in quote"),
        ("preformatted", 0, "def f():\n\n    return 1"),
        ("preformatted", 0, "indented code"),
    ]
    assert_blocks_joined_by_one_newline(article)
    assert article.title == "Main headline"


def test_inline_styles_cover_exactly_their_text() -> None:
    article = parse_markdown(STORY)
    assert styles_of(article) == [
        ("italic", "headline", ""),
        ("bold", "bold both", ""),
        ("italic", "both", ""),
        ("code", "code", ""),
        ("link", "a link", "https://example.org/a?b=1"),
    ]


def test_offsets_are_code_points_with_emoji_accents_cjk_and_rtl() -> None:
    source = f"# {FAMILY} e\u0301 東京\n\nمرحبا **שלום {FAMILY}** and `🎉x` *e\u0301*\n"
    article = parse_markdown(source)
    assert blocks_of(article) == [
        ("heading", 1, f"{FAMILY} e\u0301 東京"),
        ("paragraph", 0, f"مرحبا שלום {FAMILY} and 🎉x e\u0301"),
    ]
    paragraph = article.blocks[1]
    assert paragraph.start == len(f"{FAMILY} e\u0301 東京\n") == 14
    bold = paragraph.styles[0]
    assert (bold.kind, bold.start - paragraph.start, bold.end - bold.start) == ("bold", 6, 12)
    assert styles_of(article) == [
        ("bold", f"שלום {FAMILY}", ""),
        ("code", "🎉x", ""),
        ("italic", "e\u0301", ""),
    ]


def test_crlf_and_lf_files_give_the_same_article(tmp_path) -> None:
    crlf = tmp_path / "crlf.md"
    crlf.write_bytes(STORY.replace("\n", "\r\n").encode("utf-8"))
    lf = tmp_path / "lf.markdown"
    lf.write_bytes(STORY.encode("utf-8"))
    assert load_article(crlf).text == load_article(lf).text == parse_markdown(STORY).text
    assert load_article(crlf).blocks == parse_markdown(STORY).blocks


def test_loading_sets_path_encoding_and_a_utf8_sha256(tmp_path) -> None:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    article = load_article(path)
    assert (article.path, article.encoding) == (path, "utf-8")
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_raw_html_is_shown_as_literal_text_and_never_interpreted() -> None:
    source = (
        "<script>alert('x')</script>\n\n"
        "Some <b>bold?</b> and <img src=x onerror=alert(1)> text.\n\n"
        "<div>\nblock html\n</div>\n"
    )
    article = parse_markdown(source)
    assert blocks_of(article) == [
        ("paragraph", 0, "<script>alert('x')</script>"),
        ("paragraph", 0, "Some <b>bold?</b> and <img src=x onerror=alert(1)> text."),
        ("paragraph", 0, "<div> block html </div>"),
    ]
    assert styles_of(article) == []


def test_line_breaks_become_spaces_and_entities_are_decoded() -> None:
    article = parse_markdown("one\ntwo  \nthree\\\nfour &amp; &#10; five&nbsp;six\n")
    assert blocks_of(article) == [("paragraph", 0, "one two three four & five\u00a0six")]


def test_images_give_their_alt_text() -> None:
    article = parse_markdown("See ![a *red* chart](chart.png) here.\n")
    assert blocks_of(article) == [("paragraph", 0, "See a red chart here.")]


def test_javascript_links_are_not_links() -> None:
    article = parse_markdown("[click](javascript:alert(1)) and [ok](http://x.test)\n")
    assert [kind for kind, _, _ in styles_of(article)] == ["link"]
    assert styles_of(article)[0][1:] == ("ok", "http://x.test")


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("## Second level\n\ntext\n\n# First level\n", "First level"),
        ("para\n\n### Only heading\n", "Only heading"),
        ("short first paragraph\n\nmore\n", "short first paragraph"),
        ("```\ncode\n  block\n```\n", "code block"),
    ],
)
def test_title_prefers_level_one_then_any_heading_then_the_first_block(source, title) -> None:
    assert parse_markdown(source).title == title


def test_a_long_first_block_gives_a_title_cut_at_a_word_boundary() -> None:
    words = " ".join(f"word{i}" for i in range(40))
    title = parse_markdown(words).title
    assert len(title) <= 120 and title.endswith("…")
    assert words.startswith(title[:-1]) and words[len(title) - 1] == " "


def test_deep_nesting_neither_crashes_nor_loses_text_silently() -> None:
    article = parse_markdown(">" * 100_000 + " deep\n\nafter\n")
    assert blocks_of(article)[-1] == ("paragraph", 0, "after")
    assert article.warnings and "nested" in article.warnings[0]
    shallow = parse_markdown("- " * (MAX_NESTING // 2 - 2) + "inside\n")
    assert blocks_of(shallow)[-1][::2] == ("list_item", "inside")
    assert shallow.warnings == ()


MARKDOWN_PIECES = st.sampled_from(
    [
        "#", "*", "**", "_", "`", "```", "~~~", ">", "- ", "1. ", "[", "](", ")", "!",
        " ", "  ", "\n", "\n\n", "\r\n", "x", "word", "<b>", "\\", "&amp;", "&#10;", "\t",
        "    ", "\u2028", "e\u0301", FAMILY, "東京", "שלום", "http://a.b",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_PIECES, max_size=40).map("".join))
def test_any_markdown_gives_well_formed_blocks_and_styles(source) -> None:
    article = parse_markdown(source)
    assert_blocks_joined_by_one_newline(article)
    styles_of(article)
    assert bool(article.title) == bool(article.blocks)
