"""The preferences dialog (Edit > Preferences…) and applying what it stores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
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
from app.core.sidecar import Sidecar
from app.core.tags import load_tagset
from app.ui.author_dialog import MAX_NAME_CHARS
from app.ui.rendering import SERIF
from app.ui.settings import FONT_SIZES, Settings, save_settings
from app.ui.tag_guide import TagGuide, guide_language
from app.ui.theme import Theme

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

ROLE_NAMES = {"student": "Student", "teacher": "Teacher"}
THEME_NAMES = {"system": "Same as the system", "light": "Light", "dark": "Dark"}
LANGUAGE_NAMES = {"system": "Same as the system", "en": "English", "es": "Español"}
DEFAULT_FONT_TEXT = "Slant's reading font (serif)"
MIN_ARTICLE_POINTS = 12.0
# The article reads a little larger than the menus: a third above the system font.
ARTICLE_SCALE = 4 / 3
STATUS_MS = 6000


def default_article_point_size(app_font: QFont | None = None) -> float:
    """The article's size at 100% zoom when none is chosen: follows the system font."""
    font = app_font or QApplication.font()
    return max(MIN_ARTICLE_POINTS, round(font.pointSizeF() * ARTICLE_SCALE))


def reading_font(settings: Settings) -> tuple[list[str], float]:
    """The article's font families (first found wins) and size in points at 100% zoom."""
    families = [settings.article_font_family] if settings.article_font_family else []
    size = float(settings.article_font_size) or default_article_point_size()
    return [*families, *SERIF], size


def apply_appearance(window: MainWindow) -> str:
    """Apply the window's theme and article font now; return the theme shown."""
    app = QApplication.instance()
    shown = Theme.of(app).apply(window.settings.theme)
    folder = window.settings.fallback_folder
    paths.set_fallback_dir(Path(folder) if folder else None)
    window.view.set_reading_font(*reading_font(window.settings))
    return shown


def adopt_default_tagset(sidecar: Sidecar, sidecar_file: Path, settings: Settings) -> str:
    """Give a new, empty sidecar the preferred tag set; return a problem sentence or "".

    Sidecars that exist on disk keep their own tag set.
    """
    if not settings.tagset_file or sidecar.annotations or sidecar_file.exists():
        return ""
    try:
        sidecar.tagset = load_tagset(Path(settings.tagset_file))
    except TagSetError as exc:
        return f"Your default tag set was not used: {exc}. Slant's four tags are used instead."
    return ""


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
            parent, "Choose a Tag Set", directory, "Tag sets (*.json);;All files (*)"
        )
        return Path(name) if name else None


