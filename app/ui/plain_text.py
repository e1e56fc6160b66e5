"""Text from files, shown in widgets: never read as markup, never reordered by bidi controls.

Tag labels, notes, names and file names come from files anyone could have written.
Qt shows a tooltip (and a label or message box left in AutoText) as HTML as soon as the
text merely looks like HTML, images from local files included; and a direction override
(U+202E) inside "Mallory‮gnp.exe" makes it read "Malloryexe.png".
"""

from __future__ import annotations

import html
import re

from PySide6 import QtGui
from PySide6.QtCore import QEvent, QLocale, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

FIRST_STRONG_ISOLATE = "\u2068"
POP_DIRECTIONAL_ISOLATE = "\u2069"
# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI). Marks such
# as U+200F stay: they cannot turn letters round, and right-to-left names may need them.
_DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_direction_controls(text: str) -> str:
    """*text* without the controls that reorder what follows them."""
    return _DIRECTION_CONTROLS.sub("", text)


def isolate(text: str) -> str:
    """*text* (a name, a file name) as one unit in a sentence.

    Its own direction controls are removed, so it shows in the order it is stored, and it
    is wrapped in U+2068 ... U+2069, so a right-to-left name neither reorders the sentence
    around it nor is reordered by it.
    """
    return f"{FIRST_STRONG_ISOLATE}{without_direction_controls(text)}{POP_DIRECTIONAL_ISOLATE}"


def escape(text: str) -> str:
    """*text* made safe to put inside rich text (it shows literally)."""
    return html.escape(text, quote=False)


def tooltip(text: str) -> str:
    """A tooltip that shows *text* literally: escaped inside rich text ("" stays "")."""
    if not text:
        return ""
    plain = without_direction_controls(text)
    return QtGui.Qt.convertFromPlainText(plain, Qt.WhiteSpaceMode.WhiteSpaceNormal)


class PlainTextDelegate(QStyledItemDelegate):
    """Shows items' texts isolated (see ``isolate``) and their tooltips literally.

    For item views whose models hold text from files: names, notes, file names.
    """

    def displayText(self, value: object, locale: QLocale | QLocale.Language) -> str:
        """The item's text, isolated."""
        text = super().displayText(value, locale)
        return isolate(text) if text else text

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Qt's size with a little more height, so that rows sized to wrapped text keep
        the last line clear of the grid (with DejaVu fonts Qt's own measure was 1-5 px
        short of the text's)."""
        return super().sizeHint(option, index) + QSize(0, 6)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        """Show the item's tooltip as plain text (Qt would guess, and guess HTML)."""
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        value = index.data(Qt.ItemDataRole.ToolTipRole)
        text = tooltip(str(value)) if value is not None else ""
        QToolTip.showText(event.globalPos(), text, view)  # "" hides a shown tooltip
        return bool(text)
