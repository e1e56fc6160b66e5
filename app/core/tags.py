"""Tag sets: the four default tags and teacher-supplied sets loaded from JSON."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import TagSetError

_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_TAG_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


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
        raise TagSetError(f"{source}: the tag set must be a JSON object")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise TagSetError(f"{source}: the tag set needs a non-empty 'name'")
    raw_tags = data.get("tags")
    if not isinstance(raw_tags, list) or not raw_tags:
        raise TagSetError(f"{source}: the tag set needs a non-empty list 'tags'")
    tags: list[Tag] = []
    seen_ids: set[str] = set()
    seen_keys: set[str] = set()
    for index, raw in enumerate(raw_tags, start=1):
        tags.append(_tag_from_json(raw, f"{source}: tag {index}", seen_ids, seen_keys))
    return TagSet(name=name, tags=tuple(tags))


def _tag_from_json(raw: Any, where: str, seen_ids: set[str], seen_keys: set[str]) -> Tag:
    if not isinstance(raw, dict):
        raise TagSetError(f"{where} must be a JSON object")
    for member in ("id", "label", "description", "color"):
        if not isinstance(raw.get(member), str):
            raise TagSetError(f"{where} needs a text '{member}'")
    tag_id, color = raw["id"], raw["color"]
    key = raw.get("key", "")
    if not _TAG_ID.match(tag_id):
        raise TagSetError(f"{where}: id {tag_id!r} must be lower-case letters, digits and hyphens")
    if tag_id in seen_ids:
        raise TagSetError(f"{where}: id {tag_id!r} is used twice")
    if not _COLOR.match(color):
        raise TagSetError(f"{where}: color {color!r} must look like #RRGGBB")
    if not isinstance(key, str) or len(key) > 1:
        raise TagSetError(f"{where}: key must be a single character or empty")
    if key and key in seen_keys:
        raise TagSetError(f"{where}: key {key!r} is used twice")
    guide = raw.get("guide", {})
    if not isinstance(guide, dict):
        raise TagSetError(f"{where}: 'guide' must be a JSON object")
    seen_ids.add(tag_id)
    if key:
        seen_keys.add(key)
    return Tag(tag_id, raw["label"], raw["description"], color.upper(), key, guide)


def load_tagset(path: Path) -> TagSet:
    """Read a teacher's tag-set JSON file; raise TagSetError naming the file on any problem."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TagSetError(f"{path}: cannot read the tag set ({exc})") from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        raise TagSetError(f"{path}: the tag set is not valid JSON ({exc})") from exc
    return tagset_from_json(data, str(path))
