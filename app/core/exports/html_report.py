"""The teacher's class report (report.html): agreement, heat map, students, the key.

The page pieces it shares with the feedback pages are in html_page.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from app.core.agreement import Alpha
from app.core.classroom import ClassAnalysis, ClassData
from app.core.exports.html_page import esc, overlay, page, ratio, render_article, rgba, table
from app.core.exports.page_source import source_html
from app.core.exports.phrases import decimal
from app.core.scoring import Score
from app.core.tags import Tag
from app.core.translation import translate

# The report's words follow the interface language (app/core/translation.py): the templates may
# hold inline markup (<b>, &ndash;); every piece of article or student text still goes
# through esc. The line breaks inside the explanations only keep the English file as it was.


def _explanation() -> str:
    alpha = translate(
        "ClassReport",
        "<b>Agreement (Krippendorff's alpha).</b> For each tag, every character of the article\n"
        "counts as one small decision: did a student give it that tag or not? Alpha compares how\n"
        "often the students agree on those decisions with how often they would agree by pure "
        "chance\n"
        "(if each kept the amount they tagged but placed it at random). <b>1</b> means everyone\n"
        "marked exactly the same characters; <b>0</b> means no more agreement than chance; "
        "below 0\n"
        "means the students systematically disagree. As a rule of thumb, {high} or more is high\n"
        "agreement, {moderate}&ndash;{high} moderate, and lower values mean the class understands "
        "the tag\n"
        "differently &mdash; a good tag to discuss. <b>n/a</b> means alpha cannot be computed: "
        "there\n"
        "are fewer than two students, or every student made the same choice for every character\n"
        "(for example, nobody used the tag), so there is no disagreement to measure.",
    ).format(high=decimal(0.8), moderate=decimal(0.667))
    pairs = translate(
        "ClassReport",
        "<b>F1 between two students</b> compares the characters they tagged (tag by tag):\n"
        "twice the characters they both tagged the same way, divided by everything each of them\n"
        "tagged. <b>1</b> = identical, <b>0</b> = nothing in common.",
    )
    key = translate(
        "ClassReport",
        "<b>Against the answer key.</b> <i>Precision</i>: of what a student marked, how much\n"
        "is also marked in the key with the same tag (a passage half inside the key counts half).\n"
        "<i>Recall</i>: of the key's passages, how much the student marked with the right tag.\n"
        "<i>F1</i> combines the two (it is high only when both are). Each is between 0 and 1.",
    )
    return f'\n<div class="explain">\n<p>{alpha}</p>\n<p>{pairs}</p>\n<p>{key}</p>\n</div>\n'


def _meta(class_data: ClassData) -> str:
    count = len(class_data.students)
    if count == 1:
        students = translate("ClassReport", "1 student")
    else:
        students = translate("ClassReport", "{count} students").format(count=count)
    if class_data.key:
        key_note = translate("ClassReport", "with an answer key")
    else:
        key_note = translate("ClassReport", "no answer key")
    characters = translate("ClassReport", "{count:,} characters")
    made = translate("ClassReport", "made with Slant on {date}")
    stamp = datetime.now(UTC).strftime("%Y-%m-%d")
    return " &middot; ".join(
        [
            students,
            key_note,
            characters.format(count=len(class_data.article.text)),
            made.format(date=stamp),
        ]
    )


def class_report(class_data: ClassData, analysis: ClassAnalysis) -> bytes:
    """The class report: explanations, agreement, heat map, students, key comparison."""
    article = class_data.article
    title = translate("ClassReport", "Class report: {title}")
    untitled = translate("ClassReport", "untitled article")
    how_to_read = translate("ClassReport", "How to read this report")
    sections = [
        '<section class="first">'
        f"<h1>{title.format(title=esc(article.title or untitled))}</h1>"
        f"{source_html(article.page)}"
        f'<p class="meta">{_meta(class_data)}</p>'
        f"<h2>{how_to_read}</h2>{_explanation()}"
        f"{_agreement(class_data, analysis)}</section>",
        _heat_section(class_data, analysis),
        _students_section(class_data, analysis),
        _f1_section(class_data, analysis),
    ]
    if class_data.key is not None:
        sections.append(_key_section(class_data, analysis))
    sections.append(_files_section(class_data))
    css = _heat_css(class_data, _tags_in_use(class_data, analysis))
    return page(title.format(title=article.title), "\n".join(sections), css)


def _tag_names(class_data: ClassData) -> dict[str, str]:
    """Each tag's label, escaped: made once per section, looked up for every row."""
    return {tag.id: esc(tag.label) for tag in class_data.tags}


