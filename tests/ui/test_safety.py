"""Never lose an annotation: other writers, broken and newer files, copies, edited articles."""

from __future__ import annotations

import errno
import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt

from app import paths
from app.core import atomic
from app.core.annotations import make_annotation, now_iso
from app.core.article import load_article
from app.core.errors import SidecarError
from app.core.sidecar import dump_sidecar, new_sidecar, read_sidecar, sidecar_path, write_sidecar
from app.ui.messages import ConfirmMessage, ProblemMessage, QuestionMessage

STORY = (
    "Harbour news\n\n"
    "The so-called experts said the ferry plan was a disaster for the town.\n\n"
    "Insiders claim the budget was secretly doubled last spring.\n\n"
    "The council voted 7 to 2 on 3 March 2025.\n"
)
EDITED = (
    "Harbour news\n\n"
    "The so-called specialists said the ferry plan was a disaster for the town.\n\n"
    "The council voted 7 to 2 on 3 March 2025, after a long debate.\n"
)


@pytest.fixture
def dialogs(monkeypatch) -> SimpleNamespace:
    """Replace every dialog; record what they said and answer the merge question."""
    record = SimpleNamespace(problems=[], questions=[], merge=True)

    def problem(cls, parent, title, text):
        record.problems.append(text)

    def question(cls, parent, title, text, yes_text):
        record.questions.append(text)
        return record.merge

    monkeypatch.setattr(ProblemMessage, "ask", classmethod(problem))
    monkeypatch.setattr(QuestionMessage, "ask", classmethod(question))
    monkeypatch.setattr(ConfirmMessage, "ask", classmethod(lambda cls, *a: False))
    return record


@pytest.fixture
def make_window(dialogs, new_main_window):
    """Shown, active windows whose dialogs answer from ``dialogs``."""
    return new_main_window


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def ids_on_disk(path: Path) -> set[str] | None:
    """Ids in the sidecar at *path*; None while it cannot be read."""
    try:
        return {a.id for a in read_sidecar(path).annotations} if path.exists() else set()
    except SidecarError:
        return None


def another_writer(article_path: Path, *words: str, base=None):
    """A sidecar as another program would write it, with annotations on *words*."""
    article = load_article(article_path)
    sidecar = base or new_sidecar(article)
    made = [make_annotation(article.text, "unsourced-claim", *span(STORY, w)) for w in words]
    return replace(sidecar, annotations=[*sidecar.annotations, *made]), made


def test_a_second_writer_is_merged_in_and_the_file_keeps_both(qtbot, make_window, article_path):
    window = make_window()
    window.open_path(article_path)
    mine = window.document.add("loaded-label", *span(STORY, "so-called experts"))
    path = sidecar_path(article_path)
    qtbot.waitUntil(lambda: ids_on_disk(path) == {mine.id}, timeout=10_000)
    # The other program never saw our annotation: its file has only its own.
    theirs, (other,) = another_writer(article_path, "Insiders claim")
    write_sidecar(path, theirs)
    qtbot.waitUntil(lambda: window.document.annotation(other.id) is not None, timeout=10_000)
    assert window.view.annotation_ids_at(other.start) == [other.id]
    assert window.sidebar.model.rowCount() == 2
    assert "Merged changes made elsewhere: 1 added." in window.message_bar.text()
    qtbot.waitUntil(lambda: ids_on_disk(path) == {mine.id, other.id}, timeout=10_000)
    assert window.document.undo_stack.count() == 1, "a merge is not an undo step"


def test_a_save_takes_in_what_another_program_wrote(qtbot, make_window, article_path, monkeypatch):
    window = make_window()
    window.open_path(article_path)
    first = window.document.add("loaded-label", *span(STORY, "so-called experts"))
    path = sidecar_path(article_path)
    qtbot.waitUntil(lambda: ids_on_disk(path) == {first.id}, timeout=10_000)
    # Only the save may notice the other program this time, not the folder watch.
    monkeypatch.setattr(window.safety.watcher, "check_now", lambda: None)
    theirs, (other,) = another_writer(article_path, "Insiders claim", base=read_sidecar(path))
    write_sidecar(path, theirs)
    with qtbot.waitSignal(window.document.mergedElsewhere, timeout=10_000) as merged:
        second = window.document.add("verifiable-fact", *span(STORY, "7 to 2"))
    assert merged.args[0].describe() == "1 added"
    assert window.document.annotation(other.id) == other
    assert window.statusBar().currentMessage() == "Merged changes made elsewhere: 1 added."
    qtbot.waitUntil(lambda: ids_on_disk(path) == {first.id, second.id, other.id}, timeout=10_000)


