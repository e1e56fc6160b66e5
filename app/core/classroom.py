"""A class's sidecars for one article: gather them, find the key, compute the statistics.

``gather_class`` reads the files (skipping, with a reason, what cannot be used);
``analyse_class`` computes every statistic once; ``write_class_outputs`` writes the
teacher's files (CSV, W3C JSON-LD, the HTML report and, with a key, feedback pages).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import stat
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.agreement import Alpha, Run, alpha_per_tag, f1_matrix, spans_by_tag
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
from app.core.errors import SidecarError, SlantError
from app.core.lms_names import SIDECAR, lms_name
from app.core.resubmissions import HandIn, one_per_student
from app.core.scoring import (
    Confusion,
    KeyScore,
    KeySpanResult,
    confusions,
    heat_map,
    key_span_results,
    score_against_key,
)
from app.core.sidecar import MAX_SIDECAR_BYTES, Sidecar, parse_sidecar
from app.core.submissions import Submission, SubmissionsError, find_submissions, unreadable
from app.core.tags import Tag, default_tagset
from app.core.translation import translate


class ClassError(SlantError):
    """The class cannot be compared as asked (e.g. the answer key is unusable or unclear)."""


@dataclass(frozen=True)
class Student:
    """One student's sidecar as used in the class (the key is one too).

    ``label`` tells students apart in every output: the author's name, with the file name
    added when two files carry the same name. ``file`` is the file name shown in outputs.
    ``name_source`` says where the name came from: the sidecar's author, or when that is
    empty the LMS's folder or file name (lms_names.SIDECAR, LMS_FOLDER, FILE_NAME), or ""
    when nothing names the student. ``path`` of a zip's member is ``<zip>/<member>``.
    """

    name: str
    label: str
    path: Path
    file: str
    sidecar: Sidecar
    reanchored: bool = False
    name_source: str = SIDECAR

    @property
    def placed(self) -> list[Annotation]:
        """The annotations anchored on the article's text (orphans left out)."""
        return [a for a in self.sidecar.annotations if a.status != "orphan"]

    @property
    def orphans(self) -> list[Annotation]:
        """Annotations that re-anchoring could not place on the article's text."""
        return [a for a in self.sidecar.annotations if a.status == "orphan"]

    def status_counts(self) -> dict[str, int]:
        """How many annotations are exact, moved, fuzzy and orphan."""
        return dict(Counter(a.status for a in self.sidecar.annotations))


@dataclass
class ClassData:
    """The gathered class: students in display order, the key, and what was skipped."""

    article: Article
    students: list[Student]
    key: Student | None
    skipped: list[tuple[Path, str]]
    tags: tuple[Tag, ...] = ()
    pseudonyms: list[tuple[str, str, str]] = field(default_factory=list)  # code, name, file


# -- gathering -------------------------------------------------------------------------

KEY_SUFFIX = ".key.slant.json"  # story.md.key.slant.json: the teacher's key beside story.md
# Bidirectional controls (U+202E and its kin) would reorder a name, and the text after it,
# in a report, a table or a file manager: names and file names are shown without them.
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


def gather_class(article: Article, inputs: Sequence[Path], key: Path | None = None) -> ClassData:
    """Read the sidecars in *inputs*: files, folders searched for ``*.slant.json`` and zips
    downloaded from an LMS (read in memory; see submissions.py and lms_names.py).

    Broken files, files for another article (different title and text) and duplicates are
    skipped and listed with a reason; of two hand-ins by the same student the later is
    kept (see ``resubmissions.one_per_student``). A sidecar without an author's name takes
    the one in its LMS folder or file name. Sidecars made on an older text of the article are
    re-anchored. The key is the file *key*, or else the teacher's
    ``<article file name>.key.slant.json`` beside the article; a role written inside a
    handed-in file is never trusted. Raises ClassError when the key cannot be used or a
    zip cannot be read.
    """
    skipped: list[tuple[Path, str]] = []
    beside = _key_file_beside(article)
    key_loaded = None
    if key is not None:
        key_loaded = _load_key(article, Path(key))
        if beside is not None and not _same_file(beside, Path(key)):
            problem = translate("Classroom", "another answer key: --key names the one used")
            skipped.append((beside, problem))
    elif beside is not None:
        key_loaded = _trusted_key(article, beside, skipped)
    # Neither is a student: the key, and the key file beside the article even when it is
    # not used (by its own path only: it may be a link to a real student's file).
    not_students = {os.path.abspath(beside)} if beside is not None else set()
    if key_loaded is not None:
        not_students.add(os.path.realpath(key_loaded.path))
    try:
        submissions = find_submissions(inputs, skipped)
    except SubmissionsError as exc:
        raise ClassError(str(exc)) from exc
    loaded: list[HandIn] = []
    for item in submissions:
        if not item.in_zip and {os.path.abspath(item.path), os.path.realpath(item.path)} & (
            not_students
        ):
            continue
        try:
            loaded.append(_load_submission(article, item))
        except (SidecarError, _Skip) as exc:
            skipped.append((item.path, _reason(exc, item.path)))
    students = one_per_student(loaded, key_loaded, skipped)
    key_student = _student(key_loaded, "Answer key") if key_loaded else None
    tags = _class_tags(key_loaded, students)
    return ClassData(article, _labelled(students), key_student, skipped, tags)


