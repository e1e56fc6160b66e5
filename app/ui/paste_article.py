"""File > New Article from Clipboard: what a student copied becomes a Markdown article file,
saved where they choose and opened."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QGuiApplication

from app.core.article import Article, parse_plain_text
from app.core.article_formats import collapse_space
from app.core.atomic import write_atomically
from app.core.errors import ArticleError, SlantError
from app.core.file_names import safe_file_name
from app.core.markdown_writer import article_to_markdown
from app.ui.i18n import translate
from app.ui.messages import ConfirmMessage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.main_window import MainWindow

MAX_NAME_BYTES = 80  # in UTF-8; every file system takes 255, and the folder needs room too
MARKDOWN_SUFFIXES = (".md", ".markdown")
CLIPBOARD = "clipboard"  # the name the article's messages give its source


class SaveArticleDialog:
    """Asks where to save the new article's Markdown file."""

    @classmethod
    def ask(cls, parent: QWidget | None, proposed: Path) -> Path | None:
        """Return the file chosen, starting at *proposed*, or None when cancelled.

        The platform's dialog asks before an existing file is replaced.
        """
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            parent,
            translate("PasteArticle", "Save the New Article"),
            str(proposed),
            translate("PasteArticle", "Markdown articles (*.md)"),
        )
        return Path(name) if name else None


def file_name_for(title: str) -> str:
    """``<title>.md``, safe as a file name on Windows, macOS and Linux ("Article.md" for a
    title with nothing usable in it)."""
    stem = safe_file_name(title, MAX_NAME_BYTES) or translate("PasteArticle", "Article")
    return stem + ".md"


def documents_folder() -> Path:
    """The user's documents folder (their home folder when the system names none)."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home()


def article_from_clipboard() -> Article | None:
    """The article in the clipboard: its HTML's article when it holds HTML, else its text
    as paragraphs; None when it holds no text.

    Raises SlantError when the clipboard holds HTML without text that Slant cannot read.
    """
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None
    text = mime.text() if mime.hasText() else ""
    if mime.hasHtml() and mime.html().strip():
        from app.core.web_page import article_from_html  # the extractor, on first use

        try:
            return article_from_html(mime.html(), CLIPBOARD)
        except ArticleError:
            if not text.strip():
                raise
    lines = [collapse_space(line) for line in text.splitlines()]
    if not any(lines):
        return None
    # One paragraph per line, the first line the title, as a .txt article is read.
    return parse_plain_text("\n".join(line for line in lines if line))


class ArticlePaster:
    """Makes a new article file from the clipboard and opens it in the window."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def paste_new_article(self) -> Path | None:
        """Ask where to save the clipboard's article as Markdown, save it and open it.

        Returns the file written, or None when nothing was (an empty clipboard, cancelled,
        a folder that cannot be written: each is said in the status bar or a message).
        """
        window = self._window
        try:
            article = article_from_clipboard()
        except SlantError as exc:
            title = translate("PasteArticle", "Slant could not read the clipboard")
            window.report_problem(title, str(exc))
            return None
        if article is None:
            window.annotating.status(
                translate(
                    "PasteArticle",
                    "The clipboard holds no text. Select an article's text in your browser, "
                    "copy it (Ctrl+C), then try again.",
                )
            )
            return None
        title = article.page.title if article.page and article.page.title else article.title
        path = SaveArticleDialog.ask(window, documents_folder() / file_name_for(title))
        if path is None:
            return None
        path = self._with_markdown_suffix(path)
        if path is None or not self._write(path, article):
            return None
        window.open_path(path)
        return path

    def _with_markdown_suffix(self, path: Path) -> Path | None:
        """*path* ending in .md; a name the suffix made that exists is replaced only if the
        user says so (the dialog asked about the name typed, not this one)."""
        if path.suffix.lower() in MARKDOWN_SUFFIXES:
            return path
        path = path.with_name(path.name + ".md")
        if not path.exists():
            return path
        replace = ConfirmMessage.ask(
            self._window,
            translate("PasteArticle", "Replace the existing file?"),
            translate("PasteArticle", "{file} is already in {folder}. Replace it?").format(
                file=path.name, folder=path.parent
            ),
            translate("PasteArticle", "Replace"),
        )
        return path if replace else None

    def _write(self, path: Path, article: Article) -> bool:
        try:
            write_atomically(path, article_to_markdown(article).encode("utf-8"), keep_backup=False)
        except OSError as exc:
            self._window.report_problem(
                translate("PasteArticle", "Slant could not save the new article"),
                translate(
                    "PasteArticle",
                    "{file} could not be written in {folder} ({reason}). Save it in a folder "
                    "of your own, such as your Documents folder.",
                ).format(file=path.name, folder=path.parent, reason=exc.strerror or exc),
            )
            return False
        return True
