"""Who tagged what where in a class: every student's and the key's annotations by position."""

from __future__ import annotations

from collections.abc import Collection

from app.core.annotations import Annotation
from app.core.classroom import ClassData, Student
from app.core.intervals import IntervalIndex
from app.ui.class_model import TaggedEntry
from app.ui.i18n import translate

KEY_PREFIX = "key/"


class ClassEntries:
    """The class's annotations in one interval index, each with the student who made it.

    Entries of the key have no student (None). The key's entries are replaced as a whole
    when the teacher changes the key; the students' never change.
    """

    def __init__(self, class_data: ClassData) -> None:
        self._index = IntervalIndex()
        self._entries: dict[str, TaggedEntry] = {}
        self._key_placed: list[Annotation] = []
        for number, student in enumerate(class_data.students):
            for a in student.placed:
                self._entries[f"{number}/{a.id}"] = TaggedEntry(number, student.label, a)
        self._index.add_many(
            (entry_id, e.annotation.start, e.annotation.end)
            for entry_id, e in self._entries.items()
        )
        self.set_key(class_data.key)

    def set_key(self, key: Student | None) -> None:
        """Show *key*'s annotations (None: no key) instead of the key's earlier ones."""
        old = [entry_id for entry_id in self._entries if entry_id.startswith(KEY_PREFIX)]
        for entry_id in old:
            del self._entries[entry_id]
            self._index.remove(entry_id)
        self._key_placed = list(key.placed) if key else []
        who = translate("ClassWindow", "Answer key")
        for a in self._key_placed:
            self._add(f"{KEY_PREFIX}{a.id}", TaggedEntry(None, who, a))

    def at(self, start: int, end: int, shown: Collection[int]) -> list[TaggedEntry]:
        """Entries of the key and of the *shown* students over [start, end) or at a caret.

        At a caret (start == end) the character after it counts, else the one before it
        (the caret at the end of a span). The key comes first, then students in order.
        """
        if end > start:
            ids = self._index.overlapping(start, end)
        else:
            ids = self._index.at(start) or (self._index.at(start - 1) if start else [])
        entries = [self._entries[i] for i in ids]
        entries = [e for e in entries if e.student is None or e.student in shown]
        return sorted(
            entries, key=lambda e: (e.student is not None, e.student or 0, e.annotation.start)
        )

    def students_at(self, offset: int, shown: Collection[int], tag: str = "") -> int:
        """How many *shown* students tagged the character at *offset* with *tag* ("" any)."""
        return len(
            {
                entry.student
                for entry in map(self._entries.__getitem__, self._index.at(offset))
                if entry.student in shown and (not tag or entry.annotation.tag == tag)
            }
        )

    def in_key(self, annotation: Annotation) -> bool:
        """True when the key has a passage with *annotation*'s span and tag."""
        spot = (annotation.tag, annotation.start, annotation.end)
        return any((a.tag, a.start, a.end) == spot for a in self._key_placed)

    def _add(self, entry_id: str, entry: TaggedEntry) -> None:
        self._entries[entry_id] = entry
        self._index.add(entry_id, entry.annotation.start, entry.annotation.end)
