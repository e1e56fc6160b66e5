"""Finding the quoted passage in a Web Annotation target's selectors, refinements included.

A target's ``selector`` is one selector, a list of them or a Choice, each describing the
same passage (Hypothesis gives a RangeSelector, a TextPositionSelector and a
TextQuoteSelector). A selector may be narrowed by ``refinedBy`` (Web Annotation Data
Model 4.2.9, Example 32), again and again: a FragmentSelector, CssSelector or
XPathSelector refined by a TextQuoteSelector names a part of the page Slant cannot see,
so its quote is looked for in the whole article; a TextPositionSelector refined by a
quote says the quote lies in that range; a quote refined by a TextPositionSelector or
by another quote selects part of the quote.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from app.core.annotations import Annotation
from app.core.exports.collapsed_text import collapse
from app.core.exports.import_candidate import Candidate, ImportedFields, Unusable, as_list
from app.core.exports.quote_placement import context_fit
from app.core.translation import translate

_MAX_DEPTH = 8  # how deep Choice nesting and refinedBy chains are followed


@dataclass(frozen=True)
class QuoteLookup:
    """The quote to look for, its context, and where the file expects it (in its own
    counting): ``position`` the start, ``within`` a range [start, end) holding it."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    position: int | None = None
    within: tuple[int, int] | None = None

    def candidate(
        self, number: int, name: str, fields: ImportedFields, author: str = ""
    ) -> Candidate:
        """The annotation of this quote with *fields*, still to be placed on the article."""
        start = self.position or 0
        annotation = Annotation(
            start=start,
            end=start + len(self.exact),
            exact=self.exact,
            prefix=self.prefix[-64:],
            suffix=self.suffix[:64],
            **fields,
        )
        return Candidate(number, name, annotation, self.position, self.within, author)


def selector_types(value: dict[str, Any]) -> list[str]:
    """The ``type`` (or ``@type``) names of a JSON-LD object."""
    kind = value.get("type", value.get("@type"))
    if isinstance(kind, str):
        return [kind]
    return [k for k in kind if isinstance(k, str)] if isinstance(kind, list) else []


def find_quote(target: Any) -> QuoteLookup:
    """The quote of the first target that has one, with its expected position.

    Raises Unusable saying why when no target yields a usable quote.
    """
    kinds: list[str] = []
    problem: Unusable | None = None
    for one in as_list(target):
        if not isinstance(one, dict):
            continue
        found: QuoteLookup | None = None
        position: int | None = None
        for selector in _alternatives(one.get("selector"), 0):
            try:
                lookup = _follow(selector, 0, 0, kinds)
            except Unusable as exc:
                problem = problem or exc
                continue
            if found is None:
                found = lookup
            if position is None and selector.get("refinedBy") is None:
                position = _start(selector)
        if found is not None:
            if found.position is None and found.within is None:
                found = replace(found, position=position)
            return found
    if problem is not None:
        raise problem
    if kinds:
        reason = translate(
            "Import",
            "it has no TextQuoteSelector (only {kinds}), so its words cannot be found",
        ).format(kinds=", ".join(dict.fromkeys(kinds)))
    else:
        reason = translate(
            "Import",
            "it has no TextQuoteSelector (no selector at all), so its words cannot be found",
        )
    raise Unusable(reason)


def _alternatives(value: Any, depth: int) -> list[dict[str, Any]]:
    """The selectors of a list or Choice, flattened (each describes the same passage)."""
    found: list[dict[str, Any]] = []
    if depth > _MAX_DEPTH:
        return found
    for selector in as_list(value):
        if not isinstance(selector, dict):
            continue
        if "Choice" in selector_types(selector):
            found.extend(_alternatives(selector.get("items"), depth + 1))
        else:
            found.append(selector)
    return found


