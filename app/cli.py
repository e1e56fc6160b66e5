"""The ``slant`` command: the window, and the headless commands that need no display.

Exit status: 0 success, 1 invalid input (message on stderr), 2 usage error.
Qt is imported only when the window is opened.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__
from app.core.errors import SlantError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2

COMMANDS = ("text", "add", "list", "export", "check", "class", "import", "handin", "page")


class UsageError(Exception):
    """A command line that makes no sense (exit status 2)."""


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="slant",
        description="Open an article to annotate (the bundled sample when none is given). "
        f"Headless commands: {', '.join(COMMANDS)} (see 'slant COMMAND --help').",
    )
    parser.add_argument("--version", action="version", version=f"slant {__version__}")
    parser.add_argument("article", nargs="?", type=Path, help="article file (.txt, .md, .html)")
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="save and exit")
    parser.add_argument("--size", default="1280x800", help="window size for --screenshot")
    return parser


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="slant")
    parser.add_argument("--version", action="version", version=f"slant {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    text = sub.add_parser("text", help="print the article's canonical text")
    text.add_argument("article", type=Path)

    add = sub.add_parser("add", help="add one annotation and print its id")
    add.add_argument("article", type=Path)
    add.add_argument("--tag", required=True, help="tag id, label or key")
    where = add.add_mutually_exclusive_group(required=True)
    where.add_argument("--quote", help="text to annotate (its N-th occurrence)")
    where.add_argument("--start", type=int, help="start offset (code points)")
    add.add_argument("--end", type=int, help="end offset, with --start")
    add.add_argument("--occurrence", type=int, default=1, help="which occurrence of --quote")
    add.add_argument("--note", default="")
    add.add_argument("--author", help="your name, stored in the sidecar")

    listing = sub.add_parser("list", help="print the annotations in document order")
    listing.add_argument("article", type=Path)
    listing.add_argument("--json", action="store_true", help="print JSON")

    export = sub.add_parser("export", help="export one student's annotations")
    export.add_argument("article", type=Path)
    export.add_argument("--format", required=True, choices=("csv", "json", "w3c", "html", "md"))
    export.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    check = sub.add_parser("check", help="validate sidecar files")
    check.add_argument("files", nargs="+", type=Path)

    klass = sub.add_parser("class", help="compare a class's sidecars and write reports")
    klass.add_argument("article", type=Path)
    klass.add_argument(
        "inputs",
        nargs="+",
        type=Path,
        help="sidecar files, folders, or .zip files downloaded from an LMS (Moodle, Canvas, "
        "Google Drive); zips are read in memory, never extracted",
    )
    klass.add_argument(
        "--key", type=Path, help="the answer key's sidecar (default: ARTICLE.key.slant.json)"
    )
    klass.add_argument(
        "--out", type=Path, help="output folder (default: a new slant-class-YYYY-MM-DD)"
    )
    klass.add_argument("--pseudonymize", action="store_true", help="replace names by codes")

    imp = sub.add_parser("import", help="add another tool's annotations to the sidecar")
    imp.add_argument(
        "source", type=Path, help="W3C Web Annotation JSON(-LD) or a Hypothesis API export"
    )
    imp.add_argument("article", type=Path)

    handin = sub.add_parser(
        "handin", help="copy your annotations, named for your teacher, into a folder"
    )
    handin.add_argument("article", type=Path)
    handin.add_argument(
        "-o", "--output", type=Path, default=Path(), help="folder to write to (default: here)"
    )
    handin.add_argument("--author", help="your name (default: the name in your annotations)")
    handin.add_argument("--force", action="store_true", help="replace an earlier hand-in")

    page = sub.add_parser("page", help="save a web page's article as Markdown")
    page.add_argument("source", help="a saved page (.html, .htm, .mhtml, .mht), or - for stdin")
    page.add_argument("-o", "--output", type=Path, help="Markdown file to write (default: stdout)")
    page.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if args_list and args_list[0] in COMMANDS:
            args = _command_parser().parse_args(args_list)
            return _HANDLERS[args.command](args)
        return _open_window(_gui_parser().parse_args(args_list))
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except UsageError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SlantError as exc:
        print(f"slant: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except OSError as exc:
        name = exc.filename or ""
        print(f"slant: {name}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    except KeyboardInterrupt:
        return 130


def _open_window(args: argparse.Namespace) -> int:
    try:
        width, height = (int(part) for part in args.size.lower().split("x"))
    except ValueError:
        raise UsageError(f"--size must look like 1280x800, not {args.size!r}") from None
    if args.article is not None and args.article.name.endswith(".slant.json"):
        # Opening an annotations file (e.g. from a file manager) opens its article.
        article_path = _article_beside(args.article)
        if article_path is None:
            raise SlantError(f"{args.article}: the article it belongs to is not beside it")
        args.article = article_path
    from app.core.gc_pause import collector_paused

    # Loading the parsers and the widget modules makes ~100,000 objects and no garbage;
    # they last as long as the program, so the collector need never walk them.
    with collector_paused(keep=True):
        article = None
        if args.article is not None:
            from app.core.article import load_article

            article = load_article(args.article)  # a bad file is reported before any window
        _load_window_core()
        if args.screenshot is not None:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        elif _no_display():
            print(
                "slant: no display found, so the window cannot open. Use the headless "
                "commands (slant --help), or --screenshot OUT.png.",
                file=sys.stderr,
            )
            return EXIT_INVALID
        from app.ui.app import run_gui

    return run_gui(args.article, args.screenshot, (width, height), article=article)


def _load_window_core() -> None:
    """Import the core the window reads and saves annotations with, before Qt.

    PySide6 replaces ``__import__`` with a hook that reads the source of every Python
    module imported after it (looking for ``from __feature__``): ~40 modules of ours, of
    msgspec and of the standard library that the first window needs. Imported first,
    they are not read twice. tests/ui/test_startup_imports.py keeps this true.
    """
    # The store brings paths, the sidecar reader and msgspec; intervals index highlights.
    for name in ("app.core.store", "app.core.intervals"):
        importlib.import_module(name)


def _no_display() -> bool:
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _load(path: Path):
    from app.core.article import load_article

    return load_article(path)


def _cmd_text(args: argparse.Namespace) -> int:
    article = _load(args.article)
    sys.stdout.buffer.write(article.text.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK


def _cmd_add(args: argparse.Namespace) -> int:
    from app.core.annotation_set import AnnotationSet
    from app.core.annotations import find_occurrence, make_annotation
    from app.core.store import open_annotations, save_annotations

    article = _load(args.article)
    sidecar, _ = open_annotations(article)
    tag = _resolve_tag(sidecar.tagset, args.tag)
    if args.quote is not None:
        if args.end is not None:
            raise UsageError("--end goes with --start, not with --quote")
        start = find_occurrence(article.text, args.quote, args.occurrence)
        if start is None:
            raise SlantError(
                f"{args.article}: the text {args.quote!r} (occurrence {args.occurrence}) "
                "is not in the article"
            )
        end = start + len(args.quote)
    else:
        if args.end is None:
            raise UsageError("--start needs --end")
        start, end = args.start, args.end
    try:
        annotation = make_annotation(article.text, tag, start, end, args.note)
    except ValueError as exc:
        raise SlantError(f"{args.article}: cannot annotate [{start}, {end}): {exc}") from None
    annotations = AnnotationSet.from_sidecar(sidecar)
    same = annotations.same_annotation(annotation.tag, annotation.start, annotation.end)
    if same is not None:
        # Its id, as for a new one, so a script goes on either way; nothing is written.
        print(
            f"slant: {same.exact!r} is already tagged {same.tag} (annotation {same.id}); "
            "nothing was added",
            file=sys.stderr,
        )
        print(same.id)
        return EXIT_OK
    if args.author:
        sidecar.author.name = args.author
    annotations.add(annotation)
    written = save_annotations(article, annotations.in_sidecar(sidecar))
    if written.parent != args.article.parent:
        print(f"slant: the article's folder is not writable; saved to {written}", file=sys.stderr)
    print(annotation.id)
    return EXIT_OK


def _resolve_tag(tagset, wanted: str) -> str:
    lowered = wanted.strip().lower()
    for tag in tagset.tags:
        if lowered in (tag.id, tag.label.lower(), tag.key):
            return tag.id
    choices = ", ".join(tag.id for tag in tagset.tags)
    raise UsageError(f"unknown tag {wanted!r}; choose one of: {choices}")


def _cmd_list(args: argparse.Namespace) -> int:
    from app.core.annotations import in_document_order
    from app.core.store import open_annotations

    article = _load(args.article)
    sidecar, _ = open_annotations(article)
    annotations = in_document_order(sidecar.annotations)
    if args.json:
        rows = [dict(a.to_json(), status=a.status) for a in annotations]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return EXIT_OK
    labels = {tag.id: tag.label for tag in sidecar.tagset.tags}
    for a in annotations:
        flag = "" if a.status == "exact" else f" [{a.status}]"
        note = f"  -- {a.note}" if a.note else ""
        quote = a.exact.replace("\n", " ")
        print(f"{a.start}-{a.end}\t{labels.get(a.tag, a.tag)}{flag}\t\u201c{quote}\u201d{note}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from app.core.exports import export_student
    from app.core.store import open_annotations

    article = _load(args.article)
    sidecar, _ = open_annotations(article)
    data = export_student(article, sidecar, args.format)
    _write_output(data, args.output)
    return EXIT_OK


def _write_output(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    import stat

    from app.core.atomic import write_atomically
    from app.core.errors import ExportError

    try:
        kind = output.stat().st_mode
    except FileNotFoundError:
        kind = stat.S_IFREG  # a new file
    except OSError as exc:
        raise ExportError(f"{output}: cannot be written ({exc.strerror or exc})") from exc
    try:
        if stat.S_ISREG(kind) or stat.S_ISDIR(kind):
            write_atomically(output, data, keep_backup=False)
        else:
            # A pipe or a device (/dev/stdout) is written to, never replaced by a file.
            with open(output, "wb") as handle:
                handle.write(data)
    except OSError as exc:
        # Named after the output asked for, never after write_atomically's hidden
        # temporary file.
        raise ExportError(f"{output}: cannot be written ({exc.strerror or exc})") from exc


def _cmd_check(args: argparse.Namespace) -> int:
    from app.core.annotations import ATTENTION_STATUSES
    from app.core.article import load_article
    from app.core.sidecar import read_sidecar

    problems = 0
    for path in args.files:
        article = None
        article_path = _article_beside(path)
        if article_path is not None:
            try:
                article = load_article(article_path)
            except SlantError as exc:
                print(f"{path}: the article beside it cannot be read: {exc}", file=sys.stderr)
        try:
            sidecar = read_sidecar(path, article)
        except SlantError as exc:
            print(str(exc), file=sys.stderr)
            problems += 1
            continue
        attention = [a for a in sidecar.annotations if a.status in ATTENTION_STATUSES]
        for a in attention:
            print(f"{path}: annotation {a.id} ({a.exact[:40]!r}) is {a.status}", file=sys.stderr)
        print(f"{path}: OK, {len(sidecar.annotations)} annotations")
    return EXIT_INVALID if problems else EXIT_OK


def _article_beside(sidecar_file: Path) -> Path | None:
    name = sidecar_file.name
    for suffix in (".key.slant.json", ".slant.json"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            candidates = [sidecar_file.with_name(stem)]
            if suffix == ".key.slant.json":
                candidates += [sidecar_file.with_name(stem + ext) for ext in (".md", ".txt")]
            return next((c for c in candidates if c.is_file()), None)
    return None


def _cmd_class(args: argparse.Namespace) -> int:
    from app.core.classroom import gather_class, write_class_outputs

    article = _load(args.article)
    class_data = gather_class(article, args.inputs, args.key)
    for path, reason in class_data.skipped:
        print(f"slant: skipped {path}: {reason}", file=sys.stderr)
    # Without --out, a new folder each run: one that exists may hold links a student planted.
    fresh = args.out is None
    out = Path("slant-class") if fresh else args.out
    written = write_class_outputs(class_data, out, pseudonymize=args.pseudonymize, fresh=fresh)
    for path in written:
        print(path)
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from app.core.exports.w3c_import import import_into_sidecar

    article = _load(args.article)
    written, skipped = import_into_sidecar(args.source, article)
    for reason in skipped:
        print(f"slant: skipped: {reason}", file=sys.stderr)
    print(written)
    return EXIT_OK


def _cmd_handin(args: argparse.Namespace) -> int:
    from app.core.handin import HandInExists, hand_in
    from app.core.store import open_annotations

    article = _load(args.article)
    sidecar, _ = open_annotations(article)
    student = " ".join((args.author or sidecar.author.name).split())
    if not student:
        raise SlantError(
            f"{args.article}: your annotations carry no name, so your teacher could not tell "
            'they are yours; hand in with --author "Your Name"'
        )
    try:
        written = hand_in(article, sidecar, student, args.output, overwrite=args.force)
    except HandInExists as exc:
        raise SlantError(f"{exc}; --force replaces it") from None
    if not sidecar.annotations:
        print(f"slant: {args.article} has no annotations yet; handed in anyway", file=sys.stderr)
    print(written)
    return EXIT_OK


def _cmd_page(args: argparse.Namespace) -> int:
    from app.core.article import MAX_ARTICLE_BYTES
    from app.core.article_formats import WEB_PAGE_SUFFIXES, decode_article_bytes
    from app.core.markdown_writer import article_to_markdown
    from app.core.web_page import article_from_html

    output: Path | None = args.output
    if output is not None and not args.force and (output.is_file() or output.is_symlink()):
        raise SlantError(f"{output} already exists; --force replaces it")
    if output is not None and output.is_dir():
        raise SlantError(f"{output} is a folder; name the Markdown file to write")
    if args.source == "-":
        data = sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1)
        if len(data) > MAX_ARTICLE_BYTES:
            raise SlantError(f"standard input: the page is larger than {MAX_ARTICLE_BYTES} bytes")
        html, _, warnings = decode_article_bytes(data, "standard input", ".html")
        article = article_from_html(html, "standard input")
        warnings += article.warnings
    else:
        source = Path(args.source)
        if source.suffix.lower() not in WEB_PAGE_SUFFIXES:
            kinds = ", ".join(WEB_PAGE_SUFFIXES)
            raise UsageError(f"{source} is not a saved web page: use one of {kinds}, or -")
        article = _load(source)
        warnings = list(article.warnings)
    for warning in warnings:
        print(f"slant: {warning}", file=sys.stderr)
    if article.page is not None and article.page.fallback_reason:
        print(
            f"slant: {article.page.fallback_reason}; the whole text of the page was kept",
            file=sys.stderr,
        )
    _write_output(article_to_markdown(article).encode("utf-8"), output)
    return EXIT_OK


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "text": _cmd_text,
    "add": _cmd_add,
    "list": _cmd_list,
    "export": _cmd_export,
    "check": _cmd_check,
    "class": _cmd_class,
    "import": _cmd_import,
    "handin": _cmd_handin,
    "page": _cmd_page,
}
