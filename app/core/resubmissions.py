"""A loaded hand-in, and keeping one per student: copies and resubmissions are left out."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from app.core.lms_names import LmsName
from app.core.sidecar import Sidecar
from app.core.translation import translate


@dataclass
class HandIn:
    """One handed-in sidecar as loaded for the class, with what tells copies apart."""

    path: Path
    shown: str  # the path below the input folder or zip it was found in (or the file name)
    digest: str
    sidecar: Sidecar
    reanchored: bool
    latest: str = ""  # the last change recorded inside (annotation or deletion), sortable
    lms: LmsName | None = None  # what the LMS's folder or file name says about the student

    @cached_property
    def ids(self) -> frozenset[str]:
        """The ids of its annotations."""
        return frozenset(a.id for a in self.sidecar.annotations)


def one_per_student(
    loaded: list[HandIn], key: HandIn | None, skipped: list[tuple[Path, str]]
) -> list[HandIn]:
    """One hand-in per student; the others are added to *skipped* with the reason.

    Copies of the answer key (the same bytes or annotation ids) are dropped. Hand-ins are
    the same student's when they have the same bytes, the same annotation ids or the same
    LMS student number, or share an annotation id under the same author's name (Slant
    keeps the ids as a student goes on: a resubmission). Of those the one changed last
    (its newest annotation or deletion) is kept; between equals the shorter file name
    (a copy is "maya-copy", "maya (1)"), then the one found first.
    """
    students: list[HandIn] = []
    for item in loaded:
        if key is not None and item.digest == key.digest:
            problem = translate("Classroom", "duplicate: the same file as {other}")
            skipped.append((item.path, problem.format(other=_the_key())))
        elif key is not None and item.ids and item.ids == key.ids:
            problem = translate("Classroom", "duplicate: the same annotations (ids) as {other}")
            skipped.append((item.path, problem.format(other=_the_key())))
        else:
            students.append(item)
    winners: set[int] = set()
    for group in _same_student(students):
        winner = max(group, key=lambda item: (item.latest, -len(item.path.name)))
        winners.add(id(winner))
        skipped.extend(
            (item.path, _why_left_out(item, winner)) for item in group if item is not winner
        )
    return [item for item in students if id(item) in winners]


def _same_student(items: list[HandIn]) -> list[list[HandIn]]:
    """*items* in groups of hand-ins by one student (see _deduplicate), in order."""
    parent = list(range(len(items)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    first: dict[tuple[object, ...], int] = {}
    for index, item in enumerate(items):
        marks: list[tuple[object, ...]] = [("bytes", item.digest)]
        if item.ids:
            marks.append(("ids", item.ids))
        if item.lms is not None and item.lms.student_id:
            marks.append(("lms", item.lms.student_id))
        name = item.sidecar.author.name.strip().casefold()
        if name:
            marks.extend(("name and id", name, one) for one in item.ids)
        for mark in marks:
            parent[root(index)] = root(first.setdefault(mark, index))
    groups: dict[int, list[HandIn]] = {}
    for index, item in enumerate(items):
        groups.setdefault(root(index), []).append(item)
    return list(groups.values())


def _why_left_out(item: HandIn, kept: HandIn) -> str:
    """Why *item* is left out for *kept*, the same student's other hand-in."""
    if item.digest == kept.digest:
        problem = translate("Classroom", "duplicate: the same file as {other}")
    elif item.ids and item.ids == kept.ids:
        problem = translate("Classroom", "duplicate: the same annotations (ids) as {other}")
    elif item.latest < kept.latest:
        problem = translate(
            "Classroom", "an older hand-in by the same student: {other} has later changes"
        )
    else:
        problem = translate("Classroom", "another hand-in by the same student: {other} is used")
    return problem.format(other=kept.path)


def _the_key() -> str:
    return translate("Classroom", "the answer key")
