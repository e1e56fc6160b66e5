"""The class window's dialogs: which class to open, and where to export it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.submissions import is_zip_input
from app.ui.i18n import translate
from app.ui.theme import use_look


def _path_row(edit: QLineEdit, *buttons: QPushButton) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    for button in buttons:
        layout.addWidget(button)
    return row


def _browse(
    edit: QLineEdit, accessible_name: str, pick: Callable[[str], str], text: str = ""
) -> QPushButton:
    button = QPushButton(text or translate("ClassDialogs", "Browse…"))
    button.setAccessibleName(accessible_name)

    def browse() -> None:
        chosen = pick(edit.text())
        if chosen:
            edit.setText(chosen)

    button.clicked.connect(browse)
    return button


@dataclass(frozen=True)
class ClassChoice:
    """What to open: the article, the folder of sidecars or the LMS's zip of them, and
    optionally the key file."""

    article: Path
    folder: Path
    key: Path | None = None


class OpenClassDialog(QDialog):
    """Asks for an article, a folder or zip of the class's sidecars and, optionally, a key."""

    def __init__(self, parent: QWidget | None = None, article: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClassDialogs", "Open a Class"))
        self.article_edit = QLineEdit(str(article) if article else "")
        self.folder_edit = QLineEdit(str(article.parent) if article else "")
        self.key_edit = QLineEdit()
        self.key_edit.setPlaceholderText(
            translate(
                "ClassDialogs",
                "Optional: otherwise the article's key file beside it "
                "(ARTICLE.key.slant.json) is used",
            )
        )
        for edit, name in (
            (self.article_edit, translate("ClassDialogs", "Article file")),
            (
                self.folder_edit,
                translate("ClassDialogs", "Folder or zip of the students' sidecars"),
            ),
            (self.key_edit, translate("ClassDialogs", "Answer key file (optional)")),
        ):
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._update_ok)
        form = QFormLayout()
        rows = (
            (
                translate("ClassDialogs", "&Article:"),
                self.article_edit,
                translate("ClassDialogs", "Browse for the article"),
                self._pick_article,
            ),
            (
                translate("ClassDialogs", "&Sidecars folder or zip:"),
                self.folder_edit,
                translate("ClassDialogs", "Browse for the sidecars folder"),
                self._pick_folder,
            ),
            (
                translate("ClassDialogs", "Answer &key:"),
                self.key_edit,
                translate("ClassDialogs", "Browse for the answer key"),
                self._pick_key,
            ),
        )
        for text, edit, browse_name, pick in rows:
            label = QLabel(text)
            label.setBuddy(edit)
            buttons = [_browse(edit, browse_name, pick)]
            if edit is self.folder_edit:
                self.zip_button = _browse(
                    edit,
                    translate("ClassDialogs", "Browse for a zip of the sidecars"),
                    self._pick_zip,
                    translate("ClassDialogs", "&Zip…"),
                )
                buttons.append(self.zip_button)
            form.addRow(label, _path_row(edit, *buttons))
        hint = QLabel(
            translate(
                "ClassDialogs",
                "Every *.slant.json file in the folder and its subfolders, or in the zip "
                "downloaded from Moodle, Canvas or Google Drive, is read; files that cannot "
                "be used are listed with the reason.",
            )
        )
        use_look(hint, "hintLabel")
        hint.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self._update_ok()

    def choice(self) -> ClassChoice | None:
        """The paths entered, or None while they do not name an article and a folder or zip."""
        article, folder = Path(self.article_edit.text().strip()), self.folder_edit.text().strip()
        key = self.key_edit.text().strip()
        if not article.is_file() or not folder:
            return None
        if not Path(folder).is_dir() and not is_zip_input(Path(folder)):
            return None
        if key and not Path(key).is_file():
            return None
        return ClassChoice(article, Path(folder), Path(key) if key else None)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Open)
        ok.setEnabled(self.choice() is not None)

    def _pick_article(self, current: str) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ClassDialogs", "The Class's Article"),
            current,
            translate("ClassDialogs", "Articles (*.txt *.md *.markdown *.html *.htm)"),
        )
        if name and not self.folder_edit.text().strip():
            self.folder_edit.setText(str(Path(name).parent))
        return name

    def _pick_folder(self, current: str) -> str:
        title = translate("ClassDialogs", "The Students' Sidecars")
        return QFileDialog.getExistingDirectory(self, title, current)

    def _pick_zip(self, current: str) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ClassDialogs", "The Students' Sidecars in a Zip"),
            current,
            translate("ClassDialogs", "Zip files (*.zip);;All files (*)"),
        )
        return name

    def _pick_key(self, current: str) -> str:
        name, _ = QFileDialog.getOpenFileName(
            self,
            translate("ClassDialogs", "The Answer Key"),
            current,
            translate("ClassDialogs", "Slant annotations (*.slant.json);;All files (*)"),
        )
        return name

    @classmethod
    def ask(cls, parent: QWidget | None, article: Path | None = None) -> ClassChoice | None:
        """Return the class to open, or None when cancelled."""
        dialog = cls(parent, article)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


@dataclass(frozen=True)
class ExportChoice:
    """Where to write the class files, and whether to replace names by S01, S02, …"""

    folder: Path
    pseudonymize: bool = False


class ExportDialog(QDialog):
    """Asks for the folder the class files go to, and whether to pseudonymize."""

    def __init__(self, parent: QWidget | None, folder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ClassDialogs", "Export the Class"))
        self.folder_edit = QLineEdit(folder)
        self.folder_edit.setAccessibleName(translate("ClassDialogs", "Folder for the class files"))
        title = translate("ClassDialogs", "Export To")
        pick = lambda current: QFileDialog.getExistingDirectory(self, title, current)  # noqa: E731
        self.pseudonymize = QCheckBox(
            translate("ClassDialogs", "&Replace names with S01, S02, … (names.csv keys them)")
        )
        label = QLabel(translate("ClassDialogs", "&Folder:"))
        label.setBuddy(self.folder_edit)
        browse = _browse(self.folder_edit, translate("ClassDialogs", "Browse for a folder"), pick)
        form = QFormLayout()
        form.addRow(label, _path_row(self.folder_edit, browse))
        form.addRow("", self.pseudonymize)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, folder: str) -> ExportChoice | None:
        """Return where to export, or None when cancelled or no folder was given."""
        dialog = cls(parent, folder)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.folder_edit.text().strip():
            return None
        return ExportChoice(
            Path(dialog.folder_edit.text().strip()), dialog.pseudonymize.isChecked()
        )
