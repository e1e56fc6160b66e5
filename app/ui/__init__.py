"""Slant's Qt widgets: every module that imports PySide6 lives in this package."""
