"""The words of the exported pages: English by default, every heading through translate()."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.classroom import ClassData, analyse_class, gather_class
from app.core.exports import export_student
from app.core.exports.feedback import feedback_page
from app.core.exports.html_report import class_report
from app.core.sidecar import Author, dump_sidecar, new_sidecar
from app.core.translation import set_translator

APP = Path(__file__).resolve().parents[2] / "app"
TEXT = "Council backs harbour plan\n\nThe radical plan passed, sources say.\n"
HEADING = re.compile(r"<h([123])>(.*?)</h\1>")


def write(folder: Path, file: str, name: str, role: str, quotes: list[str]) -> None:
    article = parse_plain_text(TEXT)
    sidecar = new_sidecar(article, Author(name, role))
    for quote in quotes:
        start = TEXT.index(quote)
        sidecar.annotations.append(
            make_annotation(TEXT, "loaded-label", start, start + len(quote), "why")
        )
    (folder / file).write_bytes(dump_sidecar(sidecar))


@pytest.fixture
def klass(tmp_path: Path) -> ClassData:
    """Two students and a key with one passage, on a plain-text article."""
    (tmp_path / "story.txt").write_text(TEXT, encoding="utf-8")
    write(tmp_path, "story.txt.key.slant.json", "Ms Key", "teacher", ["radical"])
    write(tmp_path, "ana.slant.json", "Ana", "student", ["radical", "sources say"])
    write(tmp_path, "ben.slant.json", "Ben", "student", ["harbour"])
    return gather_class(parse_plain_text(TEXT, tmp_path / "story.txt"), [tmp_path])


@pytest.fixture
def marked() -> Iterator[None]:
    """Every template comes back wrapped in [[ ]], so untranslated words stand out."""
    set_translator(lambda context, text: f"[[{text}]]")
    yield
    set_translator(None)


def test_the_report_and_feedback_stay_english_by_default(klass: ClassData) -> None:
    analysis = analyse_class(klass)
    report = class_report(klass, analysis).decode()
    assert '<html lang="en">' in report
    assert "<title>Class report: Council backs harbour plan</title>" in report
    assert '<p class="meta">2 students &middot; with an answer key &middot; ' in report
    assert "<h2>How to read this report</h2>" in report
    assert "<p><b>Agreement (Krippendorff's alpha).</b> For each tag, every character" in report
    assert '<th>Passage in the key</th><th class="num">Found by</th>' in report
    assert '<p class="legend">Colour strength = how many students gave a passage this tag: ' in (
        report
    )
    page = feedback_page(klass, analysis, 0).decode()
    assert "<h1>Feedback for Ana</h1>" in page
    assert "You found <b>1</b>, tagged <b>0</b> differently and missed <b>0</b>.</p>" in page
    assert "<h2>The key's passages and yours</h2>" in page
    assert '<span class="k">Underlined</span>: in the answer key.' in page


def test_every_heading_of_the_class_files_is_translated(klass: ClassData, marked) -> None:
    analysis = analyse_class(klass)
    report = class_report(klass, analysis).decode()
    page = feedback_page(klass, analysis, 1).decode()
    tag_names = {tag.label for tag in klass.tags}  # the heat map's panels are named by tag
    headings = [text for _, text in HEADING.findall(report + page) if text not in tag_names]
    assert len(headings) > 10
    assert all(text.startswith("[[") for text in headings), headings
    assert '<html lang="[[en]]">' in report
    assert "[[2 students]] &middot; [[with an answer key]]" in report


def test_one_annotation_or_passage_is_counted_in_the_singular(klass: ClassData) -> None:
    page = feedback_page(klass, analyse_class(klass), 0)
    assert b"<p>The answer key marks 1 passage. You found" in page
    article = parse_plain_text(TEXT)
    sidecar = new_sidecar(article, Author("Ana", "student"))
    sidecar.annotations.append(make_annotation(TEXT, "loaded-label", 32, 39))
    assert b'<p class="meta">1 annotation by Ana &middot; made with Slant</p>' in (
        export_student(article, sidecar, "html")
    )
    assert b"\n1 annotation by Ana\n" in export_student(article, sidecar, "md")


def test_no_translate_call_hides_inside_an_f_string() -> None:
    """pyside6-lupdate does not look inside f-strings: a template there is never translated."""
    hidden = []
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                hidden += [
                    f"{path.relative_to(APP)}:{call.lineno}"
                    for call in ast.walk(node)
                    if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "translate"
                ]
    assert hidden == []
