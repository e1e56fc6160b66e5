"""File > Your Name: changing the name asks in its own words, not the first start's welcome."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from app.ui.dialogs.author_dialog import AuthorDialog, Purpose


def test_changing_the_name_neither_welcomes_nor_offers_to_skip(qtbot) -> None:
    dialog = AuthorDialog("Ada", purpose=Purpose.CHANGE)
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "from now on" in text and "skip" not in text.casefold()
    assert dialog.windowTitle() == "Your Name"
    buttons = [button.text() for button in dialog.buttons.buttons()]
    assert "Cancel" in buttons and "Skip" not in buttons
    assert dialog.name() == "Ada"


def test_the_file_menu_asks_to_change_the_name_and_keeps_it(
    window, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def change(cls, parent, name=""):
        asked.append(name)
        return "Ada Lovelace"

    monkeypatch.setattr(AuthorDialog, "ask_to_change", classmethod(change))
    window.settings.author_name = "Ada"
    window.actions.author.trigger()
    assert asked == ["Ada"]
    assert window.settings.author_name == "Ada Lovelace"
