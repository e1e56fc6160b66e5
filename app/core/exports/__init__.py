"""Exports: one student's annotations in five formats, and the teacher's class files."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from app.core.article import Article
from app.core.classroom import ClassAnalysis, ClassData
from app.core.errors import ExportError
from app.core.exports import (
    csv_export,
    feedback,
    html_report,
    markdown_export,
    output_folder,
    w3c,
)
from app.core.sidecar import Sidecar, dump_sidecar

STUDENT_FORMATS = ("csv", "json", "w3c", "html", "md")


def export_student(article: Article, sidecar: Sidecar, fmt: str) -> bytes:
    """One student's annotations as *fmt* (csv, json, w3c, html or md), as file bytes.

    json is the whole sidecar document; w3c a W3C Web Annotation collection (JSON-LD).
    Raises ExportError for an unknown format.
    """
    if fmt == "csv":
        return csv_export.student_csv(sidecar)
    if fmt == "json":
        return dump_sidecar(sidecar)
    if fmt == "w3c":
        return w3c.student_collection(article, sidecar.author.name, sidecar.annotations)
    if fmt == "html":
        return feedback.student_html(article, sidecar)
    if fmt == "md":
        return markdown_export.student_markdown(article, sidecar)
    raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(STUDENT_FORMATS)}")


def write_class_files(
    class_data: ClassData, analysis: ClassAnalysis, out_dir: Path, fresh: bool = False
) -> list[Path]:
    """Write every class output into *out_dir* (see classroom.write_class_outputs).

    Every file is made in memory first, so that a problem with one of them (a name, a
    planted link) stops the run before anything is written.
    """
    title = class_data.article.title or "an article"
    people = [(s.label, s.sidecar.annotations) for s in class_data.students]
    if class_data.key is not None:
        people.append((class_data.key.label, class_data.key.sidecar.annotations))
    files: dict[str, bytes] = {
        "annotations.csv": csv_export.annotations_csv(class_data),
        "students.csv": csv_export.students_csv(class_data, analysis),
        "agreement.csv": csv_export.agreement_csv(class_data, analysis),
        "report.html": html_report.class_report(class_data, analysis),
        "annotations.jsonld": w3c.collection_bytes(
            class_data.article, people, f"Slant class annotations on {title}"
        ),
    }
    if class_data.pseudonyms:
        files["names.csv"] = csv_export.names_csv(class_data)
    if class_data.key is not None:
        taken: set[str] = set()
        for index, student in enumerate(class_data.students):
            name = f"feedback/{safe_file_name(student.label, taken)}.html"
            files[name] = feedback.feedback_page(class_data, analysis, index)
    folder = output_folder.make_dated_folder(out_dir) if fresh else Path(out_dir)
    return output_folder.write_files(folder, files, fresh=fresh)


# Bytes, not characters: 40 CJK characters are 120 bytes, and file systems count bytes (255).
_NAME_BYTES = 120


def safe_file_name(label: str, taken: set[str]) -> str:
    """A file name made from *label* that is valid on Windows, macOS and Linux, unique in
    *taken* (compared case-insensitively, as on Windows and macOS).

    At most 120 UTF-8 bytes (a few more with a leading _ or the number that makes it unique);
    never a Windows device name (CON, COM1, LPT¹, ...); only letters, digits, "_", "." and
    "-", so no separator, control or bidirectional control character reaches it.
    """
    text = unicodedata.normalize("NFC", label)
    text = re.sub(r"[^\w.-]+", "-", text).strip("-.")
    text = text.encode("utf-8")[:_NAME_BYTES].decode("utf-8", "ignore").strip("-.") or "student"
    # Windows reads superscript digits as digits too (COM¹ is COM1): compare as NFKC.
    if unicodedata.normalize("NFKC", text.split(".")[0]).upper() in _DEVICES:
        text = "_" + text
    candidate, number = text, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{text}-{number}"
    taken.add(candidate.casefold())
    return candidate


_DEVICES = {"CON", "PRN", "AUX", "NUL"} | {
    f"{kind}{n}" for kind in ("COM", "LPT") for n in range(10)
}
