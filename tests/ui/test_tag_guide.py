"""The tag guide: bundled English and Spanish text, teachers' own text, F1 on a tag."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from app import paths
from app.core.tags import Tag, TagSet, default_tagset, load_tagset
from app.ui.dialogs.preferences import PreferencesDialog
from app.ui.dialogs.tag_guide import (
    GUIDE_KEYS,
    TagGuide,
    bundled_guide,
    guide_entry,
    guide_html,
    guide_language,
    guide_text,
)
from app.ui.main_window import MainWindow

STORY = "Headline\n\nThe so-called experts said the plan was a disaster.\n"
EXAMPLE_TAGSET = paths.resource_path("tagsets", "example-tagset.json")


def open_story(window: MainWindow, tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    assert window.open_path(path)
    return path


def shown_guide(window: MainWindow) -> TagGuide:
    guide = window.findChild(TagGuide)
    assert guide is not None and guide.isVisible()
    return guide


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bundled_guide_teaches_every_tag_slant_ships(language) -> None:
    ships = [*default_tagset().tags, *load_tagset(EXAMPLE_TAGSET).tags]
    for tag in ships:
        entry = bundled_guide(language)["tags"][tag.id]
        assert all(isinstance(entry[key], str) and entry[key] for key in ("what", "spot"))
        assert len(entry["examples"]) == 2
        assert all(example["quote"] and example["why"] for example in entry["examples"])
        assert entry["counter_example"]["quote"] and entry["counter_example"]["why"]
        assert entry["next_step"] and entry["label"]
    assert set(guide_text(language)) == set(bundled_guide(language)["text"])


def test_english_and_spanish_cover_the_same_tags_in_different_words() -> None:
    english, spanish = bundled_guide("en")["tags"], bundled_guide("es")["tags"]
    assert english.keys() == spanish.keys()
    for tag_id in english:
        assert english[tag_id]["what"] != spanish[tag_id]["what"]
    assert "original source" in english["unsourced-claim"]["next_step"]
    assert "fuente original" in spanish["unsourced-claim"]["next_step"]
    assert "independent" in english["verifiable-fact"]["next_step"]


def test_the_language_follows_the_preference_or_the_locale() -> None:
    assert guide_language("es", QLocale("en_GB")) == "es"
    assert guide_language("en", QLocale("es_MX")) == "en"
    assert guide_language("system", QLocale("es_ES")) == "es"
    assert guide_language("system", QLocale("de_DE")) == "en"


def test_help_menu_opens_a_non_modal_guide_at_the_current_annotation(qtbot, window, tmp_path):
    open_story(window, tmp_path)
    annotation = window.document.add("verifiable-fact", 13, 22)
    window.sidebar.select_annotation(annotation.id)
    window.actions.tag_guide.trigger()
    guide = shown_guide(window)
    assert not guide.isModal()
    assert guide.current_tag_id() == "verifiable-fact"
    assert "somewhere independent" in guide.page_text()
    window.view.setFocus()
    qtbot.keyClicks(window.view, "1")  # the window still takes keys while the guide is open
    assert "Select some words" in window.statusBar().currentMessage()
    assert guide.isVisible()


def test_f1_on_a_focused_tag_button_opens_the_guide_at_that_tag(qtbot, window, tmp_path):
    open_story(window, tmp_path)
    button = window.sidebar.tag_buttons["promotional-boilerplate"]
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, Qt.Key.Key_F1)
    guide = shown_guide(window)
    assert guide.current_tag_id() == "promotional-boilerplate"
    assert "Subscribe now" in guide.page_text()
    window.sidebar.tag_buttons["unsourced-claim"].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(window.sidebar.tag_buttons["unsourced-claim"], Qt.Key.Key_F1)
    assert window.findChildren(TagGuide) == [guide]
    assert guide.current_tag_id() == "unsourced-claim"


def test_spanish_preference_shows_the_spanish_guide(window, tmp_path):
    window.settings.language = "es"
    open_story(window, tmp_path)
    window.actions.tag_guide.trigger()
    guide = shown_guide(window)
    assert guide.language() == "es"
    assert guide.windowTitle().startswith("Guía de etiquetas")
    assert guide.tag_list.item(1).text() == "Afirmación sin fuente"
    guide.show_tag("unsourced-claim")
    text = guide.page_text()
    assert "Qué es" in text and "Tu siguiente paso" in text
    assert "Afirmación sin fuente · Unsourced claim" in text
    assert "«Según fuentes internas" in text


def test_the_guide_follows_the_tag_set_of_the_open_article(window, tmp_path):
    open_story(window, tmp_path)
    window.actions.tag_guide.trigger()
    guide = shown_guide(window)
    window.settings.tagset_file = str(EXAMPLE_TAGSET)
    second = tmp_path / "second.txt"
    second.write_text(STORY, encoding="utf-8")
    window.open_path(second)
    labels = [guide.tag_list.item(row).text() for row in range(guide.tag_list.count())]
    assert labels[:2] == ["Opinion as fact", "Emotional appeal"]


def make_tag(guide: dict) -> Tag:
    return Tag("media-bias", "Media bias", "A one-sided story.", "#0072B2", "5", guide)


def test_a_teachers_guide_text_replaces_slants() -> None:
    tag = make_tag(
        {
            "what": "A story that only lets one side speak.",
            "examples": [
                "Only the mayor is quoted.",
                {"quote": "No critic was asked.", "why": "?"},
            ],
            "next_step": "Find who was left out.",
        }
    )
    page = guide_html(tag, "en")
    assert "only lets one side speak" in page
    assert "Only the mayor is quoted." in page and "No critic was asked." in page
    assert "Find who was left out." in page
    assert "How to spot it" not in page


def test_a_teachers_guide_can_be_given_per_language() -> None:
    tag = make_tag(
        {"en": {"what": "One side only."}, "es": {"what": "Solo un lado.", "label": "Sesgo"}}
    )
    assert guide_entry(tag, "en")["what"] == "One side only."
    assert guide_entry(tag, "es")["what"] == "Solo un lado."
    assert "Sesgo · Media bias" in guide_html(tag, "es")


def test_a_tag_without_any_guide_shows_its_description(qtbot) -> None:
    guide = TagGuide()
    qtbot.addWidget(guide)
    guide.set_tagset(TagSet("Class", (make_tag({}),)))
    assert "no guide for this tag" in guide.page_text()
    assert "A one-sided story." in guide.page_text()
    for key in GUIDE_KEYS:
        assert key not in guide_entry(make_tag({}), "en")


def test_choosing_spanish_in_the_preferences_changes_an_open_guide(
    window, monkeypatch, tmp_path, keep_app_look
):
    open_story(window, tmp_path)
    window.actions.tag_guide.trigger()
    guide = shown_guide(window)
    assert guide.language() == guide_language("system")
    monkeypatch.setattr(
        PreferencesDialog, "ask", classmethod(lambda cls, p, s: replace(s, language="es"))
    )
    window.actions.preferences.trigger()
    assert guide.language() == "es"
    assert "Qué es" in guide.page_text()
