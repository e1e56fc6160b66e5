"""Slant's Qt widgets: every module that imports PySide6 lives in this package."""

from app.ui import pyside_speedup

# Before any other widget module is imported: each of them goes through PySide6's hook.
pyside_speedup.install()
