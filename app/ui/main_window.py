"""The main window: assembles article view, find bar, sidebar, menus and status bar."""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from app import paths
from app.ui.actions import Actions, fill_recent_menu
from app.ui.annotating import AnnotationController
from app.ui.article.article_view import ArticleView, dropped_files
from app.ui.article.page_header import PageHeader
from app.ui.article_opening import ArticleOpener
from app.ui.editing.commands import short_quote
from app.ui.editing.document import SAVE_STATE_TEXT, SAVED, AnnotationDocument
from app.ui.editing.sidecar_safety import SidecarSafety
from app.ui.i18n import translate
from app.ui.messages import MessageBar, ProblemMessage
from app.ui.plain_text import isolate
from app.ui.settings import Settings, load_settings, save_settings
from app.ui.sidebar.attention import AttentionController
from app.ui.sidebar.focus_scroll import FocusScrollArea
from app.ui.sidebar.sidebar import Sidebar
from app.ui.status_bar import StatusBar
from app.ui.theme import set_look_state, use_look

if TYPE_CHECKING:
    # Named in annotations only: PySide6 builds a Qt class the first time Python names it.
    from pathlib import Path

    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from app.core.annotations import Annotation
    from app.core.article import Article
    from app.ui.answer_key import AnswerKeySwitch
    from app.ui.article.find_bar import FindBar
    from app.ui.handin import HandIn

TITLE_CHARS = 70


