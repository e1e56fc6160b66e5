"""The window's side of "never lose an annotation": files that cannot be read, files from a
newer Slant, sync-service conflict copies, changes made elsewhere and where saves went.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject

from app.core import merge, sidecar, store
from app.core.article import Article
from app.core.bounded_read import read_bounded
from app.core.errors import SidecarError, TagSetError
from app.core.merge import MergeReport
from app.core.sidecar import FORMAT_VERSION, MAX_SIDECAR_BYTES, Author, Sidecar
from app.core.tags import load_tagset
from app.ui.editing.sidecar_watch import SidecarWatcher, error_reason
from app.ui.i18n import translate
from app.ui.messages import QuestionMessage
from app.ui.settings import Settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

STATUS_MS = 8000


class OpenedAnnotations(NamedTuple):
    """What to show for an article: its sidecar, where it lives, and what went wrong.

    ``explanation`` tells the user, in plain words, what happened and what Slant did (""
    when all went well), and ``details`` the technical reasons behind it; with
    ``read_only_reason`` the annotations must not be changed or written.
    """

    sidecar: Sidecar
    path: Path
    explanation: str = ""
    read_only_reason: str = ""
    # The state of the file that was read at path, when known (saves reading it again).
    disk_state: store.DiskState | None = None
    details: str = ""


def file_format_version(path: Path) -> int | None:
    """The whole-number "version" member of the JSON file at *path*, or None."""
    try:
        raw = json.loads(read_bounded(path, MAX_SIDECAR_BYTES, follow_links=False))
    except (OSError, ValueError, RecursionError):
        return None
    version = raw.get("version") if isinstance(raw, dict) else None
    return version if type(version) is int else None


def read_annotations(article: Article, author: Author) -> OpenedAnnotations:
    """Read the article's annotations; set aside a file that cannot be read.

    A file written by a newer Slant is left alone and the annotations open read-only.
    A broken file is copied aside (``.corrupt-<time>``) before anything is written, and
    the annotations of any other readable copy are used. Raises SidecarError when a
    broken file cannot be copied aside: then it must not be written over.
    """
    try:
        found, path, state = store.open_annotations_with_state(article, author)
        return OpenedAnnotations(found, path, disk_state=state)
    except SidecarError as exc:
        first_error = exc
    existing = [path for path in store.candidate_paths(article) if os.path.lexists(path)]
    for path in existing:
        if (file_format_version(path) or 0) > FORMAT_VERSION:
            return _read_only(article, author, path)
    readable: list[tuple[Path, Sidecar]] = []
    damaged: list[Path] = []
    sentences: list[str] = []
    details: list[str] = []
    for path in existing:
        shown = _shown(path, article)
        if store.is_refused(path):
            # A link or special file: nothing of ours to copy, and never written through.
            damaged.append(path)
            sentences.append(
                translate(
                    "SidecarSafety",
                    "{file} is not an ordinary file (it is a link, a folder or a device), "
                    "so Slant does not read it and leaves it as it is.",
                ).format(file=shown)
            )
            # A full stop, as the damaged files' lines (error_reason strips the reader's own).
            details.append(f"{shown}: {sidecar.not_a_regular_file(path)}.")
            continue
        try:
            readable.append((path, sidecar.read_sidecar(path, article)))
        except SidecarError as exc:
            copy = store.quarantine(path)  # raises when the copy cannot be made
            damaged.append(path)
            sentences.append(
                translate(
                    "SidecarSafety",
                    "Your annotations file {file} could not be read: it is damaged or it is "
                    "not a Slant file. Slant keeps a copy of it as {copy}.",
                ).format(file=shown, copy=copy.name)
            )
            details.append(f"{shown}: {error_reason(exc, path)}.")
    if not damaged:
        raise first_error  # nothing is broken now (it was a passing problem): say so
    primary, fallback = store.candidate_paths(article)[:2]
    new_file = primary.name
    if store.is_refused(primary):
        primary, new_file = fallback, str(fallback)  # saving goes there (store.save_merging)
    if readable:
        readable.sort(key=lambda item: item[0].stat().st_mtime_ns, reverse=True)
        path, found = readable[0]
        for _, older in readable[1:]:
            found, _ = merge.merge_sidecars(found, older)
        shown = _shown(path, article)
    else:
        path, found = primary, sidecar.new_sidecar(article, author)
        shown = ""
    sentences.append(_where_saved(shown, new_file, primary in damaged))
    return OpenedAnnotations(found, path, " ".join(sentences), details="\n".join(details))


def adopt_default_tagset(sidecar: Sidecar, sidecar_file: Path, settings: Settings) -> str:
    """Give a new, empty sidecar the preferred tag set; return a problem sentence or "".

    Sidecars that exist on disk keep their own tag set.
    """
    if not settings.tagset_file or sidecar.annotations or sidecar_file.exists():
        return ""
    try:
        sidecar.tagset = load_tagset(Path(settings.tagset_file))
    except (TagSetError, OSError) as exc:
        return translate(
            "Appearance",
            "Your default tag set was not used: {problem}. Slant's four tags are used instead.",
        ).format(problem=exc)
    return ""


def _where_saved(shown: str, new_file: str, replaced: bool) -> str:
    """The sentence after files were set aside: what Slant shows and where new ones go.

    *shown* names the file whose annotations are shown ("" for none); *replaced* is True
    when *new_file* takes the damaged file's place.
    """
    # "Replaces" only where the file is a damaged one (its copy is kept): a link or special
    # file is never written over, and then new annotations go elsewhere.
    if shown and shown == new_file:
        # Beside a link, the fallback file is both: its long path is said once.
        text = translate(
            "SidecarSafety",
            "Slant shows the annotations from {file} and saves new ones you make there.",
        )
    elif shown and replaced:
        text = translate(
            "SidecarSafety",
            "Slant shows the annotations from {file}. New ones you make are saved to "
            "{new_file}, which replaces the damaged file.",
        )
    elif shown:
        text = translate(
            "SidecarSafety",
            "Slant shows the annotations from {file}. New ones you make are saved to {new_file}.",
        )
    elif replaced:
        text = translate(
            "SidecarSafety",
            "Slant starts with no annotations. New ones you make are saved to {new_file}, "
            "which replaces the damaged file.",
        )
    else:
        text = translate(
            "SidecarSafety",
            "Slant starts with no annotations. New ones you make are saved to {new_file}.",
        )
    return text.format(file=shown, new_file=new_file)


def _read_only(article: Article, author: Author, path: Path) -> OpenedAnnotations:
    """No annotations and no writing: *path* was written by a newer Slant."""
    reason = translate(
        "SidecarSafety",
        "{file} was written by a newer version of Slant; update Slant to edit these annotations.",
    ).format(file=_shown(path, article))
    explanation = translate(
        "SidecarSafety",
        "{reason} Slant shows the article without them and leaves the file as it is.",
    ).format(reason=reason)
    return OpenedAnnotations(sidecar.new_sidecar(article, author), path, explanation, reason)


def _shown(path: Path, article: Article) -> str:
    """The file's name when it lies beside the article, else its full path."""
    beside = article.path is not None and path.parent == article.path.parent
    return path.name if beside else str(path)


