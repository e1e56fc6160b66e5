"""The Spanish translation: complete, up to date, and used by the window when chosen."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.core.tags import default_tagset
from app.core.translation import translate
from app.ui.i18n import current_language, install_translator, remove_translator, shown_tag
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?:[:!][^}]*)?\}")


def _menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_window_speaks_spanish(qtbot, spanish) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    titles = _menu_titles(window)
    assert "&Archivo" in titles and "&Editar" in titles and "Ay&uda" in titles
    labels = [button.text() for button in window.sidebar.tag_buttons.values()]
    assert labels[0] == "Etiqueta cargada"
    assert "Hecho verificable" in labels
    assert window.actions.open.text() == "&Abrir artículo…"
    window.document.shutdown()


def test_window_speaks_english_without_translator(qtbot, qapp) -> None:
    remove_translator(qapp)
    assert current_language() == "en"
    window = MainWindow()
    qtbot.addWidget(window)
    titles = _menu_titles(window)
    assert "&File" in titles and "&Edit" in titles
    labels = [button.text() for button in window.sidebar.tag_buttons.values()]
    assert labels == [tag.label for tag in default_tagset().tags]
    window.document.shutdown()


def test_teacher_tags_stay_as_written() -> None:
    tag = default_tagset().tags[0]
    assert shown_tag(tag, "es").label == "Etiqueta cargada"
    own = tag.__class__("loaded-label", "Palabra cargada", "Mi descripción", tag.color, "1")
    assert shown_tag(own, "es") is own
    assert shown_tag(tag, "en") is tag


def test_every_message_is_translated() -> None:
    root = ET.parse(TRANSLATIONS / "slant_es.ts").getroot()
    messages = list(root.iter("message"))
    assert messages
    for message in messages:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), source
        assert (translation.text or "").strip(), source
        # Named placeholders survive translation (a format spec such as {n:,} may differ).
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)
        ), source


def _tool(name: str) -> str:
    """The path of a PySide6 tool beside this Python, or on PATH; skip the test without it."""
    scripts = Path(sys.executable).parent
    found = next(
        (str(p) for p in (scripts / name, scripts / f"{name}.exe") if p.is_file()),
        shutil.which(name),
    )
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_every_sentence_in_the_code_is_in_the_catalogue(tmp_path: Path) -> None:
    lupdate = _tool("pyside6-lupdate")
    fresh = tmp_path / "slant_es.ts"
    shutil.copy(TRANSLATIONS / "slant_es.ts", fresh)
    sources = [
        str(p)
        for pattern in ("ui/**/*.py", "core/*.py", "core/exports/*.py")
        for p in sorted((ROOT / "app").glob(pattern))
    ]
    subprocess.run(
        [lupdate, *sources, "-ts", str(fresh), "-target-language", "es", "-no-obsolete"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    missing = _messages(fresh) - _messages(TRANSLATIONS / "slant_es.ts")
    assert not missing, "run pyside6-lupdate (see app/ui/i18n.py) and translate these"
    assert _messages(fresh) == _messages(TRANSLATIONS / "slant_es.ts"), (
        "slant_es.ts has sentences the code no longer uses: run pyside6-lupdate"
    )


def test_committed_qm_is_up_to_date(tmp_path: Path) -> None:
    lrelease = _tool("pyside6-lrelease")
    fresh = tmp_path / "slant_es.qm"
    subprocess.run(
        [lrelease, str(TRANSLATIONS / "slant_es.ts"), "-qm", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert fresh.read_bytes() == (TRANSLATIONS / "slant_es.qm").read_bytes(), (
        "resources/translations/slant_es.qm is stale: run pyside6-lrelease on slant_es.ts"
    )


def test_system_language_is_english_here(qapp) -> None:
    assert isinstance(QApplication.instance(), QApplication)
    assert install_translator(qapp, "en") == "en"
    remove_translator(qapp)


def test_core_sentences_follow_the_interface_language(qapp) -> None:
    sentence = ("Annotations", "the selection is empty or only whitespace")
    assert install_translator(qapp, "es") == "es"
    try:
        assert translate(*sentence) == "la selección está vacía o solo tiene espacios en blanco"
    finally:
        remove_translator(qapp)
    assert translate(*sentence) == "the selection is empty or only whitespace"
