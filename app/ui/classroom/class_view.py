"""The teacher's class window: a class's heat map on the article, agreement, scores and key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core.agreement import Interval, coverage_runs, merge_spans, spans_by_tag
from app.core.annotations import Annotation, context_around, new_id, now_iso
from app.core.article import load_article
from app.core.classroom import ClassData, analyse_class, gather_class, write_class_outputs
from app.core.errors import SlantError
from app.core.exports.output_folder import dated_folder
from app.core.sidecar import Sidecar
from app.core.tags import TagSet
from app.ui.actions import swatch_icon
from app.ui.article.colors import tag_styles
from app.ui.classroom.class_commands import CopyToKey
from app.ui.classroom.class_dialogs import ExportDialog, OpenClassDialog
from app.ui.classroom.class_entries import ClassEntries
from app.ui.classroom.class_model import (
    ROW_ROLE,
    SORT_ROLE,
    KeyFile,
    StudentListModel,
    TableModel,
    TaggedEntry,
    agreement_rows,
    score_rows,
    skipped_rows,
    table_headers,
    tagged_rows,
)
from app.ui.classroom.class_words import (
    alpha_hint,
    here_hint,
    key_modes,
    legend_html,
    scores_hint,
    summary,
    tagged_here,
    tagged_this,
    window_title,
)
from app.ui.classroom.heatmap import ALL_TAGS_COLOR, HeatMapView, HeatPalette, heat_segments
from app.ui.editing.commands import short_quote
from app.ui.i18n import shown_tag, translate
from app.ui.messages import ProblemMessage
from app.ui.plain_text import PlainTextDelegate
from app.ui.status_bar import StatusBar
from app.ui.theme import use_look


def _words_at(text: str, start: int, end: int) -> str:
    """The selected text, or the word the caret is in (or before)."""
    if end > start:
        return text[start:end]
    start = end = min(start, len(text))
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-'’"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "-'’"):
        end += 1
    return text[start:end]


class ClassWindow(QMainWindow):
    """A class for one article: heat map, students, who tagged what, agreement, scores.

    Hiding a student changes the heat map and the "tagged here" list; agreement and
    scores are always the whole class's, as in the exported files.
    """

    def __init__(self, class_data: ClassData, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if parent is not None:  # its own window, not a widget inside the main window
            self.setWindowFlag(Qt.WindowType.Window)
        self.class_data = class_data
        self.analysis = analyse_class(class_data)
        self.undo_stack = QUndoStack(self)
        key = class_data.key
        self.key_file = KeyFile(key.path, class_data.article) if key else None
        self._labels = {tag.id: shown_tag(tag).label for tag in class_data.tags}
        self._styles = tag_styles(TagSet("class", class_data.tags)) if class_data.tags else {}
        tag_ids = [tag.id for tag in class_data.tags]
        self._unions = [self._unions_of(s.placed, tag_ids) for s in class_data.students]
        self.entries = ClassEntries(class_data)
        self._caret = (0, 0)
        self._build_widgets()
        self._build_layout()
        self._build_actions()
        self._fill_tables()
        self.view.set_article(class_data.article)
        self.refresh_heat()
        self._connect()
        title = short_quote(class_data.article.title, 60)
        self.setWindowTitle(window_title(title, len(class_data.students)))
        self.summary_label = QLabel(summary(class_data))
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # names the key file
        self.setStatusBar(StatusBar())
        self.statusBar().addPermanentWidget(self.summary_label)
        self.resize(1280, 800)

    # -- building --------------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.view = HeatMapView()
        self.view.set_describer(self.describe_offset)
        self.tag_combo = QComboBox()
        self.tag_combo.setAccessibleName(translate("ClassWindow", "Tag shown in the heat map"))
        for tag in self.class_data.tags:
            self.tag_combo.addItem(swatch_icon(tag.color), self.tag_label(tag.id), tag.id)
        self.tag_combo.addItem(
            swatch_icon(ALL_TAGS_COLOR), translate("ClassWindow", "All tags"), ""
        )
        self.key_combo = QComboBox()
        self.key_combo.setAccessibleName(
            translate("ClassWindow", "What the article shows of the answer key")
        )
        for text, mode in key_modes():
            self.key_combo.addItem(text, mode)
        self.key_combo.setCurrentIndex(2 if self.class_data.key else 0)
        self.key_combo.setEnabled(self.class_data.key is not None)
        self.legend = QLabel()
        self.legend.setWordWrap(True)  # a long legend (or language) must not widen the window
        self.legend.setAccessibleName(translate("ClassWindow", "Heat map legend"))
        self.export_button = QPushButton(translate("ClassWindow", "E&xport…"))
        self.export_button.setToolTip(
            translate("ClassWindow", "Write the report, CSV files and feedback pages")
        )
        self.students = StudentListModel(self.class_data.students, self)
        self.student_list = QListView()
        self.student_list.setModel(self.students)
        self.student_list.setItemDelegate(PlainTextDelegate(self.student_list))
        self.student_list.setAccessibleName(
            translate("ClassWindow", "Students: checked ones are in the heat map")
        )
        self.show_all_button = QPushButton(translate("ClassWindow", "Show &All"))
        self.hide_all_button = QPushButton(translate("ClassWindow", "&Hide All"))
        self.here_label = QLabel(here_hint())
        self.here_label.setWordWrap(True)
        self.here_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes tag labels
        self.tagged = TableModel(table_headers("tagged"), self)
        self.tagged_table = self._table(
            self.tagged, translate("ClassWindow", "Who tagged the passage")
        )
        self.copy_button = QPushButton(translate("ClassWindow", "&Copy to Key"))
        self.copy_button.setEnabled(False)
        self.agreement = TableModel(table_headers("agreement"), self)
        self.agreement_table = self._table(
            self.agreement, translate("ClassWindow", "Agreement per tag"), wrap=True
        )
        self.scores = TableModel(table_headers("scores" if self.class_data.key else "counts"), self)
        self.score_proxy = QSortFilterProxyModel(self)
        self.score_proxy.setSourceModel(self.scores)
        self.score_proxy.setSortRole(SORT_ROLE)
        self.score_table = self._table(
            self.score_proxy, translate("ClassWindow", "Scores per student")
        )
        self.score_table.setSortingEnabled(True)
        self.score_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        score_header = self.score_table.horizontalHeader()
        score_header.setStretchLastSection(False)  # numbers share the width, the name fits
        score_header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        score_header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.skipped = TableModel(table_headers("skipped"), self)
        self.skipped_table = self._table(
            self.skipped, translate("ClassWindow", "Files left out"), wrap=True
        )
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("ClassWindow", "Class results"))
        self.tabs.tabBar().setAccessibleName(translate("ClassWindow", "Class results: pages"))

    @staticmethod
    def _table(model, name: str, *, wrap: bool = False) -> QTableView:
        """A read-only table of whole rows; with *wrap*, its last column's sentences wrap
        onto more lines (rows grow to fit) instead of being cut off at the window's edge."""
        table = QTableView()
        table.setModel(model)
        table.setItemDelegate(PlainTextDelegate(table))  # names, notes and file names
        table.setAccessibleName(name)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside
        table.setAlternatingRowColors(True)
        table.setWordWrap(wrap)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        if wrap:
            rows = table.verticalHeader()
            rows.setMinimumSectionSize(table.fontMetrics().height() + 10)
            rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for text, buddy in (
            (translate("ClassWindow", "&Tag:"), self.tag_combo),
            (translate("ClassWindow", "Answer &key:"), self.key_combo),
        ):
            label = QLabel(text)
            label.setBuddy(buddy)
            bar.addWidget(label)
            bar.addWidget(buddy)
            bar.addSpacing(12)
        bar.addWidget(self.legend, 1)
        bar.addWidget(self.export_button)
        students = self._panel(translate("ClassWindow", "&Students"), self.student_list)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_all_button)
        buttons.addWidget(self.hide_all_button)
        students_column = students.layout()
        assert isinstance(students_column, QVBoxLayout)  # as _panel made it
        students_column.addLayout(buttons)
        here = self._panel("", self.tagged_table, self.here_label)
        here_column = here.layout()
        assert isinstance(here_column, QVBoxLayout)  # as _panel made it
        here_column.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(here, translate("ClassWindow", "&Who Tagged It"))
        data = self.class_data
        agreement = self._hint(alpha_hint(len(data.students)))
        self.tabs.addTab(
            self._panel("", self.agreement_table, agreement), translate("ClassWindow", "A&greement")
        )
        scores = self._hint(scores_hint(data.key is not None))
        self.tabs.addTab(
            self._panel("", self.score_table, scores), translate("ClassWindow", "Sc&ores")
        )
        skipped = translate("ClassWindow", "Ski&pped ({count})").format(count=len(data.skipped))
        self.tabs.addTab(self.skipped_table, skipped)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for widget, stretch in ((students, 0), (self.view, 1), (self.tabs, 0)):
            splitter.addWidget(widget)
            splitter.setStretchFactor(splitter.count() - 1, stretch)
        splitter.setSizes([220, 640, 420])
        use_look(splitter, "splitter")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 0)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        order = [
            self.tag_combo,
            self.key_combo,
            self.export_button,
            self.student_list,
            self.show_all_button,
            self.hide_all_button,
            self.view,
            self.tabs,
            self.tagged_table,
            self.copy_button,
        ]
        for first, second in pairwise(order):
            self.setTabOrder(first, second)

    def _hint(self, text: str) -> QLabel:
        label = QLabel(text)
        use_look(label, "hintLabel")
        label.setWordWrap(True)
        return label

    @staticmethod
    def _panel(title: str, widget: QWidget, header: QLabel | None = None) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        if header is None:
            header = QLabel(title)
            use_look(header, "sectionLabel")
            header.setBuddy(widget)
        layout.addWidget(header)
        layout.addWidget(widget, 1)
        if not title:
            layout.setContentsMargins(6, 6, 6, 6)
        return panel

    def _build_actions(self) -> None:
        def make(text: str, keys: str | QKeySequence.StandardKey, slot: Callable) -> QAction:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            return action

        self.export_action = make(translate("ClassWindow", "&Export…"), "Ctrl+E", self.export)
        self.close_action = make(
            translate("ClassWindow", "&Close"), QKeySequence.StandardKey.Close, self.close
        )
        self.undo_action = self.undo_stack.createUndoAction(self, translate("ClassWindow", "&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, translate("ClassWindow", "&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.copy_action = make(
            translate("ClassWindow", "&Copy to Key"), "Ctrl+K", self.copy_to_key
        )
        self.copy_action.setEnabled(False)
        file_menu = self.menuBar().addMenu(translate("ClassWindow", "&File"))
        file_menu.addActions([self.export_action, self.close_action])
        edit_menu = self.menuBar().addMenu(translate("ClassWindow", "&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action, self.copy_action])
        view_menu = self.menuBar().addMenu(translate("ClassWindow", "&View"))
        view_menu.addActions(
            [
                make(
                    translate("ClassWindow", "Zoom &In"),
                    QKeySequence.StandardKey.ZoomIn,
                    self.view.zoom_in,
                ),
                make(
                    translate("ClassWindow", "Zoom &Out"),
                    QKeySequence.StandardKey.ZoomOut,
                    self.view.zoom_out,
                ),
                make(translate("ClassWindow", "&Actual Size"), "Ctrl+0", self.view.reset_zoom),
            ]
        )

    def _connect(self) -> None:
        self.tag_combo.currentIndexChanged.connect(self.refresh_heat)
        self.key_combo.currentIndexChanged.connect(self.refresh_heat)
        self.students.shownChanged.connect(self.refresh_heat)
        self.show_all_button.clicked.connect(lambda: self.students.set_all_shown(True))
        self.hide_all_button.clicked.connect(lambda: self.students.set_all_shown(False))
        self.export_button.clicked.connect(self.export)
        self.copy_button.clicked.connect(self.copy_to_key)
        self.view.selectionSpanChanged.connect(self._caret_moved)
        self.tagged_table.selectionModel().selectionChanged.connect(self._update_copy)
        self.tagged_table.activated.connect(self._reveal)

    # -- the heat map ----------------------------------------------------------------

    @staticmethod
    def _unions_of(placed: list[Annotation], tag_ids: list[str]) -> dict[str, list[Interval]]:
        unions = dict(zip(tag_ids, spans_by_tag(placed, tag_ids), strict=True))
        unions[""] = merge_spans((a.start, a.end) for a in placed)  # "" = any tag
        return unions

    def current_tag(self) -> str:
        """The tag id the heat map shows ("" for all tags)."""
        return self.tag_combo.currentData() or ""

    def key_mode(self) -> str:
        """ "class", "key" (the key on its own) or "both" (key underlined over the heat map)."""
        return self.key_combo.currentData() if self.class_data.key else "class"

    def tag_label(self, tag_id: str) -> str:
        """The label of the tag with *tag_id*."""
        return self._labels.get(tag_id, tag_id)

    def refresh_heat(self) -> None:
        """Recompute the heat map for the tag, the shown students and the key mode."""
        tag, mode, shown = self.current_tag(), self.key_mode(), self.students.shown()
        runs = [] if mode == "key" else coverage_runs(self._unions[i][tag] for i in shown)
        key_spans = []
        if self.class_data.key is not None and mode != "class":
            key_spans = [
                (a.start, a.end, a.tag)
                for a in self.class_data.key.placed
                if not tag or a.tag == tag
            ]
        tags = {t.id: t for t in self.class_data.tags}
        color = tags[tag].color if tag in tags else ALL_TAGS_COLOR
        palette = HeatPalette(color, len(shown), self._styles, tint_key=mode == "key")
        self.view.set_segments(heat_segments(runs, key_spans), palette.format)
        self.legend.setText(legend_html(palette, len(shown), mode))
        self._show_here()

    def heat_count_at(self, offset: int, tag: str = "") -> int:
        """How many shown students tagged the character at *offset* with *tag* ("" any)."""
        return self.entries.students_at(offset, set(self.students.shown()), tag)

    def describe_offset(self, offset: int) -> str:
        """Tooltip text: how many shown students tagged this with the heat map's tag."""
        tag, total = self.current_tag(), len(self.students.shown())
        count = self.heat_count_at(offset, tag)
        return tagged_this(count, total, self.tag_label(tag) if tag else "") if count else ""

    # -- who tagged it -----------------------------------------------------------------

    def entries_at(self, start: int, end: int) -> list[TaggedEntry]:
        """Annotations of the key and of shown students over [start, end) or at a caret."""
        return self.entries.at(start, end, set(self.students.shown()))

    def _caret_moved(self, start: int, end: int) -> None:
        self._caret = (start, end)
        self._show_here()

    def _show_here(self) -> None:
        start, end = self._caret
        entries = self.entries_at(start, end)
        selected = self.selected_entry()
        self.tagged.set_rows(tagged_rows(entries, self._labels))
        if selected in entries:  # keep the teacher's place in the list
            self.tagged_table.selectRow(entries.index(selected))
        self._update_copy()
        if start == end == 0 and not entries:
            self.here_label.setText(here_hint())
            return
        tag = self.current_tag()
        count = len(
            {
                e.student
                for e in entries
                if e.student is not None and (not tag or e.annotation.tag == tag)
            }
        )
        words = short_quote(_words_at(self.class_data.article.text, start, end), 40)
        label = self.tag_label(tag) if tag else ""
        self.here_label.setText(tagged_here(words, count, len(self.students.shown()), label))

    def selected_entry(self) -> TaggedEntry | None:
        """The entry selected in the "tagged here" list, or None."""
        rows = self.tagged_table.selectionModel().selectedRows()
        return self.tagged.data(rows[0], ROW_ROLE) if rows else None

    def _reveal(self, index: QModelIndex) -> None:
        entry = self.tagged.data(index, ROW_ROLE)
        if entry is not None:
            a = entry.annotation
            self.view.select_span(a.start, a.end)
            self.view.scroll_to_span(a.start, a.end)

    # -- the key -------------------------------------------------------------------------

    def _update_copy(self, *_: object) -> None:
        entry = self.selected_entry()
        can = (
            self.key_file is not None
            and entry is not None
            and entry.student is not None
            and not self.entries.in_key(entry.annotation)
        )
        self.copy_button.setEnabled(can)
        self.copy_action.setEnabled(can)

    def copy_to_key(self) -> Annotation | None:
        """Copy the selected student annotation into the key file (undoable); return it.

        The student's note is left behind: the key's notes are shown to students as the
        teacher's explanation.
        """
        entry = self.selected_entry()
        if self.key_file is None or entry is None or entry.student is None:
            return None
        if self.entries.in_key(entry.annotation):
            self.statusBar().showMessage(
                translate("ClassWindow", "The answer key already has this passage with this tag.")
            )
            return None
        a, text, stamp = entry.annotation, self.class_data.article.text, now_iso()
        prefix, suffix = context_around(text, a.start, a.end)
        copy = Annotation(
            new_id(), a.tag, a.start, a.end, text[a.start : a.end], prefix, suffix, "", stamp, stamp
        )
        command = CopyToKey(self, copy, entry.who)
        self.undo_stack.push(command)
        if not self.entries.in_key(copy):  # the write failed; the problem was shown
            return None
        copied = translate("ClassWindow", "Copied “{quote}” to the key. Ctrl+Z undoes it.")
        self.statusBar().showMessage(copied.format(quote=short_quote(a.exact)))
        return copy

    def change_key(self, change: Callable[[KeyFile], Sidecar]) -> bool:
        """Apply *change* to the key file and show the result; False (and say why) on failure."""
        assert self.key_file is not None and self.class_data.key is not None
        try:
            sidecar = change(self.key_file)
        except SlantError as exc:
            ProblemMessage.ask(
                self, translate("ClassWindow", "The answer key was not changed"), str(exc)
            )
            return False
        key = replace(self.class_data.key, sidecar=sidecar)
        self.class_data = replace(self.class_data, key=key)
        self.analysis = analyse_class(self.class_data)
        self.entries.set_key(key)
        self._fill_tables()
        self.refresh_heat()
        return True

    # -- tables and export ---------------------------------------------------------------

    def _fill_tables(self) -> None:
        self.agreement.set_rows(agreement_rows(self.class_data, self.analysis))
        self.scores.set_rows(score_rows(self.class_data, self.analysis))
        self.skipped.set_rows(skipped_rows(self.class_data))

    def export(self) -> list[Path]:
        """Ask for a folder and write the class files there (as ``slant class`` does)."""
        article_path = self.class_data.article.path
        # A new folder is offered, not one that may hold files (or links) already.
        folder = str(dated_folder(article_path.parent / "slant-class")) if article_path else ""
        choice = ExportDialog.ask(self, folder)
        if choice is None:
            return []
        # The files name the default tags as the window does, in the interface's language.
        shown = replace(self.class_data, tags=tuple(shown_tag(t) for t in self.class_data.tags))
        try:
            written = write_class_outputs(shown, choice.folder, choice.pseudonymize)
        except (SlantError, OSError) as exc:
            ProblemMessage.ask(
                self, translate("ClassWindow", "The class files were not written"), str(exc)
            )
            return []
        wrote = translate("ClassWindow", "Wrote {count} files to {folder}")
        self.statusBar().showMessage(wrote.format(count=len(written), folder=choice.folder))
        return written


def open_class_window(
    parent: QWidget | None = None, article: Path | None = None
) -> ClassWindow | None:
    """Ask which class to open, then show it in a new (non-modal) class window.

    *article* pre-fills the dialog. Problems (unreadable article, unusable key) are
    shown in a message; returns the window, or None.
    """
    choice = OpenClassDialog.ask(parent, article)
    if choice is None:
        return None
    try:
        loaded = load_article(choice.article)
        class_data = gather_class(loaded, [choice.folder], choice.key)
    except (SlantError, OSError) as exc:
        ProblemMessage.ask(
            parent, translate("ClassWindow", "Slant could not open the class"), str(exc)
        )
        return None
    window = ClassWindow(class_data, parent)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    return window
