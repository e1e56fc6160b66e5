"""Help > Keyboard Shortcuts: every key the window answers to, read from its actions."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ui.actions import Actions
from app.ui.i18n import translate


class ShortcutsDialog(QDialog):
    """A two-column table, what and which keys, built from the window's actions.

    Non-modal, so it can stay open beside the article while the keys are tried; it is
    filled again each time it is shown, so a new tag set's keys are listed.
    """

    def __init__(self, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        self.setModal(False)
        self.resize(520, 560)
        self._actions = actions
        self.table = QTableWidget(0, 2)
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels(
            [translate("ShortcutsDialog", "Action"), translate("ShortcutsDialog", "Keys")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """List the actions' keys as they are now."""
        rows = self._actions.shortcut_rows()
        self.table.setRowCount(len(rows))
        for number, (what, keys) in enumerate(rows):
            self.table.setItem(number, 0, QTableWidgetItem(what))
            self.table.setItem(number, 1, QTableWidgetItem(keys))


def show_shortcuts(parent: QWidget, actions: Actions) -> ShortcutsDialog:
    """Open (or bring forward) *parent*'s keyboard shortcuts; return the dialog."""
    dialog = parent.findChild(ShortcutsDialog)
    if dialog is None:
        dialog = ShortcutsDialog(actions, parent)
    dialog.refresh()
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
