"""Benchmark: re-anchor 10,000 annotations after a few hundred edits to a 1 MB article.

Run ``python benchmarks/bench_reanchor.py``; it prints one JSON object. ``run()`` returns
the same dict. Everything is seeded, so two runs differ only in ``seconds``. Besides the
time and the status counts it reports ``misplaced``: anchored annotations that do not
overlap the place their words really went (known here because the edits are ours).
"""

from __future__ import annotations

import json
import random
import re
import sys
import time
from bisect import bisect_right
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.core.anchoring import reanchor
from app.core.annotations import Annotation, context_around

SEED = 20240611
TEXT_CHARS = 1_000_000
ANNOTATIONS = 10_000
OVERLAPPING = 1_000  # placed inside or across another span, so ~20% take part in an overlap
TAGS = ("loaded-language", "unsourced-claim", "promotion", "fact")
INSERTIONS, DELETIONS, TYPO_FIXES = 150, 100, 150
SENTENCE_END = re.compile(r"[.?!]")

COMMON_WORDS = (
    "the of and to a in that is was for on said with he it as at by his from be have has "
    "but an are they not this who which their had been were its after more would about "
    "one also new over all when there than into her up out could two year government "
    "people state officials police city president minister week told report percent "
    "million according court country public company plan former first last since under "
    "while some federal national health workers law election party council spokesman"
)
SYLLABLES = "ba be ca co da de fi ga ge in ka lo ma me mi na ne no pa pe ra re ri sa se ta te to"


def _vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Common words plus 6,000 made-up ones, Zipf-weighted like real English."""
    syllables = SYLLABLES.split()
    rare = {"".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(6000)}
    words = COMMON_WORDS.split() + sorted(rare)
    weights = [1.0 / (rank + 8) for rank in range(len(words))]
    return words, weights


def _sentence(rng: random.Random, words: list[str], weights: list[float], count: int) -> str:
    chosen = rng.choices(words, weights, k=count)
    return " ".join(chosen).capitalize() + rng.choice(".....?!")


def make_text(rng: random.Random) -> str:
    """~1 MB of ~80-word paragraphs separated by blank lines."""
    words, weights = _vocabulary(rng)
    paragraphs: list[str] = []
    total = 0
    while total < TEXT_CHARS:
        sentences, count = [], 0
        while count < 72:
            size = rng.randint(8, 28)
            sentences.append(_sentence(rng, words, weights, size))
            count += size
        paragraphs.append(" ".join(sentences))
        total += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def _span(text: str, rng: random.Random, start: int, limit: int) -> tuple[int, int] | None:
    """A word-aligned span of 5-200 chars starting at or after *start*, ending by *limit*."""
    start = text.find(" ", start, limit) + 1
    if start <= 0:
        return None
    end = start + int(rng.triangular(5, 200, 20))
    end = min(end, limit)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if end - start < 5:
        return None
    return start, end


def make_annotations(text: str, rng: random.Random) -> list[Annotation]:
    """10,000 annotations: slotted ones, then some across or inside existing ones."""
    spans: list[tuple[int, int]] = []
    slotted = ANNOTATIONS - OVERLAPPING
    slot = len(text) // slotted
    for i in range(slotted * 3):
        if len(spans) == slotted:
            break
        begin = (i % slotted) * slot + rng.randint(0, slot // 2)
        span = _span(text, rng, begin, (i % slotted + 1) * slot)
        if span:
            spans.append(span)
    while len(spans) < ANNOTATIONS:
        base_start, base_end = rng.choice(spans[:slotted])
        span = _span(text, rng, rng.randint(base_start, base_end), len(text))
        if span:
            spans.append(span)
    annotations = []
    for number, (start, end) in enumerate(spans):
        prefix, suffix = context_around(text, start, end)
        stamp = "2024-06-11T09:00:00.000Z"
        annotations.append(
            Annotation(
                id=f"a{number:05d}",
                tag=TAGS[number % len(TAGS)],
                start=start,
                end=end,
                exact=text[start:end],
                prefix=prefix,
                suffix=suffix,
                created=stamp,
                modified=stamp,
            )
        )
    return annotations


def _edit_plan(text: str, rng: random.Random) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) edits in original-text coordinates."""
    words, weights = _vocabulary(rng)
    kinds = ["insert"] * INSERTIONS + ["delete"] * DELETIONS + ["typo"] * TYPO_FIXES
    rng.shuffle(kinds)
    edits: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for kind in kinds:
        while True:
            at = text.find(" ", rng.randrange(len(text) - 500)) + 1
            if kind == "insert" and rng.random() < 0.3:
                edit = (at, at, _sentence(rng, words, weights, rng.randint(6, 20)) + " ")
            elif kind == "insert":
                edit = (at, at, " ".join(rng.choices(words, weights, k=rng.randint(1, 4))) + " ")
            elif kind == "delete" and rng.random() < 0.4:
                edit = (at, SENTENCE_END.search(text, at).end(), "")  # rest of the sentence
            elif kind == "delete":
                edit = (at, text.find(" ", at) + 1, "")
            else:
                word_end = text.find(" ", at)
                if word_end - at < 4:
                    continue
                i = rng.randrange(at + 1, word_end - 1)
                edit = (i, i + 1, rng.choice(["", text[i] * 2, "e", "a"]))
            if all(edit[1] + 40 < lo or hi + 40 < edit[0] for lo, hi in taken):
                break
        taken.append((edit[0], edit[1]))
        edits.append(edit)
    return sorted(edits)


