"""Where ``slant class`` writes (issue #18): never through a link a student planted, never
over an output without a .bak, never half an output set; a new dated folder by default."""

from __future__ import annotations

import csv
import datetime
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from app.cli import main

ARTICLE = "# Council backs harbour plan\n\nThe radical plan passed 5-2 on 3 March, sources say.\n"


def sidecar_by(article: Path, target: Path, name: str, quotes: list[str]) -> Path:
    """A sidecar by *name* made with ``slant add``, moved to *target*."""
    for quote in quotes:
        assert main(["add", str(article), "--tag", "1", "--quote", quote, "--author", name]) == 0
    target.parent.mkdir(parents=True, exist_ok=True)
    (article.parent / f"{article.name}.slant.json").rename(target)
    return target


@pytest.fixture
def hand_in(tmp_path: Path, monkeypatch, capsys) -> Path:
    """story.md, two students in returned/ and a key in key/; the folder is the cwd."""
    monkeypatch.chdir(tmp_path)
    article = tmp_path / "story.md"
    article.write_text(ARTICLE, encoding="utf-8")
    sidecar_by(article, tmp_path / "returned" / "ana.slant.json", "Ana", ["radical"])
    sidecar_by(article, tmp_path / "returned" / "ben.slant.json", "Ben", ["sources say"])
    sidecar_by(article, tmp_path / "key" / "key.slant.json", "Ms Key", ["radical"])
    capsys.readouterr()
    return tmp_path


def run_class(*extra: str) -> int:
    return main(["class", "story.md", "returned", "--key", "key/key.slant.json", *extra])


def test_a_symlinked_output_file_is_refused_and_nothing_is_written(hand_in, capsys) -> None:
    grades = hand_in / "teacher_docs" / "grades.csv"
    grades.parent.mkdir()
    grades.write_text("Ana,A\n", encoding="utf-8")
    out = hand_in / "returned" / "slant-class"
    out.mkdir()
    (out / "students.csv").symlink_to(Path("..", "..", "teacher_docs", "grades.csv"))
    assert run_class("--out", str(out)) == 1
    error = capsys.readouterr().err
    assert "students.csv" in error and "link" in error
    assert grades.read_text(encoding="utf-8") == "Ana,A\n"
    assert sorted(p.name for p in out.iterdir()) == ["students.csv"]  # nothing else written


def test_a_symlinked_feedback_folder_is_refused(hand_in, capsys) -> None:
    docs = hand_in / "teacher_docs"
    docs.mkdir()
    out = hand_in / "out"
    out.mkdir()
    (out / "feedback").symlink_to(docs, target_is_directory=True)
    assert run_class("--out", str(out)) == 1
    assert "feedback" in capsys.readouterr().err
    assert list(docs.iterdir()) == []
    assert not (out / "report.html").exists()


def test_an_output_folder_that_is_a_link_is_refused(hand_in, capsys) -> None:
    docs = hand_in / "teacher_docs"
    docs.mkdir()
    (hand_in / "out").symlink_to(docs, target_is_directory=True)
    assert run_class("--out", "out") == 1
    assert "out" in capsys.readouterr().err
    assert list(docs.iterdir()) == []


def test_outputs_replaced_in_an_existing_folder_keep_a_backup(hand_in, capsys) -> None:
    out = hand_in / "out"
    out.mkdir()
    (out / "students.csv").write_text("the teacher's own notes\n", encoding="utf-8")
    assert run_class("--out", "out") == 0
    assert "Ana" in (out / "students.csv").read_text(encoding="utf-8-sig")
    assert (out / "students.csv.bak").read_text(encoding="utf-8") == "the teacher's own notes\n"


def test_without_out_a_new_dated_folder_is_made_every_time(hand_in, capsys) -> None:
    planted = hand_in / "slant-class"
    planted.mkdir()
    (planted / "students.csv").symlink_to(hand_in / "victim.csv")
    today = datetime.date.today().isoformat()
    assert run_class() == 0
    first = hand_in / f"slant-class-{today}"
    assert (first / "students.csv").is_file() and (first / "feedback").is_dir()
    assert str(Path(first.name, "report.html")) in capsys.readouterr().out.splitlines()
    assert run_class() == 0
    assert (hand_in / f"slant-class-{today}-2" / "report.html").is_file()
    assert not (hand_in / "victim.csv").exists()
    assert [p.name for p in planted.iterdir()] == ["students.csv"]


def test_a_long_name_in_a_multibyte_script_still_gets_its_feedback_page(hand_in, capsys) -> None:
    name = "漢字" * 39  # 78 characters, 234 bytes in UTF-8
    sidecar_by(hand_in / "story.md", hand_in / "returned" / "long.slant.json", name, ["5-2"])
    assert run_class("--out", "out") == 0, capsys.readouterr().err
    pages = list((hand_in / "out" / "feedback").iterdir())
    assert len(pages) == 3
    assert all(len(page.name.encode("utf-8")) <= 150 for page in pages)


def read_rows(path: Path) -> list[dict[str, str]]:
    """A class CSV as Python's csv module reads it (the BOM dropped)."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_a_negative_alpha_is_written_as_a_number_not_as_defused_text(hand_in, capsys) -> None:
    # Ana tagged only "radical", Ben only "sources say": they never agree on a character
    # of tag 1, so its alpha is below 0. The formula guard must not make "-0.0x" text.
    assert run_class("--out", "out") == 0, capsys.readouterr().err
    rows = read_rows(hand_in / "out" / "agreement.csv")
    numeric = ("alpha", "students", "units (characters)")
    numeric += ("observed disagreement", "expected disagreement")
    for row in rows:
        for column in numeric:
            if row[column] != "n/a":
                float(row[column])  # raises ValueError for "'-0.007"
    first_tag = rows[0]
    assert float(first_tag["alpha"]) < 0 and first_tag["alpha"].startswith("-")


def spreadsheet_cells(ods: Path) -> list[list[tuple[str, str]]]:
    """Each row of an .ods file's first table as (value type, shown text) per cell."""
    table = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    root = ElementTree.fromstring(zipfile.ZipFile(ods).read("content.xml"))
    return [
        [
            (cell.get(f"{office}value-type", ""), "".join(cell.itertext()))
            for cell in row.iter(f"{table}table-cell")
        ]
        for row in root.iter(f"{table}table-row")
    ]


@pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)
def test_libreoffice_reads_the_alpha_column_as_numbers(hand_in, tmp_path, capsys) -> None:
    assert run_class("--out", "out") == 0, capsys.readouterr().err
    converted = tmp_path / "converted"
    command = [
        *("soffice", "--headless", f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"),
        *("--infilter=CSV:44,34,76", "--convert-to", "ods", "--outdir", str(converted)),
        str(hand_in / "out" / "agreement.csv"),
    ]
    subprocess.run(command, check=True, capture_output=True)
    header, *rows = spreadsheet_cells(converted / "agreement.ods")
    alpha = [name for _, name in header].index("alpha")
    assert rows[0][alpha] == ("float", rows[0][alpha][1])
    assert float(rows[0][alpha][1]) < 0  # the negative alpha of tag 1, a number
    assert {row[alpha] for row in rows[1:4]} == {("string", "n/a")}  # unused tags
