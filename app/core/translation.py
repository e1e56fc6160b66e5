"""The core's user-visible sentences, translatable without Qt.

A core module writes every sentence a user may see as ``translate("Context", "template")``
with a literal template and named placeholders filled in by ``.format()`` afterwards, so
that pyside6-lupdate finds it beside the window's own words. The window installs Qt's
translator here (app/ui/i18n.py); until then, and always in the CLI, sentences stay English.
Call translate only where a sentence is made for a user (when raising, warning, labelling),
never on a path that runs once per valid annotation.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _english(context: str, text: str) -> str:
    return text


_translator: Translator = _english


def translate(context: str, text: str) -> str:
    """*text* (a template from *context*) in the interface's language; English by default."""
    return _translator(context, text)


def set_translator(function: Translator | None) -> None:
    """Send every later translate(context, text) through *function*; None means English."""
    global _translator
    _translator = function if function is not None else _english
