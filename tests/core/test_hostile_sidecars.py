"""Planted sidecars: no write outside their place, no hang, no traceback, nothing lost."""

from __future__ import annotations

import json
import os
import signal
import stat
import threading
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.core import sidecar as sidecar_module
from app.core import store
from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.errors import SidecarError
from app.core.sidecar import (
    dump_sidecar,
    new_sidecar,
    parse_sidecar,
    read_sidecar,
    sidecar_path,
    write_sidecar,
)
from app.core.sidecar_validation import MAX_ID_LENGTH, MAX_JSON_VALUES

posix_only = pytest.mark.skipif(os.name != "posix", reason="links, FIFOs and devices: POSIX")


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    """Fail a test that blocks (a FIFO read again without a check) instead of hanging CI."""
    if not hasattr(signal, "alarm"):
        yield
        return

    def hung(signum: int, frame: object) -> None:
        raise TimeoutError("blocked for 60 s: a planted file made Slant wait")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


TEXT = "Headline\n\nSources say the radical plan will cost millions.\n"


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    folder.mkdir()
    path = folder / "A.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def _annotated(article_path: Path, note: str = "") -> bytes:
    article = load_article(article_path)
    sidecar = new_sidecar(article)
    start = article.text.index("radical")
    sidecar.annotations.append(
        make_annotation(article.text, "loaded-label", start, start + len("radical"), note)
    )
    return dump_sidecar(sidecar)


# -- writes go only where intended ---------------------------------------------------


@posix_only
def test_quarantine_never_writes_through_planted_links(article_path: Path, tmp_path: Path) -> None:
    broken = sidecar_path(article_path)
    broken.write_bytes(b"not json at all")
    os.chmod(broken, 0o777)
    autostart = tmp_path / "autostart"
    autostart.mkdir()
    target = autostart / "updater.desktop"
    # A dangling link for every name the copy could take over the next minute.
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)
    for second in range(60):
        stamp = (now + timedelta(seconds=second)).strftime("%Y%m%dT%H%M%SZ")
        for suffix in ("", "-2", "-3"):
            (broken.parent / f"{broken.name}.corrupt-{stamp}{suffix}").symlink_to(target)
    copy = store.quarantine(broken)
    assert not target.exists()
    assert not copy.is_symlink() and copy.read_bytes() == b"not json at all"
    assert stat.S_IMODE(copy.stat().st_mode) & 0o111 == 0  # our mode, not the planted one


@posix_only
def test_a_sidecar_that_links_elsewhere_is_neither_read_nor_written(
    article_path: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"the teacher's secret")
    sidecar_path(article_path).symlink_to(secret)
    article = load_article(article_path)
    with pytest.raises(SidecarError, match="link"):
        read_sidecar(sidecar_path(article_path), article)
    result = store.save_merging(article, new_sidecar(article))
    assert result.path != sidecar_path(article_path)  # the fallback folder
    assert secret.read_bytes() == b"the teacher's secret"
    assert not (tmp_path / "secret.txt.bak").exists()
    assert list(article_path.parent.glob("*.corrupt-*")) == []


@posix_only
def test_slant_add_through_a_dangling_link_creates_nothing_elsewhere(
    article_path: Path, tmp_path: Path, capsys
) -> None:
    planted = tmp_path / "elsewhere" / "planted.desktop"
    planted.parent.mkdir()
    sidecar_path(article_path).symlink_to(planted)
    status = main(["add", str(article_path), "--tag", "1", "--quote", "radical"])
    assert status == 1
    assert "link" in capsys.readouterr().err
    assert not planted.exists()


@posix_only
def test_a_save_waits_for_another_users_lock_beside_the_sidecar(article_path: Path) -> None:
    import fcntl

    article = load_article(article_path)
    sidecar_path(article_path).write_bytes(_annotated(article_path))
    # Another account holds the lock beside the sidecar (its own SLANT_HOME differs).
    lock = store.lock_path(sidecar_path(article_path))
    with open(lock, "a+b") as other:
        fcntl.flock(other, fcntl.LOCK_EX)
        saved = threading.Event()
        ours, _ = store.open_annotations(article)
        thread = threading.Thread(
            target=lambda: (store.save_merging(article, ours), saved.set()), daemon=True
        )
        thread.start()
        assert not saved.wait(1.0)  # still waiting for the other writer
        fcntl.flock(other, fcntl.LOCK_UN)
    assert saved.wait(30)
    thread.join()


