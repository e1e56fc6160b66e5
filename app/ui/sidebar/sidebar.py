"""The sidebar: tag bar with counts, Needs attention, the filter by tag and the annotation list."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app.ui.actions import Actions, key_list, swatch_icon
from app.ui.editing.document import AnnotationDocument
from app.ui.i18n import shown_tag, translate
from app.ui.sidebar.annotation_model import AnnotationListModel, AnnotationRoles, TagFilterModel
from app.ui.sidebar.attention import AttentionPanel
from app.ui.sidebar.sidebar_widgets import AnnotationListView, TagButton
from app.ui.theme import use_look

EMPTY_TEXT = QT_TRANSLATE_NOOP(
    "Sidebar",
    "No annotations yet.\n\nSelect some words in the article, then press "
    "{keys} — or click a tag above.",
)
EMPTY_FILTERED_TEXT = QT_TRANSLATE_NOOP("Sidebar", "No annotations with this tag yet.")
MIN_TARGET_PX = 24
READ_ONLY_OPACITY = 0.4


def _section_label(text: str) -> QLabel:
    label = QLabel(text.upper())
    use_look(label, "sectionLabel")
    return label


class Sidebar(QWidget):
    """Tag buttons (one per tag, with key and count), a tag filter and the annotation list.

    It shows the document; every edit goes through the window's actions.

    Signals:
        annotationActivated(str): the user made this annotation current (show it).
        currentAnnotationChanged(str): the current annotation's id ("" for none).
        noteEditRequested(str): the user double-clicked this annotation.
        filterChanged(object): the visible tag ids (a frozenset), or None for all tags.
    """

    annotationActivated = Signal(str)
    currentAnnotationChanged = Signal(str)
    noteEditRequested = Signal(str)
    filterChanged = Signal(object)

    def __init__(
        self, document: AnnotationDocument, actions: Actions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self._document = document
        self._actions = actions
        self._quiet = 0
        self._editable = True
        self._answer_key = False
        self.tag_buttons: dict[str, TagButton] = {}
        self.model = AnnotationListModel(document, self)
        self.filter_model = TagFilterModel(self)
        self.filter_model.setSourceModel(self.model)
        self._build()
        self._connect()
        self._rebuild_tags()

    # -- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self._tag_area = QVBoxLayout()
        self._tag_area.setSpacing(6)
        hint = QLabel(
            translate(
                "Sidebar", "Select words in the article, then press a number key or click a tag."
            )
        )
        use_look(hint, "hintLabel")
        hint.setWordWrap(True)
        self.filter_combo = QComboBox()
        self.filter_combo.setAccessibleName(translate("Sidebar", "Show annotations with tag"))
        # Sized for about 14 characters, not the longest label: large fonts stay in the sidebar.
        self.filter_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter_combo.setMinimumContentsLength(14)
        # At least the 24 px a pointer target needs (WCAG 2.5.8); set here rather than
        # by a style-sheet rule, which draws every QComboBox the slow way (~4 ms a start).
        self.filter_combo.setMinimumHeight(MIN_TARGET_PX)
        self.total_label = QLabel()
        use_look(self.total_label, "sectionLabel")
        show_label = QLabel(translate("Sidebar", "&Show:"))
        show_label.setBuddy(self.filter_combo)
        show_row = QHBoxLayout()
        show_row.addWidget(show_label)
        # Stretched over the row's whole width, so a long label keeps its count:
        # "Unsourced claim (" with the number cut off said nothing.
        show_row.addWidget(self.filter_combo, 1)
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.total_label)
        heading.addLayout(show_row)
        self.list_view = AnnotationListView()
        self.list_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        top = QVBoxLayout()
        top.setContentsMargins(14, 14, 14, 8)
        top.setSpacing(8)
        top.addWidget(_section_label(translate("Sidebar", "Tag the selection")))
        top.addLayout(self._tag_area)
        top.addWidget(hint)
        self.attention = AttentionPanel(self._document, self)
        top.addWidget(self.attention)
        top.addSpacing(6)
        top.addLayout(heading)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.list_view, 1)

    def _connect(self) -> None:
        # Rows leaving (undo, delete, filtering) move the current item; that is not the
        # user choosing an annotation, so it must not scroll the article.
        proxy = self.filter_model
        for about_to in (
            proxy.rowsAboutToBeRemoved,
            proxy.modelAboutToBeReset,
            proxy.layoutAboutToBeChanged,
        ):
            about_to.connect(self._begin_quiet)
        for done in (proxy.rowsRemoved, proxy.modelReset, proxy.layoutChanged):
            done.connect(self._end_quiet)
        self.list_view.setModel(proxy)
        self.list_view.selectionModel().currentChanged.connect(self._on_current_changed)
        self.list_view.doubleClicked.connect(self._on_double_clicked)
        self.list_view.customContextMenuRequested.connect(self._show_context_menu)
        self.filter_combo.currentIndexChanged.connect(self._on_filter_chosen)
        for signal in (
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
            self.model.dataChanged,
        ):
            signal.connect(self._update_counts)
        self._actions.tagsChanged.connect(self._rebuild_tags)

    def _rebuild_tags(self) -> None:
        while self._tag_area.count():
            item = self._tag_area.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; hide it now
                widget.deleteLater()
        self.tag_buttons = {}
        for tag in self._document.tagset.tags:
            button = TagButton(shown_tag(tag))
            action = self._actions.tag_actions.get(tag.id)
            if action is not None:
                button.clicked.connect(action.trigger)
                button.addAction(action)  # its key works while the button has focus
            self.tag_buttons[tag.id] = button
            self._tag_area.addWidget(button)
        self.set_editable(self._editable)
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(translate("Sidebar", "All tags"), None)
        for tag in self._document.tagset.tags:
            self.filter_combo.addItem(swatch_icon(tag.color), shown_tag(tag).label, tag.id)
        self.filter_combo.blockSignals(False)
        self._apply_filter(None)
        self.list_view.empty_text = self._empty_text()
        self._update_counts()

    # -- what the window asks ------------------------------------------------------------

    def set_editable(self, editable: bool) -> None:
        """Let the tag buttons tag, or disable and fade them (read-only annotations)."""
        self._editable = editable
        for button in self.tag_buttons.values():
            button.setEnabled(editable)
            # The buttons paint themselves; fading them shows that they do nothing now.
            # Named through QtWidgets when needed: start-up never builds the effect's class.
            faded = None if editable else QtWidgets.QGraphicsOpacityEffect(button)
            if faded is not None:
                faded.setOpacity(READ_ONLY_OPACITY)
            button.setGraphicsEffect(faded)  # type: ignore[arg-type]  # None removes it; the stub omits None

    def set_answer_key_shown(self, shown: bool) -> None:
        """Head the list as the answer key's annotations (*shown*) or the reader's own."""
        self._answer_key = shown
        self._update_total()

    def heightForWidth(self, width: int) -> int:
        """The least height the sidebar needs at *width* (what its scroll area makes room for)."""
        # Not the preferred height: the lists inside scroll, so a short window squeezes
        # them first and only then scrolls the sidebar itself.
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1

    def focus_regions(self) -> list[QWidget]:
        """Where F6 stops in the sidebar: Needs attention (when shown), then the list."""
        return [self.attention, self.list_view] if self.attention.isVisible() else [self.list_view]

    def focus_region(self, region: QWidget) -> None:
        """Focus *region* (one of focus_regions); the list then shows a current annotation."""
        region.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if region is self.list_view and not self.current_annotation_id():
            self.step(1)

    def current_annotation_id(self) -> str:
        """The id of the current annotation in the list, or ""."""
        index = self.list_view.currentIndex()
        return str(index.data(AnnotationRoles.ID)) if index.isValid() else ""

    def select_annotation(self, annotation_id: str) -> bool:
        """Make the annotation current without moving the article; False when unknown.

        When the filter hides it, the filter is reset to all tags so it can be seen.
        """
        source = self.model.index_of(annotation_id)
        if not source.isValid():
            return False
        if not self.filter_model.mapFromSource(source).isValid():
            self.set_filter(None)
        index = self.filter_model.mapFromSource(source)
        self._begin_quiet()
        try:
            self.list_view.setCurrentIndex(index)
            self.list_view.scrollTo(index)
        finally:
            self._end_quiet()
        return True

    def step(self, delta: int) -> str:
        """Make the next (+1) or previous (-1) visible annotation current; return its id.

        Wraps around; announces it like a user's choice, so the article shows it.
        """
        rows = self.filter_model.rowCount()
        if rows == 0:
            return ""
        current = self.list_view.currentIndex()
        first = 0 if delta > 0 else rows - 1
        row = (current.row() + delta) % rows if current.isValid() else first
        self.list_view.setCurrentIndex(self.filter_model.index(row, 0))
        return self.current_annotation_id()

    def set_filter(self, tags: set[str] | frozenset[str] | None) -> None:
        """Show only annotations with one of *tags* (None: all); the combo follows."""
        if tags is None:
            self.filter_combo.setCurrentIndex(0)
        elif len(tags) == 1:
            self.filter_combo.setCurrentIndex(max(0, self.filter_combo.findData(next(iter(tags)))))
        self._apply_filter(None if tags is None else frozenset(tags))

    def visible_tags(self) -> frozenset[str] | None:
        """The tags the filter shows, or None for all."""
        return self.filter_model.visible_tags

    def counts(self) -> dict[str, int]:
        """How many annotations each tag of the tag set has (filter ignored)."""
        return {tag_id: button.count() for tag_id, button in self.tag_buttons.items()}

    def build_context_menu(self) -> QMenu:
        """The list's context menu for the current annotation (tests trigger its actions)."""
        menu = QMenu(self)
        menu.addAction(self._actions.edit_note)
        change = menu.addMenu(translate("Sidebar", "Change &Tag To"))
        change.addActions(list(self._actions.change_tag_actions.values()))
        menu.addSeparator()
        menu.addAction(self._actions.delete)
        return menu

    # -- reacting ------------------------------------------------------------------------

    def _begin_quiet(self) -> None:
        self._quiet += 1

    def _end_quiet(self) -> None:
        self._quiet -= 1

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        annotation_id = str(current.data(AnnotationRoles.ID)) if current.isValid() else ""
        self.currentAnnotationChanged.emit(annotation_id)
        if annotation_id and not self._quiet:
            self.annotationActivated.emit(annotation_id)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.noteEditRequested.emit(str(index.data(AnnotationRoles.ID)))

    def _show_context_menu(self, position: QPoint) -> None:
        index = self.list_view.indexAt(position)
        if not index.isValid():
            return
        self._begin_quiet()
        try:
            self.list_view.setCurrentIndex(index)
        finally:
            self._end_quiet()
        menu = self.build_context_menu()
        menu.exec(self.list_view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _on_filter_chosen(self, row: int) -> None:
        tag_id = self.filter_combo.itemData(row)
        self._apply_filter(None if tag_id is None else frozenset({tag_id}))

    def _apply_filter(self, tags: frozenset[str] | None) -> None:
        if tags == self.filter_model.visible_tags:
            return
        self.filter_model.set_visible_tags(tags)
        self.list_view.empty_text = (
            self._empty_text() if tags is None else translate("Sidebar", str(EMPTY_FILTERED_TEXT))
        )
        self.list_view.viewport().update()
        self._update_total()
        self.filterChanged.emit(tags)

    def _update_counts(self) -> None:
        counts = self._document.tag_counts()
        for tag_id, button in self.tag_buttons.items():
            button.set_count(counts.get(tag_id, 0))
        for row in range(1, self.filter_combo.count()):
            tag_id = self.filter_combo.itemData(row)
            tag = self._document.tag(tag_id)
            label = shown_tag(tag).label if tag else tag_id
            self.filter_combo.setItemText(row, f"{label} ({counts.get(tag_id, 0)})")
        self._update_total(counts)

    def _update_total(self, counts: dict[str, int] | None = None) -> None:
        counts = self._document.tag_counts() if counts is None else counts
        total = sum(counts.values())
        if self._answer_key:
            heading = translate("Sidebar", "ANSWER KEY")
        else:
            heading = translate("Sidebar", "YOUR ANNOTATIONS")
        tags = self.filter_model.visible_tags
        if total and tags is not None:
            # Filtered, the heading counts what the list shows, as the box beside it does.
            shown = sum(counts.get(tag, 0) for tag in tags)
            heading += " · " + translate("Sidebar", "{shown} of {total}").format(
                shown=shown, total=total
            )
        elif total:
            heading += f" · {total}"
        self.total_label.setText(heading)

    def _empty_text(self) -> str:
        return translate("Sidebar", str(EMPTY_TEXT)).format(keys=key_list(self._document.tagset))
