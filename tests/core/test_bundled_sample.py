"""The bundled sample: a saved web page whose answer key fits it word for word."""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.core.article import load_article
from app.core.sidecar import read_sidecar
from app.core.web_page import extract_web_page

MARKDOWN_EDITION = Path(__file__).resolve().parent.parent / "fixtures" / "westmere-phone-ban.md"


def test_the_sample_is_the_bundled_web_page_with_its_key_beside_it() -> None:
    sample = paths.sample_article()
    assert sample is not None
    assert sample.parent == paths.resource_path("samples")
    assert sample.suffix == ".html"
    assert sample.with_name(f"{sample.stem}.key.slant.json").is_file()


def test_every_annotation_of_the_key_anchors_exactly_on_the_sample() -> None:
    sample = paths.sample_article()
    article = load_article(sample)
    key = read_sidecar(sample.with_name(f"{sample.stem}.key.slant.json"), article)
    assert key.article.file == sample.name
    assert key.article.sha256 == article.sha256
    assert len(key.annotations) >= 20
    assert {a.status for a in key.annotations} == {"exact"}
    for annotation in key.annotations:
        assert article.text[annotation.start : annotation.end] == annotation.exact


def test_the_markdown_edition_reads_as_the_same_article() -> None:
    # The sample was first written in Markdown; both importers must agree on it.
    html = load_article(paths.sample_article())
    markdown = load_article(MARKDOWN_EDITION)
    assert markdown.text == html.text
    assert markdown.title == html.title
    assert markdown.blocks == html.blocks
    assert {block.kind for block in html.blocks} >= {"heading", "paragraph", "list_item"}


def test_the_sample_ships_extracted_exactly_as_slant_extracts_it_now() -> None:
    # The conftest gives each test an empty SLANT_HOME, so no user cache entry exists:
    # what load_article returns without extracting comes from resources/page-cache/.
    sample = paths.sample_article()
    assert sample is not None
    shipped = load_article(sample)
    assert not list(paths.cache_dir().rglob("*.json")), (
        "the sample was extracted at start: regenerate its entry with "
        "`python -m app.core.page_cache`"
    )
    fresh, settled = extract_web_page(sample, sample.read_bytes())
    assert settled
    assert (shipped.title, shipped.text, shipped.blocks, shipped.page) == (
        fresh.title,
        fresh.text,
        fresh.blocks,
        fresh.page,
    )
