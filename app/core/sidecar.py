"""The .slant.json sidecar: read it, validate it, write it atomically."""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

from app.core import atomic
from app.core.annotations import Annotation, QuotedFromText
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, open_regular
from app.core.errors import SidecarError, TagSetError
from app.core.gc_pause import collector_paused
from app.core.json_items import NotStreamable, decode_streaming
from app.core.sidecar_annotations import annotations_from_json
from app.core.sidecar_validation import (
    DECODING_FAILURES,
    MAX_ID_LENGTH,
    MAX_JSON_VALUES,
    SURROGATE_ESCAPE,
    Subject,
    UnsafeNumber,
    check_no_lone_surrogate,
    count_values,
    decode_text,
    describe,
    fail,
    has_unsafe_int,
    int_member,
    ints_can_wait,
    load_json,
    member,
    need_list,
    need_object,
    quick_decoder,
    quoted,
    sha256_member,
    text_member,
    the_file,
    timestamp_member,
    unknown_members,
)
from app.core.tags import TagSet, default_tagset, tagset_from_json
from app.core.translation import translate

SIDECAR_SUFFIX = ".slant.json"
FORMAT_NAME = "slant-annotations"
FORMAT_VERSION = 1
MAX_SIDECAR_BYTES = 64 * 1024 * 1024
ROLES = ("student", "teacher")

# Decoding whole is faster (the decoder shares the member names across the file: 55 vs
# 59 ms for 10,000 annotations), and so is keeping each quote's own string (checking it
# against the article costs 3 ms for 10,000); above this size the memory saved matters
# more: streamed, and quoting the article's text, 50,000 annotations take 45 MB less.
STREAM_FROM_CHARS = 8_000_000
READ_PIECE_BYTES = 1 << 20  # how much of a big file is read at a time

_TOP_MEMBERS = ("format", "version", "article", "author", "tagset", "annotations", "tombstones")
_ARTICLE_MEMBERS = ("file", "sha256", "length", "title")
_AUTHOR_MEMBERS = ("name", "role")
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


def read_sidecar(
    path: Path,
    article: Article | None = None,
    *,
    on_read: Callable[[bytes, int], None] | None = None,
) -> Sidecar:
    """Read and validate the sidecar at *path*; see parse_sidecar for *article*.

    *on_read* is given the file's bytes as they are read, a piece and its offset at a
    time (the store records their size and hash), so that nobody needs to read the file
    a second time. A piece at offset 0 starts the file anew: a big file that could not be
    read the quick way in pieces is read again whole.

    Only a regular file is read: a symbolic link (which could make Slant read, and then
    write, a file elsewhere), a pipe or a device is refused without being opened.
    Raises SidecarError naming the file when it is missing, a folder, a link or special
    file, too big, unreadable or invalid in any way.
    """
    path = Path(path)
    source = str(path)
    try:
        handle = open_regular(path, MAX_SIDECAR_BYTES, follow_links=False)
    except FileNotFoundError:
        fail(source, translate("SidecarErrors", "the file does not exist"))
    except IsADirectoryError:
        fail(source, translate("SidecarErrors", "this is a folder, not a sidecar file"))
    except NotRegularFile:
        fail(source, not_a_regular_file(path))
    except FileTooBig as exc:
        _check_size(exc.size, source)
        raise  # not reached: the size is over the limit
    except OSError as exc:
        fail(source, _cannot_read(exc))
    with handle, collector_paused():
        size = os.fstat(handle.fileno()).st_size
        quick = ints_can_wait()
        if size >= STREAM_FROM_CHARS and quick:
            try:
                return _parse_streamed(_text_pieces(handle, on_read), source, article)
            except (SidecarError, OSError, *DECODING_FAILURES):
                # Read again whole, the careful way only (the quick way just gave up on
                # this file), which finds and words the problem.
                quick = False
                handle.seek(0)
        # Nested calls, so that the bytes are gone once decoded and the text once parsed
        # (24 MB each for 50,000): no name here may hold either.
        return _parse_text(_read_text(handle, source, size, on_read), source, article, quick=quick)


