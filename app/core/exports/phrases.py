"""Sentences that more than one export writes, in the interface's language."""

from __future__ import annotations

from app.core.translation import translate


def annotation_count(count: int, author: str) -> str:
    """ "3 annotations by Ana" as a whole sentence for one and for many.

    *author* must already be escaped for the format being written (HTML or Markdown).
    """
    if author:
        if count == 1:
            return translate("StudentExport", "1 annotation by {author}").format(author=author)
        text = translate("StudentExport", "{count} annotations by {author}")
        return text.format(count=count, author=author)
    if count == 1:
        return translate("StudentExport", "1 annotation")
    return translate("StudentExport", "{count} annotations").format(count=count)
