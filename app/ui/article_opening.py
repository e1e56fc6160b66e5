"""Opening an article in the main window: choose the file, read it and its annotations,
show both, and remember it among the recent articles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.article import Article, load_article
from app.core.errors import SlantError
from app.core.gc_pause import collector_paused
from app.core.sidecar import Author
from app.ui.editing.sidecar_safety import adopt_default_tagset, read_annotations
from app.ui.i18n import translate
from app.ui.messages import ArticleFileDialog, ConfirmMessage

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class ArticleOpener(QObject):
    """Opens articles in the window; keeps the current one when another cannot be opened."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.document.articleLoaded.connect(self._show_article)

    def choose_and_open(self) -> bool:
        """Ask for an article file and open it."""
        article = self._window.document.article
        folder = str(article.path.parent) if article and article.path else str(Path.home())
        path = ArticleFileDialog.ask(self._window, folder)
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
            self._window.report_problem(
                title, f"{_in_plain_words(exc, Path(path))}{self._keep_note()}"
            )
            return False
        return self.open_article(article, remember=remember)

    def open_article(self, article: Article, *, remember: bool = True) -> bool:
        """Open an article already loaded from its file, as open_path does after loading."""
        window = self._window
        settings = window.settings
        try:
            author = Author(name=settings.author_name, role=settings.author_role)
            opened = read_annotations(article, author)
        except (SlantError, OSError) as exc:
            title = translate("MainWindow", "Slant could not read the annotations")
            window.report_problem(title, f"{exc}{self._keep_note()}")
            return False
        if not self.leave_current_article():
            return False
        tagset_problem = adopt_default_tagset(opened.sidecar, opened.path, settings)
        # Thousands of highlights and list rows at once (see app/core/gc_pause.py); no dialog
        # can open in here, so the collector is never off while the user is asked something.
        with collector_paused():
            window.safety.load(article, opened)
        if tagset_problem:
            window.message_bar.show_notice(tagset_problem)
        if remember and article.path is not None:
            settings.add_recent(article.path)
            window.rebuild_recent_menu()
            window.save_settings()
        return True

    def leave_current_article(self) -> bool:
        """Save the open article's annotations; when that fails, ask whether to go on."""
        document = self._window.document
        if document.flush():
            return True
        title = document.article.title if document.article else ""
        return ConfirmMessage.ask(
            self._window,
            translate("MainWindow", "Your annotations are not saved"),
            translate(
                "MainWindow",
                "The annotations for “{title}” could not be saved: {error}\n\n"
                "Go on anyway and lose the latest changes?",
            ).format(title=title, error=document.last_error),
            translate("MainWindow", "Lose Changes"),
        )

    def _keep_note(self) -> str:
        if not self._window.document.article:
            return ""
        return " " + translate("MainWindow", "The article you had open stays open.")

    def _show_article(self) -> None:
        window = self._window
        doc, view = window.document, window.view
        article = doc.article
        assert article is not None  # articleLoaded follows load()
        window.actions.set_tags(doc.tagset)
        view.set_article(article)
        window.page_header.set_article(article)
        window.status_bar.set_note(_page_note(article))
        view.set_tagset(doc.tagset)
        # The filter first: each call re-applies the visible blocks' highlights.
        view.set_visible_tags(window.sidebar.visible_tags())
        view.set_annotations(doc.annotations_unordered())
        window.message_bar.clear()
        # SidecarSafety.load adds what happened to the annotations file and where it is.
        notices = [*article.warnings, *doc.anchoring_notices()]
        if any(notices):
            window.message_bar.show_notice(" ".join(n for n in notices if n))
        view.setFocus()
        window.update_title()


def _page_note(article: Article) -> str:
    """What the status bar says while *article* is open: why a web page's whole text is
    shown instead of its article ("" for an article found, and for other files)."""
    page = article.page
    if page is None or not page.fallback_reason:
        return ""
    return translate(
        "MainWindow",
        "The page's article could not be found, so its whole text is shown: {reason}.",
    ).format(reason=page.fallback_reason)


def _in_plain_words(exc: Exception, path: Path) -> str:
    """What went wrong opening the article at *path*, said so that a student can act on it.

    The two problems students meet most, a file moved since it was opened last (Open
    Recent) and a text file not saved as UTF-8, get their own sentences; others say what
    the error says.
    """
    cause = exc.__cause__
    if isinstance(cause, FileNotFoundError) or isinstance(exc, FileNotFoundError):
        return translate(
            "MainWindow",
            "Slant cannot find {file}: it is no longer in {folder}. It may have been moved, "
            "renamed or deleted, or it is on a USB stick or drive that is not plugged in.",
        ).format(file=path.name, folder=path.parent)
    if isinstance(cause, UnicodeDecodeError):
        return translate(
            "MainWindow",
            "{file} is not saved as UTF-8 text, so Slant cannot read its letters. Open it in "
            "your text editor, save it as UTF-8 (under “Save As”, choose the encoding UTF-8) "
            "and open it again.",
        ).format(file=path.name)
    return str(exc)
