"""Who tagged what where in a class: every student's and the key's annotations by position."""

from __future__ import annotations

from collections.abc import Collection

from app.core.annotations import Annotation
from app.core.classroom import ClassData, Student
from app.core.intervals import IntervalIndex
from app.ui.classroom.class_model import TaggedEntry
from app.ui.i18n import translate


class ClassEntries:
    """The class's annotations in one interval index, each with the student who made it.

    Entries of the key have no student (None). The key's entries are replaced as a whole
    when the teacher changes the key; the students' never change.
    """

    def __init__(self, class_data: ClassData) -> None:
        self._index: IntervalIndex[TaggedEntry] = IntervalIndex(
            "annotation.start", "annotation.end"
        )
        self._index.add_many(
            TaggedEntry(number, student.label, a)
            for number, student in enumerate(class_data.students)
            for a in student.placed
        )
        self._key_entries: list[TaggedEntry] = []
        self.set_key(class_data.key)

    def set_key(self, key: Student | None) -> None:
        """Show *key*'s annotations (None: no key) instead of the key's earlier ones."""
        for entry in self._key_entries:
            self._index.remove(entry)
        who = translate("ClassWindow", "Answer key")
        self._key_entries = [TaggedEntry(None, who, a) for a in key.placed] if key else []
        for entry in self._key_entries:
            self._index.add(entry)

    def at(self, start: int, end: int, shown: Collection[int]) -> list[TaggedEntry]:
        """Entries of the key and of the *shown* students over [start, end) or at a caret.

        At a caret (start == end) the character after it counts, else the one before it
        (the caret at the end of a span). The key comes first, then students in order,
        each in document order.
        """
        if end > start:
            entries = self._index.overlapping(start, end)
        else:
            entries = self._index.at(start) or (self._index.at(start - 1) if start else [])
        entries = [e for e in entries if e.student is None or e.student in shown]
        return sorted(
            entries,
            key=lambda e: (e.student is not None, e.student or 0, e.annotation.sort_key()),
        )

    def students_at(self, offset: int, shown: Collection[int], tag: str = "") -> int:
        """How many *shown* students tagged the character at *offset* with *tag* ("" any)."""
        return len(
            {
                entry.student
                for entry in self._index.at(offset)
                if entry.student in shown and (not tag or entry.annotation.tag == tag)
            }
        )

    def in_key(self, annotation: Annotation) -> bool:
        """True when the key has a passage with *annotation*'s span and tag."""
        spot = (annotation.tag, annotation.start, annotation.end)
        return any(
            (e.annotation.tag, e.annotation.start, e.annotation.end) == spot
            for e in self._key_entries
        )
