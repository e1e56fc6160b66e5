"""File > Hand In: the reader's annotations, copied under their name into a folder they pick."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from app.core.handin import HandInError, HandInExists, hand_in
from app.ui.i18n import translate
from app.ui.messages import ConfirmMessage

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class HandInFolderDialog:
    """Picks the folder a hand-in goes to (a USB stick, a synced folder, the Desktop)."""

    @classmethod
    def ask(cls, parent: QWidget | None, directory: Path) -> Path | None:
        """Return the folder chosen, or None when cancelled."""
        name = QtWidgets.QFileDialog.getExistingDirectory(
            parent, translate("HandIn", "Hand In: Choose a Folder"), str(directory)
        )
        return Path(name) if name else None


def _proposed_folder(remembered: str) -> Path:
    """Where the folder question starts: the folder chosen last time while it is there
    (a USB stick comes and goes), else the Desktop, where students put what they upload."""
    if remembered and Path(remembered).is_dir():
        return Path(remembered)
    desktop = Path.home() / "Desktop"
    return desktop if desktop.is_dir() else Path.home()


class HandIn(QObject):
    """Hands in the open annotations: asks the name (when unknown) and the folder, never
    replaces an earlier hand-in without asking, and says where the copy went."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def hand_in(self) -> Path | None:
        """Hand in the annotations shown; return the file written, or None."""
        window, doc = self._window, self._window.document
        snapshot = doc.snapshot()
        if snapshot is None or doc.is_answer_key:
            window.annotating.status(
                translate("HandIn", "Open the article you annotated to hand it in.")
            )
            return None
        if doc.read_only_reason:
            title = translate("HandIn", "These annotations cannot be handed in")
            window.report_problem(title, doc.read_only_reason)
            return None
        article, sidecar = snapshot
        student = window.settings.author_name or sidecar.author.name
        if not student:
            window.ask_author(to_hand_in=True)
            student = window.settings.author_name
        if not student:
            # The student chose not to give it: a second dialog would only repeat that.
            window.annotating.status(
                translate(
                    "HandIn",
                    "Nothing was handed in: your teacher tells hand-ins apart by their "
                    "names. Hand in again and type your name, or set it under File > Your Name…",
                )
            )
            return None
        folder = HandInFolderDialog.ask(window, _proposed_folder(window.settings.hand_in_folder))
        if folder is None:
            return None
        window.settings.hand_in_folder = str(folder.absolute())
        window.save_settings()
        try:
            try:
                written = hand_in(article, sidecar, student, folder)
            except HandInExists as exc:
                if not self._replace(exc.path):
                    return None
                written = hand_in(article, sidecar, student, folder, overwrite=True)
        except HandInError as exc:
            window.report_problem(
                translate("HandIn", "Your annotations were not handed in"), str(exc)
            )
            return None
        window.message_bar.show_notice(self._where(written, len(sidecar.annotations)))
        return written

    def _replace(self, path: Path) -> bool:
        return ConfirmMessage.ask(
            self._window,
            translate("HandIn", "Replace Your Earlier Hand-In?"),
            translate(
                "HandIn",
                "{file} is already in {folder}. Replace it with your annotations as they are now?",
            ).format(file=path.name, folder=path.parent),
            translate("HandIn", "Replace"),
        )

    def _where(self, written: Path, count: int) -> str:
        if count == 1:
            text = translate("HandIn", "Handed in 1 annotation as {file} in {folder}.")
        else:
            text = translate("HandIn", "Handed in {count} annotations as {file} in {folder}.")
        after = translate("HandIn", "Give your teacher that file, or upload it where they ask.")
        return f"{text.format(count=count, file=written.name, folder=written.parent)} {after}"
