"""The .slant.json sidecar: read it, validate it, write it atomically."""

from __future__ import annotations

import errno
import json
import os
import re
from collections.abc import Callable
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

from app.core import atomic
from app.core.annotations import Annotation
from app.core.article import Article
from app.core.bounded_read import FileTooBig, NotRegularFile, open_regular
from app.core.errors import SidecarError
from app.core.gc_pause import collector_paused
from app.core.sidecar_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_SIDECAR_BYTES,
    ROLES,
    SIDECAR_SUFFIX,
    ArticleRef,
    Author,
    Sidecar,
    new_sidecar,
    page_members,
    sidecar_path,
)
from app.core.sidecar_reading import sidecar_from_bytes
from app.core.sidecar_validation import fail
from app.core.translation import translate

# What the rest of Slant imports from here: the format's records and its reading and writing.
__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_SIDECAR_BYTES",
    "ROLES",
    "SIDECAR_SUFFIX",
    "ArticleRef",
    "Author",
    "Sidecar",
    "dump_sidecar",
    "new_sidecar",
    "not_a_regular_file",
    "parse_sidecar",
    "read_sidecar",
    "sidecar_path",
    "write_sidecar",
]

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_EXACT, _START = attrgetter("exact"), attrgetter("start")


# -- reading ------------------------------------------------------------------------------


def read_sidecar(
    path: Path,
    article: Article | None = None,
    *,
    on_read: Callable[[bytes, int], None] | None = None,
) -> Sidecar:
    """Read and validate the sidecar at *path*; see parse_sidecar for *article*.

    *on_read* is given the file's bytes and the offset 0 once they are read (the store
    records their size and hash), so that nobody needs to read the file a second time.

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
    with handle:
        # A nested call, so that the bytes are gone once decoded (24 MB for 50,000).
        return parse_sidecar(_read_bytes(handle, source, on_read), source, article)


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


def _read_bytes(
    handle: BinaryIO, source: str, on_read: Callable[[bytes, int], None] | None
) -> bytes:
    size = os.fstat(handle.fileno()).st_size
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
    return data


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
        sidecar = sidecar_from_bytes(data, source)
        return _fit_to_article(sidecar, article, source) if article is not None else sidecar


def _check_size(size: int, source: str) -> None:
    if size > MAX_SIDECAR_BYTES:
        problem = translate(
            "SidecarErrors", "the file is too big: it is over {limit} MB, the most Slant reads"
        )
        fail(source, problem.format(limit=MAX_SIDECAR_BYTES // 2**20))


def _fit_to_article(sidecar: Sidecar, article: Article, source: str) -> Sidecar:
    """Check the quotes against the article's text, or re-anchor them if the text changed."""
    ref = sidecar.article
    if ref.sha256.lower() != article.sha256:
        # Imported here: only an edited article needs re-anchoring and its approximate
        # search, so opening an unchanged one never loads them (~1.5 ms of a start-up).
        from app.core.anchoring import reanchor

        placed = reanchor(article.text, sidecar.annotations)
        current = replace(
            ref,
            sha256=article.sha256,
            length=article.length,
            title=article.title,
            page=article.page or ref.page,
        )
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
        if annotation.status == "orphan":
            continue  # an orphan quotes an older text
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
                **({"encoding": sidecar.article.encoding} if sidecar.article.encoding else {}),
                **page_members(sidecar.article.page),
            },
            sidecar.article.extra,
        ),
        "author": _with_extra(
            {"name": sidecar.author.name, "role": sidecar.author.role}, sidecar.author.extra
        ),
        "tagset": sidecar.tagset.to_json(),
        "annotations": [a.to_json() for a in sorted(sidecar.annotations, key=Annotation.sort_key)],
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
    data = dump_sidecar(sidecar)
    if len(data) > MAX_SIDECAR_BYTES:
        problem = translate(
            "SidecarErrors",
            "the annotations could not be saved: the file would be over {limit} MB, "
            "the most Slant reads; shorten or delete some notes",
        )
        raise SidecarError(f"{source}: {problem.format(limit=MAX_SIDECAR_BYTES // 2**20)}")
    try:
        # Read back by the reader itself: Slant never writes a file it would then refuse.
        sidecar_from_bytes(data, source)
    except SidecarError as exc:
        problem = translate("SidecarErrors", "the annotations could not be saved: {reason}")
        reason = str(exc).removeprefix(f"{source}: ")
        raise SidecarError(f"{source}: {problem.format(reason=reason)}") from None
    try:
        atomic.write_atomically(Path(path), data, follow_links=False)
    except OSError as exc:
        problem = translate("SidecarErrors", "the annotations could not be saved: {reason}")
        raise SidecarError(f"{path}: {problem.format(reason=_save_reason(exc))}") from exc
    return data


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
