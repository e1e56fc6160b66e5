"""The header above a web page's article: site, title, authors, date and the page's address."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from app.ui.article.colors import PAGE_COLOR, TEXT_COLOR
from app.ui.i18n import translate
from app.ui.plain_text import without_direction_controls

if TYPE_CHECKING:
    from app.core.article import Article, PageInfo
    from app.ui.article.article_view import ArticleView

# On the paper-like page in every theme, as the article is: 6.4:1 on PAGE_COLOR.
QUIET_COLOR = QColor("#555b66")
SPACING = 2
PADDING = 12  # px above and below the header's lines


class PageHeader(QFrame):
    """Where a web page's article came from, shown above it on the same paper-like page.

    The title is shown only when the article does not start with a heading (e.g. the
    whole page text was kept, which starts with the page's menus); the address is plain,
    selectable text, never a link: nothing from a page is ever followed. Hidden for
    articles that are not web pages. The lines start where the article's text column
    starts, following the view's zoom and width.
    """

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, PAGE_COLOR)
        palette.setColor(QPalette.ColorRole.WindowText, TEXT_COLOR)
        self.setPalette(palette)
        self.site_label = self._label(translate("PageHeader", "Site"), QUIET_COLOR, bold=True)
        self.title_label = self._label(translate("PageHeader", "Title"), TEXT_COLOR, bold=True)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        self.title_label.setFont(title_font)
        self.byline_label = self._label(translate("PageHeader", "Authors and date"), TEXT_COLOR)
        self.address_label = self._label(translate("PageHeader", "Address"), QUIET_COLOR)
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(SPACING)
        for label in (self.site_label, self.title_label, self.byline_label, self.address_label):
            self._layout.addWidget(label)
        # Signals, not an event filter: PySide6 would wrap each event the filter is given
        # by trying every QEvent class, building ~50 Qt types at start-up.
        view.columnMoved.connect(self._follow_column)
        view.zoomChanged.connect(self._follow_column)
        self.hide()

    def _label(self, name: str, color: QColor, *, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setAccessibleName(name)
        label.setWordWrap(True)  # long titles wrap; a long address wraps anywhere
        label.setTextFormat(Qt.TextFormat.PlainText)  # a page's words are never markup
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, color)
        label.setPalette(palette)
        if bold:
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        return label

    def set_article(self, article: Article | None) -> None:
        """Show *article*'s page metadata, or hide the header when it is not a web page."""
        page = article.page if article is not None else None
        if page is None:
            self.hide()
            return
        # The extractor's article starts with its headline (after a byline, perhaps).
        starts_with_heading = bool(
            article and any(block.kind == "heading" for block in article.blocks[:3])
        )
        self._show_line(self.site_label, page.site_name)
        self._show_line(self.title_label, "" if starts_with_heading else page.title)
        self._show_line(self.byline_label, byline(page))
        self._show_line(self.address_label, page.url)
        shown = (self.site_label, self.title_label, self.byline_label, self.address_label)
        self.setVisible(any(not label.isHidden() for label in shown))
        self._follow_column()

    def _show_line(self, label: QLabel, text: str) -> None:
        label.setText(without_direction_controls(text))
        label.setHidden(not text)

    def _follow_column(self, *_: object) -> None:
        view = self._view
        margins = view.viewportMargins()
        inset = view.frameWidth() + int(view.document().documentMargin())
        self._layout.setContentsMargins(
            margins.left() + inset, PADDING, margins.right() + inset, PADDING
        )


def byline(page: PageInfo) -> str:
    """ "By Ann Lee and Bo Li · 18 November 2025": who wrote the page and when ("" if unknown)."""
    parts = []
    if page.authors:
        names = list(page.authors)
        if len(names) == 1:
            authors = names[0]
        else:
            authors = translate("PageHeader", "{names} and {last}").format(
                names=", ".join(names[:-1]), last=names[-1]
            )
        parts.append(translate("PageHeader", "By {authors}").format(authors=authors))
    if page.published:
        parts.append(shown_date(page.published))
    return " · ".join(parts)


def shown_date(iso: str) -> str:
    """An ISO date ("2025-11-18") in the reader's words, or as it is when it is no date."""
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    if not date.isValid():
        return iso
    return QLocale().toString(date, QLocale.FormatType.LongFormat)
