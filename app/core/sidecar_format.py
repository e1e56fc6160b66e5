"""The sidecar file's shape, declared once: its records, each member's type and limits."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any

import msgspec
from msgspec import Meta

from app.core.annotations import Annotation
from app.core.article import Article, PageInfo
from app.core.sidecar_validation import (
    MAX_CONTEXT_LENGTH,
    MAX_ID_LENGTH,
    MAX_SAFE_INTEGER,
    TIMESTAMP_PATTERN,
)
from app.core.tags import TagSet, default_tagset

SIDECAR_SUFFIX = ".slant.json"
FORMAT_NAME = "slant-annotations"
FORMAT_VERSION = 1
MAX_SIDECAR_BYTES = 64 * 1024 * 1024
ROLES = ("student", "teacher")

# The members' types, with the limits decoding checks (in C, as msgspec decodes).
AnnotationId = Annotated[str, Meta(min_length=1, max_length=MAX_ID_LENGTH)]
Offset = Annotated[int, Meta(ge=0, le=MAX_SAFE_INTEGER)]
Context = Annotated[str, Meta(max_length=MAX_CONTEXT_LENGTH)]
Timestamp = Annotated[str, Meta(pattern=TIMESTAMP_PATTERN)]  # the date's existence: apart
Sha256 = Annotated[str, Meta(pattern="^[0-9a-fA-F]{64}$")]
AuthorName = Annotated[str, Meta(max_length=MAX_ID_LENGTH)]
Role = Annotated[str, Meta(pattern="^(student|teacher)$")]
PageText = Annotated[str, Meta(max_length=MAX_CONTEXT_LENGTH)]  # a name, a date, an address
PageAuthors = Annotated[list[PageText], Meta(max_length=64)]


# The file's records. A member not declared here is refused by decoding, which makes the
# reader set it aside to write it back (sidecar_reading), so that a newer Slant's keep.


class StoredArticle(msgspec.Struct, forbid_unknown_fields=True):
    """The file's "article": the text that the annotations' offsets refer to."""

    file: str
    sha256: Sha256
    length: Offset
    title: str
    # How a file that names no encoding was decoded ("windows-1252"); "" (left out): UTF-8
    # or as the file says.
    encoding: str = ""
    # A saved web page's (app/core/web_page.py); each left out when empty, all of them for
    # other articles. ``extractor`` says how the text was taken out of the page.
    authors: PageAuthors = msgspec.field(default_factory=list)
    published: PageText = ""
    site_name: PageText = ""
    url: PageText = ""
    extractor: PageText = ""
    fallback_reason: PageText = ""


class StoredAuthor(msgspec.Struct, forbid_unknown_fields=True):
    """The file's "author"."""

    name: AuthorName
    role: Role


# gc=False: these hold only strings, numbers and booleans, so the collector never needs
# to visit the 50,000 of a big file.
class StoredAnnotation(msgspec.Struct, forbid_unknown_fields=True, gc=False):
    """One of the file's "annotations", as Annotation stores it (Annotation.to_json)."""

    id: AnnotationId
    tag: str
    start: Offset
    end: Offset
    exact: str
    created: Timestamp
    modified: Timestamp
    prefix: Context = ""
    suffix: Context = ""
    note: str = ""
    orphan: bool = False  # placed on no text: its offsets and quote are of an older one


class StoredTombstone(msgspec.Struct, forbid_unknown_fields=True):
    """One of the file's "tombstones": an annotation deleted, so a merge does not revive it."""

    id: AnnotationId
    deleted: Timestamp


class StoredFile(msgspec.Struct, forbid_unknown_fields=True):
    """A whole sidecar file."""

    format: str
    version: Annotated[int, Meta(le=MAX_SAFE_INTEGER)]
    article: StoredArticle
    author: StoredAuthor
    tagset: Any  # checked by tagset_from_json, which words its own problems
    annotations: list[StoredAnnotation]
    tombstones: list[StoredTombstone] = []


def known_members(record: type[msgspec.Struct]) -> frozenset[str]:
    """The members the file's *record* declares."""
    return frozenset(record.__struct_fields__)


@dataclass
class ArticleRef:
    """The article text that the annotations' offsets refer to."""

    file: str
    sha256: str
    length: int
    title: str
    encoding: str = ""  # see StoredArticle
    page: PageInfo | None = None  # a web page's metadata; None for other articles
    extra: dict[str, Any] = field(default_factory=dict)  # members this version does not know


@dataclass
class Author:
    """Who made the annotations; ``role`` is "student" or "teacher"."""

    name: str = ""
    role: str = "student"
    extra: dict[str, Any] = field(default_factory=dict)  # members this version does not know


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


def page_info(stored: StoredArticle) -> PageInfo | None:
    """The web page's metadata an ``article`` record holds, or None when it holds none."""
    members = (stored.authors, stored.published, stored.site_name, stored.url)
    if not (any(members) or stored.extractor or stored.fallback_reason):
        return None
    return PageInfo(
        title=stored.title,
        authors=tuple(stored.authors),
        published=stored.published,
        site_name=stored.site_name,
        url=stored.url,
        extractor=stored.extractor,
        fallback_reason=stored.fallback_reason,
    )


def page_members(page: PageInfo | None) -> dict[str, Any]:
    """The ``article`` members that hold *page* (the title is the article's own), the empty
    ones left out."""
    if page is None:
        return {}
    members: dict[str, Any] = {
        "authors": list(page.authors),
        "published": page.published,
        "site_name": page.site_name,
        "url": page.url,
        "extractor": page.extractor,
        "fallback_reason": page.fallback_reason,
    }
    return {name: value for name, value in members.items() if value}


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
        page=article.page,
    )
    return Sidecar(
        article=ref,
        author=replace(author, extra=dict(author.extra)) if author is not None else Author(),
        tagset=tagset if tagset is not None else default_tagset(),
        annotations=[],
    )
