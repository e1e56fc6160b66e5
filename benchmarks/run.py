"""Run every benchmark in fresh processes and write benchmarks/results.json.

Usage: python benchmarks/run.py [--quick] [--only NAME] [--output PATH]

Each benchmark runs one warm-up and then 5 measured repetitions (15 pairs for start-up
and opening, 3 of everything with --quick), every one in a new process. Where the target
is a ratio, the baseline command runs in the same invocation, alternating with the
measured one, so that drift of the machine cancels out.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from benchmarks import data  # noqa: E402

PROBE = HERE / "probe.py"
T = TypeVar("T")


@dataclass
class Result:
    """One row of the results table."""

    name: str
    median: float
    low: float
    high: float
    unit: str
    target: str
    met: bool
    detail: str = ""

    def to_json(self) -> dict:
        """The row as written to results.json."""
        return {
            "name": self.name,
            "median": round(self.median, 4),
            "min": round(self.low, 4),
            "max": round(self.high, 4),
            "unit": self.unit,
            "target": self.target,
            "met": self.met,
            "detail": self.detail,
        }


def probe(*args: str) -> dict:
    """Run benchmarks/probe.py in a fresh process; return the JSON it prints."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SLANT_HOME=tempfile.mkdtemp())
    launched_at = time.time()
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(PROBE), *args], capture_output=True, text=True, env=env, timeout=600
    )
    if done.returncode != 0:
        raise RuntimeError(f"probe {args} failed:\n{done.stderr[-3000:]}")
    wall = time.perf_counter() - began
    row = json.loads(done.stdout.strip().splitlines()[-1])
    if "painted_at" in row:
        row["painted_seconds"] = row["painted_at"] - launched_at
    return dict(row, wall_seconds=wall)


def compile_bytecode() -> None:
    """Write the .pyc files an installed Slant has (pip compiles them when it installs).

    Without this, a checkout run with PYTHONDONTWRITEBYTECODE=1 would compile every
    module from source in every measured process, which no installed copy does.
    """
    import compileall

    compileall.compile_dir(ROOT / "app", quiet=1)


def paired(
    measured: Callable[[], T], baseline: Callable[[], T], reps: int
) -> tuple[list[T], list[T]]:
    """Alternate measured and baseline runs after one warm-up of each."""
    measured()
    baseline()
    ours, floor = [], []
    for _ in range(reps):
        ours.append(measured())
        floor.append(baseline())
    return ours, floor


def repeated(measured: Callable[[], float], reps: int) -> list[float]:
    """One warm-up, then *reps* measured runs."""
    measured()
    return [measured() for _ in range(reps)]


def ratio_result(
    name: str, ours: list[float], floor: list[float], limit: float, extra: str = ""
) -> Result:
    """A ratio benchmark: the median of per-pair ratios against *limit*."""
    ratios = [a / b for a, b in zip(ours, floor, strict=True)]
    median = statistics.median(ratios)
    detail = (
        f"ours median {statistics.median(ours):.3f}, floor median {statistics.median(floor):.3f}"
    )
    return Result(
        name,
        median,
        min(ratios),
        max(ratios),
        "ratio",
        f"<= {limit}x{extra}",
        median <= limit,
        detail,
    )


def absolute_result(name: str, values: list[float], unit: str, limit: float) -> Result:
    """An absolute benchmark against an upper *limit*."""
    median = statistics.median(values)
    return Result(
        name, median, min(values), max(values), unit, f"<= {limit} {unit}", median <= limit
    )


# The targets of issue 15 ("One plain core"), relaxed on purpose from the earlier 1.5x,
# 1.5x and 1.3x: a few milliseconds are not worth code a newcomer cannot follow.
STARTUP_LIMIT = 1.75


