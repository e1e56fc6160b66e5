"""The ``slant`` command end to end, through real subprocesses."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__

ARTICLE_MD = """# Council backs harbour plan

*By A. Writer, a fictional paper*

The **radical** plan passed 5-2 on 3 March, sources say.

- Café owners 😀 cheered
- שלום and مرحبا signs went up

> Critics called it a "job-killing" giveaway.
"""


def slant(*args: str, cwd: Path | None = None, env_extra: dict | None = None):
    """Run the CLI as a user would; return the completed process (bytes output)."""
    env = dict(os.environ, **(env_extra or {}))
    return subprocess.run(
        [sys.executable, "-m", "app", *args], capture_output=True, cwd=cwd, env=env, timeout=120
    )


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(ARTICLE_MD, encoding="utf-8")
    return path


def canonical(path: Path) -> str:
    result = slant("text", str(path))
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


def test_version_prints_the_package_version() -> None:
    result = slant("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"slant {__version__}"


def test_text_of_a_crlf_txt_file_is_the_file_with_normalised_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(
        "\ufeffTitle\r\n\r\nL\u00e9a said \U0001f600 \u05e9\u05dc\u05d5\u05dd\r".encode()
    )
    assert canonical(path) == "Title\n\nL\u00e9a said \U0001f600 \u05e9\u05dc\u05d5\u05dd\n"


def test_add_by_quote_stores_offsets_that_match_slant_text(article: Path) -> None:
    text = canonical(article)
    result = slant("add", str(article), "--tag", "2", "--quote", "sources say", "--note", "Who?")
    assert result.returncode == 0, result.stderr
    annotation_id = result.stdout.decode().strip()
    data = json.loads((article.parent / "story.md.slant.json").read_text(encoding="utf-8"))
    (stored,) = data["annotations"]
    assert stored["id"] == annotation_id
    assert stored["tag"] == "unsourced-claim"
    assert text[stored["start"] : stored["end"]] == "sources say" == stored["exact"]
    assert stored["note"] == "Who?"


def test_add_after_astral_characters_counts_code_points(article: Path) -> None:
    text = canonical(article)
    assert slant("add", str(article), "--tag", "loaded-label", "--quote", "cheered").returncode == 0
    assert slant("add", str(article), "--tag", "4", "--quote", "مرحبا").returncode == 0
    data = json.loads((article.parent / "story.md.slant.json").read_text(encoding="utf-8"))
    for stored in data["annotations"]:
        assert text[stored["start"] : stored["end"]] == stored["exact"]
    assert text.index("cheered") in [a["start"] for a in data["annotations"]]


def test_add_by_offsets_trims_whitespace_and_second_occurrence_is_found(tmp_path: Path) -> None:
    path = tmp_path / "rep.txt"
    path.write_text("Title\nthe mayor met the mayor\n", encoding="utf-8")
    out = slant("add", str(path), "--tag", "1", "--quote", "the mayor", "--occurrence", "2")
    assert out.returncode == 0, out.stderr
    assert slant("add", str(path), "--tag", "4", "--start", "5", "--end", "16").returncode == 0
    listing = json.loads(slant("list", str(path), "--json").stdout)
    spans = [(a["start"], a["end"], a["exact"]) for a in listing]
    assert spans == [(6, 15, "the mayor"), (20, 29, "the mayor")]


def test_list_prints_annotations_in_document_order(article: Path) -> None:
    slant("add", str(article), "--tag", "4", "--quote", "3 March")
    slant("add", str(article), "--tag", "1", "--quote", "radical")
    result = slant("list", str(article))
    assert result.returncode == 0
    lines = result.stdout.decode("utf-8").splitlines()
    assert len(lines) == 2
    assert "radical" in lines[0] and "Loaded label" in lines[0]
    assert "3 March" in lines[1] and "Verifiable fact" in lines[1]


def test_export_csv_has_one_row_per_annotation_with_author(article: Path, tmp_path: Path) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical", "--author", "Ana")
    slant("add", str(article), "--tag", "2", "--quote", "sources say", "--note", "=HYPERLINK()")
    out = tmp_path / "out.csv"
    result = slant("export", str(article), "--format", "csv", "-o", str(out))
    assert result.returncode == 0, result.stderr
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    body = rows[1:]
    assert len(body) == 2
    flat = " ".join(" ".join(row) for row in body)
    assert "Ana" in flat and "radical" in flat and "'=HYPERLINK()" in flat


def test_export_json_lists_the_annotations(article: Path) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical")
    result = slant("export", str(article), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert "radical" in result.stdout.decode("utf-8")
    json.loads(result.stdout)


def test_check_accepts_a_valid_sidecar_and_reports_a_broken_one(article: Path) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical")
    sidecar = article.parent / "story.md.slant.json"
    assert slant("check", str(sidecar)).returncode == 0
    broken = article.parent / "other.md.slant.json"
    broken.write_text('{"format": "slant-annotations", "version": 1,', encoding="utf-8")
    result = slant("check", str(sidecar), str(broken))
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    assert "other.md.slant.json" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "status"),
    [
        (["add", "{article}", "--tag", "nonsense", "--quote", "radical"], 2),
        (["add", "{article}", "--tag", "1"], 2),
        (["add", "{article}", "--tag", "1", "--quote", "not in the text"], 1),
        (["add", "{article}", "--tag", "1", "--start", "5", "--end", "99999"], 1),
        (["add", "{article}", "--tag", "1", "--start", "0", "--end", "0"], 1),
        (["text", "{missing}"], 1),
        (["list", "{binary}"], 1),
        (["export", "{article}", "--format", "pdf"], 2),
        (["frobnicate-no-such-option", "--bogus"], 2),
    ],
)
def test_bad_input_exits_with_the_documented_status_and_no_traceback(
    article: Path, tmp_path: Path, args: list[str], status: int
) -> None:
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    values = {"article": str(article), "missing": str(tmp_path / "nope.md"), "binary": str(binary)}
    result = slant(*[arg.format(**values) for arg in args])
    assert result.returncode == status
    err = result.stderr.decode("utf-8")
    assert err.strip(), "an error must explain itself on stderr"
    assert "Traceback" not in err


def test_a_broken_sidecar_is_reported_and_never_overwritten(article: Path) -> None:
    sidecar = article.parent / "story.md.slant.json"
    sidecar.write_bytes(b'{"format": "slant-annotations", "version": 1, oops}')
    result = slant("add", str(article), "--tag", "1", "--quote", "radical")
    assert result.returncode == 1
    assert "story.md.slant.json" in result.stderr.decode("utf-8")
    assert sidecar.read_bytes() == b'{"format": "slant-annotations", "version": 1, oops}'


def test_window_without_a_display_explains_instead_of_crashing(article: Path) -> None:
    env = {key: "" for key in ("DISPLAY", "WAYLAND_DISPLAY")}
    env_clean = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env_clean.update(env)
    result = subprocess.run(
        [sys.executable, "-m", "app", str(article)],
        capture_output=True,
        env=env_clean,
        timeout=60,
    )
    if not sys.platform.startswith("linux"):
        pytest.skip("the no-display check is for Linux")
    assert result.returncode == 1
    assert b"display" in result.stderr


def _student_sidecar(article: Path, folder: Path, name: str, quotes: list[tuple[str, str]]) -> Path:
    """Make one student's sidecar with `slant add`, then move it into *folder*."""
    for tag, quote in quotes:
        result = slant("add", str(article), "--tag", tag, "--quote", quote, "--author", name)
        assert result.returncode == 0, result.stderr
    folder.mkdir(exist_ok=True)
    target = folder / f"{name}.slant.json"
    (article.parent / "story.md.slant.json").rename(target)
    return target


