"""A quicker answer to the question PySide6 asks of every module imported after it.

PySide6 supports ``from __feature__ import ...`` per module, so its import hook checks
whether each newly imported module mentions "PySide6". It does so with
``inspect.getsource``, which tokenizes the whole file: about 17 ms of Slant's start-up
over the ~190 modules it loads. Reading a source file's bytes answers the same question
in a fraction of that, and the standard library's modules, about half of those checked,
need no reading at all. Modules without a .py file are left to PySide6's own check, and
nothing is changed on a PySide6 that no longer has this hook.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import PySide6.QtCore  # noqa: F401  (loads shibokensupport.feature)

from app.core.bounded_read import FileTooBig, NotRegularFile, read_bounded

HOOK_MODULE = "shibokensupport.feature"
HOOK_NAME = "_mod_uses_pyside"
MAX_SOURCE_BYTES = 16 << 20  # larger sources go to PySide6's own check


def install() -> bool:
    """Replace PySide6's per-module source check with a byte search; True when installed."""
    feature = sys.modules.get(HOOK_MODULE)
    original = getattr(feature, HOOK_NAME, None)
    if original is None or getattr(original, "slant_original", None) is not None:
        return False
    checker = make_checker(original)
    setattr(feature, HOOK_NAME, checker)
    return True


def make_checker(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """A check that reads a module's .py file as bytes, or asks *original* for the rest."""

    def uses_pyside(module: ModuleType) -> bool:
        if module.__name__.partition(".")[0] in sys.stdlib_module_names:
            return False  # Python's own library never names PySide6: no file to read
        filename = getattr(module, "__file__", None)
        if not isinstance(filename, str) or not filename.endswith(".py"):
            return original(module)
        try:
            return b"PySide6" in read_bounded(Path(filename), MAX_SOURCE_BYTES)
        except NotRegularFile:
            return False  # a pipe or device named *.py: neither check may read it
        except (FileTooBig, OSError):
            return original(module)

    uses_pyside.slant_original = original  # type: ignore[attr-defined]
    return uses_pyside
