"""The .slant.json sidecar: read it, validate it, write it atomically."""

from __future__ import annotations

import errno
import json
import re
import stat
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from app.core import atomic
from app.core.anchoring import reanchor
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.bulk import collector_paused
from app.core.errors import SidecarError, TagSetError
from app.core.sidecar_validation import (
    MAX_CONTEXT_LENGTH,
    MAX_ID_LENGTH,
    decode_json,
    describe,
    fail,
    int_member,
    is_timestamp,
    member,
    need_list,
    need_object,
    sha256_member,
    text_member,
    timestamp_member,
    unknown_members,
)
from app.core.tags import TagSet, default_tagset, tagset_from_json

SIDECAR_SUFFIX = ".slant.json"
FORMAT_NAME = "slant-annotations"
FORMAT_VERSION = 1
MAX_SIDECAR_BYTES = 64 * 1024 * 1024
ROLES = ("student", "teacher")

_TOP_MEMBERS = ("format", "version", "article", "author", "tagset", "annotations", "tombstones")
_ARTICLE_MEMBERS = ("file", "sha256", "length", "title")
_AUTHOR_MEMBERS = ("name", "role")
# "orphan": true marks an annotation that re-anchoring could not place on the text that
# "article" describes; its offsets and quote still refer to an older text.
_ANNOTATION_MEMBERS = (
    *("id", "tag", "start", "end", "exact", "prefix", "suffix", "note", "created"),
    *("modified", "orphan"),
)
_ANNOTATION_MEMBER_SET = frozenset(_ANNOTATION_MEMBERS)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class ArticleRef:
    """The article text that the annotations' offsets refer to."""

    file: str
    sha256: str
    length: int
    title: str
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Author:
    """Who made the annotations; ``role`` is "student" or "teacher"."""

    name: str = ""
    role: str = "student"
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class Sidecar:
    """Everything in one sidecar file."""

    article: ArticleRef
    author: Author
    tagset: TagSet
    annotations: list[Annotation]
    # annotation id -> ISO time it was deleted, so that a merge does not bring it back
    tombstones: dict[str, str] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # unknown top-level members


def sidecar_path(article_path: Path) -> Path:
    """The sidecar beside an article: story.md -> story.md.slant.json."""
    article_path = Path(article_path)
    return article_path.with_name(article_path.name + SIDECAR_SUFFIX)


def new_sidecar(
    article: Article, author: Author | None = None, tagset: TagSet | None = None
) -> Sidecar:
    """An empty sidecar for *article*, by *author*, with *tagset* (default: the built-in set)."""
    ref = ArticleRef(
        file=article.path.name if article.path is not None else "",
        sha256=article.sha256,
        length=article.length,
        title=article.title,
    )
    return Sidecar(
        article=ref,
        author=replace(author, extra=dict(author.extra)) if author is not None else Author(),
        tagset=tagset if tagset is not None else default_tagset(),
        annotations=[],
    )


# -- reading ------------------------------------------------------------------------------


def read_sidecar(path: Path, article: Article | None = None) -> Sidecar:
    """Read and validate the sidecar at *path*; see parse_sidecar for *article*.

    Raises SidecarError naming the file when it is missing, a folder, too big, unreadable
    or invalid in any way.
    """
    path = Path(path)
    source = str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        fail(source, "the file does not exist")
    except OSError as exc:
        fail(source, f"the file cannot be read ({_read_reason(exc)})")
    if stat.S_ISDIR(info.st_mode):
        fail(source, "this is a folder, not a sidecar file")
    _check_size(info.st_size, source)
    try:
        with open(path, "rb") as handle:
            # One byte more than allowed: a file that grew since stat() is still caught.
            data = handle.read(MAX_SIDECAR_BYTES + 1)
    except FileNotFoundError:
        fail(source, "the file disappeared while it was being read; try again")
    except OSError as exc:
        fail(source, f"the file cannot be read ({_read_reason(exc)})")
    return parse_sidecar(data, source, article)


