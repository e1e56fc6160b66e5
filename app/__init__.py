"""Slant: read the news critically by tagging spans of an article."""

__version__ = "0.1.0"
