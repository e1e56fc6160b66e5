"""Annotations: a tagged span of an article's canonical text, with its quote and note."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from types import MemberDescriptorType
from typing import Any, NoReturn, cast

from app.core.translation import translate

CONTEXT_CHARS = 32

# How an annotation was placed on the current text (see docs/FORMAT.md, re-anchoring).
ANCHOR_STATUSES = ("exact", "moved", "fuzzy", "orphan")
# Placed on edited words, or not placed at all: the reader should look at these.
ATTENTION_STATUSES = frozenset(("fuzzy", "orphan"))


def now_iso() -> str:
    """Return the current UTC time as ISO 8601 with a trailing Z, to the millisecond."""
    stamp = datetime.now(UTC).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def new_id() -> str:
    """Return a fresh UUID4 string for a new annotation."""
    import uuid  # here: it imports the platform module, 3 ms that start-up need not spend

    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Annotation:
    """One tagged span [start, end) in code points of the canonical text.

    ``status`` is how the span was anchored when the sidecar was read; it is not stored.
    ``extra`` keeps members written by newer versions so that a rewrite does not drop them.
    """

    id: str
    tag: str
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    created: str = ""
    modified: str = ""
    status: str = field(default="exact", compare=False)
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __eq__(self, other: object) -> bool:
        # Written out because the generated one needs both to be of the very same class,
        # and an annotation read from a sidecar may be a QuotedFromText.
        if not isinstance(other, Annotation):
            return NotImplemented
        return _compared(self) == _compared(other)

    def sort_key(self) -> tuple[int, int, str]:
        """Document order: by start, then end, then id for stability."""
        return (self.start, self.end, self.id)

    def with_changes(self, **changes: Any) -> Annotation:
        """Return a copy with *changes* applied and ``modified`` set to now."""
        changes.setdefault("modified", now_iso())
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        """Return the annotation as stored in a sidecar (stable key order)."""
        data: dict[str, Any] = {
            "id": self.id,
            "tag": self.tag,
            "start": self.start,
            "end": self.end,
            "exact": self.exact,
            "prefix": self.prefix,
            "suffix": self.suffix,
            "note": self.note,
            "created": self.created,
            "modified": self.modified,
        }
        for key, value in self.extra.items():
            data.setdefault(key, value)
        return data


def _compared(annotation: Annotation) -> tuple[Any, ...]:
    return (
        *(annotation.id, annotation.tag, annotation.start, annotation.end, annotation.exact),
        *(annotation.prefix, annotation.suffix, annotation.note, annotation.created),
        annotation.modified,
    )


_FIELD_NAMES = tuple(member.name for member in fields(Annotation))
# The slot itself, before QuotedFromText covers the name (the class attribute, which
# Annotation.exact would be to Python but is not to a type checker).
_STORED_TEXT: MemberDescriptorType = Annotation.__dict__["exact"]


class _NoExtra(dict[str, Any]):
    """The empty ``extra`` that annotations read from a file share; it refuses changes."""

    def _refuse(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise TypeError("an annotation's extra members cannot be changed")

    __setitem__ = __delitem__ = __ior__ = _refuse
    update = setdefault = pop = popitem = clear = _refuse

    def __reduce__(self) -> tuple[Any, ...]:
        return (_no_extra, ())


def _no_extra() -> dict[str, Any]:
    return _NO_EXTRA


_NO_EXTRA: dict[str, Any] = _NoExtra()


class QuotedFromText(Annotation):
    """An Annotation whose quote and context are read from the text it was checked against.

    A sidecar's quote and context for an annotation equal the article's text around its
    offsets whenever the sidecar was written for that text; kept as strings, they are
    ~200 bytes an annotation (10 MB of 50,000). This keeps the article's text instead, in
    the slot of ``exact``, and slices it when asked. It behaves as an Annotation in
    every way (equal, hashable, frozen); copies made by dataclasses.replace, copy or pickle
    are ordinary Annotations holding strings.
    """

    __slots__ = ()

    def __init__(self, *values: Any, **changes: Any) -> None:
        # dataclasses.replace() makes its copy by calling the class: the copy is given the
        # ordinary class first, so that Annotation's __init__ sets plain string slots.
        object.__setattr__(self, "__class__", Annotation)
        Annotation.__init__(self, *values, **changes)

    # A read-only property over the field, on purpose (mypy accepts it as an override).
    @property
    def exact(self) -> str:
        """The quoted text, text[start:end]."""
        return _STORED_TEXT.__get__(self)[self.start : self.end]

    @property
    def prefix(self) -> str:
        """Up to CONTEXT_CHARS of text before the quote."""
        return _STORED_TEXT.__get__(self)[max(0, self.start - CONTEXT_CHARS) : self.start]

    @property
    def suffix(self) -> str:
        """Up to CONTEXT_CHARS of text after the quote."""
        return _STORED_TEXT.__get__(self)[self.end : self.end + CONTEXT_CHARS]

    def __reduce__(self) -> tuple[Any, ...]:
        return (Annotation, self._values())

    def __repr__(self) -> str:
        return repr(Annotation(*self._values()))

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in _FIELD_NAMES)


class _Unfrozen:
    """Annotation's slot layout without its frozen __setattr__ (see trusted_annotation)."""

    __slots__ = Annotation.__slots__
    id: str
    tag: str
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str
    note: str
    created: str
    modified: str
    status: str
    extra: dict[str, Any]