class MainWindow(QMainWindow):
    """Article (about two thirds) and sidebar in a remembered splitter, menus, status bar.

    The window assembles the parts and connects them; ArticleOpener, AnnotationController,
    AttentionController and SidecarSafety turn intents into document calls.
    """

    # Hides QWidget.actions(), which Slant never calls; window.actions is how every module
    # and test reaches the actions, so the name stays.
    actions: Actions  # type: ignore[assignment]  # see the comment above

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
        self.page_header = PageHeader(self.view)
        self._find_bar: FindBar | None = None
        self._answer_keys: AnswerKeySwitch | None = None
        self._hand_in: HandIn | None = None
        self.sidebar = Sidebar(self.document, self.actions)
        self.message_bar = MessageBar()
        self.safety = SidecarSafety(self)
        self.opener = ArticleOpener(self)
        self.annotating = AnnotationController(self)
        self.attention = AttentionController(
            self.document,
            self.view,
            self.sidebar,
            self.annotating.reveal_annotation,
            self.annotating.status,
            self.message_bar,
        )
        self.save_label = QLabel()
        self.save_label.setProperty("state", self.document.save_state)
        use_look(self.save_label, "saveState")
        self.zoom_label = QLabel()
        self._build_layout()
        self._build_menus()
        self._connect()
        self._restore_window_state()
        self.update_title()
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
            from app.ui.article.find_bar import FindBar

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
        self._article_layout.addWidget(self.page_header)
        self._article_layout.addWidget(self.view, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(article_pane)
        # A short window (a netbook, a 150% screen) scrolls the sidebar, never squeezes it.
        self.splitter.addWidget(FocusScrollArea(self.sidebar))
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
        self.status_bar = StatusBar()
        self.setStatusBar(self.status_bar)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.statusBar().addPermanentWidget(self.save_label)

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        file_menu.addAction(a.open)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
        file_menu.addAction(a.paste_article)
        file_menu.addAction(a.open_class)
        file_menu.addSeparator()
        file_menu.addActions([a.answer_key, a.hand_in])
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
        bar.addMenu(translate("MainWindow", "&Help")).addActions(
            [a.tag_guide, a.shortcuts, a.about]
        )
        self._rebuild_annotate_menu()
        self.rebuild_recent_menu()
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

    def rebuild_recent_menu(self) -> None:
        """Show the remembered articles in File > Open Recent."""
        fill_recent_menu(
            self.recent_menu, self.settings.recent_files, self.open_path, self.actions.clear_recent
        )

    def _connect(self) -> None:
        a, doc, view = self.actions, self.document, self.view
        a.open.triggered.connect(self.opener.choose_and_open)
        a.paste_article.triggered.connect(self.paste_new_article)
        a.open_class.triggered.connect(self.open_class)
        a.answer_key.triggered.connect(self.toggle_answer_key)
        a.hand_in.triggered.connect(self.hand_in)
        a.clear_recent.triggered.connect(self._clear_recent)
        a.author.triggered.connect(lambda: self.ask_author(force=True))
        a.quit.triggered.connect(self.close)
        a.print.triggered.connect(self.print_article)
        a.export_pdf.triggered.connect(self.export_pdf)
        a.preferences.triggered.connect(self.edit_preferences)
        a.tag_guide.triggered.connect(self.show_tag_guide)
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        a.find.triggered.connect(lambda: self.find_bar.open())
        a.find_next.triggered.connect(lambda: self.find_bar.find_next())
        a.find_previous.triggered.connect(lambda: self.find_bar.find_previous())
        a.tagsChanged.connect(self._rebuild_annotate_menu)
        a.zoom_in.triggered.connect(view.zoom_in)
        a.zoom_out.triggered.connect(view.zoom_out)
        a.reset_zoom.triggered.connect(view.reset_zoom)
        a.focus_next.triggered.connect(lambda: self.move_focus(1))
        a.focus_previous.triggered.connect(lambda: self.move_focus(-1))
        doc.saveStateChanged.connect(self.update_title)
        # A bound method, not a lambda: Qt drops it when the window goes, and the undo
        # stack still announces a change while it is being destroyed.
        doc.undo_stack.cleanChanged.connect(self._clean_changed)
        self.message_bar.retryRequested.connect(doc.autosaver.retry_now)
        view.zoomChanged.connect(self._show_zoom)
        view.filesDropped.connect(lambda files: self.open_path(files[0]))

    # -- windows and dialogs loaded on first use ----------------------------------------
    # Their modules (and Qt's print support) are imported here, not at the top: start-up
    # then loads only what the first painted window needs.

    def open_class(self) -> None:
        """Open the class window on this article (File > Open Class…)."""
        from app.ui.classroom.class_view import open_class_window

        open_class_window(self, getattr(self.document.article, "path", None))

    def toggle_answer_key(self) -> bool:
        """Open the article's answer key, or go back to the reader's own annotations
        (File > New Answer Key… / Back to Your Annotations)."""
        if self._answer_keys is None:
            from app.ui.answer_key import AnswerKeySwitch

            self._answer_keys = AnswerKeySwitch(self)
        return self._answer_keys.toggle()

    def paste_new_article(self) -> Path | None:
        """Save the clipboard's article as Markdown and open it (File > New Article from
        Clipboard…)."""
        from app.ui.paste_article import ArticlePaster

        return ArticlePaster(self).paste_new_article()

    def hand_in(self) -> Path | None:
        """Copy the annotations, named for the teacher, into a folder (File > Hand In…)."""
        if self._hand_in is None:
            from app.ui.handin import HandIn

            self._hand_in = HandIn(self)
        return self._hand_in.hand_in()

    def print_article(self) -> None:
        """Print the annotated article (File > Print…)."""
        from app.ui.dialogs.printing import print_article

        print_article(self)

    def export_pdf(self) -> None:
        """Export the annotated article as a PDF (File > Export as PDF…)."""
        from app.ui.dialogs.printing import export_article_pdf

        export_article_pdf(self)

    def edit_preferences(self) -> None:
        """Show the preferences dialog and apply what is chosen."""
        from app.ui.dialogs.preferences import edit_preferences

        edit_preferences(self)

    def show_tag_guide(self) -> None:
        """Show the tag guide, open at the tag under the keyboard focus (Help > Tag Guide)."""
        from app.ui.dialogs.tag_guide import guide_tag_for_focus, show_tag_guide

        show_tag_guide(self, guide_tag_for_focus(self))

    def show_shortcuts(self) -> None:
        """List every keyboard shortcut (Help > Keyboard Shortcuts)."""
        from app.ui.dialogs.shortcuts import show_shortcuts

        show_shortcuts(self, self.actions)

    def show_about(self) -> None:
        """Say what Slant is and which version this is (Help > About Slant)."""
        from app.ui.dialogs.about import show_about

        show_about(self)

    # -- what controllers and other modules ask of the window ----------------------------

    def open_path(self, path: Path, *, remember: bool = True) -> bool:
        """Open the article at *path* with its annotations (see ArticleOpener.open_path)."""
        return self.opener.open_path(path, remember=remember)

    def open_article(self, article: Article, *, remember: bool = True) -> bool:
        """Open an article already loaded from its file (see ArticleOpener.open_article)."""
        return self.opener.open_article(article, remember=remember)

    def tag_selection(self, tag_id: str) -> Annotation | None:
        """Tag the article's selection (see AnnotationController.tag_selection)."""
        return self.annotating.tag_selection(tag_id)

    def report_problem(self, title: str, text: str) -> None:
        """Show a problem in a dialog, or on stderr when the window is unattended."""
        if self.interactive:
            ProblemMessage.ask(self, title, text)
        else:
            print(f"slant: {text}", file=sys.stderr)

    def _report_settings_problem(self) -> None:
        title = translate("MainWindow", "Your settings could not be used")
        self.report_problem(title, self._settings_problem)

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

    # -- author, focus, zoom -------------------------------------------------------------

    def ask_author(self, *, force: bool = False, to_hand_in: bool = False) -> None:
        """Ask the reader's name the first time (or when *force*d from the menu); with
        *to_hand_in*, as Hand In asks it: needed, and skipping it means not handing in."""
        if self.settings.author_asked and not (force or to_hand_in):
            return
        from app.ui.dialogs.author_dialog import AuthorDialog  # dialogs load when first used

        if to_hand_in:
            ask = AuthorDialog.ask_to_hand_in
        else:
            ask = AuthorDialog.ask_to_change if force else AuthorDialog.ask
        name = ask(self, self.settings.author_name)
        self.settings.author_asked = True
        if name is not None:
            self.settings.author_name = name
            self.document.adopt_author(name)
        self.save_settings()

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

    def update_title(self, *_: object) -> None:
        """Show the article, its save state and unsaved changes in the title and status bar."""
        article = self.document.article
        title = (
            isolate(short_quote(article.title or getattr(article.path, "name", ""), TITLE_CHARS))
            if article
            else ""
        )
        saved = self.document.save_state == SAVED
        state = translate("SaveState", str(SAVE_STATE_TEXT[self.document.save_state]))
        shown_state = ("✓ " if saved else "") + state
        if self.document.is_answer_key:  # said in the title and beside the save state
            title = translate("MainWindow", "Answer Key: {title}").format(title=title)
            shown_state = translate("MainWindow", "Answer key · {state}").format(state=shown_state)
        self.save_label.setText(shown_state)
        set_look_state(self.save_label, "state", self.document.save_state)
        self.setWindowTitle(f"{title}[*] — {state} — Slant" if article else "Slant")

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _clear_recent(self) -> None:
        self.settings.recent_files = []
        self.rebuild_recent_menu()
        self.save_settings()

    # -- window state --------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        geometry = QtCore.QByteArray.fromBase64(self.settings.window_geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        state = QtCore.QByteArray.fromBase64(self.settings.splitter_state.encode("ascii"))
        if state.isEmpty() or not self.splitter.restoreState(state):
            width = max(self.width(), 900)
            self.splitter.setSizes([width * 2 // 3, width // 3])
        self.view.set_zoom(self.settings.zoom)
        self.zoom_label.setText(f"{self.view.zoom_percent()}%")

    def save_settings(self) -> None:
        """Write the settings; say in the status bar when that fails."""
        problem = save_settings(self.settings)
        if problem:
            self.annotating.status(problem)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Flush the annotations (asking first if that fails) and remember the layout."""
        if not self.opener.leave_current_article():
            event.ignore()
            return
        self.document.autosaver.discard()
        self.document.shutdown()
        self.settings.window_geometry = self.saveGeometry().toBase64().toStdString()
        self.settings.splitter_state = self.splitter.saveState().toBase64().toStdString()
        self.settings.zoom = self.view.zoom_percent()
        self.save_settings()
        super().closeEvent(event)
