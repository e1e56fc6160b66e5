"""Tag sets: the four default tags and teacher-supplied sets loaded from JSON."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded
from app.core.errors import TagSetError
from app.core.sidecar_validation import nesting_depth
from app.core.translation import translate

# fullmatch, never match with ^...$: "$" also matches before a final newline.
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
_TAG_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# A set is a palette a student picks from; each tag costs a heat map (the whole article)
# in the class report, so a set of thousands is an attack, not a tag set.
MAX_TAGS = 64
MAX_GUIDE_DEPTH = 8  # {"es": {"examples": [{"quote": ...}]}} is 4 deep
MAX_TAGSET_BYTES = 1024 * 1024  # the example set is 3 KB; guides with examples stay far below


@dataclass(frozen=True)
class Tag:
    """One kind of annotation a reader can give a span."""

    id: str
    label: str
    description: str
    color: str
    key: str = ""
    guide: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_json(self) -> dict[str, Any]:
        """Return the tag as it is stored in a sidecar or tag-set file."""
        data: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "description": self.description,
            "color": self.color,
            "key": self.key,
        }
        if self.guide:
            data["guide"] = self.guide
        return data


@dataclass(frozen=True)
class TagSet:
    """A named, ordered collection of tags."""

    name: str
    tags: tuple[Tag, ...]

    def get(self, tag_id: str) -> Tag | None:
        """Return the tag with this id, or None."""
        for tag in self.tags:
            if tag.id == tag_id:
                return tag
        return None

    def ids(self) -> list[str]:
        """Return the tag ids in display order."""
        return [tag.id for tag in self.tags]

    def to_json(self) -> dict[str, Any]:
        """Return the tag set as stored in a sidecar or tag-set file."""
        return {"name": self.name, "tags": [tag.to_json() for tag in self.tags]}


# Okabe-Ito colours: distinguishable with the common colour-vision deficiencies.
DEFAULT_TAGSET = TagSet(
    name="Slant default",
    tags=(
        Tag(
            "loaded-label",
            "Loaded label",
            "A word or name chosen to make you feel something about a person or group "
            "instead of just describing them. Look for nicknames, insults and praise "
            "words where a neutral word would do.",
            "#D55E00",
            "1",
        ),
        Tag(
            "unsourced-claim",
            "Unsourced claim",
            "A statement presented as true without saying who says so or how we know. "
            "Look for 'sources say', 'many believe' or claims with no name, document or data.",
            "#0072B2",
            "2",
        ),
        Tag(
            "promotional-boilerplate",
            "Promotional boilerplate",
            "Text that sells something (a product, an outlet, a person) rather than "
            "informing you. Look for slogans, calls to subscribe or follow, and praise "
            "copied from a press release.",
            "#CC79A7",
            "3",
        ),
        Tag(
            "verifiable-fact",
            "Verifiable fact",
            "A specific statement you could check somewhere independent: a date, a number, "
            "a named document or an on-the-record quote. It may still be wrong; it can be checked.",
            "#009E73",
            "4",
        ),
    ),
)


def default_tagset() -> TagSet:
    """Return the built-in tag set (loaded label, unsourced claim, promotional, fact)."""
    return DEFAULT_TAGSET


def tagset_from_json(data: Any, source: str) -> TagSet:
    """Build a TagSet from parsed JSON; raise TagSetError naming *source* on any problem."""
    if not isinstance(data, dict):
        _fail(source, translate("TagSetErrors", "the tag set must be a JSON object"))
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        _fail(source, translate("TagSetErrors", "the tag set needs a non-empty 'name'"))
    raw_tags = data.get("tags")
    if not isinstance(raw_tags, list) or not raw_tags:
        _fail(source, translate("TagSetErrors", "the tag set needs a non-empty list 'tags'"))
    if len(raw_tags) > MAX_TAGS:
        problem = translate(
            "TagSetErrors", "the tag set has {count} tags; a tag set holds at most {limit}"
        )
        _fail(source, problem.format(count=len(raw_tags), limit=MAX_TAGS))
    tags: list[Tag] = []
    seen_ids: set[str] = set()
    seen_keys: set[str] = set()
    for number, raw in enumerate(raw_tags, start=1):
        tags.append(_tag_from_json(raw, source, number, seen_ids, seen_keys))
    return TagSet(name=name, tags=tuple(tags))


def _fail(source: object, problem: str) -> NoReturn:
    raise TagSetError(f"{source}: {problem}")


def _tag_from_json(
    raw: Any, source: str, number: int, seen_ids: set[str], seen_keys: set[str]
) -> Tag:
    """Tag *number* (from 1) of a tag set; every problem sentence names the tag's number."""
    if not isinstance(raw, dict):
        _fail(
            source,
            translate("TagSetErrors", "tag {number} must be a JSON object").format(number=number),
        )
    for member in ("id", "label", "description", "color"):
        if not isinstance(raw.get(member), str):
            problem = translate("TagSetErrors", "tag {number} needs a text '{member}'")
            _fail(source, problem.format(number=number, member=member))
    tag_id, color = raw["id"], raw["color"]
    key = raw.get("key", "")
    if not _TAG_ID.fullmatch(tag_id):
        problem = translate(
            "TagSetErrors", "tag {number}: id {id} must be lower-case letters, digits and hyphens"
        )
        _fail(source, problem.format(number=number, id=repr(tag_id)))
    if tag_id in seen_ids:
        problem = translate("TagSetErrors", "tag {number}: id {id} is used twice")
        _fail(source, problem.format(number=number, id=repr(tag_id)))
    if not _COLOR.fullmatch(color):
        problem = translate("TagSetErrors", "tag {number}: color {color} must look like #RRGGBB")
        _fail(source, problem.format(number=number, color=repr(color)))
    if not isinstance(key, str) or len(key) > 1:
        problem = translate("TagSetErrors", "tag {number}: key must be a single character or empty")
        _fail(source, problem.format(number=number))
    if key and key in seen_keys:
        problem = translate("TagSetErrors", "tag {number}: key {key} is used twice")
        _fail(source, problem.format(number=number, key=repr(key)))
    guide = raw.get("guide", {})
    if not isinstance(guide, dict):
        problem = translate("TagSetErrors", "tag {number}: 'guide' must be a JSON object")
        _fail(source, problem.format(number=number))
    if nesting_depth(guide, MAX_GUIDE_DEPTH) > MAX_GUIDE_DEPTH:
        # Without a limit, how deep a file could be read depended on how deep in the call
        # stack it was read: `slant check` passed a guide that `slant add` then refused.
        problem = translate(
            "TagSetErrors", "tag {number}: 'guide' is nested more than {levels} levels deep"
        )
        _fail(source, problem.format(number=number, levels=MAX_GUIDE_DEPTH))
    seen_ids.add(tag_id)
    if key:
        seen_keys.add(key)
    return Tag(tag_id, raw["label"], raw["description"], color.upper(), key, guide)


