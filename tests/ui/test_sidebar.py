"""The sidebar: tag buttons with keys and counts, the tag filter, the annotation list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.core.article import load_article
from app.core.sidecar import new_sidecar, sidecar_path
from app.core.tags import TagSet, default_tagset
from app.ui.actions import Actions
from app.ui.editing.document import AnnotationDocument
from app.ui.sidebar.annotation_model import AnnotationRoles
from app.ui.sidebar.sidebar import Sidebar

TEXT = "Title\n\nThe radical mayor, sources say, wasted $3 million on the new bridge.\n"


@pytest.fixture
def parts(qtbot, tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    host = QWidget()
    qtbot.addWidget(host)
    document = AnnotationDocument(host)
    document.load(article, new_sidecar(article), sidecar_path(path))
    actions = Actions(host, document.undo_stack)
    actions.set_tags(document.tagset)
    sidebar = Sidebar(document, actions)
    qtbot.addWidget(sidebar)
    sidebar.resize(400, 700)
    sidebar.show()
    yield document, actions, sidebar
    document.shutdown()


def add(document, tag: str, words: str):
    start = TEXT.index(words)
    return document.add(tag, start, start + len(words))


def visible_ids(sidebar: Sidebar) -> list[str]:
    model = sidebar.list_view.model()
    return [model.index(r, 0).data(AnnotationRoles.ID) for r in range(model.rowCount())]


def test_one_button_per_tag_with_label_key_and_description(parts) -> None:
    _, _, sidebar = parts
    tags = default_tagset().tags
    assert list(sidebar.tag_buttons) == [tag.id for tag in tags]
    for tag in tags:
        button = sidebar.tag_buttons[tag.id]
        assert button.text() == tag.label
        assert f"key {tag.key}" in button.accessibleName()
        assert tag.description in button.toolTip()


def test_clicking_a_tag_button_asks_to_tag_the_selection(qtbot, parts) -> None:
    _, actions, sidebar = parts
    with qtbot.waitSignal(actions.tagTriggered) as triggered:
        qtbot.mouseClick(sidebar.tag_buttons["unsourced-claim"], Qt.MouseButton.LeftButton)
    assert triggered.args == ["unsourced-claim"]


def test_counts_per_tag_follow_the_annotations(parts) -> None:
    document, _, sidebar = parts
    add(document, "loaded-label", "radical")
    add(document, "loaded-label", "radical mayor")
    add(document, "verifiable-fact", "$3 million")
    assert sidebar.counts() == {
        "loaded-label": 2,
        "unsourced-claim": 0,
        "promotional-boilerplate": 0,
        "verifiable-fact": 1,
    }
    assert sidebar.filter_combo.itemText(1) == "Loaded label (2)"
    document.undo_stack.undo()
    assert sidebar.counts()["verifiable-fact"] == 0


def test_the_filter_hides_other_tags_in_the_list(qtbot, parts) -> None:
    document, _, sidebar = parts
    radical = add(document, "loaded-label", "radical")
    add(document, "unsourced-claim", "sources say")
    with qtbot.waitSignal(sidebar.filterChanged) as changed:
        sidebar.filter_combo.setCurrentIndex(sidebar.filter_combo.findData("loaded-label"))
    assert changed.args == [frozenset({"loaded-label"})]
    assert visible_ids(sidebar) == [radical.id]
    with qtbot.waitSignal(sidebar.filterChanged) as changed:
        sidebar.filter_combo.setCurrentIndex(0)
    assert changed.args == [None]
    assert len(visible_ids(sidebar)) == 2


def test_choosing_an_item_announces_it_but_selecting_it_from_code_does_not(qtbot, parts) -> None:
    document, _, sidebar = parts
    first = add(document, "loaded-label", "radical")
    second = add(document, "verifiable-fact", "$3 million")
    activated: list[str] = []
    sidebar.annotationActivated.connect(activated.append)
    assert sidebar.select_annotation(first.id)
    assert sidebar.current_annotation_id() == first.id
    assert activated == []
    rect = sidebar.list_view.visualRect(sidebar.list_view.model().index(1, 0))
    qtbot.mouseClick(sidebar.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated == [second.id]


def test_removing_the_current_item_does_not_jump_the_article(parts) -> None:
    document, _, sidebar = parts
    first = add(document, "loaded-label", "radical")
    add(document, "verifiable-fact", "$3 million")
    sidebar.select_annotation(first.id)
    activated: list[str] = []
    sidebar.annotationActivated.connect(activated.append)
    document.delete(first.id)
    assert activated == []


def test_selecting_a_filtered_out_annotation_shows_all_tags_again(parts) -> None:
    document, _, sidebar = parts
    fact = add(document, "verifiable-fact", "$3 million")
    sidebar.set_filter({"loaded-label"})
    assert visible_ids(sidebar) == []
    assert sidebar.select_annotation(fact.id)
    assert sidebar.visible_tags() is None
    assert sidebar.current_annotation_id() == fact.id


def test_double_click_asks_to_edit_the_note(qtbot, parts) -> None:
    document, _, sidebar = parts
    annotation = add(document, "loaded-label", "radical")
    viewport = sidebar.list_view.viewport()
    centre = sidebar.list_view.visualRect(sidebar.list_view.model().index(0, 0)).center()
    with qtbot.waitSignal(sidebar.noteEditRequested) as requested:
        # A real double-click starts with a press: QTest's double-click event alone lacks it.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert requested.args == [annotation.id]


def test_context_menu_offers_every_tag_and_ticks_the_current_one(parts) -> None:
    document, actions, sidebar = parts
    annotation = add(document, "loaded-label", "radical")
    sidebar.select_annotation(annotation.id)
    actions.set_annotation_actions_enabled(True, annotation.tag)
    menu = sidebar.build_context_menu()
    change_menu = next(a.menu() for a in menu.actions() if a.menu() is not None)
    labels = [a.text() for a in change_menu.actions()]
    assert labels == [tag.label for tag in default_tagset().tags]
    checked = [a.text() for a in change_menu.actions() if a.isChecked()]
    assert checked == ["Loaded label"]


def test_step_walks_the_visible_annotations_and_wraps(parts) -> None:
    document, _, sidebar = parts
    first = add(document, "loaded-label", "radical")
    second = add(document, "unsourced-claim", "sources say")
    assert sidebar.step(1) == first.id
    assert sidebar.step(1) == second.id
    assert sidebar.step(1) == first.id
    assert sidebar.step(-1) == second.id


def test_empty_list_shows_a_hint(parts) -> None:
    _, _, sidebar = parts
    assert "press" in sidebar.list_view.empty_text
    sidebar.set_filter({"loaded-label"})
    assert sidebar.list_view.empty_text == "No annotations with this tag yet."


def test_a_read_only_sidebar_fades_its_tag_buttons_and_tags_nothing(qtbot, parts) -> None:
    _, actions, sidebar = parts
    sidebar.set_editable(False)
    actions.set_tagging_enabled(False)
    button = sidebar.tag_buttons["unsourced-claim"]
    assert not button.isEnabled()
    assert button.graphicsEffect() is not None
    with qtbot.assertNotEmitted(actions.tagTriggered):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not actions.tag_actions["unsourced-claim"].isEnabled()
    sidebar.set_editable(True)
    assert button.isEnabled()
    assert button.graphicsEffect() is None


def test_tag_buttons_made_for_a_new_tag_set_stay_read_only(parts) -> None:
    _, actions, sidebar = parts
    sidebar.set_editable(False)
    actions.set_tagging_enabled(False)
    before = dict(sidebar.tag_buttons)
    actions.set_tags(TagSet(name="Other", tags=default_tagset().tags))
    assert sidebar.tag_buttons["unsourced-claim"] is not before["unsourced-claim"]
    assert not any(button.isEnabled() for button in sidebar.tag_buttons.values())
    assert not any(action.isEnabled() for action in actions.tag_actions.values())