def bench_startup(work: Path, reps: int) -> list[Result]:
    """Launch to the painted window with the sample and its key, against bare Qt.

    The target counts from the launch of the process to the painted window. The whole
    process, exit included, and the same start-up with the sample's Markdown edition
    (whose parser takes longer to import) are reported beside it for information.
    """
    markdown = str(ROOT / "tests" / "fixtures" / "westmere-phone-ban.md")
    probe("startup", markdown)  # its warm-up; paired() warms up the other two
    runs: list[dict] = []

    def sample_then_markdown() -> dict:
        row = probe("startup")
        runs.append(probe("startup", markdown))
        return row

    ours, floor = paired(sample_then_markdown, lambda: probe("floor-startup"), reps)
    painted = ratio_result(
        "startup_sample_with_key",
        [row["painted_seconds"] for row in ours],
        [row["painted_seconds"] for row in floor],
        STARTUP_LIMIT,
    )
    whole = ratio_result(
        "startup_whole_process",
        [row["wall_seconds"] for row in ours],
        [row["wall_seconds"] for row in floor],
        1.5,
    )
    whole.target, whole.met = "none (informative)", True
    whole.detail += "; launch to exit, so it includes tearing the window down"
    as_markdown = ratio_result(
        "startup_markdown_edition",
        [row["painted_seconds"] for row in runs[-reps:]],
        [row["painted_seconds"] for row in floor],
        1.5,
    )
    as_markdown.target, as_markdown.met = "none (informative)", True
    as_markdown.detail += "; the sample's text as a .md file, so markdown-it is imported"
    return [painted, whole, as_markdown]


def bench_open(
    work: Path, reps: int, chars: int, count: int, name: str, limit: float, absolute: float | None
) -> list[Result]:
    """Open an article to painted highlights, against the same article with none."""
    text = data.english_text(chars, seed=7)
    annotated = data.write_article(
        work / name, "article.txt", text, data.random_annotations(text, count)
    )
    plain = data.write_article(work / f"{name}-plain", "article.txt", text, [])
    ours, floor = paired(
        lambda: probe("open", str(annotated))["seconds"],
        lambda: probe("open", str(plain))["seconds"],
        reps,
    )
    results = [ratio_result(name, ours, floor, limit)]
    if absolute is not None:
        results.append(absolute_result(f"{name}_seconds", ours, "s", absolute))
    return results


def bench_inprocess(work: Path, reps: int, chars: int, count: int) -> list[Result]:
    """Add/remove one highlight and scroll, with *count* present (in a fresh process each)."""
    text = data.english_text(chars, seed=7)
    path = data.write_article(
        work / "edit", "article.txt", text, data.random_annotations(text, count)
    )
    rows = [probe("edit", str(path)) for _ in range(reps + 1)][1:]
    results = []
    for key, label in (
        ("add_ms", "add_one_with_10k"),
        ("remove_ms", "remove_one_with_10k"),
        ("scroll_ms", "scroll_middle_with_10k"),
    ):
        results.append(absolute_result(label, [row[key] for row in rows], "ms", 16))
    first = absolute_result(
        "first_scroll_right_after_open", [row["first_scroll_ms"] for row in rows], "ms", 16
    )
    first.target = "none (informative)"
    first.met = True
    first.detail = "includes Qt's lazy layout of the document up to the middle"
    return [*results, first]


def bench_autosave(work: Path, reps: int, chars: int, count: int) -> list[Result]:
    """Longest gap between 5 ms timer ticks while 10,000 annotations are autosaved."""
    text = data.english_text(chars, seed=7)
    path = data.write_article(
        work / "save", "article.txt", text, data.random_annotations(text, count)
    )
    rows = [probe("autosave", str(path)) for _ in range(reps + 1)][1:]  # one warm-up
    stalls = [row["max_gap_ms"] for row in rows]
    saving = absolute_result("autosave_10k_longest_stall", stalls, "ms", 50)
    layout = absolute_result(
        "layout_after_open_longest_stall", [r["layout_gap_ms"] for r in rows], "ms", 50
    )
    layout.target, layout.met = "none (informative)", True
    layout.detail = "Qt laying out the rest of a just-opened 1 MB article while idle"
    return [saving, layout]


def bench_script(
    module: str, name: str, key: str, limit: float, reps: int, *args: str
) -> list[Result]:
    """A benchmark module with run() printing JSON, each repetition in a fresh process."""

    def once() -> float:
        done = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{module}", *args],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        )
        if done.returncode != 0:
            raise RuntimeError(f"{module} failed:\n{done.stderr[-3000:]}")
        return float(json.loads(done.stdout.strip().splitlines()[-1])[key])

    return [absolute_result(name, repeated(once, reps), "s", limit)]


