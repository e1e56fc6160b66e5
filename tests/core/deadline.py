"""A deadline for tests of hostile input: work that should take milliseconds fails the test
if it runs for minutes, without the test measuring (noisy) wall-clock time itself."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

# Far above what the bounded code needs (well under a second) and far below what the
# unbounded code took (minutes), so a busy machine cannot make the test flaky.
HOSTILE_INPUT_SECONDS = 20


class DeadlineExceeded(Exception):
    """The work under test ran past its deadline."""


@contextmanager
def deadline(seconds: int = HOSTILE_INPUT_SECONDS) -> Iterator[None]:
    """Fail the test if the block runs longer than *seconds* (POSIX: SIGALRM)."""
    if sys.platform == "win32":
        yield  # no SIGALRM; the other platforms catch a regression
        return

    def expire(signum: int, frame: object) -> None:
        raise DeadlineExceeded(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    except DeadlineExceeded as exc:
        pytest.fail(f"unbounded work on hostile input: {exc}")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
