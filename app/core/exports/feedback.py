"""Per-student HTML pages: feedback against the answer key, and the plain HTML export."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from app.core.annotations import Annotation, in_document_order
from app.core.article import Article
from app.core.classroom import ClassAnalysis, ClassData, Student, StudentStats
from app.core.exports.html_page import (
    Segment,
    esc,
    overlay,
    page,
    ratio,
    render_article,
    rgba,
    table,
)
from app.core.exports.page_source import source_html
from app.core.exports.phrases import annotation_count
from app.core.scoring import overlapping_pairs
from app.core.sidecar import Sidecar
from app.core.tags import Tag
from app.core.translation import translate

PAGE_CSS = """
.k { border-bottom: 2px solid #000; }
.found { color: #00663a; font-weight: bold; } .other { color: #8a5a00; font-weight: bold; }
.missed { color: #a33; font-weight: bold; }
sup a { text-decoration: none; font-family: system-ui, sans-serif; font-size: .75em; }
ol.endnotes li { margin: .4rem 0; }
"""


def highlight_segments(
    annotations: Sequence[Annotation], tags: Sequence[Tag], key: Sequence[Annotation] = ()
) -> list[Segment]:
    """Spans coloured by tag (stripes where tags overlap); *key* spans underlined."""
    colors = {tag.id: tag.color for tag in tags}
    labels = {tag.id: tag.label for tag in tags}
    marks: list[tuple[int, int, str | None]] = [(a.start, a.end, a.tag) for a in annotations]
    marks += [(a.start, a.end, None) for a in key]
    # A few thousand pieces share a handful of tag combinations: build each look once.
    looks: dict[tuple[str | None, ...], str] = {}
    segments: list[Segment] = []
    for start, end, active in overlay(marks):
        look = looks.get(active)
        if look is None:
            look = looks[active] = _look(active, colors, labels)
        segments.append((start, end, look))
    return segments


def _look(active: tuple[str | None, ...], colors: dict[str, str], labels: dict[str, str]) -> str:
    """The span attributes for a piece covered by *active* tags (None: the key)."""
    tag_ids = list(dict.fromkeys(t for t in active if t is not None))
    fills = [rgba(colors.get(t, "#999999"), 0.4) for t in tag_ids]
    if len(fills) == 1:
        style = f"background:{fills[0]}"
    elif fills:
        step = 100 / len(fills)
        stops = ", ".join(
            f"{fill} {i * step:.0f}% {(i + 1) * step:.0f}%" for i, fill in enumerate(fills)
        )
        style = f"background:linear-gradient(to bottom, {stops})"
    else:
        style = ""
    names = ", ".join(labels.get(t, t) for t in tag_ids)
    in_key = None in active
    if in_key and names:
        names = translate("FeedbackPage", "{tags} (in the key)").format(tags=names)
    elif in_key:
        names = translate("FeedbackPage", "in the key")
    css = ' class="k"' if in_key else ""
    return f'style="{style}"{css} title="{esc(names)}"'


def student_html(article: Article, sidecar: Sidecar) -> bytes:
    """One student's annotations: the article with highlights, notes as endnotes."""
    annotations = [a for a in in_document_order(sidecar.annotations) if a.status != "orphan"]
    tags = list(sidecar.tagset.tags)
    labels = {tag.id: tag.label for tag in tags}
    inserts: dict[int, str] = {}
    notes: list[str] = []
    for annotation in annotations:
        if not annotation.note:
            continue
        number = len(notes) + 1
        inserts[annotation.end] = inserts.get(annotation.end, "") + (
            f'<sup id="ref-{number}"><a href="#note-{number}">[{number}]</a></sup>'
        )
        notes.append(
            f'<li id="note-{number}"><b>{esc(labels.get(annotation.tag, annotation.tag))}</b>: '
            f'<span class="quote">\u201c{esc(annotation.exact)}\u201d</span><br>'
            f'{esc(annotation.note)} <a href="#ref-{number}">\u21a9</a></li>'
        )
    title = article.title or translate("StudentExport", "Untitled article")
    made = translate("StudentExport", "made with Slant")
    count = annotation_count(len(annotations), esc(sidecar.author.name))
    body = (
        f"<h1>{esc(title)}</h1>{source_html(article.page)}"
        f'<p class="meta">{count} &middot; {made}</p>'
        f"{tag_legend(tags, {a.tag for a in annotations}.__contains__)}"
        f'<div class="article">'
        f"{render_article(article, highlight_segments(annotations, tags), inserts)}</div>"
    )
    orphans = [a for a in sidecar.annotations if a.status == "orphan"]
    if notes:
        heading = translate("StudentExport", "Notes")
        body += f'<h2>{heading}</h2><ol class="endnotes">{"".join(notes)}</ol>'
    if orphans:
        items = "".join(
            f"<li><b>{esc(labels.get(a.tag, a.tag))}</b>: \u201c{esc(a.exact)}\u201d</li>"
            for a in orphans
        )
        heading = translate("StudentExport", "Annotations not found in this text")
        note = translate(
            "StudentExport", "The article changed and these passages could not be found."
        )
        body += f'<h2>{heading}</h2><p class="note">{note}</p><ul>{items}</ul>'
    return page(article.title or translate("StudentExport", "Annotations"), body, PAGE_CSS)


def feedback_page(class_data: ClassData, analysis: ClassAnalysis, index: int) -> bytes:
    """Feedback for student *index*: each key passage found, tagged differently or missed."""
    student: Student = class_data.students[index]
    stats: StudentStats = analysis.stats[index]
    key = class_data.key.placed if class_data.key else []
    tags = list(class_data.tags)
    labels = {tag.id: tag.label for tag in tags}
    mine = in_document_order(student.placed)
    key_spans = [result.annotation for result in analysis.key_results]
    overlapping: dict[int, list[Annotation]] = {}
    for j, i in overlapping_pairs(key_spans, mine):
        overlapping.setdefault(j, []).append(mine[i])
    rows, counts = [], {"found": 0, "other": 0, "missed": 0}
    matched: set[str] = set()
    teacher = translate("FeedbackPage", "Teacher: {note}")
    for number, result in enumerate(analysis.key_results, start=1):
        span = result.annotation
        theirs = sorted(overlapping.get(number - 1, []), key=Annotation.sort_key)
        matched.update(a.id for a in theirs)
        if index in result.found_by:
            status, css = translate("FeedbackPage", "Found"), "found"
        elif index in result.wrong_tags:
            given = ", ".join(labels.get(t, t) for t in result.wrong_tags[index])
            status = translate("FeedbackPage", "Tagged differently: {tags}").format(tags=given)
            css = "other"
        else:
            status, css = translate("FeedbackPage", "Missed"), "missed"
        counts[css] += 1
        key_note = (
            f'<br><span class="note">{teacher.format(note=esc(span.note))}</span>'
            if span.note
            else ""
        )
        rows.append(
            [
                str(number),
                f"<b>{esc(labels.get(span.tag, span.tag))}</b><br>"
                f'<span class="quote">\u201c{esc(span.exact)}\u201d</span>{key_note}',
                f'<span class="{css}">{esc(status)}</span>',
                _yours(theirs, labels),
            ]
        )
    extra = [a for a in mine if a.id not in matched]
    score = stats.score.overall if stats.score else None
    summary = f"<p>{_summary(len(rows), counts)}</p>"
    if score is not None:
        scores = translate(
            "FeedbackPage",
            "Precision {precision} (how much of what you marked is in the key), recall "
            "{recall} (how much of the key you marked), F1 {f1} (both together; 1 is a "
            "perfect match).",
        )
        summary += "<p>{}</p>".format(
            scores.format(
                precision=ratio(score.precision), recall=ratio(score.recall), f1=ratio(score.f1)
            )
        )
    feedback_for = translate("FeedbackPage", "Feedback for {name}")
    made = translate("FeedbackPage", "made with Slant")
    passages = translate("FeedbackPage", "The key's passages and yours")
    header = [
        "#",
        translate("FeedbackPage", "In the answer key"),
        translate("FeedbackPage", "You"),
        translate("FeedbackPage", "Your annotations there"),
    ]
    no_passages = translate("FeedbackPage", "The key has no passages.")
    body = (
        f"<h1>{feedback_for.format(name=esc(student.label))}</h1>"
        f'<p class="meta">{esc(class_data.article.title)} &middot; {made}</p>'
        f"{source_html(class_data.article.page)}"
        f"{summary}<h2>{passages}</h2>"
        + (table(header, rows, {0}) if rows else f"<p>{no_passages}</p>")
    )
    if extra:
        items = [
            [
                esc(labels.get(a.tag, a.tag)),
                f'<span class="quote">\u201c{esc(a.exact)}\u201d</span>',
                esc(a.note),
            ]
            for a in extra
        ]
        heading = translate("FeedbackPage", "Your annotations that are not in the key")
        note = translate(
            "FeedbackPage", "Not necessarily wrong: talk about them with your teacher."
        )
        header = [
            translate("FeedbackPage", "Tag"),
            translate("FeedbackPage", "Passage"),
            translate("FeedbackPage", "Your note"),
        ]
        body += f'<h2>{heading}</h2><p class="note">{note}</p>' + table(header, items)
    segments = highlight_segments(mine, tags, key)
    underlined = '<span class="k">{}</span>'.format(translate("FeedbackPage", "Underlined"))
    legend = translate("FeedbackPage", "{underlined}: in the answer key.")
    heading = translate("FeedbackPage", "The article")
    body += (
        f"<h2>{heading}</h2>"
        f'{tag_legend(tags)}<p class="legend">{legend.format(underlined=underlined)}</p>'
        f'<div class="article">{render_article(class_data.article, segments)}</div>'
    )
    return page(feedback_for.format(name=student.label), body, PAGE_CSS)


def _summary(passages: int, counts: dict[str, int]) -> str:
    """How the student did against the key, as a whole sentence for one and many passages."""
    if passages == 1:
        text = translate(
            "FeedbackPage",
            "The answer key marks 1 passage. You found <b>{found}</b>, tagged <b>{other}</b> "
            "differently and missed <b>{missed}</b>.",
        )
    else:
        text = translate(
            "FeedbackPage",
            "The answer key marks {count} passages. You found <b>{found}</b>, tagged "
            "<b>{other}</b> differently and missed <b>{missed}</b>.",
        )
    return text.format(count=passages, **counts)


def _yours(annotations: Sequence[Annotation], labels: dict[str, str]) -> str:
    parts = []
    for a in annotations:
        note = f'<br><span class="note">{esc(a.note)}</span>' if a.note else ""
        parts.append(
            f"{esc(labels.get(a.tag, a.tag))}: "
            f'<span class="quote">\u201c{esc(a.exact)}\u201d</span>{note}'
        )
    return "<br>".join(parts)


def tag_legend(tags: Sequence[Tag], used: Callable[[str], bool] = lambda _: True) -> str:
    """Swatches naming each tag's colour (for pages that highlight with tag colours)."""
    items = "".join(
        f'<span class="item"><span class="swatch" style="background:{rgba(t.color, 0.45)}"></span>'
        f"{esc(t.label)}</span>"
        for t in tags
        if used(t.id)
    )
    return f'<p class="legend">{items}</p>'
