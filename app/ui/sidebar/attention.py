"""Needs attention: annotations whose words changed or were lost when the article changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.annotations import ATTENTION_STATUSES, Annotation
from app.ui.editing.commands import short_quote
from app.ui.editing.document import AnnotationDocument
from app.ui.i18n import translate
from app.ui.plain_text import escape, isolate, tooltip
from app.ui.sidebar.flow_row import FlowRow
from app.ui.sidebar.focus_scroll import FocusScrollArea
from app.ui.theme import use_look

if TYPE_CHECKING:
    from app.ui.article.article_view import ArticleView
    from app.ui.messages import MessageBar
    from app.ui.sidebar.sidebar import Sidebar

QUOTE_CHARS = 90
MAX_LIST_HEIGHT = 300  # about three items
UNKNOWN_TAG_COLOR = "#8A8A8A"


def attention_reason(annotation: Annotation) -> str:
    """Why the annotation needs a look, in a sentence for the student."""
    quote = short_quote(annotation.exact, QUOTE_CHARS)
    if annotation.status == "orphan":
        return translate(
            "AttentionItem", "The words were not found in the article any more: “{quote}”."
        ).format(quote=quote)
    return translate("AttentionItem", "The words changed: now “{quote}”.").format(quote=quote)


def _height_for_width(widget: QWidget, width: int) -> int:
    """The height *widget* needs at *width*, its size hint's when that does not vary."""
    height = widget.heightForWidth(width)
    return height if height >= 0 else widget.sizeHint().height()


