"""Help > About Slant: what Slant is, its version and its licence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__
from app.ui.i18n import translate
from app.ui.theme import use_look


class AboutDialog(QDialog):
    """Slant's name, version, purpose and licence; non-modal, closed with Close or Esc."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("AboutDialog", "About Slant"))
        self.setModal(False)
        self.setMinimumWidth(420)
        name = QLabel(
            "<b>Slant</b> "
            + translate("AboutDialog", "version {version}").format(version=__version__)
        )
        name.setTextFormat(Qt.TextFormat.RichText)
        purpose = QLabel(
            translate(
                "AboutDialog",
                "Read the news critically: tag loaded labels, unsourced claims, promotion "
                "and facts, write why, and compare with your class.",
            )
        )
        purpose.setWordWrap(True)
        licence = QLabel(translate("AboutDialog", "Free software under the MIT licence."))
        use_look(licence, "hintLabel")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (name, purpose, licence, buttons):
            layout.addWidget(widget)


def show_about(parent: QWidget) -> AboutDialog:
    """Open (or bring forward) *parent*'s About dialog; return it."""
    dialog = parent.findChild(AboutDialog)
    if dialog is None:
        dialog = AboutDialog(parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