def trusted_annotation(
    annotation_id: str,
    tag: str,
    start: int,
    end: int,
    exact: str,
    prefix: str,
    suffix: str,
    note: str,
    created: str,
    modified: str,
    status: str,
    text: str | None = None,
) -> Annotation:
    """An Annotation of values already checked, made several times faster than by __init__.

    With *text*, the caller has checked that *exact*, *prefix* and *suffix* are what
    context_around and text[start:end] give: the result is a QuotedFromText over *text*.

    The frozen dataclass's __init__ sets each field through object.__setattr__ (1.8 µs an
    annotation, 18 ms of opening 10,000); filling a twin with the same slots and then
    giving it Annotation's class costs 0.3 µs. The result is a frozen Annotation like any
    other, but that its ``extra`` is one shared, read-only empty dict (an empty dict each
    would be 3 MB of 50,000).
    """
    made = _Unfrozen()
    made.id, made.tag, made.start, made.end = annotation_id, tag, start, end
    made.note, made.created, made.modified, made.status = note, created, modified, status
    made.extra = _NO_EXTRA
    if text is None:
        made.exact, made.prefix, made.suffix = exact, prefix, suffix
        # Ignored "assignment": the same slots, so Python allows the class to change.
        made.__class__ = Annotation  # type: ignore[assignment]
    else:
        made.exact = made.prefix = made.suffix = text
        # The same slots again, so Python allows the class to change.
        made.__class__ = QuotedFromText  # type: ignore[assignment]
    return cast(Annotation, made)  # its class is Annotation's now


def make_annotation(
    text: str, tag: str, start: int, end: int, note: str = "", *, trim: bool = True
) -> Annotation:
    """Create an annotation of text[start:end], trimming surrounding whitespace.

    Raises ValueError when the span is out of range (a caller's mistake: its message is
    English) or, with a sentence for the user, when it is empty after trimming.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span [{start}, {end}) is outside the text (length {len(text)})")
    if trim:
        start, end = trim_span(text, start, end)
    if start >= end:
        raise ValueError(translate("Annotations", "the selection is empty or only whitespace"))
    stamp = now_iso()
    prefix, suffix = context_around(text, start, end)
    return Annotation(
        id=new_id(),
        tag=tag,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=prefix,
        suffix=suffix,
        note=note,
        created=stamp,
        modified=stamp,
    )


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink [start, end) so that it neither begins nor ends with whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def context_around(text: str, start: int, end: int) -> tuple[str, str]:
    """Return up to CONTEXT_CHARS code points of text before *start* and after *end*."""
    return text[max(0, start - CONTEXT_CHARS) : start], text[end : end + CONTEXT_CHARS]


def find_occurrence(text: str, quote: str, occurrence: int = 1) -> int | None:
    """Return the start of the *occurrence*-th (1-based) match of *quote*, or None."""
    if not quote or occurrence < 1:
        return None
    index = -1
    for _ in range(occurrence):
        index = text.find(quote, index + 1)
        if index < 0:
            return None
    return index


def in_document_order(annotations: Iterable[Annotation]) -> list[Annotation]:
    """Return the annotations sorted by position (Annotation.sort_key)."""
    return sorted(annotations, key=Annotation.sort_key)