def _tag_name(names: dict[str, str], tag_id: str) -> str:
    return names.get(tag_id) or esc(tag_id)


def _tags_in_use(class_data: ClassData, analysis: ClassAnalysis) -> list[Tag]:
    """The tags some student or the key gave a passage: each heat map is the whole article,
    so tags nobody used get none."""
    in_key = {a.tag for a in class_data.key.placed} if class_data.key else set()
    return [tag for tag in class_data.tags if analysis.heat.get(tag.id) or tag.id in in_key]


def _verdict(alpha: Alpha) -> str:
    if alpha.value is None:
        return ratio(None)
    if alpha.value >= 0.8:
        css, verdict = "ok", translate("ClassReport", "high")
    elif alpha.value >= 0.667:
        css, verdict = "warn", translate("ClassReport", "moderate")
    else:
        css, verdict = "bad", translate("ClassReport", "low")
    return f'<span class="{css}">{verdict}</span>'


def _agreement(class_data: ClassData, analysis: ClassAnalysis) -> str:
    names = _tag_names(class_data)
    rows = [
        [_tag_name(names, tag), ratio(a.value), _verdict(a), str(a.coders)]
        for tag, a in analysis.alpha.items()
    ]
    overall = analysis.overall_alpha
    pooled = translate("ClassReport", "Tags in use (pooled)")
    rows.append(
        [
            f"<b>{pooled}</b>",
            f"<b>{ratio(overall.value)}</b>",
            _verdict(overall),
            str(overall.coders),
        ]
    )
    note = translate(
        "ClassReport",
        "The pooled value treats every (tag, character) pair as one decision, so tags that "
        "cover more of the article weigh more.",
    )
    header = [
        translate("ClassReport", "Tag"),
        translate("ClassReport", "Alpha"),
        translate("ClassReport", "Agreement"),
        translate("ClassReport", "Students"),
    ]
    heading = translate("ClassReport", "Agreement")
    return f"<h2>{heading}</h2>" + table(header, rows, {1, 3}) + f'<p class="note">{note}</p>'


def _heat_css(class_data: ClassData, tags: list[Tag]) -> str:
    count = max(1, len(class_data.students))
    rules = []
    for index, tag in enumerate(tags):
        rules.append(f"#heat-{index}:checked ~ #panel-{index} {{ display: block; }}")
        rules.append(
            f"#heat-{index}:checked + label {{ background: {rgba(tag.color, 0.25)}; "
            f"border-color: {tag.color}; }}"
        )
        for level in range(1, count + 1):
            rules.append(
                f".p{index} .c{level} "
                f"{{ background: {rgba(tag.color, 0.12 + 0.7 * level / count)}; }}"
            )
    return (
        "\n.tab-input { position: absolute; opacity: 0; }"
        "\n.tab { display: inline-block; border: 1px solid #bbb; border-radius: 4px 4px 0 0; "
        "padding: .3rem .8rem; margin: 0 .2rem .4rem 0; cursor: pointer; font-size: .9rem; }"
        "\n.tab-input:focus-visible + label { outline: 2px solid #000; }"
        "\n.panel { display: none; } .panel h3 { margin-top: .4rem; }"
        "\n.k { border-bottom: 2px solid #000; }"
        "\n@media print { .tab, .tab-input { display: none; } .panel { display: block !important;"
        " page-break-before: always; break-before: page; }"
        " #panel-0 { page-break-before: auto; break-before: auto; } }\n" + "\n".join(rules)
    )


