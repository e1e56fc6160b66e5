"""Merging two versions of a sidecar keeps every annotation made in either."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.merge import conflict_copies, merge_sidecars
from app.core.sidecar import new_sidecar
from app.core.tags import Tag, TagSet, default_tagset

ARTICLE = parse_plain_text("Headline\nThe mayor, a visionary, said taxes fell 4%.\n", Path("a.txt"))


def _span(quote: str, tag: str = "loaded-label"):
    start = ARTICLE.text.index(quote)
    return make_annotation(ARTICLE.text, tag, start, start + len(quote))


def test_annotations_made_on_both_sides_are_all_kept() -> None:
    ours, theirs = new_sidecar(ARTICLE), new_sidecar(ARTICLE)
    ours.annotations.append(_span("visionary"))
    theirs.annotations.append(_span("taxes fell 4%", "verifiable-fact"))
    merged, report = merge_sidecars(ours, theirs)
    assert sorted(a.exact for a in merged.annotations) == ["taxes fell 4%", "visionary"]
    assert report.added == 1 and report.deleted == 0


def test_the_later_modification_wins() -> None:
    original = _span("visionary")
    older = original.with_changes(note="old", modified="2026-01-01T00:00:00.000Z")
    newer = original.with_changes(note="new", modified="2026-01-02T00:00:00.000Z")
    ours, theirs = new_sidecar(ARTICLE), new_sidecar(ARTICLE)
    ours.annotations.append(older)
    theirs.annotations.append(newer)
    merged, report = merge_sidecars(ours, theirs)
    assert [a.note for a in merged.annotations] == ["new"]
    assert report.updated == 1
    merged_back, _ = merge_sidecars(theirs, ours)
    assert [a.note for a in merged_back.annotations] == ["new"]


def test_a_deleted_annotation_does_not_come_back() -> None:
    annotation = _span("visionary").with_changes(modified="2026-01-01T00:00:00.000Z")
    ours = new_sidecar(ARTICLE)
    ours.tombstones[annotation.id] = "2026-01-03T00:00:00.000Z"
    theirs = new_sidecar(ARTICLE)
    theirs.annotations.append(annotation)
    merged, _ = merge_sidecars(ours, theirs)
    assert merged.annotations == []
    assert annotation.id in merged.tombstones


def test_an_edit_after_the_deletion_revives_the_annotation() -> None:
    annotation = _span("visionary").with_changes(modified="2026-01-05T00:00:00.000Z")
    ours = new_sidecar(ARTICLE)
    ours.tombstones[annotation.id] = "2026-01-03T00:00:00.000Z"
    theirs = new_sidecar(ARTICLE)
    theirs.annotations.append(annotation)
    merged, _ = merge_sidecars(ours, theirs)
    assert [a.id for a in merged.annotations] == [annotation.id]


def test_tags_only_the_other_version_knows_are_added() -> None:
    extra = Tag("opinion", "Opinion", "An opinion.", "#000000", "5")
    theirs = replace(new_sidecar(ARTICLE), tagset=TagSet("t", (*default_tagset().tags, extra)))
    theirs.annotations.append(_span("visionary", "opinion"))
    merged, _ = merge_sidecars(new_sidecar(ARTICLE), theirs)
    assert "opinion" in merged.tagset.ids()


def test_conflict_copies_are_found_but_not_backups_or_corrupt_copies(tmp_path: Path) -> None:
    sidecar = tmp_path / "story.md.slant.json"
    names = [
        "story.md.slant.json",
        "story.md.slant (conflicted copy).json",
        "story.md (Ana's conflicted copy 2026-11-02).slant.json",
        "story.md.slant-LAPTOP-7.json",
        "story.md.slant.json.bak",
        "story.md.slant.json.corrupt-20261128T000000Z",
        "other.md.slant (conflicted copy).json",
    ]
    for name in names:
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = sorted(p.name for p in conflict_copies(sidecar))
    assert found == sorted(names[1:4])
