"""Slant's pure-Python core: articles, annotations, sidecars, anchoring, class statistics.

Nothing under this package imports Qt; the CLI and the tests use it without a display.
"""