def apply_edits(text: str, rng: random.Random) -> tuple[str, object]:
    """Apply the edit plan and one paragraph move; return the text and an offset mapper."""
    edits = _edit_plan(text, rng)
    pieces, cursor = [], 0
    for start, end, replacement in edits:
        pieces += [text[cursor:start], replacement]
        cursor = end
    edited = "".join([*pieces, text[cursor:]])
    starts = [start for start, _, _ in edits]
    shifts, total = [], 0
    for start, end, replacement in edits:
        total += len(replacement) - (end - start)
        shifts.append(total)

    # Move a paragraph from about 60% of the text to about 20%.
    source = edited.find("\n\n", len(edited) * 6 // 10) + 2
    source_end = edited.find("\n\n", source) + 2
    target = edited.find("\n\n", len(edited) // 5) + 2
    moved = edited[source:source_end]
    edited = edited[:target] + moved + edited[target:source] + edited[source_end:]

    def where(old: int) -> int:
        """Where original offset *old* is in the edited text (edits collapse to their start)."""
        i = bisect_right(starts, old) - 1
        if i >= 0 and old < edits[i][1]:
            new = edits[i][0] + (shifts[i - 1] if i else 0)
        else:
            new = old + (shifts[i] if i >= 0 else 0)
        if target <= new < source:
            return new + len(moved)
        if source <= new < source_end:
            return new - (source - target)
        return new

    return edited, where


def _on_its_words(placed: Annotation, first: int, last: int) -> bool:
    """Whether *placed* covers where the span's first or last character went, or lies
    between them (a span across the moved paragraph's edge has its ends far apart)."""
    if placed.start <= first < placed.end or placed.start <= last < placed.end:
        return True
    return first <= last and placed.start <= last and first < placed.end


def run() -> dict:
    """Build the article, annotations and edits, re-anchor once, and report."""
    rng = random.Random(SEED)
    text = make_text(rng)
    annotations = make_annotations(text, rng)
    edited, where = apply_edits(text, rng)
    began = time.perf_counter()
    placed = reanchor(edited, annotations)
    seconds = time.perf_counter() - began
    statuses = {status: 0 for status in ("exact", "moved", "fuzzy", "orphan")}
    misplaced = 0
    for old, new in zip(annotations, placed, strict=True):
        statuses[new.status] += 1
        if new.status != "orphan":
            misplaced += not _on_its_words(new, where(old.start), where(old.end - 1))
    return {
        "name": "reanchor_10k_1mb",
        "seconds": round(seconds, 4),
        "statuses": statuses,
        "misplaced": misplaced,
        "text_chars": len(edited),
        "annotations": len(annotations),
        "edits": INSERTIONS + DELETIONS + TYPO_FIXES + 1,
    }


if __name__ == "__main__":
    print(json.dumps(run()))
