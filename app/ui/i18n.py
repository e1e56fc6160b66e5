"""Slant's languages: installs the Qt translators and speaks the default tags in Spanish.

The window's own words live in resources/translations/slant_LANG.ts (compiled to .qm), and
so do the core's error sentences (app/core/translation.py), which reach Qt's translator through
app.core.translation.set_translator. The default tag set lives in app/core/tags.py, which knows
no Qt, so its Spanish is here.
Teacher tag sets are shown as their teacher wrote them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6 import QtCore
from PySide6.QtCore import QCoreApplication, QLocale

from app import paths
from app.core import translation
from app.core.tags import DEFAULT_TAGSET, Tag, TagSet

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

LANGUAGES = ("en", "es")
SOURCE_LANGUAGE = "en"
# Qt's own catalogues (standard dialog buttons, context menus), when PySide6 ships them.
QT_CATALOGUES = ("qtbase",)
# Modules call translate("Context", "text"); pyside6-lupdate finds these calls:
#   pyside6-lupdate app/ui/*.py app/ui/*/*.py app/core/*.py app/core/exports/*.py
#     -ts resources/translations/slant_es.ts -target-language es -no-obsolete
#   pyside6-lrelease resources/translations/slant_es.ts -qm resources/translations/slant_es.qm
translate = QCoreApplication.translate

# tag id -> (label, description), per language other than English.
DEFAULT_TAG_TEXT: dict[str, dict[str, tuple[str, str]]] = {
    "es": {
        "loaded-label": (
            "Etiqueta cargada",
            "Una palabra o un nombre elegido para hacerte sentir algo sobre una persona o un "
            "grupo en lugar de solo describirlos. Busca apodos, insultos y elogios donde "
            "bastaría una palabra neutral.",
        ),
        "unsourced-claim": (
            "Afirmación sin fuente",
            "Algo que se presenta como verdad sin decir quién lo dice ni cómo lo sabemos. "
            "Busca «fuentes dicen», «muchos creen» o afirmaciones sin nombre, documento ni datos.",
        ),
        "promotional-boilerplate": (
            "Texto promocional",
            "Texto que vende algo (un producto, un medio, una persona) en vez de informarte. "
            "Busca eslóganes, invitaciones a suscribirte o seguir, y elogios copiados de un "
            "comunicado de prensa.",
        ),
        "verifiable-fact": (
            "Hecho verificable",
            "Un dato concreto que podrías comprobar en otro sitio independiente: una fecha, un "
            "número, un documento con nombre o una cita de alguien identificado. Puede estar "
            "mal, pero se puede comprobar.",
        ),
    },
}

_language = SOURCE_LANGUAGE
_installed: list[QTranslator] = []


def resolve_language(choice: str, locale: QLocale | None = None) -> str:
    """ "en" or "es" for a language preference; "system" (or anything else) follows *locale*."""
    if choice in LANGUAGES:
        return choice
    spanish = (locale or QLocale.system()).language() == QLocale.Language.Spanish
    return "es" if spanish else "en"


def current_language() -> str:
    """The language the interface speaks now ("en" until a translator is installed)."""
    return _language


def _load(translator: QTranslator, name: str, folder: str) -> bool:
    return bool(folder) and translator.load(name, folder)


def install_translator(app: QCoreApplication, language: str) -> str:
    """Translate Slant, the core's sentences and Qt's standard words into *language*.

    *language* is a Settings.language value ("system", "en" or "es"). Returns the language
    actually used: "en" when Spanish was asked for but no translation could be loaded.
    Any translator installed earlier by this function is removed first.
    """
    global _language
    remove_translator(app)
    chosen = resolve_language(language)
    if chosen == SOURCE_LANGUAGE:
        return SOURCE_LANGUAGE
    try:
        folder = str(paths.resource_path("translations"))
    except FileNotFoundError:
        folder = ""
    # Named through QtCore: PySide6 builds a class the first time Python names it, and
    # an English start needs neither translators nor Qt's catalogue folder.
    own = QtCore.QTranslator(app)
    if not _load(own, f"slant_{chosen}", folder):
        return SOURCE_LANGUAGE
    app.installTranslator(own)
    _installed.append(own)
    library = QtCore.QLibraryInfo
    qt_folder = library.path(library.LibraryPath.TranslationsPath)
    for catalogue in QT_CATALOGUES:
        qt = QtCore.QTranslator(app)
        if _load(qt, f"{catalogue}_{chosen}", qt_folder):
            app.installTranslator(qt)
            _installed.append(qt)
    translation.set_translator(QCoreApplication.translate)
    _language = chosen
    return chosen


def remove_translator(app: QCoreApplication) -> None:
    """Take out the translators install_translator put in; Slant speaks English again."""
    global _language
    translation.set_translator(None)
    while _installed:
        app.removeTranslator(_installed.pop())
    _language = SOURCE_LANGUAGE


def shown_tag(tag: Tag, language: str | None = None) -> Tag:
    """*tag* with its label and description in *language* (default: the current one).

    Only the default tags are translated; a teacher's tags come back unchanged.
    """
    words = DEFAULT_TAG_TEXT.get(language or _language, {}).get(tag.id)
    if words is None or DEFAULT_TAGSET.get(tag.id) != tag:
        return tag
    return dataclasses.replace(tag, label=words[0], description=words[1])


def shown_tagset(tagset: TagSet, language: str | None = None) -> TagSet:
    """*tagset* with each default tag in *language* (see shown_tag)."""
    return dataclasses.replace(tagset, tags=tuple(shown_tag(t, language) for t in tagset.tags))