def _legend_steps(count: int) -> list[int]:
    return sorted({max(1, round(count * share)) for share in (0.0, 0.25, 0.5, 0.75, 1.0)})


def _heat_section(class_data: ClassData, analysis: ClassAnalysis) -> str:
    count = len(class_data.students)
    key = class_data.key.placed if class_data.key else []
    # Made once: a report cuts the article into thousands of pieces.
    tip_class = esc(translate("ClassReport", "{number} of {total} students"))
    tip_key = esc(translate("ClassReport", "{number} of {total} students, in the key"))
    step = translate("ClassReport", "{number} of {total}")
    underlined = '<span class="k">{}</span>'.format(translate("ClassReport", "underlined"))
    in_key = translate("ClassReport", "{underlined}: in the answer key")
    strength = translate(
        "ClassReport", "Colour strength = how many students gave a passage this tag:"
    )
    tabs, panels = [], []
    for index, tag in enumerate(_tags_in_use(class_data, analysis)):
        checked = " checked" if index == 0 else ""
        tabs.append(
            f'<input type="radio" name="heat" id="heat-{index}" class="tab-input"{checked}>'
            f'<label for="heat-{index}" class="tab">{esc(tag.label)}</label>'
        )
        marks: list[tuple[int, int, int]] = [(s, e, c) for s, e, c in analysis.heat[tag.id]]
        marks += [(a.start, a.end, 0) for a in key if a.tag == tag.id]
        segments = []
        for start, end, active in overlay(marks):
            level = max(active)
            css = (f"c{level}" if level else "") + (" k" if 0 in active else "")
            tip = (tip_key if 0 in active else tip_class).format(number=level, total=count)
            segments.append((start, end, f'class="{css.strip()}" title="{tip}"'))
        steps = (
            "".join(
                f'<span class="item"><span class="swatch c{n}"></span>'
                f"{step.format(number=n, total=count)}</span>"
                for n in _legend_steps(count)
            )
            if count
            else translate("ClassReport", "No students.")
        )
        key_legend = (
            f'<span class="item">{in_key.format(underlined=underlined)}</span>' if key else ""
        )
        panels.append(
            f'<div class="panel p{index}" id="panel-{index}"><h3>{esc(tag.label)}</h3>'
            f'<p class="legend">{strength} {steps} {key_legend}</p>'
            f'<div class="article">{render_article(class_data.article, segments)}</div></div>'
        )
    heading = translate("ClassReport", "The article: what the class tagged")
    note = translate(
        "ClassReport",
        "Choose a tag. The darker a passage, the more students gave it that tag; hold the "
        "pointer over it for the number.",
    )
    if not panels:
        nothing = translate("ClassReport", "Nobody has tagged a passage yet.")
        return f"<section><h2>{heading}</h2><p>{nothing}</p></section>"
    return (
        f'<section><h2>{heading}</h2><p class="note">{note}</p>'
        f'<div class="heat">{"".join(tabs)}{"".join(panels)}</div></section>'
    )


def _student_note(student: Any) -> str:
    notes = []
    if student.reanchored:
        counts = student.status_counts()
        statuses = {
            "moved": translate("ClassReport", "{count} moved"),
            "fuzzy": translate("ClassReport", "{count} fuzzy"),
            "orphan": translate("ClassReport", "{count} orphan"),
        }
        detail = ", ".join(
            template.format(count=counts[s]) for s, template in statuses.items() if counts.get(s)
        )
        if detail:
            text = translate("ClassReport", "made on an older text; re-anchored: {detail}")
        else:
            text = translate("ClassReport", "made on an older text; re-anchored")
        notes.append(f'<span class="warn">{text.format(detail=detail)}</span>')
    elif student.orphans:
        text = translate("ClassReport", "{count} not placed (orphans)")
        notes.append(f'<span class="warn">{text.format(count=len(student.orphans))}</span>')
    return "<br>".join(notes)