@posix_only
def test_export_to_a_fifo_writes_into_it_and_leaves_it_a_fifo(
    article_path: Path, tmp_path: Path
) -> None:
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()), daemon=True)
    reader.start()
    assert main(["export", str(article_path), "--format", "csv", "-o", str(pipe)]) == 0
    reader.join(30)
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert (received and received[0].startswith(b"\xef\xbb\xbf")) or b"," in received[0]


@posix_only
def test_export_to_a_full_device_names_it_and_keeps_the_device(
    article_path: Path, tmp_path: Path, capsys
) -> None:
    # A device node of our own with the numbers of /dev/full: a regression must not
    # replace the machine's real one.
    device = tmp_path / "full"
    try:
        os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 7))
    except (PermissionError, AttributeError):
        pytest.skip("making a device node needs root")
    assert main(["export", str(article_path), "--format", "csv", "-o", str(device)]) == 1
    err = capsys.readouterr().err
    assert str(device) in err and ".tmp-" not in err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


# -- reads are bounded ---------------------------------------------------------------


@posix_only
@pytest.mark.parametrize("command", ["check", "import"])
def test_a_fifo_given_to_a_command_is_refused_at_once(
    command: str, article_path: Path, tmp_path: Path, capsys
) -> None:
    fifo = tmp_path / "student.slant.json"
    os.mkfifo(fifo)
    args = [command, str(fifo)] + ([str(article_path)] if command == "import" else [])
    assert main(args) == 1
    assert str(fifo) in capsys.readouterr().err


@posix_only
def test_an_endless_device_as_a_sidecar_is_refused(capsys) -> None:
    assert main(["check", "/dev/zero"]) == 1
    assert "/dev/zero" in capsys.readouterr().err


def test_a_file_of_millions_of_tiny_values_is_refused_before_it_fills_memory(
    tmp_path: Path, monkeypatch
) -> None:
    document = json.loads(_annotated_document_text())
    document["padding"] = "PLACEHOLDER"
    values = "[" + "{}," * (2 * MAX_JSON_VALUES) + "{}]"  # 24 MB: once 580 MB of dicts
    path = tmp_path / "A.txt.slant.json"
    path.write_text(json.dumps(document).replace('"PLACEHOLDER"', values), encoding="utf-8")
    del values
    tracemalloc.start()
    try:
        with pytest.raises(SidecarError, match="too many values"):
            read_sidecar(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # At most MAX_JSON_VALUES values are ever decoded (the streamed reader stops there),
    # whatever the size of the file.
    assert peak < 200 * 2**20


def _annotated_document_text() -> str:
    article = load_article_from_text()
    return dump_sidecar(new_sidecar(article)).decode("utf-8")


def load_article_from_text():
    from app.core.article import parse_plain_text

    return parse_plain_text(TEXT, Path("A.txt"))


# -- no crash, no traceback ----------------------------------------------------------


def test_a_lone_surrogate_in_an_id_is_refused_naming_where_it_is(article_path: Path) -> None:
    data = _annotated(article_path).decode("utf-8")
    document = json.loads(data)
    document["annotations"][0]["id"] = "x\ud800"
    text = json.dumps(document, indent=2)  # ensure_ascii: written as the escape \ud800
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "ud800" in row)
    with pytest.raises(SidecarError, match=rf"line {line}, column \d+: half of a UTF-16.*\\ud800"):
        parse_sidecar(text.encode("utf-8"), "A.txt.slant.json")


def test_a_surrogate_pair_written_as_escapes_is_an_ordinary_character(
    article_path: Path,
) -> None:
    document = json.loads(_annotated(article_path))
    document["annotations"][0]["note"] = "smile 😀"
    sidecar = parse_sidecar(json.dumps(document).encode("utf-8"), "A.txt.slant.json")
    assert sidecar.annotations[0].note == "smile 😀"


