"""Needs attention in a student's first hour: it keeps up with each fix and fits small screens."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

STORY = (
    "Harbour news\n\n"
    "The so-called experts said the ferry plan was a disaster for the town.\n\n"
    "Insiders claim the budget was secretly doubled last spring.\n\n"
    "The council voted 7 to 2 on 3 March 2025.\n\n"
    "The mayor smiled at everyone in the hall today.\n"
)
EDITED = (
    "Harbour news\n\n"
    "The so-called specialists said the ferry plan was a disaster for the town.\n\n"
    "The council voted 7 to 2 on 3 March 2025, after a long debate.\n"
)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def edited_story(window, tmp_path: Path) -> Path:
    """The story annotated five times, then edited: one changed, three lost, one moved."""
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    window.open_path(path)
    for tag, words in (
        ("loaded-label", "so-called experts said the ferry plan"),
        ("unsourced-claim", "Insiders claim the budget was secretly doubled"),
        ("verifiable-fact", "mayor smiled at everyone"),
        ("promotional-boilerplate", "last spring"),
        ("verifiable-fact", "7 to 2"),
    ):
        window.document.add(tag, *span(STORY, words))
    assert window.document.flush()
    path.write_text(EDITED, encoding="utf-8")
    return path


def first_card_is_whole(panel) -> bool:
    """The first listed card is on screen from top to bottom, its buttons included."""
    card = panel.items[panel.item_ids()[0]]
    buttons = list(card.buttons.values())
    return card.isVisible() and all(
        button.visibleRegion().boundingRect() == button.rect() for button in buttons
    )


def test_needs_attention_shows_the_rest_after_each_fix(qtbot, window, edited_story):
    window.open_path(edited_story)
    panel = window.sidebar.attention
    changed, *lost = panel.item_ids()
    assert len(lost) == 3
    assert first_card_is_whole(panel)

    panel.items[changed].buttons["confirm"].click()
    assert panel.item_ids() == lost
    assert panel.heading.text() == "⚠ NEEDS ATTENTION · 3"
    qtbot.waitUntil(lambda: first_card_is_whole(panel))

    panel.items[lost[0]].buttons["delete"].click()
    assert panel.heading.text() == "⚠ NEEDS ATTENTION · 2"
    qtbot.waitUntil(lambda: first_card_is_whole(panel))

    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.item_ids() == lost
    qtbot.waitUntil(lambda: first_card_is_whole(panel))

    window.view.select_span(*span(EDITED, "after a long debate"))
    panel.items[lost[0]].buttons["reattach"].click()
    assert panel.item_ids() == lost[1:]
    assert panel.heading.text() == "⚠ NEEDS ATTENTION · 2"
    qtbot.waitUntil(lambda: first_card_is_whole(panel))


def test_the_top_bar_counts_what_is_left_and_goes_when_nothing_is(qtbot, window, edited_story):
    window.open_path(edited_story)
    panel, bar = window.sidebar.attention, window.message_bar
    assert "3 annotations no longer match the text" in bar.text()
    changed, *lost = panel.item_ids()
    panel.items[lost[0]].buttons["delete"].click()
    assert "2 annotations no longer match the text" in bar.text()
    assert "3 annotations" not in bar.text()
    panel.items[changed].buttons["confirm"].click()
    for annotation_id in lost[1:]:
        panel.items[annotation_id].buttons["delete"].click()
    assert not panel.isVisible()
    assert not bar.isVisible()


@pytest.fixture(params=["en", "es"])
def language(request) -> str:
    """Each language the window speaks (before the window is made)."""
    if request.param == "es":
        request.getfixturevalue("spanish")
    return request.param


# 1366x768 at 150% gives the window 910x512 of Qt's device-independent pixels, which
# is what QT_SCALE_FACTOR=1.5 at 1366x768 lays out.
@pytest.mark.parametrize("size", [(1024, 600), (910, 512)], ids=["1024x600", "1366x768@150%"])
def test_no_needs_attention_button_is_clipped_on_a_small_screen(
    qtbot, language, window, edited_story, size
):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.size().toTuple() == size)
    window.open_path(edited_story)
    panel = window.sidebar.attention
    buttons = [b for i in panel.item_ids() for b in panel.items[i].buttons.values()]
    assert len(buttons) == 2 * 3 + 4
    # F6 goes to the first card's first button; Tab walks through the rest.
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    for button in buttons:
        assert window.focusWidget() is button
        assert button.width() >= button.sizeHint().width()
        qtbot.waitUntil(lambda b=button: b.visibleRegion().boundingRect() == b.rect())
        qtbot.keyClick(button, Qt.Key.Key_Tab)
