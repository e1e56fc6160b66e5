"""The class window's sentences: hints, summary, heat-map legend and "who tagged this"."""

from __future__ import annotations

from app.core.classroom import ClassData
from app.core.exports.phrases import decimal
from app.ui.classroom.heatmap import HeatPalette
from app.ui.i18n import translate
from app.ui.plain_text import isolate

LEGEND_STEPS = 5


def key_modes() -> tuple[tuple[str, str], ...]:
    """(text, mode) of each way the article can show the answer key."""
    return (
        (translate("ClassWindow", "Class only"), "class"),
        (translate("ClassWindow", "Key only"), "key"),
        (translate("ClassWindow", "Class and key"), "both"),
    )


def here_hint() -> str:
    """What to do to see who tagged a passage."""
    return translate(
        "ClassWindow",
        "Click a passage in the article, or move the caret there, to see who tagged it.",
    )


def alpha_hint(students: int) -> str:
    """How to read the agreement table for a class of *students*."""
    return translate(
        "ClassWindow",
        "Krippendorff's alpha over all {n} students, as in the exported report: 1 is complete "
        "agreement, 0 is chance level. {high} and more is high; below {moderate} the class "
        "understands the tag differently.",
    ).format(n=students, high=decimal(0.8), moderate=decimal(0.667, 3))


def scores_hint(with_key: bool) -> str:
    """How to read the score table, or how to get scores when there is no key."""
    if not with_key:
        return translate(
            "ClassWindow", "No answer key: open the class with a key file to see scores."
        )
    return translate(
        "ClassWindow",
        "Against the answer key, all tags together, with partial credit. Precision: how much "
        "of what the student marked the key marks too. Recall: how much of the key they found.",
    )


def window_title(title: str, students: int) -> str:
    """The class window's title for the article *title* ("" when it has none)."""
    return translate("ClassWindow", "Class: {title} — {count} students — Slant").format(
        title=isolate(title) if title else translate("ClassWindow", "an article"), count=students
    )


def summary(data: ClassData) -> str:
    """The status-bar summary: students, the key, files skipped."""
    parts = [translate("ClassWindow", "{count} students").format(count=len(data.students))]
    if data.key:
        parts.append(
            translate("ClassWindow", "answer key: {file}").format(file=isolate(data.key.path.name))
        )
    else:
        parts.append(translate("ClassWindow", "no answer key"))
    if len(data.skipped) == 1:
        parts.append(translate("ClassWindow", "1 file skipped"))
    elif data.skipped:
        skipped = translate("ClassWindow", "{count} files skipped")
        parts.append(skipped.format(count=len(data.skipped)))
    return " · ".join(parts)


def legend_html(palette: HeatPalette, shown: int, mode: str) -> str:
    """The heat map's legend: a swatch per number of students, and how the key is drawn."""
    if mode == "key":
        return translate("ClassWindow", "The answer key's passages in their tags' colours.")
    if not shown:
        text = translate("ClassWindow", "No student is shown.")
    else:
        counts = sorted(
            {round(1 + k * (shown - 1) / (LEGEND_STEPS - 1)) for k in range(LEGEND_STEPS)}
        )
        swatches = "".join(
            f'<span style="background-color:{palette.background(c).name()};color:#1a1a1a">'
            f"&nbsp;{c}&nbsp;</span> "
            for c in counts
        )
        text = translate("ClassWindow", "Students who tagged it: {swatches}").format(
            swatches=swatches
        )
    if mode == "both":
        text += translate("ClassWindow", " · key passages underlined")
    return text


def tagged_this(count: int, total: int, label: str) -> str:
    """The heat map's tooltip: *count* of *total* students tagged this (as *label*, or any)."""
    if label:
        text = translate("ClassWindow", "{count} of {total} students tagged this as {label}")
    else:
        text = translate("ClassWindow", "{count} of {total} students tagged this (with any tag)")
    return text.format(count=count, total=total, label=label)


def tagged_here(quote: str, count: int, total: int, label: str) -> str:
    """The sentence above "who tagged it": *count* of *total* shown students tagged *quote*."""
    if label:
        text = translate(
            "ClassWindow", "“{quote}”: {count} of {total} shown students tagged this as {label}."
        )
    else:
        text = translate(
            "ClassWindow",
            "“{quote}”: {count} of {total} shown students tagged this (with any tag).",
        )
    return text.format(quote=quote, count=count, total=total, label=label)
