"""The class window's models: the student check list, read-only tables, and the editable key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.core.agreement import Alpha
from app.core.annotation_set import AnnotationSet
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.classroom import ClassAnalysis, ClassData, Student
from app.core.exports.phrases import decimal
from app.core.scoring import Score
from app.core.sidecar import Sidecar, read_sidecar, write_sidecar
from app.core.tags import Tag
from app.ui.i18n import shown_tag, translate

ModelIndex = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
# The value a column sorts by (a number where the text is one), and the row's payload.
SORT_ROLE = Role.UserRole + 1
ROW_ROLE = Role.UserRole + 2


def number_text(value: float | None) -> str:
    """A statistic as shown: two decimals, or "n/a" when it is undefined."""
    return translate("ClassModel", "n/a") if value is None else decimal(value)


def alpha_reading(value: float | None) -> str:
    """Krippendorff's rule of thumb in words."""
    if value is None:
        return translate("ClassModel", "undefined (no variation)")
    if value >= 0.8:
        return translate("ClassModel", "high agreement")
    if value >= 0.667:
        return translate("ClassModel", "moderate: tentative")
    if value > 0:
        return translate("ClassModel", "low: understood differently")
    return translate("ClassModel", "no better than chance")


def _student_tooltip(student: Student) -> str:
    count = len(student.placed)
    if count == 1:
        text = translate("ClassModel", "{file}: 1 annotation")
    else:
        text = translate("ClassModel", "{file}: {count} annotations")
    if student.reanchored:
        text += translate("ClassModel", "; made on an older text, re-anchored")
    return text.format(file=student.file, count=count)


