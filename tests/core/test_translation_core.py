"""The core's sentences: English by default, routed through an installed translator."""

from __future__ import annotations

import ast
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.errors import ArticleError, SidecarError, TagSetError
from app.core.sidecar import dump_sidecar, new_sidecar, parse_sidecar
from app.core.tags import tagset_from_json
from app.core.translation import set_translator, translate

CORE = Path(__file__).resolve().parents[2] / "app" / "core"
TEXT = "Harbour Mayor Unveils Ferry Deal\nThe so-called ferry king met the mayor.\n"
# A few of the core's templates, as a translator would give them back.
SPANISH = {
    ("SidecarErrors", "annotation {number} has end {end} before start {start}"): (
        "la anotación {number} termina ('end': {end}) antes de empezar ('start': {start})"
    ),
    ("SidecarErrors", "{what} is missing its '{name}'"): "falta '{name}' en {what}",
    ("SidecarErrors", "annotation {number}"): "la anotación {number}",
    ("TagSetErrors", "the tag set needs a non-empty 'name'"): (
        "el conjunto de etiquetas necesita un 'name' que no esté vacío"
    ),
}


@pytest.fixture
def calls() -> Iterator[list[tuple[str, str]]]:
    """Every (context, text) the core asks to translate; Spanish for the few in SPANISH."""
    asked: list[tuple[str, str]] = []

    def spanish(context: str, text: str) -> str:
        asked.append((context, text))
        return SPANISH.get((context, text), text)

    set_translator(spanish)
    yield asked
    set_translator(None)


def sidecar_json(**annotation_changes) -> dict:
    article = parse_plain_text(TEXT)
    sidecar = new_sidecar(article)
    start = TEXT.index("ferry king")
    sidecar.annotations.append(make_annotation(TEXT, "loaded-label", start, start + 10))
    data = json.loads(dump_sidecar(sidecar))
    data["annotations"][0].update(annotation_changes)
    return data


def problem(data: dict) -> str:
    with pytest.raises(SidecarError) as raised:
        parse_sidecar(json.dumps(data).encode(), "story.txt.slant.json")
    return str(raised.value)


def test_without_a_translator_sentences_stay_english() -> None:
    assert translate("SidecarErrors", "the file") == "the file"
    assert problem(sidecar_json(start=9, end=5)) == (
        "story.txt.slant.json: annotation 1 has end 5 before start 9"
    )
    with pytest.raises(ValueError, match=r"^the selection is empty or only whitespace$"):
        make_annotation(TEXT, "loaded-label", 32, 33)


def test_an_installed_translator_words_the_whole_sentence(calls) -> None:
    assert problem(sidecar_json(start=9, end=5)) == (
        "story.txt.slant.json: la anotación 1 termina ('end': 5) antes de empezar ('start': 9)"
    )
    assert ("SidecarErrors", "annotation {number} has end {end} before start {start}") in calls


def test_pieces_of_a_sentence_are_translated_too(calls) -> None:
    data = sidecar_json()
    del data["annotations"][0]["start"]
    assert problem(data) == "story.txt.slant.json: falta 'start' en la anotación 1"


def test_tag_set_sentences_are_translated(calls) -> None:
    with pytest.raises(TagSetError, match=r"^tags\.json: el conjunto de etiquetas necesita"):
        tagset_from_json({"name": " ", "tags": []}, "tags.json")


def test_article_sentences_are_translated(calls, tmp_path) -> None:
    from app.core.article import load_article

    (tmp_path / "story.pdf").write_bytes(b"%PDF")
    with pytest.raises(ArticleError):
        load_article(tmp_path / "story.pdf")
    assert (
        "ArticleErrors",
        "{file} is not an article Slant can open: use one of {kinds}.",
    ) in calls


def test_setting_no_translator_brings_english_back() -> None:
    set_translator(lambda context, text: text.upper())
    assert translate("SidecarErrors", "the file") == "THE FILE"
    set_translator(None)
    assert translate("SidecarErrors", "the file") == "the file"


def test_a_valid_sidecar_is_read_without_translating_a_word(calls) -> None:
    data = sidecar_json()
    # An unknown member sends each annotation through the slow, member-by-member checks.
    data["annotations"] = [
        dict(data["annotations"][0], id=f"a{number}", future={"kept": True})
        for number in range(200)
    ]
    data["tombstones"] = [{"id": "gone", "deleted": "2026-03-01T14:05:00.000Z"}]
    parse_sidecar(json.dumps(data).encode(), "story.txt.slant.json", parse_plain_text(TEXT))
    assert calls == []


def _translate_calls(path: Path) -> Iterator[tuple[int, list[ast.expr]]]:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "translate":
            yield node.lineno, node.args


def test_every_core_sentence_is_a_literal_that_lupdate_can_find() -> None:
    found = 0
    for path in sorted(CORE.rglob("*.py")):
        for line, args in _translate_calls(path):
            where = f"{path.relative_to(CORE)}:{line}"
            assert len(args) == 2, where
            assert all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str) for arg in args
            ), f"{where}: translate() needs a literal context and template, not an f-string"
            found += 1
    assert found > 100
