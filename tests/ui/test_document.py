"""AnnotationDocument: every edit is one undoable command, and the result reaches disk."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core.annotations import make_annotation
from app.core.article import Article, load_article
from app.core.sidecar import new_sidecar, read_sidecar, sidecar_path
from app.ui.editing.document import NOT_SAVED, SAVED, SAVING, AnnotationDocument

TEXT = "Headline\n\nThe so-called experts said the plan was a disaster, sources say.\n"


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


@pytest.fixture
def document(qtbot, article: Article) -> AnnotationDocument:
    doc = AnnotationDocument()
    doc.load(article, new_sidecar(article), sidecar_path(article.path))
    yield doc
    doc.shutdown()


def span_of(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


def test_add_trims_the_span_and_is_one_undoable_command(qtbot, document) -> None:
    start, end = span_of(" so-called experts ")
    with qtbot.waitSignal(document.annotationAdded) as added:
        annotation = document.add("loaded-label", start, end)
    assert added.args == [annotation]
    assert annotation.exact == "so-called experts"
    assert TEXT[annotation.start : annotation.end] == "so-called experts"
    assert document.undo_stack.count() == 1
    assert document.undo_stack.undoText() == "Tag “so-called experts” as Loaded label"
    with qtbot.waitSignal(document.annotationRemoved) as removed:
        document.undo_stack.undo()
    assert [a.id for a in removed.args] == [annotation.id]
    assert document.annotations() == []
    document.undo_stack.redo()
    (back,) = document.annotations()
    assert replace(back, modified=annotation.modified) == annotation


def test_whitespace_only_selection_adds_nothing(document) -> None:
    start = TEXT.index("\n\n")
    with pytest.raises(ValueError, match="empty or only whitespace"):
        document.add("loaded-label", start, start + 2)
    assert document.undo_stack.count() == 0
    assert document.annotations() == []


def test_overlapping_annotations_are_kept_apart(document) -> None:
    first = document.add("loaded-label", *span_of("so-called experts"))
    second = document.add("unsourced-claim", *span_of("experts said the plan"))
    assert {a.id for a in document.annotations()} == {first.id, second.id}


def test_change_tag_and_edit_note_undo_to_the_exact_previous_annotation(document) -> None:
    original = document.add("loaded-label", *span_of("a disaster"))
    document.change_tag(original.id, "unsourced-claim")
    document.edit_note(original.id, "Who says so?\nNo name given.")
    changed = document.annotation(original.id)
    assert (changed.tag, changed.note) == ("unsourced-claim", "Who says so?\nNo name given.")
    assert document.undo_stack.count() == 3
    assert document.undo_stack.undoText().startswith("Edit Note on “a disaster”")
    document.undo_stack.undo()
    document.undo_stack.undo()
    restored = document.annotation(original.id)
    assert restored == original
    assert restored.modified == original.modified


def test_a_change_announces_the_new_annotation_and_the_one_it_replaced(qtbot, document) -> None:
    original = document.add("loaded-label", *span_of("a disaster"))
    with qtbot.waitSignal(document.annotationChanged) as changed:
        document.change_tag(original.id, "unsourced-claim")
    assert changed.args == [document.annotation(original.id), original]
    with qtbot.waitSignal(document.annotationChanged) as changed:
        document.undo_stack.undo()
    assert [a.tag for a in changed.args] == ["loaded-label", "unsourced-claim"]


def test_unchanged_tag_or_note_pushes_no_command(document) -> None:
    annotation = document.add("loaded-label", *span_of("a disaster"))
    document.change_tag(annotation.id, "loaded-label")
    document.edit_note(annotation.id, "")
    document.change_tag("no-such-id", "verifiable-fact")
    assert document.undo_stack.count() == 1


def test_delete_leaves_a_tombstone_until_undone(document) -> None:
    annotation = document.add("verifiable-fact", *span_of("the plan"))
    document.delete(annotation.id)
    _, sidecar = document.snapshot()
    assert sidecar.annotations == []
    assert annotation.id in sidecar.tombstones
    deleted = sidecar.tombstones[annotation.id]
    document.undo_stack.undo()
    _, sidecar = document.snapshot()
    (back,) = sidecar.annotations
    assert replace(back, modified=annotation.modified) == annotation
    assert back.modified > deleted, "newer than its tombstone, so a merge keeps it"
    assert annotation.id not in sidecar.tombstones


def test_changes_reach_the_sidecar_and_mark_the_document_clean(qtbot, document) -> None:
    states: list[str] = []
    document.saveStateChanged.connect(states.append)
    with qtbot.waitSignal(document.saved, timeout=2000) as saved:
        annotation = document.add("unsourced-claim", *span_of("sources say"))
        assert document.save_state == SAVING
        assert not document.undo_stack.isClean()
    path = sidecar_path(document.article.path)
    assert saved.args == [path]
    assert read_sidecar(path, document.article).annotations == [annotation]
    qtbot.waitUntil(lambda: document.save_state == SAVED)
    assert document.undo_stack.isClean()
    assert states == [SAVING, SAVED]


def test_a_failed_save_says_not_saved_until_a_later_success(qtbot, document, monkeypatch) -> None:
    from app.core import store
    from app.core.errors import SidecarError

    real_save = store.save_merging

    def refuse(article, sidecar):
        raise SidecarError("the disk is full")

    monkeypatch.setattr(store, "save_merging", refuse)
    with qtbot.waitSignal(document.saveFailed, timeout=2000) as failed:
        document.add("loaded-label", *span_of("so-called"))
    assert failed.args == ["the disk is full"]
    assert document.save_state == NOT_SAVED
    assert document.last_error == "the disk is full"
    monkeypatch.setattr(store, "save_merging", real_save)
    with qtbot.waitSignal(document.saved, timeout=2000):
        document.autosaver.retry_now()
    assert document.save_state == SAVED
    assert document.last_error == ""


def test_load_starts_a_fresh_history_with_the_sidecars_annotations(document, article) -> None:
    annotation = document.add("loaded-label", *span_of("so-called"))
    assert document.flush()
    sidecar = read_sidecar(sidecar_path(article.path), article)
    document.load(article, sidecar, sidecar_path(article.path))
    assert document.undo_stack.count() == 0
    assert document.undo_stack.isClean()
    assert [a.id for a in document.annotations()] == [annotation.id]


def test_adopt_author_fills_only_an_empty_author(document) -> None:
    document.adopt_author("Ada")
    document.adopt_author("Grace")
    _, sidecar = document.snapshot()
    assert sidecar.author.name == "Ada"


def test_anchoring_notices_count_moved_and_lost_annotations(document, article) -> None:
    made = make_annotation(article.text, "loaded-label", *span_of("so-called"))
    annotations = [replace(made, status="moved"), replace(made, id="lost", status="orphan")]
    document.load(article, replace(new_sidecar(article), annotations=annotations), None)
    assert document.anchoring_notices() == [
        "The article has changed: 1 annotation was moved to match.",
        "1 annotation no longer matches the text; please check it under Needs attention.",
    ]
