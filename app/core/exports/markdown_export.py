"""Markdown export of one student's annotations: a list with quotes and notes."""

from __future__ import annotations

import re

from app.core.annotations import in_document_order
from app.core.article import Article
from app.core.sidecar import Sidecar

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
    title = escape_markdown(article.title or "Untitled article")
    lines = [f"# Annotations: {title}", ""]
    author = sidecar.author.name
    annotations = in_document_order(sidecar.annotations)
    lines.append(
        f"{len(annotations)} annotations" + (f" by {escape_markdown(author)}" if author else "")
    )
    lines.append("")
    for a in annotations:
        where = f"characters {a.start}\u2013{a.end}"
        if a.status == "orphan":
            where = "not found in the current text"
        lines.append(f"- **{escape_markdown(labels.get(a.tag, a.tag))}** ({where})")
        lines.append(f"  > {escape_markdown(a.exact)}")
        if a.note:
            lines.append("")
            lines.append(f"  Note: {escape_markdown(a.note)}")
        lines.append("")
    # A lone surrogate (half a UTF-16 pair from a pasted note) has no UTF-8 form.
    return "\n".join(lines).encode("utf-8", "replace")