def describe_merge(report: MergeReport) -> str:
    """What a merge changed, for a sentence: "2 added, 1 deleted" or "no differences"."""
    parts = [
        text.format(count=count)
        for count, text in (
            (report.added, translate("SidecarSafety", "{count} added")),
            (report.updated, translate("SidecarSafety", "{count} updated")),
            (report.deleted, translate("SidecarSafety", "{count} deleted")),
        )
        if count
    ]
    return ", ".join(parts) if parts else translate("SidecarSafety", "no differences")


def _set_aside(path: Path, stamp: str) -> Path:
    """Rename *path* to ``<name>.merged-<stamp>`` (never over another file)."""
    target = path.with_name(f"{path.name}.merged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.merged-{stamp}-{counter}")
    path.rename(target)
    return target


class SidecarSafety(QObject):
    """Connects the document's saving and merging to what the window tells the user.

    It opens annotations (broken and newer files, conflict copies), watches the file
    for changes made elsewhere, and reports saves to the fallback folder and failures.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._fallback_shown: Path | None = None
        doc = window.document
        self.watcher = SidecarWatcher(doc, self)
        self.watcher.problem.connect(self._unreadable_elsewhere)
        doc.saved.connect(self._saved)
        doc.saveFailed.connect(self._save_failed)
        doc.mergedElsewhere.connect(self._merged_elsewhere)
        doc.tagsetChanged.connect(self._tags_grew)

    # -- opening -------------------------------------------------------------------------

    def load(self, article: Article, opened: OpenedAnnotations) -> None:
        """Show *article* with *opened*'s annotations; explain problems; offer copies."""
        window = self._window
        window.document.load(
            article,
            opened.sidecar,
            opened.path,
            read_only_reason=opened.read_only_reason,
            disk_state=opened.disk_state,
        )
        doc = window.document
        # Where the annotations are kept is said on opening; saving there says nothing more.
        self._fallback_shown = doc.sidecar_path if doc.is_fallback_path(doc.sidecar_path) else None
        editable = not opened.read_only_reason
        window.actions.set_tagging_enabled(editable)
        window.sidebar.set_editable(editable)
        # Said once, in the bar above the article: not in a dialog or the status bar too.
        # An explanation already names where the annotations are read from and saved to.
        notice = opened.explanation or self._fallback_notice()
        if notice:
            self._window.message_bar.add_notice(notice, opened.details)
        if editable:
            self.offer_conflict_copies()

    def _fallback_notice(self) -> str:
        """A sentence saying where the annotations are kept when not beside the article."""
        doc = self._window.document
        if not doc.is_fallback_path(doc.sidecar_path):
            return ""
        return translate(
            "SidecarSafety", "Your annotations for this article are kept in {path}."
        ).format(path=doc.sidecar_path)

    def offer_conflict_copies(self) -> None:
        """Ask to merge sync-service conflict copies of the sidecar, then rename them."""
        doc = self._window.document
        if doc.article is None or doc.article.path is None:
            return
        copies = merge.conflict_copies(sidecar.sidecar_path(doc.article.path))
        if not copies or not self._window.interactive:
            return
        if len(copies) == 1:
            found = translate(
                "SidecarSafety",
                "Found a copy made by a sync service (Dropbox/OneDrive). Merge its "
                "annotations into this file?",
            )
        else:
            found = translate(
                "SidecarSafety",
                "Found {count} copies made by a sync service (Dropbox/OneDrive). Merge their "
                "annotations into this file?",
            ).format(count=len(copies))
        names = "\n".join(f"• {copy.name}" for copy in copies)
        after = translate(
            "SidecarSafety",
            "Merged copies are renamed to end in “.merged-” and the time, so they are not "
            "offered again. Nothing is deleted.",
        )
        question = f"{found}\n\n{names}\n\n{after}"
        title = translate("SidecarSafety", "Merge Copies?")
        if QuestionMessage.ask(self._window, title, question, translate("SidecarSafety", "Merge")):
            self._merge_copies(copies)

    def _merge_copies(self, copies: list[Path]) -> None:
        doc = self._window.document
        assert doc.article is not None
        total = MergeReport()
        merged: list[Path] = []
        sentences: list[str] = []
        for copy in copies:
            try:
                found = sidecar.read_sidecar(copy, doc.article)
            except SidecarError as exc:
                sentences.append(
                    translate("SidecarSafety", "Skipped {file}: {reason}.").format(
                        file=copy.name, reason=error_reason(exc, copy)
                    )
                )
                continue
            report = doc.merge_copy(found)
            total = MergeReport(
                total.added + report.added,
                total.updated + report.updated,
                total.deleted + report.deleted,
            )
            merged.append(copy)
        if merged and not doc.flush():
            sentences.append(
                translate(
                    "SidecarSafety", "The copies were left as they are until the merge is saved."
                )
            )
            merged = []
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        renamed = 0
        for copy in merged:
            try:
                _set_aside(copy, stamp)
                renamed += 1
            except OSError as exc:
                sentences.append(
                    translate("SidecarSafety", "{file} could not be renamed ({reason}).").format(
                        file=copy.name, reason=exc.strerror or exc
                    )
                )
        if renamed:
            if renamed == 1:
                text = translate("SidecarSafety", "Merged 1 copy: {changes}.")
            else:
                text = translate("SidecarSafety", "Merged {count} copies: {changes}.")
            sentences.insert(0, text.format(count=renamed, changes=describe_merge(total)))
        self._tell(" ".join(sentences), append=True)

    # -- while the article is open ------------------------------------------------------

    def _merged_elsewhere(self, report: MergeReport) -> None:
        self._tell(
            translate("SidecarSafety", "Merged changes made elsewhere: {changes}.").format(
                changes=describe_merge(report)
            )
        )

    def _unreadable_elsewhere(self, text: str) -> None:
        # In the bar only: the same sentence in the status bar too was said twice.
        self._tell(text, in_status_bar=False)

    def _tags_grew(self) -> None:
        tagset = self._window.document.tagset
        self._window.actions.set_tags(tagset)
        self._window.view.set_tagset(tagset)

    def _saved(self, path: Path) -> None:
        window = self._window
        window.message_bar.clear("problem")
        # Said once per place: a dismissed notice must not come back on every save.
        if window.document.is_fallback_path(path) and path != self._fallback_shown:
            self._fallback_shown = path
            window.message_bar.show_notice(
                translate(
                    "SidecarSafety",
                    "The article's folder cannot be written, so your annotations are saved "
                    "in {path}.",
                ).format(path=path)
            )

    def _save_failed(self, message: str) -> None:
        reason = message.strip()
        if not reason.endswith((".", "!", "?")):
            reason += "."
        self._window.message_bar.show_problem(
            translate(
                "SidecarSafety",
                "Your annotations could not be saved: {reason} They are kept while Slant "
                "is open, and Slant keeps trying to save them.",
            ).format(reason=reason)
        )

    # -- telling ---------------------------------------------------------------------------

    def _tell(self, text: str, *, append: bool = False, in_status_bar: bool = True) -> None:
        """Show *text* in the notice bar and (unless not *in_status_bar*) the status bar.

        The bar never covers a problem: then *text* goes to the status bar only.
        """
        if not text:
            return
        window = self._window
        bar = window.message_bar
        showing = "" if bar.isHidden() else bar.kind
        if in_status_bar or showing == "problem":
            window.statusBar().showMessage(text, STATUS_MS)
        if showing == "problem":
            return
        if append and showing == "notice" and text not in bar.text():
            text = f"{bar.text()} {text}"
        bar.show_notice(text)
