"""``slant add`` on words that already carry the tag gives back that annotation, once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

STORY = "Harbour news\n\nThe so-called experts said the ferry plan was a disaster.\n"


def slant(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a user would; return the completed process (text output)."""
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ),
        timeout=120,
    )


def listed(article: Path) -> list[dict]:
    result = slant("list", str(article), "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_adding_the_same_tag_to_the_same_words_prints_the_existing_id(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    first = slant("add", str(article), "--tag", "loaded-label", "--quote", "so-called experts")
    assert first.returncode == 0, first.stderr
    existing = first.stdout.strip()
    # The same words by offsets, with spaces around that are trimmed away.
    start = STORY.index("so-called experts")
    again = slant(
        "add", str(article), "--tag", "1", "--start", str(start - 1), "--end", str(start + 18)
    )
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip() == existing
    assert "already tagged" in again.stderr and existing in again.stderr
    assert [a["id"] for a in listed(article)] == [existing]


def test_another_tag_on_the_same_words_is_a_new_annotation(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    first = slant("add", str(article), "--tag", "loaded-label", "--quote", "ferry plan")
    second = slant("add", str(article), "--tag", "unsourced-claim", "--quote", "ferry plan")
    assert first.returncode == second.returncode == 0
    assert first.stdout.strip() != second.stdout.strip()
    assert second.stderr == ""
    assert len(listed(article)) == 2
