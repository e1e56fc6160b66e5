"""Print and PDF export of an annotated article: highlights, a tag legend and numbered notes."""

from __future__ import annotations

import bisect
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QPageLayout,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextList,
    QTextListFormat,
    QTextTableFormat,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog, QWidget

from app.core.annotations import Annotation, in_document_order
from app.core.article import Article
from app.core.errors import ExportError
from app.core.tags import TagSet
from app.ui.article.colors import (
    TEXT_COLOR,
    UNKNOWN_TAG_COLOR,
    TagStyle,
    overlap_background,
    tag_style,
    tag_styles,
)
from app.ui.article.highlights import layer_key
from app.ui.article.offsets import OffsetMap
from app.ui.article.rendering import SERIF, render_article
from app.ui.editing.commands import short_quote
from app.ui.i18n import shown_tag, translate
from app.ui.messages import ProblemMessage

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

PRINT_POINT_SIZE = 11.0
NOTE_NUMBER_COLOR = QColor("#3A3F4B")
MUTED_COLOR = QColor("#555B66")
STATUS_MS = 6000


def _shown(annotations: list[Annotation]) -> list[Annotation]:
    """The annotations that are drawn: anchored, with a non-empty span."""
    return [a for a in in_document_order(annotations) if a.status != "orphan" and a.end > a.start]


def _sample_format(style: TagStyle) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(style.background)
    fmt.setUnderlineStyle(style.underline)
    fmt.setUnderlineColor(style.underline_color)
    fmt.setForeground(TEXT_COLOR)
    return fmt


def _apply_highlights(
    document: QTextDocument, offsets: OffsetMap, shown: list[Annotation], styles: dict
) -> None:
    """Give every stretch of text the background and underline it has on screen."""
    starts: dict[int, list[Annotation]] = defaultdict(list)
    ends: dict[int, list[Annotation]] = defaultdict(list)
    for annotation in shown:
        starts[annotation.start].append(annotation)
        ends[annotation.end].append(annotation)
    unknown = tag_style(UNKNOWN_TAG_COLOR, 0)
    active: list[tuple[tuple[int, int, str], str]] = []
    cursor = QTextCursor(document)
    # One sweep over the span boundaries, keeping the covering annotations in layer order.
    for left, right in pairwise(sorted({*starts, *ends})):
        for annotation in ends.get(left, ()):
            active.remove((layer_key(annotation), annotation.tag))
        for annotation in starts.get(left, ()):
            bisect.insort(active, (layer_key(annotation), annotation.tag))
        if not active:
            continue
        layers = [styles.get(tag, unknown) for _, tag in active]
        fmt = _sample_format(layers[-1])
        fmt.setBackground(overlap_background([style.background for style in layers]))
        cursor.setPosition(offsets.to_position(left))
        cursor.setPosition(offsets.to_position(right), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)


def _insert_note_numbers(
    document: QTextDocument, offsets: OffsetMap, shown: list[Annotation]
) -> None:
    """Put each annotation's number, superscript, right after its span."""
    numbers_at: dict[int, list[int]] = defaultdict(list)
    for number, annotation in enumerate(shown, start=1):
        numbers_at[offsets.to_position(annotation.end)].append(number)
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setForeground(NOTE_NUMBER_COLOR)
    cursor = QTextCursor(document)
    # From the end backwards, so that earlier positions stay where they were.
    for position in sorted(numbers_at, reverse=True):
        cursor.setPosition(position)
        cursor.insertText(",".join(str(n) for n in numbers_at[position]), fmt)


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def _insert_legend(cursor: QTextCursor, tagset: TagSet, styles: dict, counts: dict) -> None:
    """A borderless table: each tag drawn as it is in the text, its count and meaning."""
    table_format = QTextTableFormat()
    table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    table_format.setCellPadding(2)
    table_format.setCellSpacing(0)
    table_format.setBottomMargin(6)
    table = cursor.insertTable(len(tagset.tags) + 1, 2, table_format)
    muted = QTextCharFormat()
    muted.setForeground(MUTED_COLOR)
    bold = QTextCharFormat(muted)
    bold.setFontWeight(QFont.Weight.Bold)
    table.mergeCells(0, 0, 1, 2)
    header = table.cellAt(0, 0).firstCursorPosition()
    header.insertText(translate("Printing", "Tags") + "  ", bold)
    header.insertText(
        translate("Printing", "(small numbers after a highlight point to the notes at the end)"),
        muted,
    )
    for row, tag in enumerate((shown_tag(tag) for tag in tagset.tags), start=1):
        sample = table.cellAt(row, 0).firstCursorPosition()
        sample.insertText(f"\u00a0{tag.label}\u00a0", _sample_format(styles[tag.id]))
        sample.insertText(f"\u00a0({counts.get(tag.id, 0)})", muted)
        meaning = table.cellAt(row, 1).firstCursorPosition()
        meaning.insertText(_first_sentence(tag.description), muted)