def not_a_regular_file(path: Path) -> str:
    """Why Slant neither reads nor writes the sidecar *path*: a link or a special file."""
    if path.is_symlink():
        return translate(
            "SidecarErrors",
            "this is a link to another file; Slant neither reads nor writes annotations "
            "through a link",
        )
    return translate(
        "SidecarErrors", "this is not an ordinary file (it is a device, a pipe or a socket)"
    )


def _text_pieces(handle: BinaryIO, on_read: Callable[[bytes, int], None] | None) -> Iterator[str]:
    """The file's text a piece at a time, for a big file: neither its bytes nor its text
    are ever held whole (24 MB each for 50,000 annotations).

    Raises NotStreamable for anything the whole reading must word: binary data, text that
    is not UTF-8, a file that grew too big, too many values, a \\u escape (which may be
    half of a UTF-16 pair).
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    offset = values = 0
    while piece := handle.read(READ_PIECE_BYTES):
        if on_read is not None:
            on_read(piece, offset)
        offset += len(piece)
        values += count_values(piece)
        if offset > MAX_SIDECAR_BYTES or values > MAX_JSON_VALUES or b"\x00" in piece:
            raise NotStreamable("too big, too many values, or binary")
        if b"\\u" in piece or piece.endswith(b"\\"):
            raise NotStreamable("an escape that the whole reading checks")
        yield decoder.decode(piece)
    yield decoder.decode(b"", final=True)


def _read_text(
    handle: BinaryIO, source: str, size: int, on_read: Callable[[bytes, int], None] | None
) -> str:
    try:
        # The size stat() gave, plus one byte: asking for the most allowed at once would
        # have Python set aside 64 MB first (4 ms more for a 24 MB sidecar).
        data = handle.read(size + 1)
        if len(data) > size:  # it grew since: read on, up to one byte over the limit
            data += handle.read(MAX_SIDECAR_BYTES + 1 - len(data))
    except OSError as exc:
        fail(source, _cannot_read(exc))
    _check_size(len(data), source)
    if on_read is not None:
        on_read(data, 0)
    return decode_text(data, source)


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
        return _parse_text(decode_text(data, source), source, article)


_Header = tuple[ArticleRef, Author, TagSet]
_EXACT, _START = attrgetter("exact"), attrgetter("start")


def _parse_text(text: str, source: str, article: Article | None, *, quick: bool = True) -> Sidecar:
    """The sidecar in *text*, read the quick way when it can be (and *quick*), else the
    careful way.

    Any problem at all, or a file laid out unusually, and the text is read again the
    careful way, which finds the first problem in the file and says what it is; so both
    ways give the same sidecar or the same message.
    """
    if SURROGATE_ESCAPE.search(text):
        # Rare (Slant writes no such escape): decoded whole, and every string checked.
        raw = load_json(text, source)
        del text
        check_no_lone_surrogate(raw, source)
        return _parse_raw(raw, source, article)
    if quick and ints_can_wait():
        try:
            return _parse_quickly(text, source, article)
        except (SidecarError, *DECODING_FAILURES):
            pass
    raw = load_json(text, source)
    del text  # decoded: 24 MB less while the annotations are made
    return _parse_raw(raw, source, article)


def _parse_quickly(text: str, source: str, article: Article | None) -> Sidecar:
    """Integers decoded by json itself (and checked for size after); a big file's
    annotations decoded one at a time (see _parse_streamed)."""
    if len(text) >= STREAM_FROM_CHARS:
        return _parse_streamed([text], source, article)
    raw = quick_decoder().decode(text)
    header, annotations = _read_body(raw, _items_of(raw, source), source, None, quick=True)
    return _finish(raw, source, article, header, annotations, quick=True)


def _parse_streamed(pieces: Iterable[str], source: str, article: Article | None) -> Sidecar:
    """The quick way, with the annotations decoded one at a time, which keeps 50,000 of
    them from needing 50 MB of dicts first (see json_items), and quoting the article's
    text (QuotedFromText)."""
    read_body = partial(_read_body, source=source, quote_from=article, quick=True)
    raw, (header, annotations) = decode_streaming(pieces, quick_decoder(), "annotations", read_body)
    return _finish(raw, source, article, header, annotations, quick=True)


def _parse_raw(raw: Any, source: str, article: Article | None) -> Sidecar:
    header, annotations = _read_body(raw, _items_of(raw, source), source, None, quick=False)
    return _finish(raw, source, article, header, annotations, quick=False)


def _read_body(
    members: Any, items: Iterable[Any], source: str, quote_from: Article | None, *, quick: bool
) -> tuple[_Header, list[Annotation]]:
    """The checked header of *members*, then the annotations of *items*.

    With *quote_from*, annotations that quote its text exactly keep that text instead of
    their own quote and context strings (QuotedFromText), if the file was written for it.
    """
    header = _header(members, source)
    ref, tag_ids = header[0], _tag_ids(header[2])
    text = quote_from.text if quote_from is not None and _written_for(ref, quote_from) else None
    return header, annotations_from_json(items, source, ref.length, tag_ids, quick=quick, text=text)


def _written_for(ref: ArticleRef, article: Article) -> bool:
    """Whether the file was written for the text of *article* (so no re-anchoring)."""
    return ref.sha256.lower() == article.sha256 and ref.length == article.length


def _items_of(raw: dict[str, Any], source: str) -> Iterator[Any]:
    # A generator, so that a missing list is reported after the header's problems.
    yield from need_list(
        member(raw, "annotations", source, the_file), source, quoted("annotations")
    )


def _header(raw: Any, source: str) -> _Header:
    """What comes before the annotations: format, article, author and tag set, checked."""
    if not isinstance(raw, dict):
        problem = translate(
            "SidecarErrors", "this is not a Slant annotations file (it holds {kind})"
        )
        fail(source, problem.format(kind=describe(raw)))
    _check_format(raw, source)
    ref = _article_ref(_object_member(raw, "article", source), source)
    author = _author(_object_member(raw, "author", source), source)
    try:
        tagset = tagset_from_json(member(raw, "tagset", source, the_file), source)
    except TagSetError as exc:
        problem = translate("SidecarErrors", "a problem in the tag set: {problem}")
        found = str(exc).removeprefix(f"{source}: ")
        raise SidecarError(f"{source}: {problem.format(problem=found)}") from exc
    return ref, author, tagset


def _tag_ids(tagset: TagSet) -> dict[str, str]:
    return {tag_id: tag_id for tag_id in tagset.ids()}


def _finish(
    raw: dict[str, Any],
    source: str,
    article: Article | None,
    header: _Header,
    annotations: list[Annotation],
    *,
    quick: bool,
) -> Sidecar:
    """The sidecar from its checked parts and the members after the annotations."""
    # The annotations taken the quick way hold only small integers (annotations_from_json).
    if quick and has_unsafe_int([value for name, value in raw.items() if name != "annotations"]):
        raise UnsafeNumber("outside the annotations")
    ref, author, tagset = header
    tombstones = _tombstones(raw.get("tombstones", []), source)
    extra = unknown_members(raw, _TOP_MEMBERS, source, the_file)
    sidecar = Sidecar(ref, author, tagset, annotations, tombstones, extra)
    return _fit_to_article(sidecar, article, source) if article is not None else sidecar


def _object_member(raw: dict[str, Any], name: str, source: str) -> dict[str, Any]:
    return need_object(member(raw, name, source, the_file), source, quoted(name))


def _check_size(size: int, source: str) -> None:
    if size > MAX_SIDECAR_BYTES:
        problem = translate(
            "SidecarErrors", "the file is too big: it is over {limit} MB, the most Slant reads"
        )
        fail(source, problem.format(limit=MAX_SIDECAR_BYTES // 2**20))


def _check_format(raw: dict[str, Any], source: str) -> None:
    if raw.get("format") != FORMAT_NAME:
        problem = translate(
            "SidecarErrors", "this is not a Slant annotations file ('format' is not {name})"
        )
        fail(source, problem.format(name=repr(FORMAT_NAME)))
    version = member(raw, "version", source, the_file)
    if type(version) is not int:
        problem = translate(
            "SidecarErrors", "the format version is {kind}, but it must be a whole number"
        )
        fail(source, problem.format(kind=describe(version)))
    if version > FORMAT_VERSION:
        problem = translate(
            "SidecarErrors",
            "was written by a newer version of Slant (format version {version}); "
            "update Slant to open it",
        )
        fail(source, problem.format(version=version))
    if version < 1:
        problem = translate(
            "SidecarErrors", "the format version {version} does not exist; versions start at 1"
        )
        fail(source, problem.format(version=version))


def _article_ref(raw: dict[str, Any], source: str) -> ArticleRef:
    what = quoted("article")
    return ArticleRef(
        file=text_member(raw, "file", source, what),
        sha256=sha256_member(raw, "sha256", source, what),
        length=int_member(raw, "length", source, what),
        title=text_member(raw, "title", source, what),
        extra=unknown_members(raw, _ARTICLE_MEMBERS, source, what),
    )


def _author(raw: dict[str, Any], source: str) -> Author:
    what = quoted("author")
    name = text_member(raw, "name", source, what, max_length=MAX_ID_LENGTH)
    role = text_member(raw, "role", source, what)
    if role not in ROLES:
        problem = translate(
            "SidecarErrors", "the author's role is {role}, but it must be 'student' or 'teacher'"
        )
        fail(source, problem.format(role=repr(role[:40])))
    return Author(name, role, unknown_members(raw, _AUTHOR_MEMBERS, source, what))


def _tombstones(value: Any, source: str) -> dict[str, str]:
    tombstones: dict[str, str] = {}
    for number, item in enumerate(need_list(value, source, quoted("tombstones")), start=1):
        what = _tombstone_subject(number)
        raw = need_object(item, source, what)
        annotation_id = text_member(
            raw, "id", source, what, max_length=MAX_ID_LENGTH, non_empty=True
        )
        if annotation_id in tombstones:
            problem = translate(
                "SidecarErrors",
                "deleted-annotation record {number} in 'tombstones' repeats the id {id}",
            )
            fail(source, problem.format(number=number, id=repr(annotation_id[:40])))
        tombstones[annotation_id] = timestamp_member(raw, "deleted", source, what)
    return tombstones


def _tombstone_subject(number: int) -> Subject:
    return lambda: translate(
        "SidecarErrors", "deleted-annotation record {number} in 'tombstones'"
    ).format(number=number)


def _fit_to_article(sidecar: Sidecar, article: Article, source: str) -> Sidecar:
    """Check the quotes against the article's text, or re-anchor them if the text changed."""
    ref = sidecar.article
    if ref.sha256.lower() != article.sha256:
        # Imported here: only an edited article needs re-anchoring and its approximate
        # search, so opening an unchanged one never loads them (~1.5 ms of a start-up).
        from app.core.anchoring import reanchor

        placed = reanchor(article.text, sidecar.annotations)
        current = replace(ref, sha256=article.sha256, length=article.length, title=article.title)
        return replace(sidecar, article=current, annotations=placed)
    if ref.length != article.length:
        problem = translate(
            "SidecarErrors",
            "the file says the article is {recorded} characters long, but it is {length}",
        )
        fail(source, problem.format(recorded=ref.length, length=article.length))
    text = article.text
    annotations = sidecar.annotations
    # Every quote where it belongs, checked in C (4 ms of opening 10,000 one at a time);
    # the loop below names the first that is not, unless it is an orphan's.
    if all(map(text.startswith, map(_EXACT, annotations), map(_START, annotations))):
        return sidecar
    for number, annotation in enumerate(annotations, start=1):
        if annotation.status == "orphan" or type(annotation) is QuotedFromText:
            continue  # an orphan quotes an older text; this one's quote was found as it was read
        # Compared in place: the quote's length is the span's, checked as it was read.
        if not text.startswith(annotation.exact, annotation.start):
            found = text[annotation.start : annotation.end]
            problem = translate(
                "SidecarErrors",
                "annotation {number} quotes {quote}, but the article says {found} there",
            )
            fail(
                source,
                problem.format(
                    number=number, quote=repr(annotation.exact[:40]), found=repr(found[:40])
                ),
            )
    return sidecar


