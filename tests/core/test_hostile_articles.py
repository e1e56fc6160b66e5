"""Articles built to hang, exhaust or crash the loaders end quickly (issue #18, finding 10)."""

from __future__ import annotations

import os
import sys
import tracemalloc
from pathlib import Path

import pytest
from deadline import deadline

from app.cli import main
from app.core import article as article_module
from app.core.article import load_article
from app.core.errors import ArticleError

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="no FIFOs or /dev/zero")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_measuring_memory(path: Path):
    """Load *path*; return the article and the peak of memory allocated meanwhile."""
    tracemalloc.start()
    try:
        with deadline():
            article = load_article(path)
        return article, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@posix_only
def test_a_fifo_given_as_an_article_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "story.txt"
    os.mkfifo(fifo)
    with deadline(), pytest.raises(ArticleError, match=r"story\.txt: is not an ordinary file"):
        load_article(fifo)


@posix_only
def test_a_device_given_as_an_article_is_refused_at_once(tmp_path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with deadline(), pytest.raises(ArticleError, match=r"zero\.txt: is not an ordinary file"):
        load_article(link)


def test_a_file_over_the_size_limit_is_refused_without_reading_it_all(tmp_path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(article_module.MAX_ARTICLE_BYTES + 1)
    with pytest.raises(ArticleError, match=r"huge\.txt: the file is larger than 8 MB"):
        load_article(path)


def test_an_unclosed_tag_with_many_attributes_costs_little_memory(tmp_path) -> None:
    attributes = " ".join(f"data-a{number}=x" for number in range(100_000))
    source = f"<p>The ferry deal.</p><div {attributes}"
    article, peak = load_measuring_memory(write(tmp_path, "story.html", source))
    assert article.text == "The ferry deal."
    assert "never closed" in article.warnings[0]
    assert peak < 10 * len(source)  # html.parser's own scan took 90 times the file


def test_a_closed_tag_with_many_attributes_costs_little_memory(tmp_path) -> None:
    attributes = " ".join(f"data-a{number}=x" for number in range(100_000))
    source = f"<p>The ferry deal.</p><div {attributes}><p>Fares rise.</p></div>"
    article, peak = load_measuring_memory(write(tmp_path, "story.html", source))
    assert article.text == "The ferry deal.\nFares rise."
    assert peak < 10 * len(source)


def test_a_long_link_tag_still_gives_its_text(tmp_path) -> None:
    image = "data:image/png;base64," + "QUFB" * 100_000
    source = f'<p>See <img src="{image}" alt="map"> the <a href="/x">map</a>.</p>'
    with deadline():
        article = load_article(write(tmp_path, "story.html", source))
    assert article.text == "See the map."
    assert [style.kind for style in article.blocks[0].styles] == ["link"]


@pytest.mark.parametrize("opening", ["[", "![", "[a "])
def test_markdown_of_unclosed_link_brackets_loads_quickly(tmp_path, opening) -> None:
    brackets = opening * (1_000_000 // len(opening))
    with deadline():
        article = load_article(write(tmp_path, "story.md", f"Ferry deal\n\n{brackets}"))
    assert article.text == "Ferry deal\n" + brackets.strip()


def test_markdown_of_nested_link_brackets_loads_quickly(tmp_path) -> None:
    source = "Ferry deal\n\n" + "[" * 200_000 + "]" * 200_000
    with deadline():
        article = load_article(write(tmp_path, "story.md", source))
    assert article.text == "Ferry deal\n" + "[" * 200_000 + "]" * 200_000


def test_markdown_links_still_work_after_many_brackets(tmp_path) -> None:
    source = "[" * 100_000 + "\n\nSee [the map](https://example.org/map).\n"
    with deadline():
        article = load_article(write(tmp_path, "story.md", source))
    link = article.blocks[1].styles[0]
    assert (link.kind, link.href) == ("link", "https://example.org/map")
    assert article.warnings == ()


def test_markdown_past_its_bracket_budget_shows_links_as_text_and_says_so(tmp_path) -> None:
    source = "[" * 600_000 + "]" * 600_000 + "\n\nSee [the map](https://example.org/map).\n"
    with deadline():
        article = load_article(write(tmp_path, "story.md", source))
    assert article.blocks[1].styles == ()
    assert "some links may be shown as plain text" in article.warnings[0]


@pytest.mark.parametrize(
    ("name", "count"), [("story.html", 1_500_000), ("story.md", 400_000), ("story.txt", 1_500_000)]
)
def test_entities_up_to_the_size_limit_load_in_seconds(tmp_path, name, count) -> None:
    source = "<p>Deal</p>\n\n" + "&amp;" * count
    with deadline():
        article = load_article(write(tmp_path, name, source))
    expected = "&" if name != "story.txt" else "&amp;"
    assert article.text.endswith(expected * count)


def test_markdown_over_its_size_limit_is_refused(tmp_path) -> None:
    path = write(tmp_path, "story.md", "[" * (article_module.MAX_MARKDOWN_BYTES + 1))
    with pytest.raises(ArticleError, match=r"story\.md: the file is larger than 2 MB"):
        load_article(path)


def test_slant_text_of_a_hostile_markdown_file_ends_with_the_text(tmp_path, capsys) -> None:
    path = write(tmp_path, "story.md", "[" * 400_000)
    with deadline():
        assert main(["text", str(path)]) == 0
    assert capsys.readouterr().out.strip() == "[" * 400_000