def _insert_notes(
    cursor: QTextCursor, shown: list[Annotation], tagset: TagSet, styles: dict, lost: int
) -> None:
    """The notes: a numbered list (numbers match the superscripts) of tag, quote and note."""
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    heading.setFontPointSize(PRINT_POINT_SIZE * 1.3)
    block = QTextBlockFormat()
    block.setTopMargin(18)
    block.setBottomMargin(6)
    cursor.insertBlock(block, heading)
    cursor.insertText(translate("Printing", "Notes"), heading)
    plain = QTextCharFormat()
    plain.setForeground(TEXT_COLOR)
    item = QTextBlockFormat()
    item.setBottomMargin(6)
    if not shown:
        cursor.insertBlock(item, plain)
        cursor.insertText(translate("Printing", "No annotations yet."), plain)
    numbered = QTextListFormat()
    numbered.setStyle(QTextListFormat.Style.ListDecimal)
    notes_list: QTextList | None = None
    for annotation in shown:
        cursor.insertBlock(item, plain)
        if notes_list is None:
            notes_list = cursor.createList(numbered)
        else:
            notes_list.add(cursor.block())
        tag = tagset.get(annotation.tag)
        style = styles.get(annotation.tag)
        cursor.insertText(
            f"\u00a0{shown_tag(tag).label if tag else annotation.tag}\u00a0",
            _sample_format(style) if style else plain,
        )
        cursor.insertText(f"  “{short_quote(annotation.exact, 160)}”", plain)
        if annotation.note:
            cursor.insertText(" — " + " ".join(annotation.note.split()), plain)
    if lost:
        cursor.insertBlock(item, plain)
        if lost == 1:
            text = translate(
                "Printing", "1 annotation no longer matches the text and is not shown."
            )
        else:
            text = translate(
                "Printing", "{count} annotations no longer match the text and are not shown."
            ).format(count=lost)
        cursor.insertText(text, plain)


def build_print_document(
    article: Article, annotations: list[Annotation], tagset: TagSet, author: str = ""
) -> QTextDocument:
    """The annotated article as a QTextDocument: legend, highlights, numbers and notes."""
    document = QTextDocument()
    font = QFont()
    font.setFamilies(SERIF)
    font.setPointSizeF(PRINT_POINT_SIZE)
    document.setDefaultFont(font)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, article.title)
    render_article(document, article, QFontInfo(font).pixelSize())
    offsets = OffsetMap.for_article(article)
    styles = tag_styles(tagset)
    shown = _shown(annotations)
    _apply_highlights(document, offsets, shown, styles)
    _insert_note_numbers(document, offsets, shown)
    counts: dict[str, int] = defaultdict(int)
    for annotation in shown:
        counts[annotation.tag] += 1
    # The legend goes under the title (the first block when the article starts with one).
    cursor = QTextCursor(document)
    starts_with_title = bool(article.blocks) and article.blocks[0].kind == "heading"
    legend = QTextBlockFormat()
    legend.setBottomMargin(14)
    if starts_with_title:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertBlock(legend, QTextCharFormat())
    else:
        # The block after a split keeps the given format: the article's first block.
        cursor.insertBlock(cursor.blockFormat(), cursor.blockCharFormat())
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.setBlockFormat(legend)
    if author:
        byline = QTextCharFormat()
        byline.setForeground(MUTED_COLOR)
        cursor.insertText(translate("Printing", "Annotated by {name}").format(name=author), byline)
        cursor.insertBlock(legend, QTextCharFormat())
    _insert_legend(cursor, tagset, styles, counts)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    lost = sum(1 for a in annotations if a.status == "orphan")
    _insert_notes(cursor, shown, tagset, styles, lost)
    return document