class AttentionItem(QFrame):
    """One annotation that needs a look: its tag, the reason and the buttons for it."""

    def __init__(
        self, annotation: Annotation, tag_label: str, color: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.annotation_id = annotation.id
        self.setObjectName("attentionItem")
        # Only this frame: the buttons inside keep the theme's own look.
        self.setStyleSheet(
            "#attentionItem { background: palette(base); border: 1px solid palette(mid);"
            f" border-left: 5px solid {color}; border-radius: 6px; }}"
        )
        orphan = annotation.status == "orphan"
        quote = short_quote(annotation.exact)
        if orphan:
            what = translate("AttentionItem", "words not found")
        else:
            what = translate("AttentionItem", "words changed")
        title = QLabel(f"<b>{escape(isolate(tag_label))}</b> · {escape(what)}")
        reason = QLabel(attention_reason(annotation))
        reason.setWordWrap(True)
        reason.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(f"{tag_label}: {reason.text()}")
        self.buttons: dict[str, QPushButton] = {}
        # Wrapping, not clipping, when the sidebar is narrow or the words are long.
        row = FlowRow(spacing=6)
        if not orphan:
            self._button(
                row,
                "show",
                translate("AttentionItem", "Show"),
                translate("AttentionItem", "Show “{quote}” in the article").format(quote=quote),
            )
            self._button(
                row,
                "confirm",
                translate("AttentionItem", "Confirm"),
                translate("AttentionItem", "Keep “{quote}” at its new place").format(quote=quote),
            )
        self._button(
            row,
            "reattach",
            translate("AttentionItem", "Re-attach"),
            translate("AttentionItem", "Put “{quote}” on the selected words").format(quote=quote),
        )
        self._button(
            row,
            "delete",
            translate("AttentionItem", "Delete"),
            translate("AttentionItem", "Delete the annotation “{quote}”").format(quote=quote),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(4)
        layout.addWidget(title)
        layout.addWidget(reason)
        layout.addLayout(row)

    def _button(self, row: FlowRow, key: str, text: str, description: str) -> None:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setAccessibleName(description)
        button.setToolTip(tooltip(description))
        self.buttons[key] = button
        row.addWidget(button)


class AttentionPanel(QWidget):
    """The sidebar section listing fuzzy and orphaned annotations; hidden when empty.

    It shows the document; every edit goes through AttentionController.

    Signals:
        showRequested(str): show this annotation in the article.
        confirmRequested(str): keep this annotation where re-anchoring put it.
        reattachRequested(str): put this annotation on the article's selection.
        deleteRequested(str): delete this annotation.
        countChanged(int): how many annotations the panel lists now (0: it is hidden).
    """

    showRequested = Signal(str)
    confirmRequested = Signal(str)
    reattachRequested = Signal(str)
    deleteRequested = Signal(str)
    countChanged = Signal(int)

    def __init__(self, document: AnnotationDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attentionPanel")
        self.setAccessibleName(translate("AttentionPanel", "Needs attention"))
        self._document = document
        self._shown: list[tuple[str, str, str, str]] = []
        self.items: dict[str, AttentionItem] = {}
        self.heading = QLabel()
        use_look(self.heading, "sectionLabel")
        hint = QLabel(
            translate(
                "AttentionPanel",
                "The article changed since these were made. To re-attach one, select its "
                "words in the article, then press Re-attach.",
            )
        )
        use_look(hint, "hintLabel")
        hint.setWordWrap(True)
        self._list = QVBoxLayout()
        self._list.setContentsMargins(0, 0, 0, 0)
        self._list.setSpacing(6)
        self._content = QWidget()
        self._content.setLayout(self._list)
        self._scroll = FocusScrollArea(self._content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(hint)
        layout.addWidget(self._scroll)
        document.articleLoaded.connect(self.refresh)
        document.annotationAdded.connect(self._annotation_changed)
        document.annotationChanged.connect(self._annotation_changed)
        document.annotationRemoved.connect(self._annotation_removed)
        self.hide()
        self.refresh()

    def item_ids(self) -> list[str]:
        """The ids listed, in document order."""
        return list(self.items)

    def refresh(self, *_: object) -> None:
        """Rebuild the list when the annotations that need attention changed."""
        flagged = self._document.needs_attention()
        shown = [(a.id, a.status, a.exact, a.tag) for a in flagged]
        if shown == self._shown:
            return
        count_before = len(self._shown)
        self._shown = shown
        focused = self._focused_item()
        for item in self.items.values():
            item.hide()  # deleteLater waits for the event loop; hide it now
            item.deleteLater()
        self.items = {}
        for annotation in flagged:
            self._add_item(annotation)
        self.heading.setText(
            translate("AttentionPanel", "⚠ NEEDS ATTENTION · {count}").format(count=len(flagged))
        )
        self._fit_height()
        first_item = next(iter(self.items.values()), None)
        # F6 lands on the first item's first button.
        first_button = next(iter(first_item.buttons.values())) if first_item else None
        self.setFocusProxy(first_button)  # type: ignore[arg-type]  # None clears it; the stub omits None
        self.setVisible(bool(flagged))
        self._restore_focus(focused, [a.id for a in flagged])
        if len(flagged) != count_before:
            self.countChanged.emit(len(flagged))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the list again: its items wrap, so their height follows the width."""
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        # As tall as the items up to MAX_LIST_HEIGHT; in a small window the layout may
        # squeeze it to the first item, whole, so the annotation list below keeps some room.
        # Measured item by item at the list's width: the layout's own size hint leaves
        # out items that are not shown yet, and the labels and buttons wrap.
        width = self._scroll.maximumViewportSize().width()
        heights = self._item_heights(width)
        if sum(heights) > MAX_LIST_HEIGHT:
            # The list will scroll: its scroll bar takes a share of the width.
            bar = self._scroll.verticalScrollBar().sizeHint().width()
            heights = self._item_heights(width - bar)
        first = heights[0] if heights else 0
        content = sum(heights) + self._list.spacing() * max(0, len(heights) - 1)
        self._scroll.setMinimumHeight(first)
        self._scroll.setMaximumHeight(max(first, min(content, MAX_LIST_HEIGHT)))

    def _item_heights(self, width: int) -> list[int]:
        return [_height_for_width(item, width) for item in self.items.values()]

    def _annotation_changed(self, annotation: Annotation) -> None:
        # Most changes concern annotations that are fine: no need to look at all of them.
        if annotation.status in ATTENTION_STATUSES or annotation.id in self.items:
            self.refresh()

    def _annotation_removed(self, annotation: Annotation) -> None:
        if annotation.id in self.items:
            self.refresh()

    def _add_item(self, annotation: Annotation) -> None:
        tag = self._document.tag(annotation.tag)
        item = AttentionItem(
            annotation,
            self._document.tag_label(annotation.tag),
            tag.color if tag else UNKNOWN_TAG_COLOR,
        )
        intents: dict[str, Callable[[str], None]] = {
            "show": self.showRequested.emit,
            "confirm": self.confirmRequested.emit,
            "reattach": self.reattachRequested.emit,
            "delete": self.deleteRequested.emit,
        }
        for key, button in item.buttons.items():
            emit = intents[key]
            button.clicked.connect(lambda _=False, e=emit, i=annotation.id: e(i))
        self.items[annotation.id] = item
        self._list.addWidget(item)
        # Shown now, not when the event loop gets to it: until then the list would leave
        # it out of its size (in a panel already on screen).
        item.show()

    def _focused_item(self) -> str:
        focus = QApplication.focusWidget()
        for annotation_id, item in self.items.items():
            if focus is not None and item.isAncestorOf(focus):
                return annotation_id
        return ""

    def _restore_focus(self, previous: str, ids: list[str]) -> None:
        """Keep keyboard users in the list: focus the same or the next item's first button."""
        if not previous or not ids:
            return
        target = self.items.get(previous) or self.items[ids[0]]
        first = next(iter(target.buttons.values()))
        first.setFocus(Qt.FocusReason.OtherFocusReason)


class AttentionController(QObject):
    """Turns the panel's requests into document edits and tells the user what happened.

    It works through the parts' public methods: the article's selection, the sidebar's
    current annotation, *reveal* to show an annotation and *status* to say something.
    The sentences about changed annotations in the window's message *bar* follow the
    panel's count, and go when nothing needs attention any more.
    """

    def __init__(
        self,
        document: AnnotationDocument,
        view: ArticleView,
        sidebar: Sidebar,
        reveal: Callable[[str], None],
        status: Callable[[str], None],
        bar: MessageBar,
    ) -> None:
        super().__init__(sidebar)
        self._document, self._view, self._sidebar = document, view, sidebar
        self._status = status
        self._bar = bar
        self._bar_sentences = ""  # the document's anchoring notices as the bar shows them
        panel = sidebar.attention
        panel.showRequested.connect(reveal)
        panel.confirmRequested.connect(self.confirm)
        panel.reattachRequested.connect(self.reattach)
        panel.deleteRequested.connect(document.delete)
        panel.countChanged.connect(self._update_bar)
        # Connected after the window's opener, which shows the notices of an opened article.
        document.articleLoaded.connect(self._note_bar_sentences)

    def confirm(self, annotation_id: str) -> None:
        """Keep the annotation at the place re-anchoring found."""
        annotation = self._document.annotation(annotation_id)
        if annotation is not None and self._document.confirm_placement(annotation_id):
            self._status(
                translate("AttentionController", "“{quote}” stays where it is now.").format(
                    quote=short_quote(annotation.exact)
                )
            )

    def reattach(self, annotation_id: str) -> None:
        """Put the annotation on the article's selection (undoable)."""
        annotation = self._document.annotation(annotation_id)
        if annotation is None:
            return
        start, end = self._view.selected_span()
        quote = short_quote(annotation.exact)
        if start == end:
            self._status(
                translate(
                    "AttentionController",
                    "Select the words in the article that “{quote}” belongs to first.",
                ).format(quote=quote)
            )
            self._view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            placed = self._document.reattach(annotation_id, start, end)
        except ValueError as exc:
            self._status(
                translate("AttentionController", "Nothing was re-attached: {reason}.").format(
                    reason=exc
                )
            )
            return
        self._sidebar.select_annotation(placed.id)
        self._status(
            translate("AttentionController", "Re-attached to “{quote}”. Ctrl+Z undoes it.").format(
                quote=short_quote(placed.exact)
            )
        )

    def _note_bar_sentences(self) -> None:
        sentences = " ".join(self._document.anchoring_notices())
        shown = self._bar.kind == "notice" and sentences in self._bar.text()
        self._bar_sentences = sentences if shown else ""

    def _update_bar(self, remaining: int) -> None:
        # Only the anchoring sentences change: the rest of the notice (the article's own
        # warnings, where the annotations are kept) is still true.
        old = self._bar_sentences
        if not old or self._bar.kind != "notice" or old not in self._bar.text():
            return
        new = " ".join(self._document.anchoring_notices()) if remaining else ""
        text = self._bar.text().replace(old, new).replace("  ", " ").strip()
        self._bar_sentences = new
        if text:
            self._bar.show_notice(text)
        else:
            self._bar.clear("notice")
