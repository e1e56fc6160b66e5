"""Messages to the user: dialogs behind replaceable @classmethod ask, and the message bar."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtWidgets
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.core.article_formats import SUPPORTED_SUFFIXES
from app.ui.i18n import translate
from app.ui.theme import draw_edge, set_look_state, use_look

# The dialogs name QMessageBox and QFileDialog through QtWidgets when they are shown:
# PySide6 makes a Qt class (and its enum classes, ~1 ms for these two) the first time
# Python names it, and a start-up without a problem never needs either.


def _message_box(
    icon: QtWidgets.QMessageBox.Icon, title: str, text: str, parent: QWidget | None
) -> QtWidgets.QMessageBox:
    box = QtWidgets.QMessageBox(icon, title, text, parent=parent)
    # Messages quote file names and file contents: never read them as markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


class ProblemMessage:
    """Tells the user something went wrong and what it means for them."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> None:
        """Show *text* in a warning box and wait for OK."""
        _message_box(QtWidgets.QMessageBox.Icon.Warning, title, text, parent).exec()


class ConfirmMessage:
    """Asks a yes/no question whose "yes" loses something."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
        """Return True when the user picks *yes_text*; the safe answer is the default."""
        box = _message_box(QtWidgets.QMessageBox.Icon.Warning, title, text, parent)
        yes = box.addButton(yes_text, QtWidgets.QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(QtWidgets.QMessageBox.StandardButton.Cancel))
        box.exec()
        return box.clickedButton() is yes


class QuestionMessage:
    """Asks a yes/no question whose "yes" loses nothing (e.g. merging copies)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
        """Return True when the user picks *yes_text*, which is the default button."""
        box = _message_box(QtWidgets.QMessageBox.Icon.Question, title, text, parent)
        yes = box.addButton(yes_text, QtWidgets.QMessageBox.ButtonRole.AcceptRole)
        box.addButton(translate("Messages", "Not Now"), QtWidgets.QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes


class ArticleFileDialog:
    """Picks an article file to open."""

    @classmethod
    def ask(cls, parent: QWidget | None, directory: str) -> Path | None:
        """Return the chosen file, or None when cancelled."""
        name, _ = QtWidgets.QFileDialog.getOpenFileName(
            parent,
            translate("Messages", "Open an Article"),
            directory,
            translate("Messages", "Articles ({patterns});;All files (*)").format(
                patterns=" ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
            ),
        )
        return Path(name) if name else None


class MessageBar(QFrame):
    """A coloured bar across the top of the window: a problem (yellow) or a notice (blue).

    A notice may carry technical details (what a file's error said exactly): they stay
    hidden behind a "Details" button, so that the message itself is in plain words.

    Signals:
        retryRequested(): the user pressed "Try Again" on a problem.
    """

    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        use_look(self, "messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes file names and contents
        self.label.setAccessibleName(translate("Messages", "Message"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel()
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.PlainText)
        self.details_label.setAccessibleName(translate("Messages", "Details"))
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_button = QPushButton(translate("Messages", "Details"))
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._show_details)
        self.retry_button = QPushButton(translate("Messages", "Try Again"))
        self.retry_button.clicked.connect(self.retryRequested)
        self.close_button = QPushButton(translate("Messages", "Dismiss"))
        self.close_button.clicked.connect(self.hide)
        texts = QVBoxLayout()
        texts.setContentsMargins(0, 0, 0, 0)
        texts.addWidget(self.label)
        texts.addWidget(self.details_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        layout.addLayout(texts, 1)
        layout.addWidget(self.details_button)
        layout.addWidget(self.retry_button)
        layout.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_problem(self, text: str) -> None:
        """Show a problem that Slant keeps retrying (no dismiss: it is still true)."""
        self._show("problem", text, retry=True)

    def show_notice(self, text: str, details: str = "") -> None:
        """Show something worth knowing that needs no action; *details* behind a button."""
        self._show("notice", text, retry=False, details=details)

    def add_notice(self, text: str, details: str = "") -> None:
        """Show a notice after the notice shown (if any), with *details* after its own."""
        if self.kind == "notice" and not self.isHidden():
            text = f"{self.text()} {text}"
            details = "\n".join(part for part in (self.details(), details) if part)
        self.show_notice(text, details)

    def clear(self, kind: str | None = None) -> None:
        """Hide the bar (only when it shows *kind*, if given)."""
        if kind is None or self.kind == kind:
            self.kind = ""
            self.details_label.clear()
            self.hide()

    def text(self) -> str:
        """The message shown."""
        return self.label.text()

    def details(self) -> str:
        """The technical details behind the message's "Details" button ("" for none)."""
        return self.details_label.text()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint the bar, then the line along its bottom."""
        super().paintEvent(event)
        draw_edge(self, top=False)

    def _show(self, kind: str, text: str, *, retry: bool, details: str = "") -> None:
        self.kind = kind
        set_look_state(self, "kind", kind)
        self.label.setText(text)
        self.details_label.setText(details)
        self.details_button.setChecked(False)  # each message starts in plain words
        self._show_details(False)
        self.details_button.setVisible(bool(details))
        self.retry_button.setVisible(retry)
        self.close_button.setVisible(not retry)
        self.show()

    def _show_details(self, shown: bool) -> None:
        self.details_label.setVisible(shown)
        self.details_button.setText(
            translate("Messages", "Hide Details") if shown else translate("Messages", "Details")
        )
