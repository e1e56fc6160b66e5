"""Placing imported quotes on the article's words, or saying why they cannot be placed.

Everything is compared in the collapsed text (collapsed_text.py), so that a quote that
differs from the article only in whitespace lands on its words; the annotation then takes
the article's own words and offsets.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from app.core.anchoring import reanchor
from app.core.annotations import Annotation, context_around
from app.core.exports.collapsed_text import CollapsedText, collapse
from app.core.exports.import_candidate import Candidate
from app.core.translation import translate

_MAX_OCCURRENCES = 1000  # of one quote, compared by context (a very common word ...)


@dataclass(frozen=True)
class _Quote:
    """A candidate's quote, context and expectations, in collapsed-text terms."""

    exact: str
    prefix: str
    suffix: str
    position: int | None
    within: tuple[int, int] | None


def place_candidates(text: str, candidates: list[Candidate]) -> list[Annotation | str]:
    """For each candidate, in order: the annotation placed on *text*, or why it is not.

    A quote at its expected position is placed there; else the one occurrence of it,
    or the occurrence whose context fits best (inside the range it refines, if any; the
    nearest to its position on a tie); several that fit equally and no position to
    choose is ambiguous. A quote not found as it is goes to re-anchoring, which finds
    edited quotes (fuzzy) or gives up. Other tools often give little or no prefix and
    suffix, which re-anchoring (made for Slant's own 32 characters) rightly distrusts;
    a quote found as it is needs no such care.
    """
    collapsed = CollapsedText(text)
    results: list[Annotation | str] = []
    hard: list[int] = []
    for candidate in candidates:
        quote = _collapsed_quote(collapsed, candidate)
        found = _find(collapsed.text, quote)
        if found is None:
            hard.append(len(results))
            results.append("")
        elif isinstance(found, str):
            results.append(found)
        else:
            results.append(_placed(text, collapsed, candidate, found, found + len(quote.exact)))
    if hard:
        _place_hard(text, collapsed, candidates, hard, results)
    return results


def _collapsed_quote(collapsed: CollapsedText, candidate: Candidate) -> _Quote:
    """Whitespace at the ends of the quote belongs to its context; all collapsed."""
    raw = candidate.annotation
    exact = raw.exact.strip()  # str.strip: every BREAKING_SPACE and no-break space
    lead = raw.exact[: len(raw.exact) - len(raw.exact.lstrip())]
    trail = raw.exact[len(raw.exact.rstrip()) :]
    within = candidate.within
    return _Quote(
        collapse(exact).strip(" "),
        collapse(raw.prefix + lead),
        collapse(trail + raw.suffix),
        None if candidate.position is None else collapsed.collapsed_offset(candidate.position),
        None
        if within is None
        else (collapsed.collapsed_offset(within[0]), collapsed.collapsed_offset(within[1])),
    )


def _find(text: str, quote: _Quote) -> int | str | None:
    """The start of the quote's occurrence in *text*, why none can be chosen, or None
    when the quote does not occur as it is."""
    if quote.position is not None and text.startswith(quote.exact, quote.position):
        return quote.position
    starts = _occurrences(text, quote.exact)
    if not starts:
        return None
    if quote.within is not None:
        low, high = quote.within
        inside = [start for start in starts if low <= start and start + len(quote.exact) <= high]
        starts = inside or starts
    if len(starts) == 1:
        return starts[0]
    fits = {start: _fit(text, quote, start) for start in starts}
    best = max(fits.values())
    tied = [start for start in starts if fits[start] == best]
    if len(tied) == 1:
        return tied[0]
    if quote.position is not None:
        return min(tied, key=lambda start: abs(start - (quote.position or 0)))
    if not quote.prefix and not quote.suffix:
        reason = translate(
            "Import",
            "the quote {quote!r} occurs {count} times in the article, and with no prefix or "
            "suffix nothing tells which one is meant",
        )
    else:
        reason = translate(
            "Import",
            "the quote {quote!r} occurs {count} times in the article, and its context fits "
            "{tied} of them equally well",
        )
    return reason.format(quote=quote.exact[:40], count=len(starts), tied=len(tied))


def _occurrences(text: str, quote: str) -> list[int]:
    starts: list[int] = []
    start = text.find(quote)
    while start >= 0 and len(starts) < _MAX_OCCURRENCES:
        starts.append(start)
        start = text.find(quote, start + 1)
    return starts


def _fit(text: str, quote: _Quote, start: int) -> int:
    """How many characters of the prefix and suffix match around the occurrence."""
    before = text[max(0, start - len(quote.prefix)) : start]
    end = start + len(quote.exact)
    after = text[end : end + len(quote.suffix)]
    return context_fit(before, after, quote.prefix, quote.suffix)


def context_fit(before: str, after: str, prefix: str, suffix: str) -> int:
    """How many characters of *prefix* end *before*, plus those of *suffix* that begin
    *after*: how well a quote's context fits one of its occurrences."""
    # os.path.commonprefix compares character by character: what is wanted here.
    return len(os.path.commonprefix([before[::-1], prefix[::-1]])) + len(  # noqa: RUF071
        os.path.commonprefix([after, suffix])  # noqa: RUF071
    )


def _placed(
    text: str,
    collapsed: CollapsedText,
    candidate: Candidate,
    start: int,
    end: int,
    status: str = "",
) -> Annotation:
    """The candidate on the article's words that collapsed [start, end) stands for."""
    start, end = collapsed.original_span(start, end)
    raw = candidate.annotation
    if not status:
        here = (start, end) == (candidate.position, (candidate.position or 0) + len(raw.exact))
        status = "exact" if here and text[start:end] == raw.exact else "moved"
    prefix, suffix = context_around(text, start, end)
    return replace(
        raw,
        start=start,
        end=end,
        exact=text[start:end],
        prefix=prefix,
        suffix=suffix,
        status=status,
    )


def _place_hard(
    text: str,
    collapsed: CollapsedText,
    candidates: list[Candidate],
    hard: list[int],
    results: list[Annotation | str],
) -> None:
    """Re-anchor the quotes not found as they are, in the collapsed text."""
    stand_ins = []
    for index in hard:
        quote = _collapsed_quote(collapsed, candidates[index])
        start = quote.position or 0
        stand_ins.append(
            replace(
                candidates[index].annotation,
                start=start,
                end=start + len(quote.exact),
                exact=quote.exact,
                prefix=quote.prefix,
                suffix=quote.suffix,
            )
        )
    for index, found in zip(hard, reanchor(collapsed.text, stand_ins), strict=True):
        if found.status == "orphan":
            results[index] = translate(
                "Import", "the quote {quote!r} is not in the article"
            ).format(quote=found.exact[:40])
        else:
            status = "fuzzy" if found.status == "fuzzy" else "moved"
            results[index] = _placed(
                text, collapsed, candidates[index], found.start, found.end, status
            )
