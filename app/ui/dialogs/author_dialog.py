"""Asks the reader's name once, so a teacher can tell whose annotations a file holds."""

from __future__ import annotations

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


class AuthorDialog(QDialog):
    """A one-line name question with OK and Skip."""

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AuthorDialog", "Welcome to Slant"))
        self.setMinimumWidth(420)
        intro = QLabel(
            translate(
                "AuthorDialog",
                "<b>What's your name?</b><br>"
                "Slant writes it into your annotation files so your teacher knows they are "
                "yours. You can skip this and add it later from the File menu.",
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(translate("AuthorDialog", "Your name"))
        self.name_edit.setAccessibleName(translate("AuthorDialog", "Your name"))
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        intro.setBuddy(self.name_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        skip = buttons.addButton(
            translate("AuthorDialog", "Skip"), QDialogButtonBox.ButtonRole.RejectRole
        )
        skip.setAutoDefault(False)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name_edit)
        layout.addWidget(buttons)

    def name(self) -> str:
        """The name typed, with surrounding spaces removed."""
        return " ".join(self.name_edit.text().split())

    @classmethod
    def ask(cls, parent: QWidget | None, name: str = "") -> str | None:
        """Ask for the name; return it, or None when skipped. Tests replace this."""
        dialog = cls(name, parent)
        try:
            return dialog.name() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
