"""Our W3C exports pass the MUST assertions of the W3C Web Annotation test suite.

The suite's JSON Schemas (draft-04, cross-file $ref by id) live in
../shared/conformance/w3c-annotation-model (see its README). Like wpt's JSONtest.js, an
assertion passes when the validation result equals its expectedResult, and an unexpected
result with onUnexpectedResult "failAndSkip"/"failAndAbort" skips the rest of the list.
Unlike python-jsonschema without extra packages, the "uri" and "date-time" formats are
checked, as Ajv checks them in wpt.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.classroom import gather_class, write_class_outputs
from app.core.exports import export_student
from app.core.sidecar import Author, dump_sidecar, new_sidecar

jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")
from referencing.jsonschema import DRAFT4  # noqa: E402

SUITE = Path(__file__).parents[2].parent / "shared" / "conformance" / "w3c-annotation-model"
ROOT = SUITE / "annotation-model"
# RFC 3986 absolute URI: a scheme, a colon, then no spaces or characters that need quoting.
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*")
# RFC 3339 date-time, which is what JSON Schema's "date-time" means.
_DATE_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")

pytestmark = pytest.mark.skipif(not ROOT.is_dir(), reason="the W3C test-suite copy is absent")


def _format_checker() -> Any:
    checker = jsonschema.FormatChecker()

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        return not isinstance(value, str) or bool(_URI.fullmatch(value))

    @checker.checks("date-time")
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _DATE_TIME.fullmatch(value):
            return False
        try:
            datetime.fromisoformat(value[:19])
        except ValueError:
            return False
        return True

    return checker


@dataclass
class Outcome:
    """What running one .test file's assertions gave."""

    failures: list[str]
    skipped: list[str]
    passed: int


class Suite:
    """The suite's schemas registered by id, and its .test lists run like JSONtest.js."""

    def __init__(self) -> None:
        resources = []
        for path in sorted(ROOT.rglob("*.json")):
            schema = json.loads(path.read_text(encoding="utf-8"))
            resources.append((schema.get("id", path.name), DRAFT4.create_resource(schema)))
        self.registry = referencing.Registry().with_resources(resources)
        self.checker = _format_checker()
        self._validators: dict[str, Any] = {}

    def _validator(self, reference: str) -> tuple[Any, dict[str, Any]]:
        schema = json.loads((ROOT / reference).read_text(encoding="utf-8"))
        if reference not in self._validators:
            self._validators[reference] = jsonschema.Draft4Validator(
                schema, registry=self.registry, format_checker=self.checker
            )
        return self._validators[reference], schema

    def run(self, test_file: str, document: dict[str, Any]) -> Outcome:
        """Run every assertion of *test_file* (relative to the suite root) on *document*."""
        listed = json.loads((ROOT / test_file).read_text(encoding="utf-8"))["assertions"]
        outcome = Outcome([], [], 0)
        queue = list(_flatten(listed))
        while queue:
            reference = queue.pop(0)
            validator, schema = self._validator(reference)
            valid = validator.is_valid(document)
            expected = schema.get("expectedResult", "valid") == "valid"
            if valid == expected:
                outcome.passed += 1
                continue
            on_unexpected = schema.get("onUnexpectedResult", "failAndContinue")
            if on_unexpected.startswith("pass"):
                outcome.passed += 1
                continue
            outcome.failures.append(f"{reference}: {schema.get('errorMessage', '')}")
            if on_unexpected in ("failAndSkip", "failAndAbort"):
                outcome.skipped += queue
                queue = []
        return outcome


def _flatten(assertions: list[Any]) -> list[str]:
    flat: list[str] = []
    for item in assertions:
        if isinstance(item, list):
            flat += _flatten(item)
        elif isinstance(item, str):
            flat.append(item)
        else:
            raise AssertionError(f"inline assertions are not used by the MUST lists: {item!r}")
    return flat


@pytest.fixture(scope="module")
def suite() -> Suite:
    return Suite()


