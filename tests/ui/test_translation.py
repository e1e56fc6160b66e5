"""The Spanish translation: complete, up to date, and used by the window when chosen."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.core.tags import default_tagset
from app.ui.i18n import current_language, install_translator, remove_translator, shown_tag
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


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
        # Named placeholders survive translation.
        for name in ("{label}", "{keys}", "{count}", "{quote}", "{title}", "{error}"):
            assert (name in source) == (name in translation.text), source


def test_committed_qm_is_up_to_date(tmp_path: Path) -> None:
    scripts = Path(sys.executable).parent
    lrelease = next(
        (
            str(p)
            for p in (scripts / "pyside6-lrelease", scripts / "pyside6-lrelease.exe")
            if p.is_file()
        ),
        shutil.which("pyside6-lrelease"),
    )
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not installed")
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
