"""A class's sidecars for one article: gather them, find the key, compute the statistics.

``gather_class`` reads the files (skipping, with a reason, what cannot be used);
``analyse_class`` computes every statistic once; ``write_class_outputs`` writes the
teacher's files (CSV, W3C JSON-LD, the HTML report and, with a key, feedback pages).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.agreement import Alpha, Run, alpha_per_tag, f1_matrix, spans_by_tag
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.errors import SidecarError, SlantError
from app.core.scoring import (
    Confusion,
    KeyScore,
    KeySpanResult,
    confusions,
    heat_map,
    key_span_results,
    score_against_key,
)
from app.core.sidecar import MAX_SIDECAR_BYTES, SIDECAR_SUFFIX, Sidecar, parse_sidecar
from app.core.tags import Tag, default_tagset
from app.core.words import translate


class ClassError(SlantError):
    """The class cannot be compared as asked (e.g. the answer key is unusable or unclear)."""


@dataclass(frozen=True)
class Student:
    """One student's sidecar as used in the class (the key is one too).

    ``label`` tells students apart in every output: the author's name, with the file name
    added when two files carry the same name. ``file`` is the file name shown in outputs.
    """

    name: str
    label: str
    path: Path
    file: str
    sidecar: Sidecar
    reanchored: bool = False

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


@dataclass
class _Loaded:
    path: Path
    digest: str
    sidecar: Sidecar
    reanchored: bool

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(a.id for a in self.sidecar.annotations)


def gather_class(article: Article, inputs: Sequence[Path], key: Path | None = None) -> ClassData:
    """Read the sidecars in *inputs* (files, and folders searched for ``*.slant.json``).

    Broken files, files for another article (different title and text) and duplicates
    (same bytes or same annotation ids) are skipped and listed with a reason. Sidecars
    made on an older text of the article are re-anchored. The key is the file *key*, or
    else the one file whose author's role is "teacher". Raises ClassError when *key*
    cannot be used, or when several teacher files make the key ambiguous.
    """
    skipped: list[tuple[Path, str]] = []
    key_loaded = _load_key(article, Path(key)) if key is not None else None
    key_real = os.path.realpath(key) if key is not None else None
    loaded: list[_Loaded] = []
    for path in _sidecar_files(inputs, skipped):
        if os.path.realpath(path) == key_real:
            continue
        try:
            loaded.append(_load(article, path))
        except (SidecarError, _Skip) as exc:
            skipped.append((path, _reason(exc, path)))
    if key_loaded is None:
        teachers = [item for item in loaded if item.sidecar.author.role == "teacher"]
        if len(teachers) > 1:
            problem = translate(
                "Classroom",
                "{count} files are by a teacher ({files}); "
                "say which one is the answer key (--key FILE)",
            )
            files = ", ".join(str(item.path) for item in teachers)
            raise ClassError(problem.format(count=len(teachers), files=files))
        if teachers:
            key_loaded = teachers[0]
            loaded.remove(key_loaded)
    students = _deduplicate(loaded, key_loaded, skipped)
    key_student = _student(key_loaded, "Answer key") if key_loaded else None
    tags = _class_tags(key_loaded, students)
    return ClassData(article, _labelled(students), key_student, skipped, tags)


class _Skip(Exception):
    """A file that is readable but cannot take part; the message is the reason."""


def _reason(exc: Exception, path: Path) -> str:
    message = str(exc)
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _sidecar_files(inputs: Sequence[Path], skipped: list[tuple[Path, str]]) -> list[Path]:
    """Files named directly (any name) and ``*.slant.json`` below folders; each once."""
    files: list[Path] = []
    seen: set[str] = set()
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            found = []
            for folder, subfolders, names in os.walk(item):
                subfolders.sort()
                found += [Path(folder) / n for n in sorted(names) if n.endswith(SIDECAR_SUFFIX)]
        elif item.exists():
            found = [item]
        else:
            skipped.append((item, translate("Classroom", "no such file or folder")))
            continue
        for path in found:
            real = os.path.realpath(path)
            if real not in seen:  # the same file named twice (e.g. itself and its folder)
                seen.add(real)
                files.append(path)
    return files


def _load(article: Article, path: Path) -> _Loaded:
    """Read and check one sidecar; raise SidecarError or _Skip with the reason."""
    try:
        size = path.stat().st_size
        if size > MAX_SIDECAR_BYTES:
            problem = translate("Classroom", "the file is too big ({size} MB)")
            raise _Skip(problem.format(size=size // 2**20))
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise _Skip(translate("Classroom", "the file does not exist")) from exc
    except OSError as exc:
        problem = translate("Classroom", "the file cannot be read ({reason})")
        raise _Skip(problem.format(reason=exc.strerror or exc)) from exc
    source = str(path)
    recorded = _recorded_article(data)
    same_text = recorded is None or recorded[0].lower() == article.sha256
    if not same_text and recorded is not None and recorded[1] != article.title:
        problem = translate("Classroom", "it was made for another article ({other}, not {this})")
        other, this = repr(recorded[1][:80]), repr(article.title[:80])
        raise _Skip(problem.format(other=other, this=this))
    sidecar = parse_sidecar(data, source, article)
    return _Loaded(path, hashlib.sha256(data).hexdigest(), sidecar, not same_text)


def _recorded_article(data: bytes) -> tuple[str, str] | None:
    """(sha256, title) recorded in a sidecar, or None when it cannot be told.

    A quick look before the real parse: parsing with the article re-anchors a sidecar
    whose text differs, which is slow and pointless for another article's file. When
    this look fails, parse_sidecar reports the problem properly.
    """
    try:
        recorded = json.loads(data.decode("utf-8-sig"))["article"]
        sha256, title = recorded["sha256"], recorded["title"]
    except (ValueError, RecursionError, TypeError, KeyError):
        return None
    if isinstance(sha256, str) and isinstance(title, str):
        return sha256, title
    return None


def _load_key(article: Article, path: Path) -> _Loaded:
    try:
        return _load(article, path)
    except (SidecarError, _Skip) as exc:
        problem = translate("Classroom", "the answer key {path} cannot be used: {reason}")
        raise ClassError(problem.format(path=path, reason=_reason(exc, path))) from exc


def _deduplicate(
    loaded: list[_Loaded], key: _Loaded | None, skipped: list[tuple[Path, str]]
) -> list[_Loaded]:
    """Drop copies: the same bytes, or the same (non-empty) set of annotation ids."""
    # Each maps to the file first seen, or to None for the answer key.
    by_digest: dict[str, str | None] = {}
    by_ids: dict[frozenset[str], str | None] = {}
    if key is not None:
        by_digest[key.digest] = None
        if key.ids:
            by_ids[key.ids] = None
    kept: list[_Loaded] = []
    for item in loaded:
        if item.digest in by_digest:
            problem = translate("Classroom", "duplicate: the same file as {other}")
            other = _earlier(by_digest[item.digest])
            skipped.append((item.path, problem.format(other=other)))
        elif item.ids and item.ids in by_ids:
            problem = translate("Classroom", "duplicate: the same annotations (ids) as {other}")
            skipped.append((item.path, problem.format(other=_earlier(by_ids[item.ids]))))
        elif key is not None and item.sidecar.author.role == "teacher":
            problem = translate(
                "Classroom", "written by a teacher, and another file is the answer key"
            )
            skipped.append((item.path, problem))
        else:
            by_digest[item.digest] = str(item.path)
            if item.ids:
                by_ids[item.ids] = str(item.path)
            kept.append(item)
    return kept


def _earlier(path: str | None) -> str:
    """The file a duplicate copies: its path, or "the answer key" for None."""
    return path if path is not None else translate("Classroom", "the answer key")


def _student(item: _Loaded, label: str) -> Student:
    name = item.sidecar.author.name.strip()
    return Student(name, label, item.path, item.path.name, item.sidecar, item.reanchored)


def _labelled(loaded: list[_Loaded]) -> list[Student]:
    """Students sorted by name then file; a name used twice gets its file name added."""
    names = Counter(item.sidecar.author.name.strip() for item in loaded)
    students: list[Student] = []
    for item in loaded:
        name = item.sidecar.author.name.strip()
        if not name:
            label = f"{_no_name()} ({item.path.name})"
        elif names[name] > 1:
            label = f"{name} ({item.path.name})"
        else:
            label = name
        students.append(_student(item, label))
    # File names can repeat across folders: then the whole path tells them apart.
    labels = Counter(s.label for s in students)
    students = [
        replace(s, label=f"{s.name or _no_name()} ({s.path})") if labels[s.label] > 1 else s
        for s in students
    ]
    return sorted(students, key=lambda s: (s.name.casefold(), s.name, str(s.path)))


def _no_name() -> str:
    """What a student who wrote no name is called."""
    return translate("Classroom", "(no name)")


def _class_tags(key: _Loaded | None, students: list[_Loaded]) -> tuple[Tag, ...]:
    """The key's tags (or the first student's), then any others in order of appearance."""
    sets = [item.sidecar.tagset for item in ([key] if key else []) + students]
    tags: dict[str, Tag] = {}
    for tagset in sets or [default_tagset()]:
        for tag in tagset.tags:
            tags.setdefault(tag.id, tag)
    return tuple(tags.values())


# -- pseudonyms ------------------------------------------------------------------------


def pseudonymized(class_data: ClassData) -> ClassData:
    """A copy in which students are S01, S02, ... (by name, then file) and files are hidden.

    ``pseudonyms`` lists (code, name, file) for the teacher's names.csv; skipped files
    become F01, F02, ... there and in the copy.
    """
    width = max(2, len(str(len(class_data.students))), len(str(len(class_data.skipped))))
    ordered = sorted(class_data.students, key=lambda s: (s.name.casefold(), s.name, str(s.path)))
    codes = {id(s): f"S{number:0{width}d}" for number, s in enumerate(ordered, start=1)}
    pseudonyms = [(codes[id(s)], s.name, str(s.path)) for s in ordered]
    students = [
        replace(s, name=codes[id(s)], label=codes[id(s)], file="") for s in class_data.students
    ]
    skipped: list[tuple[Path, str]] = []
    for number, (path, reason) in enumerate(class_data.skipped, start=1):
        code = f"F{number:0{width}d}"
        pseudonyms.append((code, "", str(path)))
        # Reasons may name other files ("duplicate of ..."): hide every path we know.
        for other in [*(s.path for s in class_data.students), *(p for p, _ in class_data.skipped)]:
            if str(other) in reason:
                reason = reason.replace(str(other), translate("Classroom", "another file"))
        skipped.append((Path(code), reason))
    key = replace(class_data.key, file="") if class_data.key else None
    return replace(class_data, students=students, key=key, skipped=skipped, pseudonyms=pseudonyms)


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