def _students_section(class_data: ClassData, analysis: ClassAnalysis) -> str:
    tags = list(class_data.tags)
    heading = translate("ClassReport", "Students")
    if not class_data.students:
        none = translate("ClassReport", "No usable student files.")
        return f"<section><h2>{heading}</h2><p>{none}</p></section>"
    notes = [_student_note(student) for student in class_data.students]
    header = [translate("ClassReport", "Student"), translate("ClassReport", "File")]
    header += [esc(t.label) for t in tags]
    rows = []
    for student, stats, note in zip(class_data.students, analysis.stats, notes, strict=True):
        row = [esc(student.label), esc(student.file)]
        row += [f"{stats.counts[t.id]} ({stats.chars[t.id]:,})" for t in tags]
        rows.append([*row, note] if any(notes) else row)
    if any(notes):
        header.append(translate("ClassReport", "Notes"))
    note = translate(
        "ClassReport",
        "Each cell: the number of passages the student gave that tag, and (in brackets) how "
        "many characters they cover together.",
    )
    parts = [
        f"<section><h2>{heading}</h2>",
        f'<p class="note">{note}</p>',
        table(header, rows, set(range(2, 2 + len(tags)))),
    ]
    if class_data.key is not None:
        parts.append(_scores_table(class_data, analysis))
    parts.append("</section>")
    return "".join(parts)


def _scores_table(class_data: ClassData, analysis: ClassAnalysis) -> str:
    tags = list(class_data.tags)
    header = [
        translate("ClassReport", "Student"),
        translate("ClassReport", "Precision"),
        translate("ClassReport", "Recall"),
        "F1",
    ]
    header += [f"F1 {esc(t.label)}" for t in tags]
    rows = []
    for student, stats in zip(class_data.students, analysis.stats, strict=True):
        if stats.score is None:
            continue
        overall: Score = stats.score.overall
        row = [
            esc(student.label),
            ratio(overall.precision),
            ratio(overall.recall),
            f"<b>{ratio(overall.f1)}</b>",
        ]
        rows.append(row + [ratio(stats.score.per_tag[t.id].f1) for t in tags])
    note = translate(
        "ClassReport",
        "Precision, recall and F1 over all tags together, then F1 tag by tag (n/a: neither "
        "the student nor the key used the tag).",
    )
    heading = translate("ClassReport", "Against the answer key")
    return f'<h3>{heading}</h3><p class="note">{note}</p>' + table(
        header, rows, set(range(1, len(header)))
    )


def _f1_section(class_data: ClassData, analysis: ClassAnalysis) -> str:
    students = class_data.students
    if len(students) < 2:
        heading = translate("ClassReport", "Pairs of students")
        fewer = translate("ClassReport", "Fewer than two students.")
        return f"<section><h2>{heading}</h2><p>{fewer}</p></section>"
    header = [translate("ClassReport", "Student")] + [f"{n}" for n in range(1, len(students) + 1)]
    rows = []
    for i, student in enumerate(students):
        cells = [f"{i + 1}. {esc(student.label)}"]
        for value in analysis.f1[i]:
            if value is None:
                cells.append("&ndash;")
            else:
                shade = rgba("#0072B2", 0.08 + 0.5 * value)
                cells.append(
                    f'<span class="cell" style="background:{shade}" '
                    f'title="{decimal(value)}">{round(value * 100)}</span>'
                )
        rows.append(cells)
    heading = translate("ClassReport", "Pairs of students (F1 &times; 100)")
    note = translate(
        "ClassReport",
        "How similar two students' tagging is, from 0 (nothing in common) to 100 (identical); "
        "&ndash; when neither tagged anything. Columns follow the row numbers.",
    )
    return (
        f'<section class="pairs"><h2>{heading}</h2><p class="note">{note}</p>'
        f'<div class="f1">{table(header, rows, set(range(1, len(header))))}</div></section>'
    )


