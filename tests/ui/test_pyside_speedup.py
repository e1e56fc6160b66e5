"""PySide6's per-module check, made quicker, must give the answers PySide6's own gives."""

from __future__ import annotations

import sys
import types

from app.ui import pyside_speedup


def _installed_checker():
    feature = sys.modules[pyside_speedup.HOOK_MODULE]
    return getattr(feature, pyside_speedup.HOOK_NAME)


def test_the_quick_check_is_installed_once_widgets_are_imported():
    checker = _installed_checker()
    assert getattr(checker, "slant_original", None) is not None
    assert pyside_speedup.install() is False  # a second install changes nothing


def test_it_answers_like_pyside_for_every_module_loaded():
    checker = _installed_checker()
    original = checker.slant_original
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    assert len(modules) > 100
    disagreements = [m.__name__ for m in modules if checker(m) != original(m)]
    assert disagreements == []


def test_it_finds_pyside_in_a_source_file_and_not_elsewhere(tmp_path):
    checker = _installed_checker()
    uses = tmp_path / "uses_qt.py"
    uses.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("import json\n", encoding="utf-8")
    gone = tmp_path / "gone.py"  # deleted after import: PySide6's own check decides
    for path in (uses, plain):
        module = types.ModuleType(path.stem)
        module.__file__ = str(path)
        assert checker(module) is (path is uses)
    module = types.ModuleType("gone")
    module.__file__ = str(gone)
    assert checker(module) is False
