"""Deterministic benchmark data: English-like articles and annotation sets.

Every benchmark builds its inputs here so that figures are comparable between runs.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.annotations import Annotation, context_around
from app.core.article import Article, parse_plain_text
from app.core.sidecar import Author, dump_sidecar, new_sidecar
from app.core.tags import default_tagset

WORDS = [
    "the",
    "council",
    "said",
    "on",
    "monday",
    "that",
    "its",
    "budget",
    "for",
    "schools",
    "would",
    "rise",
    "while",
    "critics",
    "argued",
    "the",
    "plan",
    "was",
    "rushed",
    "and",
    "residents",
    "asked",
    "whether",
    "officials",
    "had",
    "consulted",
    "teachers",
    "parents",
    "or",
    "local",
    "businesses",
    "before",
    "the",
    "vote",
    "which",
    "passed",
    "after",
    "a",
    "long",
    "debate",
    "about",
    "housing",
    "transport",
    "water",
    "prices",
    "and",
    "the",
    "future",
    "of",
    "the",
    "old",
    "harbour",
    "district",
    "where",
    "new",
    "flats",
    "shops",
    "and",
    "a",
    "park",
    "are",
    "planned",
    "by",
    "developers",
    "who",
    "promise",
    "jobs",
    "growth",
    "and",
    "cleaner",
    "streets",
    "although",
    "reports",
    "suggest",
    "costs",
    "may",
    "double",
]
TAG_IDS = default_tagset().ids()
TIMESTAMP = "2026-11-01T09:00:00.000Z"


def english_text(target_chars: int, seed: int = 1) -> str:
    """Plain text of about *target_chars* characters: a title and ~80-word paragraphs."""
    rng = random.Random(seed)
    parts = ["A generated article for benchmarks\n"]
    size = len(parts[0])
    while size < target_chars:
        words = [rng.choice(WORDS) for _ in range(rng.randint(70, 90))]
        sentence_ends = sorted(rng.sample(range(5, len(words) - 1), 5))
        for index in sentence_ends:
            words[index] += "."
        paragraph = " ".join(words).capitalize() + ".\n"
        parts.append("\n" + paragraph)
        size += len(paragraph) + 1
    return "".join(parts)


def english_words(word_count: int, seed: int = 1) -> str:
    """Plain text of about *word_count* words in ~80-word paragraphs."""
    return english_text(word_count * 6, seed)


def random_annotations(text: str, count: int, seed: int = 2) -> list[Annotation]:
    """*count* annotations of 5-200 characters over all four tags, ~20% overlapping."""
    rng = random.Random(seed)
    annotations: list[Annotation] = []
    slot = max(1, (len(text) - 210) // max(1, count))
    for index in range(count):
        if annotations and rng.random() < 0.2:
            anchor = annotations[-1]
            start = rng.randint(anchor.start, max(anchor.start, anchor.end - 1))
        else:
            start = min(len(text) - 6, index * slot + rng.randint(0, max(0, slot // 2)))
        end = min(len(text), start + rng.randint(5, 200))
        prefix, suffix = context_around(text, start, end)
        annotations.append(
            Annotation(
                id=f"00000000-0000-4000-8000-{index:012d}",
                tag=TAG_IDS[index % len(TAG_IDS)],
                start=start,
                end=end,
                exact=text[start:end],
                prefix=prefix,
                suffix=suffix,
                note="generated" if index % 3 == 0 else "",
                created=TIMESTAMP,
                modified=TIMESTAMP,
            )
        )
    return annotations


def write_article(folder: Path, name: str, text: str, annotations: list[Annotation]) -> Path:
    """Write the article (and its sidecar when there are annotations); return its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    if annotations:
        article = parse_plain_text(text, path)
        sidecar = new_sidecar(article, Author("Benchmark", "student"))
        sidecar.annotations.extend(annotations)
        (folder / f"{name}.slant.json").write_bytes(dump_sidecar(sidecar))
    return path


def load_text_article(text: str) -> Article:
    """The Article for generated plain text (no file needed)."""
    return parse_plain_text(text, Path("generated.txt"))