def _key_section(class_data: ClassData, analysis: ClassAnalysis) -> str:
    count = len(class_data.students)
    key_note = translate("ClassReport", "Key note: {note}")
    found = translate("ClassReport", "{number} of {total}")
    names = _tag_names(class_data)
    rows = []
    for number, result in enumerate(analysis.key_results, start=1):
        span = result.annotation
        wrong = result.most_common_wrong_tag()
        wrong_text = f"{_tag_name(names, wrong[0])} ({wrong[1]})" if wrong else ""
        note = (
            f'<br><span class="note">{key_note.format(note=esc(span.note))}</span>'
            if span.note
            else ""
        )
        rows.append(
            [
                str(number),
                _tag_name(names, span.tag),
                f'<span class="quote">{esc(_short(span.exact))}</span>{note}',
                _who(
                    class_data,
                    result.found_by,
                    found.format(number=len(result.found_by), total=count),
                ),
                wrong_text,
                _who(class_data, result.missed_by, str(len(result.missed_by))),
            ]
        )
    header = [
        "#",
        translate("ClassReport", "Tag"),
        translate("ClassReport", "Passage in the key"),
        translate("ClassReport", "Found by"),
        translate("ClassReport", "Most common other tag"),
        translate("ClassReport", "Missed by"),
    ]
    no_passages = translate("ClassReport", "The key has no passages.")
    spans = table(header, rows, {0, 3, 5}) if rows else f"<p>{no_passages}</p>"
    confusion_rows = [
        [
            _tag_name(names, c.key_tag),
            _tag_name(names, c.given_tag),
            str(c.times),
            str(c.spans),
        ]
        for c in analysis.confusions
    ]
    confusion_header = [
        translate("ClassReport", "In the key"),
        translate("ClassReport", "Tagged instead as"),
        translate("ClassReport", "Times"),
        translate("ClassReport", "Passages"),
    ]
    none = translate("ClassReport", "No passage of the key was given another tag.")
    confusion = (
        table(confusion_header, confusion_rows, {2, 3}) if confusion_rows else f"<p>{none}</p>"
    )
    heading = translate("ClassReport", "Comparison with the answer key")
    note = translate(
        "ClassReport",
        '"Found by": students who tagged part of the passage with the key\'s tag. '
        '"Most common other tag": what the others who marked it chose instead.',
    )
    confusions = translate("ClassReport", "Common confusions")
    return (
        f'<section><h2>{heading}</h2><p class="note">{note}</p>'
        f"{spans}<h3>{confusions}</h3>{confusion}</section>"
    )


def _who(class_data: ClassData, indices: Sequence[int], shown: str) -> str:
    """*shown*, with the students' names as a tooltip."""
    names = ", ".join(class_data.students[i].label for i in indices)
    return f'<span title="{esc(names)}">{shown}</span>' if names else shown


def _short(text: str, limit: int = 240) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _files_section(class_data: ClassData) -> str:
    heading = translate("ClassReport", "Files")
    parts = [f"<section><h2>{heading}</h2>"]
    key = class_data.key
    if key is not None:
        note = _student_note(key)
        shown = esc(key.file) if key.file else translate("ClassReport", "the teacher's file")
        answer_key = translate("ClassReport", "Answer key: {file}").format(file=shown)
        parts.append(f"<p>{answer_key}{' &middot; ' + note if note else ''}</p>")
    if class_data.skipped:
        rows = [[esc(path), esc(reason)] for path, reason in class_data.skipped]
        header = [translate("ClassReport", "File"), translate("ClassReport", "Why it was skipped")]
        heading = translate("ClassReport", "Skipped files")
        parts.append(f"<h3>{heading}</h3>" + table(header, rows))
    else:
        none = translate("ClassReport", "No file was skipped.")
        parts.append(f"<p>{none}</p>")
    reanchored = [s for s in class_data.students if s.reanchored]
    if reanchored:
        items = "".join(f"<li>{esc(s.label)}: {_student_note(s)}</li>" for s in reanchored)
        heading = translate("ClassReport", "Made on an older version of the article")
        note = translate("ClassReport", "Their annotations were moved onto the current text.")
        parts.append(f'<h3>{heading}</h3><p class="note">{note}</p><ul>{items}</ul>')
    parts.append("</section>")
    return "".join(parts)
