"""A class's sidecars for one article: gather them, find the key, compute the statistics.

``gather_class`` reads the files (skipping, with a reason, what cannot be used);
``analyse_class`` computes every statistic once; ``write_class_outputs`` writes the
teacher's files (CSV, W3C JSON-LD, the HTML report and, with a key, feedback pages).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import random
import re
import stat
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from app.core.agreement import Alpha, Run, alpha_per_tag, f1_matrix, spans_by_tag
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
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
from app.core.translation import translate


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

KEY_SUFFIX = ".key.slant.json"  # story.md.key.slant.json: the teacher's key beside story.md
# Bidirectional controls (U+202E and its kin) would reorder a name, and the text after it,
# in a report, a table or a file manager: names and file names are shown without them.
_BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


@dataclass
class _Loaded:
    path: Path
    shown: str  # the path below the input folder it was found in (or the file name)
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
    else the teacher's ``<article file name>.key.slant.json`` beside the article; a role
    written inside a handed-in file is never trusted. Raises ClassError when the key
    cannot be used.
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
    loaded: list[_Loaded] = []
    for path, shown, named in _sidecar_files(inputs, skipped):
        if {os.path.abspath(path), os.path.realpath(path)} & not_students:
            continue
        try:
            # A link found in a hand-in folder is not followed: anyone could have made it.
            loaded.append(_load(article, path, shown, follow_links=named))
        except (SidecarError, _Skip) as exc:
            skipped.append((path, _reason(exc, path)))
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


def _trusted_key(article: Article, path: Path, skipped: list[tuple[Path, str]]) -> _Loaded | None:
    """The key in *path*, the file beside the article, when the teacher made it.

    Only a regular file is trusted, not a link (which anyone who can write there could
    point at a student's file), nor, where files have owners, one owned by someone else.
    A file that is refused is listed in *skipped*. Raises ClassError when the file is
    trusted but cannot be used.
    """
    try:
        info = os.lstat(path)
    except OSError as exc:
        skipped.append((path, _unreadable(exc)))
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


def _sidecar_files(
    inputs: Sequence[Path], skipped: list[tuple[Path, str]]
) -> list[tuple[Path, str, bool]]:
    """Files named directly (any name) and ``*.slant.json`` below folders; each once.

    Each comes with the name to show: the path below its input folder, or the file name
    (never the teacher's absolute path, which feedback pages would give away); and
    whether the teacher named it directly (True) or it was found in a folder.
    """
    files: list[tuple[Path, str, bool]] = []
    seen: set[str] = set()
    for item in inputs:
        item = Path(item)
        problem = _unreachable(item)
        if problem:
            skipped.append((item, problem))
            continue
        if item.is_dir():
            found = []
            for folder, subfolders, names in os.walk(item, onerror=_note_unreadable(skipped)):
                subfolders.sort()
                for name in sorted(names):
                    if name.endswith(SIDECAR_SUFFIX):
                        path = Path(folder) / name
                        found.append((path, str(path.relative_to(item))))
        else:
            found = [(item, item.name)]
        for path, shown in found:
            real = os.path.realpath(path)
            if real not in seen:  # the same file named twice (e.g. itself and its folder)
                seen.add(real)
                files.append((path, shown, path == item))
    return files


def _unreachable(item: Path) -> str:
    """Why an input named by the teacher cannot be reached, or "" when it can."""
    try:
        os.stat(item)
    except FileNotFoundError:
        if os.path.lexists(item):
            return translate("Classroom", "a symbolic link to something that does not exist")
        return translate("Classroom", "no such file or folder")
    except OSError as exc:
        return _unreadable(exc)
    return ""


def _note_unreadable(skipped: list[tuple[Path, str]]) -> Callable[[OSError], None]:
    """os.walk's onerror: a folder below an input that cannot be listed is skipped too."""
    return lambda exc: skipped.append((Path(exc.filename or ""), _unreadable(exc)))


def _unreadable(exc: OSError) -> str:
    """Why a file or folder cannot be read, in words."""
    if exc.errno == errno.ELOOP:
        return translate("Classroom", "a symbolic link loop (the link leads back to itself)")
    if isinstance(exc, (NotRegularFile, IsADirectoryError)):
        return translate("Classroom", "not a regular file (a folder, pipe or device)")
    problem = translate("Classroom", "the file cannot be read ({reason})")
    return problem.format(reason=exc.strerror or exc)


def _load(article: Article, path: Path, shown: str, *, follow_links: bool = True) -> _Loaded:
    """Read and check one sidecar; raise SidecarError or _Skip with the reason.

    Members Slant does not know are dropped: class outputs never write a student's file
    back, and a class holds every student's sidecar at once.
    """
    try:
        data = read_bounded(path, MAX_SIDECAR_BYTES, follow_links=follow_links)
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
        raise _Skip(_unreadable(exc)) from exc
    except OSError as exc:
        raise _Skip(_unreadable(exc)) from exc
    source = str(path)
    recorded = _recorded_article(data)
    same_text = recorded is None or recorded[0].lower() == article.sha256
    if not same_text and recorded is not None and recorded[1] != article.title:
        problem = translate("Classroom", "it was made for another article ({other}, not {this})")
        other, this = repr(recorded[1][:80]), repr(article.title[:80])
        raise _Skip(problem.format(other=other, this=this))
    digest = hashlib.sha256(data).hexdigest()
    sidecar = _known_members(parse_sidecar(data, source, article))
    return _Loaded(path, shown, digest, sidecar, not same_text)


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


def _load_key(article: Article, path: Path, *, follow_links: bool = True) -> _Loaded:
    try:
        return _load(article, path, path.name, follow_links=follow_links)
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
        else:
            by_digest[item.digest] = str(item.path)
            if item.ids:
                by_ids[item.ids] = str(item.path)
            kept.append(item)
    return kept


def _earlier(path: str | None) -> str:
    """The file a duplicate copies: its path, or "the answer key" for None."""
    return path if path is not None else translate("Classroom", "the answer key")


def _shown(text: str) -> str:
    """*text* (a name or file name) as shown in outputs: no bidi controls, no outer spaces."""
    return text.translate(_BIDI_CONTROLS).strip()


def _student(item: _Loaded, label: str) -> Student:
    name = _shown(item.sidecar.author.name)
    return Student(name, label, item.path, _shown(item.path.name), item.sidecar, item.reanchored)


def _labelled(loaded: list[_Loaded]) -> list[Student]:
    """Students sorted by name then file; a name used twice gets its file name added, then
    its path below the input folder, then a number, until every label is its own."""
    students = [_student(item, _shown(item.sidecar.author.name)) for item in loaded]
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


def _class_tags(key: _Loaded | None, students: list[_Loaded]) -> tuple[Tag, ...]:
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
