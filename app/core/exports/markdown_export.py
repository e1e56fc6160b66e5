"""Markdown export of one student's annotations: a list with quotes and notes."""

from __future__ import annotations

import re

from app.core.annotations import in_document_order
from app.core.article import Article
from app.core.exports.page_source import source_text
from app.core.exports.phrases import annotation_count
from app.core.sidecar import Sidecar
from app.core.translation import translate

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these can
# start or end markup anywhere in a line (emphasis, code, links, images, HTML, tables,
# strikethrough, entities).
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#|~&!])")
# These make a list item, a thematic break or a setext heading only at a line's start.
_LEADING = re.compile(r"^([-+=]|[0-9]+[.)])")


def escape_markdown(text: str) -> str:
    """Escape *text* so that it shows literally, on one line, in Markdown."""
    flat = _SPECIAL.sub(r"\\\1", " ".join(text.split()))
    return _LEADING.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], flat)


def student_markdown(article: Article, sidecar: Sidecar) -> bytes:
    """A Markdown document: the article's title, then each annotation in document order."""
    labels = {tag.id: tag.label for tag in sidecar.tagset.tags}
    title = escape_markdown(article.title or translate("StudentExport", "Untitled article"))
    heading = translate("StudentExport", "Annotations: {title}").format(title=title)
    lines = [f"# {heading}", ""]
    source = source_text(article.page)
    if source:
        lines += [escape_markdown(source), ""]
    annotations = in_document_order(sidecar.annotations)
    lines.append(annotation_count(len(annotations), escape_markdown(sidecar.author.name)))
    lines.append("")
    # Made once: the loop runs for every annotation.
    characters = translate("StudentExport", "characters {start}\u2013{end}")
    not_found = translate("StudentExport", "not found in the current text")
    note = translate("StudentExport", "Note: {note}")
    for a in annotations:
        where = not_found if a.status == "orphan" else characters.format(start=a.start, end=a.end)
        lines.append(f"- **{escape_markdown(labels.get(a.tag, a.tag))}** ({where})")
        lines.append(f"  > {escape_markdown(a.exact)}")
        if a.note:
            lines.append("")
            lines.append("  " + note.format(note=escape_markdown(a.note)))
        lines.append("")
    # A lone surrogate (half a UTF-16 pair from a pasted note) has no UTF-8 form.
    return "\n".join(lines).encode("utf-8", "replace")
