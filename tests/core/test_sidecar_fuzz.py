"""Fuzzing: whatever a damaged or hand-edited file holds, reading it raises only SidecarError."""

from __future__ import annotations

import copy
import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.errors import SidecarError
from app.core.sidecar import Author, dump_sidecar, new_sidecar, parse_sidecar

TEXT = (
    "Town votes\n\nSources say the radical plan will cost 5 million euros. "
    "Café owners «furious» 😀 about it on Monday.\n"
)
ARTICLE = parse_plain_text(TEXT, Path("story.md"))
EDITED = parse_plain_text(TEXT.replace("radical", "bold").replace("Monday", "Sunday"))
SOURCE = "story.md.slant.json"


def _valid_bytes() -> bytes:
    sidecar = new_sidecar(ARTICLE, Author("Zoë", "student"))
    for quote, tag in (
        ("Sources say", "unsourced-claim"),
        ("radical", "loaded-label"),
        ("😀", "verifiable-fact"),
    ):
        start = TEXT.index(quote)
        sidecar.annotations.append(make_annotation(TEXT, tag, start, start + len(quote), "ok"))
    sidecar.tombstones["gone"] = "2026-03-01T10:00:00.000Z"
    sidecar.extra["future"] = {"list": [1, 2.5, None]}
    return dump_sidecar(sidecar)


VALID = _valid_bytes()
VALID_DOCUMENT = json.loads(VALID)
# Where a value begins: tokens inserted there are parsed, not just refused as misplaced.
VALUE_STARTS = [match.end() for match in re.finditer(rb": ", VALID)]

TOKENS = [
    b"NaN", b"Infinity", b"-", b"[", b"]", b"{", b"}", b'"', b",", b":", b"1e999", b"true",
    b"null", b"\x00", b"\xff", b"\xc3", b"\\u", b"\\ud800", b"99999999999999999999",
    b'"version": 2', b'"start": -5', b"[" * 3000, b"0.5", b'"a": 1, "a": 2',
]  # fmt: skip

ARTICLES = st.sampled_from([None, ARTICLE, EDITED])
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reads_or_refuses(data: bytes, article) -> None:
    """The property: SidecarError or a sidecar that writes and reads back the same."""
    try:
        sidecar = parse_sidecar(data, SOURCE, article)
    except SidecarError as exc:
        assert str(exc).startswith(SOURCE + ": ")
        return
    again = parse_sidecar(dump_sidecar(sidecar), SOURCE, article)
    assert again.article == sidecar.article
    assert again.extra == sidecar.extra
    assert sorted(again.annotations, key=_key) == sorted(sidecar.annotations, key=_key)
    assert [a.extra for a in sorted(again.annotations, key=_key)] == [
        a.extra for a in sorted(sidecar.annotations, key=_key)
    ]


def _key(annotation):
    return annotation.sort_key()


@st.composite
def byte_mutations(draw) -> bytes:
    data = bytearray(VALID)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "truncate", "insert", "value", "delete"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "value" and len(data) == len(VALID):  # no insert or delete moved them
            at = draw(st.sampled_from(VALUE_STARTS))
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "truncate":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.sampled_from(TOKENS))
        else:
            del data[at : at + draw(st.integers(1, 20))]
    return bytes(data)


@given(data=byte_mutations(), article=ARTICLES)
@SETTINGS
def test_damaged_bytes_raise_nothing_but_sidecar_error(data: bytes, article) -> None:
    _reads_or_refuses(data, article)


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, (*prefix, index))
    return found


PATHS = [path for path in _paths(VALID_DOCUMENT) if path]

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**60), 2**60)
    | st.sampled_from([0, -1, 1, 2**53, 2**53 + 1, 10**30, 1.0, -0.0, 1e308])
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(["", "x" * 201, "#ZZZZZZ", "2026-03-01T10:00:00Z", "loaded-label"]),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def structural_mutations(draw) -> bytes:
    document = copy.deepcopy(VALID_DOCUMENT)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS))
        parent = document
        try:
            for step in path[:-1]:
                parent = parent[step]
            current = parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this place
        if not isinstance(parent, dict | list):
            continue  # replaced by text, whose characters can be read but not changed
        kind = draw(st.sampled_from(["delete", "replace", "duplicate", "nest"]))
        if kind == "delete":
            del parent[path[-1]]
        elif kind == "replace":
            parent[path[-1]] = draw(JSON_VALUES)
        elif kind == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(current))
        else:
            parent[path[-1]] = [current] if draw(st.booleans()) else {"x": current}
    ascii_only = draw(st.booleans())
    text = json.dumps(document, ensure_ascii=ascii_only, allow_nan=True)
    # Lone surrogates from the strategy become invalid UTF-8, as a broken editor would write.
    return text.encode("utf-8", "surrogatepass")


@given(data=structural_mutations(), article=ARTICLES)
@SETTINGS
def test_damaged_structure_raises_nothing_but_sidecar_error(data: bytes, article) -> None:
    _reads_or_refuses(data, article)


SAFE_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**53), 2**53)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=8,
)
ANNOTATION_MEMBERS = {*VALID_DOCUMENT["annotations"][0], "orphan"}