class FolderDialog:
    """Picks a folder."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, directory: str) -> Path | None:
        """Return the chosen folder, or None when cancelled."""
        name = QFileDialog.getExistingDirectory(parent, title, directory)
        return Path(name) if name else None


def _combo(names: dict[str, str], current: str, accessible_name: str) -> QComboBox:
    combo = QComboBox()
    for value, text in names.items():
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setAccessibleName(accessible_name)
    return combo


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


class PreferencesDialog(QDialog):
    """Name and role, reading font and theme, language, tag set and fallback folder.

    OK checks the tag-set file and the folder; a problem is shown in the dialog,
    naming the file, and the dialog stays open.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(560)
        self._settings = settings
        self._build_fields(settings)
        self.error_label = QLabel()
        self.error_label.setObjectName("preferencesError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName("Problem")
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

    # -- building ------------------------------------------------------------------------

    def _build_fields(self, settings: Settings) -> None:
        self.name_edit = QLineEdit(settings.author_name)
        self.name_edit.setMaxLength(MAX_NAME_CHARS)
        self.name_edit.setPlaceholderText("Your name")
        self.name_edit.setAccessibleName("Your name")
        self.role_combo = _combo(ROLE_NAMES, settings.author_role, "Role")
        self.font_combo = QComboBox()
        self.font_combo.setAccessibleName("Article font")
        self.font_combo.addItem(DEFAULT_FONT_TEXT, "")
        for family in QFontDatabase.families():
            self.font_combo.addItem(family, family)
        self.font_combo.setCurrentIndex(
            max(0, self.font_combo.findData(settings.article_font_family))
        )
        self.size_spin = QSpinBox()
        self.size_spin.setAccessibleName("Article font size")
        self.size_spin.setRange(FONT_SIZES[0] - 1, FONT_SIZES[1])
        self.size_spin.setSuffix(" pt")
        auto = round(default_article_point_size())
        self.size_spin.setSpecialValueText(f"Automatic ({auto} pt, follows the system)")
        self.size_spin.setValue(settings.article_font_size or self.size_spin.minimum())
        self.theme_combo = _combo(THEME_NAMES, settings.theme, "Theme")
        self.language_combo = _combo(LANGUAGE_NAMES, settings.language, "Language")
        self.tagset_edit = QLineEdit(settings.tagset_file)
        self.tagset_edit.setPlaceholderText("None: Slant's four tags")
        self.tagset_edit.setAccessibleName("Default tag set file")
        self.tagset_edit.setClearButtonEnabled(True)
        self.tagset_button = QPushButton("Choose…")
        self.tagset_button.setAccessibleName("Choose a tag set file")
        self.tagset_button.clicked.connect(self._choose_tagset)
        self.tagset_status = QLabel()
        self.tagset_status.setObjectName("hintLabel")
        self.tagset_status.setWordWrap(True)
        self.tagset_edit.editingFinished.connect(self._show_tagset_status)
        self.fallback_edit = QLineEdit(settings.fallback_folder)
        self.fallback_edit.setPlaceholderText(str(paths.fallback_dir()))
        self.fallback_edit.setAccessibleName("Folder for fallback saves")
        self.fallback_edit.setClearButtonEnabled(True)
        self.fallback_button = QPushButton("Choose…")
        self.fallback_button.setAccessibleName("Choose the folder for fallback saves")
        self.fallback_button.clicked.connect(self._choose_fallback)
        self._show_tagset_status()

    def _you_group(self) -> QGroupBox:
        group = QGroupBox("You")
        form = QFormLayout(group)
        form.addRow(_buddy("&Name:", self.name_edit), self.name_edit)
        form.addRow(_buddy("&Role:", self.role_combo), self.role_combo)
        return group

    def _reading_group(self) -> QGroupBox:
        group = QGroupBox("Reading")
        form = QFormLayout(group)
        form.addRow(_buddy("&Article font:", self.font_combo), self.font_combo)
        form.addRow(_buddy("Font &size:", self.size_spin), self.size_spin)
        form.addRow(_buddy("&Theme:", self.theme_combo), self.theme_combo)
        form.addRow(_buddy("&Language:", self.language_combo), self.language_combo)
        note = QLabel("The tag guide uses this language; the rest of Slant is in English for now.")
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        form.addRow("", note)
        return group

    def _files_group(self) -> QGroupBox:
        group = QGroupBox("Files")
        form = QFormLayout(group)
        tagset_label = _buddy("&Default tag set:", self.tagset_edit)
        form.addRow(tagset_label, _path_row(self.tagset_edit, self.tagset_button))
        form.addRow("", self.tagset_status)
        fallback_label = _buddy("&Fallback folder:", self.fallback_edit)
        form.addRow(fallback_label, _path_row(self.fallback_edit, self.fallback_button))
        note = QLabel("Annotations go there when the article's own folder cannot be written.")
        note.setObjectName("hintLabel")
        note.setWordWrap(True)
        form.addRow("", note)
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
        chosen = FolderDialog.ask(self, "Folder for Fallback Saves", start)
        if chosen is not None:
            self.fallback_edit.setText(str(chosen))

    def _show_tagset_status(self) -> None:
        text = self.tagset_edit.text().strip()
        if not text:
            self.tagset_status.setText("New annotation files use Slant's four tags.")
            return
        try:
            tagset = load_tagset(Path(text).expanduser())
        except TagSetError as exc:
            self.tagset_status.setText(str(exc))
            return
        labels = ", ".join(tag.label for tag in tagset.tags)
        self.tagset_status.setText(f"“{tagset.name}”: {labels}.")

    # -- results -------------------------------------------------------------------------

    def problem(self) -> str:
        """A sentence about the first field that cannot be used, or ""."""
        tagset_file = self.tagset_edit.text().strip()
        if tagset_file:
            try:
                load_tagset(Path(tagset_file).expanduser())
            except TagSetError as exc:
                return f"The default tag set cannot be used: {exc}"
        folder = self.fallback_edit.text().strip()
        if folder:
            path = Path(folder).expanduser()
            if not path.is_absolute():
                return f"The fallback folder must be a full path, like {paths.fallback_dir()}."
            if path.exists() and not path.is_dir():
                return f"The fallback folder {path} is a file, not a folder."
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
