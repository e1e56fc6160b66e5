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
from app.core.scoring import overlapping_pairs
from app.core.sidecar import Sidecar
from app.core.tags import Tag

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
    if in_key:
        names = f"{names} (in the key)" if names else "in the key"
    css = ' class="k"' if in_key else ""
    return f'style="{style}"{css} title="{esc(names)}"'


def student_html(article: Article, sidecar: Sidecar) -> bytes:
    """One student's annotations: the article with highlights, notes as endnotes."""
    annotations = [a for a in in_document_order(sidecar.annotations) if a.status != "orphan"]
    tags = list(sidecar.tagset.tags)
    labels = {tag.id: tag.label for tag in tags}
    inserts: dict[int, str] = {}
    notes = []
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
    author = sidecar.author.name
    body = (
        f"<h1>{esc(article.title or 'Untitled article')}</h1>"
        f'<p class="meta">{len(annotations)} annotations'
        f"{' by ' + esc(author) if author else ''} &middot; made with Slant</p>"
        f"{tag_legend(tags, {a.tag for a in annotations}.__contains__)}"
        f'<div class="article">'
        f"{render_article(article, highlight_segments(annotations, tags), inserts)}</div>"
    )
    orphans = [a for a in sidecar.annotations if a.status == "orphan"]
    if notes:
        body += f'<h2>Notes</h2><ol class="endnotes">{"".join(notes)}</ol>'
    if orphans:
        items = "".join(
            f"<li><b>{esc(labels.get(a.tag, a.tag))}</b>: \u201c{esc(a.exact)}\u201d</li>"
            for a in orphans
        )
        body += (
            "<h2>Annotations not found in this text</h2>"
            f'<p class="note">The article changed and these passages could not be found.</p>'
            f"<ul>{items}</ul>"
        )
    return page(article.title or "Annotations", body, PAGE_CSS)


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
    for number, result in enumerate(analysis.key_results, start=1):
        span = result.annotation
        theirs = sorted(overlapping.get(number - 1, []), key=Annotation.sort_key)
        matched.update(a.id for a in theirs)
        if index in result.found_by:
            status, css = "Found", "found"
        elif index in result.wrong_tags:
            given = ", ".join(labels.get(t, t) for t in result.wrong_tags[index])
            status, css = f"Tagged differently: {given}", "other"
        else:
            status, css = "Missed", "missed"
        counts[css] += 1
        key_note = f'<br><span class="note">Teacher: {esc(span.note)}</span>' if span.note else ""
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
    summary = (
        f"<p>The answer key marks {len(rows)} passages. You found <b>{counts['found']}</b>, "
        f"tagged <b>{counts['other']}</b> differently and missed <b>{counts['missed']}</b>.</p>"
    )
    if score is not None:
        summary += (
            f"<p>Precision {ratio(score.precision)} (how much of what you marked is in the key), "
            f"recall {ratio(score.recall)} (how much of the key you marked), "
            f"F1 {ratio(score.f1)} (both together; 1 is a perfect match).</p>"
        )
    body = (
        f"<h1>Feedback for {esc(student.label)}</h1>"
        f'<p class="meta">{esc(class_data.article.title)} &middot; made with Slant</p>'
        f"{summary}<h2>The key's passages and yours</h2>"
        + (
            table(["#", "In the answer key", "You", "Your annotations there"], rows, {0})
            if rows
            else "<p>The key has no passages.</p>"
        )
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
        body += (
            "<h2>Your annotations that are not in the key</h2>"
            '<p class="note">Not necessarily wrong: talk about them with your teacher.</p>'
            + table(["Tag", "Passage", "Your note"], items)
        )
    segments = highlight_segments(mine, tags, key)
    body += (
        "<h2>The article</h2>"
        f'{tag_legend(tags)}<p class="legend"><span class="k">Underlined</span>: '
        "in the answer key.</p>"
        f'<div class="article">{render_article(class_data.article, segments)}</div>'
    )
    return page(f"Feedback for {student.label}", body, PAGE_CSS)


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
