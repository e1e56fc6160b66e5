"""The preferences dialog (Edit > Preferences…) and applying what it stores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFontDatabase, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.core.errors import TagSetError
from app.core.tags import load_tagset
from app.ui.dialogs.tag_guide import TagGuide, guide_language
from app.ui.i18n import shown_tag, translate
from app.ui.settings import FONT_SIZES, MAX_NAME_CHARS, Settings, save_settings
from app.ui.theme import apply_appearance, default_article_point_size, use_look

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

# In English; the dialog shows them through translate("PreferencesDialog", ...).
ROLE_NAMES = {
    "student": QT_TRANSLATE_NOOP("PreferencesDialog", "Student"),
    "teacher": QT_TRANSLATE_NOOP("PreferencesDialog", "Teacher"),
}
THEME_NAMES = {
    "system": QT_TRANSLATE_NOOP("PreferencesDialog", "Same as the system"),
    "light": QT_TRANSLATE_NOOP("PreferencesDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("PreferencesDialog", "Dark"),
}
# Each language is named in its own words, so anyone can find theirs.
LANGUAGE_NAMES = {
    "system": QT_TRANSLATE_NOOP("PreferencesDialog", "Same as the system"),
    "en": "English",
    "es": "Español",
}
STATUS_MS = 6000


def edit_preferences(window: MainWindow) -> None:
    """Show the preferences; apply and save what the user chose."""
    chosen = PreferencesDialog.ask(window, window.settings)
    if chosen is None:
        return
    if chosen.author_name and chosen.author_name != window.settings.author_name:
        chosen.author_asked = True
        window.document.adopt_author(chosen.author_name)
    window.settings = chosen
    apply_appearance(window)
    guide = window.findChild(TagGuide)
    if guide is not None:
        guide.set_language(guide_language(chosen.language))
    problem = save_settings(chosen)
    if problem:
        window.statusBar().showMessage(problem, STATUS_MS)


class TagSetFileDialog:
    """Picks a teacher's tag-set file."""

    @classmethod
    def ask(cls, parent: QWidget | None, directory: str) -> Path | None:
        """Return the chosen file, or None when cancelled."""
        name, _ = QFileDialog.getOpenFileName(
            parent,
            translate("PreferencesDialog", "Choose a Tag Set"),
            directory,
            translate("PreferencesDialog", "Tag sets (*.json);;All files (*)"),
        )
        return Path(name) if name else None


