"""File names made from what people write (a title, a student's name), safe on every system."""

from __future__ import annotations

import re
import unicodedata

# Characters Windows forbids in a file name (macOS and Linux forbid "/" alone), control
# characters, and the bidirectional controls that would make a name read backwards.
_UNSAFE = re.compile('[<>:"/\\\\|?*\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]')
# Names Windows keeps for devices, whatever follows them after a dot.
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{port}{n}" for port in ("COM", "LPT") for n in [*"123456789", "¹", "²", "³"]]
)


def safe_name_piece(text: str, max_bytes: int) -> str:
    """*text* as one piece of a file name that others will follow ("" when nothing is left).

    Forbidden, control and bidirectional-control characters become spaces, runs of
    spaces one space, the text is cut to *max_bytes* in UTF-8 without splitting a
    character, and leading and trailing dots and spaces go. Windows' device names are
    not checked here: they matter only at the start of the whole name (safe_file_name).
    """
    text = " ".join(_UNSAFE.sub(" ", unicodedata.normalize("NFC", text)).split())
    cut = text.encode("utf-8")[:max_bytes]
    return cut.decode("utf-8", errors="ignore").strip(". ")  # a letter cut in half goes whole


def safe_file_name(text: str, max_bytes: int) -> str:
    """*text* as a whole file name (or its stem), safe on Windows, macOS and Linux.

    The rules of safe_name_piece, and a name Windows keeps for a device (CON, NUL.txt,
    COM1.report) gets an underscore before it. The result is at most *max_bytes* long
    in UTF-8, and "" when *text* holds nothing usable.
    """
    name = safe_name_piece(text, max_bytes)
    if name.split(".")[0].rstrip(" ").upper() in _RESERVED:
        name = safe_name_piece(f"_{name}", max_bytes)
    return name
