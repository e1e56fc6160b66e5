"""How well saved web pages open as their article: token F1 against published article text.

The pages are real saved news and blog pages that two extraction libraries publish with
their expected article text, fetched at run time with pip into a cache folder outside the
repository (other outlets' pages are never committed):

- newspaper4k's sdist, tests/data/html/*.html with tests/data/txt/*.txt (news in English,
  Spanish, Arabic, Chinese, Japanese, Korean, Latvian, Thai, Burmese);
- article-extractor's sdist, tests/fixtures/fullpage_to_article_html/*/*/raw.html with
  expected.html, "manually curated selector + node cleanup" (English news and blogs).

Each method's text is scored against the expected text as bags of tokens (words; single
characters in scripts written without spaces): precision, recall and F1 per page, then
averaged over the pages. Run: .venv/bin/python benchmarks/extraction_eval.py [--cache DIR]
(readability-lxml and jusText are compared when installed: pip install readability-lxml).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SOURCES = {
    "newspaper4k": "newspaper4k==0.9.6",
    "article-extractor": "article-extractor==0.5.9",
}
_LANGUAGES = {
    "arabic": "ar",
    "burmese": "my",
    "chinese": "zh",
    "japanese": "ja",
    "latvian": "lv",
    "spanish": "es",
    "thai": "th",
    "yna_co_kr": "ko",
}
# Scripts written without spaces between words count one token per character.
_TOKEN = re.compile(
    r"[\u0e00-\u0e7f\u1000-\u109f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+"
)


@dataclass(frozen=True)
class Page:
    """A saved page, its language and its published article text."""

    name: str
    language: str
    html: bytes
    expected: str


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float


def default_cache() -> Path:
    """Outside the repository: the user's cache folder (or $SLANT_EVAL_CACHE)."""
    chosen = os.environ.get("SLANT_EVAL_CACHE")
    return Path(chosen) if chosen else Path.home() / ".cache" / "slant-extraction-eval"


def sdist(requirement: str, cache: Path) -> Path:
    """The sdist of *requirement* in *cache*, downloaded with pip the first time."""
    name = requirement.split("==")[0].replace("-", "_")
    version = requirement.split("==")[1]
    found = sorted(cache.glob(f"{name}-{version}.tar.gz"))
    if found:
        return found[0]
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            *(sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:"),
            *("--ignore-requires-python", "--quiet", requirement, "-d", str(cache)),
        ],
        check=True,
    )
    return sorted(cache.glob(f"{name}-{version}.tar.gz"))[0]


def _members(archive: Path) -> dict[str, bytes]:
    with tarfile.open(archive) as tar:
        return {
            member.name.split("/", 1)[1]: tar.extractfile(member).read()  # type: ignore[union-attr]
            for member in tar.getmembers()
            if member.isfile() and "/tests/" in f"/{member.name}"
        }


def newspaper_pages(cache: Path) -> list[Page]:
    """newspaper4k's test pages that come with their article text."""
    files = _members(sdist(SOURCES["newspaper4k"], cache))
    pages = []
    for path, html in sorted(files.items()):
        if not (path.startswith("tests/data/html/") and path.endswith(".html")):
            continue
        stem = path.rsplit("/", 1)[1].removesuffix(".html")
        expected = files.get(f"tests/data/txt/{stem}.txt")
        if expected is None or not expected.strip():
            continue
        language = next((code for key, code in _LANGUAGES.items() if key in stem), "en")
        pages.append(Page(f"newspaper4k/{stem}", language, html, expected.decode("utf-8")))
    return pages


def article_extractor_pages(cache: Path) -> list[Page]:
    """article-extractor's curated pages: raw.html with its expected.html."""
    from app.core.html_article import parse_html

    files = _members(sdist(SOURCES["article-extractor"], cache))
    prefix = "tests/fixtures/fullpage_to_article_html/"
    pages = []
    for path, html in sorted(files.items()):
        if not (path.startswith(prefix) and path.endswith("/raw.html")):
            continue
        case = path.removeprefix(prefix).removesuffix("/raw.html")
        expected = files.get(f"{prefix}{case}/expected.html")
        if expected is None:
            continue
        text = parse_html(expected.decode("utf-8")).text
        if text.strip():
            pages.append(Page(f"article-extractor/{case}", "en", html, text))
    return pages


def tokens(text: str) -> Counter[str]:
    """The bag of tokens of *text*, case-folded."""
    return Counter(_TOKEN.findall(text.casefold()))


def score(found: str, expected: str) -> Score:
    """Token precision, recall and F1 of *found* against *expected*."""
    got, want = tokens(found), tokens(expected)
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    return Score(precision, recall, f1)


def _decoded(page: Page) -> str:
    from app.core.article_formats import decode_article_bytes

    return decode_article_bytes(page.html, page.name, ".html")[0]


