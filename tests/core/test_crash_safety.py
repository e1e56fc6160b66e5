"""A process killed while saving never leaves a half-written or mixed sidecar."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.sidecar import read_sidecar

KILLS = 200

# The writer saves state N (N annotations, each note "state N") over and over, announcing
# each state on stdout before it starts writing it.
WRITER = r"""
import sys
from pathlib import Path
from app.core.annotations import make_annotation
from app.core.article import parse_plain_text
from app.core.sidecar import new_sidecar, write_sidecar

target = Path(sys.argv[1])
text = "Headline\n" + "The council met and voted. " * 400
article = parse_plain_text(text, Path("story.txt"))
state = int(sys.argv[2])
while True:
    state += 1
    sidecar = new_sidecar(article)
    for index in range(state % 50 + 1):
        start = 9 + 27 * index
        sidecar.annotations.append(
            make_annotation(text, "verifiable-fact", start, start + 26, f"state {state}")
        )
    print(state, flush=True)
    write_sidecar(target, sidecar)
"""


def _states_in(sidecar) -> set[str]:
    return {annotation.note for annotation in sidecar.annotations}


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_at_random_moments_never_corrupts_the_sidecar(tmp_path: Path) -> None:
    target = tmp_path / "story.txt.slant.json"
    rng = random.Random(20261128)
    state = 0
    for _ in range(KILLS):
        # The with block closes the pipe (and waits) even when an assertion fails.
        with subprocess.Popen(
            [sys.executable, "-c", WRITER, str(target), str(state)],
            stdout=subprocess.PIPE,
            text=True,
        ) as writer:
            assert writer.stdout is not None
            first = writer.stdout.readline()  # the writer is running and about to write
            assert first.strip(), "the writer did not start"
            time.sleep(rng.uniform(0, 0.03))
            writer.send_signal(signal.SIGKILL)
            announced = [first, *writer.stdout.read().split()]
        state = max(int(value) for value in announced)
        if not target.exists():
            continue
        sidecar = read_sidecar(target)
        notes = _states_in(sidecar)
        assert len(notes) == 1, f"a mix of states: {sorted(notes)[:5]}"
        (note,) = notes
        written = int(note.split()[1])
        assert written <= state
        assert len(sidecar.annotations) == written % 50 + 1
    assert target.exists(), "no state was ever completely written"
    leftovers = [p.name for p in tmp_path.iterdir() if ".tmp" in p.name]
    assert len(leftovers) <= KILLS, "temporary files are cleaned up or bounded"
