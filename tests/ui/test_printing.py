"""Print and PDF export: highlights, a legend, superscript numbers and the notes."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QTextCharFormat, QTextCursor
from PySide6.QtPrintSupport import QPrinter

from app.core.article import load_article
from app.core.errors import ExportError
from app.core.tags import default_tagset
from app.ui.article.colors import Underline, tag_styles
from app.ui.dialogs.author_dialog import AuthorDialog
from app.ui.dialogs.printing import (
    PdfFileDialog,
    PrintDialog,
    build_print_document,
    export_pdf,
    printed_underlines,
)
from app.ui.main_window import MainWindow
from app.ui.messages import ProblemMessage

STORY = (
    "# Harbour Mayor Unveils Ferry Deal\n\n"
    "The so-called ferry king met the mayor on 9 May 2026.\n\n"
    "Insiders say the deal was signed months ago. Subscribe for more!\n"
)
TITLE = "Harbour Mayor Unveils Ferry Deal"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "ferry.md"
    path.write_text(STORY, encoding="utf-8")
    return load_article(path)


def annotate(article, tag: str, words: str, note: str = ""):
    from app.core.annotations import make_annotation

    start = article.text.index(words)
    return make_annotation(article.text, tag, start, start + len(words), note)


@pytest.fixture
def annotations(article):
    return [
        annotate(article, "loaded-label", "so-called ferry king", "Sneers at him."),
        annotate(article, "verifiable-fact", "9 May 2026"),
        annotate(article, "unsourced-claim", "Insiders say", "Which insiders?"),
        annotate(article, "promotional-boilerplate", "Subscribe for more!"),
    ]


def pdf_text(path: Path) -> str:
    """The PDF's words, ligatures undone (Qt embeds subset fonts: only poppler reads them)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the PDF's text")
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(unicodedata.normalize("NFKC", result.stdout.decode("utf-8")).split())


def pdf_title(path: Path) -> str:
    """The /Title of the PDF's information dictionary (UTF-16 with a byte-order mark)."""
    data = path.read_bytes()
    match = re.search(rb"/Title \((.*?)\)\s*\n", data, re.S)
    assert match is not None, "the PDF has no /Title"
    raw = re.sub(rb"\\(.)", rb"\1", match.group(1))
    return raw.decode("utf-16") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def page_count(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def test_export_pdf_writes_pages_titled_with_the_article(qapp, article, annotations, tmp_path):
    out = tmp_path / "ferry.pdf"
    export_pdf(article, annotations, default_tagset(), out)
    assert out.read_bytes().startswith(b"%PDF")
    assert page_count(out) >= 1
    assert pdf_title(out) == TITLE


def test_the_pdf_shows_title_author_legend_and_notes(qapp, article, annotations, tmp_path):
    out = tmp_path / "ferry.pdf"
    export_pdf(article, annotations, default_tagset(), out, author="Ada")
    text = pdf_text(out)
    assert text.startswith(TITLE)
    assert "Annotated by Ada" in text
    for tag in default_tagset().tags:
        assert tag.label in text
    assert "“so-called ferry king” — Sneers at him." in text
    assert "“Insiders say” — Which insiders?" in text


def test_the_print_document_carries_highlights_numbers_and_a_legend(qapp, article, annotations):
    tagset = default_tagset()
    document = build_print_document(article, annotations, tagset)
    text = document.toPlainText()
    styles = tag_styles(tagset)
    # Each span keeps its tag's background and underline and is followed by its number.
    for number, annotation in enumerate(annotations, start=1):
        marked = f"{annotation.exact}{number}"
        at = text.index(marked)
        fmt = char_format_at(document, at + 1)
        assert fmt.background().color() == styles[annotation.tag].background
        ((level, line, _),) = printed_underlines(fmt)
        assert (level, line) == (0, styles[annotation.tag].underline)
        number_format = char_format_at(document, at + len(annotation.exact) + 1)
        assert (
            number_format.verticalAlignment() == QTextCharFormat.VerticalAlignment.AlignSuperScript
        )
    assert text.startswith(TITLE)
    assert text.index("Tags") < text.index("The so-called")
    notes = text[text.index("Notes") :]
    assert (
        notes.index("Sneers at him.") < notes.index("9 May 2026") < notes.index("Which insiders?")
    )


def char_format_at(document, position: int) -> QTextCharFormat:
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    return cursor.charFormat()


def test_orphaned_annotations_are_counted_not_drawn(qapp, article, annotations):
    from dataclasses import replace

    lost = replace(annotations[0], status="orphan")
    text = build_print_document(article, [lost, *annotations[1:]], default_tagset()).toPlainText()
    assert "so-called ferry king1" not in text
    assert "1 annotation no longer matches the text" in text


def test_an_unwritable_pdf_path_raises_an_error_naming_it(qapp, article, annotations, tmp_path):
    target = tmp_path / "missing-folder" / "out.pdf"
    with pytest.raises(ExportError, match="missing-folder"):
        export_pdf(article, annotations, default_tagset(), target)


@pytest.fixture
def window(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))
    made = MainWindow()
    qtbot.addWidget(made)
    path = tmp_path / "ferry.md"
    path.write_text(STORY, encoding="utf-8")
    made.open_path(path)
    start = STORY.index("ferry king") - len("# ")
    made.document.add("loaded-label", start, start + len("ferry king"), "A nickname.")
    yield made
    made.document.shutdown()


