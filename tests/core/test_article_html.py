"""HTML articles: visible text only, as blocks and styles over a newline-joined text."""

from __future__ import annotations

import sys

import pytest
from article_checks import assert_blocks_joined_by_one_newline, blocks_of, styles_of
from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.article import load_article
from app.core.html_article import MAX_OPEN_ELEMENTS, parse_html

FAMILY = "👩\u200d👩\u200d👧\u200d👦"


PAGE = """<!DOCTYPE html>
<html><head>
  <meta charset="utf-8"><title>  The   page
  title </title>
  <style>p { color: red }</style><script>var hidden = "SCRIPTTEXT";</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
  <h1>Big   <em>news</em></h1>
  <p>First    paragraph,
     spread over lines&nbsp;with a no-break space.</p>
  <p>Line one<br>Line two<br/><br>Line three</p>
  <ul>
    <li>one
      <ol><li>nested <code>code()</code></li></ol>
    </li>
    <li>two</li>
  </ul>
  <blockquote><p>quoted</p><blockquote>deeper</blockquote><ul><li>listed</li></ul></blockquote>
  <pre>
  keep   this
	tabbed<br>after br
</pre>
  <table><tr><th>Cell A</th><td>Cell B</td></tr></table>
  <dl><dt>Term</dt><dd>Definition</dd></dl>
  <figure><img src="x.png" alt="ALTTEXT"><figcaption>Caption</figcaption></figure>
</article>
<footer>Footer text</footer>
</body></html>
"""


def test_html_structure_becomes_blocks_with_kinds_and_levels() -> None:
    article = parse_html(PAGE)
    assert blocks_of(article) == [
        ("paragraph", 0, "Home | News"),
        ("heading", 1, "Big news"),
        ("paragraph", 0, "First paragraph, spread over lines\u00a0with a no-break space."),
        ("paragraph", 0, "Line one"),
        ("paragraph", 0, "Line two"),
        ("paragraph", 0, "Line three"),
        ("list_item", 1, "one"),
        ("list_item", 2, "nested code()"),
        ("list_item", 1, "two"),
        ("quote", 1, "quoted"),
        ("quote", 2, "deeper"),
        ("list_item", 1, "listed"),
        ("preformatted", 0, "  keep   this\n\ttabbed\nafter br"),
        ("paragraph", 0, "Cell A"),
        ("paragraph", 0, "Cell B"),
        ("paragraph", 0, "Term"),
        ("paragraph", 0, "Definition"),
        ("paragraph", 0, "Caption"),
        ("paragraph", 0, "Footer text"),
    ]
    assert_blocks_joined_by_one_newline(article)
    assert article.title == "The page title"
    assert "SCRIPTTEXT" not in article.text and "color" not in article.text
    assert "ALTTEXT" not in article.text


def test_inline_styles_cover_exactly_their_text() -> None:
    source = (
        "<p>A <b>bold</b>, <strong>strong <i>both</i></strong>, <em>em</em>, "
        '<code>x = 1</code> and <a href=" https://example.org/?a=1&amp;b=2 ">link</a>.</p>'
    )
    assert styles_of(parse_html(source)) == [
        ("bold", "bold", ""),
        ("bold", "strong both", ""),
        ("italic", "both", ""),
        ("italic", "em", ""),
        ("code", "x = 1", ""),
        ("link", "link", "https://example.org/?a=1&b=2"),
    ]


def test_styles_are_trimmed_and_split_where_blocks_break() -> None:
    trimmed = parse_html("<p>a<b> bold </b>text <i>\u00a0x\u00a0</i></p>")
    assert styles_of(trimmed) == [("bold", "bold", ""), ("italic", "x", "")]
    article = parse_html("<b> bold <p>across</p> blocks </b><p>plain</p>")
    assert blocks_of(article) == [
        ("paragraph", 0, "bold"),
        ("paragraph", 0, "across"),
        ("paragraph", 0, "blocks"),
        ("paragraph", 0, "plain"),
    ]
    assert styles_of(article) == [
        ("bold", "bold", ""),
        ("bold", "across", ""),
        ("bold", "blocks", ""),
    ]


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<script>alert(1)</script>",
    ],
)
def test_links_that_would_run_code_are_not_links(href) -> None:
    article = parse_html(f'<p>Click <a href="{href}">here</a> now</p>')
    assert blocks_of(article) == [("paragraph", 0, "Click here now")]
    assert styles_of(article) == []


@pytest.mark.parametrize(
    "element",
    [
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object",
        "canvas", "audio", "video", "select", "button", "textarea", "option", "datalist",
    ],
)  # fmt: skip
def test_invisible_elements_give_no_text(element) -> None:
    article = parse_html(f"<p>before <{element}>HIDDEN <b>MORE</b></{element}> after</p>")
    assert blocks_of(article) == [("paragraph", 0, "before after")]


def test_head_gives_only_the_title_and_ends_where_the_body_starts() -> None:
    article = parse_html(
        "<html><head><title>T</title><meta name=x content=y><link rel=x href=y>"
        "HEADTEXT visible<p>body"
    )
    assert article.title == "T"
    assert blocks_of(article) == [("paragraph", 0, "HEADTEXT visible"), ("paragraph", 0, "body")]
    unclosed = parse_html("<head><title>T</title><body><h2>Sub</h2><p>text")
    assert blocks_of(unclosed) == [("heading", 2, "Sub"), ("paragraph", 0, "text")]


