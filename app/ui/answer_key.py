"""File > New Answer Key: the main window switches between the reader's own annotations
and the teacher's answer key for the same article, one at a time, never mixing them."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.core.answer_key import can_write_in, key_path, open_key
from app.core.classroom import KEY_SUFFIX
from app.core.errors import SlantError
from app.core.gc_pause import collector_paused
from app.core.sidecar import SIDECAR_SUFFIX
from app.ui.i18n import translate

if TYPE_CHECKING:
    from app.core.article import Article
    from app.ui.main_window import MainWindow


class AnswerKeyFileDialog:
    """Picks where a new answer key goes when the article's folder cannot be written."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested: Path) -> Path | None:
        """Return the file chosen (an existing key there is opened, not replaced), or None."""
        name, _ = QtWidgets.QFileDialog.getSaveFileName(
            parent,
            translate("AnswerKey", "Save the Answer Key"),
            str(suggested),
            translate("AnswerKey", "Slant answer keys (*{suffix})").format(suffix=KEY_SUFFIX),
            options=QtWidgets.QFileDialog.Option.DontConfirmOverwrite,
        )
        return Path(name) if name else None


class AnswerKeySwitch(QObject):
    """Opens the article's answer key in the window in place of the reader's annotations,
    and goes back. Each is saved to its own file; the one shown is saved before the switch.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.document.articleLoaded.connect(self._follow)

    def toggle(self) -> bool:
        """Open the answer key, or go back to the reader's own annotations when it is open."""
        return self.back_to_own() if self._window.document.is_answer_key else self.start()

    def start(self) -> bool:
        """Open the key of the article shown: the existing one, or a new one by the teacher.

        The key is ``<article>.key.slant.json`` beside the article, where Open Class finds
        it; when that folder cannot be written the teacher chooses another place.
        """
        window = self._window
        doc = window.document
        article = doc.article
        if article is None or article.path is None:
            window.annotating.status(
                translate("AnswerKey", "Open the article the answer key is for first.")
            )
            return False
        path = self._where(article.path)
        if path is None:
            return False
        existed = os.path.lexists(path)
        try:
            sidecar, state = open_key(path, article, window.settings.author_name, doc.tagset)
        except (SlantError, OSError) as exc:
            title = translate("AnswerKey", "Slant could not open the answer key")
            stays = translate("AnswerKey", "Your own annotations stay open.")
            window.report_problem(title, f"{exc} {stays}")
            return False
        if not window.opener.leave_current_article():
            return False
        with collector_paused():
            doc.load(article, sidecar, path, disk_state=state, answer_key=True)
        window.actions.set_tagging_enabled(True)
        window.sidebar.set_editable(True)
        window.message_bar.show_notice(self._editing_notice(article, path, existed))
        return True

    def back_to_own(self) -> bool:
        """Save the key and show the reader's own annotations of the same article again."""
        article = self._window.document.article
        if article is None or not self._window.open_article(article, remember=False):
            return False
        self._window.annotating.status(
            translate("AnswerKey", "The answer key is saved; these are your own annotations.")
        )
        return True

    def _where(self, article_path: Path) -> Path | None:
        """The key beside the article, or where the teacher chooses when that folder cannot
        be written (None when they cancel)."""
        path = key_path(article_path)
        if os.path.lexists(path) or can_write_in(path.parent):
            return path
        chosen = AnswerKeyFileDialog.ask(self._window, Path.home() / path.name)
        if chosen is None or chosen.name.endswith(SIDECAR_SUFFIX):
            return chosen
        return chosen.with_name(chosen.name + KEY_SUFFIX)  # "harbour" is harbour.key.slant.json

    def _editing_notice(self, article: Article, path: Path, existed: bool) -> str:
        assert article.path is not None
        beside = path.parent == article.path.parent
        if existed:
            first = translate(
                "AnswerKey", "This article has an answer key already: you are editing it."
            )
        else:
            first = translate("AnswerKey", "You are making the answer key for this article.")
        if beside:
            where = translate(
                "AnswerKey",
                "It is saved as {file} beside the article, where Open Class finds it.",
            ).format(file=path.name)
        else:
            where = translate(
                "AnswerKey",
                "The article's folder cannot be written, so it is saved as {path}.",
            ).format(path=path)
        back = translate(
            "AnswerKey", "File > Back to Your Annotations shows your own annotations again."
        )
        return f"{first} {where} {back}"

    def _follow(self) -> None:
        is_key = self._window.document.is_answer_key
        self._window.actions.set_answer_key_open(is_key)
        self._window.sidebar.set_answer_key_shown(is_key)