def slant_now(page: Page, folder: Path) -> str:
    """What `slant text PAGE.html` prints: load_article, as the CLI does."""
    from app.core.article import load_article

    path = folder / "page.html"
    path.write_bytes(page.html)
    return load_article(path).text


def slant_visible_text(page: Page, folder: Path) -> str:
    """Slant before issue 19: the whole visible text of the page."""
    from app.core.html_article import parse_html

    return parse_html(_decoded(page)).text


def trafilatura_default(page: Page, folder: Path) -> str:
    import trafilatura

    return trafilatura.extract(_decoded(page), include_comments=False) or ""


def trafilatura_precision(page: Page, folder: Path) -> str:
    import trafilatura

    return trafilatura.extract(_decoded(page), include_comments=False, favor_precision=True) or ""


def readability_lxml(page: Page, folder: Path) -> str:
    from readability import Document  # readability-lxml

    from app.core.html_article import parse_html

    return parse_html(Document(_decoded(page)).summary()).text


def justext_english(page: Page, folder: Path) -> str:
    import justext

    paragraphs = justext.justext(page.html, justext.get_stoplist("English"))
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)


METHODS: dict[str, Callable[[Page, Path], str]] = {
    "slant now (load_article)": slant_now,
    "slant before (visible text)": slant_visible_text,
    "trafilatura 2.3.1 (default)": trafilatura_default,
    "trafilatura 2.3.1 (favor_precision)": trafilatura_precision,
    "readability-lxml": readability_lxml,
    "jusText (English stoplist)": justext_english,
}


def evaluate(pages: list[Page], methods: list[str]) -> dict[str, dict[str, object]]:
    """Each method's mean precision, recall, F1, errors and time over *pages*."""
    results: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as folder:
        os.environ["SLANT_HOME"] = folder  # load_article's cache goes there, not the user's
        for name in methods:
            scores, errors, started = [], [], time.perf_counter()
            for page in pages:
                try:
                    found = METHODS[name](page, Path(folder))
                except ModuleNotFoundError as error:  # not installed: say so, score nothing
                    print(f"{name}: skipped ({error}; pip install it to compare)")
                    break
                except Exception as error:  # a library failing on a page scores 0
                    errors.append(f"{page.name}: {type(error).__name__}: {error}")
                    found = ""
                scores.append((page, score(found, page.expected)))
            if len(scores) == len(pages):
                results[name] = _summary(scores, errors, time.perf_counter() - started)
    return results


def _summary(
    scores: list[tuple[Page, Score]], errors: list[str], seconds: float
) -> dict[str, object]:
    def averaged(chosen: list[Score]) -> dict[str, float]:
        return {
            "precision": round(mean(s.precision for s in chosen), 3),
            "recall": round(mean(s.recall for s in chosen), 3),
            "f1": round(mean(s.f1 for s in chosen), 3),
        }

    by_source: dict[str, list[Score]] = {}
    for page, result in scores:
        by_source.setdefault(page.name.split("/")[0], []).append(result)
    worst = sorted(scores, key=lambda item: item[1].f1)[:5]
    return {
        **averaged([s for _, s in scores]),
        "by_source": {source: averaged(chosen) for source, chosen in by_source.items()},
        "non_english": averaged([s for p, s in scores if p.language != "en"]),
        "worst": [
            f"{p.name} F1 {s.f1:.2f} (P {s.precision:.2f} R {s.recall:.2f})" for p, s in worst
        ],
        "errors": errors,
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--method", action="append", choices=sorted(METHODS))
    parser.add_argument("--json", type=Path, help="also write the figures here")
    options = parser.parse_args()
    pages = newspaper_pages(options.cache) + article_extractor_pages(options.cache)
    languages = Counter(page.language for page in pages)
    print(f"{len(pages)} pages; languages: {dict(languages)}")
    results = evaluate(pages, options.method or list(METHODS))
    for name, result in results.items():
        print(
            f"{name:38} F1 {result['f1']:.3f}  P {result['precision']:.3f}  "
            f"R {result['recall']:.3f}  errors {len(result['errors'])}  {result['seconds']} s"
        )
        for source, figures in result["by_source"].items():  # type: ignore[attr-defined]
            print(
                f"    {source:20} F1 {figures['f1']:.3f}  P {figures['precision']:.3f}  "
                f"R {figures['recall']:.3f}"
            )
        print(f"    {'non-English':20} F1 {result['non_english']['f1']:.3f}")  # type: ignore[index]
        for line in result["worst"]:  # type: ignore[attr-defined]
            print(f"    worst: {line}")
        for line in result["errors"]:  # type: ignore[attr-defined]
            print(f"    error: {line}")
    if options.json:
        pages_info = {"pages": len(pages), "languages": dict(languages)}
        options.json.write_text(json.dumps({**pages_info, "methods": results}, indent=2))


if __name__ == "__main__":
    main()
