"""Print and PDF export of an annotated article: highlights, a tag legend and numbered notes."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPainter,
    QPalette,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
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
    Underline,
    line_color_on,
    tag_style,
    tag_styles,
)
from app.ui.article.highlights import layer_key
from app.ui.article.offsets import OffsetMap
from app.ui.article.rendering import SERIF, render_article
from app.ui.article.underlines import draw_layout_underlines, stack_underlines
from app.ui.editing.commands import short_quote
from app.ui.i18n import shown_tag, translate
from app.ui.messages import ProblemMessage

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

PRINT_POINT_SIZE = 11.0
NOTE_NUMBER_COLOR = QColor("#3A3F4B")
MUTED_COLOR = QColor("#555B66")
STATUS_MS = 6000
PAGE_MARGIN_CM = 2.0  # around the text, as QTextDocument.print_ leaves
# A character's tag underlines, [[level, underline style, colour name], ...]: a character
# format holds one Qt underline only, so print_document draws these itself.
LINES_PROPERTY = QTextFormat.Property.UserProperty + 1


def _shown(annotations: list[Annotation]) -> list[Annotation]:
    """The annotations that are drawn: anchored, with a non-empty span."""
    return [a for a in in_document_order(annotations) if a.status != "orphan" and a.end > a.start]


def _sample_format(style: TagStyle, line_color: QColor) -> QTextCharFormat:
    """One tag's look: its background and, drawn by print_document, its underline."""
    fmt = QTextCharFormat()
    fmt.setBackground(style.background)
    fmt.setProperty(LINES_PROPERTY, [[0, style.underline.value, line_color.name()]])
    fmt.setForeground(TEXT_COLOR)
    return fmt


def _line_colors(styles: dict[str, TagStyle]) -> dict[str, QColor]:
    """Each tag's underline colour, standing out on every tag's background (as on screen)."""
    backgrounds = [style.background for style in styles.values()]
    return {tag: line_color_on(style.underline_color, backgrounds) for tag, style in styles.items()}


def printed_underlines(fmt: QTextCharFormat) -> list[tuple[int, Underline, QColor]]:
    """The tag underlines print_document draws under text of *fmt*: (level, style, colour),
    level 0 nearest the text."""
    lines = fmt.property(LINES_PROPERTY) if fmt.hasProperty(LINES_PROPERTY) else None
    return [(level, Underline(style), QColor(color)) for level, style, color in lines or ()]


def _apply_highlights(
    document: QTextDocument, offsets: OffsetMap, shown: list[Annotation], styles: dict
) -> None:
    """Give every stretch of text its topmost tag's background and every tag's underline,
    stacked as on screen (one stacking per block, as the view does)."""
    in_block: dict[int, list[tuple[int, int, Annotation]]] = defaultdict(list)
    for annotation in shown:
        for index in offsets.blocks_between(annotation.start, annotation.end):
            first, last = offsets.block_span(index)
            left, right = max(annotation.start, first), min(annotation.end, last)
            if left < right:
                in_block[index].append((left, right, annotation))
    unknown = tag_style(UNKNOWN_TAG_COLOR, 0)
    colors = _line_colors(styles)
    cursor = QTextCursor(document)
    for spans in in_block.values():
        for left, right, top, lines in _stretches(spans):
            fmt = QTextCharFormat()
            fmt.setBackground(styles.get(top, unknown).background)
            fmt.setProperty(
                LINES_PROPERTY,
                [
                    [
                        level,
                        styles.get(tag, unknown).underline.value,
                        colors.get(tag, unknown.underline_color).name(),
                    ]
                    for level, tag in lines
                ],
            )
            cursor.setPosition(offsets.to_position(left))
            cursor.setPosition(offsets.to_position(right), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)


def _stretches(
    spans: list[tuple[int, int, Annotation]],
) -> Iterator[tuple[int, int, str, list[tuple[int, str]]]]:
    """Split one block's (start, end, annotation) spans into stretches that look alike:
    (start, end, topmost tag, its underlines as (level, tag))."""
    starts: dict[int, list[Annotation]] = defaultdict(list)
    ends: dict[int, list[Annotation]] = defaultdict(list)
    for left, right, annotation in spans:
        starts[left].append(annotation)
        ends[right].append(annotation)
    line_starts: dict[int, list[tuple[int, str]]] = defaultdict(list)
    line_ends: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for left, right, level, tag in stack_underlines((a, b, n.tag) for a, b, n in spans):
        line_starts[left].append((level, tag))
        line_ends[right].append((level, tag))
    active: list[tuple[tuple[int, int, str], str]] = []
    lines: set[tuple[int, str]] = set()
    # One sweep over the span boundaries, keeping the covering annotations in layer order.
    for left, right in pairwise(sorted({*starts, *ends})):
        for annotation in ends.get(left, ()):
            active.remove((layer_key(annotation), annotation.tag))
        for annotation in starts.get(left, ()):
            bisect.insort(active, (layer_key(annotation), annotation.tag))
        lines.difference_update(line_ends.get(left, ()))
        lines.update(line_starts.get(left, ()))
        if active:
            yield left, right, active[-1][1], sorted(lines)


