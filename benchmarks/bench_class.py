"""Benchmark: gather a class of 40 sidecars x 300 annotations and write every output.

Run ``python benchmarks/bench_class.py [--zip]`` (or ``python -m benchmarks.bench_class``);
it prints one JSON object, and ``run()`` returns the same dict. With ``--zip`` the class
is handed to ``gather_class`` as a Moodle download: one deflated zip with a folder per
student (``Name_1234567_assignsubmission_file_/...``), read in memory. Everything is seeded: a
10,000-word article, an answer key of 300 spans, and 40 students who each find part of
the key (with ragged edges and some wrong tags) and add spans of their own, so that the
statistics have realistic work to do. Target: at most 2 s on a slow 2-core machine.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.annotations import Annotation, context_around
from app.core.article import Article, parse_plain_text
from app.core.classroom import gather_class, write_class_outputs
from app.core.sidecar import Author, dump_sidecar, new_sidecar
from app.core.tags import default_tagset
from benchmarks.data import english_words

SEED = 20260311
WORDS = 10_000
STUDENTS = 40
PER_STUDENT = 300
TAGS = default_tagset().ids()
STAMP = "2026-03-11T09:00:00.000Z"


def _span(rng: random.Random, text: str, tag: str, start: int, end: int) -> Annotation:
    start, end = max(0, min(start, len(text) - 5)), min(len(text), max(end, start + 5))
    prefix, suffix = context_around(text, start, end)
    return Annotation(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        tag=tag,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=prefix,
        suffix=suffix,
        note="because the source is not named" if rng.random() < 0.2 else "",
        created=STAMP,
        modified=STAMP,
    )


def _random_spans(rng: random.Random, text: str, count: int) -> list[Annotation]:
    """*count* spans of 5-200 characters, about 20% of them overlapping the one before."""
    spans: list[Annotation] = []
    for _ in range(count):
        if spans and rng.random() < 0.2:
            start = rng.randint(spans[-1].start, spans[-1].end - 1)
        else:
            start = rng.randrange(0, len(text) - 5)
        spans.append(_span(rng, text, rng.choice(TAGS), start, start + rng.randint(5, 200)))
    return spans


def _student(rng: random.Random, text: str, key: list[Annotation]) -> list[Annotation]:
    """Part of the key, with jittered edges and some wrong tags, topped up at random."""
    found: list[Annotation] = []
    for span in key:
        if rng.random() < 0.6:
            tag = span.tag if rng.random() < 0.85 else rng.choice(TAGS)
            found.append(
                _span(
                    rng,
                    text,
                    tag,
                    span.start + rng.randint(-10, 10),
                    span.end + rng.randint(-10, 10),
                )
            )
    return found + _random_spans(rng, text, PER_STUDENT - len(found))


def _write(folder: Path, name: str, article: Article, who: Author, spans: list[Annotation]) -> Path:
    sidecar = new_sidecar(article, who)
    sidecar.annotations.extend(spans)
    path = folder / name
    path.write_bytes(dump_sidecar(sidecar))
    return path


def make_class(folder: Path) -> tuple[Article, Path, Path]:
    """Write the article, 40 student sidecars and the key; return (article, class folder, key)."""
    rng = random.Random(SEED)
    text = english_words(WORDS, seed=SEED)
    article_path = folder / "article.txt"
    article_path.write_text(text, encoding="utf-8")
    article = parse_plain_text(text, article_path)
    key_spans = _random_spans(rng, text, PER_STUDENT)
    key = _write(folder, "key.slant.json", article, Author("Teacher", "teacher"), key_spans)
    students = folder / "class"
    students.mkdir()
    for number in range(1, STUDENTS + 1):
        who = Author(f"Student {number:02d}", "student")
        spans = _student(rng, text, key_spans)
        _write(students, f"student-{number:02d}.article.txt.slant.json", article, who, spans)
    return article, students, key


def as_moodle_zip(students: Path, zip_path: Path) -> Path:
    """The class folder as Moodle's "Download all submissions" zip (deflated)."""
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, path in enumerate(sorted(students.iterdir()), start=1):
            folder = f"Student {number:02d}_{1234500 + number}_assignsubmission_file_"
            archive.write(path, f"{folder}/{path.name}")
    return zip_path


def run(zipped: bool = False) -> dict:
    """Build the class in a temporary folder and time gather_class + write_class_outputs
    (on a zip of the class when *zipped*)."""
    with tempfile.TemporaryDirectory(prefix="slant-bench-class-") as temp:
        folder = Path(temp)
        article, students, key = make_class(folder)
        source = as_moodle_zip(students, folder / "submissions.zip") if zipped else students
        began = time.perf_counter()
        class_data = gather_class(article, [source], key)
        written = write_class_outputs(class_data, folder / "out", pseudonymize=False)
        seconds = time.perf_counter() - began
        return {
            "name": "class_zip_40x300" if zipped else "class_40x300",
            "seconds": round(seconds, 4),
            "students": len(class_data.students),
            "annotations": sum(len(s.sidecar.annotations) for s in class_data.students),
            "characters": article.length,
            "files_written": len(written),
        }


if __name__ == "__main__":
    print(json.dumps(run(zipped="--zip" in sys.argv[1:])))