# -- writing ------------------------------------------------------------------------------


def dump_sidecar(sidecar: Sidecar) -> bytes:
    """Encode *sidecar* as UTF-8 JSON: indent 2, stable key order, a final newline.

    Annotations are written in document order (start, end, id); tombstones only when
    there are any; members this version does not know are written back unchanged.
    """
    return _encode(_document(sidecar))


def _document(sidecar: Sidecar) -> dict[str, Any]:
    """The JSON document of *sidecar*, as dump_sidecar writes it."""
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
    return _with_extra(document, sidecar.extra)


def _encode(document: dict[str, Any]) -> bytes:
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (half of a UTF-16 pair, e.g. from a pasted note) is no text:
        # it becomes U+FFFD, as a browser shows it, since reading refuses it. Searched for
        # only now: the search holds the interpreter for 15 ms on a 4.8 MB file, which
        # stalled the window while the autosaver wrote.
        return _LONE_SURROGATE.sub("\ufffd", text).encode("utf-8")


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


def write_sidecar(path: Path, sidecar: Sidecar) -> bytes:
    """Write *sidecar* to *path* atomically, keeping the previous version as ``.bak``;
    return the bytes written.

    What is written is first checked by the rules that reading applies, so Slant never
    writes a file it would then refuse (a name too long, a file over the size limit).
    A symbolic link at *path* is never written through. Raises SidecarError naming the
    file and the reason; when writing failed, its ``__cause__`` is the OSError, whose
    ``errno`` tells the caller whether another folder might work.
    """
    source = str(path)
    document = _document(sidecar)
    try:
        _check_readable(document, source)
    except SidecarError as exc:
        problem = translate("SidecarErrors", "the annotations could not be saved: {reason}")
        reason = str(exc).removeprefix(f"{source}: ")
        raise SidecarError(f"{source}: {problem.format(reason=reason)}") from None
    data = _encode(document)
    del document
    if len(data) > MAX_SIDECAR_BYTES:
        problem = translate(
            "SidecarErrors",
            "the annotations could not be saved: the file would be over {limit} MB, "
            "the most Slant reads; shorten or delete some notes",
        )
        raise SidecarError(f"{source}: {problem.format(limit=MAX_SIDECAR_BYTES // 2**20)}")
    try:
        atomic.write_atomically(Path(path), data, follow_links=False)
    except OSError as exc:
        problem = translate("SidecarErrors", "the annotations could not be saved: {reason}")
        raise SidecarError(f"{path}: {problem.format(reason=_save_reason(exc))}") from exc
    return data