@given(
    note=st.text(),
    extra=st.dictionaries(
        st.text(max_size=10).filter(lambda key: key not in ANNOTATION_MEMBERS),
        SAFE_JSON_VALUES,
        max_size=3,
    ),
    article=ARTICLES,
)
@SETTINGS
def test_any_note_and_unknown_members_round_trip(note: str, extra: dict, article) -> None:
    document = copy.deepcopy(VALID_DOCUMENT)
    document["annotations"][0].update(extra, note=note)
    sidecar = parse_sidecar(json.dumps(document).encode(), SOURCE, article)
    assert sidecar.annotations[0].note == note
    assert sidecar.annotations[0].extra == (extra or None)
    _reads_or_refuses(dump_sidecar(sidecar), article)


def _outcome(data: bytes, article) -> tuple[str, Any]:
    """What reading gives: the sidecar (annotations with their status and extra) or the
    message."""
    try:
        sidecar = parse_sidecar(data, SOURCE, article)
    except SidecarError as exc:
        return "refused", str(exc)
    annotations = [(a, a.status, a.extra) for a in sidecar.annotations]
    return "read", (sidecar.article, sidecar.author, sidecar.tagset, annotations, sidecar.extra)


@st.composite
def unknown_members(draw) -> bytes:
    """A valid file with one member Slant does not know, holding any JSON value."""
    document = copy.deepcopy(VALID_DOCUMENT)
    place = draw(st.sampled_from([(), ("article",), ("author",), ("annotations", 0)]))
    target = document
    for step in place:
        target = target[step]
    target[draw(st.sampled_from(["future", "x"]))] = draw(JSON_VALUES)
    return json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass")


@given(
    data=st.one_of(byte_mutations(), structural_mutations(), unknown_members()), article=ARTICLES
)
@SETTINGS
def test_the_quick_and_the_careful_reading_agree(data: bytes, article) -> None:
    # Without Python's limit on digits, Slant reads every file the careful way only.
    quick = _outcome(data, article)
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        careful = _outcome(data, article)
    finally:
        sys.set_int_max_str_digits(limit)
    assert quick == careful


# Values at the edges of what an annotation's members may hold.
EDGE_VALUES = [
    *(None, True, False, 0, -1, 1, 1.0, 2**53, 2**53 + 1, len(TEXT), len(TEXT) + 1),
    *("", "x", "x" * 200, "x" * 201, "x" * 10_000, "x" * 10_001, "loaded-label", "nope"),
    *("2026-03-01T10:00:00.000Z", "2026-02-30T10:00:00.000Z", "2026-03-01 10:00"),
    *("Sources", "Sources say", "Town votes\n\n", [], {}),
]


class _TakenAway:
    def __repr__(self) -> str:
        return "taken away"


_TAKEN_AWAY = _TakenAway()


def _annotation_changed(**changes: Any) -> dict:
    document = copy.deepcopy(VALID_DOCUMENT)
    item = document["annotations"][0]
    for name, value in changes.items():
        if value is _TAKEN_AWAY:
            item.pop(name, None)
        else:
            item[name] = value
    return document


def _read_alike_among_unusual_ones(document: dict, article) -> None:
    """Reading *document* must agree with reading it with an orphan added at the end.

    Files whose annotations are all as Slant writes them are checked a batch at a time;
    one orphan among them has every annotation checked on its own.
    """
    alone = _outcome(json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass"), article)
    orphan = dict(VALID_DOCUMENT["annotations"][1], id="an-orphan-among-them", orphan=True)
    document = dict(document, annotations=[*document["annotations"], orphan])
    mixed = _outcome(json.dumps(document, allow_nan=True).encode("utf-8", "surrogatepass"), article)
    if alone[0] == "refused":
        assert mixed == alone
    else:
        assert mixed[0] == "read"
        assert mixed[1][3][:-1] == alone[1][3]


@pytest.mark.parametrize("value", [*EDGE_VALUES, _TAKEN_AWAY], ids=repr)
@pytest.mark.parametrize("name", sorted(ANNOTATION_MEMBERS | {"future"}))
@pytest.mark.parametrize("article", [None, ARTICLE], ids=["no article", "its article"])
def test_an_edge_value_is_read_alike_in_a_usual_batch_and_among_unusual_ones(
    name: str, value: Any, article
) -> None:
    _read_alike_among_unusual_ones(_annotation_changed(**{name: value}), article)


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (len(TEXT) - 2, len(TEXT) + 1), (0, len(TEXT)), (5, 5), (6, 5), (True, 3)],
)
@pytest.mark.parametrize("article", [None, ARTICLE], ids=["no article", "its article"])
def test_a_span_at_the_edges_is_read_alike_in_a_usual_batch_and_among_unusual_ones(
    start: int, end: int, article
) -> None:
    quote = "q" * max(0, end - start)
    changed = _annotation_changed(start=start, end=end, exact=quote)
    _read_alike_among_unusual_ones(changed, article)


@st.composite
def damaged_first_annotation(draw) -> dict:
    """The file's annotations with the first one changed: members replaced by any JSON
    value, taken away, or added."""
    document = copy.deepcopy(VALID_DOCUMENT)
    item = document["annotations"][0]
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(ANNOTATION_MEMBERS | {"future"})))
        if name in item and draw(st.booleans()):
            del item[name]
        else:
            item[name] = draw(st.sampled_from(EDGE_VALUES) | JSON_VALUES)
    return document


@given(document=damaged_first_annotation(), article=st.sampled_from([None, ARTICLE]))
@SETTINGS
def test_an_annotation_is_read_alike_in_a_usual_batch_and_among_unusual_ones(
    document: dict, article
) -> None:
    _read_alike_among_unusual_ones(document, article)
