"""Dialogs and windows opened on demand: author, note, preferences, tag guide, printing."""
