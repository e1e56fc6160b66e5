"""A saved web page opens as its article: golden texts, structure, metadata, fallback,
.mhtml, the cache, old sidecars and the CLI (issue 19)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from deadline import deadline

from app import paths
from app.cli import main
from app.core import page_cache
from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.errors import ArticleError
from app.core.html_article import parse_html
from app.core.page_extraction import EXTRACTOR
from app.core.sidecar import dump_sidecar, read_sidecar, write_sidecar
from app.core.sidecar_format import new_sidecar, sidecar_path
from app.core.web_page import VISIBLE_TEXT, article_from_html

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
PAGE_FILES = sorted(p for p in PAGES.iterdir() if p.suffix in (".html", ".mhtml"))
FERRY = PAGES / "harbour-ferry-fares.html"


def copy(page: Path, folder: Path) -> Path:
    target = folder / page.name
    target.write_bytes(page.read_bytes())
    return target


@pytest.mark.parametrize("page", PAGE_FILES, ids=lambda p: p.name)
def test_each_page_gives_its_golden_text_byte_for_byte(page: Path) -> None:
    # A change here moves every annotation made on the page: only ever on purpose, with
    # a note in docs/FORMAT.md and a new expected file.
    expected = page.with_name(f"{page.stem}.expected.txt").read_bytes()
    assert load_article(page).text.encode("utf-8") == expected


def test_the_article_leaves_out_the_page_furniture_but_keeps_a_promotion_in_the_body() -> None:
    text = load_article(FERRY).text
    for furniture in (
        "We use cookies",  # cookie banner
        "Business",  # menu
        "Share on Facebook",  # share bar
        "Related stories",
        "Bridge plan shelved again",  # a related story
        "Comments (3)",
        "Another tax on the people",  # a comment
        "All rights reserved",  # footer
    ):
        assert furniture not in text
    assert "Get the Courier's morning briefing" in text  # part of the story: students tag it


def test_the_article_starts_with_its_headline_and_keeps_its_structure() -> None:
    article = load_article(FERRY)
    lines = article.text.split("\n")
    assert lines[0] == "Harbour ferry fares to rise 40 percent in March"
    # The byline is the page's metadata, shown in the window's header, not article text.
    assert "Priya Castellanos" not in article.text
    assert article.page is not None
    assert article.page.authors == ("Priya Castellanos",)
    assert article.page.published == "2026-02-03"
    kinds = [(block.kind, block.level) for block in article.blocks]
    assert kinds[0] == ("heading", 1)
    assert ("heading", 2) in kinds
    assert kinds.count(("list_item", 1)) == 3
    assert ("quote", 1) in kinds
    styles = {
        (style.kind, article.text[style.start : style.end], style.href)
        for block in article.blocks
        for style in block.styles
    }
    assert ("bold", "40 percent more", "") in styles
    assert ("italic", "painful but unavoidable", "") in styles
    assert (
        "link",
        "harbour authority's website",
        "https://harbour.example/fares",
    ) in styles


def test_the_page_metadata_is_on_the_article() -> None:
    page = load_article(FERRY).page
    assert page is not None
    assert page.title == "Harbour ferry fares to rise 40 percent in March"
    assert page.authors == ("Priya Castellanos",)
    assert page.published == "2026-02-03"
    assert page.site_name == "The Kestrel Bay Courier"
    assert page.url == "https://courier.example/news/2026/02/harbour-ferry-fares"
    assert page.extractor == EXTRACTOR == "trafilatura 2.3.1"
    assert page.fallback_reason == ""


def test_text_and_markdown_articles_have_no_page_metadata(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("# Title\n\nA paragraph.\n", encoding="utf-8")
    assert load_article(story).page is None


def test_an_index_page_falls_back_to_its_visible_text_and_says_why() -> None:
    article = load_article(PAGES / "school-news-index.html")
    assert article.page is not None
    assert article.page.extractor == VISIBLE_TEXT
    assert article.page.fallback_reason == "no article was found in the page"
    assert article.page.site_name == "The Kestrel Bay Courier"
    assert "Rowing club wins regional title" in article.text


def test_a_page_of_scripts_keeps_what_it_shows_and_a_page_showing_nothing_is_refused(
    tmp_path: Path,
) -> None:
    article = load_article(PAGES / "script-only.html")
    assert article.text == "Loading the story…"
    assert article.page is not None and article.page.fallback_reason
    empty = tmp_path / "empty.html"
    empty.write_text("<html><head><script>go()</script></head><body></body></html>")
    with pytest.raises(ArticleError, match=r"empty\.html has no text"):
        load_article(empty)


def test_a_page_in_memory_gives_the_same_article_as_its_file() -> None:
    from_file = load_article(FERRY)
    in_memory = article_from_html(FERRY.read_text(encoding="utf-8"))
    assert in_memory.text == from_file.text
    assert in_memory.blocks == from_file.blocks
    assert in_memory.page == from_file.page
    assert in_memory.path is None


def test_an_mhtml_page_opens_as_its_article_with_its_address() -> None:
    article = load_article(PAGES / "market-hall.mhtml")
    assert article.text.startswith("Market hall to reopen in June after two-year repair\n")
    assert "Kestrel Bay’s Victorian market hall" in article.text  # quoted-printable UTF-8
    assert "This site uses cookies" not in article.text
    assert article.page is not None
    assert article.page.url == "https://courier.example/news/2026/02/market-hall"
    assert article.page.authors == ("Tomás Ó Briain",)


def test_an_mhtml_page_with_its_images_opens_though_it_is_over_8_mb(tmp_path: Path) -> None:
    # Chrome's and Edge's single-file pages carry every image in base64: often 5-40 MB.
    saved = (PAGES / "market-hall.mhtml").read_bytes()
    closing = saved.rindex(b"--===============0018590746129369808==--")
    image = (
        b"--===============0018590746129369808==\r\nContent-Type: image/jpeg\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\n" + b"QUJDRA==\r\n" * 1_500_000
    )
    archive = tmp_path / "market-hall.mhtml"
    archive.write_bytes(saved[:closing] + image + saved[closing:])
    assert archive.stat().st_size > 8 * 1024 * 1024
    assert load_article(archive).text == load_article(PAGES / "market-hall.mhtml").text


def test_an_mhtml_file_over_64_mb_is_refused_by_name(tmp_path: Path) -> None:
    archive = tmp_path / "huge.mhtml"
    with archive.open("wb") as file:
        file.truncate(64 * 1024 * 1024 + 1)  # sparse: nothing is written
    with pytest.raises(ArticleError, match=r"huge\.mhtml.*larger than 64 MB"):
        load_article(archive)


def test_an_mhtml_file_without_a_web_page_is_refused_by_name(tmp_path: Path) -> None:
    archive = tmp_path / "notes.mht"
    archive.write_bytes(
        b"MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nJust a note, no page.\r\n"
    )
    with pytest.raises(ArticleError, match=r"notes\.mht holds no web page"):
        load_article(archive)


def test_links_that_would_run_code_are_kept_as_plain_text() -> None:
    body = "<p>" + "The harbour authority met on Monday night to vote on fares. " * 8 + "</p>"
    html = (
        "<html><head><title>Fares</title></head><body><article><h1>Fares</h1>"
        f"{body}<p>Read <a href='javascript:alert(1)'>the table</a> now.</p>"
        f"{body}</article></body></html>"
    )
    article = article_from_html(html)
    assert "the table" in article.text
    assert all(style.kind != "link" for block in article.blocks for style in block.styles)


def _cache_entries() -> list[Path]:
    return sorted((paths.cache_dir() / "pages").glob("*.json"))


def test_the_cache_keeps_the_pages_opened_most_recently(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_cache, "MAX_ENTRIES", 2)
    days = {}
    for day in ("monday", "tuesday", "wednesday"):
        days[day] = tmp_path / f"{day}.html"
        days[day].write_bytes(FERRY.read_bytes())

    def entry(day: str) -> Path:
        key = page_cache.cache_key(days[day].read_bytes(), days[day].name, EXTRACTOR)
        return paths.cache_dir() / "pages" / f"{key}.json"

    load_article(days["monday"])
    load_article(days["tuesday"])
    os.utime(entry("monday"), (1_000_000, 1_000_000))  # opened long ago
    os.utime(entry("tuesday"), (2_000_000, 2_000_000))
    load_article(days["monday"])  # opened again: now the most recently used
    load_article(days["wednesday"])  # one too many: the least recently used goes
    assert _cache_entries() == sorted([entry("monday"), entry("wednesday")])


def test_reopening_a_page_takes_its_article_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = copy(FERRY, tmp_path)
    first = load_article(page)
    assert len(_cache_entries()) == 1

    def no_extraction(html: str) -> None:
        raise AssertionError("extracted again")

    monkeypatch.setattr("app.core.page_extraction.extract_article", no_extraction)
    again = load_article(page)
    assert (again.text, again.blocks, again.page, again.path) == (
        first.text,
        first.blocks,
        first.page,
        page,
    )


@pytest.mark.parametrize(
    "damage",
    [
        lambda entry: b"{not json",
        lambda entry: entry.replace(b"Harbour ferry", b"Harbour ferrx", 1),  # text != sha256
        lambda entry: entry[: len(entry) // 2],
    ],
    ids=["not-json", "text-changed", "cut-short"],
)
def test_a_damaged_cache_entry_is_ignored_and_replaced(tmp_path: Path, damage) -> None:
    page = copy(FERRY, tmp_path)
    expected = load_article(page)
    (entry,) = _cache_entries()
    entry.write_bytes(damage(entry.read_bytes()))
    assert load_article(page).text == expected.text
    assert json.loads(entry.read_bytes())["text"] == expected.text  # written again


def test_a_cache_entry_whose_blocks_leave_the_text_is_ignored(tmp_path: Path) -> None:
    page = copy(FERRY, tmp_path)
    expected = load_article(page)
    (entry,) = _cache_entries()
    document = json.loads(entry.read_bytes())
    document["blocks"][0][2] = len(document["text"]) + 10  # the first block's end
    entry.write_text(json.dumps(document), encoding="utf-8")
    assert load_article(page).blocks == expected.blocks


def test_a_cache_that_cannot_be_written_costs_only_the_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker)
    assert load_article(copy(FERRY, tmp_path)).text.startswith("Harbour ferry fares")


def test_the_page_metadata_is_kept_in_the_sidecar(tmp_path: Path) -> None:
    page = copy(FERRY, tmp_path)
    article = load_article(page)
    written = sidecar_path(page)
    write_sidecar(written, new_sidecar(article))
    stored = json.loads(written.read_bytes())["article"]
    assert stored["authors"] == ["Priya Castellanos"]
    assert stored["published"] == "2026-02-03"
    assert stored["site_name"] == "The Kestrel Bay Courier"
    assert stored["url"] == "https://courier.example/news/2026/02/harbour-ferry-fares"
    assert stored["extractor"] == "trafilatura 2.3.1"
    assert "fallback_reason" not in stored  # empty members are left out
    assert read_sidecar(written, article).article.page == article.page


def test_a_sidecar_made_on_the_whole_page_reanchors_on_the_article(tmp_path: Path) -> None:
    # Before issue 19 a page's canonical text was all its visible text, menus included.
    page = copy(FERRY, tmp_path)
    whole = parse_html(FERRY.read_text(encoding="utf-8"))
    old = new_sidecar(whole)
    old.article.file = page.name
    quote = "painful but unavoidable"
    tag = old.tagset.tags[0].id
    start = whole.text.index(quote)
    in_story = make_annotation(whole.text, tag, start, start + len(quote))
    menu_start = whole.text.index("Share on Facebook")
    in_menu = make_annotation(whole.text, tag, menu_start, menu_start + 17)
    old.annotations = [in_story, in_menu]
    sidecar_path(page).write_bytes(dump_sidecar(old))

    article = load_article(page)
    placed = {a.id: a for a in read_sidecar(sidecar_path(page), article).annotations}
    assert len(placed) == 2  # none dropped
    story = placed[in_story.id]
    assert story.status in ("moved", "exact")
    assert article.text[story.start : story.end] == quote
    assert placed[in_menu.id].status == "orphan"


def test_slant_text_and_add_quote_see_only_the_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = copy(FERRY, tmp_path)
    assert main(["text", str(page)]) == 0
    printed = capsys.readouterr().out
    assert "Share on Facebook" not in printed
    assert "Commuters who cross Kestrel Bay" in printed
    # "Sport" is only in the menu: not part of the article, so not found.
    assert main(["add", str(page), "--tag", "1", "--quote", "Sport"]) != 0
    capsys.readouterr()
    assert main(["add", str(page), "--tag", "1", "--quote", "painful but unavoidable"]) == 0
    stored = json.loads(sidecar_path(page).read_bytes())
    assert stored["annotations"][0]["exact"] == "painful but unavoidable"
    assert stored["article"]["extractor"] == "trafilatura 2.3.1"


def test_opening_a_markdown_article_never_imports_the_extractor(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("# Title\n\nA paragraph.\n", encoding="utf-8")
    script = (
        "import sys, json\n"
        "from app.cli import main\n"
        "main(['text', sys.argv[1]])\nprint()\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('trafilatura', 'lxml', 'htmldate', 'justext'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(story)],
        capture_output=True,
        check=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert json.loads(result.stdout.decode().strip().splitlines()[-1]) == []


def _mhtml(body: bytes) -> bytes:
    return b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n" + body


def test_an_mhtml_file_of_a_million_parts_is_refused_at_once(tmp_path: Path) -> None:
    archive = tmp_path / "parts.mhtml"
    archive.write_bytes(_mhtml(b"--x\r\n\r\n" * 700_000))  # minutes for the email parser
    with deadline(), pytest.raises(ArticleError, match=r"parts\.mhtml has more than 4096 parts"):
        load_article(archive)


def test_an_mhtml_file_of_deeply_nested_parts_gives_one_clear_error(tmp_path: Path) -> None:
    nested = b"".join(
        b'Content-Type: multipart/related; boundary="b%d"\r\n\r\n--b%d\r\n' % (n, n)
        for n in range(3000)
    )
    archive = tmp_path / "deep.mhtml"
    archive.write_bytes(b"MIME-Version: 1.0\r\n" + nested + b"Content-Type: text/html\r\n\r\nx")
    with deadline(), pytest.raises(ArticleError, match=r"deep\.mhtml"):
        load_article(archive)


def test_another_trafilatura_version_falls_back_and_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    page = copy(FERRY, tmp_path)
    monkeypatch.setattr(trafilatura, "__version__", "9.9.9")
    fallback = load_article(page)
    assert fallback.page is not None
    assert fallback.page.extractor == VISIBLE_TEXT
    assert "ExtractorMismatch" in fallback.page.fallback_reason
    assert _cache_entries() == []
    monkeypatch.undo()
    assert load_article(page).page.extractor == EXTRACTOR
