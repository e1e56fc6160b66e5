"""Markdown written from an article loads back to the same text, block for block."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.article import Article, Block, InlineStyle, PageInfo, load_article
from app.core.article_formats import collapse_space
from app.core.markdown_article import parse_markdown
from app.core.markdown_writer import article_to_markdown

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
SAMPLES = Path(__file__).resolve().parent.parent.parent / "resources" / "samples"
PAGE_SUFFIXES = (".html", ".htm", ".mhtml", ".mht")

# Everything Markdown gives a meaning to, and what it trims or decodes.
NASTY = (
    "# 1. 1) - + * _ > < [ ] ( ) ! ` ``` ~~~ \\ & &amp; &#38; &copy; | = --- *** ___ "
    "<b> <https://x.org> [a](b) [a]: b ![i](j) \\* a*b*c a_b_c ** __ \u00a0 \u2003 "
    "\ufeff\u200b é 👩\u200d👧 "
)


def build(specs: list[tuple], title: str = "") -> Article:
    """An article of (kind, text, level, [(style, substring, href)]) blocks, one newline apart."""
    text, blocks = "", []
    for kind, body, level, *rest in specs:
        if blocks:
            text += "\n"
        start = len(text)
        text += body
        styles = []
        for style, substring, href in rest[0] if rest else ():
            at = start + body.index(substring)
            styles.append(InlineStyle(style, at, at + len(substring), href))
        blocks.append(Block(kind, start, len(text), level, tuple(styles)))
    return Article(path=None, title=title, text=text, blocks=tuple(blocks))


def round_trip(article: Article) -> Article:
    return parse_markdown(article_to_markdown(article))


def shape(article: Article) -> list[tuple[str, int, str]]:
    return [(b.kind, b.level, article.block_text(b)) for b in article.blocks]


def styles(article: Article) -> list[tuple[str, str, str]]:
    return [
        (s.kind, article.text[s.start : s.end], s.href) for b in article.blocks for s in b.styles
    ]


EVERY_KIND = build(
    [
        ("heading", "Harbour *Mayor* Unveils #1 Ferry Deal #", 1),
        ("paragraph", "By Ida Brandt & Bo Li, 9 May 2026", 0, [("bold", "Ida Brandt", "")]),
        ("heading", "# What you might have missed", 2),
        ("list_item", "1. Officials approved 13 routes", 1),
        ("list_item", "> a nested point", 2),
        ("list_item", "three lists down at once", 4),
        ("list_item", "- back at the top", 1),
        (
            "paragraph",
            "Read the statement on the council website, in bold italic and code.",
            0,
            [
                ("link", "council website", "https://example.org/council?a=1&b=(2)"),
                ("bold", "bold italic", ""),
                ("italic", "italic", ""),
                ("code", "code", ""),
            ],
        ),
        ("quote", "We are ready to help, said people familiar.", 1),
        ("quote", "> quoted inside a quote", 2),
        ("preformatted", "```\nRoutes in 2026:\n\n  North    13\n\t````", 0),
        ("paragraph", NASTY.strip(), 0),
        ("heading", "###", 3),
        ("paragraph", "\u00a0starts and ends with a no-break space\u00a0", 0),
        ("paragraph", "1) 2024. Not a list; = === ~~~ + not a list either", 0),
    ],
    title="Harbour *Mayor* Unveils #1 Ferry Deal #",
)


def test_every_block_kind_and_special_character_reads_back_the_same() -> None:
    loaded = round_trip(EVERY_KIND)
    assert loaded.text == EVERY_KIND.text
    assert shape(loaded) == shape(EVERY_KIND)
    assert loaded.title == EVERY_KIND.title


def test_styles_and_links_read_back_with_their_text_and_address() -> None:
    assert styles(round_trip(EVERY_KIND)) == [
        ("bold", "Ida Brandt", ""),
        ("link", "council website", "https://example.org/council?a=1&b=(2)"),
        ("bold", "bold italic", ""),
        ("italic", "italic", ""),
        ("code", "code", ""),
    ]


def test_code_with_backticks_and_overlapping_styles_keep_their_text() -> None:
    article = build(
        [
            (
                "paragraph",
                "run `x` then a``b and some overlapping words here",
                0,
                [
                    ("code", "`x`", ""),
                    ("code", "a``b", ""),
                    ("bold", "some overlapping", ""),
                    ("italic", "overlapping words", ""),
                ],
            )
        ]
    )
    loaded = round_trip(article)
    assert loaded.text == article.text
    assert ("code", "`x`", "") in styles(loaded)
    assert ("code", "a``b", "") in styles(loaded)


def test_a_style_markdown_cannot_say_is_left_out_and_its_text_kept() -> None:
    # Bold closing between a quotation mark and a letter is not bold in CommonMark.
    article = build([("paragraph", 'He said "no"really, twice.', 0, [("bold", '"no"', "")])])
    loaded = round_trip(article)
    assert loaded.text == article.text
    assert styles(loaded) == []


def test_a_link_that_would_run_code_is_written_as_its_text() -> None:
    article = build(
        [
            (
                "paragraph",
                "a file link and a script link",
                0,
                [("link", "file link", "file:///etc/passwd"), ("link", "script", "javascript:x")],
            )
        ]
    )
    loaded = round_trip(article)
    assert loaded.text == article.text
    assert styles(loaded) == []


def test_the_title_heading_becomes_the_first_level_one_heading() -> None:
    article = build(
        [
            ("heading", "Section of the site", 1),
            ("heading", "The real headline", 2),
            ("paragraph", "Body.", 0),
        ],
        title="The real headline",
    )
    loaded = round_trip(article)
    assert loaded.text == article.text
    assert loaded.title == "The real headline"


def test_a_pages_metadata_is_written_where_no_reader_shows_it() -> None:
    page = PageInfo(
        title='A "quoted" \\ title\nover lines',
        authors=("Ida Brandt", "Bo Li"),
        published="2026-05-09",
        site_name="The [Harbour] Herald",
        url='https://herald.example/a b?c="d"',
        extractor="trafilatura 2.3.1",
    )
    article = replace(EVERY_KIND, page=page)
    markdown = article_to_markdown(article)
    assert markdown.splitlines()[:5] == [
        '[title]: # "A \\"quoted\\" \\\\ title over lines"',
        '[author]: # "Ida Brandt; Bo Li"',
        '[published]: # "2026-05-09"',
        '[site]: # "The [Harbour] Herald"',
        '[url]: # "https://herald.example/a b?c=\\"d\\""',
    ]
    assert parse_markdown(markdown).text == EVERY_KIND.text


def test_an_empty_article_is_an_empty_file() -> None:
    assert article_to_markdown(Article(path=None, title="", text="", blocks=())) == ""


# Markdown built from the characters that mean something to it, loaded: a canonical article.
_MARKDOWN_PIECES = st.sampled_from(
    [
        *NASTY.split(" "),
        "word",
        "two words",
        " ",
        " ",
        "\n",
        "\n\n",
        "\n- ",
        "\n  - ",
        "\n> ",
        "\n# ",
        "\n1. ",
        "\n```\n",
        "\n    ",
        "*",
        "**",
        "_",
        "`",
        "[",
        "](https://e.org/x)",
        "\\",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_MARKDOWN_PIECES, max_size=40).map("".join))
def test_any_loaded_markdown_reads_back_to_the_same_text_and_blocks(source: str) -> None:
    article = parse_markdown(source)
    loaded = round_trip(article)
    assert loaded.text == article.text
    assert [b.kind for b in loaded.blocks] == [b.kind for b in article.blocks]
    # Heading levels may move so that the title heading is the first at level 1.
    assert [b.level for b in loaded.blocks if b.kind != "heading"] == [
        b.level for b in article.blocks if b.kind != "heading"
    ]
    assert loaded.title == article.title


_BLOCK_TEXT = st.text(alphabet=st.sampled_from(list(NASTY) + list("abc .")), min_size=1).map(
    collapse_space
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["heading", "paragraph", "list_item", "quote"]),
            _BLOCK_TEXT.filter(str.strip),
            st.integers(1, 6),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_any_block_sequence_reads_back_with_its_kinds_and_levels(blocks: list) -> None:
    article = build(
        [(kind, body, 0 if kind == "paragraph" else level) for kind, body, level in blocks]
    )
    loaded = round_trip(article)
    assert loaded.text == article.text
    assert shape(loaded) == shape(article)


def _golden_pages() -> list[Path]:
    """The golden pages, and the bundled sample (a saved page too)."""
    folders = [PAGES, SAMPLES]
    return sorted(
        p
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
        if p.suffix.lower() in PAGE_SUFFIXES
    )


@pytest.mark.parametrize("page", _golden_pages() or [None], ids=lambda p: p.name if p else "none")
def test_every_golden_page_reads_back_from_its_markdown(page: Path | None, tmp_path) -> None:
    if page is None:
        pytest.skip("no golden pages in tests/fixtures/pages yet")
    article = load_article(page)
    written = tmp_path / (page.stem + ".md")
    written.write_text(article_to_markdown(article), encoding="utf-8")
    loaded = load_article(written)
    assert loaded.text == article.text
    assert [(b.kind, b.start, b.end) for b in loaded.blocks] == [
        (b.kind, b.start, b.end) for b in article.blocks
    ]
    titled = any(
        b.kind == "heading" and article.block_text(b) == article.title for b in article.blocks
    )
    if titled:
        assert loaded.title == article.title
    else:  # a page kept whole: its title is in no heading, so only in the metadata
        assert article.page is not None
        assert f'[title]: # "{article.page.title}"' in written.read_text(encoding="utf-8")