def parse_sidecar(data: bytes, source: str, article: Article | None = None) -> Sidecar:
    """Validate sidecar bytes; *source* names the file in error messages.

    With *article*: when its sha256 equals the one recorded in the file, every quote must
    equal the article's text at its offsets, and annotations get status "exact" (or
    "orphan" when the file marks them so). When the sha256 differs, the annotations are
    re-anchored on the article's text (statuses exact/moved/fuzzy/orphan) and the returned
    article reference describes the given article. Raises SidecarError for any problem.
    """
    _check_size(len(data), source)
    with collector_paused():
        return _parse_sidecar(data, source, article)


def _parse_sidecar(data: bytes, source: str, article: Article | None) -> Sidecar:
    raw = decode_json(data, source)
    if not isinstance(raw, dict):
        fail(source, f"this is not a Slant annotations file (it holds {describe(raw)})")
    _check_format(raw, source)
    ref = _article_ref(_object_member(raw, "article", source), source)
    author = _author(_object_member(raw, "author", source), source)
    try:
        tagset = tagset_from_json(member(raw, "tagset", source, "the file"), source)
    except TagSetError as exc:
        problem = str(exc).removeprefix(f"{source}: ")
        raise SidecarError(f"{source}: a problem in the tag set: {problem}") from exc
    items = need_list(member(raw, "annotations", source, "the file"), source, "'annotations'")
    annotations = _annotations(items, source, ref, set(tagset.ids()))
    tombstones = _tombstones(raw.get("tombstones", []), source)
    extra = unknown_members(raw, _TOP_MEMBERS, source, "the file")
    sidecar = Sidecar(ref, author, tagset, annotations, tombstones, extra)
    return _fit_to_article(sidecar, article, source) if article is not None else sidecar


def _object_member(raw: dict[str, Any], name: str, source: str) -> dict[str, Any]:
    return need_object(member(raw, name, source, "the file"), source, f"'{name}'")


def _check_size(size: int, source: str) -> None:
    if size > MAX_SIDECAR_BYTES:
        limit = MAX_SIDECAR_BYTES // 2**20
        fail(source, f"the file is too big: it is over {limit} MB, the most Slant reads")


def _check_format(raw: dict[str, Any], source: str) -> None:
    if raw.get("format") != FORMAT_NAME:
        fail(source, f"this is not a Slant annotations file ('format' is not {FORMAT_NAME!r})")
    version = member(raw, "version", source, "the file")
    if type(version) is not int:
        fail(source, f"the format version is {describe(version)}, but it must be a whole number")
    if version > FORMAT_VERSION:
        fail(
            source,
            f"was written by a newer version of Slant (format version {version}); "
            "update Slant to open it",
        )
    if version < 1:
        fail(source, f"the format version {version} does not exist; versions start at 1")


def _article_ref(raw: dict[str, Any], source: str) -> ArticleRef:
    what = "'article'"
    return ArticleRef(
        file=text_member(raw, "file", source, what),
        sha256=sha256_member(raw, "sha256", source, what),
        length=int_member(raw, "length", source, what),
        title=text_member(raw, "title", source, what),
        extra=unknown_members(raw, _ARTICLE_MEMBERS, source, what),
    )


def _author(raw: dict[str, Any], source: str) -> Author:
    what = "'author'"
    name = text_member(raw, "name", source, what, max_length=MAX_ID_LENGTH)
    role = text_member(raw, "role", source, what)
    if role not in ROLES:
        fail(source, f"the author's role is {role[:40]!r}, but it must be 'student' or 'teacher'")
    return Author(name, role, unknown_members(raw, _AUTHOR_MEMBERS, source, what))


def _annotations(
    items: list[Any], source: str, ref: ArticleRef, tag_ids: set[str]
) -> list[Annotation]:
    result: list[Annotation] = []
    first_seen: dict[str, int] = {}
    for number, item in enumerate(items, start=1):
        annotation = _usual_annotation(item, ref.length, tag_ids)
        if annotation is None:
            annotation = _annotation(item, source, f"annotation {number}", ref, tag_ids)
        if annotation.id in first_seen:
            fail(
                source,
                f"annotation {number} has the same id as annotation "
                f"{first_seen[annotation.id]} ({annotation.id[:40]!r}); ids must be unique",
            )
        first_seen[annotation.id] = number
        result.append(annotation)
    return result


