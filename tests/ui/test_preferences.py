"""Preferences: stored in settings.json, checked in the dialog, applied at once."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QPalette

from app import paths
from app.core.sidecar import read_sidecar, sidecar_path
from app.ui import theme as theme_module
from app.ui.dialogs.author_dialog import AuthorDialog
from app.ui.dialogs.preferences import (
    FolderDialog,
    PreferencesDialog,
    TagSetFileDialog,
    edit_preferences,
)
from app.ui.main_window import MainWindow
from app.ui.messages import ProblemMessage
from app.ui.settings import Settings, load_settings, save_settings, settings_path
from app.ui.theme import (
    DARK,
    LIGHT,
    Theme,
    apply_appearance,
    default_article_point_size,
    resolved_theme,
)

STORY = "Headline\n\nThe so-called experts said the plan was a disaster.\n"
EXAMPLE_TAGSET = paths.resource_path("tagsets", "example-tagset.json")


@pytest.fixture
def window(qtbot, monkeypatch, keep_app_look) -> MainWindow:
    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))
    monkeypatch.setattr(ProblemMessage, "ask", classmethod(lambda cls, *a: None))
    made = MainWindow()
    qtbot.addWidget(made)
    made.resize(1000, 700)
    yield made
    made.document.shutdown()


def choose(monkeypatch, **values) -> SimpleNamespace:
    """Make the preferences dialog answer with the current settings changed by *values*."""
    seen = SimpleNamespace(asked=0)

    def ask(cls, parent, settings):
        seen.asked += 1
        return replace(settings, recent_files=list(settings.recent_files), **values)

    monkeypatch.setattr(PreferencesDialog, "ask", classmethod(ask))
    return seen


def write(tmp_path: Path, text: str, name: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_new_preferences_survive_a_save_and_load() -> None:
    chosen = Settings(
        author_name="Ada",
        author_role="teacher",
        tagset_file="/class/tags.json",
        article_font_family="DejaVu Sans",
        article_font_size=16,
        theme="dark",
        language="es",
        fallback_folder="/backup/slant",
    )
    assert save_settings(chosen) == ""
    assert load_settings() == (chosen, "")


def test_unknown_choices_fall_back_to_defaults_one_member_at_a_time() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    data = {"theme": "neon", "author_role": "admin", "language": "fr", "article_font_size": 500}
    settings_path().write_text(json.dumps({**data, "author_name": "Ada"}), encoding="utf-8")
    settings, problem = load_settings()
    assert problem == ""
    assert (settings.theme, settings.author_role, settings.language) == (
        "system",
        "student",
        "system",
    )
    assert settings.article_font_size == 48
    assert settings.author_name == "Ada"


def test_a_broken_settings_file_is_replaced_when_preferences_are_saved(qtbot, window, monkeypatch):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("[1, 2", encoding="utf-8")
    broken = MainWindow()
    qtbot.addWidget(broken)
    assert list(settings_path().parent.glob("settings.json.corrupt-*"))
    choose(monkeypatch, theme="light", language="es")
    edit_preferences(broken)
    stored = json.loads(settings_path().read_text(encoding="utf-8"))
    assert (stored["theme"], stored["language"]) == ("light", "es")
    broken.document.shutdown()


def test_the_dialog_returns_what_was_chosen(qtbot, tmp_path) -> None:
    dialog = PreferencesDialog(Settings(author_name="Ada", recent_files=["/a.md"]))
    qtbot.addWidget(dialog)
    family = QFontDatabase.families()[0]
    dialog.name_edit.setText("  Ada   Lovelace ")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("teacher"))
    dialog.font_combo.setCurrentIndex(dialog.font_combo.findData(family))
    dialog.size_spin.setValue(18)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("es"))
    dialog.tagset_edit.setText(str(EXAMPLE_TAGSET))
    dialog.fallback_edit.setText(str(tmp_path / "spare"))
    chosen = dialog.chosen_settings()
    assert chosen.author_name == "Ada Lovelace"
    assert (chosen.author_role, chosen.theme, chosen.language) == ("teacher", "dark", "es")
    assert (chosen.article_font_family, chosen.article_font_size) == (family, 18)
    assert chosen.tagset_file == str(EXAMPLE_TAGSET)
    assert chosen.fallback_folder == str(tmp_path / "spare")
    assert chosen.recent_files == ["/a.md"]
    assert dialog.problem() == ""


def test_the_lowest_font_size_means_automatic(qtbot) -> None:
    dialog = PreferencesDialog(Settings(article_font_size=14))
    qtbot.addWidget(dialog)
    assert dialog.size_spin.value() == 14
    dialog.size_spin.setValue(dialog.size_spin.minimum())
    assert dialog.chosen_settings().article_font_size == 0
    assert "Automatic" in dialog.size_spin.text()


def test_a_broken_tag_set_file_keeps_the_dialog_open_and_names_the_file(qtbot, tmp_path):
    broken = write(tmp_path, '{"name": "Class set", "tags": [', "class-tags.json")
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tagset_edit.setText(str(broken))
    dialog.tagset_edit.editingFinished.emit()
    assert "class-tags.json" in dialog.tagset_status.text()
    dialog.accept()
    assert dialog.result() != PreferencesDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "class-tags.json" in dialog.error_label.text()
    assert "not valid JSON" in dialog.error_label.text()


def test_a_good_tag_set_file_is_named_in_the_dialog(qtbot) -> None:
    dialog = PreferencesDialog(Settings(tagset_file=str(EXAMPLE_TAGSET)))
    qtbot.addWidget(dialog)
    assert "Opinion or fact?" in dialog.tagset_status.text()
    assert "Emotional appeal" in dialog.tagset_status.text()


@pytest.mark.parametrize(
    ("folder", "expected"), [("relative/folder", "full path"), ("a-file.txt", "is a file")]
)
def test_a_fallback_folder_that_cannot_be_used_is_refused(qtbot, tmp_path, folder, expected):
    target = write(tmp_path, "x", "a-file.txt") if folder == "a-file.txt" else Path(folder)
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.fallback_edit.setText(str(target))
    assert expected in dialog.problem()


def test_the_default_tag_set_is_used_for_new_annotation_files_only(window, tmp_path, monkeypatch):
    choose(monkeypatch, tagset_file=str(EXAMPLE_TAGSET))
    window.actions.preferences.trigger()
    fresh = write(tmp_path, STORY, "fresh.txt")
    assert window.open_path(fresh)
    assert window.document.tagset.name == "Opinion or fact? (example class set)"
    assert "emotional-appeal" in window.sidebar.tag_buttons
    window.document.add("emotional-appeal", 13, 22)
    assert window.document.flush()
    assert read_sidecar(sidecar_path(fresh)).tagset.name.startswith("Opinion or fact?")
    choose(monkeypatch, tagset_file="")
    window.actions.preferences.trigger()
    assert window.open_path(fresh)
    assert window.document.tagset.name.startswith("Opinion or fact?")


def test_a_default_tag_set_that_broke_since_is_reported_on_open(window, tmp_path):
    tags = write(tmp_path, "{}", "class.json")
    window.settings.tagset_file = str(tags)
    assert window.open_path(write(tmp_path, STORY, "story.txt"))
    assert window.document.tagset.name == "Slant default"
    assert not window.message_bar.isHidden()
    assert "class.json" in window.message_bar.text()


def test_the_role_is_written_into_new_annotation_files(window, tmp_path, monkeypatch):
    choose(monkeypatch, author_name="Ms Rivera", author_role="teacher")
    window.actions.preferences.trigger()
    article = write(tmp_path, STORY, "story.txt")
    window.open_path(article)
    window.document.add("loaded-label", 13, 22)
    assert window.document.flush()
    author = read_sidecar(sidecar_path(article)).author
    assert (author.name, author.role) == ("Ms Rivera", "teacher")
    assert load_settings()[0].author_asked


def test_font_size_family_and_theme_take_effect_at_once(qtbot, qapp, window, monkeypatch):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    family = QFontDatabase.families()[-1]
    choose(monkeypatch, article_font_family=family, article_font_size=20, theme="dark")
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() == 20
    assert window.view.font().families()[0] == family
    assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == DARK.window
    stored = load_settings()[0]
    assert (stored.article_font_size, stored.theme) == (20, "dark")
    choose(monkeypatch, article_font_family="", article_font_size=0, theme="light")
    window.actions.preferences.trigger()
    assert window.view.font().pointSizeF() == default_article_point_size()
    assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() == LIGHT.window


def test_zoom_and_reading_font_survive_showing_and_restyling(qtbot, qapp, window):
    window.settings.article_font_size = 15
    apply_appearance(window)
    for _ in range(5):
        window.actions.zoom_in.trigger()
    assert window.view.font().pointSizeF() == 22.5
    window.show()
    qtbot.waitExposed(window)
    assert window.view.font().pointSizeF() == 22.5
    Theme.of(qapp).apply("dark")
    Theme.of(qapp).apply("light")
    assert window.view.font().pointSizeF() == 22.5


def test_the_article_size_follows_the_system_font() -> None:
    small, large = QFont(), QFont()
    small.setPointSizeF(9)
    large.setPointSizeF(18)
    assert default_article_point_size(small) == 12
    assert default_article_point_size(large) == 24


def test_system_theme_follows_the_platform_colour_scheme() -> None:
    def platform(scheme):
        hints = SimpleNamespace(colorScheme=lambda: scheme)
        return SimpleNamespace(styleHints=lambda: hints)

    assert resolved_theme("system", platform(Qt.ColorScheme.Dark)) == "dark"
    assert resolved_theme("system", platform(Qt.ColorScheme.Light)) == "light"
    assert resolved_theme("system", platform(Qt.ColorScheme.Unknown)) == "light"
    assert resolved_theme("dark", platform(Qt.ColorScheme.Light)) == "dark"


def test_high_contrast_keeps_the_platform_palette(qapp, keep_app_look, monkeypatch):
    theme = Theme.of(qapp)
    theme.apply("dark")
    monkeypatch.setattr(theme_module, "high_contrast_requested", lambda app: True)
    assert theme.apply("dark") == "high-contrast"
    assert qapp.palette().resolveMask() == 0  # nothing of ours: all the platform's
    assert qapp.palette().color(QPalette.ColorRole.Window).name().upper() != DARK.window
    assert re.search("#[0-9A-Fa-f]{6}", qapp.styleSheet()) is None


def test_the_choose_buttons_fill_in_the_tag_set_and_the_folder(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(TagSetFileDialog, "ask", classmethod(lambda cls, p, d: EXAMPLE_TAGSET))
    monkeypatch.setattr(FolderDialog, "ask", classmethod(lambda cls, p, t, d: tmp_path))
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.tagset_button, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.fallback_button, Qt.Key.Key_Space)
    assert dialog.tagset_edit.text() == str(EXAMPLE_TAGSET)
    assert "Opinion or fact?" in dialog.tagset_status.text()
    assert dialog.chosen_settings().fallback_folder == str(tmp_path)
