"""The tag guide: a non-modal window that teaches each tag, in English or Spanish."""

from __future__ import annotations

import html
import json
from functools import cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.core.bounded_read import read_bounded
from app.core.tags import Tag, TagSet, default_tagset
from app.ui.actions import swatch_icon
from app.ui.article.colors import TEXT_COLOR, tag_style
from app.ui.i18n import shown_tag
from app.ui.plain_text import tooltip
from app.ui.sidebar.sidebar_widgets import TagButton

if TYPE_CHECKING:
    from app.ui.editing.document import AnnotationDocument
    from app.ui.main_window import MainWindow

LANGUAGES = ("en", "es")
# What a guide entry may hold, in the order it is shown (also the keys of Tag.guide).
GUIDE_KEYS = ("what", "spot", "examples", "counter_example", "next_step")
TAG_ID_ROLE = Qt.ItemDataRole.UserRole
MAX_GUIDE_BYTES = 1 << 20  # the bundled guides are about 8 KB each
_FALLBACK_TEXT = {
    "title": "Tag guide",
    "tags": "Tags",
    "page": "Guide",
    "what": "What it is",
    "spot": "How to spot it",
    "examples": "Examples",
    "counter_example": "Not this tag",
    "next_step": "Your next step",
    "key": "Key {key}",
    "no_guide": "Your tag set has no guide for this tag yet. This is how it is described:",
    "close": "Close",
    "quote_open": "“",
    "quote_close": "”",
}


def guide_language(choice: str, locale: QLocale | None = None) -> str:
    """ "en" or "es" for a language preference; "system" follows the (default) locale."""
    if choice in LANGUAGES:
        return choice
    spanish = (locale or QLocale()).language() == QLocale.Language.Spanish
    return "es" if spanish else "en"


