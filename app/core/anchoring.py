"""Re-anchoring: place stored annotations on a changed article text, or mark them orphans.

The algorithm, its scores and thresholds are specified in docs/FORMAT.md ("Re-anchoring");
the constants below are the ones named there. In short, per annotation: the stored
position (exact), another exact occurrence of the quote chosen by its context (moved), an
approximate occurrence scored like the Hypothesis client (fuzzy), or nothing (orphan).
"""

from __future__ import annotations

import unicodedata
from dataclasses import replace

from app.core.annotations import CONTEXT_CHARS, Annotation, context_around, trim_span
from app.core.fuzzy import piece_windows, search, similarity

# Candidate score = 50*quote_sim + 20*prefix_sim + 20*suffix_sim + 2*(1 - distance/len(text)).
QUOTE_WEIGHT = 50.0
PREFIX_WEIGHT = 20.0
SUFFIX_WEIGHT = 20.0
POSITION_WEIGHT = 2.0
# Out of 92: an exact quote needs its context about half intact, an edited quote more.
MIN_SCORE = 70.0
MIN_QUOTE_SIMILARITY = 0.75
# The approximate search allows floor(len(quote) * ERROR_RATE) edits: a third, because a
# quote with d words' worth of insertions has quote_sim = 1 - d / (len + d), which stays at
# or above MIN_QUOTE_SIMILARITY up to d = len / 3. Fewer would miss acceptable matches.
ERROR_RATE = (1 - MIN_QUOTE_SIMILARITY) / MIN_QUOTE_SIMILARITY
# An exact quote this long that occurs once in the text is accepted whatever its context.
UNIQUE_QUOTE_LENGTH = 32
# Exact occurrences are looked for in growing windows around the expected position.
SEARCH_RADII = (1024, 16384)
MAX_OCCURRENCES = 1000
# The approximate search near the expected position(s): margin on each side, and how far
# apart the two estimates may be before they are searched as two windows.
LOCAL_SLACK = 64
MAX_LOCAL_SPREAD = 4096
# Where the stored context's inner ANCHOR_CHARS characters reappear, a span edited only
# inside is tried with exactly those edges, not just with the edges of fewest edits.
ANCHOR_CHARS = 10
# The approximate search of the whole text: pieces of at least MIN_PIECE code points, at
# most MAX_PIECES of them (so at most MAX_PIECES - 1 edits), and the best-voted windows.
MIN_PIECE = 8
MAX_PIECES = 8
MAX_GLOBAL_WINDOWS = 16
# A longer quote is only looked for exactly, as Hypothesis' client does for quotes too long
# for its approximate matcher: approximate search costs time quadratic in the quote's
# length (a quote of megabytes took minutes). 2000 code points is several paragraphs.
MAX_FUZZY_QUOTE = 2000
# Where the stored context's edge occurs more often than this in a window it tells no
# place from another; following every pair of such edges cost time cubic in the quote.
MAX_CONTEXT_EDGES = 16

_ZWJ = "\u200d"


def reanchor(text: str, annotations: list[Annotation]) -> list[Annotation]:
    """Return copies of *annotations*, in the same order, placed on *text*.

    Each copy's ``status`` is "exact", "moved", "fuzzy" or "orphan". Anchored copies get
    new start/end/exact/prefix/suffix; orphans keep their stored values. ids, tags, notes
    and timestamps never change. Raises nothing for any input text or annotation.
    """
    results: dict[int, Annotation] = {}
    order = sorted(range(len(annotations)), key=lambda i: annotations[i].sort_key())
    # Pass 1 (cheap): exact and moved, in document order, tracking the shift that the
    # previous anchored annotation saw; it predicts where the next one went.
    shift = 0
    shifts_before: dict[int, int] = {}
    for i in order:
        placed = _place_exact(text, annotations[i], shift)
        if placed is None:
            shifts_before[i] = shift
        else:
            results[i] = placed
            shift = placed.start - annotations[i].start
    # Pass 2 (rare): approximate search near where both anchored neighbours predict.
    shift_after = 0
    shifts_after: dict[int, int] = {}
    for i in reversed(order):
        if i in shifts_before:
            shifts_after[i] = shift_after
        else:
            shift_after = results[i].start - annotations[i].start
    for i, before in shifts_before.items():
        annotation = annotations[i]
        centers = (annotation.start + before, annotation.start + shifts_after[i])
        placed = _place_fuzzy(text, annotation, centers)
        results[i] = placed if placed is not None else replace(annotation, status="orphan")
    return [results[i] for i in range(len(annotations))]


