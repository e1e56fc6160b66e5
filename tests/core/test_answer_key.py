"""The answer key's file: beside the article, opened as it is, written only where chosen."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core import store
from app.core.annotations import make_annotation
from app.core.answer_key import can_write_in, key_path, open_key
from app.core.article import load_article
from app.core.classroom import gather_class
from app.core.errors import SidecarError
from app.core.sidecar import sidecar_path
from app.core.tags import default_tagset

TEXT = "Town votes\n\nThe council voted 5-2 on Monday, insiders claim.\n"


@pytest.fixture
def article(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return load_article(path)


def test_the_key_lies_where_the_class_looks_for_it(article, tmp_path) -> None:
    path = key_path(article.path)
    assert path == tmp_path / "story.txt.key.slant.json"
    key, state = open_key(path, article, "Ms Lund", default_tagset())
    assert state is None and key.author.role == "teacher" and key.author.name == "Ms Lund"
    start = TEXT.index("insiders claim")
    key.annotations.append(make_annotation(TEXT, "unsourced-claim", start, start + 14))
    assert store.save_to(path, article, key).path == path
    assert not sidecar_path(article.path).exists()  # the teacher's own sidecar is untouched
    found = gather_class(article, [tmp_path / "nobody"]).key
    assert found is not None and [a.exact for a in found.sidecar.annotations] == ["insiders claim"]


def test_an_existing_key_is_opened_as_it_is(article) -> None:
    path = key_path(article.path)
    key, _ = open_key(path, article, "Ms Lund", default_tagset())
    key.annotations.append(make_annotation(TEXT, "loaded-label", 0, 4))
    store.save_to(path, article, key)
    again, state = open_key(path, article, "Someone Else", default_tagset())
    assert state is not None
    assert again.author.name == "Ms Lund"
    assert [a.exact for a in again.annotations] == ["Town"]


def test_a_link_in_the_keys_place_is_neither_read_nor_written_through(article, tmp_path) -> None:
    target = tmp_path / "student.slant.json"
    target.write_text("{}", encoding="utf-8")
    path = key_path(article.path)
    path.symlink_to(target)
    with pytest.raises(SidecarError):
        open_key(path, article, "Ms Lund", default_tagset())
    fresh, _ = open_key(tmp_path / "new.key.slant.json", article, "Ms Lund", default_tagset())
    with pytest.raises(SidecarError, match="link"):
        store.save_to(path, article, fresh)
    assert target.read_text(encoding="utf-8") == "{}"


def test_a_folder_is_writable_when_a_file_can_be_made_in_it(tmp_path) -> None:
    assert can_write_in(tmp_path)
    assert list(tmp_path.iterdir()) == []  # the probe is gone
    assert not can_write_in(tmp_path / "missing")
