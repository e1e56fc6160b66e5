"""Importing Hypothesis's own API export ({"total": N, "rows": [...]}) onto an article."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.core.article import Article, load_article
from app.core.errors import ExportError
from app.core.exports.w3c_import import import_annotations
from app.core.sidecar import read_sidecar, sidecar_path

FIXTURES = Path(__file__).parents[1] / "fixtures" / "hypothesis"
EXPORT = FIXTURES / "harbour-search.json"


@pytest.fixture
def article(tmp_path: Path) -> Article:
    path = tmp_path / "harbour.html"
    shutil.copy(FIXTURES / "harbour.html", path)
    return load_article(path)


def test_a_hypothesis_export_lands_on_the_right_words(article: Article) -> None:
    result = import_annotations(EXPORT.read_bytes(), article, EXPORT.name)
    text = article.text
    radical = text.index("approve the radical plan")
    sources = text.index("Sources say")
    million = text.index("4\xa0million euros")
    assert [(a.tag, a.exact, a.start, a.end, a.note) for a in result.annotations] == [
        ("loaded-label", "approve the radical plan", radical, radical + 24, "Why call it radical?"),
        ("unsourced-claim", "Sources say", sources, sources + 11, "Which sources?"),
        ("verifiable-fact", "4\xa0million euros", million, million + 15, ""),
        ("loaded-label", "4\xa0million euros", million, million + 15, ""),
    ]
    first = result.annotations[0]
    assert (first.created, first.modified) == (
        "2026-03-02T09:15:04.512Z",
        "2026-03-02T09:16:40.001Z",
    )
    assert len({a.id for a in result.annotations}) == 4
    assert result.authors == ["maya_r"]


def test_each_hypothesis_row_that_cannot_be_used_says_why(article: Article) -> None:
    skipped = import_annotations(EXPORT.read_bytes(), article, EXPORT.name).skipped
    assert len(skipped) == 5
    week, page_note, reply, opinion, untagged = skipped
    assert week.startswith("annotation 2 (Vq3bJm2aEe-harbour02):")
    assert "'week3' is not a tag" in week
    assert page_note.startswith("annotation 4 (") and "page note" in page_note
    assert reply.startswith("annotation 5 (") and "reply" in reply
    assert opinion.startswith("annotation 6 (") and "'opinion' is not a tag" in opinion
    assert untagged.startswith("annotation 7 (") and "has no tags" in untagged


def test_a_hypothesis_export_with_rows_that_are_not_a_list_is_refused(article: Article) -> None:
    with pytest.raises(ExportError, match=r"search\.json: this Hypothesis export has no rows"):
        import_annotations(b'{"total": 1, "rows": {"id": "x"}}', article, "search.json")


def test_slant_import_reads_a_hypothesis_export_into_the_sidecar(
    article: Article, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "hypothesis.json"
    shutil.copy(EXPORT, source)
    assert article.path is not None
    assert main(["import", str(source), str(article.path)]) == 0
    out, err = capsys.readouterr()
    assert out.strip() == str(sidecar_path(article.path))
    assert err.count("slant: skipped:") == 5
    sidecar = read_sidecar(sidecar_path(article.path), article)
    assert sidecar.author.name == "maya_r"
    assert sorted(a.exact for a in sidecar.annotations) == [
        "4\xa0million euros",
        "4\xa0million euros",
        "Sources say",
        "approve the radical plan",
    ]
    assert main(["import", str(source), str(article.path)]) == 0  # a second time: no doubles
    assert capsys.readouterr().err.count("already in the sidecar") == 4
    assert len(read_sidecar(sidecar_path(article.path), article).annotations) == 4


def test_a_reimport_keeps_the_author_the_sidecar_already_names(
    article: Article, tmp_path: Path
) -> None:
    assert article.path is not None
    rows = json.loads(EXPORT.read_text(encoding="utf-8"))
    for row in rows["rows"]:
        row["user"] = "acct:someone_else@hypothes.is"
    source = tmp_path / "other.json"
    source.write_text(json.dumps(rows), encoding="utf-8")
    assert main(["import", str(EXPORT), str(article.path)]) == 0
    assert main(["import", str(source), str(article.path)]) == 0
    assert read_sidecar(sidecar_path(article.path), article).author.name == "maya_r"