def _place_exact(text: str, annotation: Annotation, shift: int) -> Annotation | None:
    """Steps 1 and 2: the stored position, else the best-context exact occurrence."""
    quote, start = annotation.exact, annotation.start
    if not quote:
        return None
    size = len(quote)
    at_old = start >= 0 and annotation.end == start + size and text.startswith(quote, start)
    if at_old and context_around(text, start, start + size) == (
        annotation.prefix,
        annotation.suffix,
    ):
        return replace(annotation, status="exact")
    center = min(max(0, start + shift), len(text))
    found = _best_occurrence(text, annotation, center)
    if found is not None:
        return _anchored(text, annotation, found, found + size)
    if at_old and not _cuts_cluster(text, start, start + size):
        return _anchored(text, annotation, start, start + size)
    return None


def _best_occurrence(text: str, annotation: Annotation, center: int) -> int | None:
    """Return the start of the exact occurrence with the best context, if good enough.

    Windows grow around *center* until one holds an occurrence whose context is unchanged
    (no farther occurrence can beat it); otherwise every occurrence (the MAX_OCCURRENCES
    nearest) is scored. Ties go to the occurrence nearest *center*.
    """
    quote, length = annotation.exact, len(text)
    size = len(quote)
    context: dict[int, float] = {}
    positions: list[int] = []
    for radius in (*SEARCH_RADII, length):
        lo, hi = max(0, center - radius), min(length, center + radius + size)
        positions = _occurrences(text, quote, lo, hi)
        if lo == 0 and hi == length and len(positions) > MAX_OCCURRENCES:
            positions.sort(key=lambda p: abs(p - center))
            del positions[MAX_OCCURRENCES:]
        perfect = []
        for position in positions:
            if position not in context:
                context[position] = _context_score(text, annotation, position, position + size)
            if context[position] == PREFIX_WEIGHT + SUFFIX_WEIGHT:
                perfect.append(position)
        if perfect:
            return min(perfect, key=lambda p: abs(p - center))
        if lo == 0 and hi == length:
            break
    if not positions:
        return None
    best = max(positions, key=lambda p: (context[p], -abs(p - center)))
    score = QUOTE_WEIGHT + context[best] + POSITION_WEIGHT * (1 - abs(best - center) / length)
    if score >= MIN_SCORE or (len(positions) == 1 and size >= UNIQUE_QUOTE_LENGTH):
        return best
    return None


def _occurrences(text: str, quote: str, lo: int, hi: int) -> list[int]:
    """Starts of the exact occurrences of *quote* inside text[lo:hi] that cut no character."""
    found = []
    size = len(quote)
    position = text.find(quote, lo, hi)
    while position >= 0:
        if not _cuts_cluster(text, position, position + size):
            found.append(position)
        position = text.find(quote, position + 1, hi)
    return found


def _context_score(text: str, annotation: Annotation, start: int, end: int) -> float:
    """20*prefix_sim + 20*suffix_sim of the candidate span [start, end).

    Only the stored context's CONTEXT_CHARS nearest the quote count: Slant never stores
    more, and a sidecar that does could make every comparison take seconds.
    """
    prefix, suffix = context_around(text, start, end)
    return PREFIX_WEIGHT * similarity(
        annotation.prefix[-CONTEXT_CHARS:], prefix
    ) + SUFFIX_WEIGHT * similarity(annotation.suffix[:CONTEXT_CHARS], suffix)