def test_svg_titles_and_blank_titles_do_not_become_the_title() -> None:
    article = parse_html("<title> </title><svg><title>icon</title></svg><h2>Sub</h2><h1>Main</h1>")
    assert article.title == "Main"
    assert parse_html("<p>Only a paragraph</p>").title == "Only a paragraph"


def test_entities_and_unicode_keep_code_point_offsets() -> None:
    source = (
        f"<h1>{FAMILY} caf&eacute; e\u0301</h1>"
        f"<p>東京 &amp; مرحبا <b>שלום &#x1F600;</b> {FAMILY}&#8205;x</p>"
    )
    article = parse_html(source)
    assert blocks_of(article) == [
        ("heading", 1, f"{FAMILY} café e\u0301"),
        ("paragraph", 0, f"東京 & مرحبا שלום 😀 {FAMILY}\u200dx"),
    ]
    bold = article.blocks[1].styles[0]
    assert bold.start == len(f"{FAMILY} café e\u0301\n東京 & مرحبا ") == 27
    assert styles_of(article) == [("bold", "שלום 😀", "")]


def test_pre_keeps_whitespace_but_drops_one_leading_newline_and_trailing_newlines() -> None:
    article = parse_html("<pre>\n\n  two\r\n\tthree\n\n</pre><p>x</p>")
    assert blocks_of(article) == [("preformatted", 0, "\n  two\n\tthree"), ("paragraph", 0, "x")]


def test_malformed_markup_still_gives_blocks_of_every_text() -> None:
    article = parse_html("<p>one<p>two<li>item<h2>head<h3>sub</b></i></p></div><p>three")
    assert blocks_of(article) == [
        ("paragraph", 0, "one"),
        ("paragraph", 0, "two"),
        ("list_item", 1, "item"),
        ("heading", 2, "head"),
        ("heading", 3, "sub"),
        ("paragraph", 0, "three"),
    ]
    assert parse_html("<p>a <![foo[ odd ]]> b <![ c > d</p>").text == "a b d"


def test_an_unclosed_comment_or_tag_at_the_end_is_left_out_with_a_warning() -> None:
    for tail in ("<!-- never <p>x" * 20_000, '<a href="x>never', "<?pi" * 20_000, "</p" * 20_000):
        article = parse_html(f"<p>kept</p>\n{tail}")
        assert article.text == "kept"
        assert "line 2" in article.warnings[0]
    assert parse_html("<p>a < b <").text == "a < b <"
    assert parse_html("<p>kept<script>never closed").text == "kept"


def test_deep_nesting_and_huge_attributes_never_crash() -> None:
    assert sys.getrecursionlimit() < 100_000
    deep = parse_html("<div><b>" * 100_000 + "deep" + "</b></div>" * 100_000 + "<p>after")
    assert blocks_of(deep) == [("paragraph", 0, "deep"), ("paragraph", 0, "after")]
    assert styles_of(deep) == [("bold", "deep", "")]
    hidden = parse_html("<noscript>" * 100_000 + "gone" + "</noscript>" * 100_000 + "shown")
    assert hidden.text == "shown"
    huge = parse_html('<p title="' + "x" * 2_000_000 + '">text <a href="/' + "y" * 100_000 + '">l')
    assert huge.text == "text l"
    assert len(styles_of(huge)[0][2]) == 100_001


def test_more_than_the_open_element_limit_keeps_hiding_and_styling() -> None:
    quotes = parse_html("<blockquote>" * 10_000 + "deep")
    assert blocks_of(quotes) == [("quote", MAX_OPEN_ELEMENTS, "deep")]
    depth = MAX_OPEN_ELEMENTS + 50
    source = "<span>" * depth + "<script>SECRET</script><i>it</i>" + "</span>" * depth
    article = parse_html(source)
    assert blocks_of(article) == [("paragraph", 0, "it")]
    assert styles_of(article) == [("italic", "it", "")]


def test_loading_an_htm_file_sets_its_path_and_title(tmp_path) -> None:
    path = tmp_path / "Story.HTM"
    path.write_text("<title>Headline</title><p>Body</p>", encoding="utf-8")
    article = load_article(path)
    assert (article.path, article.title, article.text) == (path, "Headline", "Body")


HTML_PIECES = st.sampled_from(
    [
        "<", ">", "</", "<!", "<![", "<?", "<!--", "-->", "/>", "=", '"', "'", " ", "\n",
        "\r\n", "&", "&amp;", "&#", ";", "x", "word", "p", "b", "a", "pre", "li", "ul",
        "script", "svg", "title", "head", "br", "h1", "blockquote", "href", "javascript:",
        "\u2028", "\x85", "\xa0", "e\u0301", FAMILY, "東京", "שלום",
    ]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(HTML_PIECES, max_size=60).map("".join))
def test_any_markup_gives_well_formed_blocks_and_styles(source) -> None:
    article = parse_html(source)
    assert_blocks_joined_by_one_newline(article)
    styles_of(article)
    if article.blocks:
        assert article.title.strip()
