"""Asks the reader's name: once at the start (which they may skip), from File > Your Name
(to change it), or when handing in (where the name is needed, and skipping means not
handing in)."""

from __future__ import annotations

from enum import Enum

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import translate
from app.ui.settings import MAX_NAME_CHARS


class Purpose(Enum):
    """Why the name is asked, which decides the dialog's words."""

    WELCOME = "welcome"  # the first start: may be skipped
    CHANGE = "change"  # File > Your Name
    HAND_IN = "hand in"  # needed: skipping means not handing in


class AuthorDialog(QDialog):
    """A one-line name question with OK and Skip (Cancel from the menu), or, to hand in,
    Continue and Don't Hand In."""

    def __init__(
        self, name: str = "", parent: QWidget | None = None, purpose: Purpose = Purpose.WELCOME
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(420)
        hand_in = purpose is Purpose.HAND_IN
        intro = QLabel(_INTROS[purpose]())
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(translate("AuthorDialog", "Your name"))
        self.name_edit.setAccessibleName(translate("AuthorDialog", "Your name"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        intro.setBuddy(self.name_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if hand_in:
            self.setWindowTitle(translate("AuthorDialog", "Your Name for the Hand-In"))
            ok.setText(translate("AuthorDialog", "Continue"))
            # A hand-in without a name is refused anyway: say so before, not after.
            self.name_edit.textChanged.connect(lambda: ok.setEnabled(bool(self.name())))
            ok.setEnabled(bool(self.name()))
            skip_text = translate("AuthorDialog", "Don't Hand In")
        elif purpose is Purpose.CHANGE:
            self.setWindowTitle(translate("AuthorDialog", "Your Name"))
            skip_text = translate("AuthorDialog", "Cancel")
        else:
            self.setWindowTitle(translate("AuthorDialog", "Welcome to Slant"))
            skip_text = translate("AuthorDialog", "Skip")
        skip = self.buttons.addButton(skip_text, QDialogButtonBox.ButtonRole.RejectRole)
        skip.setAutoDefault(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.buttons)

    def name(self) -> str:
        """The name typed, with surrounding spaces removed."""
        return " ".join(self.name_edit.text().split())

    @classmethod
    def ask(cls, parent: QWidget | None, name: str = "") -> str | None:
        """Ask for the name; return it, or None when skipped. Tests replace this."""
        return cls._run(cls(name, parent))

    @classmethod
    def ask_to_change(cls, parent: QWidget | None, name: str = "") -> str | None:
        """Ask for a new name (File > Your Name); return it, or None when cancelled.
        Tests replace this."""
        return cls._run(cls(name, parent, Purpose.CHANGE))

    @classmethod
    def ask_to_hand_in(cls, parent: QWidget | None, name: str = "") -> str | None:
        """Ask for the name a hand-in needs; return it, or None when the student does not
        hand in. Tests replace this."""
        return cls._run(cls(name, parent, Purpose.HAND_IN))

    @staticmethod
    def _run(dialog: AuthorDialog) -> str | None:
        try:
            return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def _welcome_intro() -> str:
    return translate(
        "AuthorDialog",
        "<b>What's your name?</b><br>"
        "Slant writes it into your annotation files so your teacher knows they are "
        "yours. You can skip this and add it later from the File menu.",
    )


def _change_intro() -> str:
    return translate(
        "AuthorDialog",
        "<b>What's your name?</b><br>"
        "Slant writes it into your annotation files so your teacher knows they are "
        "yours. A new name goes into the annotations you make from now on.",
    )


def _hand_in_intro() -> str:
    return translate(
        "AuthorDialog",
        "<b>What's your name?</b><br>"
        "Your teacher tells hand-ins apart by the name on them, so your annotations "
        "cannot be handed in without it. Slant also writes it into your annotation "
        "files from now on.",
    )


# Functions, not sentences: each is translated when a dialog is made, in the language
# the interface speaks then.
_INTROS = {
    Purpose.WELCOME: _welcome_intro,
    Purpose.CHANGE: _change_intro,
    Purpose.HAND_IN: _hand_in_intro,
}
