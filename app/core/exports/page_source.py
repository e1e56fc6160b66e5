"""Where an article came from (a saved web page's site, authors, date and address), as a
line for the exports' headers, so that a report says where the article came from."""

from __future__ import annotations

from app.core.article import PageInfo
from app.core.exports.html_page import esc
from app.core.translation import translate


def source_parts(page: PageInfo | None) -> list[str]:
    """The site name, the authors, the publication date and the address that *page*
    gives, in that order, the missing ones left out (none for a .txt or .md article)."""
    if page is None:
        return []
    parts = [page.site_name, ", ".join(page.authors), page.published, page.url]
    return [part for part in parts if part]


def source_text(page: PageInfo | None) -> str:
    """ "Source: site · authors · date · address" in plain text, or "" when unknown."""
    parts = source_parts(page)
    if not parts:
        return ""
    return translate("Exports", "Source: {source}").format(source=" · ".join(parts))


def source_html(page: PageInfo | None) -> str:
    """The source line as an HTML paragraph (the address a link), or "" when unknown."""
    parts = source_parts(page)
    if not parts or page is None:
        return ""
    shown = [
        f'<a href="{esc(part)}">{esc(part)}</a>' if part == page.url else esc(part)
        for part in parts
    ]
    line = translate("Exports", "Source: {source}").format(source=" &middot; ".join(shown))
    return f'<p class="source">{line}</p>'