def test_our_own_saves_are_not_taken_for_changes_made_elsewhere(qtbot, make_window, article_path):
    window = make_window()
    window.open_path(article_path)
    with qtbot.waitSignal(window.document.saved, timeout=10_000):
        window.document.add("loaded-label", *span(STORY, "so-called experts"))
    with qtbot.assertNotEmitted(window.document.mergedElsewhere):
        window.safety.watcher.check_now()
    assert str(article_path.parent) in window.safety.watcher.watched_paths()


def test_deleted_here_stays_deleted_when_a_stale_copy_is_written(qtbot, make_window, article_path):
    window = make_window()
    window.open_path(article_path)
    doomed = window.document.add("loaded-label", *span(STORY, "so-called experts"))
    path = sidecar_path(article_path)
    qtbot.waitUntil(lambda: ids_on_disk(path) == {doomed.id}, timeout=10_000)
    stale = read_sidecar(path)
    window.document.delete(doomed.id)
    qtbot.waitUntil(lambda: ids_on_disk(path) == set(), timeout=10_000)
    write_sidecar(path, stale)  # another program saves the version it read before
    assert ids_on_disk(path) == {doomed.id}
    qtbot.waitUntil(lambda: ids_on_disk(path) == set(), timeout=10_000)
    assert window.document.annotations() == []
    assert doomed.id in read_sidecar(path).tombstones


def test_undo_and_redo_cope_with_an_annotation_deleted_elsewhere(qtbot, make_window, article_path):
    window = make_window()
    window.open_path(article_path)
    doc = window.document
    annotation = doc.add("loaded-label", *span(STORY, "so-called experts"))
    doc.change_tag(annotation.id, "verifiable-fact")
    path = sidecar_path(article_path)
    qtbot.waitUntil(lambda: ids_on_disk(path) == {annotation.id}, timeout=10_000)
    elsewhere = replace(read_sidecar(path), annotations=[], tombstones={annotation.id: now_iso()})
    write_sidecar(path, elsewhere)
    qtbot.waitUntil(lambda: doc.annotation(annotation.id) is None, timeout=10_000)
    assert "1 deleted" in window.message_bar.text()
    doc.undo_stack.undo()  # the tag change: its annotation is gone
    doc.undo_stack.undo()  # the add: nothing left to remove
    assert doc.annotations() == []
    doc.undo_stack.redo()  # the add again: newer than the other deletion, so it stays
    assert doc.annotation(annotation.id).modified > elsewhere.tombstones[annotation.id]
    qtbot.waitUntil(lambda: ids_on_disk(path) == {annotation.id}, timeout=10_000)


def test_a_file_damaged_by_another_program_is_reported_and_set_aside_on_save(
    qtbot, make_window, article_path
):
    window = make_window()
    window.open_path(article_path)
    first = window.document.add("loaded-label", *span(STORY, "so-called experts"))
    path = sidecar_path(article_path)
    qtbot.waitUntil(lambda: ids_on_disk(path) == {first.id}, timeout=10_000)
    path.write_bytes(b"half a file from a sync cli")
    qtbot.waitUntil(lambda: "cannot be read" in window.message_bar.text(), timeout=10_000)
    assert "story.txt.slant.json was changed by another program" in window.message_bar.text()
    assert "changed by another program" not in window.statusBar().currentMessage(), "said once"
    assert [a.id for a in window.document.annotations()] == [first.id]
    second = window.document.add("verifiable-fact", *span(STORY, "7 to 2"))
    qtbot.waitUntil(lambda: ids_on_disk(path) == {first.id, second.id}, timeout=10_000)
    (copy,) = article_path.parent.glob("story.txt.slant.json.corrupt-*")
    assert copy.read_bytes() == b"half a file from a sync cli"