def _usual_annotation(item: Any, article_length: int, tag_ids: set[str]) -> Annotation | None:
    """*item* as an annotation when it passes every check in one go, else None.

    Nearly every annotation read is well formed and has only the members this version
    knows, so this single pass of cheap tests carries the load: it is three times as
    fast as the member-by-member checks of _annotation, which runs for anything this
    declines and finds and names the problem. It must accept nothing _annotation rejects.
    """
    if type(item) is not dict or not _ANNOTATION_MEMBER_SET.issuperset(item):
        return None
    get = item.get
    annotation_id, tag, exact = get("id"), get("tag"), get("exact")
    start, end, orphan = get("start"), get("end"), get("orphan", False)
    prefix, suffix, note = get("prefix", ""), get("suffix", ""), get("note", "")
    created, modified = get("created"), get("modified")
    well_formed = (
        type(annotation_id) is str
        and 0 < len(annotation_id) <= MAX_ID_LENGTH
        and type(tag) is str
        and tag in tag_ids
        and type(start) is int
        and type(end) is int
        and 0 <= start < end
        and (orphan is True or (orphan is False and end <= article_length))
        and type(exact) is str
        and len(exact) == end - start
        and type(prefix) is str
        and len(prefix) <= MAX_CONTEXT_LENGTH
        and type(suffix) is str
        and len(suffix) <= MAX_CONTEXT_LENGTH
        and type(note) is str
        and type(created) is str
        and is_timestamp(created)
        and type(modified) is str
        and (modified == created or is_timestamp(modified))
    )
    if not well_formed:
        return None
    status = "orphan" if orphan else "exact"
    return Annotation(
        annotation_id, tag, start, end, exact, prefix, suffix, note, created, modified, status
    )


def _annotation(
    item: Any, source: str, what: str, ref: ArticleRef, tag_ids: set[str]
) -> Annotation:
    raw = need_object(item, source, what)
    annotation_id = text_member(raw, "id", source, what, max_length=MAX_ID_LENGTH, non_empty=True)
    tag = text_member(raw, "tag", source, what)
    if tag not in tag_ids:
        fail(source, f"{what} uses the tag {tag[:40]!r}, which is not in the file's tag set")
    start, end = int_member(raw, "start", source, what), int_member(raw, "end", source, what)
    if end < start:
        fail(source, f"{what} has end {end} before start {start}")
    if end == start:
        fail(source, f"{what} is empty (start and end are both {start})")
    orphan = raw.get("orphan", False)
    if not isinstance(orphan, bool):
        fail(
            source, f"{what} has an 'orphan' that is {describe(orphan)}, but it must be true/false"
        )
    if not orphan and end > ref.length:
        fail(
            source,
            f"{what} ends at {end}, after the end of the article ({ref.length} characters)",
        )
    exact = text_member(raw, "exact", source, what)
    if len(exact) != end - start:
        fail(
            source,
            f"{what} quotes {len(exact)} characters but spans {end - start} ({start} to {end})",
        )
    context = {"default": "", "max_length": MAX_CONTEXT_LENGTH}
    return Annotation(
        id=annotation_id,
        tag=tag,
        start=start,
        end=end,
        exact=exact,
        prefix=text_member(raw, "prefix", source, what, **context),
        suffix=text_member(raw, "suffix", source, what, **context),
        note=text_member(raw, "note", source, what, default=""),
        created=timestamp_member(raw, "created", source, what),
        modified=timestamp_member(raw, "modified", source, what),
        status="orphan" if orphan else "exact",
        extra=unknown_members(raw, _ANNOTATION_MEMBERS, source, what),
    )


def _tombstones(value: Any, source: str) -> dict[str, str]:
    tombstones: dict[str, str] = {}
    for number, item in enumerate(need_list(value, source, "'tombstones'"), start=1):
        what = f"deleted-annotation record {number} in 'tombstones'"
        raw = need_object(item, source, what)
        annotation_id = text_member(
            raw, "id", source, what, max_length=MAX_ID_LENGTH, non_empty=True
        )
        if annotation_id in tombstones:
            fail(source, f"{what} repeats the id {annotation_id[:40]!r}")
        tombstones[annotation_id] = timestamp_member(raw, "deleted", source, what)
    return tombstones


