"""Find in an article: typographic punctuation and spaces match their plain forms, any case."""

from __future__ import annotations

import re

_SINGLE_QUOTES = "\u2018\u2019\u201b\u02bc\u2032"  # ‘ ’ ‛ ʼ ′
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033"  # “ ” „ ‟ ″
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # hyphen .. horizontal bar, minus
# No-break spaces and the typographic spaces (en, em, thin, hair...) of U+2000..U+200A.
_SPACES = "\u00a0\u2007\u202f" + "".join(chr(code) for code in range(0x2000, 0x200B))

# One character for one character, so a span in the folded text is the same span in the
# original: offsets stay code points of the canonical text, with no map to keep.
_FOLD = str.maketrans(
    {
        **dict.fromkeys(_SINGLE_QUOTES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_DASHES, "-"),
        **dict.fromkeys(_SPACES, " "),
    }
)


def fold_punctuation(text: str) -> str:
    """Return *text* with curly quotes, primes, dashes and special spaces in plain form.

    The result has exactly as many code points as *text*, each at the same place.
    """
    return text.translate(_FOLD)


def find_matches(text: str, query: str) -> list[tuple[int, int]]:
    """Return the non-overlapping matches of *query* in *text* as code-point spans.

    Case is ignored and typographic punctuation matches its plain form either way
    round (``world's`` finds ``world’s``). Case folds one character at a time, so
    spans index *text* directly. An empty query matches nothing.
    """
    return find_in_folded(fold_punctuation(text), query)


def find_in_folded(folded_text: str, query: str) -> list[tuple[int, int]]:
    """Like find_matches, for a text already passed through fold_punctuation.

    A find bar folds a long article once and searches it again at every keystroke.
    """
    if not query:
        return []
    pattern = re.compile(re.escape(fold_punctuation(query)), re.IGNORECASE)
    return [match.span() for match in pattern.finditer(folded_text)]
