"""The annotation list model: document order, documented roles, tag filter; qtmodeltester."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.core.article import load_article
from app.core.sidecar import new_sidecar, sidecar_path
from app.ui.editing.document import AnnotationDocument
from app.ui.sidebar.annotation_model import (
    AnnotationListModel,
    AnnotationRoles,
    TagFilterModel,
    note_start,
)

TEXT = (
    "Title\n\nThe radical mayor, sources say, wasted $3 million on the bridge. "
    "Subscribe now for the best coverage in town! The council met on 4 May 2025.\n"
)


@pytest.fixture
def document(qtbot, tmp_path: Path) -> AnnotationDocument:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    article = load_article(path)
    doc = AnnotationDocument()
    doc.load(article, new_sidecar(article), sidecar_path(path))
    yield doc
    doc.shutdown()


def add(document: AnnotationDocument, tag: str, words: str):
    start = TEXT.index(words)
    return document.add(tag, start, start + len(words))


def ids(model) -> list[str]:
    return [model.index(row, 0).data(AnnotationRoles.ID) for row in range(model.rowCount())]


def test_rows_follow_document_order_not_creation_order(document) -> None:
    model = AnnotationListModel(document)
    late = add(document, "verifiable-fact", "4 May 2025")
    early = add(document, "loaded-label", "radical")
    middle = add(document, "unsourced-claim", "sources say")
    assert ids(model) == [early.id, middle.id, late.id]
    document.undo_stack.undo()
    assert ids(model) == [early.id, late.id]


def test_roles_give_tag_quote_and_note(document) -> None:
    model = AnnotationListModel(document)
    annotation = add(document, "promotional-boilerplate", "Subscribe now for the best coverage")
    document.edit_note(annotation.id, "\nSelling, not telling.\nSecond line")
    index = model.index(0, 0)
    assert index.data(AnnotationRoles.TAG_ID) == "promotional-boilerplate"
    assert index.data(AnnotationRoles.TAG_LABEL) == "Promotional boilerplate"
    assert index.data(AnnotationRoles.TAG_COLOR) == QColor("#CC79A7")
    assert index.data(Qt.ItemDataRole.DecorationRole) == QColor("#CC79A7")
    assert index.data(AnnotationRoles.QUOTE) == "Subscribe now for the best coverage"
    assert index.data(AnnotationRoles.NOTE) == "Selling, not telling…"
    assert index.data(AnnotationRoles.SPAN) == (annotation.start, annotation.end)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith("Promotional boilerplate: ")
    assert "Second line" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert model.roleNames()[AnnotationRoles.QUOTE] == b"quote"


def test_long_quotes_and_notes_are_elided() -> None:
    assert note_start("x" * 300).endswith("…")
    assert len(note_start("x" * 300)) <= 90
    assert note_start("   \n  ") == ""


def test_a_tag_change_updates_the_row_in_place(qtbot, document) -> None:
    model = AnnotationListModel(document)
    annotation = add(document, "loaded-label", "radical")
    with qtbot.waitSignal(model.dataChanged):
        document.change_tag(annotation.id, "verifiable-fact")
    assert model.index(0, 0).data(AnnotationRoles.TAG_LABEL) == "Verifiable fact"


def test_moving_an_annotation_moves_its_row_and_undo_moves_it_back(qtbot, document) -> None:
    model = AnnotationListModel(document)
    early = add(document, "loaded-label", "radical")
    late = add(document, "verifiable-fact", "4 May 2025")
    start = TEXT.index("2025")
    document.reattach(early.id, start, start + 4)
    assert ids(model) == [late.id, early.id]
    assert model.row_of(early.id) == 1
    assert model.index_of(early.id).data(AnnotationRoles.SPAN) == (start, start + 4)
    document.undo_stack.undo()
    assert ids(model) == [early.id, late.id]
    assert model.row_of(early.id) == 0 and model.row_of(late.id) == 1
    document.delete(early.id)
    assert ids(model) == [late.id]
    assert model.row_of(early.id) == -1


def test_an_unknown_tag_is_shown_grey_with_its_id(document) -> None:
    model = AnnotationListModel(document)
    add(document, "teacher-special", "bridge")
    assert model.index(0, 0).data(AnnotationRoles.TAG_LABEL) == "Unknown tag (teacher-special)"
    assert model.index(0, 0).data(AnnotationRoles.TAG_COLOR) == QColor("#8A8A8A")


def test_the_model_passes_qtmodeltester_while_it_changes(qtmodeltester, document) -> None:
    model = AnnotationListModel(document)
    add(document, "loaded-label", "radical")
    add(document, "unsourced-claim", "sources say")
    qtmodeltester.check(model)
    annotation = add(document, "verifiable-fact", "4 May 2025")
    document.change_tag(annotation.id, "loaded-label")
    document.delete(annotation.id)
    document.undo_stack.undo()
    qtmodeltester.check(model)


def test_the_tag_filter_hides_other_tags_and_passes_qtmodeltester(qtmodeltester, document) -> None:
    model = AnnotationListModel(document)
    proxy = TagFilterModel()
    proxy.setSourceModel(model)
    radical = add(document, "loaded-label", "radical")
    add(document, "unsourced-claim", "sources say")
    proxy.set_visible_tags({"loaded-label"})
    assert ids(proxy) == [radical.id]
    qtmodeltester.check(proxy)
    proxy.set_visible_tags(None)
    assert proxy.rowCount() == 2


def test_the_tag_filter_matches_whole_tag_ids_only(document) -> None:
    proxy = TagFilterModel()
    proxy.setSourceModel(AnnotationListModel(document))
    fact = add(document, "verifiable-fact", "4 May 2025")
    claim = add(document, "unsourced-claim", "sources say")
    add(document, "loaded-label", "radical")
    proxy.set_visible_tags({"fact", "claim", "verifiable"})  # parts of ids are not ids
    assert ids(proxy) == []
    proxy.set_visible_tags({"verifiable-fact", "unsourced-claim"})
    assert ids(proxy) == [claim.id, fact.id]
    proxy.set_visible_tags(set())
    assert ids(proxy) == []
    proxy.set_visible_tags(None)
    assert proxy.rowCount() == 3
    proxy.set_visible_tags({"verifiable-fact"})
    later = add(document, "verifiable-fact", "bridge")  # rows added later are filtered too
    add(document, "promotional-boilerplate", "Subscribe now")
    assert ids(proxy) == [later.id, fact.id]