def _check_readable(document: dict[str, Any], source: str) -> None:
    """Raise SidecarError, as reading would, when *document* breaks a rule of the format."""
    header, annotations = _read_body(document, document["annotations"], source, None, quick=True)
    _finish(document, source, None, header, annotations, quick=True)


def _cannot_read(exc: OSError) -> str:
    """Why a sidecar cannot be read, for the user."""
    if exc.errno in (errno.EACCES, errno.EPERM):
        reason = translate("SidecarErrors", "you are not allowed to open it")
    else:
        reason = exc.strerror or str(exc) or type(exc).__name__
    return translate("SidecarErrors", "the file cannot be read ({reason})").format(reason=reason)


def _save_reason(exc: OSError) -> str:
    """A short explanation of why *exc* stopped a save, for the user."""
    not_allowed = translate("SidecarErrors", "Slant is not allowed to write in that folder")
    reasons: dict[int | None, str] = {  # an OSError's errno may be None: no reason then
        errno.EROFS: translate("SidecarErrors", "the folder is read-only"),
        errno.EACCES: not_allowed,
        errno.EPERM: not_allowed,
        errno.ENOSPC: translate("SidecarErrors", "the disk is full"),
        errno.EDQUOT: translate("SidecarErrors", "your storage quota is full"),
        errno.ENOENT: translate("SidecarErrors", "the folder does not exist (any more)"),
        errno.ENAMETOOLONG: translate("SidecarErrors", "the file name is too long"),
        errno.EISDIR: translate("SidecarErrors", "there is a folder with that name"),
        errno.EIO: translate("SidecarErrors", "the disk reported an error"),
        errno.ELOOP: translate(
            "SidecarErrors", "the file is a link to another file, which Slant does not follow"
        ),
    }
    return reasons.get(exc.errno) or exc.strerror or str(exc) or type(exc).__name__