def bench_pages(work: Path, reps: int, pair_reps: int) -> list[Result]:
    """Saved web pages (issue 19): the first open of a 1 MB page (extractor imported and
    run, cache empty) and reopening a 50 KB page (cached) against its Markdown edition."""
    pages = work / "pages"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_pages", "make", str(pages)], cwd=ROOT, check=True
    )

    def opened(path: Path, home: str) -> float:
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.bench_pages", "open", str(path)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=600,
            env=dict(os.environ, SLANT_HOME=home),
        )
        if done.returncode != 0:
            raise RuntimeError(f"bench_pages failed:\n{done.stderr[-3000:]}")
        return float(json.loads(done.stdout.strip().splitlines()[-1])["seconds"])

    first = repeated(lambda: opened(pages / "page-1mb.html", tempfile.mkdtemp()), reps)
    warm = tempfile.mkdtemp()  # the warm-up run of paired() fills this cache
    ours, floor = paired(
        lambda: opened(pages / "page-50k.html", warm),
        lambda: opened(pages / "page-50k.md", warm),
        pair_reps,
    )
    return [
        absolute_result("page_first_open_1mb", first, "s", 1.0),
        ratio_result("page_reopen_50kb_vs_markdown", ours, floor, 1.5),
    ]


def bench_memory(work: Path, reps: int, chars: int, count: int) -> list[Result]:
    """Peak resident memory with 50,000 annotations against the same article without."""
    text = data.english_text(chars, seed=9)
    annotated = data.write_article(
        work / "mem", "article.txt", text, data.random_annotations(text, count)
    )
    plain = data.write_article(work / "mem-plain", "article.txt", text, [])
    ours, floor = paired(
        lambda: probe("open", str(annotated))["peak_rss_mb"],
        lambda: probe("open", str(plain))["peak_rss_mb"],
        reps,
    )
    return [ratio_result("peak_memory_50k", ours, floor, 1.5)]


def machine() -> dict:
    """What the figures were measured on."""
    try:
        from importlib.metadata import version

        pyside = version("PySide6-Essentials")
    except Exception:
        pyside = "unknown"
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "pyside6": pyside,
        "platform": platform.platform(),
        "processor": platform.machine(),
    }


def main() -> int:
    """Run the suite, print the table and write the results (results.json unless --output)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repetitions, smaller memory case")
    parser.add_argument("--only", help="run only benchmarks whose name contains this")
    parser.add_argument(
        "--output",
        type=Path,
        default=HERE / "results.json",
        help="where to write the results (default: benchmarks/results.json)",
    )
    args = parser.parse_args()
    reps = 3 if args.quick else 5
    # The start-up and open ratios sit close to their targets and a process launch on a
    # shared machine now and then takes twice as long: more pairs steady their medians.
    pair_reps = 3 if args.quick else 15
    mem_chars, mem_count = (1_000_000, 10_000) if args.quick else (5_000_000, 50_000)
    work = Path(tempfile.mkdtemp(prefix="slant-bench-"))
    compile_bytecode()
    suite: list[tuple[str, Callable[[], list[Result]]]] = [
        ("startup", lambda: bench_startup(work, pair_reps)),
        ("open_50k", lambda: bench_open(work, pair_reps, 50_000, 500, "open_50kb_500", 1.3, None)),
        (
            "open_1mb",
            lambda: bench_open(work, pair_reps, 1_000_000, 10_000, "open_1mb_10k", 1.75, 1.5),
        ),
        ("edit", lambda: bench_inprocess(work, reps, 1_000_000, 10_000)),
        ("autosave", lambda: bench_autosave(work, reps, 1_000_000, 10_000)),
        (
            "reanchor",
            lambda: bench_script("bench_reanchor", "reanchor_10k_1mb", "seconds", 1.0, reps),
        ),
        ("class", lambda: bench_script("bench_class", "class_40x300", "seconds", 2.0, reps)),
        (
            "class_zip",
            lambda: bench_script("bench_class", "class_zip_40x300", "seconds", 2.0, reps, "--zip"),
        ),
        (
            "class_view",
            lambda: bench_script("bench_class_view", "class_view_40x300", "seconds", 1.0, reps),
        ),
        ("memory", lambda: bench_memory(work, reps, mem_chars, mem_count)),
        ("pages", lambda: bench_pages(work, reps, pair_reps)),
    ]
    results: list[Result] = []
    for key, run in suite:
        if args.only and args.only not in key:
            continue
        print(f"running {key} ...", file=sys.stderr, flush=True)
        results.extend(run())
    print(f"{'benchmark':34} {'median':>10} {'min':>10} {'max':>10}  unit   target       met")
    for row in results:
        print(
            f"{row.name:34} {row.median:10.3f} {row.low:10.3f} {row.high:10.3f}  "
            f"{row.unit:6} {row.target:12} {'yes' if row.met else 'NO'}"
        )
    output = {
        "machine": machine(),
        "quick": args.quick,
        "benchmarks": [row.to_json() for row in results],
    }
    args.output.write_text(json.dumps(output, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
