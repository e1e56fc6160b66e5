"""The note editor: a small dialog with the quote and a multi-line note."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ui.editing.commands import short_quote
from app.ui.i18n import translate
from app.ui.plain_text import escape, isolate
from app.ui.theme import use_look


class NoteEditor(QDialog):
    """Edits the note of one annotation; Ctrl+Enter saves, Escape cancels."""

    def __init__(
        self, quote: str, tag_label: str, note: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NoteEditor", "Note"))
        self.setMinimumSize(460, 320)
        heading = QLabel(f"<b>{escape(isolate(tag_label))}</b>")
        quote_label = QLabel(f"“{escape(short_quote(quote, 300))}”")
        quote_label.setWordWrap(True)
        # The theme's hint colour, not a fixed grey: #4A5160 was 2.0:1 on the dark window.
        use_look(quote_label, "quoteLabel")
        prompt = QLabel(translate("NoteEditor", "Why did you tag this? What would you check?"))
        self.editor = QPlainTextEdit(note)
        self.editor.setPlaceholderText(translate("NoteEditor", "Write your note here…"))
        self.editor.setTabChangesFocus(True)
        self.editor.setAccessibleName(translate("NoteEditor", "Note"))
        prompt.setBuddy(self.editor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(quote_label)
        layout.addWidget(prompt)
        layout.addWidget(self.editor, 1)
        hint = QLabel(translate("NoteEditor", "Ctrl+Enter saves · Esc cancels"))
        use_look(hint, "hintLabel")
        layout.addWidget(hint, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(buttons)
        self.editor.setFocus()
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)

    def note(self) -> str:
        """The note as typed, without trailing whitespace."""
        return self.editor.toPlainText().rstrip()

    @classmethod
    def ask(cls, parent: QWidget | None, quote: str, tag_label: str, note: str) -> str | None:
        """Show the editor; return the new note, or None when cancelled. Tests replace this."""
        dialog = cls(quote, tag_label, note, parent)
        try:
            return dialog.note() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