@cache
def bundled_guide(language: str) -> dict[str, Any]:
    """The guide shipped with Slant in *language* (resources/guide/tag-guide.LANG.json).

    A missing, damaged or planted file (a pipe, a device, over 1 MB) gives an empty
    guide: the window then shows descriptions.
    """
    try:
        path = paths.resource_path("guide", f"tag-guide.{language}.json")
        data = json.loads(read_bounded(path, MAX_GUIDE_BYTES).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return {"text": {}, "tags": {}}
    return data if isinstance(data, dict) else {"text": {}, "tags": {}}


def guide_text(language: str) -> dict[str, str]:
    """The window's own words (headings, title) in *language*."""
    text = bundled_guide(language).get("text", {})
    return {key: str(text.get(key, default)) for key, default in _FALLBACK_TEXT.items()}


def guide_entry(tag: Tag, language: str) -> dict[str, Any]:
    """What the guide says about *tag*: the tag set's own guide if it has one, else Slant's.

    A tag set's ``guide`` is one entry (keys GUIDE_KEYS, plus an optional ``label``)
    or one entry per language code ({"en": {...}, "es": {...}}).
    """
    own = tag.guide.get(language)
    if not isinstance(own, dict):
        own = tag.guide if any(key in tag.guide for key in GUIDE_KEYS) else {}
    if any(own.get(key) for key in GUIDE_KEYS):
        return dict(own)
    return dict(bundled_guide(language).get("tags", {}).get(tag.id, {}))


def _quote_html(item: Any, background: str | None, words: dict[str, str]) -> str:
    """An example: the quote (highlighted like in the article) and why it fits or not."""
    quote, why = (
        (item.get("quote", ""), item.get("why", "")) if isinstance(item, dict) else (item, "")
    )
    # The highlight keeps the article's dark text, so it reads the same in a dark theme.
    style = f"color:{TEXT_COLOR.name()}; background:{background};" if background else ""
    quoted = f"{words['quote_open']}{quote}{words['quote_close']}"
    text = f"<span style='{style}'>{html.escape(quoted)}</span>"
    if why:
        text += f"<br><span>{html.escape(str(why))}</span>"
    return text


def guide_html(tag: Tag, language: str) -> str:
    """The guide page for *tag* as rich text."""
    words = guide_text(language)
    entry = guide_entry(tag, language)
    background = tag_style(tag.color, 0).background.name()
    label = str(entry.get("label") or shown_tag(tag, language).label)
    # The name on the tag's button too, when the window speaks another language.
    button = shown_tag(tag).label
    names = html.escape(label if label == button else f"{label} · {button}")
    key = f" <small>({html.escape(words['key'].format(key=tag.key))})</small>" if tag.key else ""
    parts = [f"<h2><span style='color:{tag.color};'>■</span> {names}{key}</h2>"]
    if not any(entry.get(key) for key in GUIDE_KEYS):
        parts.append(f"<p>{html.escape(words['no_guide'])}</p>")
        parts.append(f"<p>{html.escape(shown_tag(tag, language).description)}</p>")
        return "".join(parts)
    for key in ("what", "spot"):
        if entry.get(key):
            parts.append(f"<h3>{html.escape(words[key])}</h3><p>{html.escape(str(entry[key]))}</p>")
    examples = entry.get("examples") or []
    if isinstance(examples, list) and examples:
        items = "".join(f"<li>{_quote_html(item, background, words)}</li>" for item in examples)
        parts.append(f"<h3>{html.escape(words['examples'])}</h3><ul>{items}</ul>")
    if entry.get("counter_example"):
        counter = _quote_html(entry["counter_example"], None, words)
        parts.append(f"<h3>{html.escape(words['counter_example'])}</h3><p>{counter}</p>")
    if entry.get("next_step"):
        step = html.escape(str(entry["next_step"]))
        parts.append(f"<h3>{html.escape(words['next_step'])}</h3><p><b>→</b> {step}</p>")
    return "".join(parts)


class TagGuide(QDialog):
    """The tags of the open tag set on the left, the chosen tag's guide on the right.

    Non-modal: it stays open beside the article while the student reads and tags.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagGuide")
        self.setModal(False)
        self.resize(780, 560)
        self._tagset = default_tagset()
        self._language = "en"
        self._document: AnnotationDocument | None = None
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tagGuideList")
        self.tag_list.setMaximumWidth(230)
        self.page = QTextBrowser()
        self.page.setObjectName("tagGuidePage")
        self.page.setOpenExternalLinks(False)
        self.page.document().setDocumentMargin(12)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.close)
        body = QHBoxLayout()
        body.addWidget(self.tag_list)
        body.addWidget(self.page, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.tag_list.currentRowChanged.connect(self._show_row)
        self._fill()

    def set_tagset(self, tagset: TagSet) -> None:
        """Teach the tags of *tagset*; the chosen tag stays chosen when it is still there."""
        if tagset != self._tagset:
            current = self.current_tag_id()
            self._tagset = tagset
            self._fill(current)

    def follow(self, document: AnnotationDocument) -> None:
        """Keep teaching the tag set of *document*'s open article."""
        self._document = document
        document.articleLoaded.connect(self._article_loaded)

    def _article_loaded(self) -> None:
        if self._document is not None:
            self.set_tagset(self._document.tagset)

    def set_language(self, language: str) -> None:
        """Show the guide in *language* ("en" or "es")."""
        if language != self._language:
            self._language = language
            self._fill(self.current_tag_id())

    def language(self) -> str:
        """The language shown ("en" or "es")."""
        return self._language

    def show_tag(self, tag_id: str) -> None:
        """Show the guide of *tag_id* (unknown ids keep the current page)."""
        for row in range(self.tag_list.count()):
            if self.tag_list.item(row).data(TAG_ID_ROLE) == tag_id:
                self.tag_list.setCurrentRow(row)
                return

    def current_tag_id(self) -> str:
        """The id of the tag shown, or ""."""
        item = self.tag_list.currentItem()
        return str(item.data(TAG_ID_ROLE)) if item is not None else ""

    def page_text(self) -> str:
        """The guide page as plain text (what a screen reader reads)."""
        return self.page.toPlainText()

    def _fill(self, tag_id: str = "") -> None:
        words = guide_text(self._language)
        self.setWindowTitle(f"{words['title']} — Slant")
        self.tag_list.setAccessibleName(words["tags"])
        self.page.setAccessibleName(words["page"])
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(words["close"])
        self.tag_list.blockSignals(True)
        self.tag_list.clear()
        for tag in self._tagset.tags:
            shown = shown_tag(tag, self._language)
            label = str(guide_entry(tag, self._language).get("label") or shown.label)
            item = QListWidgetItem(swatch_icon(tag.color), label)
            item.setData(TAG_ID_ROLE, tag.id)
            item.setToolTip(tooltip(shown.description))
            self.tag_list.addItem(item)
        self.tag_list.blockSignals(False)
        ids = self._tagset.ids()
        self.tag_list.setCurrentRow(ids.index(tag_id) if tag_id in ids else 0)
        self._show_row(self.tag_list.currentRow())

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self._tagset.tags):
            self.page.setHtml(guide_html(self._tagset.tags[row], self._language))


def guide_tag_for_focus(window: MainWindow) -> str:
    """The tag the student is looking at: a focused tag button, else the current annotation."""
    focus = window.focusWidget()
    if isinstance(focus, TagButton):
        return focus.tag.id
    annotation = window.document.annotation(window.sidebar.current_annotation_id())
    return annotation.tag if annotation is not None else ""


def show_tag_guide(window: MainWindow, tag_id: str = "") -> TagGuide:
    """Open (or bring forward) the window's tag guide at *tag_id*; return it."""
    guide = window.findChild(TagGuide)
    if guide is None:
        guide = TagGuide(window)
        guide.follow(window.document)
    guide.set_tagset(window.document.tagset)
    guide.set_language(guide_language(window.settings.language))
    if tag_id:
        guide.show_tag(tag_id)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
