"""Single-file web pages (.mhtml, .mht, as Chrome and Edge save them): the page's HTML
taken out of the MIME message that holds it with its images and style sheets."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

from app.core.errors import ArticleError
from app.core.translation import translate

# A page saved as .mhtml holds the page and each image, style sheet and frame it shows:
# hundreds of parts. Python's email parser spends ~0.2 ms on each part, so a file of
# millions of empty parts would keep it busy for minutes; lines that start with "--"
# (the parts' boundaries) are counted first.
MAX_MHTML_PARTS = 4096


def read_mhtml(data: bytes, name: str) -> tuple[str, str, list[str], str]:
    """The main HTML document of the MHTML file *name* holding *data*: (html, its
    charset, warnings, the address it was saved from or "").

    Raises ArticleError when the file holds no HTML document.
    """
    if data.count(b"\n--") > MAX_MHTML_PARTS:
        problem = translate(
            "PageErrors",
            "{file} has more than {count} parts, more than any saved web page: Slant does "
            "not read it.",
        )
        raise ArticleError(problem.format(file=name, count=MAX_MHTML_PARTS))
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
        part = _html_part(message)
        html = part.get_content() if part is not None else None
    except (RecursionError, LookupError, ValueError, TypeError) as error:
        problem = translate("PageErrors", "{file} is not a web page archive Slant can read.")
        raise ArticleError(problem.format(file=name)) from error
    if not isinstance(html, str):
        problem = translate(
            "PageErrors", "{file} holds no web page: it has no part of type text/html."
        )
        raise ArticleError(problem.format(file=name))
    if "\x00" in html:
        problem = translate(
            "ArticleErrors",
            "{file} looks like a binary file, not an article (it contains NUL bytes). "
            "If it is text, save it as UTF-8.",
        )
        raise ArticleError(problem.format(file=name))
    assert part is not None  # html is a str only when a part was found
    charset = part.get_content_charset() or "utf-8"
    address = str(message.get("Snapshot-Content-Location") or part.get("Content-Location") or "")
    return html.lstrip("\ufeff"), charset, [], address.strip()


def _html_part(message: EmailMessage) -> EmailMessage | None:
    """The first text/html part of *message* (the page itself comes first in MHTML)."""
    for part in message.walk():
        if part.get_content_type() == "text/html":
            return part
    return None
