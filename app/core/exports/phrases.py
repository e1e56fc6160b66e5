"""Sentences that more than one export writes, in the interface's language."""

from __future__ import annotations

from app.core.translation import translate


def decimal(value: float, places: int = 2) -> str:
    """*value* with *places* decimals, written as the interface's language writes them
    ("0.78" in English, "0,78" in Spanish).

    Every number with decimals that a person reads, in the window and in the exports,
    and every threshold quoted in a sentence, goes through here, so that one page never
    mixes two styles. CSV files keep the point: spreadsheets read them, not people.
    """
    whole, _, fraction = f"{value:.{places}f}".partition(".")
    # Translators: how a number with decimals is written; Spanish "{whole},{fraction}".
    return translate("Numbers", "{whole}.{fraction}").format(whole=whole, fraction=fraction)


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
