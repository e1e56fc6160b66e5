"""Text with its whitespace collapsed as the article loaders do, mapped back to the original.

Another tool quotes the page its reader saw: a line break of the page's source where
Slant's canonical text has a space, a no-break space where it has a plain one (or the
reverse), two line breaks between paragraphs where it has one. Quotes are compared after
the loaders' rule for Markdown and HTML (docs/FORMAT.md): every run of breaking space
becomes one space; no-break and typographic spaces, curly quotes and dashes count as
their plain forms too (text_search.fold_punctuation, as Find does).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from app.core.article_formats import BREAKING_SPACE
from app.core.text_search import fold_punctuation

_TO_SPACE = str.maketrans(dict.fromkeys(BREAKING_SPACE, " "))
_SPACE_RUN = re.compile(" {2,}")


def collapse(text: str) -> str:
    """*text* with punctuation folded and every whitespace run as one space."""
    return _SPACE_RUN.sub(" ", fold_punctuation(text).translate(_TO_SPACE))


class CollapsedText:
    """``text`` is collapse(original); its offsets convert to the original's and back.

    Folding and turning one whitespace character into a space keep every offset; only
    runs of two or more shrink, so only they are remembered: run i began at original
    offset ``_starts[i]``, ended at ``_ends[i]`` and is the one space at ``_at[i]``.
    """

    def __init__(self, original: str) -> None:
        spaced = fold_punctuation(original).translate(_TO_SPACE)
        self.length = len(original)
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._at: list[int] = []
        removed = 0
        for run in _SPACE_RUN.finditer(spaced):
            start, end = run.span()
            self._starts.append(start)
            self._ends.append(end)
            self._at.append(start - removed)
            removed += end - start - 1
        self.text = _SPACE_RUN.sub(" ", spaced)

    def collapsed_offset(self, offset: int) -> int:
        """Where original *offset* (clamped to the text) falls in the collapsed text."""
        offset = min(max(offset, 0), self.length)
        run = bisect_right(self._starts, offset) - 1
        if run < 0:
            return offset
        if offset < self._ends[run]:
            return self._at[run]
        return self._at[run] + 1 + offset - self._ends[run]

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original span [start, end) that collapsed [start, end) came from; a
        collapsed space at either edge stands for its whole run."""
        return self._original_start(start), self._original_end(end)

    def _original_start(self, offset: int) -> int:
        run = bisect_right(self._at, offset) - 1
        if run < 0:
            return offset
        if offset == self._at[run]:
            return self._starts[run]
        return self._ends[run] + offset - self._at[run] - 1

    def _original_end(self, offset: int) -> int:
        if offset <= 0:
            return 0
        run = bisect_right(self._at, offset - 1) - 1
        if run >= 0 and self._at[run] == offset - 1:
            return self._ends[run]
        return self._original_start(offset - 1) + 1