def test_export_as_pdf_from_the_file_menu(window, monkeypatch, tmp_path):
    chosen = tmp_path / "handout.pdf"
    suggested: list[Path] = []
    monkeypatch.setattr(
        PdfFileDialog, "ask", classmethod(lambda cls, p, s: suggested.append(s) or chosen)
    )
    window.actions.export_pdf.trigger()
    assert suggested == [tmp_path / "ferry.annotated.pdf"]
    assert "A nickname." in pdf_text(chosen)
    assert str(chosen) in window.statusBar().currentMessage()


def test_an_export_problem_is_shown_not_raised(window, monkeypatch, tmp_path):
    problems: list[str] = []
    monkeypatch.setattr(
        PdfFileDialog, "ask", classmethod(lambda cls, p, s: tmp_path / "no" / "x.pdf")
    )
    monkeypatch.setattr(
        ProblemMessage, "ask", classmethod(lambda cls, p, t, text: problems.append(text))
    )
    window.actions.export_pdf.trigger()
    assert len(problems) == 1 and "x.pdf" in problems[0]


def test_print_sends_the_annotated_article_to_the_chosen_printer(window, monkeypatch, tmp_path):
    printed = tmp_path / "printed.pdf"

    def choose_pdf_printer(cls, parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(PrintDialog, "ask", classmethod(choose_pdf_printer))
    window.actions.print.trigger()
    assert page_count(printed) >= 1
    assert pdf_title(printed) == TITLE


def test_cancelling_print_prints_nothing(window, monkeypatch, tmp_path):
    monkeypatch.setattr(PrintDialog, "ask", classmethod(lambda cls, parent, printer: False))
    window.actions.print.trigger()
    assert list(tmp_path.glob("*.pdf")) == []


def test_overlapping_spans_take_the_topmost_background_and_keep_every_underline(qapp, article):
    outer = annotate(article, "loaded-label", "so-called ferry king")
    inner = annotate(article, "verifiable-fact", "ferry")
    document = build_print_document(article, [outer, inner], default_tagset())
    styles = tag_styles(default_tagset())
    text = document.toPlainText()
    both = char_format_at(document, text.index("ferry") + 1)
    assert both.background().color() == styles["verifiable-fact"].background
    assert [(level, line) for level, line, _ in printed_underlines(both)] == [
        (0, Underline.SingleUnderline),  # the outer tag's line goes on under the inner one
        (1, Underline.WaveUnderline),
    ]
    only_outer = char_format_at(document, text.index("so-called") + 1)
    assert only_outer.background().color() == styles["loaded-label"].background
    assert [(level, line) for level, line, _ in printed_underlines(only_outer)] == [
        (0, Underline.SingleUnderline)
    ]


def word_box(path: Path, word: str) -> tuple[float, float, float, float]:
    """The first box (points: left, top, right, bottom) of *word* on the PDF's first page."""
    result = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        check=True,
    )
    pattern = rf'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">{word}<'
    match = re.search(pattern, result.stdout.decode("utf-8"))
    assert match is not None, f"{word} is not on the first page"
    left, top, right, bottom = map(float, match.groups())
    return left, top, right, bottom


def near(first: QColor, second: QColor) -> bool:
    return all(
        abs(a - b) <= 40 for a, b in zip(first.getRgb()[:3], second.getRgb()[:3], strict=True)
    )


def test_the_pdf_draws_every_tags_underline_under_overlapping_words(qapp, article, tmp_path):
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is needed to see the PDF")
    outer = annotate(article, "loaded-label", "so-called ferry king")
    inner = annotate(article, "verifiable-fact", "ferry")
    out = tmp_path / "ferry.pdf"
    export_pdf(article, [outer, inner], default_tagset(), out)
    document = build_print_document(article, [outer, inner], default_tagset())
    lines = printed_underlines(char_format_at(document, document.toPlainText().index("ferry") + 1))
    dpi = 200
    page_png = ["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
    subprocess.run([*page_png, str(out), str(tmp_path / "page")], check=True)
    page = QImage(str(tmp_path / "page.png"))
    left, _, right, bottom = (round(v * dpi / 72) for v in word_box(out, "ferry"))
    below = [
        page.pixelColor(x, y)
        for x in range(left, right)
        for y in range(bottom - dpi // 20, bottom + dpi // 10)
    ]
    assert len(lines) == 2
    for _, _, color in lines:
        assert any(near(pixel, color) for pixel in below), f"no {color.name()} line under it"


def test_note_numbers_follow_the_whole_run_of_overlapping_highlights(qapp, tmp_path):
    path = tmp_path / "prison.md"
    path.write_text(
        "# Prison\n\nThe president, known as the “world’s coolest dictator”, sent them to "
        "the infamous CECOT supermax prison. Officials said so.\n",
        encoding="utf-8",
    )
    prison = load_article(path)
    annotations = [
        annotate(prison, "verifiable-fact", "known", "Known."),
        annotate(prison, "loaded-label", "known as the “world’s coolest dictator”", "Outer."),
        annotate(prison, "unsourced-claim", "world’s coolest dictator", "Inner."),
        annotate(prison, "loaded-label", "infamous CECOT supermax prison"),
        annotate(prison, "verifiable-fact", "CECOT supermax"),
        annotate(prison, "promotional-boilerplate", "supermax prison"),
        annotate(prison, "unsourced-claim", "Officials said"),
    ]
    out = tmp_path / "prison.pdf"
    export_pdf(prison, annotations, default_tagset(), out)
    text = pdf_text(out)
    assert (
        "The president, known as the “world’s coolest dictator”1,2,3, sent them to the "
        "infamous CECOT supermax prison4,5,6. Officials said7 so."
    ) in text
    notes = text[text.index("Notes") :]
    assert notes.index("Known.") < notes.index("Outer.") < notes.index("Inner.")
