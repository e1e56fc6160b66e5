"""The article view: renders the block model, maps selections to offsets, draws tag highlights."""

from __future__ import annotations

import html
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMargins, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QFontInfo,
    QFontMetricsF,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QApplication, QTextBrowser, QToolTip, QWidget

from app.core.annotations import Annotation
from app.core.article import Article
from app.core.tags import TagSet, default_tagset
from app.ui.article.colors import LINK_COLOR, PAGE_COLOR, TEXT_COLOR
from app.ui.article.highlights import HighlightLayer
from app.ui.article.offsets import OffsetMap
from app.ui.article.rendering import SERIF, render_article, respace, set_document_spacing, wrap_mode
from app.ui.i18n import shown_tag, translate

if TYPE_CHECKING:
    # Named in annotations only: PySide6 builds a Qt class (and its enum classes) the
    # first time Python names it, and start-up has no use for these.
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import (
        QDragEnterEvent,
        QDragMoveEvent,
        QDropEvent,
        QKeyEvent,
        QMouseEvent,
        QWheelEvent,
    )

BASE_POINT_SIZE = 12.0
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10
COLUMN_CHARACTERS = 70  # a comfortable line length for reading
FLASH_MS = 600
TOOLTIP_NOTE_CHARS = 80
WHEEL_NOTCH = 120  # angleDelta of one wheel click


