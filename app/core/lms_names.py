"""Which handed-in files are sidecars, and the student named by the LMS's file names.

What the learning platforms do to a file called ``story.md.slant.json`` when a teacher
downloads every submission:

- Moodle ("Download all submissions"): a folder per student and plugin,
  ``Ana Lopez_1234567_assignsubmission_file_/story.md.slant.json`` (underscores in the
  name become spaces; with blind marking the name is ``Participant``), or without folders
  ``Ana Lopez_1234567_assignsubmission_file_story.md.slant.json``.
- Canvas: ``lopezana_12345_67890_story.md.slant.json`` (the sortable name, lower case,
  without spaces or punctuation; ``lopezana_LATE_12345_...`` when late), and a
  resubmission numbered before the extension: ``story.md.slant-1.json``.
- Google Drive and Classroom: a second file of the same name numbered
  ``story.md.slant (1).json`` or ``story.md (1).slant.json``.
- Slant's own hand-in: ``<article title> - <student name>.slant.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.file_names import safe_name_piece
from app.core.handin import MAX_TITLE_BYTES

# The file name ends in .slant.json, perhaps numbered by Canvas (-1) or Drive ( (1)).
_SIDECAR_NAME = re.compile(r"\.slant(?:-\d+| ?\(\d+\))?\.json$", re.IGNORECASE)
_COPY_NUMBER = re.compile(
    r"(?:-\d+| ?\(\d+\))(?=\.json$)| ?\(\d+\)(?=\.slant\.json$)", re.IGNORECASE
)
_MOODLE_FOLDER = re.compile(r"^(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_\w+?_?$")
_MOODLE_FILE = re.compile(r"^(?P<name>[^_]+)_(?P<id>\d+)_assignsubmission_file_(?P<rest>.+)$")
_CANVAS_FILE = re.compile(r"^(?P<name>[^\W_]+)_(?:LATE_)?(?P<id>\d+)_\d+_(?P<rest>.+)$")
_SLANT_SUFFIX = re.compile(r"\.slant\.json$", re.IGNORECASE)

SIDECAR = "sidecar"
LMS_FOLDER = "lms folder"
FILE_NAME = "file name"


@dataclass(frozen=True)
class LmsName:
    """A student's name read from where the file was found; ``source`` is LMS_FOLDER or
    FILE_NAME; ``student_id`` is the LMS's number for the student ("" when unknown)."""

    name: str
    source: str
    student_id: str = ""


def is_sidecar_name(name: str) -> bool:
    """Whether the file *name* (its last part) is a sidecar's, as handed in or as an LMS
    renamed it."""
    return bool(_SIDECAR_NAME.search(_last_part(name)))


def lms_name(where: str, title: str) -> LmsName | None:
    """The student named by the path *where* (below the input folder or inside the zip),
    for an article titled *title*; None when no pattern names one.

    The hand-in's own name wins (the student wrote it), then Moodle's folder, then the
    name Moodle or Canvas put in front of the file name.
    """
    parts = [part for part in re.split(r"[/\\]", where) if part]
    if not parts:
        return None
    file = parts[-1]
    lms: LmsName | None = None
    for folder in parts[:-1]:
        found = _MOODLE_FOLDER.match(folder)
        if found:
            lms = LmsName(_moodle(found), LMS_FOLDER, "moodle:" + found["id"])
    found = _MOODLE_FILE.match(file)
    if found:
        lms = LmsName(_moodle(found), FILE_NAME, "moodle:" + found["id"])
        file = found["rest"]
    elif (found := _CANVAS_FILE.match(file)) is not None:
        lms = LmsName(found["name"], FILE_NAME, "canvas:" + found["id"])
        file = found["rest"]
    handed_in = _hand_in_name(file, title)
    if handed_in:
        return LmsName(handed_in, FILE_NAME, lms.student_id if lms else "")
    return lms


def _moodle(found: re.Match[str]) -> str:
    """Moodle's name, or ``Participant 1234567`` under blind marking (never one shared
    name for the whole class)."""
    name = found["name"].strip()
    return f"{name} {found['id']}" if name == "Participant" else name


def _hand_in_name(file: str, title: str) -> str:
    """The name in ``<title> - <name>.slant.json`` (a copy number removed), or ""."""
    stem = _SLANT_SUFFIX.sub("", _COPY_NUMBER.sub("", file))
    if stem == file or not title.strip():
        return ""
    # Hand In writes the title as a safe file name piece (handin.hand_in_name).
    for written in (title.strip(), safe_name_piece(title, MAX_TITLE_BYTES)):
        start = written + " - "
        if written and stem.casefold().startswith(start.casefold()):
            return stem[len(start) :].strip()
    return ""


def _last_part(name: str) -> str:
    return re.split(r"[/\\]", name)[-1]