class StudentListModel(QAbstractListModel):
    """The class's students, each with a check box that shows or hides them.

    DisplayRole is the student's label, ToolTipRole their file and annotation count,
    CheckStateRole whether they are shown, ROW_ROLE the Student.

    Signals:
        shownChanged(): a student was shown or hidden.
    """

    shownChanged = Signal()

    def __init__(self, students: Sequence[Student], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._students = list(students)
        self._shown = [True] * len(self._students)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        """One row per student (a list: no children)."""
        return 0 if parent.isValid() else len(self._students)

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        """The student's label, tooltip, check state or the Student itself."""
        if not index.isValid() or not 0 <= index.row() < len(self._students):
            return None
        student = self._students[index.row()]
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            return student.label
        if role == Role.ToolTipRole:
            return _student_tooltip(student)
        if role == Role.CheckStateRole:
            shown = self._shown[index.row()]
            return Qt.CheckState.Checked if shown else Qt.CheckState.Unchecked
        if role == ROW_ROLE:
            return student
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """Students can be selected and checked."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | (Qt.ItemFlag.ItemIsUserCheckable)
        )

    def setData(self, index: ModelIndex, value: Any, role: int = Role.EditRole) -> bool:
        """Show (Checked) or hide a student."""
        if role != Role.CheckStateRole or not index.isValid():
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_shown(index.row(), checked)
        return True

    def set_shown(self, row: int, shown: bool) -> None:
        """Show or hide the student in *row*."""
        if self._shown[row] != shown:
            self._shown[row] = shown
            changed = self.index(row)
            self.dataChanged.emit(changed, changed, [Role.CheckStateRole])
            self.shownChanged.emit()

    def set_all_shown(self, shown: bool) -> None:
        """Show or hide every student at once (one change signal)."""
        if self._students and any(value != shown for value in self._shown):
            self._shown = [shown] * len(self._students)
            self.dataChanged.emit(self.index(0), self.index(len(self._students) - 1))
            self.shownChanged.emit()

    def shown(self) -> list[int]:
        """The indices (in ClassData.students) of the students shown."""
        return [row for row, shown in enumerate(self._shown) if shown]


@dataclass(frozen=True)
class Cell:
    """One table cell: its text, the value it sorts by, and an optional tooltip."""

    text: str
    value: Any = None
    tooltip: str = ""


@dataclass(frozen=True)
class Row:
    """One table row: its cells and what it stands for (ROW_ROLE)."""

    cells: tuple[Cell, ...]
    payload: Any = None


class TableModel(QAbstractTableModel):
    """A read-only table of text rows.

    DisplayRole and AccessibleTextRole give a cell's text, ToolTipRole its tooltip,
    SORT_ROLE the value it sorts by (its text when it has none), ROW_ROLE the row's payload.
    """

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        """The rows, in model order."""
        return list(self._rows)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        """The number of rows (a table: no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        """The number of headers."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: ModelIndex, role: int = Role.DisplayRole) -> Any:
        """A cell's text, tooltip or sort value, or the row's payload."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if not 0 <= index.column() < len(row.cells):
            return None
        cell = row.cells[index.column()]
        if role in (Role.DisplayRole, Role.AccessibleTextRole):
            return cell.text
        if role == Role.ToolTipRole:
            return cell.tooltip or None
        if role == SORT_ROLE:
            return cell.text if cell.value is None else cell.value
        if role == Role.TextAlignmentRole and isinstance(cell.value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ROW_ROLE:
            return row.payload
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        """Column headers; rows are numbered."""
        if role != Role.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)


# -- rows of the class window's tables ---------------------------------------------------


def _number_cell(value: float | None) -> Cell:
    # Undefined sorts below every number.
    return Cell(number_text(value), -1.0 if value is None else value)


def agreement_rows(class_data: ClassData, analysis: ClassAnalysis) -> list[Row]:
    """Alpha per tag, then pooled over the tags in use; each row's payload is the Alpha."""
    labels = {tag.id: shown_tag(tag).label for tag in class_data.tags}
    items: list[tuple[str, Alpha]] = [
        (labels.get(tag, tag), analysis.alpha[tag]) for tag in analysis.tag_ids
    ]
    items.append((translate("ClassModel", "Tags in use (pooled)"), analysis.overall_alpha))
    return [
        Row((Cell(label), _number_cell(alpha.value), Cell(alpha_reading(alpha.value))), alpha)
        for label, alpha in items
    ]


def table_headers(table: str) -> tuple[str, ...]:
    """The column headers of a class-window table.

    *table* is "tagged" (who tagged the passage), "agreement", "scores" (with a key),
    "counts" (scores without a key) or "skipped".
    """
    student, count = translate("ClassModel", "Student"), translate("ClassModel", "Annotations")
    tag = translate("ClassModel", "Tag")
    headers = {
        "tagged": (translate("ClassModel", "Who"), tag, translate("ClassModel", "Note")),
        "agreement": (tag, translate("ClassModel", "Alpha"), translate("ClassModel", "Reading")),
        "scores": (
            student,
            count,
            translate("ClassModel", "Precision"),
            translate("ClassModel", "Recall"),
            translate("ClassModel", "F1"),
        ),
        "counts": (student, count, translate("ClassModel", "Characters")),
        "skipped": (translate("ClassModel", "File"), translate("ClassModel", "Reason")),
    }
    return headers[table]


def score_rows(class_data: ClassData, analysis: ClassAnalysis) -> list[Row]:
    """Per student: annotations and, with a key, precision/recall/F1 over all tags."""
    rows = []
    for student, stats in zip(class_data.students, analysis.stats, strict=True):
        count = sum(stats.counts.values())
        name = Cell(student.label, student.label.casefold(), str(student.path))
        cells: tuple[Cell, ...]
        if stats.score is None:
            chars = sum(stats.chars.values())
            cells = (name, Cell(str(count), count), Cell(str(chars), chars))
        else:
            overall: Score = stats.score.overall
            cells = (
                name,
                Cell(str(count), count),
                _number_cell(overall.precision),
                _number_cell(overall.recall),
                _number_cell(overall.f1),
            )
        rows.append(Row(cells, student))
    return rows


def skipped_rows(class_data: ClassData) -> list[Row]:
    """The files left out, with the reason."""
    return [
        Row((Cell(path.name, str(path), str(path)), Cell(reason, reason, reason)), path)
        for path, reason in class_data.skipped
    ]


@dataclass(frozen=True)
class TaggedEntry:
    """One annotation under the caret: by a student (index) or by the key (None)."""

    student: int | None
    who: str
    annotation: Annotation


def tagged_rows(entries: Sequence[TaggedEntry], tag_labels: dict[str, str]) -> list[Row]:
    """Who tagged the passage: name, tag and note; the quote in the tooltip."""
    rows = []
    for entry in entries:
        a = entry.annotation
        label = tag_labels.get(a.tag, a.tag)
        note = " ".join(a.note.split())
        quote = f"“{' '.join(a.exact.split())}”"
        rows.append(
            Row(
                (
                    Cell(entry.who, tooltip=quote),
                    Cell(label, tooltip=quote),
                    Cell(note, tooltip=a.note or quote),
                ),
                entry,
            )
        )
    return rows


# -- the answer key file -----------------------------------------------------------------


class KeyFile:
    """The answer key's sidecar file, changed one annotation at a time.

    Each change reads the file again first, so that edits made meanwhile elsewhere (the
    teacher's main window, another Slant) are kept. Raises SidecarError when the file
    cannot be read or written.
    """

    def __init__(self, path: Path, article: Article) -> None:
        self.path = Path(path)
        self._article = article

    def read(self) -> Sidecar:
        """The key as it is on disk, placed on the article's text."""
        return read_sidecar(self.path, self._article)

    def add(self, annotation: Annotation, tag: Tag | None) -> Sidecar:
        """Write *annotation* into the key (adding *tag* to its tag set when missing)."""
        sidecar = self.read()
        tagset = sidecar.tagset
        if tag is not None and tagset.get(annotation.tag) is None:
            tagset = replace(tagset, tags=(*tagset.tags, tag))
        annotations = AnnotationSet.from_sidecar(sidecar)
        if annotations.replace(annotation) is None:
            annotations.add(annotation)  # outlives a tombstone of an earlier removal
        changed = replace(annotations.in_sidecar(sidecar), tagset=tagset)
        write_sidecar(self.path, changed)
        return changed

    def remove(self, annotation_id: str, unused_tag: str = "") -> Sidecar:
        """Take the annotation out of the key, leaving a tombstone so merges keep it out.

        *unused_tag* is dropped from the tag set too when no annotation uses it any more.
        """
        sidecar = self.read()
        annotations = AnnotationSet.from_sidecar(sidecar)
        annotations.remove(annotation_id)
        tagset = sidecar.tagset
        if unused_tag and all(a.tag != unused_tag for a in annotations):
            tagset = replace(tagset, tags=tuple(t for t in tagset.tags if t.id != unused_tag))
        changed = replace(annotations.in_sidecar(sidecar), tagset=tagset)
        write_sidecar(self.path, changed)
        return changed
