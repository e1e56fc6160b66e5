"""The find bar: search in the article's canonical text, any case, plain or curly quotes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.core.article import Article
from app.core.text_search import find_in_folded, fold_punctuation
from app.ui.article.article_view import ArticleView
from app.ui.i18n import translate


class FindBar(QWidget):
    """A search field under the article with previous/next buttons and "3 of 12".

    Enter finds the next match, Shift+Enter the previous one, Esc closes the bar and
    returns the focus to the article.

    Signals:
        closed(): the bar was closed.
    """

    closed = Signal()

    def __init__(self, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._searched: tuple[Article | None, str] = (None, "")
        # The article with its punctuation folded, made once per article, not per keystroke.
        self._folded: tuple[Article | None, str] = (None, "")
        self._matches: list[tuple[int, int]] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self.setObjectName("findBar")
        self.setAccessibleName(translate("FindBar", "Find in article"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(translate("FindBar", "Find in article"))
        self.field.setAccessibleName(translate("FindBar", "Text to find"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(translate("FindBar", "Matches"))
        self.count_label.setMinimumWidth(
            self.fontMetrics().horizontalAdvance(
                translate("FindBar", "{number} of {count}").format(number=999, count=9999)
            )
        )
        self.previous_button = self._button(
            "▲", translate("FindBar", "Previous match (Shift+Enter)")
        )
        self.next_button = self._button("▼", translate("FindBar", "Next match (Enter)"))
        self.close_button = self._button("✕", translate("FindBar", "Close the find bar (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for widget in (self.field, self.count_label, self.previous_button, self.next_button):
            layout.addWidget(widget)
        layout.addStretch(0)
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self._search_from_selection)
        self.field.installEventFilter(self)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def open(self) -> None:
        """Show the bar and put the focus in the field, its text selected."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        self._update_matches()
        self._show_count(self._current_index())

    def close_bar(self) -> None:
        """Hide the bar and give the focus back to the article."""
        self.hide()
        self._view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def find_next(self) -> None:
        """Select the first match after the selection, wrapping to the top."""
        if not self.field.text():
            self.open()
            return
        self._update_matches()
        if self._matches:
            index = bisect_left(self._starts, self._view.selected_span()[1])
            self._select(index % len(self._matches))
        else:
            self._no_match()

    def find_previous(self) -> None:
        """Select the last match before the selection, wrapping to the bottom."""
        if not self.field.text():
            self.open()
            return
        self._update_matches()
        if self._matches:
            index = bisect_right(self._ends, self._view.selected_span()[0]) - 1
            self._select(index % len(self._matches))
        else:
            self._no_match()

    def matches(self) -> list[tuple[int, int]]:
        """Return the current matches as code-point spans."""
        self._update_matches()
        return list(self._matches)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the field: Enter finds the next match, Shift+Enter the previous, Esc closes."""
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride)
        ):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
                # Claim the key before any window shortcut can.
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    if key == Qt.Key.Key_Escape:
                        self.close_bar()
                    elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                        self.find_previous()
                    else:
                        self.find_next()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc anywhere in the bar closes it."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        else:
            super().keyPressEvent(event)

    def _button(self, text: str, name: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name.split(" (")[0])
        button.setAutoRaise(True)
        return button

    def _update_matches(self) -> None:
        article, query = self._view.article(), self.field.text()
        if self._searched == (article, query):
            return
        self._searched = (article, query)
        self._matches = []
        if article is not None:
            if self._folded[0] is not article:
                self._folded = (article, fold_punctuation(article.text))
            self._matches = find_in_folded(self._folded[1], query)
        self._starts = [start for start, _ in self._matches]
        self._ends = [end for _, end in self._matches]

    def _search_from_selection(self) -> None:
        # While typing, stay on the match at (or after) the start of the selection.
        self._update_matches()
        if self._matches:
            index = bisect_left(self._starts, self._view.selected_span()[0])
            self._select(index % len(self._matches))
        else:
            self._no_match()

    def _no_match(self) -> None:
        # A match left selected from the query's first letters would invite tagging words
        # that were not asked for: the caret stays where the selection started.
        start = self._view.selected_span()[0]
        self._view.select_span(start, start)
        self._show_count(None)

    def _select(self, index: int) -> None:
        start, end = self._matches[index]
        self._view.select_span(start, end)
        self._view.scroll_to_span(start, end)
        self._show_count(index)

    def _current_index(self) -> int | None:
        span = self._view.selected_span()
        index = bisect_left(self._starts, span[0])
        if index < len(self._matches) and self._matches[index] == span:
            return index
        return None

    def _show_count(self, index: int | None) -> None:
        if not self.field.text():
            self.count_label.setText("")
        elif not self._matches:
            self.count_label.setText(translate("FindBar", "No matches"))
        elif index is None:
            self.count_label.setText(
                translate("FindBar", "{count} matches").format(count=len(self._matches))
            )
        else:
            text = translate("FindBar", "{number} of {count}")
            self.count_label.setText(text.format(number=index + 1, count=len(self._matches)))