def _pdf_printer(path: Path, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Slant")
    # QTextDocument.print_ adds its own 2 cm margin and the page numbers.
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    return printer


def export_pdf(
    article: Article,
    annotations: list[Annotation],
    tagset: TagSet,
    path: Path,
    author: str = "",
) -> None:
    """Write the annotated article to *path* as a PDF.

    Raises ExportError naming the file when it cannot be written.
    """
    path = Path(path)
    try:
        # Qt reports an unwritable file only as a warning; try it first to say why.
        with path.open("wb"):
            pass
    except OSError as exc:
        raise ExportError(
            translate("Printing", "{path}: cannot write the PDF ({reason})").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    document = build_print_document(article, annotations, tagset, author)
    document.print_(_pdf_printer(path, article.title or path.stem))
    if path.stat().st_size == 0:
        raise ExportError(
            translate("Printing", "{path}: the PDF could not be written").format(path=path)
        )


class PrintDialog:
    """Asks which printer and pages to use."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        """Show the print dialog for *printer*; True when the user chose Print."""
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(translate("Printing", "Print the Annotated Article"))
        try:
            return dialog.exec() == QPrintDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


class PdfFileDialog:
    """Picks where to save a PDF."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Return the chosen file (ending in .pdf), or None when cancelled."""
        name, _ = QFileDialog.getSaveFileName(
            parent,
            translate("Printing", "Export as PDF"),
            str(suggested),
            translate("Printing", "PDF files (*.pdf)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def suggested_pdf_path(article: Article) -> Path:
    """story.md -> story.annotated.pdf beside the article (home folder when it has none)."""
    if article.path is None:
        return Path.home() / "article.annotated.pdf"
    return article.path.with_name(f"{article.path.stem}.annotated.pdf")


def print_article(window: MainWindow) -> None:
    """File > Print…: print the open article with its annotations."""
    document = window.document
    if document.article is None:
        window.statusBar().showMessage(
            translate("Printing", "Open an article first, then print it."), STATUS_MS
        )
        return
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.article.title or "Slant")
    if not PrintDialog.ask(window, printer):
        return
    author = window.settings.author_name
    build_print_document(document.article, document.annotations(), document.tagset, author).print_(
        printer
    )
    if printer.printerState() == QPrinter.PrinterState.Error:
        ProblemMessage.ask(
            window,
            translate("Printing", "Printing failed"),
            translate("Printing", "The printer reported an error."),
        )


def export_article_pdf(window: MainWindow) -> Path | None:
    """File > Export as PDF…: ask for a file and write the annotated article; return it."""
    document = window.document
    if document.article is None:
        window.statusBar().showMessage(
            translate("Printing", "Open an article first, then export it."), STATUS_MS
        )
        return None
    path = PdfFileDialog.ask(window, suggested_pdf_path(document.article))
    if path is None:
        return None
    try:
        export_pdf(
            document.article,
            document.annotations(),
            document.tagset,
            path,
            window.settings.author_name,
        )
    except ExportError as exc:
        ProblemMessage.ask(
            window, translate("Printing", "Slant could not export the PDF"), str(exc)
        )
        return None
    window.statusBar().showMessage(
        translate("Printing", "Saved the annotated article as {path}.").format(path=path),
        STATUS_MS,
    )
    return path