def note_places(shown: list[Annotation]) -> dict[int, list[int]]:
    """Where the notes' numbers go (code-point offset: numbers, 1 for shown[0]).

    Each number follows the end of the run of overlapping highlights its span ends in,
    so that no highlight is split by a number; spans that only touch are separate runs.
    """
    places: dict[int, list[int]] = {}
    run: list[int] = []
    run_end = 0
    for number, annotation in sorted(enumerate(shown, start=1), key=lambda n: n[1].start):
        if run and annotation.start >= run_end:
            places[run_end] = run
            run = []
        if not run:
            run_end = annotation.end
        run.append(number)
        run_end = max(run_end, annotation.end)
    if run:
        places[run_end] = run
    return {offset: sorted(numbers) for offset, numbers in places.items()}


def _insert_note_numbers(
    document: QTextDocument, offsets: OffsetMap, shown: list[Annotation]
) -> None:
    """Put each annotation's number, superscript, after its run of highlights."""
    fmt = QTextCharFormat()
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
    fmt.setFontWeight(QFont.Weight.Bold)
    fmt.setForeground(NOTE_NUMBER_COLOR)
    cursor = QTextCursor(document)
    # From the end backwards, so that earlier positions stay where they were.
    for offset, numbers in sorted(note_places(shown).items(), reverse=True):
        cursor.setPosition(offsets.to_position(offset))
        cursor.insertText(",".join(str(n) for n in numbers), fmt)


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
    colors = _line_colors(styles)
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
        sample.insertText(
            f"\u00a0{tag.label}\u00a0", _sample_format(styles[tag.id], colors[tag.id])
        )
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
    colors = _line_colors(styles)
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
            _sample_format(style, colors[annotation.tag]) if style else plain,
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


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Print *document* as QTextDocument.print_ does, and draw every tag's underline.

    print_ draws one underline per character; this lays the pages out the same way
    (2 cm margins, the page number at the bottom right, the printer's page ranges) and
    draws each page's stacked tag underlines over its text.
    """
    if printer.pageLayout().margins(QPageLayout.Unit.Millimeter).isNull():
        printer.setPageMargins(QMarginsF(2, 2, 2, 2), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(printer):
        return  # the printer state says why; callers check it
    try:
        pages = document.clone()
        layout = pages.documentLayout()
        layout.setPaintDevice(printer)
        screen = QGuiApplication.primaryScreen()
        dpi = round(screen.logicalDotsPerInchY()) if screen else 96
        # Frame margins are in screen pixels; the layout scales them to the printer.
        margin = int(PAGE_MARGIN_CM / 2.54 * dpi)
        frame = pages.rootFrame().frameFormat()
        frame.setMargin(margin)
        pages.rootFrame().setFrameFormat(frame)
        body = QRectF(0, 0, printer.width(), printer.height())
        pages.setPageSize(body.size())
        scale = printer.logicalDpiY() / dpi
        number_at = QPointF(
            body.width() - margin * scale,
            body.height()
            - margin * scale
            + QFontMetricsF(pages.defaultFont(), printer).ascent()
            + 5 * printer.logicalDpiY() / 72,
        )
        ranges = printer.pageRanges()
        first, last = ranges.firstPage(), ranges.lastPage()
        if ranges.isEmpty():
            first, last = 1, pages.pageCount()
        wanted = [
            page
            for page in range(max(1, first), min(pages.pageCount(), last) + 1)
            if ranges.isEmpty() or ranges.contains(page)
        ]
        for count, page in enumerate(wanted):
            if count and not printer.newPage():
                return
            _print_page(painter, pages, page, body, number_at)
    finally:
        painter.end()


def _print_page(
    painter: QPainter, document: QTextDocument, page: int, body: QRectF, number_at: QPointF
) -> None:
    """Draw page *page* (from 1) of *document*, its tag underlines and its number."""
    view = body.translated(0, (page - 1) * body.height())
    painter.save()
    painter.translate(0, -view.top())
    painter.setClipRect(view)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.clip = view
    palette = context.palette
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.black)
    context.palette = palette
    document.documentLayout().draw(painter, context)
    block = document.begin()
    while block.isValid():
        _draw_tag_lines(painter, document, block, view)
        block = block.next()
    painter.setClipping(False)
    painter.setPen(Qt.GlobalColor.black)  # not the last underline's colour
    painter.setFont(document.defaultFont())
    number = str(page)
    x = number_at.x() - painter.fontMetrics().horizontalAdvance(number)
    painter.drawText(QPointF(round(x), round(number_at.y() + view.top())), number)
    painter.restore()


def _draw_tag_lines(
    painter: QPainter, document: QTextDocument, block: QTextBlock, area: QRectF
) -> None:
    """Draw the tag underlines of *block* that meet *area*, as the article view does."""
    ranges = [
        (r.start, r.start + r.length, lines)
        for r in block.textFormats()
        if (lines := printed_underlines(r.format))
    ]
    if not ranges:
        return
    layout = block.layout()
    # Where the layout's origin lies in the document: a table cell's layout is placed
    # relative to its cell, and only the document layout knows where the cell is.
    # (blockBoundingRect's corner is that origin, the rect moved there whole).
    origin = document.documentLayout().blockBoundingRect(block).topLeft()
    if not layout.boundingRect().translated(origin).intersects(area):
        return
    draw_layout_underlines(painter, layout, origin, ranges)


def _pdf_printer(path: Path, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Slant")
    # print_document adds its own 2 cm margin and the page numbers.
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
    print_document(document, _pdf_printer(path, article.title or path.stem))
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
    print_document(
        build_print_document(document.article, document.annotations(), document.tagset, author),
        printer,
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
