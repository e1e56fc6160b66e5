"""One student's exports (csv, json, w3c, html, md) and importing Web Annotation JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from app.core.annotations import make_annotation
from app.core.article import Article, parse_plain_text
from app.core.errors import ExportError
from app.core.exports import export_student
from app.core.exports.markdown_export import escape_markdown
from app.core.exports.w3c_import import import_into_sidecar, import_w3c
from app.core.sidecar import Author, Sidecar, new_sidecar, parse_sidecar, read_sidecar, sidecar_path

TEXT = (
    "Council backs harbour plan\n\n"
    "The radical plan passed 5-2 on 3 March, sources say. Critics called it a giveaway.\n\n"
    "Subscribe now for *more* local news! Café \U0001f600\n"
)
XSS = "<script>alert(1)</script>"


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return parse_plain_text(TEXT, path)


def annotate(article: Article, *items: tuple[str, str, str]) -> Sidecar:
    sidecar = new_sidecar(article, Author("Ana <i>", "student"))
    for quote, tag, note in items:
        start = article.text.index(quote)
        sidecar.annotations.append(
            make_annotation(article.text, tag, start, start + len(quote), note)
        )
    return sidecar


@pytest.fixture
def sidecar(article: Article) -> Sidecar:
    return annotate(
        article,
        ("radical", "loaded-label", XSS),
        ("sources say", "unsourced-claim", "=cmd|' /C calc'!A0"),
        ("Subscribe now for *more* local news!", "promotional-boilerplate", "[link](http://x)"),
        ("Café \U0001f600", "verifiable-fact", ""),
    )


def test_csv_export_has_one_row_per_annotation(article: Article, sidecar: Sidecar) -> None:
    data = export_student(article, sidecar, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == ["tag", "start", "end", "text", "note", "author", "created", "modified"]
    assert [r["text"] for r in rows] == [
        "radical",
        "sources say",
        "Subscribe now for *more* local news!",
        "Café \U0001f600",
    ]
    assert rows[0]["tag"] == "Loaded label" and rows[0]["author"] == "Ana <i>"
    assert rows[1]["note"] == "'=cmd|' /C calc'!A0"


def test_json_export_is_the_sidecar_document(article: Article, sidecar: Sidecar) -> None:
    data = export_student(article, sidecar, "json")
    again = parse_sidecar(data, "export", article)
    assert again.annotations == sidecar.annotations
    assert again.author.name == "Ana <i>"


def test_w3c_export_is_a_collection_of_tagging_annotations(
    article: Article, sidecar: Sidecar
) -> None:
    collection = json.loads(export_student(article, sidecar, "w3c"))
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 4
    first = collection["first"]["items"][0]
    assert first["id"] == f"urn:uuid:{sidecar.annotations[0].id}"
    assert first["motivation"] == "tagging"
    assert first["creator"] == {"type": "Person", "name": "Ana <i>"}
    assert first["body"] == [
        {"type": "TextualBody", "value": "loaded-label", "purpose": "tagging"},
        {"type": "TextualBody", "value": XSS, "purpose": "commenting", "format": "text/plain"},
    ]
    quote, position = first["target"]["selector"]
    assert first["target"]["source"] == f"urn:sha256:{article.sha256}"
    assert quote["exact"] == "radical" and quote["suffix"].startswith(" plan passed")
    start = TEXT.index("radical")
    assert position == {"type": "TextPositionSelector", "start": start, "end": start + 7}
    emoji = collection["first"]["items"][3]["target"]["selector"][1]
    assert TEXT[emoji["start"] : emoji["end"]] == "Café \U0001f600"  # code points


def test_html_export_highlights_and_lists_notes_safely(article: Article, sidecar: Sidecar) -> None:
    html = export_student(article, sidecar, "html").decode("utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ana &lt;i&gt;" in html
    assert html.count('<li id="note-') == 3  # the fact has no note
    assert '<a href="#note-1">[1]</a>' in html
    assert "Content-Security-Policy" in html
    assert "src=" not in html and "url(" not in html


def test_markdown_export_escapes_student_text(article: Article, sidecar: Sidecar) -> None:
    markdown = export_student(article, sidecar, "md").decode("utf-8")
    rendered = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in rendered
    assert "<em>" not in rendered  # the article's *more* stays literal
    assert '<a href="http://x">' not in rendered
    assert "*more*" in rendered and "[link](http://x)" in rendered
    assert "<strong>Loaded label</strong>" in rendered


@pytest.mark.parametrize(
    "text",
    [
        "- a list?",
        "1. numbered",
        "# heading",
        "`code`",
        "a | table",
        "<b>x</b>",
        "~~gone~~",
        "&amp;",
        "![img](x)",
        "line\nbreak\n\n- item",
        "=== not a heading",
    ],
)
def test_escaped_markdown_renders_as_the_same_text(text: str) -> None:
    rendered = (
        MarkdownIt("commonmark")
        .enable("table")
        .enable("strikethrough")
        .render(escape_markdown(text))
    )
    expected = " ".join(text.split())
    assert rendered == f"<p>{_html_text(expected)}</p>\n"


def _html_text(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def test_an_unknown_format_is_an_export_error(article: Article, sidecar: Sidecar) -> None:
    with pytest.raises(ExportError, match="pdf"):
        export_student(article, sidecar, "pdf")


# -- import ---------------------------------------------------------------------------


def test_our_export_imports_back_unchanged(article: Article, sidecar: Sidecar) -> None:
    data = export_student(article, sidecar, "w3c")
    imported, skipped = import_w3c(data, article, "ours.jsonld")
    assert skipped == []
    key = lambda a: (a.id, a.tag, a.start, a.end, a.exact, a.note)  # noqa: E731
    assert [key(a) for a in imported] == [key(a) for a in sidecar.annotations]
    assert all(a.status == "exact" for a in imported)
    assert [a.created for a in imported] == [a.created for a in sidecar.annotations]


def test_another_tools_annotations_are_understood(article: Article) -> None:
    hypothesis_like = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "type": "Annotation",
            "id": "https://hypothes.is/a/abc123",
            "created": "2026-03-01T10:00:00+01:00",
            "body": [
                {"type": "TextualBody", "value": "Unsourced Claim", "purpose": "tagging"},
                {"type": "TextualBody", "value": "Who says?", "purpose": "commenting"},
            ],
            "target": [
                {
                    "source": "https://example.org/story",
                    "selector": [
                        {
                            "type": "RangeSelector",
                            "startSelector": {"type": "XPathSelector", "value": "/p[1]"},
                        },
                        {"type": "TextPositionSelector", "start": 900, "end": 911},
                        {
                            "type": "TextQuoteSelector",
                            "exact": "sources say",
                            "prefix": "3 March, ",
                        },
                    ],
                }
            ],
        },
        {
            "type": ["Annotation"],
            "body": {"type": "TextualBody", "value": "verifiable-fact"},
            "bodyValue": "From the minutes",
            "target": {
                "source": "x:y",
                "selector": {
                    "type": "Choice",
                    "items": [
                        {"type": "CssSelector", "value": "p"},
                        {"type": "TextQuoteSelector", "exact": "5-2 on 3 March"},
                    ],
                },
            },
        },
    ]
    page = {"type": "AnnotationPage", "items": hypothesis_like}
    imported, skipped = import_w3c(json.dumps(page).encode(), article, "page.json")
    assert skipped == []
    claim, fact = imported
    assert (claim.tag, claim.exact, claim.note) == ("unsourced-claim", "sources say", "Who says?")
    assert TEXT[claim.start : claim.end] == "sources say"  # found despite the wrong position
    assert claim.created == "2026-03-01T09:00:00.000Z"
    assert claim.status == "moved"
    assert (fact.tag, fact.note) == ("verifiable-fact", "From the minutes")
    again, _ = import_w3c(json.dumps(page).encode(), article, "page.json")
    assert [a.id for a in again] == [a.id for a in imported]  # stable ids for a re-import


def test_unusable_annotations_are_skipped_with_reasons(article: Article) -> None:
    def note(value: str, exact: str | None = "radical") -> dict:
        selector = (
            {"type": "TextQuoteSelector", "exact": exact}
            if exact
            else {"type": "TextPositionSelector", "start": 0, "end": 3}
        )
        return {
            "type": "Annotation",
            "body": [{"type": "TextualBody", "value": value, "purpose": "tagging"}],
            "target": {"source": "x:y", "selector": selector},
        }

    items = [
        note("opinion"),
        note("loaded-label", None),
        note("loaded-label", "not in the text"),
        note("Loaded Label"),
    ]
    imported, skipped = import_w3c(
        json.dumps(
            {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": items}}
        ).encode(),
        article,
        "mixed.json",
    )
    assert [a.tag for a in imported] == ["loaded-label"]
    assert len(skipped) == 3
    assert "no body names one of the tags" in skipped[0]
    assert "no TextQuoteSelector" in skipped[1]
    assert "not in the article" in skipped[2]


@pytest.mark.parametrize("data", [b"{not json", b"\xff\xfe", b"42", b'{"type": "Thing"}'])
def test_malformed_input_is_an_export_error_naming_the_source(
    article: Article, data: bytes
) -> None:
    with pytest.raises(ExportError, match=r"upload\.jsonld"):
        import_w3c(data, article, "upload.jsonld")


def test_import_into_sidecar_adds_new_annotations_once(
    tmp_path: Path, article: Article, sidecar: Sidecar
) -> None:
    source = tmp_path / "in.jsonld"
    source.write_bytes(export_student(article, sidecar, "w3c"))
    written, skipped = import_into_sidecar(source, article)
    assert written == sidecar_path(article.path)
    assert skipped == []
    assert len(read_sidecar(written, article).annotations) == 4
    written, skipped = import_into_sidecar(source, article)
    assert len(skipped) == 4 and all("already in the sidecar" in s for s in skipped)
    assert len(read_sidecar(written, article).annotations) == 4
    with pytest.raises(ExportError, match=r"missing\.jsonld"):
        import_into_sidecar(tmp_path / "missing.jsonld", article)


def test_a_repeated_quote_is_placed_where_its_context_fits(article: Article) -> None:
    def item(prefix: str) -> dict:
        return {
            "type": "Annotation",
            "body": {"value": "loaded-label", "purpose": "tagging"},
            "target": {
                "selector": {"type": "TextQuoteSelector", "exact": "plan", "prefix": prefix}
            },
        }

    imported, _ = import_w3c(
        json.dumps([item("radical "), item("harbour ")]).encode(), article, "x"
    )
    assert [a.start for a in imported] == [
        TEXT.index("radical plan") + 8,
        TEXT.index("harbour plan") + 8,
    ]
    assert {a.status for a in imported} == {"moved"}