def test_a_broken_sidecar_is_set_aside_and_not_written_before_a_change(
    qtbot, make_window, article_path, dialogs
):
    path = sidecar_path(article_path)
    broken = b'{"format": "slant-annotations", "version": 1, "annotations": [\n'
    path.write_bytes(broken)
    window = make_window()
    assert window.open_path(article_path)
    (copy,) = article_path.parent.glob("story.txt.slant.json.corrupt-*")
    assert copy.read_bytes() == broken
    assert dialogs.problems == []
    text = window.message_bar.text()
    assert text.startswith("Your annotations file story.txt.slant.json could not be read: ")
    assert f"Slant keeps a copy of it as {copy.name}." in text
    assert text.endswith(
        "Slant starts with no annotations. New ones you make are saved to "
        "story.txt.slant.json, which replaces the damaged file."
    )
    assert "left as it was" not in text
    assert path.read_bytes() == broken, "nothing is written until the student changes something"
    added = window.document.add("loaded-label", *span(STORY, "so-called experts"))
    qtbot.waitUntil(lambda: ids_on_disk(path) == {added.id}, timeout=10_000)
    assert copy.read_bytes() == broken


def test_a_sidecar_from_a_newer_slant_is_never_written(qtbot, make_window, article_path, dialogs):
    article = load_article(article_path)
    future = json.loads(dump_sidecar(new_sidecar(article)))
    future.update(version=2, annotations=[{"id": "x", "anchor": "new style"}])
    path = sidecar_path(article_path)
    path.write_text(json.dumps(future), encoding="utf-8")
    before = path.read_bytes()
    window = make_window()
    assert window.open_path(article_path)
    assert dialogs.problems == []
    assert "was written by a newer version of Slant; update Slant to edit" in (
        window.message_bar.text()
    )
    assert not window.actions.tag_actions["loaded-label"].isEnabled()
    assert not window.sidebar.tag_buttons["loaded-label"].isEnabled()
    window.view.select_span(*span(STORY, "so-called experts"))
    assert window.tag_selection("loaded-label") is None
    assert "newer version of Slant" in window.statusBar().currentMessage()
    assert "Read only" in window.windowTitle()
    other = article_path.with_name("other.txt")
    other.write_text(STORY, encoding="utf-8")
    window.open_path(other)  # the next article can be annotated again
    assert window.sidebar.tag_buttons["loaded-label"].isEnabled()
    assert window.sidebar.tag_buttons["loaded-label"].graphicsEffect() is None
    window.view.select_span(*span(STORY, "so-called experts"))
    assert window.tag_selection("loaded-label") is not None
    window.close()
    assert path.read_bytes() == before
    assert list(article_path.parent.glob("*.corrupt-*")) == []


def test_conflict_copies_are_merged_renamed_and_broken_ones_skipped(
    qtbot, make_window, article_path, dialogs
):
    path = sidecar_path(article_path)
    ours, (kept,) = another_writer(article_path, "so-called experts")
    write_sidecar(path, ours)
    theirs, (extra,) = another_writer(article_path, "Insiders claim", base=ours)
    good = article_path.parent / "story.txt.slant (conflicted copy).json"
    write_sidecar(good, theirs)
    bad = article_path.parent / "story.txt (Ana's conflicted copy 2026-11-02).slant.json"
    bad.write_text("not json", encoding="utf-8")
    window = make_window()
    window.open_path(article_path)
    (question,) = dialogs.questions
    assert question.startswith(
        "Found 2 copies made by a sync service (Dropbox/OneDrive). Merge their annotations "
        "into this file?"
    )
    assert {a.id for a in window.document.annotations()} == {kept.id, extra.id}
    assert ids_on_disk(path) == {kept.id, extra.id}
    assert not good.exists()
    (renamed,) = article_path.parent.glob("story.txt.slant (conflicted copy).json.merged-*")
    assert ids_on_disk(renamed) == {kept.id, extra.id}
    assert bad.read_text(encoding="utf-8") == "not json"
    bar = window.message_bar.text()
    assert "Merged 1 copy: 1 added." in bar
    assert f"Skipped {bad.name}: " in bar


def test_declined_conflict_copies_are_left_alone(make_window, article_path, dialogs):
    theirs, _ = another_writer(article_path, "Insiders claim")
    copy = article_path.parent / "story.txt.slant (conflicted copy).json"
    write_sidecar(copy, theirs)
    dialogs.merge = False
    window = make_window()
    window.open_path(article_path)
    assert len(dialogs.questions) == 1
    assert window.document.annotations() == []
    assert copy.exists() and not sidecar_path(article_path).exists()


