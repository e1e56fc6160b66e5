"""collector_paused: the cycle collector is off inside the block and as it was after."""

from __future__ import annotations

import gc

import pytest

from app.core.gc_pause import collector_paused


@pytest.fixture
def collector_on():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    gc.unfreeze()
    if not was_enabled:
        gc.disable()


def test_the_collector_is_off_inside_and_on_again_after(collector_on) -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_an_error(collector_on) -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a broken file")
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off(collector_on) -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()


def test_keep_sets_aside_what_the_block_made(collector_on) -> None:
    gc.unfreeze()
    with collector_paused(keep=True):
        made = [[] for _ in range(10)]
    assert gc.get_freeze_count() > len(made)
    assert gc.isenabled()