def _collection() -> dict[str, Any]:
    text = "Title\n\nThe radical plan passed 5-2, sources say. Buy our paper! \U0001f600 café\n"
    article = parse_plain_text(text, Path("story.txt"))
    sidecar = new_sidecar(article, Author("Ana <b>", "student"))
    for quote, tag, note in (
        ("radical", "loaded-label", "a judgement, <script>alert(1)</script>"),
        ("sources say", "unsourced-claim", ""),
        ("Buy our paper!", "promotional-boilerplate", ""),
        ("5-2", "verifiable-fact", "check the minutes"),
        ("\U0001f600 café", "loaded-label", ""),
    ):
        start = text.index(quote)
        sidecar.annotations.append(make_annotation(text, tag, start, start + len(quote), note))
    return json.loads(export_student(article, sidecar, "w3c"))


def test_every_exported_annotation_passes_all_must_assertions(suite: Suite) -> None:
    collection = _collection()
    items = collection["first"]["items"]
    assert len(items) == 5
    for item in items:
        outcome = suite.run("annotations/annotationMusts.test", item)
        assert outcome.failures == [], item
        assert outcome.passed == 54


def test_the_collection_passes_the_collection_and_page_musts(suite: Suite) -> None:
    collection = _collection()
    for test_file in ("collections/collectionMusts.test", "collections/pages/pageMusts.test"):
        outcome = suite.run(test_file, collection)
        assert outcome.failures == [], test_file
        assert outcome.passed > 0


def test_an_empty_collection_passes_the_collection_musts(suite: Suite) -> None:
    article = parse_plain_text("Title\n\nNothing tagged.\n", Path("story.txt"))
    collection = json.loads(export_student(article, new_sidecar(article), "w3c"))
    assert collection["total"] == 0
    assert suite.run("collections/collectionMusts.test", collection).failures == []


@pytest.mark.parametrize(
    ("breakage", "failing"),
    [
        (
            lambda a: a.update({"@context": "http://example.org/context.jsonld"}),
            "3.1-annotationContextValidated.json",
        ),
        (lambda a: a.update({"id": "not a uri"}), "3.1-annotationIdValidated.json"),
        (
            lambda a: a["target"]["selector"][1].update({"start": -1}),
            "4.2-TextDataPositionSelectorValid.json",
        ),
        (lambda a: a["target"]["selector"][0].pop("exact"), "4.2.4-textQuoteSelectorValid.json"),
        (lambda a: a.update({"created": "yesterday"}), "3.3.1-annotationCreatedValidated.json"),
        (lambda a: a.update({"bodyValue": "x"}), "3.2.5-notBodyBodyValue.json"),
    ],
)
def test_a_broken_annotation_fails_the_must_it_breaks(suite: Suite, breakage, failing: str) -> None:
    item = copy.deepcopy(_collection()["first"]["items"][0])
    breakage(item)
    failures = suite.run("annotations/annotationMusts.test", item).failures
    assert any(failing in failure for failure in failures), failures


def test_a_collection_without_its_page_id_fails_the_page_musts(suite: Suite) -> None:
    collection = _collection()
    del collection["first"]["id"]
    failures = suite.run("collections/pages/pageMusts.test", collection).failures
    assert any("5.2-pageIdValidated.json" in failure for failure in failures)


def test_the_class_collection_with_an_orphan_passes_the_musts(suite: Suite, tmp_path: Path) -> None:
    old_text = "Title\n\nThe radical plan passed. Buy our paper today!\n"
    old = parse_plain_text(old_text, tmp_path / "story.txt")
    sidecar = new_sidecar(old, Author("Ana", "student"))
    for quote, tag in (
        ("radical", "loaded-label"),
        ("Buy our paper today!", "promotional-boilerplate"),
    ):
        start = old_text.index(quote)
        sidecar.annotations.append(make_annotation(old_text, tag, start, start + len(quote)))
    (tmp_path / "ana.slant.json").write_bytes(dump_sidecar(sidecar))
    article = parse_plain_text("Title\n\nThe radical plan passed.\n", tmp_path / "story.txt")
    data = gather_class(article, [tmp_path / "ana.slant.json"])
    write_class_outputs(data, tmp_path / "out", pseudonymize=True)
    collection = json.loads((tmp_path / "out" / "annotations.jsonld").read_bytes())
    items = collection["first"]["items"]
    orphan = next(item for item in items if len(item["target"]["selector"]) == 1)
    assert orphan["target"]["selector"][0]["exact"] == "Buy our paper today!"
    for item in items:
        assert suite.run("annotations/annotationMusts.test", item).failures == []
    for test_file in ("collections/collectionMusts.test", "collections/pages/pageMusts.test"):
        assert suite.run(test_file, collection).failures == []