class _Skip(Exception):
    """A file that is readable but cannot take part; the message is the reason."""


def _reason(exc: Exception, path: Path) -> str:
    message = str(exc)
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _key_file_beside(article: Article) -> Path | None:
    """``<article file name>.key.slant.json`` beside the article, when there is one."""
    if article.path is None:
        return None
    path = article.path.with_name(article.path.name + KEY_SUFFIX)
    return path if os.path.lexists(path) else None


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _trusted_key(article: Article, path: Path, skipped: list[tuple[Path, str]]) -> HandIn | None:
    """The key in *path*, the file beside the article, when the teacher made it.

    Only a regular file is trusted, not a link (which anyone who can write there could
    point at a student's file), nor, where files have owners, one owned by someone else.
    A file that is refused is listed in *skipped*. Raises ClassError when the file is
    trusted but cannot be used.
    """
    try:
        info = os.lstat(path)
    except OSError as exc:
        skipped.append((path, unreadable(exc)))
        return None
    if stat.S_ISLNK(info.st_mode):
        problem = translate(
            "Classroom", "not used as the answer key: it is a symbolic link, not the file itself"
        )
    elif not stat.S_ISREG(info.st_mode):
        problem = translate("Classroom", "not used as the answer key: it is not a regular file")
    elif hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        problem = translate(
            "Classroom", "not used as the answer key: another user made it (--key FILE uses it)"
        )
    else:
        return _load_key(article, path, follow_links=False)
    skipped.append((path, problem))
    return None


def _load_submission(article: Article, item: Submission) -> HandIn:
    """One handed-in file loaded, with what its LMS folder or file name says."""
    # A link found in a hand-in folder is not followed: anyone could have made it.
    loaded = _load(article, item.path, item.shown, follow_links=item.named, data=item.data)
    loaded.lms = lms_name(item.shown, article.title)
    return loaded


def _load(
    article: Article,
    path: Path,
    shown: str,
    *,
    follow_links: bool = True,
    data: bytes | None = None,
) -> HandIn:
    """Read (unless *data* holds the bytes) and check one sidecar; raise SidecarError or
    _Skip with the reason.

    Members Slant does not know are dropped: class outputs never write a student's file
    back, and a class holds every student's sidecar at once.
    """
    if data is None:
        data = _read_file(path, follow_links)
    source = str(path)
    recorded = _recorded_article(data)
    same_text = recorded is None or recorded[0].lower() == article.sha256
    if not same_text and recorded is not None and recorded[1] != article.title:
        problem = translate("Classroom", "it was made for another article ({other}, not {this})")
        other, this = repr(recorded[1][:80]), repr(article.title[:80])
        raise _Skip(problem.format(other=other, this=this))
    digest = hashlib.sha256(data).hexdigest()
    parsed = parse_sidecar(data, source, article)
    latest = _latest_change(parsed)
    return HandIn(path, shown, digest, _known_members(parsed), not same_text, latest)


def _latest_change(sidecar: Sidecar) -> str:
    """The last time recorded in *sidecar* (an annotation changed or deleted), as a string
    that sorts as the times do ("" when it records none)."""
    times = [a.modified for a in sidecar.annotations] + list(sidecar.tombstones.values())
    # "...:05Z" and "...:05.2Z" do not sort as text: pad the fraction of a second.
    return max((_sortable(t) for t in times), default="")


def _sortable(stamp: str) -> str:
    seconds, _, fraction = stamp.rstrip("Z").partition(".")
    return f"{seconds}.{fraction.ljust(9, '0')}"


