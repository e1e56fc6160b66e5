"""Approximate string matching: bit-parallel edit distance and bounded substring search.

Everything here counts Levenshtein edits (insert, delete, substitute one code point) with
Myers' bit-parallel algorithm (J. ACM 46(3), 1999) on Python integers, so a pattern of any
length is one "machine word" and each text character costs a dozen integer operations.
The pigeonhole filter (``piece_windows``) keeps searches of a whole long text sub-linear
in Python work: only the regions where a piece of the pattern occurs exactly are verified.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

# A piece that occurs more often than this is not selective; its hits are not followed
# (bounding the work for a quote made of very common words).
MAX_PIECE_HITS = 4000
# Masks of longer patterns are built this many bits at a time (see _pattern_masks).
MASK_BLOCK = 1024
# A periodic text can hold a near match every few characters; each run followed costs a
# backward scan of the pattern's length, so only the runs with the fewest edits are.
MAX_RUNS = 32


@dataclass(frozen=True)
class Match:
    """An approximate occurrence text[start:end] of a pattern, ``distance`` edits away."""

    start: int
    end: int
    distance: int


def _pattern_masks(pattern: str) -> dict[str, int]:
    """Bit i of masks[c] is set when pattern[i] == c; time linear in the pattern's length."""
    if len(pattern) <= MASK_BLOCK:
        return _block_masks(pattern)
    # OR-ing bit i into one growing integer copies it every time (quadratic: minutes for a
    # quote of megabytes), so masks are built a block at a time and joined as bytes.
    width = MASK_BLOCK // 8
    parts: dict[str, list[bytes]] = {}
    for number, first in enumerate(range(0, len(pattern), MASK_BLOCK)):
        for char, bits in _block_masks(pattern[first : first + MASK_BLOCK]).items():
            blocks = parts.setdefault(char, [])
            blocks.extend([bytes(width)] * (number - len(blocks)))
            blocks.append(bits.to_bytes(width, "little"))
    return {char: int.from_bytes(b"".join(blocks), "little") for char, blocks in parts.items()}


def _block_masks(pattern: str) -> dict[str, int]:
    """The masks of a pattern short enough for OR-ing bits into integers to stay cheap."""
    masks: dict[str, int] = {}
    for i, char in enumerate(pattern):
        masks[char] = masks.get(char, 0) | (1 << i)
    return masks