def test_class_writes_every_report_and_skips_broken_files(article: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "returned"
    _student_sidecar(article, inputs, "Ana", [("1", "radical"), ("2", "sources say")])
    _student_sidecar(article, inputs, "Ben", [("1", "radical"), ("4", "3 March")])
    (inputs / "broken.slant.json").write_text("{nope", encoding="utf-8")
    out = tmp_path / "report"
    result = slant("class", str(article), str(inputs), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "broken.slant.json" in result.stderr.decode("utf-8")
    names = {p.name for p in out.iterdir()}
    assert {"annotations.csv", "students.csv", "agreement.csv", "report.html"} <= names
    assert "annotations.jsonld" in names
    students = (out / "students.csv").read_text(encoding="utf-8-sig")
    assert "Ana" in students and "Ben" in students


def test_class_pseudonymizes_every_output_except_the_name_list(
    article: Path, tmp_path: Path
) -> None:
    inputs = tmp_path / "returned"
    _student_sidecar(article, inputs, "Zelda", [("1", "radical")])
    _student_sidecar(article, inputs, "Yusuf", [("2", "sources say")])
    out = tmp_path / "report"
    result = slant("class", str(article), str(inputs), "--out", str(out), "--pseudonymize")
    assert result.returncode == 0, result.stderr
    for path in out.rglob("*"):
        if path.is_file() and path.name != "names.csv":
            content = path.read_text(encoding="utf-8-sig")
            assert "Zelda" not in content and "Yusuf" not in content, path.name
    assert "Zelda" in (out / "names.csv").read_text(encoding="utf-8-sig")


def test_w3c_export_imports_back_into_a_sidecar(article: Path, tmp_path: Path) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical", "--note", "Why radical?")
    exported = tmp_path / "ana.jsonld"
    assert slant("export", str(article), "--format", "w3c", "-o", str(exported)).returncode == 0
    fresh = tmp_path / "copy"
    fresh.mkdir()
    (fresh / "story.md").write_text(ARTICLE_MD, encoding="utf-8")
    result = slant("import", str(exported), str(fresh / "story.md"))
    assert result.returncode == 0, result.stderr
    listing = json.loads(slant("list", str(fresh / "story.md"), "--json").stdout)
    assert [(a["tag"], a["exact"], a["note"]) for a in listing] == [
        ("loaded-label", "radical", "Why radical?")
    ]


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_html_and_markdown_exports_escape_student_text(article: Path, fmt: str) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical", "--note", "<script>x</script>")
    result = slant("export", str(article), "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert b"<script>x</script>" not in result.stdout
    assert b"radical" in result.stdout


def test_screenshot_renders_the_window_and_exits(article: Path, tmp_path: Path) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical")
    shot = tmp_path / "shot.png"
    result = slant(str(article), "--screenshot", str(shot), "--size", "900x600")
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = (
        int.from_bytes(shot.read_bytes()[16:20]),
        int.from_bytes(shot.read_bytes()[20:24]),
    )
    assert (width, height) == (900, 600)


def test_opening_a_sidecar_opens_its_article(article: Path, tmp_path: Path) -> None:
    slant("add", str(article), "--tag", "1", "--quote", "radical")
    shot = tmp_path / "shot.png"
    result = slant(str(article) + ".slant.json", "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    orphan = tmp_path / "lonely.md.slant.json"
    orphan.write_text("{}", encoding="utf-8")
    result = slant(str(orphan), "--screenshot", str(shot))
    assert result.returncode == 1
    assert b"lonely.md.slant.json" in result.stderr
