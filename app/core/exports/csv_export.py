"""CSV exports: one student's annotations, and the class's annotations, students, agreement.

Every file is UTF-8 with a byte-order mark (so spreadsheet programs detect the encoding),
quoted as RFC 4180 says, with CRLF line ends. A text cell that begins with =, +, -, @, a
tab or a carriage return gets a leading apostrophe so that a spreadsheet shows it as text
instead of running it as a formula (CSV injection). A number (int, float, Decimal) is never
prefixed: "-0.007" cannot run as a formula, and an apostrophe would turn it into text that a
spreadsheet or pandas no longer reads as numeric. NUL characters become U+FFFD.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from numbers import Number
from typing import Any

from app.core.annotations import in_document_order
from app.core.classroom import ClassAnalysis, ClassData, Student
from app.core.scoring import Score, best_key_matches
from app.core.sidecar import Sidecar

_FORMULA_STARTS = frozenset("=+-@\t\r")
NOT_AVAILABLE = "n/a"


def safe_cell(value: Any) -> str:
    """The cell text for *value*: None is empty, numbers as written, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, Number):
        return str(value)
    text = value if isinstance(value, str) else str(value)
    return "'" + text if text[:1] in _FORMULA_STARTS else text


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """Encode *header* and *rows* as a CSV file (BOM, RFC 4180 quoting, CRLF)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([safe_cell(cell) for cell in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    # A lone surrogate (half a UTF-16 pair from a pasted note) has no UTF-8 form; a NUL
    # ends the text for many programs that read the file.
    return buffer.getvalue().replace("\x00", "\ufffd").encode("utf-8-sig", "replace")


def number(value: float | None) -> Decimal | str:
    """A ratio with three decimals (a number cell), or n/a when it is undefined."""
    return NOT_AVAILABLE if value is None else _decimal(value, 3)


def student_csv(sidecar: Sidecar) -> bytes:
    """One row per annotation: tag, start, end, text, note, author, created, modified."""
    labels = {tag.id: tag.label for tag in sidecar.tagset.tags}
    author = sidecar.author.name
    rows = [
        (labels.get(a.tag, a.tag), a.start, a.end, a.exact, a.note, author, a.created, a.modified)
        for a in in_document_order(sidecar.annotations)
    ]
    header = ("tag", "start", "end", "text", "note", "author", "created", "modified")
    return csv_bytes(header, rows)


def annotations_csv(class_data: ClassData) -> bytes:
    """Every student's annotations (then the key's), with the best-matching key span."""
    labels = {tag.id: tag.label for tag in class_data.tags}
    key = class_data.key.placed if class_data.key else None
    header = [
        *("student", "role", "file", "tag id", "tag label", "start", "end", "text", "note"),
        *("created", "modified", "anchoring status"),
    ]
    if key is not None:
        header.append("best-matching key span")
    rows: list[list[Any]] = []
    people: list[tuple[Student, str]] = [(s, "student") for s in class_data.students]
    if class_data.key is not None:
        people.append((class_data.key, "key"))
    for person, role in people:
        annotations = in_document_order(person.sidecar.annotations)
        matches = best_key_matches(annotations, key) if key is not None and role != "key" else {}
        for a in annotations:
            row: list[Any] = [
                *(person.label, role, person.file, a.tag, labels.get(a.tag, a.tag)),
                *(a.start, a.end, a.exact, a.note, a.created, a.modified, a.status),
            ]
            if key is not None:
                match = matches.get(a.id)
                row.append(f"{match.start}-{match.end} {match.tag}" if match else "")
            rows.append(row)
    return csv_bytes(header, rows)


def students_csv(class_data: ClassData, analysis: ClassAnalysis) -> bytes:
    """One row per student: where the name came from, counts and characters per tag;
    with a key, P/R/F1 too."""
    tag_ids = analysis.tag_ids
    # "name source": sidecar, lms folder or file name (lms_names), empty when unnamed.
    header = ["student", "file", "name source", "re-anchored", "orphans"]
    for tag in tag_ids:
        header += [f"{tag} annotations", f"{tag} characters"]
    with_key = class_data.key is not None
    if with_key:
        for scope in (*tag_ids, "overall"):
            header += [f"{scope} precision", f"{scope} recall", f"{scope} F1"]
    rows = []
    for student, stats in zip(class_data.students, analysis.stats, strict=True):
        row: list[Any] = [
            student.label,
            student.file,
            student.name_source,
            "yes" if student.reanchored else "no",
            len(student.orphans),
        ]
        for tag in tag_ids:
            row += [stats.counts[tag], stats.chars[tag]]
        if with_key and stats.score is not None:
            for score in (*(stats.score.per_tag[t] for t in tag_ids), stats.score.overall):
                row += _score_cells(score)
        rows.append(row)
    return csv_bytes(header, rows)


def _score_cells(score: Score) -> list[Decimal | str]:
    return [number(score.precision), number(score.recall), number(score.f1)]


def agreement_csv(class_data: ClassData, analysis: ClassAnalysis) -> bytes:
    """Krippendorff's alpha per tag and pooled over the tags in use, with the number of students."""
    labels = {tag.id: tag.label for tag in class_data.tags}
    header = (
        "tag id",
        "tag label",
        "alpha",
        "students",
        "units (characters)",
        "observed disagreement",
        "expected disagreement",
    )
    scopes = [(tag, labels[tag], analysis.alpha[tag]) for tag in analysis.tag_ids]
    scopes.append(("all", "tags in use (pooled)", analysis.overall_alpha))
    rows = [
        (tag, label, number(a.value), a.coders, a.units, _plain(a.observed), _plain(a.expected))
        for tag, label, a in scopes
    ]
    return csv_bytes(header, rows)


def _plain(value: float | None) -> Decimal | str:
    return NOT_AVAILABLE if value is None else _decimal(value, 6)


def _decimal(value: float, places: int) -> Decimal:
    """*value* rounded to *places* decimals, keeping trailing zeros ("0.500")."""
    rounded = Decimal(f"{value:.{places}f}")
    # -0.0001 rounds to "-0.000"; a teacher should not see a sign on zero.
    return abs(rounded) if rounded == 0 else rounded


def names_csv(class_data: ClassData) -> bytes:
    """The teacher's table from codes back to names and files (pseudonymized runs only)."""
    return csv_bytes(("code", "name", "file"), class_data.pseudonyms)
