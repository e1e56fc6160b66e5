"""``slant page``: a saved web page's article frozen as Markdown, through real subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

BODY = " ".join(
    f"Paragraph sentence {n} about the harbour ferry plan, its costs and its critics."
    for n in range(6)
)
PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour Mayor Unveils Ferry Deal | The Harbour Herald</title>
<meta property="og:title" content="Harbour Mayor Unveils Ferry Deal">
<meta property="og:site_name" content="The Harbour Herald">
<meta name="author" content="Ida Brandt">
<meta property="article:published_time" content="2026-05-09">
<link rel="canonical" href="https://herald.example/2026/05/09/ferry-deal">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Harbour Mayor Unveils Ferry Deal</h1>
<p>{BODY}</p>
<h2>What *the* deal says</h2>
<p>The council's <b>radical</b> plan passed 5-2 &amp; <i>insiders</i> cheered. {BODY}</p>
<ul><li>1. Routes: 13 new [ferry] lines</li><li># Cost: $4 million</li></ul>
<blockquote><p>"We are ready," said people familiar with the matter. {BODY}</p></blockquote>
</article>
<footer>Copyright The Harbour Herald</footer>
</body></html>
"""


def slant(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI as a user would; return the completed process (bytes output)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        input=stdin,
        capture_output=True,
        env=dict(os.environ),
        timeout=120,
    )


def canonical(path: Path) -> str:
    result = slant("text", str(path))
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    return path


def test_the_markdown_written_loads_to_the_pages_article_text(page: Path, tmp_path) -> None:
    out = tmp_path / "ferry.md"
    result = slant("page", str(page), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert canonical(out) == canonical(page)
    assert "Harbour Mayor Unveils Ferry Deal" in canonical(out)
    written = out.read_text(encoding="utf-8")
    assert written.startswith("[title]: # ")
    assert '[url]: # "https://herald.example/2026/05/09/ferry-deal"' in written


def test_without_output_the_markdown_goes_to_standard_output(page: Path, tmp_path) -> None:
    result = slant("page", str(page))
    assert result.returncode == 0, result.stderr
    out = tmp_path / "printed.md"
    out.write_bytes(result.stdout)
    assert canonical(out) == canonical(page)


def test_html_on_standard_input_gives_the_same_markdown_as_its_file(page: Path) -> None:
    from_file = slant("page", str(page))
    from_stdin = slant("page", "-", stdin=PAGE.encode("utf-8"))
    assert from_stdin.returncode == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout


def test_an_existing_output_is_kept_unless_forced(page: Path, tmp_path) -> None:
    out = tmp_path / "ferry.md"
    out.write_text("my own notes\n", encoding="utf-8")
    refused = slant("page", str(page), "-o", str(out))
    assert refused.returncode == 1
    assert str(out) in refused.stderr.decode()
    assert "--force" in refused.stderr.decode()
    assert out.read_text(encoding="utf-8") == "my own notes\n"
    forced = slant("page", str(page), "-o", str(out), "--force")
    assert forced.returncode == 0, forced.stderr
    assert canonical(out) == canonical(page)


def test_a_folder_as_output_is_refused_with_its_name(page: Path, tmp_path) -> None:
    result = slant("page", str(page), "-o", str(tmp_path))
    assert result.returncode == 1
    assert str(tmp_path) in result.stderr.decode()


def test_a_source_that_is_no_web_page_is_a_usage_error(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Just notes\n", encoding="utf-8")
    result = slant("page", str(notes))
    assert result.returncode == 2
    assert "notes.txt" in result.stderr.decode()


def test_a_page_without_an_article_says_its_whole_text_was_kept(tmp_path: Path) -> None:
    index = tmp_path / "index.html"
    index.write_text(
        "<html><head><title>Index</title></head><body><ul><li>Home</li><li>Sport</li>"
        "</ul></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "index.md"
    result = slant("page", str(index), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "whole text of the page" in result.stderr.decode()
    assert canonical(out) == canonical(index)


def test_a_missing_source_is_named(tmp_path: Path) -> None:
    result = slant("page", str(tmp_path / "gone.html"))
    assert result.returncode == 1
    assert "gone.html" in result.stderr.decode()