def _place_fuzzy(text: str, annotation: Annotation, centers: tuple[int, int]) -> Annotation | None:
    """Step 3: the best approximate occurrence, near the expected position, then anywhere."""
    quote = annotation.exact
    size = len(quote)
    max_errors = int(size * ERROR_RATE + 1e-9)  # exact thirds despite float rounding
    if max_errors < 1 or size > MAX_FUZZY_QUOTE or not text:
        return None
    slack = LOCAL_SLACK + max_errors
    low, high = min(centers), max(centers)
    if high - low > MAX_LOCAL_SPREAD:
        windows = [(center - slack, center + size + slack) for center in centers]
    else:
        windows = [(low - slack, high + size + slack)]
    best = _best_fuzzy(text, annotation, windows, max_errors, centers[0])
    piece_errors = min(max_errors, size // MIN_PIECE - 1, MAX_PIECES - 1)
    if best is None and piece_errors >= 1:
        voted = piece_windows(text, quote, piece_errors)[:MAX_GLOBAL_WINDOWS]
        windows = [(lo, hi) for lo, hi, _ in voted]
        best = _best_fuzzy(text, annotation, windows, max_errors, centers[0])
    if best is None:
        return None
    start, end = best
    return _anchored(text, annotation, start, end)


def _best_fuzzy(
    text: str, annotation: Annotation, windows: list, max_errors: int, expected: int
) -> tuple[int, int] | None:
    """The highest-scoring approximate occurrence in *windows* that passes both thresholds."""
    quote, length = annotation.exact, len(text)
    best: tuple[int, int] | None = None
    best_key = (0.0, 0)
    seen: set[tuple[int, int]] = set()
    for lo, hi in windows:
        starts, ends = _context_edges(text, annotation, lo, hi)
        for match in search(quote, text, max_errors, lo, hi, starts=starts, ends=ends):
            start, end = _snap(text, match.start, match.end)
            if start >= end or (start, end) in seen:
                continue
            seen.add((start, end))
            if (start, end) == (match.start, match.end):  # the search measured it already
                quote_similarity = 1 - match.distance / max(len(quote), end - start)
            else:
                quote_similarity = similarity(quote, text[start:end])
            if quote_similarity < MIN_QUOTE_SIMILARITY:
                continue
            distance = abs(start - expected)
            score = (
                QUOTE_WEIGHT * quote_similarity
                + _context_score(text, annotation, start, end)
                + POSITION_WEIGHT * (1 - min(distance, length) / length)
            )
            key = (score, -distance)
            if score >= MIN_SCORE and (best is None or key > best_key):
                best, best_key = (start, end), key
    return best


def _context_edges(
    text: str, annotation: Annotation, lo: int, hi: int
) -> tuple[list[int], list[int]]:
    """Offsets in [lo, hi] right after the stored prefix's last ANCHOR_CHARS characters and
    right before the suffix's first ones: where the span began and ended if only its
    inside was edited (a start of text, or end, stands in for an empty context). Edges
    found more than MAX_CONTEXT_EDGES times are left out."""
    tail, head = annotation.prefix[-ANCHOR_CHARS:], annotation.suffix[:ANCHOR_CHARS]
    lo, hi = max(0, lo), min(len(text), hi)
    starts = [] if tail else [0] * (lo == 0)
    position = text.find(tail, max(0, lo - len(tail)), hi) if tail else -1
    while position >= 0:
        starts.append(position + len(tail))
        position = text.find(tail, position + 1, hi)
    ends = [] if head else [len(text)] * (hi == len(text))
    position = text.find(head, lo, hi + len(head)) if head else -1
    while position >= 0:
        ends.append(position)
        position = text.find(head, position + 1, hi + len(head))
    return _selective(starts), _selective(ends)


def _selective(edges: list[int]) -> list[int]:
    """*edges*, or none when there are more than MAX_CONTEXT_EDGES of them."""
    return edges if len(edges) <= MAX_CONTEXT_EDGES else []


def _snap(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace off a found span and widen it so it cuts no user-visible character."""
    start, end = trim_span(text, start, end)
    while 0 < start < end and _joins_previous(text, start):
        start -= 1
    while start < end < len(text) and _joins_previous(text, end):
        end += 1
    return start, end


def _cuts_cluster(text: str, start: int, end: int) -> bool:
    """Whether [start, end) begins or ends inside a character sequence shown as one."""
    return (0 < start < len(text) and _joins_previous(text, start)) or (
        0 < end < len(text) and _joins_previous(text, end)
    )


def _joins_previous(text: str, index: int) -> bool:
    """Whether text[index] belongs with text[index - 1]: a combining mark, a variation
    selector, an emoji skin-tone modifier, or either side of a zero-width joiner."""
    char = text[index]
    if char == _ZWJ or text[index - 1] == _ZWJ or "\U0001f3fb" <= char <= "\U0001f3ff":
        return True
    return unicodedata.category(char) in ("Mn", "Mc", "Me")


def _anchored(text: str, annotation: Annotation, start: int, end: int) -> Annotation:
    """A copy placed on text[start:end]: exact, moved or fuzzy, with fresh context.

    ``modified`` is kept: re-anchoring is not a user edit.
    """
    exact = text[start:end]
    if exact != annotation.exact:
        status = "fuzzy"
    elif (start, end) == (annotation.start, annotation.end):
        status = "exact"
    else:
        status = "moved"
    prefix, suffix = context_around(text, start, end)
    return replace(
        annotation, start=start, end=end, exact=exact, prefix=prefix, suffix=suffix, status=status
    )