def _distances(pattern: str, text: Iterable[str], anchored: bool) -> Iterator[int]:
    """Yield, after each character of *text*, the edits between *pattern* and the best
    substring of the text read so far that ends there (Myers' step).

    *anchored* aligns the pattern with the text's start (global alignment: the distance of
    whole prefixes); otherwise a match may start anywhere (semi-global alignment).
    """
    masks = _pattern_masks(pattern)
    mask = (1 << len(pattern)) - 1
    high = 1 << (len(pattern) - 1)
    carry = 1 if anchored else 0
    pv, mv, score = mask, 0, len(pattern)
    get = masks.get
    for char in text:
        eq = get(char, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        yield score


def levenshtein(a: str, b: str) -> int:
    """Return the Levenshtein distance between *a* and *b* (code points)."""
    if len(a) < len(b):
        a, b = b, a
    if not b:
        return len(a)
    # Pattern = the shorter string: fewer bits per integer operation.
    # The last distance is the whole of *a* against the whole of *b*.
    return deque(_distances(b, a, anchored=True), maxlen=1).pop()


def similarity(a: str, b: str) -> float:
    """Return 1 - distance / longer length, in [0, 1]; two empty strings are identical."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    return 1.0 - levenshtein(a, b) / longest


def _end_distances(
    pattern: str, text: str, lo: int, hi: int, max_errors: int
) -> list[tuple[int, int]]:
    """Return (end, distance) for every end in (lo, hi] where some substring of
    text[lo:end] ending at *end* is within *max_errors* edits of *pattern*."""
    distances = _distances(pattern, text[lo:hi], anchored=False)
    return [(end, score) for end, score in enumerate(distances, lo + 1) if score <= max_errors]


def _starts(
    pattern: str, text: str, lo: int, end: int, max_errors: int, preferred: frozenset[int]
) -> list[Match]:
    """Matches of *pattern* ending exactly at *end*: the best start, plus every start in
    *preferred* that is within *max_errors* edits.

    Runs the anchored algorithm on the reversed pattern over the text read backwards from
    *end*; ties for the best prefer the span whose length is closest to the pattern's.
    """
    size = len(pattern)
    first = max(lo, end - size - max_errors)
    backwards = text[first:end][::-1]
    best_length, best_score = 0, size
    extra = []
    distances = _distances(pattern[::-1], backwards, anchored=True)
    for length, score in enumerate(distances, 1):
        if score < best_score or (
            score == best_score and abs(length - size) < abs(best_length - size)
        ):
            best_length, best_score = length, score
        if preferred and score <= max_errors and end - length in preferred:
            extra.append(Match(end - length, end, score))
    best = Match(end - best_length, end, best_score)
    return [best, *(match for match in extra if match != best)]


def search(
    pattern: str,
    text: str,
    max_errors: int,
    lo: int = 0,
    hi: int | None = None,
    *,
    starts: Collection[int] = (),
    ends: Collection[int] = (),
) -> list[Match]:
    """Return the approximate occurrences of *pattern* in text[lo:hi] as ``Match`` objects.

    Each run of adjacent end positions within *max_errors* edits yields its best end(s)
    (smallest distance; at most two, the first and the last), each with its best start.
    Offsets in *starts* and *ends* (say, where remembered context says a span began or
    ended) are tried too, when a match with them stays within *max_errors*: the fewest
    edits are not always the right span. Only the MAX_RUNS runs with the fewest edits are
    followed. An empty pattern has no occurrences.
    """
    if not pattern:
        return []
    hi = len(text) if hi is None else min(hi, len(text))
    lo = max(0, lo)
    if hi <= lo:
        return []
    preferred_starts = frozenset(starts)
    matches: list[Match] = []
    runs = list(_runs(_end_distances(pattern, text, lo, hi, max_errors)))
    if len(runs) > MAX_RUNS:
        fewest = sorted(runs, key=lambda run: min(distance for _, distance in run))
        runs = sorted(fewest[:MAX_RUNS])
    for run in runs:
        least = min(distance for _, distance in run)
        best_ends = [end for end, distance in run if distance == least]
        tried = [best_ends[0], best_ends[-1]]
        tried += [end for end in ends if run[0][0] <= end <= run[-1][0]]
        for end in dict.fromkeys(tried):
            matches.extend(_starts(pattern, text, lo, end, max_errors, preferred_starts))
    return matches


def _runs(hits: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """Split (end, distance) hits into runs of adjacent ends."""
    run: list[tuple[int, int]] = []
    for hit in hits:
        if run and hit[0] != run[-1][0] + 1:
            yield run
            run = []
        run.append(hit)
    if run:
        yield run


def pieces(pattern: str, count: int) -> list[tuple[int, str]]:
    """Split *pattern* into *count* disjoint pieces of near-equal length: (offset, piece)."""
    size = len(pattern)
    bounds = [size * i // count for i in range(count + 1)]
    return [(bounds[i], pattern[bounds[i] : bounds[i + 1]]) for i in range(count)]


def piece_windows(text: str, pattern: str, max_errors: int) -> list[tuple[int, int, int]]:
    """Return text windows (lo, hi, votes) that may hold *pattern* within *max_errors* edits.

    Pigeonhole filter: with the pattern cut into max_errors + 1 pieces, any occurrence with
    at most max_errors edits contains one piece unchanged. Each exact hit of a piece votes
    for the pattern's start it implies; nearby votes merge into one window. Windows come
    most-voted first (an occurrence with few edits keeps many pieces). Pieces with more
    than MAX_PIECE_HITS hits are skipped, so very common pieces cannot stall the search.
    """
    size = len(pattern)
    if size == 0 or max_errors < 0 or max_errors + 1 > size:
        return []
    starts: list[int] = []
    for offset, piece in pieces(pattern, max_errors + 1):
        hits: list[int] = []
        position = text.find(piece)
        while position >= 0 and len(hits) <= MAX_PIECE_HITS:
            hits.append(position - offset)
            position = text.find(piece, position + 1)
        if len(hits) <= MAX_PIECE_HITS:
            starts.extend(hits)
    if not starts:
        return []
    starts.sort()
    windows: list[tuple[int, int, int]] = []
    first = last = starts[0]
    votes = 0
    for start in starts:
        if start - last > max_errors + 1:
            windows.append((first - max_errors, last + size + max_errors, votes))
            first, votes = start, 0
        last = start
        votes += 1
    windows.append((first - max_errors, last + size + max_errors, votes))
    windows.sort(key=lambda window: -window[2])
    return [(max(0, lo), min(len(text), hi), votes) for lo, hi, votes in windows]