def dropped_files(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files a drag carries (none for text or remote URLs)."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    return [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]


class ArticleView(QTextBrowser):
    """Read-only view of an Article with tag highlights.

    Offsets in and out are code points of the article's canonical text.
    ``set_article`` clears the highlights; call ``set_annotations`` after it.

    Signals:
        selectionSpanChanged(int, int): code-point span of the current selection
            (start == end when empty).
        annotationClicked(str): id of the topmost annotation under a click (no drag).
        annotationDoubleClicked(str): id of the topmost annotation under a double-click.
        returnPressed(int): Enter with nothing selected, at this code-point caret offset.
        linkHovered(str): URL under the mouse ("" when none), for the status bar.
        zoomChanged(int): the zoom level in percent changed (also by Ctrl+wheel).
        columnMoved(): the text column's margins changed (the view was resized or zoomed).
        filesDropped(list): local files (Paths) were dropped on the article.
        painted(): the article has just been painted.
    """

    selectionSpanChanged = Signal(int, int)
    annotationClicked = Signal(str)
    annotationDoubleClicked = Signal(str)
    returnPressed = Signal(int)
    linkHovered = Signal(str)
    zoomChanged = Signal(int)
    columnMoved = Signal()
    filesDropped = Signal(list)
    painted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setAccessibleName(translate("ArticleView", "Article"))
        self.setAccessibleDescription(
            translate(
                "ArticleView", "Select words with Shift and the arrow keys, then press a tag's key"
            )
        )
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            # Without it Qt neither reports hovered links nor clicks on them.
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.document().setUndoRedoEnabled(False)
        self._apply_reading_palette()
        self._article: Article | None = None
        self._map: OffsetMap | None = None
        self._tagset = default_tagset()
        self._layer = HighlightLayer(self.document())
        self._layer.set_tagset(self._tagset)
        self._zoom = 100
        self._families, self._base_point_size = list(SERIF), BASE_POINT_SIZE
        self._press_point: QPointF | None = None
        self._last_span: tuple[int, int] | None = None
        self._top_block_hint = 0
        self._wheel_zoom = 0  # Ctrl+wheel angle not yet turned into a zoom step
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self._apply_zoom()
        self.selectionChanged.connect(self._emit_span)
        self.cursorPositionChanged.connect(self._emit_span)
        self.highlighted.connect(self._emit_link_hovered)
        self.verticalScrollBar().valueChanged.connect(self._refresh_visible)

    # -- article and highlights -------------------------------------------------------

    def set_article(self, article: Article) -> None:
        """Show *article*; this clears highlights, selection and scroll position."""
        self._flash_timer.stop()
        self._layer.set_map(None)
        self._map = None  # building the document moves the cursor: report nothing meanwhile
        self._article = article
        self.setWordWrapMode(wrap_mode(article))
        render_article(self.document(), article, self._em())
        self._map = OffsetMap.for_article(article)
        self._layer.set_map(self._map)
        self._top_block_hint = 0
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)
        self._emit_span()

    def article(self) -> Article | None:
        """Return the article shown, or None."""
        return self._article

    def set_tagset(self, tagset: TagSet) -> None:
        """Draw tags with the colours, underlines and labels of *tagset*."""
        self._tagset = tagset
        self._layer.set_tagset(tagset)
        self._refresh_visible()

    def set_annotations(self, annotations: Iterable[Annotation]) -> None:
        """Replace all highlights (orphaned annotations are not drawn)."""
        self._layer.set_annotations(annotations)
        self._refresh_visible()

    def add_annotation(self, a: Annotation) -> None:
        """Highlight *a*, whose id is not highlighted yet."""
        self._layer.add(a)
        self._refresh_visible()

    def remove_annotation(self, a: Annotation) -> None:
        """Remove the highlight of *a* as it was given; one not highlighted is ignored."""
        self._layer.remove(a)
        self._refresh_visible()

    def update_annotation(self, a: Annotation, old: Annotation) -> None:
        """Redraw *a*, which replaced *old* (the same id with another tag or span)."""
        self._layer.remove(old)
        self._layer.add(a)
        self._refresh_visible()

    def set_visible_tags(self, tag_ids: AbstractSet[str] | None) -> None:
        """Draw only the annotations with these tags; None draws all."""
        self._layer.set_visible_tags(None if tag_ids is None else set(tag_ids))
        self._refresh_visible()

    def annotation_ids_at(self, offset: int) -> list[str]:
        """Return the ids of drawn annotations covering code point *offset*, topmost first."""
        return [a.id for a in self._layer.annotations_at(offset)]

    # -- selection and scrolling --------------------------------------------------------

    def selected_span(self) -> tuple[int, int]:
        """Return the selection as a code-point span; (s, s) at the caret when empty."""
        if self._map is None:
            return (0, 0)
        cursor = self.textCursor()
        return self._map.to_span(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select the code-point span [start, end)."""
        if self._map is None:
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_position(start))
        cursor.setPosition(self._map.to_position(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def scroll_to_span(self, start: int, end: int) -> None:
        """Scroll so that the span is visible, placing it a third down when it is not."""
        if self._map is None:
            return
        top = self.cursorRect(self._cursor_at(start)).top()
        bottom = self.cursorRect(self._cursor_at(end)).bottom()
        height = self._visible_height()
        if top < 0 or bottom > height:
            bar = self.verticalScrollBar()
            wanted = bar.value() + top - height // 3
            if wanted > bar.maximum():
                # Finding the span laid the article out that far, but while Qt lays out
                # a long article in steps it does not always pass the new height on to
                # the scroll bar at once: a jump just after opening would stop short.
                laid_out = int(self.document().size().height()) - height
                bar.setMaximum(max(bar.maximum(), min(wanted, laid_out)))
            bar.setValue(wanted)

    def flash_span(self, start: int, end: int) -> None:
        """Emphasise the span strongly for a moment (FLASH_MS), e.g. after a jump."""
        self._layer.set_flash((start, end))
        self._refresh_visible()
        self._flash_timer.start()

    # -- zoom ------------------------------------------------------------------------

    def set_zoom(self, percent: int) -> None:
        """Show the text at *percent* of its normal size, kept within 50% to 300%."""
        percent = min(max(percent, ZOOM_MIN), ZOOM_MAX)
        if percent != self._zoom:
            self._zoom = percent
            self._apply_zoom()
            self.zoomChanged.emit(percent)

    def zoom_in(self) -> None:
        """Make the text larger by one step (up to 300%)."""
        self.set_zoom(self._zoom + ZOOM_STEP)

    def zoom_out(self) -> None:
        """Make the text smaller by one step (down to 50%)."""
        self.set_zoom(self._zoom - ZOOM_STEP)

    def reset_zoom(self) -> None:
        """Show the text at its normal size."""
        self.set_zoom(100)

    def zoom_percent(self) -> int:
        """Return the zoom level in percent."""
        return self._zoom

    def set_reading_font(self, families: list[str], point_size: float) -> None:
        """Show the text in the first of *families* found, *point_size* at 100% zoom."""
        self._families, self._base_point_size = list(families), point_size
        self._apply_zoom()

    # -- Qt events -------------------------------------------------------------------

    # Specific handlers rather than event(): PySide6 wraps whatever a Python event() is
    # given by trying every QEvent class in turn, which builds ~50 Qt types (~2 ms) the
    # first time.

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the text column centred."""
        # The view's width, not the event's: a scroll area is also told of its viewport's
        # resizes, which the margins set here cause.
        self._update_column(self.width())
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:
        """Bring the highlights of the blocks about to be painted up to date first; draw
        the tags' underlines over the text."""
        self._refresh_visible(painting=True)
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        painter.translate(-scroll)
        self._layer.paint_underlines(painter, QRectF(event.rect()).translated(scroll))
        painter.end()
        self.painted.emit()

    # The read-only text ignores drops; a dropped file is offered to whoever opens files.
    # Handled here rather than by an event filter on viewport(): the first viewport()
    # call makes PySide6 build the types of QWidget's subclasses, 4-6 ms of start-up.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged local file; anything else goes to the text as usual."""
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting a dragged local file while it moves over the article."""
        if dropped_files(event):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Report dropped local files with filesDropped."""
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.filesDropped.emit(files)
        else:
            super().dropEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        """Ctrl+wheel zooms in ZOOM_STEP steps (Qt's own wheel zoom would bypass them)."""
        if not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(event)
            return
        event.accept()
        self._wheel_zoom += event.angleDelta().y()
        while abs(self._wheel_zoom) >= WHEEL_NOTCH:
            step = 1 if self._wheel_zoom > 0 else -1
            self._wheel_zoom -= step * WHEEL_NOTCH
            self.set_zoom(self._zoom + step * ZOOM_STEP)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Remember where a possible click started."""
        self._press_point = event.position()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        """Make the tooltip name the annotations under the mouse; Qt shows it when it rests."""
        super().mouseMoveEvent(event)
        offset = self._offset_at(event.position())
        shown = self._layer.annotations_at(offset) if offset is not None else []
        text = self._tooltip_text(shown) if shown else ""
        # The viewport's tooltip, not the view's: the scroll bars would show the view's.
        viewport = self.viewport()
        if text != viewport.toolTip():
            viewport.setToolTip(text)
            if not text:
                QToolTip.hideText()  # off the highlights: the last tag and note go too

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """Report a click (not a drag) on a highlight as annotationClicked."""
        super().mouseReleaseEvent(event)
        press, self._press_point = self._press_point, None
        if press is None or event.button() != Qt.MouseButton.LeftButton:
            return
        # The read-only text control leaves releases off links unaccepted; the view did
        # handle them (caret, selection, clicks), so they must not reach the parent.
        event.accept()
        moved = (event.position() - press).manhattanLength()
        if moved >= QApplication.startDragDistance():
            return
        offset = self._offset_at(event.position())
        ids = self.annotation_ids_at(offset) if offset is not None else []
        if ids:
            self.annotationClicked.emit(ids[0])

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double-click on a highlight is annotationDoubleClicked; elsewhere it selects a word."""
        offset = self._offset_at(event.position())
        ids = self.annotation_ids_at(offset) if offset is not None else []
        if event.button() != Qt.MouseButton.LeftButton or not ids:
            super().mouseDoubleClickEvent(event)
            return
        # No word selection: the note editor opens, and a tag key afterwards must not
        # tag the word that happened to be under the mouse.
        event.accept()
        self.annotationDoubleClicked.emit(ids[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter with nothing selected is returnPressed; with a selection (a link) Qt's own."""
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if enter and plain and not self.textCursor().hasSelection() and self._map is not None:
            event.accept()
            self.returnPressed.emit(self.selected_span()[0])
            return
        super().keyPressEvent(event)

    # -- internals -------------------------------------------------------------------

    def _apply_reading_palette(self) -> None:
        # A paper-like page in every theme: highlight colours are checked against it.
        palette = self.palette()
        for role, color in (
            (QPalette.ColorRole.Base, PAGE_COLOR),
            (QPalette.ColorRole.Window, PAGE_COLOR),
            (QPalette.ColorRole.Text, TEXT_COLOR),
            (QPalette.ColorRole.Link, LINK_COLOR),
        ):
            palette.setColor(role, color)
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def _em(self) -> int:
        return QFontInfo(self.font()).pixelSize()

    def _zoom_font(self) -> QFont:
        font = QFont(self.font())
        font.setFamilies(self._families)
        font.setPointSizeF(self._base_point_size * self._zoom / 100)
        return font

    def _apply_zoom(self) -> None:
        self.setFont(self._zoom_font())
        if self._article is not None:
            respace(self.document(), self._article, self._em())
        else:
            set_document_spacing(self.document(), self._em())
        self._update_column(self.width())

    def _update_column(self, width: int) -> None:
        # The viewport margins centre a column of about COLUMN_CHARACTERS characters.
        column = QFontMetricsF(self.font()).averageCharWidth() * COLUMN_CHARACTERS
        column += 2 * self.document().documentMargin()
        bar = self.verticalScrollBar()
        available = width - 2 * self.frameWidth()
        if bar.isVisible():
            available -= bar.width()
        side = max(0, int(available - column) // 2)
        if self.viewportMargins() != QMargins(side, 0, side, 0):
            self.setViewportMargins(side, 0, side, 0)
            self.columnMoved.emit()

    def _visible_height(self) -> int:
        # The viewport's height without asking for viewport() (see dragEnterEvent): the
        # text wraps, so no horizontal scroll bar ever takes a share of it.
        return self.maximumViewportSize().height()

    def _refresh_visible(self, *_: object, painting: bool = False) -> None:
        # *_ takes the value the scroll bar's valueChanged passes; only the position read
        # below counts.
        # Hidden, nothing is laid out yet, so every block would count as visible;
        # the first paintEvent refreshes the blocks actually shown.
        if self._map is None or not self._map.block_count or not self.isVisible():
            return
        height = self._visible_height()
        top = self.verticalScrollBar().value()
        # Half a page of slack either way keeps small scrolls free of work.
        first = self._block_number_at(top - height / 2, self._top_block_hint)
        last = self._block_number_at(top + height * 1.5, first)
        self._top_block_hint = first
        self._layer.refresh(first, last, painting=painting)

    def _block_number_at(self, y: float, hint: int) -> int:
        """Return the last block whose top is at or above document *y*.

        Gallops from *hint* (the last answer): QTextDocumentLayout.hitTest walks the
        blocks one by one, and a plain bisection would force Qt's lazy layout of half
        the document right after set_article.
        """
        document = self.document()
        layout = document.documentLayout()

        def above(number: int) -> bool:
            return layout.blockBoundingRect(document.findBlockByNumber(number)).top() <= y

        count = document.blockCount()
        step = 1
        if above(hint := min(max(hint, 0), count - 1)):
            low = hint
            while low + step < count and above(low + step):
                low += step
                step *= 2
            high = min(low + step, count)
        else:
            high = hint
            while high - step > 0 and not above(high - step):
                high -= step
                step *= 2
            low = max(high - step, 0)
        while high - low > 1:
            middle = (low + high) // 2
            if above(middle):
                low = middle
            else:
                high = middle
        return low

    def _cursor_at(self, offset: int) -> QTextCursor:
        assert self._map is not None
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_position(offset))
        return cursor

    def _offset_at(self, point: QPointF | QPoint) -> int | None:
        """Return the code point under viewport *point*, or None off the text."""
        if self._map is None:
            return None
        document = self.document()
        scroll = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        target = QPointF(point) + scroll
        layout = document.documentLayout()
        position = layout.hitTest(target, Qt.HitTestAccuracy.ExactHit)
        if position < 0:
            return None
        block = document.findBlock(position)
        local = target - layout.blockBoundingRect(block).topLeft()
        line = block.layout().lineForTextPosition(position - block.position())
        if not line.isValid():
            return None
        character = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
        if character >= line.textStart() + line.textLength():
            return None
        return self._map.to_offset(block.position() + character)

    def _tooltip_text(self, annotations: list[Annotation]) -> str:
        lines = []
        for annotation in annotations:
            tag = self._tagset.get(annotation.tag)
            line = f"<b>{html.escape(shown_tag(tag).label if tag else annotation.tag)}</b>"
            note = " ".join(annotation.note.split())
            if note:
                if len(note) > TOOLTIP_NOTE_CHARS:
                    note = note[: TOOLTIP_NOTE_CHARS - 1].rstrip() + "…"
                line += f" — {html.escape(note)}"
            lines.append(line)
        return "<br>".join(lines)

    def _emit_span(self) -> None:
        span = self.selected_span()
        if span != self._last_span:
            self._last_span = span
            self.selectionSpanChanged.emit(*span)

    def _emit_link_hovered(self, url: QUrl) -> None:
        self.linkHovered.emit(url.toString())

    def _end_flash(self) -> None:
        self._layer.set_flash(None)
        self._refresh_visible()
