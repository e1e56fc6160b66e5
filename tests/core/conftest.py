"""Fixtures for the core tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.core import sidecar as sidecar_module


@pytest.fixture(params=["whole", "streamed"], scope="module")
def sidecar_reader(request: pytest.FixtureRequest) -> Iterator[str]:
    """Run a module's tests twice: sidecars decoded whole, and an annotation at a time.

    Only big sidecars are read an annotation at a time, from files read in pieces;
    "streamed" reads every one so, in pieces of a few bytes, so that pieces end
    everywhere: inside names, numbers, strings and multi-byte characters.
    """
    with pytest.MonkeyPatch.context() as patch:
        if request.param == "streamed":
            patch.setattr(sidecar_module, "STREAM_FROM_CHARS", 0)
            patch.setattr(sidecar_module, "READ_PIECE_BYTES", 7)
        yield request.param