def _follow(
    selector: dict[str, Any], depth: int, origin: int | None, kinds: list[str]
) -> QuoteLookup | None:
    """The quote that *selector* or its refinements lead to, if any.

    *origin* is where the part of the page the selector applies to starts, in the
    file's counting, or None when that part is one Slant cannot locate.
    """
    types = selector_types(selector)
    kinds.extend(types)
    refinements = _refinements(selector, depth)
    if "TextQuoteSelector" in types:
        lookup = _quote(selector)
        for refinement in refinements:
            lookup = _narrow(lookup, refinement, depth + 1)
        return lookup
    start = _start(selector) if "TextPositionSelector" in types else None
    region = origin + start if origin is not None and start is not None else None
    for refinement in refinements:
        found = _follow(refinement, depth + 1, region, kinds)
        if found is not None:
            if region is not None and origin is not None and found.within is None:
                found = replace(found, within=(region, origin + selector["end"]))
            return found
    return None


def _refinements(selector: dict[str, Any], depth: int) -> list[dict[str, Any]]:
    if depth >= _MAX_DEPTH:
        return []
    return _alternatives(selector.get("refinedBy"), depth + 1)


def _start(selector: dict[str, Any]) -> int | None:
    """A TextPositionSelector's start, when it and its end are sound offsets."""
    if "TextPositionSelector" not in selector_types(selector):
        return None
    start, end = selector.get("start"), selector.get("end")
    if type(start) is int and type(end) is int and 0 <= start <= end:
        return start
    return None


def _quote(selector: dict[str, Any]) -> QuoteLookup:
    exact = selector.get("exact")
    if not isinstance(exact, str) or not exact:
        raise Unusable(translate("Import", "its TextQuoteSelector has no 'exact' text"))
    if not collapse(exact).strip():
        raise Unusable(translate("Import", "its quote is only whitespace"))
    prefix, suffix = selector.get("prefix"), selector.get("suffix")
    return QuoteLookup(
        exact,
        prefix if isinstance(prefix, str) else "",
        suffix if isinstance(suffix, str) else "",
    )


def _narrow(outer: QuoteLookup, refinement: dict[str, Any], depth: int) -> QuoteLookup:
    """The part of *outer*'s quote that *refinement* selects, its context widened by the
    rest of the quote; *outer* itself for a refinement that selects no text."""
    types = selector_types(refinement)
    if "TextPositionSelector" in types:
        start, end = refinement.get("start"), refinement.get("end")
        if type(start) is int and type(end) is int and 0 <= start < end <= len(outer.exact):
            return _part(outer, start, end)
        raise Unusable(
            translate(
                "Import", "its TextPositionSelector refinement is outside its quote {quote!r}"
            ).format(quote=outer.exact[:40])
        )
    if "TextQuoteSelector" not in types:
        return outer
    inner = _quote(refinement)
    start = _inner_start(outer.exact, inner)
    narrowed = _part(outer, start, start + len(inner.exact))
    for further in _refinements(refinement, depth):
        narrowed = _narrow(narrowed, further, depth + 1)
    return narrowed


def _part(outer: QuoteLookup, start: int, end: int) -> QuoteLookup:
    return QuoteLookup(
        outer.exact[start:end],
        outer.prefix + outer.exact[:start],
        outer.exact[end:] + outer.suffix,
        None if outer.position is None else outer.position + start,
        outer.within,
    )


def _inner_start(exact: str, inner: QuoteLookup) -> int:
    """Where *inner*'s quote is in *exact*: its only occurrence, or the one whose context
    fits best. Raises Unusable when it is not there or the context cannot choose."""
    starts = []
    position = exact.find(inner.exact)
    while position >= 0:
        starts.append(position)
        position = exact.find(inner.exact, position + 1)
    if not starts:
        raise Unusable(
            translate("Import", "its refining quote {inner!r} is not in its outer quote").format(
                inner=inner.exact[:40]
            )
        )

    def fit(start: int) -> int:
        before, after = exact[:start], exact[start + len(inner.exact) :]
        return context_fit(before, after, inner.prefix, inner.suffix)

    ranked = sorted(starts, key=fit, reverse=True)
    if len(ranked) > 1 and fit(ranked[0]) == fit(ranked[1]):
        raise Unusable(
            translate(
                "Import", "its refining quote {inner!r} occurs {count} times in its outer quote"
            ).format(inner=inner.exact[:40], count=len(starts))
        )
    return ranked[0]
