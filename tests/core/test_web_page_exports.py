"""The exports say where a web page's article came from: site, authors, date, address."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

PAGES = Path(__file__).resolve().parent.parent / "fixtures" / "pages"
ADDRESS = "https://courier.example/news/2026/02/harbour-ferry-fares"
SOURCE = f"Source: The Kestrel Bay Courier · Priya Castellanos · 2026-02-03 · {ADDRESS}"


@pytest.fixture
def annotated_page(tmp_path: Path) -> Path:
    page = tmp_path / "ferry.html"
    page.write_bytes((PAGES / "harbour-ferry-fares.html").read_bytes())
    for quote in ("painful but unavoidable", "Get the Courier's morning briefing"):
        assert main(["add", str(page), "--tag", "1", "--quote", quote, "--author", "Ana"]) == 0
    return page


def export(page: Path, fmt: str) -> str:
    out = page.with_name(f"export.{fmt}")
    assert main(["export", str(page), "--format", fmt, "-o", str(out)]) == 0
    return out.read_text(encoding="utf-8")


def test_the_markdown_export_names_the_source_under_its_title(annotated_page: Path) -> None:
    lines = export(annotated_page, "md").split("\n")
    assert lines[2] == SOURCE


def test_the_html_export_links_the_page_address(annotated_page: Path) -> None:
    html = export(annotated_page, "html")
    assert f'<a href="{ADDRESS}">{ADDRESS}</a>' in html
    assert "The Kestrel Bay Courier &middot; Priya Castellanos &middot; 2026-02-03" in html


def test_the_w3c_export_gives_the_page_address_as_the_target_scope(annotated_page: Path) -> None:
    collection = json.loads(export(annotated_page, "w3c"))
    targets = [item["target"] for item in collection["first"]["items"]]
    assert len(targets) == 2
    for target in targets:
        assert target["source"].startswith("urn:sha256:")  # the offsets' text, as before
        assert target["scope"] == ADDRESS


def test_a_target_with_a_scope_passes_the_w3c_musts(annotated_page: Path) -> None:
    conformance = pytest.importorskip("test_w3c_conformance")  # skips without jsonschema
    item = json.loads(export(annotated_page, "w3c"))["first"]["items"][0]
    outcome = conformance.Suite().run("annotations/annotationMusts.test", item)
    assert outcome.failures == []


def test_the_class_report_names_the_source_in_its_header(
    annotated_page: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report"
    sidecar = annotated_page.with_name(annotated_page.name + ".slant.json")
    assert main(["class", str(annotated_page), str(sidecar), "--out", str(out)]) == 0
    reports = [p for p in out.rglob("*.html") if "report" in p.name or "class" in p.name]
    assert reports
    report = reports[0].read_text(encoding="utf-8")
    header = report[: report.index("<h2>")]
    assert f'<a href="{ADDRESS}">{ADDRESS}</a>' in header


def test_a_markdown_article_has_no_source_line(tmp_path: Path) -> None:
    story = tmp_path / "story.md"
    story.write_text("# Ferry fares\n\nFares rise 40 percent.\n", encoding="utf-8")
    assert main(["add", str(story), "--tag", "1", "--quote", "40 percent"]) == 0
    assert "Source:" not in export(story, "md")