def _fit_to_article(sidecar: Sidecar, article: Article, source: str) -> Sidecar:
    """Check the quotes against the article's text, or re-anchor them if the text changed."""
    ref = sidecar.article
    if ref.sha256.lower() != article.sha256:
        placed = reanchor(article.text, sidecar.annotations)
        current = replace(ref, sha256=article.sha256, length=article.length, title=article.title)
        return replace(sidecar, article=current, annotations=placed)
    if ref.length != article.length:
        fail(
            source,
            f"the file says the article is {ref.length} characters long, "
            f"but it is {article.length}",
        )
    for number, annotation in enumerate(sidecar.annotations, start=1):
        found = article.text[annotation.start : annotation.end]
        if annotation.status != "orphan" and found != annotation.exact:
            fail(
                source,
                f"annotation {number} quotes {annotation.exact[:40]!r}, but the article "
                f"says {found[:40]!r} there",
            )
    return sidecar


# -- writing ------------------------------------------------------------------------------


def dump_sidecar(sidecar: Sidecar) -> bytes:
    """Encode *sidecar* as UTF-8 JSON: indent 2, stable key order, a final newline.

    Annotations are written in document order (start, end, id); tombstones only when
    there are any; members this version does not know are written back unchanged.
    """
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "article": _with_extra(
            {
                "file": sidecar.article.file,
                "sha256": sidecar.article.sha256,
                "length": sidecar.article.length,
                "title": sidecar.article.title,
            },
            sidecar.article.extra,
        ),
        "author": _with_extra(
            {"name": sidecar.author.name, "role": sidecar.author.role}, sidecar.author.extra
        ),
        "tagset": sidecar.tagset.to_json(),
        "annotations": [
            _annotation_json(a) for a in sorted(sidecar.annotations, key=Annotation.sort_key)
        ],
    }
    if sidecar.tombstones:
        document["tombstones"] = [
            {"id": annotation_id, "deleted": deleted}
            for annotation_id, deleted in sorted(sidecar.tombstones.items())
        ]
    text = json.dumps(_with_extra(document, sidecar.extra), ensure_ascii=False, indent=2)
    # A lone surrogate (half of a UTF-16 pair, e.g. from a pasted note) cannot be encoded
    # as UTF-8; as a \\u escape it is valid JSON and reads back as the same string.
    text = _LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
    return (text + "\n").encode("utf-8")


def _with_extra(known: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    for key, value in extra.items():
        known.setdefault(key, value)
    return known


def _annotation_json(annotation: Annotation) -> dict[str, Any]:
    data = annotation.to_json()
    data.pop("orphan", None)
    if annotation.status == "orphan":
        data["orphan"] = True
    return data


def write_sidecar(path: Path, sidecar: Sidecar) -> None:
    """Write *sidecar* to *path* atomically, keeping the previous version as ``.bak``.

    Raises SidecarError naming the file and the reason; its ``__cause__`` is the OSError,
    whose ``errno`` tells the caller whether another folder might work.
    """
    data = dump_sidecar(sidecar)
    try:
        atomic.write_atomically(Path(path), data)
    except OSError as exc:
        raise SidecarError(
            f"{path}: the annotations could not be saved: {_save_reason(exc)}"
        ) from exc


_REASONS = {
    errno.EROFS: "the folder is read-only",
    errno.EACCES: "Slant is not allowed to write in that folder",
    errno.EPERM: "Slant is not allowed to write in that folder",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your storage quota is full",
    errno.ENOENT: "the folder does not exist (any more)",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EISDIR: "there is a folder with that name",
    errno.EIO: "the disk reported an error",
}


def _read_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "you are not allowed to open it"
    return exc.strerror or str(exc) or type(exc).__name__


def _save_reason(exc: OSError) -> str:
    """A short explanation of why *exc* stopped a save, for the user."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return exc.strerror or str(exc) or type(exc).__name__