def test_a_lone_surrogate_in_a_tag_label_stops_slant_list_with_a_message(
    article_path: Path, capsys
) -> None:
    document = json.loads(_annotated(article_path))
    document["tagset"]["tags"][0]["label"] = "bad \udfff"
    sidecar_path(article_path).write_text(json.dumps(document), encoding="utf-8")
    assert main(["list", str(article_path)]) == 1
    err = capsys.readouterr().err
    assert "line 1, column " in err and "\\udfff" in err


def test_a_lone_surrogate_typed_in_a_note_is_saved_as_a_replacement_character(
    article_path: Path,
) -> None:
    data = _annotated(article_path, note="half a pair: \ud83d!")
    sidecar = parse_sidecar(data, "A.txt.slant.json")
    assert sidecar.annotations[0].note == "half a pair: \ufffd!"


@pytest.mark.parametrize(
    ("member", "value"),
    [
        ("start", "1" + "0" * 5000),
        ("created", "0001-01-01T00:00:00+14:00"),
        ("created", "9999-12-31T23:59:59-14:00"),
        ("id", "x\ud800"),
    ],
)
def test_slant_import_of_hostile_values_gives_a_message_not_a_traceback(
    member: str, value: str, article_path: Path, tmp_path: Path, capsys
) -> None:
    selector = {"type": "TextQuoteSelector", "exact": "radical"}
    annotation = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "Annotation",
        "id": "urn:x",
        "body": {"type": "TextualBody", "value": "loaded-label", "purpose": "tagging"},
        "target": {"source": "A.txt", "selector": selector},
    }
    if member == "start":
        text = json.dumps(annotation).replace(
            '"selector": {', f'"selector": {{"start": {value}, ', 1
        )
    else:
        annotation[member] = value
        text = json.dumps(annotation)
    source = tmp_path / "in.jsonld"
    source.write_text(text, encoding="utf-8")
    status = main(["import", str(source), str(article_path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if member in ("start", "id"):
        assert status == 1 and str(source) in err
    else:  # an impossible time is replaced by the time of the import
        assert status == 0


# -- Slant never writes what it would refuse -------------------------------------------


def test_slant_add_refuses_an_author_name_it_could_not_read_back(
    article_path: Path, capsys
) -> None:
    name = "x" * (MAX_ID_LENGTH + 1)
    status = main(["add", str(article_path), "--tag", "1", "--quote", "radical", "--author", name])
    assert status == 1
    assert "longer than" in capsys.readouterr().err
    assert not sidecar_path(article_path).exists()


def test_a_note_that_would_make_the_file_too_big_is_refused_and_the_file_kept(
    article_path: Path, monkeypatch
) -> None:
    path = sidecar_path(article_path)
    before = _annotated(article_path)
    path.write_bytes(before)
    monkeypatch.setattr(sidecar_module, "MAX_SIDECAR_BYTES", len(before) + 100)
    article = load_article(article_path)
    sidecar = read_sidecar(path, article)
    start = article.text.index("Sources say")
    sidecar.annotations.append(
        make_annotation(article.text, "unsourced-claim", start, start + 11, "n" * 500)
    )
    with pytest.raises(SidecarError, match="over"):
        write_sidecar(path, sidecar)
    assert path.read_bytes() == before


@pytest.mark.parametrize("depth", [50, 980])
def test_a_deeply_nested_tag_guide_is_refused_by_check_as_by_add(
    depth: int, article_path: Path, capsys
) -> None:
    # How deep json could read depended on the call stack: check passed 980 levels that add,
    # deeper in the stack, then refused. A guide is now at most 8 levels deep.
    document = json.loads(_annotated(article_path))
    document["tagset"]["tags"][0]["guide"] = "GUIDE"
    guide = '{"x": ' * depth + "{}" + "}" * depth
    path = sidecar_path(article_path)
    path.write_text(json.dumps(document).replace('"GUIDE"', guide), encoding="utf-8")
    assert main(["check", str(path)]) == 1
    assert main(["add", str(article_path), "--tag", "2", "--quote", "Sources"]) == 1
    if depth == 50:
        assert "'guide' is nested more than 8 levels" in capsys.readouterr().err
