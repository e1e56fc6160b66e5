"""The main window: assembles article view, find bar, sidebar, menus and status bar."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from app import paths
from app.core.annotations import Annotation
from app.core.article import Article, load_article
from app.core.bulk import collector_paused
from app.core.errors import SlantError
from app.core.sidecar import Author
from app.ui.actions import Actions, fill_recent_menu, key_list
from app.ui.article_view import ArticleView, dropped_files
from app.ui.attention import AttentionController
from app.ui.commands import short_quote
from app.ui.document import SAVE_STATE_TEXT, SAVED, AnnotationDocument
from app.ui.i18n import translate
from app.ui.messages import ArticleFileDialog, ConfirmMessage, MessageBar, ProblemMessage
from app.ui.plain_text import isolate
from app.ui.settings import Settings, load_settings, save_settings
from app.ui.sidebar import Sidebar
from app.ui.sidecar_safety import SidecarSafety, adopt_default_tagset, read_annotations
from app.ui.status_bar import StatusBar
from app.ui.theme import set_look_state, use_look

if TYPE_CHECKING:
    # Named in annotations only: PySide6 builds a Qt class the first time Python names it.
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from app.ui.find_bar import FindBar

TITLE_CHARS = 70
STATUS_MS = 6000


class MainWindow(QMainWindow):
    """Article (about two thirds) and sidebar in a remembered splitter, menus, status bar.

    The window routes intents: actions and widget signals become document calls, and
    document signals become view updates. It never edits annotations itself.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        settings_problem: str = "",
    ) -> None:
        """Use *settings* (read from the settings file when None).

        *settings_problem* is load_settings' sentence when the caller read them.
        """
        super().__init__(parent)
        if settings is None:
            settings, settings_problem = load_settings()
        self.settings = settings
        self._settings_problem = settings_problem
        # False for screenshots and other unattended runs: problems go to stderr, no dialogs.
        self.interactive = True
        self._set_icon()
        self.setAcceptDrops(True)
        self.document = AnnotationDocument(self)
        self.actions = Actions(self, self.document.undo_stack)
        self.actions.set_tags(self.document.tagset)
        self.view = ArticleView()
        self._find_bar: FindBar | None = None
        self.sidebar = Sidebar(self.document, self.actions)
        self.message_bar = MessageBar()
        self.safety = SidecarSafety(self)
        self.attention = AttentionController(
            self.document, self.view, self.sidebar, self.reveal_annotation, self._status
        )
        self.save_label = QLabel()
        self.save_label.setProperty("state", self.document.save_state)
        use_look(self.save_label, "saveState")
        self.zoom_label = QLabel()
        self._build_layout()
        self._build_menus()
        self._connect()
        self._restore_window_state()
        self._update_title()
        if settings_problem:
            # Once the event loop runs: the caller may still make the window unattended,
            # and an article opened meanwhile clears the message bar.
            QtCore.QTimer.singleShot(0, self, self._report_settings_problem)

    @property
    def find_bar(self) -> FindBar:
        """The find bar under the article, made the first time it is needed."""
        if self._find_bar is None:
            # Imported and built on first use: most sessions never search, and the bar
            # with its module is ~2 ms of every start-up.
            from app.ui.find_bar import FindBar

            self._find_bar = FindBar(self.view)
            self._article_layout.addWidget(self._find_bar)
        return self._find_bar

    # -- assembling ----------------------------------------------------------------------

    def _set_icon(self) -> None:
        # A damaged installation still opens, just without its icon.
        with contextlib.suppress(FileNotFoundError):
            self.setWindowIcon(QIcon(str(paths.resource_path("icons", "slant.svg"))))

    def _build_layout(self) -> None:
        article_pane = QWidget()
        self._article_layout = QVBoxLayout(article_pane)
        self._article_layout.setContentsMargins(0, 0, 0, 0)
        self._article_layout.setSpacing(0)
        self._article_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(article_pane)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        use_look(self.splitter, "splitter")
        self.setStatusBar(StatusBar())
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.save_label)

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addAction(a.open)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        file_menu.addAction(a.open_class)
        file_menu.addSeparator()
        file_menu.addActions([a.print, a.export_pdf])
        file_menu.addSeparator()
        file_menu.addAction(a.author)
        file_menu.addSeparator()
        file_menu.addAction(a.quit)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        edit_menu.addActions([a.undo, a.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([a.find, a.find_next, a.find_previous])
        edit_menu.addSeparator()
        edit_menu.addAction(a.preferences)
        self.annotate_menu = bar.addMenu(translate("MainWindow", "&Annotate"))
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addActions([a.zoom_in, a.zoom_out, a.reset_zoom])
        view_menu.addSeparator()
        view_menu.addActions([a.focus_next, a.focus_previous])
        bar.addMenu(translate("MainWindow", "&Help")).addAction(a.tag_guide)
        self._rebuild_annotate_menu()
        self._rebuild_recent_menu()
        a.attach_local([self.sidebar.list_view], [a.edit_note, a.delete])

    def _rebuild_annotate_menu(self) -> None:
        a = self.actions
        menu = self.annotate_menu
        menu.clear()
        menu.addActions(list(a.tag_actions.values()))
        menu.addSeparator()
        menu.addAction(a.edit_note)
        change: QMenu = menu.addMenu(translate("MainWindow", "Change &Tag To"))
        change.addActions(list(a.change_tag_actions.values()))
        menu.addAction(a.delete)
        menu.addSeparator()
        menu.addActions([a.next_annotation, a.previous_annotation])
        a.attach_local([self.view, self.sidebar.list_view], list(a.tag_actions.values()))

    def _rebuild_recent_menu(self) -> None:
        fill_recent_menu(
            self.recent_menu, self.settings.recent_files, self.open_path, self.actions.clear_recent
        )

    def _connect(self) -> None:
        a, doc, view, side = self.actions, self.document, self.view, self.sidebar
        a.open.triggered.connect(self.choose_and_open)
        a.open_class.triggered.connect(self.open_class)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.author.triggered.connect(lambda: self.ask_author(force=True))
        a.quit.triggered.connect(self.close)
        a.print.triggered.connect(self.print_article)
        a.export_pdf.triggered.connect(self.export_pdf)
        a.preferences.triggered.connect(self.edit_preferences)
        a.tag_guide.triggered.connect(self.show_tag_guide)
        a.find.triggered.connect(lambda: self.find_bar.open())
        a.find_next.triggered.connect(lambda: self.find_bar.find_next())
        a.find_previous.triggered.connect(lambda: self.find_bar.find_previous())
        a.tagTriggered.connect(self.tag_selection)
        a.changeTagTriggered.connect(self._change_current_tag)
        a.tagsChanged.connect(self._rebuild_annotate_menu)
        a.edit_note.triggered.connect(lambda: self.edit_note(side.current_annotation_id()))
        a.delete.triggered.connect(lambda: doc.delete(side.current_annotation_id()))
        a.next_annotation.triggered.connect(lambda: side.step(1))
        a.previous_annotation.triggered.connect(lambda: side.step(-1))
        a.zoom_in.triggered.connect(view.zoom_in)
        a.zoom_out.triggered.connect(view.zoom_out)
        a.reset_zoom.triggered.connect(view.reset_zoom)
        a.focus_next.triggered.connect(lambda: self.move_focus(1))
        a.focus_previous.triggered.connect(lambda: self.move_focus(-1))
        doc.articleLoaded.connect(self._show_article)
        doc.annotationAdded.connect(view.add_annotation)
        doc.annotationRemoved.connect(view.remove_annotation)
        doc.annotationChanged.connect(self._annotation_changed)
        doc.saveStateChanged.connect(self._update_title)
        # A bound method, not a lambda: Qt drops it when the window goes, and the undo
        # stack still announces a change while it is being destroyed.
        doc.undo_stack.cleanChanged.connect(self._clean_changed)
        self.message_bar.retryRequested.connect(doc.autosaver.retry_now)
        view.annotationClicked.connect(side.select_annotation)
        view.selectionSpanChanged.connect(self._selection_changed)
        view.linkHovered.connect(self._link_hovered)
        view.zoomChanged.connect(self._show_zoom)
        view.filesDropped.connect(lambda files: self.open_path(files[0]))
        side.annotationActivated.connect(self.reveal_annotation)
        side.currentAnnotationChanged.connect(self._current_changed)
        side.noteEditRequested.connect(self.edit_note)
        side.filterChanged.connect(view.set_visible_tags)

    # -- windows and dialogs loaded on first use ----------------------------------------
    # Their modules (and Qt's print support) are imported here, not at the top: start-up
    # then loads only what the first painted window needs.

    def open_class(self) -> None:
        """Open the class window on this article (File > Open Class…)."""
        from app.ui.class_view import open_class_window

        open_class_window(self, getattr(self.document.article, "path", None))

    def print_article(self) -> None:
        """Print the annotated article (File > Print…)."""
        from app.ui.printing import print_article

        print_article(self)

    def export_pdf(self) -> None:
        """Export the annotated article as a PDF (File > Export as PDF…)."""
        from app.ui.printing import export_article_pdf

        export_article_pdf(self)

    def edit_preferences(self) -> None:
        """Show the preferences dialog and apply what is chosen."""
        from app.ui.preferences import edit_preferences

        edit_preferences(self)

    def show_tag_guide(self) -> None:
        """Show the tag guide, open at the tag under the keyboard focus (Help > Tag Guide)."""
        from app.ui.tag_guide import guide_tag_for_focus, show_tag_guide

        show_tag_guide(self, guide_tag_for_focus(self))

    # -- opening -------------------------------------------------------------------------

    def choose_and_open(self) -> bool:
        """Ask for an article file and open it."""
        article = self.document.article
        folder = str(article.path.parent) if article and article.path else str(Path.home())
        path = ArticleFileDialog.ask(self, folder)
        return self.open_path(path) if path else False

    def open_path(self, path: Path, *, remember: bool = True) -> bool:
        """Open the article at *path* with its annotations; keep the current one on failure.

        Problems (unreadable article, broken sidecar) are shown in a message naming the file;
        sidecar_safety.py says what happens to broken, newer and conflicting sidecars.
        """
        try:
            article = load_article(Path(path))
        except (SlantError, OSError) as exc:
            title = translate("MainWindow", "Slant could not open this article")
            self._report_problem(title, f"{exc}{self._keep_note()}")
            return False
        return self.open_article(article, remember=remember)

    def open_article(self, article: Article, *, remember: bool = True) -> bool:
        """Open an article already loaded from its file, as open_path does after loading."""
        try:
            author = Author(name=self.settings.author_name, role=self.settings.author_role)
            opened = read_annotations(article, author)
        except (SlantError, OSError) as exc:
            title = translate("MainWindow", "Slant could not read the annotations")
            self._report_problem(title, f"{exc}{self._keep_note()}")
            return False
        if not self._leave_current_article():
            return False
        tagset_problem = adopt_default_tagset(opened.sidecar, opened.path, self.settings)
        # Thousands of highlights and list rows at once (see app/core/bulk.py); no dialog
        # can open in here, so the collector is never off while the user is asked something.
        with collector_paused():
            self.safety.load(article, opened)
        if tagset_problem:
            self.message_bar.show_notice(tagset_problem)
        if remember and article.path is not None:
            self.settings.add_recent(article.path)
            self._rebuild_recent_menu()
            self._save_settings()
        return True

    def _keep_note(self) -> str:
        if not self.document.article:
            return ""
        return " " + translate("MainWindow", "The article you had open stays open.")

    def _report_problem(self, title: str, text: str) -> None:
        if self.interactive:
            ProblemMessage.ask(self, title, text)
        else:
            print(f"slant: {text}", file=sys.stderr)

    def _report_settings_problem(self) -> None:
        title = translate("MainWindow", "Your settings could not be used")
        self._report_problem(title, self._settings_problem)

    def _leave_current_article(self) -> bool:
        if self.document.flush():
            return True
        title = self.document.article.title if self.document.article else ""
        return ConfirmMessage.ask(
            self,
            translate("MainWindow", "Your annotations are not saved"),
            translate(
                "MainWindow",
                "The annotations for “{title}” could not be saved: {error}\n\n"
                "Go on anyway and lose the latest changes?",
            ).format(title=title, error=self.document.last_error),
            translate("MainWindow", "Lose Changes"),
        )

    def _show_article(self) -> None:
        doc = self.document
        self.actions.set_tags(doc.tagset)
        self.view.set_article(doc.article)
        self.view.set_tagset(doc.tagset)
        # The filter first: each call re-applies the visible blocks' highlights.
        self.view.set_visible_tags(self.sidebar.visible_tags())
        self.view.set_annotations(doc.annotations_unordered())
        self.message_bar.clear()
        notices = [*doc.article.warnings, *doc.anchoring_notices(), self.safety.fallback_notice()]
        if any(notices):
            self.message_bar.show_notice(" ".join(n for n in notices if n))
        self.view.setFocus()
        self._update_title()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept a dragged file."""
        if dropped_files(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Open the first dropped file."""
        files = dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # -- annotating ----------------------------------------------------------------------

    def tag_selection(self, tag_id: str) -> Annotation | None:
        """Tag the article's selection; say in the status bar why when nothing happens."""
        start, end = self.view.selected_span()
        label = self.document.tag_label(tag_id)
        if start == end:
            self._status(
                translate(
                    "MainWindow",
                    "Select some words in the article first, then press a key to tag them "
                    "as {label}.",
                ).format(label=label)
            )
            return None
        try:
            annotation = self.document.add(tag_id, start, end)
        except ValueError as exc:
            self._status(
                translate("MainWindow", "Nothing was tagged: {reason}.").format(reason=exc)
            )
            return None
        self.view.select_span(annotation.end, annotation.end)
        self.sidebar.select_annotation(annotation.id)
        self._status(
            translate("MainWindow", "Tagged “{quote}” as {label}. Ctrl+Z undoes it.").format(
                quote=short_quote(annotation.exact), label=label
            )
        )
        return annotation

    def edit_note(self, annotation_id: str) -> None:
        """Open the note editor for the annotation and store the new note."""
        annotation = self.document.annotation(annotation_id)
        if annotation is None:
            return
        from app.ui.note_editor import NoteEditor  # dialogs load when first used

        label = self.document.tag_label(annotation.tag)
        note = NoteEditor.ask(self, annotation.exact, label, annotation.note)
        if note is not None:
            self.document.edit_note(annotation_id, note)

    def _change_current_tag(self, tag_id: str) -> None:
        self.document.change_tag(self.sidebar.current_annotation_id(), tag_id)

    def _annotation_changed(self, annotation: Annotation, old: Annotation) -> None:
        self.view.update_annotation(annotation, old)
        if annotation.id == self.sidebar.current_annotation_id():
            self._current_changed(annotation.id)

    def _current_changed(self, annotation_id: str) -> None:
        annotation = self.document.annotation(annotation_id) if annotation_id else None
        self.actions.set_annotation_actions_enabled(
            annotation is not None, annotation.tag if annotation else ""
        )

    def reveal_annotation(self, annotation_id: str) -> None:
        """Scroll the article to the annotation and flash it."""
        annotation = self.document.annotation(annotation_id)
        if annotation is not None:
            self.view.scroll_to_span(annotation.start, annotation.end)
            self.view.flash_span(annotation.start, annotation.end)

    def _selection_changed(self, start: int, end: int) -> None:
        if end > start:
            keys = key_list(self.document.tagset)
            self._status(
                translate(
                    "MainWindow", "Press {keys} (or click a tag) to tag the selection."
                ).format(keys=keys)
            )

    def _link_hovered(self, url: str) -> None:
        if url:
            self.statusBar().showMessage(url)
        else:
            self.statusBar().clearMessage()

    # -- author, focus, zoom -------------------------------------------------------------

    def ask_author(self, *, force: bool = False) -> None:
        """Ask the reader's name the first time (or when *force*d from the menu)."""
        if self.settings.author_asked and not force:
            return
        from app.ui.author_dialog import AuthorDialog  # dialogs load when first used

        name = AuthorDialog.ask(self, self.settings.author_name)
        self.settings.author_asked = True
        if name is not None:
            self.settings.author_name = name
            self.document.adopt_author(name)
        self._save_settings()

    def move_focus(self, direction: int) -> None:
        """Cycle the keyboard focus: article, the sidebar's regions, find bar (when shown)."""
        in_sidebar = self.sidebar.focus_regions()
        regions: list[QWidget] = [self.view, *in_sidebar]
        if self._find_bar is not None and self._find_bar.isVisible():
            regions.append(self._find_bar)
        focus = self.focusWidget()
        current = next(
            (i for i, w in enumerate(regions) if focus is w or w.isAncestorOf(focus)), -1
        )
        target = regions[(current + direction) % len(regions)]
        if target in in_sidebar:
            self.sidebar.focus_region(target)
        else:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_zoom(self, percent: int) -> None:
        self.settings.zoom = percent
        self.zoom_label.setText(f"{percent}%")

    # -- saving state --------------------------------------------------------------------

    def _update_title(self, *_: object) -> None:
        article = self.document.article
        title = (
            isolate(short_quote(article.title or article.path.name, TITLE_CHARS)) if article else ""
        )
        saved = self.document.save_state == SAVED
        state = translate("SaveState", SAVE_STATE_TEXT[self.document.save_state])
        self.save_label.setText(("✓ " if saved else "") + state)
        set_look_state(self.save_label, "state", self.document.save_state)
        self.setWindowTitle(f"{title}[*] — {state} — Slant" if article else "Slant")

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _status(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def _clear_recent(self) -> None:
        self.settings.recent_files = []
        self._rebuild_recent_menu()
        self._save_settings()

    # -- window state --------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        # QByteArray through QtCore: PySide6 builds a class the first time Python names
        # it, and a first start has no saved state to restore.
        geometry = QtCore.QByteArray.fromBase64(self.settings.window_geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = QtCore.QByteArray.fromBase64(self.settings.splitter_state.encode("ascii"))
        if state.isEmpty() or not self.splitter.restoreState(state):
            width = max(self.width(), 900)
            self.splitter.setSizes([width * 2 // 3, width // 3])
        self.view.set_zoom(self.settings.zoom)
        self.zoom_label.setText(f"{self.view.zoom_percent()}%")

    def _save_settings(self) -> None:
        problem = save_settings(self.settings)
        if problem:
            self._status(problem)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Flush the annotations (asking first if that fails) and remember the layout."""
        if not self._leave_current_article():
            event.ignore()
            return
        self.document.autosaver.discard()
        self.document.shutdown()
        self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings.splitter_state = bytes(self.splitter.saveState().toBase64()).decode()
        self.settings.zoom = self.view.zoom_percent()
        self._save_settings()
        super().closeEvent(event)