def test_a_read_only_folder_keeps_the_annotations_in_the_fallback_folder(
    qtbot, make_window, article_path, monkeypatch
):
    real_write = atomic.write_atomically

    def read_only_folder(path, data, **options):
        if Path(path).parent == article_path.parent:
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_write(path, data, **options)

    monkeypatch.setattr(atomic, "write_atomically", read_only_folder)
    window = make_window()
    window.open_path(article_path)
    added = window.document.add("loaded-label", *span(STORY, "so-called experts"))
    fallback = paths.fallback_sidecar_path(article_path)
    qtbot.waitUntil(lambda: str(fallback) in window.message_bar.text(), timeout=10_000)
    assert "cannot be written" in window.message_bar.text()
    assert not sidecar_path(article_path).exists()
    window.close()
    again = make_window()
    again.open_path(article_path)
    assert [a.id for a in again.document.annotations()] == [added.id]
    assert again.message_bar.text() == f"Your annotations for this article are kept in {fallback}."


@pytest.fixture
def edited_article(qtbot, make_window, article_path):
    """The story annotated three times, then edited on disk; returns (path, annotations)."""
    window = make_window()
    window.open_path(article_path)
    doc = window.document
    made = [
        doc.add("loaded-label", *span(STORY, "so-called experts said the ferry plan")),
        doc.add("unsourced-claim", *span(STORY, "Insiders claim the budget was secretly doubled")),
        doc.add("verifiable-fact", *span(STORY, "7 to 2")),
    ]
    window.close()
    article_path.write_text(EDITED, encoding="utf-8")
    return article_path, made


def test_an_edited_article_lists_changed_and_lost_annotations(qtbot, make_window, edited_article):
    path, (fuzzy, orphan, moved) = edited_article
    window = make_window()
    window.open_path(path)
    panel = window.sidebar.attention
    assert panel.isVisible()
    assert panel.item_ids() == [fuzzy.id, orphan.id]
    assert window.document.annotation(moved.id).status == "moved", "same words: no need to look"
    assert panel.heading.text() == "⚠ NEEDS ATTENTION · 2"
    reasons = [item.accessibleName() for item in panel.items.values()]
    assert reasons == [
        "Loaded label: The words changed: now “so-called specialists said the ferry plan”.",
        "Unsourced claim: The words were not found in the article any more: "
        "“Insiders claim the budget was secretly doubled”.",
    ]
    assert "confirm" not in panel.items[orphan.id].buttons, "a lost annotation has no place"
    assert window.view.annotation_ids_at(EDITED.index("specialists")) == [fuzzy.id]
    for item in panel.items.values():
        for button in item.buttons.values():
            assert button.accessibleName() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert panel.isAncestorOf(window.focusWidget())
    # Confirming keeps the new place: the flag goes and the file gets the new position.
    panel.items[fuzzy.id].buttons["confirm"].click()
    assert panel.item_ids() == [orphan.id]
    qtbot.waitUntil(
        lambda: (
            {a.id: a.exact for a in read_sidecar(sidecar_path(path)).annotations}.get(fuzzy.id)
            == "so-called specialists said the ferry plan"
        ),
        timeout=3000,
    )
    assert window.document.undo_stack.count() == 0


def test_an_orphan_is_reattached_to_the_selection_and_undone(qtbot, make_window, edited_article):
    path, (_, orphan, _) = edited_article
    window = make_window()
    window.open_path(path)
    panel = window.sidebar.attention
    panel.items[orphan.id].buttons["reattach"].click()
    assert "Select the words in the article" in window.statusBar().currentMessage()
    assert panel.item_ids()[-1] == orphan.id
    start, end = span(EDITED, "after a long debate")
    window.view.select_span(start, end)
    panel.items[orphan.id].buttons["reattach"].click()
    placed = window.document.annotation(orphan.id)
    assert (placed.start, placed.end, placed.status) == (start, end, "exact")
    assert (placed.tag, placed.note, placed.created) == (orphan.tag, orphan.note, orphan.created)
    assert window.view.annotation_ids_at(start) == [orphan.id]
    assert orphan.id not in panel.item_ids()
    assert window.sidebar.current_annotation_id() == orphan.id
    qtbot.waitUntil(
        lambda: (
            {a.id: a.start for a in read_sidecar(sidecar_path(path)).annotations}.get(orphan.id)
            == start
        ),
        timeout=3000,
    )
    window.actions.undo.trigger()
    assert window.document.annotation(orphan.id).status == "orphan"
    assert window.view.annotation_ids_at(start) == []
    assert panel.item_ids()[-1] == orphan.id
    panel.items[orphan.id].buttons["delete"].click()
    assert window.document.annotation(orphan.id) is None
    assert orphan.id not in panel.item_ids()
    window.actions.undo.trigger()
    assert orphan.id in panel.item_ids()