class FolderDialog:
    """Picks a folder."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, directory: str) -> Path | None:
        """Return the chosen folder, or None when cancelled."""
        name = QFileDialog.getExistingDirectory(parent, title, directory)
        return Path(name) if name else None


def _combo(names: dict[str, object], current: str, accessible_name: str) -> QComboBox:
    combo = QComboBox()
    for value, text in names.items():
        # str(): PySide6 types QT_TRANSLATE_NOOP as returning object; it returns its text.
        combo.addItem(translate("PreferencesDialog", str(text)), value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setAccessibleName(accessible_name)
    return combo


def _hint(text: str) -> QLabel:
    """A small wrapped explanation under a setting."""
    label = QLabel(text)
    use_look(label, "hintLabel")
    label.setWordWrap(True)
    return label


def _buddy(text: str, field: QWidget) -> QLabel:
    """A form label whose Alt+letter moves the focus to *field*."""
    label = QLabel(text)
    label.setBuddy(field)
    return label


def _path_row(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(field, 1)
    row.addWidget(button)
    return row


class FontSizeSpin(QSpinBox):
    """A font size in points whose lowest value means "Automatic (*automatic* pt)".

    Up and Down step from the automatic size, not from the lowest size the special
    value stands for: "Automatic (12 pt)" goes to 13 pt, not to 6 pt.
    """

    def __init__(self, automatic: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._automatic = automatic

    def stepBy(self, steps: int) -> None:
        """Step from the automatic size when the automatic value is shown."""
        if self.value() == self.minimum():
            start = min(max(self._automatic, self.minimum() + 1), self.maximum())
            # From "Automatic (12 pt)", one step up is 13 pt and one down 11 pt.
            self.setValue(min(max(start + steps, self.minimum() + 1), self.maximum()))
            self.selectAll()
        else:
            super().stepBy(steps)

    def stepEnabled(self) -> QAbstractSpinBox.StepEnabledFlag:
        """Both ways from the automatic value; else as usual."""
        if self.value() == self.minimum():
            flags = QAbstractSpinBox.StepEnabledFlag
            return flags.StepUpEnabled | flags.StepDownEnabled
        return super().stepEnabled()


class PreferencesDialog(QDialog):
    """Name and role, reading font and theme, language, tag set and fallback folder.

    OK checks the tag-set file and the folder; a problem is shown in the dialog,
    naming the file, and the dialog stays open.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(translate("PreferencesDialog", "Preferences"))
        self.setMinimumWidth(560)
        self._settings = settings
        self._build_fields(settings)
        self.error_label = QLabel()
        self.error_label.setObjectName("preferencesError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)  # it quotes file names
        self.error_label.setAccessibleName(translate("PreferencesDialog", "Problem"))
        self.error_label.setStyleSheet("font-weight: bold;")
        self.error_label.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self._you_group())
        layout.addWidget(self._reading_group())
        layout.addWidget(self._files_group())
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.setFocus()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Stay tall enough for the wrapped hints at the width the dialog has."""
        super().resizeEvent(event)
        # A hint needs more lines in the width the form leaves it than in the width it
        # asks for; sized for the latter, the language hint was cut through its lines.
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(event.size().width())
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)  # a wider dialog may be lower again
            if needed > self.height():
                self.resize(self.width(), needed)

    # -- building ------------------------------------------------------------------------

    def _build_fields(self, settings: Settings) -> None:
        self.name_edit = QLineEdit(settings.author_name)
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.setPlaceholderText(translate("PreferencesDialog", "Your name"))
        self.name_edit.setAccessibleName(translate("PreferencesDialog", "Your name"))
        self.role_combo = _combo(
            ROLE_NAMES, settings.author_role, translate("PreferencesDialog", "Role")
        )
        self.font_combo = QComboBox()
        self.font_combo.setAccessibleName(translate("PreferencesDialog", "Article font"))
        self.font_combo.addItem(translate("PreferencesDialog", "Slant's reading font (serif)"), "")
        for family in QFontDatabase.families():
            self.font_combo.addItem(family, family)
        self.font_combo.setCurrentIndex(
            max(0, self.font_combo.findData(settings.article_font_family))
        )
        auto = round(default_article_point_size())
        self.size_spin = FontSizeSpin(auto)
        self.size_spin.setAccessibleName(translate("PreferencesDialog", "Article font size"))
        self.size_spin.setRange(FONT_SIZES[0] - 1, FONT_SIZES[1])
        self.size_spin.setSuffix(translate("PreferencesDialog", " pt"))
        self.size_spin.setSpecialValueText(
            translate("PreferencesDialog", "Automatic ({size} pt, follows the system)").format(
                size=auto
            )
        )
        self.size_spin.setValue(settings.article_font_size or self.size_spin.minimum())
        self.theme_combo = _combo(
            THEME_NAMES, settings.theme, translate("PreferencesDialog", "Theme")
        )
        self.language_combo = _combo(
            LANGUAGE_NAMES, settings.language, translate("PreferencesDialog", "Language")
        )
        self.tagset_edit = QLineEdit(settings.tagset_file)
        self.tagset_edit.setPlaceholderText(
            translate("PreferencesDialog", "None: Slant's four tags")
        )
        self.tagset_edit.setAccessibleName(translate("PreferencesDialog", "Default tag set file"))
        self.tagset_edit.setClearButtonEnabled(True)
        self.tagset_button = QPushButton(translate("PreferencesDialog", "Choose…"))
        self.tagset_button.setAccessibleName(
            translate("PreferencesDialog", "Choose a tag set file")
        )
        self.tagset_button.clicked.connect(self._choose_tagset)
        self.tagset_status = _hint("")
        self.tagset_status.setTextFormat(Qt.TextFormat.PlainText)  # the tag set's own words
        self.tagset_edit.editingFinished.connect(self._show_tagset_status)
        self.fallback_edit = QLineEdit(settings.fallback_folder)
        self.fallback_edit.setPlaceholderText(str(paths.fallback_dir()))
        self.fallback_edit.setAccessibleName(
            translate("PreferencesDialog", "Folder for fallback saves")
        )
        self.fallback_edit.setClearButtonEnabled(True)
        self.fallback_button = QPushButton(translate("PreferencesDialog", "Choose…"))
        self.fallback_button.setAccessibleName(
            translate("PreferencesDialog", "Choose the folder for fallback saves")
        )
        self.fallback_button.clicked.connect(self._choose_fallback)
        self._show_tagset_status()

    def _you_group(self) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "You"))
        form = QFormLayout(group)
        form.addRow(
            _buddy(translate("PreferencesDialog", "&Name:"), self.name_edit), self.name_edit
        )
        form.addRow(
            _buddy(translate("PreferencesDialog", "&Role:"), self.role_combo), self.role_combo
        )
        return group

    def _reading_group(self) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Reading"))
        form = QFormLayout(group)
        rows = (
            (translate("PreferencesDialog", "&Article font:"), self.font_combo),
            (translate("PreferencesDialog", "Font &size:"), self.size_spin),
            (translate("PreferencesDialog", "&Theme:"), self.theme_combo),
            (translate("PreferencesDialog", "&Language:"), self.language_combo),
        )
        for text, field in rows:
            form.addRow(_buddy(text, field), field)
        # Menus and panels are built once, so a new language shows after a restart.
        form.addRow(
            "",
            _hint(
                translate(
                    "PreferencesDialog",
                    "The tag guide switches at once; menus and panels use the new language "
                    "the next time Slant starts.",
                )
            ),
        )
        return group

    def _files_group(self) -> QGroupBox:
        group = QGroupBox(translate("PreferencesDialog", "Files"))
        form = QFormLayout(group)
        tagset_label = _buddy(translate("PreferencesDialog", "&Default tag set:"), self.tagset_edit)
        form.addRow(tagset_label, _path_row(self.tagset_edit, self.tagset_button))
        form.addRow("", self.tagset_status)
        fallback_label = _buddy(
            translate("PreferencesDialog", "&Fallback folder:"), self.fallback_edit
        )
        form.addRow(fallback_label, _path_row(self.fallback_edit, self.fallback_button))
        form.addRow(
            "",
            _hint(
                translate(
                    "PreferencesDialog",
                    "Annotations go there when the article's own folder cannot be written.",
                )
            ),
        )
        return group

    # -- reacting ------------------------------------------------------------------------

    def _choose_tagset(self) -> None:
        start = self.tagset_edit.text() or str(paths.resource_path("tagsets"))
        chosen = TagSetFileDialog.ask(
            self, str(Path(start).parent if Path(start).is_file() else start)
        )
        if chosen is not None:
            self.tagset_edit.setText(str(chosen))
            self._show_tagset_status()

    def _choose_fallback(self) -> None:
        start = self.fallback_edit.text() or str(paths.fallback_dir().parent)
        chosen = FolderDialog.ask(
            self, translate("PreferencesDialog", "Folder for Fallback Saves"), start
        )
        if chosen is not None:
            self.fallback_edit.setText(str(chosen))

    def _show_tagset_status(self) -> None:
        text = self.tagset_edit.text().strip()
        if not text:
            self.tagset_status.setText(
                translate("PreferencesDialog", "New annotation files use Slant's four tags.")
            )
            return
        try:
            tagset = load_tagset(Path(text).expanduser())
        except (TagSetError, OSError) as exc:
            self.tagset_status.setText(str(exc))
            return
        labels = ", ".join(shown_tag(tag).label for tag in tagset.tags)
        self.tagset_status.setText(f"“{tagset.name}”: {labels}.")

    # -- results -------------------------------------------------------------------------

    def problem(self) -> str:
        """A sentence about the first field that cannot be used, or ""."""
        tagset_file = self.tagset_edit.text().strip()
        if tagset_file:
            try:
                load_tagset(Path(tagset_file).expanduser())
            except (TagSetError, OSError) as exc:
                return translate(
                    "PreferencesDialog", "The default tag set cannot be used: {error}"
                ).format(error=exc)
        folder = self.fallback_edit.text().strip()
        if folder:
            path = Path(folder).expanduser()
            if not path.is_absolute():
                return translate(
                    "PreferencesDialog", "The fallback folder must be a full path, like {example}."
                ).format(example=paths.fallback_dir())
            if path.exists() and not path.is_dir():
                return translate(
                    "PreferencesDialog", "The fallback folder {path} is a file, not a folder."
                ).format(path=path)
        return ""

    def chosen_settings(self) -> Settings:
        """A copy of the settings with the values in the dialog."""
        size = self.size_spin.value()
        tagset_file = self.tagset_edit.text().strip()
        folder = self.fallback_edit.text().strip()
        return replace(
            self._settings,
            recent_files=list(self._settings.recent_files),
            author_name=" ".join(self.name_edit.text().split()),
            author_role=self.role_combo.currentData(),
            article_font_family=self.font_combo.currentData(),
            article_font_size=0 if size < FONT_SIZES[0] else size,
            theme=self.theme_combo.currentData(),
            language=self.language_combo.currentData(),
            tagset_file=str(Path(tagset_file).expanduser()) if tagset_file else "",
            fallback_folder=str(Path(folder).expanduser()) if folder else "",
        )

    def accept(self) -> None:
        """Close with OK only when every field can be used; otherwise say why."""
        problem = self.problem()
        if problem:
            self.error_label.setText(f"⚠ {problem}")
            self.error_label.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, settings: Settings) -> Settings | None:
        """Show the preferences; return the chosen settings, or None when cancelled."""
        dialog = cls(settings, parent)
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            return dialog.chosen_settings() if accepted else None
        finally:
            dialog.deleteLater()