def load_tagset(path: Path) -> TagSet:
    """Read a teacher's tag-set JSON file; raise TagSetError naming the file on any problem.

    A pipe, a device or a file over MAX_TAGSET_BYTES is refused without being read.
    """
    try:
        text = read_bounded(Path(path), MAX_TAGSET_BYTES).decode("utf-8-sig")
    except FileTooBig as exc:
        problem = translate("TagSetErrors", "the file is too big for a tag set (over {limit} KB)")
        raise TagSetError(f"{path}: {problem.format(limit=exc.limit // 1024)}") from exc
    except (NotRegularFile, IsADirectoryError) as exc:
        problem = translate("TagSetErrors", "this is not a regular file (a folder, pipe or device)")
        raise TagSetError(f"{path}: {problem}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        problem = translate("TagSetErrors", "cannot read the tag set ({reason})")
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise TagSetError(f"{path}: {problem.format(reason=reason)}") from exc
    try:
        data = json.loads(text)
    except RecursionError as exc:
        problem = translate("TagSetErrors", "the tag set is nested too deeply to be read")
        raise TagSetError(f"{path}: {problem}") from exc
    except ValueError as exc:  # JSONDecodeError, and integers too long to convert
        problem = translate("TagSetErrors", "the tag set is not valid JSON ({reason})")
        raise TagSetError(f"{path}: {problem.format(reason=exc)}") from exc
    return tagset_from_json(data, str(path))
