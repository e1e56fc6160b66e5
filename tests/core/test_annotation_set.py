"""AnnotationSet keeps deletions deleted, and only its rules decide what a merge keeps."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.annotation_set import AnnotationSet, Change
from app.core.annotations import Annotation, make_annotation
from app.core.article import parse_plain_text
from app.core.sidecar import new_sidecar

ARTICLE = parse_plain_text("Headline\nThe mayor, a visionary, said taxes fell 4%.\n", Path("a.txt"))
FUTURE = "2999-01-01T00:00:00.000Z"


def _span(quote: str, modified: str = "2026-01-01T00:00:00.000Z") -> Annotation:
    start = ARTICLE.text.index(quote)
    made = make_annotation(ARTICLE.text, "loaded-label", start, start + len(quote))
    return replace(made, modified=modified)


def test_add_stores_an_annotation_once_per_id() -> None:
    annotation = _span("visionary")
    annotations = AnnotationSet()
    assert annotations.add(annotation) == annotation
    assert annotations.add(replace(annotation, note="again")) is None
    assert annotations.get(annotation.id) == annotation
    assert annotation.id in annotations and len(annotations) == 1


def test_remove_leaves_a_tombstone_never_before_the_modified_time() -> None:
    now, ahead = _span("mayor"), _span("visionary", modified=FUTURE)
    annotations = AnnotationSet([now, ahead])
    assert annotations.remove(now.id) == now
    assert annotations.remove(ahead.id) == ahead
    assert annotations.remove(ahead.id) is None
    assert annotations.get(now.id) is None and len(annotations) == 0
    assert annotations.tombstones[now.id] > now.modified
    assert annotations.tombstones[ahead.id] == FUTURE


def test_an_annotation_put_back_is_modified_after_its_tombstone_which_goes() -> None:
    annotation = _span("visionary")
    annotations = AnnotationSet([], {annotation.id: FUTURE})
    back = annotations.add(annotation)
    assert back is not None and back.modified == "2999-01-01T00:00:00.001Z"
    assert annotation.id not in annotations.tombstones
    other = _span("mayor")
    seconds = AnnotationSet([], {other.id: "2999-01-01T00:00:00Z"}).add(other)
    assert seconds is not None and seconds.modified == "2999-01-01T00:00:01.000Z"


def test_replace_swaps_a_version_in_and_ignores_unknown_ids() -> None:
    annotation = _span("visionary")
    annotations = AnnotationSet([annotation])
    edited = annotation.with_changes(note="why?")
    assert annotations.replace(edited) == annotation
    assert annotations.get(annotation.id) == edited
    assert annotations.replace(_span("mayor")) is None
    assert len(annotations) == 1


def test_document_order_is_by_start_then_end_then_id() -> None:
    longer, shorter, later = _span("The mayor"), _span("The"), _span("mayor")
    twin = replace(shorter, id="0")  # "0" sorts before any UUID
    annotations = AnnotationSet([later, longer, shorter, twin])
    assert annotations.in_document_order() == [twin, shorter, longer, later]


def test_needs_attention_lists_fuzzy_and_orphan_annotations_in_order() -> None:
    fuzzy = replace(_span("taxes"), status="fuzzy")
    orphan = replace(_span("mayor"), status="orphan")
    annotations = AnnotationSet([fuzzy, replace(_span("visionary"), status="moved"), orphan])
    assert annotations.needs_attention() == [orphan, fuzzy]


def test_a_merge_keeps_the_later_version_and_ours_on_a_tie() -> None:
    annotation = _span("visionary")
    older, newer = replace(annotation, note="old"), replace(annotation, note="new", modified=FUTURE)
    merged, report = AnnotationSet([older]).merged(AnnotationSet([newer]))
    assert merged.get(annotation.id) == newer and report.updated == 1
    merged, report = AnnotationSet([newer]).merged(AnnotationSet([older]))
    assert merged.get(annotation.id) == newer and not report.changed
    tie = replace(annotation, note="theirs")
    merged, report = AnnotationSet([annotation]).merged(AnnotationSet([tie]))
    assert merged.get(annotation.id) == annotation and not report.changed


def test_a_merge_takes_the_other_sides_new_annotations() -> None:
    mine, theirs = _span("mayor"), _span("taxes")
    merged, report = AnnotationSet([mine]).merged(AnnotationSet([theirs]))
    assert merged.in_document_order() == [mine, theirs]
    assert (report.added, report.updated, report.deleted) == (1, 0, 0)


def test_a_merge_does_not_bring_back_an_annotation_deleted_after_its_last_change() -> None:
    annotation = _span("visionary")
    for deleted in ("2026-01-03T00:00:00.000Z", annotation.modified):
        merged, report = AnnotationSet([], {annotation.id: deleted}).merged(
            AnnotationSet([annotation])
        )
        assert annotation.id not in merged and merged.tombstones[annotation.id] == deleted
        assert not report.changed, "nothing of ours was deleted"
    merged, report = AnnotationSet([annotation]).merged(
        AnnotationSet([], {annotation.id: "2026-01-03T00:00:00.000Z"})
    )
    assert annotation.id not in merged and report.deleted == 1


def test_a_merge_keeps_an_annotation_modified_after_its_deletion() -> None:
    annotation = _span("visionary", modified="2026-01-05T00:00:00.000Z")
    merged, report = AnnotationSet([], {annotation.id: "2026-01-03T00:00:00.000Z"}).merged(
        AnnotationSet([annotation])
    )
    assert merged.get(annotation.id) == annotation and report.added == 1


def test_the_later_of_two_tombstones_counts() -> None:
    annotation = _span("visionary", modified="2026-01-05T00:00:00.000Z")
    early = AnnotationSet([], {annotation.id: "2026-01-03T00:00:00.000Z"})
    late = AnnotationSet([annotation], {annotation.id: "2026-01-07T00:00:00.000Z"})
    for ours, theirs in ((early, late), (late, early)):
        merged, _ = ours.merged(theirs)
        assert annotation.id not in merged
        assert merged.tombstones[annotation.id] == "2026-01-07T00:00:00.000Z"


def test_an_undone_deletion_survives_a_merge_with_the_copy_that_saw_the_deletion() -> None:
    annotation = _span("visionary", modified=FUTURE)
    annotations = AnnotationSet([annotation])
    annotations.remove(annotation.id)
    saw_the_deletion = AnnotationSet([], annotations.tombstones)
    annotations.add(annotation)
    merged, _ = annotations.merged(saw_the_deletion)
    assert annotation.id in merged
    merged, _ = saw_the_deletion.merged(annotations)
    assert annotation.id in merged


def test_adopt_reports_removals_first_then_additions_and_changes() -> None:
    kept, gone, moved = _span("The"), _span("mayor"), _span("taxes")
    new = _span("visionary")
    annotations = AnnotationSet([kept, gone, moved])
    changes = annotations.adopt(AnnotationSet([kept, replace(moved, status="moved"), new]))
    assert changes == [
        Change(gone, None),
        Change(moved, replace(moved, status="moved")),
        Change(None, new),
    ]
    assert changes[1].after is not None and changes[1].after.status == "moved"
    assert annotations.in_document_order() == [kept, new, moved]


def test_a_sidecar_is_copied_in_and_out_never_changed() -> None:
    annotation, other = _span("taxes"), _span("mayor")
    sidecar = new_sidecar(ARTICLE)
    sidecar.annotations.append(annotation)
    annotations = AnnotationSet.from_sidecar(sidecar)
    annotations.add(other)
    annotations.remove(annotation.id)
    assert sidecar.annotations == [annotation] and sidecar.tombstones == {}
    written = annotations.in_sidecar(sidecar)
    assert written.annotations == [other] and annotation.id in written.tombstones
    assert written.author == sidecar.author and written.tagset == sidecar.tagset


def test_the_same_annotation_is_the_same_tag_on_exactly_the_same_words() -> None:
    tagged = _span("visionary")
    annotations = AnnotationSet([tagged, _span("a visionary")])
    start, end = tagged.start, tagged.end
    assert annotations.same_annotation("loaded-label", start, end) == tagged
    assert annotations.same_annotation("unsourced-claim", start, end) is None
    assert annotations.same_annotation("loaded-label", start, end + 1) is None
    assert annotations.same_annotation("loaded-label", start - 1, end) is None


def test_an_orphan_is_never_the_same_annotation() -> None:
    lost = replace(_span("visionary"), status="orphan")
    annotations = AnnotationSet([lost])
    assert annotations.same_annotation("loaded-label", lost.start, lost.end) is None