def _read_file(path: Path, follow_links: bool) -> bytes:
    try:
        return read_bounded(path, MAX_SIDECAR_BYTES, follow_links=follow_links)
    except FileNotFoundError as exc:
        raise _Skip(translate("Classroom", "the file does not exist")) from exc
    except FileTooBig as exc:
        problem = translate("Classroom", "the file is too big ({size} MB)")
        raise _Skip(problem.format(size=exc.size // 2**20)) from exc
    except NotRegularFile as exc:
        if path.is_symlink():
            problem = translate(
                "Classroom", "a symbolic link: links found in a folder are not followed"
            )
            raise _Skip(problem) from exc
        raise _Skip(unreadable(exc)) from exc
    except OSError as exc:
        raise _Skip(unreadable(exc)) from exc


def _known_members(sidecar: Sidecar) -> Sidecar:
    """*sidecar* without unknown members and tombstones, which no class output uses."""
    return replace(
        sidecar,
        article=replace(sidecar.article, extra={}),
        author=replace(sidecar.author, extra={}),
        annotations=[replace(a, extra=None) if a.extra else a for a in sidecar.annotations],
        tombstones={},
        extra={},
    )


# The 'article' member, looked for and read within the file's first 64 KB.
_ARTICLE_MEMBER = re.compile(rb'"article"\s*:\s*(?=\{)')
_ARTICLE_LOOK_BYTES = 64 * 1024


def _recorded_article(data: bytes) -> tuple[str, str] | None:
    """(sha256, title) recorded in a sidecar, or None when it cannot be told.

    A quick look before the real parse: parsing with the article re-anchors a sidecar
    whose text differs, which is slow and pointless for another article's file. Only the
    'article' member is decoded (Slant writes it before the annotations), never the whole
    file: a hand-in of millions of tiny values must reach the parser's own limits first.
    When this look fails, parse_sidecar reports the problem properly.
    """
    found = _ARTICLE_MEMBER.search(data, 0, _ARTICLE_LOOK_BYTES)
    if found is None:
        return None
    start = found.end()
    piece = data[start : start + _ARTICLE_LOOK_BYTES].decode("utf-8", "ignore")
    try:
        recorded, _ = json.JSONDecoder().raw_decode(piece)
        sha256, title = recorded["sha256"], recorded["title"]
    except (ValueError, RecursionError, TypeError, KeyError):
        return None
    if isinstance(sha256, str) and isinstance(title, str):
        return sha256, title
    return None


def _load_key(article: Article, path: Path, *, follow_links: bool = True) -> HandIn:
    try:
        return _load(article, path, path.name, follow_links=follow_links)
    except (SidecarError, _Skip) as exc:
        problem = translate("Classroom", "the answer key {path} cannot be used: {reason}")
        raise ClassError(problem.format(path=path, reason=_reason(exc, path))) from exc


def _shown(text: str) -> str:
    """*text* (a name or file name) as shown in outputs: no bidi controls, no outer spaces."""
    return text.translate(_BIDI_CONTROLS).strip()


def _student(item: HandIn, label: str = "") -> Student:
    """*item* as a Student; without an author's name, named by its LMS folder or file."""
    name, source = _shown(item.sidecar.author.name), SIDECAR
    if not name:
        lms = _shown(item.lms.name) if item.lms is not None else ""
        name, source = lms, (item.lms.source if lms and item.lms is not None else "")
    return Student(
        name,
        label or name,
        item.path,
        _shown(item.path.name),
        item.sidecar,
        item.reanchored,
        source,
    )


def _labelled(loaded: list[HandIn]) -> list[Student]:
    """Students sorted by name then file; a name used twice gets its file name added, then
    its path below the input folder, then a number, until every label is its own."""
    students = [_student(item) for item in loaded]
    names = Counter(s.name for s in students)
    students = [
        replace(s, label=f"{s.name or _no_name()} ({s.file})")
        if names[s.name] > 1 or not s.name
        else s
        for s in students
    ]
    labels = Counter(s.label for s in students)
    students = [
        replace(s, label=f"{s.name or _no_name()} ({_shown(item.shown)})")
        if labels[s.label] > 1
        else s
        for s, item in zip(students, loaded, strict=True)
    ]
    labels, numbers = Counter(s.label for s in students), Counter[str]()
    for index, student in enumerate(students):
        if labels[student.label] > 1:  # the same path below two input folders
            numbers[student.label] += 1
            label = f"{student.label} #{numbers[student.label]}"
            students[index] = replace(student, label=label)
    return sorted(students, key=lambda s: (s.name.casefold(), s.name, str(s.path)))


def _no_name() -> str:
    """What a student who wrote no name is called."""
    return translate("Classroom", "(no name)")


def _class_tags(key: HandIn | None, students: list[HandIn]) -> tuple[Tag, ...]:
    """The key's tags (or the first student's), then other tags that someone used, in order
    of appearance. Another set's unused tags are left out: each tag costs every output a
    column or a heat map, and a student's file must not be able to add hundreds."""
    sets = [item.sidecar.tagset for item in ([key] if key else []) + students]
    used = {a.tag for item in ([key] if key else []) + students for a in item.sidecar.annotations}
    tags: dict[str, Tag] = {}
    for number, tagset in enumerate(sets or [default_tagset()]):
        for tag in tagset.tags:
            if number == 0 or tag.id in used:
                tags.setdefault(tag.id, tag)
    return tuple(tags.values())


# -- pseudonyms ------------------------------------------------------------------------


def pseudonymized(class_data: ClassData) -> ClassData:
    """A copy in which students are S01, S02, ... and files are hidden.

    Codes are dealt in an order drawn afresh each run (from the system's secure random
    source), so that neither a code nor the order of rows tells anything about a name;
    students are listed by code. ``pseudonyms`` lists (code, name, file) for the
    teacher's names.csv, the only place that links them; skipped files become F01,
    F02, ... there and in the copy.
    """
    width = max(2, len(str(len(class_data.students))), len(str(len(class_data.skipped))))
    draw = random.SystemRandom()
    students = list(class_data.students)
    draw.shuffle(students)
    pseudonyms: list[tuple[str, str, str]] = []
    coded: list[Student] = []
    for number, student in enumerate(students, start=1):
        code = f"S{number:0{width}d}"
        pseudonyms.append((code, student.name, str(student.path)))
        coded.append(replace(student, name=code, label=code, file=""))
    skipped_files = list(class_data.skipped)
    draw.shuffle(skipped_files)
    known = [*(s.path for s in class_data.students), *(p for p, _ in class_data.skipped)]
    skipped: list[tuple[Path, str]] = []
    for number, (path, reason) in enumerate(skipped_files, start=1):
        code = f"F{number:0{width}d}"
        pseudonyms.append((code, "", str(path)))
        # Reasons may name other files ("duplicate of ..."): hide every path we know.
        for other in known:
            if str(other) in reason:
                reason = reason.replace(str(other), translate("Classroom", "another file"))
        skipped.append((Path(code), reason))
    key = replace(class_data.key, file="") if class_data.key else None
    return replace(class_data, students=coded, key=key, skipped=skipped, pseudonyms=pseudonyms)


# -- statistics ------------------------------------------------------------------------


@dataclass(frozen=True)
class StudentStats:
    """Per tag: annotations placed and characters covered (union); with a key, the score."""

    counts: dict[str, int]
    chars: dict[str, int]
    score: KeyScore | None


@dataclass(frozen=True)
class ClassAnalysis:
    """Every statistic of a class, computed once and shared by all outputs."""

    tag_ids: tuple[str, ...]
    stats: list[StudentStats]  # parallel to ClassData.students
    alpha: dict[str, Alpha]
    overall_alpha: Alpha
    f1: list[list[float | None]]
    heat: dict[str, list[Run]]
    key_results: list[KeySpanResult]  # empty without a key
    confusions: list[Confusion]


def analyse_class(class_data: ClassData) -> ClassAnalysis:
    """Compute counts, agreement, pairwise F1, the heat map and, with a key, the scores."""
    tag_ids = tuple(tag.id for tag in class_data.tags)
    length = class_data.article.length
    placed = [student.placed for student in class_data.students]
    key = class_data.key.placed if class_data.key else None
    stats = []
    for mine in placed:
        unions = spans_by_tag(mine, tag_ids)
        counts = Counter(a.tag for a in mine)
        stats.append(
            StudentStats(
                counts={tag: counts.get(tag, 0) for tag in tag_ids},
                chars={
                    tag: sum(e - s for s, e in u) for tag, u in zip(tag_ids, unions, strict=True)
                },
                score=score_against_key(mine, key, tag_ids) if key is not None else None,
            )
        )
    heat = heat_map(placed, tag_ids)
    alpha, overall = alpha_per_tag(heat, len(placed), length)
    results = key_span_results(key, placed, tag_ids) if key is not None else []
    return ClassAnalysis(
        tag_ids=tag_ids,
        stats=stats,
        alpha=alpha,
        overall_alpha=overall,
        f1=f1_matrix(placed, tag_ids, length),
        heat=heat,
        key_results=results,
        confusions=confusions(results),
    )


def write_class_outputs(
    class_data: ClassData, out_dir: Path, pseudonymize: bool = False, *, fresh: bool = False
) -> list[Path]:
    """Write annotations.csv, students.csv, agreement.csv, report.html, annotations.jsonld,
    with a key feedback/<student>.html, and with *pseudonymize* names.csv, into *out_dir*.

    With *fresh* they go into a new folder ``<out_dir>-YYYY-MM-DD`` (or -2, -3, ...)
    instead, never into one that exists. A file replaced in *out_dir* keeps a ``.bak``;
    symbolic links in *out_dir* are never written through. Returns the paths written.
    Raises ExportError, before anything is written, for a link or a name that cannot
    be used, and when a file cannot be written.
    """
    # Imported here because the exports import this module for its data model.
    from app.core.exports import write_class_files

    shown = pseudonymized(class_data) if pseudonymize else class_data
    return write_class_files(shown, analyse_class(shown), Path(out_dir), fresh)
