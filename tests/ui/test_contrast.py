"""WCAG 2.2 contrast of highlights, sidebar cards, window colours and dialogs, in light and dark."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from itertools import combinations

import pytest
from PySide6.QtGui import QColor, QPalette, QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from app import paths
from app.core.tags import TagSet, default_tagset, load_tagset
from app.ui.article.article_view import ArticleView
from app.ui.article.colors import FLASH_COLOR, overlap_background, tag_styles
from app.ui.settings import Settings
from app.ui.sidebar.sidebar_widgets import TEXT_COLOR as CARD_TEXT
from app.ui.sidebar.sidebar_widgets import ink, tint
from app.ui.status_bar import StatusBar
from app.ui.theme import DARK, LIGHT, apply_theme, set_look_state, text_pairs, use_look

AA_TEXT = 4.5
AA_GRAPHICS = 3.0


def luminance(color: QColor) -> float:
    """WCAG 2.2 relative luminance, written out here so the app's own is not trusted."""

    def linear(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.red())
        + 0.7152 * linear(color.green())
        + 0.0722 * linear(color.blue())
    )


def ratio(first: QColor | str, second: QColor | str) -> float:
    high, low = sorted((luminance(QColor(first)), luminance(QColor(second))), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_ratio_matches_wcag_reference_values() -> None:
    assert ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert ratio("#0072B2", "#0072B2") == pytest.approx(1.0)


def tagsets() -> list[TagSet]:
    return [default_tagset(), load_tagset(paths.resource_path("tagsets", "example-tagset.json"))]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_tag_highlight_keeps_article_text_readable(qtbot, qapp, keep_app_look, theme):
    apply_theme(qapp, theme)
    view = ArticleView()
    qtbot.addWidget(view)
    view.show()
    text = view.palette().color(QPalette.ColorRole.Text)
    page = view.palette().color(QPalette.ColorRole.Base)
    assert ratio(text, page) >= AA_TEXT
    failures = []
    for tagset in tagsets():
        styles = tag_styles(tagset)
        for tag in tagset.tags:
            style = styles[tag.id]
            if ratio(style.background, text) < AA_TEXT:
                failures.append(f"{tag.label}: text on {style.background.name()}")
            if ratio(style.underline_color, style.background) < AA_GRAPHICS:
                failures.append(f"{tag.label}: underline {style.underline_color.name()}")
        for first, second in combinations(styles.values(), 2):
            mixed = overlap_background([first.background, second.background])
            if ratio(mixed, text) < AA_TEXT:
                failures.append(f"overlap {mixed.name()}")
    assert ratio(FLASH_COLOR, text) >= AA_TEXT
    assert failures == [], f"{theme}: {failures}"


def test_sidebar_cards_keep_their_text_readable() -> None:
    failures = []
    for tagset in tagsets():
        for tag in tagset.tags:
            color = QColor(tag.color)
            for share in (0.09, 0.16, 0.20, 0.28, 0.30, 0.35):
                if ratio(ink(color), tint(color, share)) < AA_TEXT:
                    failures.append(f"{tag.label}: key/count on tint {share}")
                if ratio(CARD_TEXT, tint(color, share)) < AA_TEXT:
                    failures.append(f"{tag.label}: label on tint {share}")
    assert failures == []


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_every_window_text_colour_meets_aa(colors) -> None:
    failures = {
        name: round(ratio(text, background), 2)
        for name, (text, background) in text_pairs(colors).items()
        if ratio(text, background) < AA_TEXT
    }
    assert failures == {}


def test_dark_theme_really_darkens_the_window(qapp, keep_app_look) -> None:
    assert apply_theme(qapp, "dark") == "dark"
    window = qapp.palette().color(QPalette.ColorRole.Window)
    assert luminance(window) < 0.05
    assert apply_theme(qapp, "light") == "light"
    assert luminance(qapp.palette().color(QPalette.ColorRole.Window)) > 0.8


def test_a_changed_look_state_recolours_the_widget(qtbot, qapp, keep_app_look) -> None:
    apply_theme(qapp, "light")
    label = QLabel("Saved")
    qtbot.addWidget(label)
    use_look(label, "saveState")
    set_look_state(label, "state", "saved")
    label.show()
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(LIGHT.saved)
    set_look_state(label, "state", "not-saved")
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(LIGHT.not_saved)
    assert label.font().bold()
    set_look_state(label, "state", "saved")
    assert label.palette().color(QPalette.ColorRole.WindowText) == QColor(LIGHT.saved)
    assert not label.font().bold()


def test_looks_follow_a_theme_change(qtbot, qapp, keep_app_look) -> None:
    apply_theme(qapp, "light")
    hint, section = QLabel("Hint"), QLabel("SECTION")
    for label in (hint, section):
        qtbot.addWidget(label)
    use_look(hint, "hintLabel")
    use_look(section, "sectionLabel")
    assert hint.palette().color(QPalette.ColorRole.WindowText) == QColor(LIGHT.hint)
    assert section.font().bold()
    apply_theme(qapp, "dark")
    assert hint.palette().color(QPalette.ColorRole.WindowText) == QColor(DARK.hint)
    assert section.palette().color(QPalette.ColorRole.WindowText) == QColor(DARK.section)


def test_an_application_slant_starts_is_in_fusion_without_setting_it_again() -> None:
    # A process of its own: the test session already has its QApplication.
    script = (
        "from app.ui.theme import Theme, new_application\n"
        "app = new_application('slant')\n"
        "Theme.of(app)\n"
        "print(app.style().name())\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["fusion"]


def test_the_status_bar_pads_its_labels_and_follows_the_theme(qtbot, qapp, keep_app_look):
    apply_theme(qapp, "light")
    bar = StatusBar()
    qtbot.addWidget(bar)
    label = QLabel("100%")
    bar.addPermanentWidget(label)
    margins = label.contentsMargins()
    assert (margins.left(), margins.right()) == (8, 8)
    assert bar.palette().color(QPalette.ColorRole.Window) == QColor(LIGHT.status_background)
    apply_theme(qapp, "dark")
    assert bar.palette().color(QPalette.ColorRole.Window) == QColor(DARK.status_background)


def dialogs(parent: QWidget) -> list[QWidget]:
    """One of each dialog, filled as a student first sees it."""
    from app.ui.actions import Actions
    from app.ui.dialogs.about import AboutDialog
    from app.ui.dialogs.author_dialog import AuthorDialog
    from app.ui.dialogs.note_editor import NoteEditor
    from app.ui.dialogs.preferences import PreferencesDialog
    from app.ui.dialogs.shortcuts import ShortcutsDialog
    from app.ui.dialogs.tag_guide import TagGuide

    actions = Actions(parent, QUndoStack(parent))
    actions.set_tags(default_tagset())
    return [
        NoteEditor("the infamous CECOT supermax prison", "Loaded label", "", parent),
        PreferencesDialog(Settings(), parent),
        AuthorDialog("", parent),
        TagGuide(parent),
        AboutDialog(parent),
        ShortcutsDialog(actions, parent),
    ]


def drawn_contrast(widget: QWidget) -> float:
    """The contrast of a label's text as drawn: its strongest pixel against its background.

    Read from the screen, not from palettes, so a colour set any way (a style sheet, a
    palette, rich text) is measured as the student sees it.
    """
    image = widget.grab().toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(ratio(QColor.fromRgb(pixel), background) for pixel in pixels)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_dialog_text_meets_aa(qtbot, qapp, keep_app_look, theme) -> None:
    apply_theme(qapp, theme)
    parent = QWidget()
    qtbot.addWidget(parent)
    failures = {}
    for dialog in dialogs(parent):
        dialog.show()
        qtbot.waitExposed(dialog)
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.text().strip():
                drawn = drawn_contrast(label)
                if drawn < AA_TEXT:
                    failures[f"{dialog.windowTitle()}: {label.text()[:40]}"] = round(drawn, 2)
        dialog.close()
    assert failures == {}
