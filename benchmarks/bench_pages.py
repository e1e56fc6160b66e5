"""Benchmark: opening saved web pages (issue 19). Each mode runs in a fresh process.

``python -m benchmarks.bench_pages make FOLDER`` writes a 1 MB saved news page, a 50 KB
one and the 50 KB page's article as Markdown; ``python -m benchmarks.bench_pages open
PATH`` prints the seconds load_article takes on PATH in this new process (for a web page:
the extractor's import and work when the cache is cold, reading the cache when warm).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import data

MENU = "".join(f'<li><a href="/section/{n}">Section {n}</a></li>' for n in range(60))


def page_html(paragraphs: list[str], padding_bytes: int) -> str:
    """A saved news page: menus, share bar, the story, related links, comments, and
    *padding_bytes* of inline scripts and styles, as browsers save them."""
    story = "".join(f"<p>{text}</p>" for text in paragraphs)
    related = "".join(
        f'<li><a href="/story/{n}">Related story number {n}</a></li>' for n in range(80)
    )
    comments = "".join(
        f'<div class="comment"><p class="who">reader{n}</p><p>{said[:120]}</p></div>'
        for n, said in enumerate(paragraphs[:40])
    )
    script = "var state = " + json.dumps({"items": ["x" * 70] * 50}) + ";\n"
    scripts = "".join(
        f"<script>{script}</script>" for _ in range(padding_bytes // (len(script) + 17))
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Council approves the harbour plan | The Benchmark Courier</title>"
        '<meta property="og:site_name" content="The Benchmark Courier">'
        '<meta name="author" content="Alex Doe">'
        '<meta property="article:published_time" content="2026-01-05">'
        f"{scripts}</head><body>"
        '<div class="cookie">We use cookies. <button>Accept</button></div>'
        f"<header><nav><ul>{MENU}</ul></nav></header><main><article>"
        "<h1>Council approves the harbour plan</h1>"
        '<div class="share"><a href="/s/f">Share</a> <a href="/s/x">Post</a></div>'
        f"{story}</article><aside><h3>Related</h3><ul>{related}</ul></aside>"
        f'<section class="comments">{comments}</section></main>'
        f"<footer><ul>{MENU}</ul></footer></body></html>"
    )


def paragraphs_of(chars: int, seed: int) -> list[str]:
    """Generated English text of *chars* characters, in paragraphs of 90 words."""
    words = data.english_text(chars, seed=seed).split()
    return [" ".join(words[i : i + 90]) for i in range(0, len(words), 90)]


def make(folder: Path) -> None:
    """Write page-1mb.html, page-50k.html and page-50k.md (its article as Markdown)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "page-1mb.html").write_text(page_html(paragraphs_of(60_000, 3), 900_000), "utf-8")
    small = paragraphs_of(25_000, 4)
    (folder / "page-50k.html").write_text(page_html(small, 15_000), "utf-8")
    markdown = "# Council approves the harbour plan\n\n" + "\n\n".join(small) + "\n"
    (folder / "page-50k.md").write_text(markdown, "utf-8")


def open_seconds(path: Path) -> float:
    """Seconds load_article takes on *path* in this process (imports included)."""
    began = time.perf_counter()
    from app.core.article import load_article

    load_article(path)
    return time.perf_counter() - began


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    if mode == "make":
        make(target)
    else:
        print(json.dumps({"seconds": open_seconds(target)}))
