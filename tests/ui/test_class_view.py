"""The class window: heat map per shown student, who tagged what, agreement, export, key."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLabel, QWidget

from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.classroom import analyse_class, gather_class
from app.core.sidecar import Author, new_sidecar, read_sidecar, write_sidecar
from app.ui.article.offsets import OffsetMap
from app.ui.classroom.class_dialogs import ClassChoice, ExportChoice, ExportDialog, OpenClassDialog
from app.ui.classroom.class_model import ROW_ROLE, SORT_ROLE, TaggedEntry
from app.ui.classroom.class_view import ClassWindow, open_class_window
from app.ui.classroom.heatmap import HeatPalette, heat_segments
from app.ui.messages import ProblemMessage

STORY = (
    "# Harbour Mayor Unveils Ferry Deal\n\n"
    "The so-called ferry king met the mayor on Monday.\n\n"
    "Insiders say the deal saved millions.\n\n"
    "Subscribe today for exclusive coverage!\n"
)
KING = "so-called ferry king"
INSIDERS = "Insiders say the deal saved millions"
SUBSCRIBE = "Subscribe today for exclusive coverage!"
# name -> [(tag, quote, note)]
STUDENTS = {
    "Ana": [("loaded-label", KING, "a sneer"), ("unsourced-claim", INSIDERS, "which insiders?")],
    "Ben": [("loaded-label", KING, "mocking nickname"), ("verifiable-fact", "on Monday", "")],
    "Cy": [("loaded-label", "ferry king", ""), ("promotional-boilerplate", SUBSCRIBE, "an ad")],
}
KEY = [
    ("loaded-label", KING),
    ("unsourced-claim", INSIDERS),
    ("promotional-boilerplate", SUBSCRIBE),
]


def write_person(path: Path, article, name: str, role: str, spans) -> Path:
    sidecar = new_sidecar(article, Author(name, role))
    for tag, quote, note in spans:
        at = article.text.index(quote)
        sidecar.annotations.append(make_annotation(article.text, tag, at, at + len(quote), note))
    write_sidecar(path, sidecar)
    return path


@pytest.fixture
def class_files(tmp_path: Path) -> SimpleNamespace:
    """story.md, three students and a broken file in class/, and key.slant.json beside."""
    article_path = tmp_path / "story.md"
    article_path.write_text(STORY, encoding="utf-8")
    article = load_article(article_path)
    folder = tmp_path / "class"
    folder.mkdir()
    for name, spans in STUDENTS.items():
        write_person(
            folder / f"{name.lower()}.story.md.slant.json", article, name, "student", spans
        )
    (folder / "broken.slant.json").write_text("{ not json", encoding="utf-8")
    key_spans = [(tag, quote, "") for tag, quote in KEY]
    key = write_person(tmp_path / "key.slant.json", article, "Ms Key", "teacher", key_spans)
    return SimpleNamespace(article_path=article_path, article=article, folder=folder, key=key)


@pytest.fixture
def problems(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        ProblemMessage, "ask", classmethod(lambda cls, parent, title, text: shown.append(text))
    )
    return shown


@pytest.fixture
def window(qtbot, class_files, problems) -> ClassWindow:
    class_data = gather_class(class_files.article, [class_files.folder], class_files.key)
    made = ClassWindow(class_data)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def offset_of(window: ClassWindow, quote: str) -> int:
    return window.class_data.article.text.index(quote)


def format_at(window: ClassWindow, offset: int) -> QTextCharFormat | None:
    """The format the view's block layout draws at code point *offset*, or None."""
    offsets = OffsetMap.for_article(window.class_data.article)
    block_number = offsets.block_at(offset)
    relative = offsets.block_relative(block_number, offset)
    layout = window.view.document().findBlockByNumber(block_number).layout()
    for item in layout.formats():
        if item.start <= relative < item.start + item.length:
            return QTextCharFormat(item.format)  # a copy: the ranges are temporaries
    return None


def background_at(window: ClassWindow, offset: int) -> str:
    """The background colour drawn at *offset* ("" for none)."""
    fmt = format_at(window, offset)
    if fmt is None or not fmt.hasProperty(QTextFormat.Property.BackgroundBrush):
        return ""
    return fmt.background().color().name()


def underline_at(window: ClassWindow, offset: int):
    fmt = format_at(window, offset)
    return None if fmt is None else fmt.underlineStyle()


def click_at(qtbot, window: ClassWindow, offset: int) -> None:
    """Click the article view in the middle of the character at *offset*."""
    offsets = OffsetMap.for_article(window.class_data.article)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(offsets.to_position(offset))
    rect = window.view.cursorRect(cursor)
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(3, 0)
    )


def tagged_cells(window: ClassWindow) -> list[tuple[str, str, str]]:
    model = window.tagged
    return [
        tuple(model.index(row, column).data() for column in range(3))
        for row in range(model.rowCount())
    ]


def test_the_student_list_shows_every_student_checked(window, qtmodeltester):
    model = window.students
    names = [model.index(row).data() for row in range(model.rowCount())]
    assert names == ["Ana", "Ben", "Cy"]
    assert all(
        model.index(row).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        for row in range(3)
    )
    qtmodeltester.check(model)


def test_unchecking_a_student_lowers_the_heat_count_and_the_colour(window, qtbot):
    at = offset_of(window, KING)  # "so-called": Ana and Ben, not Cy ("ferry king")
    assert window.current_tag() == "loaded-label"
    assert window.heat_count_at(at, "loaded-label") == 2
    qtbot.waitUntil(lambda: background_at(window, at) != "")
    two = background_at(window, at)

    ben = window.students.index(1)
    assert window.students.setData(
        ben, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )

    assert window.heat_count_at(at, "loaded-label") == 1
    qtbot.waitUntil(lambda: background_at(window, at) not in ("", two))
    one = background_at(window, at)
    # Fewer students: a lighter colour (closer to the white page).
    assert QColor(one).lightness() > QColor(two).lightness()


def test_hiding_every_student_clears_the_heat_map(window, qtbot):
    at = offset_of(window, KING)
    window.key_combo.setCurrentIndex(0)  # class only: no key underline either
    window.hide_all_button.click()
    assert window.heat_count_at(at) == 0
    qtbot.waitUntil(lambda: background_at(window, at) == "")
    window.show_all_button.click()
    assert window.heat_count_at(at) == 2


def test_all_tags_counts_students_who_gave_any_tag(window):
    window.tag_combo.setCurrentIndex(window.tag_combo.count() - 1)
    assert window.current_tag() == ""
    assert window.heat_count_at(offset_of(window, "ferry king")) == 3
    assert window.heat_count_at(offset_of(window, "on Monday")) == 1
    assert window.heat_count_at(offset_of(window, "on Monday"), "loaded-label") == 0


def test_clicking_a_passage_lists_who_tagged_it_with_tag_and_note(window, qtbot):
    click_at(qtbot, window, offset_of(window, "ferry king") + 2)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 4)
    assert tagged_cells(window) == [
        ("Answer key", "Loaded label", ""),
        ("Ana", "Loaded label", "a sneer"),
        ("Ben", "Loaded label", "mocking nickname"),
        ("Cy", "Loaded label", ""),
    ]
    assert "3 of 3 shown students tagged this as Loaded label" in window.here_label.text()


def test_hidden_students_are_not_listed_as_having_tagged_a_passage(window, qtbot):
    window.students.set_shown(0, False)  # Ana
    click_at(qtbot, window, offset_of(window, "ferry king") + 2)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 3)
    assert [cells[0] for cells in tagged_cells(window)] == ["Answer key", "Ben", "Cy"]


def test_the_agreement_table_shows_the_alpha_of_analyse_class(window):
    expected = analyse_class(window.class_data)
    model = window.agreement
    labels = {tag.id: tag.label for tag in window.class_data.tags}
    wanted = [(labels[t], expected.alpha[t].value) for t in expected.tag_ids]
    wanted.append(("Tags in use (pooled)", expected.overall_alpha.value))
    shown = [
        (model.index(row, 0).data(), model.index(row, 1).data(ROW_ROLE).value)
        for row in range(model.rowCount())
    ]
    assert shown == wanted
    loaded = model.index(0, 1)
    assert loaded.data() == f"{expected.alpha['loaded-label'].value:.2f}"
    assert loaded.data(SORT_ROLE) == expected.alpha["loaded-label"].value


def test_scores_against_the_key_are_listed_per_student(window):
    expected = analyse_class(window.class_data)
    model = window.scores
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)] == [
        "Student",
        "Annotations",
        "Precision",
        "Recall",
        "F1",
    ]
    f1 = [model.index(row, 4).data(SORT_ROLE) for row in range(model.rowCount())]
    assert f1 == [stats.score.overall.f1 for stats in expected.stats]


def test_skipped_files_are_listed_with_the_reason(window):
    model = window.skipped
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "broken.slant.json"
    assert "JSON" in model.index(0, 1).data()
    assert "(1)" in window.tabs.tabText(3)


def test_export_writes_the_class_files_into_the_chosen_folder(window, tmp_path, monkeypatch):
    out = tmp_path / "out"
    asked = []

    def ask(cls, parent, folder):
        asked.append(folder)
        return ExportChoice(out)

    monkeypatch.setattr(ExportDialog, "ask", classmethod(ask))
    window.export_button.click()
    assert asked and Path(asked[0]).name == f"slant-class-{datetime.date.today().isoformat()}"
    assert (out / "annotations.csv").is_file()
    assert (out / "report.html").is_file()
    assert "Ana" in (out / "annotations.csv").read_text(encoding="utf-8-sig")
    assert str(out) in window.statusBar().currentMessage()


def test_export_refuses_a_folder_with_a_planted_link(window, tmp_path, monkeypatch, problems):
    out = tmp_path / "out"
    out.mkdir()
    grades = tmp_path / "grades.csv"
    grades.write_text("Ana,A\n", encoding="utf-8")
    (out / "students.csv").symlink_to(grades)
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, folder: ExportChoice(out))
    )
    assert window.export() == []
    assert problems and "students.csv" in problems[0] and "link" in problems[0]
    assert grades.read_text(encoding="utf-8") == "Ana,A\n"
    assert sorted(p.name for p in out.iterdir()) == ["students.csv"]


def test_export_cancelled_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(ExportDialog, "ask", classmethod(lambda cls, parent, folder: None))
    assert window.export() == []
    assert window.statusBar().currentMessage() == ""


def select_entry(window: ClassWindow, who: str) -> TaggedEntry:
    for row in range(window.tagged.rowCount()):
        if window.tagged.index(row, 0).data() == who:
            window.tagged_table.selectRow(row)
            return window.tagged.index(row, 0).data(ROW_ROLE)
    raise AssertionError(f"{who} is not listed")


def test_copy_to_key_writes_the_key_file_and_undo_removes_it(window, qtbot, class_files):
    at = offset_of(window, "on Monday")
    window.view.select_span(at, at)  # the caret, as a keyboard user would place it
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 1)
    entry = select_entry(window, "Ben")
    assert window.copy_button.isEnabled()

    window.copy_button.click()

    on_disk = read_sidecar(class_files.key)
    copied = [a for a in on_disk.annotations if a.exact == "on Monday"]
    assert [(a.tag, a.start, a.end, a.note) for a in copied] == [
        ("verifiable-fact", entry.annotation.start, entry.annotation.end, "")
    ]
    assert copied[0].id != entry.annotation.id
    assert [cells[0] for cells in tagged_cells(window)] == ["Answer key", "Ben"]
    assert not window.copy_button.isEnabled()  # nothing selected, and Ben's is in the key now
    recall = window.scores.index(1, 3).data(SORT_ROLE)  # Ben found one key span more

    window.undo_action.trigger()

    on_disk = read_sidecar(class_files.key)
    assert [a for a in on_disk.annotations if a.exact == "on Monday"] == []
    assert copied[0].id in on_disk.tombstones
    assert [cells[0] for cells in tagged_cells(window)] == ["Ben"]
    assert window.scores.index(1, 3).data(SORT_ROLE) < recall

    deleted = on_disk.tombstones[copied[0].id]
    window.redo_action.trigger()
    again = read_sidecar(class_files.key)
    assert [a.exact for a in again.annotations].count("on Monday") == 1
    # Put back after its deletion: no tombstone left, and modified after it, so a merge with
    # a copy that still holds the tombstone keeps it (AnnotationSet's rule).
    assert copied[0].id not in again.tombstones
    assert (
        again.annotations[[a.id for a in again.annotations].index(copied[0].id)].modified > deleted
    )


def test_copy_to_key_reports_a_key_that_cannot_be_written(window, qtbot, class_files, problems):
    at = offset_of(window, "on Monday")
    window.view.select_span(at, at)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 1)
    select_entry(window, "Ben")
    class_files.key.write_text("{ broken", encoding="utf-8")

    assert window.copy_to_key() is None

    assert problems and "key.slant.json" in problems[0]
    assert window.undo_stack.count() == 0


def test_key_only_tints_the_key_and_compare_underlines_it(window, qtbot):
    at = offset_of(window, SUBSCRIBE)  # Cy tagged it; so did the key
    window.tag_combo.setCurrentIndex(window.tag_combo.findData("promotional-boilerplate"))
    assert window.key_mode() == "both"
    qtbot.waitUntil(lambda: underline_at(window, at) is not None)
    assert window.view.segment_at(at) == (1, ("promotional-boilerplate",))
    assert underline_at(window, at) != QTextCharFormat.UnderlineStyle.NoUnderline

    window.key_combo.setCurrentIndex(1)  # the key on its own: no student counts
    assert window.view.segment_at(at) == (0, ("promotional-boilerplate",))
    qtbot.waitUntil(lambda: background_at(window, at) != "")

    window.key_combo.setCurrentIndex(0)  # the class only: Cy's span, no key underline
    assert window.view.segment_at(at) == (1, ())
    window.tag_combo.setCurrentIndex(0)  # Loaded label: nobody, and the key has none here
    assert window.view.segment_at(at) is None


def test_open_class_window_asks_and_opens_the_class(qtbot, class_files, monkeypatch, problems):
    choice = ClassChoice(class_files.article_path, class_files.folder, class_files.key)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, article: choice))
    opened = open_class_window(None)
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.isVisible()
    assert opened.students.rowCount() == 3
    assert opened.class_data.key is not None and opened.class_data.key.name == "Ms Key"


def test_open_class_window_reports_an_unusable_key(qtbot, class_files, monkeypatch, problems):
    broken = class_files.folder.parent / "bad-key.slant.json"
    broken.write_text("[]", encoding="utf-8")
    choice = ClassChoice(class_files.article_path, class_files.folder, broken)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, article: choice))
    assert open_class_window(None) is None
    assert problems and "bad-key.slant.json" in problems[0]


def test_without_a_key_a_students_teacher_role_is_not_the_key(
    qtbot, class_files, monkeypatch, problems
):
    write_person(
        class_files.folder / "mallory.story.md.slant.json",
        class_files.article,
        "Mallory",
        "teacher",
        [("loaded-label", "mayor", "")],
    )
    choice = ClassChoice(class_files.article_path, class_files.folder)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, article: choice))
    opened = open_class_window(None)
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.class_data.key is None
    assert "Mallory" in [s.name for s in opened.class_data.students]


def test_without_a_key_the_key_beside_the_article_is_used(
    qtbot, class_files, monkeypatch, problems
):
    beside = class_files.article_path.with_name("story.md.key.slant.json")
    class_files.key.rename(beside)
    choice = ClassChoice(class_files.article_path, class_files.folder)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, article: choice))
    opened = open_class_window(None)
    assert opened is not None
    qtbot.addWidget(opened)
    assert opened.class_data.key is not None and opened.class_data.key.name == "Ms Key"
    assert opened.key_file is not None and opened.key_file.path == beside
    dialog = OpenClassDialog(None, class_files.article_path)
    qtbot.addWidget(dialog)
    assert "key.slant.json" in dialog.key_edit.placeholderText()


def test_the_open_dialog_needs_an_article_and_a_folder(qtbot, class_files):
    dialog = OpenClassDialog(None, class_files.article_path)
    qtbot.addWidget(dialog)
    assert dialog.choice() == ClassChoice(class_files.article_path, class_files.article_path.parent)
    dialog.key_edit.setText(str(class_files.folder / "missing.slant.json"))
    assert dialog.choice() is None
    dialog.key_edit.setText(str(class_files.key))
    dialog.folder_edit.setText(str(class_files.folder))
    assert dialog.choice() == ClassChoice(
        class_files.article_path, class_files.folder, class_files.key
    )


def unnamed_focusable(root: QWidget) -> list[str]:
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or widget.accessibleName():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        parent, inside_box = widget.parentWidget(), False
        while parent is not None and parent is not root:
            inside_box = inside_box or isinstance(parent, QComboBox | QAbstractSpinBox)
            parent = parent.parentWidget()
        if not inside_box:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_focusable_widget_of_the_class_window_has_a_name(window, qtbot, class_files):
    assert unnamed_focusable(window) == []
    dialog = OpenClassDialog(None, class_files.article_path)
    qtbot.addWidget(dialog)
    assert unnamed_focusable(dialog) == []
    export = ExportDialog(None, "")
    qtbot.addWidget(export)
    assert unnamed_focusable(export) == []


def test_the_keyboard_reaches_the_student_list_and_toggles_a_student(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.student_list.setFocus()
    window.student_list.setCurrentIndex(window.students.index(2))
    qtbot.keyClick(window.student_list, Qt.Key.Key_Space)
    assert window.students.shown() == [0, 1]


def test_heat_segments_cut_runs_and_key_spans_into_disjoint_pieces():
    runs = [(0, 5, 1), (5, 10, 2)]
    key = [(3, 7, "b"), (6, 12, "a")]
    assert heat_segments(runs, key) == [
        (0, 3, (1, ())),
        (3, 5, (1, ("b",))),
        (5, 6, (2, ("b",))),
        (6, 7, (2, ("a", "b"))),
        (7, 10, (2, ("a",))),
        (10, 12, (0, ("a",))),
    ]


def test_more_students_get_a_stronger_colour():
    palette = HeatPalette("#0072B2", 5, {})
    lightness = [palette.background(count).lightness() for count in range(1, 6)]
    assert lightness == sorted(lightness, reverse=True)
    assert len(set(lightness)) == 5


def test_activating_an_entry_selects_its_passage_and_keeps_it_selected(window, qtbot):
    click_at(qtbot, window, offset_of(window, "ferry king") + 2)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 4)
    entry = select_entry(window, "Ana")
    window.tagged_table.activated.emit(window.tagged_table.currentIndex())
    start, end = entry.annotation.start, entry.annotation.end
    assert window.view.selected_span() == (start, end)
    assert window.selected_entry() == entry


def test_file_open_class_in_the_main_window_opens_a_class_window(
    qtbot, class_files, monkeypatch, problems
):
    from app.ui.main_window import MainWindow

    main = MainWindow()
    qtbot.addWidget(main)
    asked = []

    def ask(cls, parent, article):
        asked.append(parent)
        return ClassChoice(class_files.article_path, class_files.folder, class_files.key)

    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(ask))
    action = main.actions.open_class
    assert action.shortcut().toString() == "Ctrl+Shift+O"
    file_menu = main.menuBar().actions()[0].menu()
    assert action in file_menu.actions()

    action.trigger()

    assert asked == [main]
    opened = main.findChild(ClassWindow)
    assert opened is not None and opened.isWindow() and opened.isVisible()
    assert not opened.isModal()
    opened.close()
    main.document.shutdown()


def test_ctrl_k_copies_to_the_key_and_ctrl_z_undoes_it(window, qtbot, class_files):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    at = offset_of(window, "on Monday")
    window.view.setFocus()
    window.view.select_span(at, at)
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 1)
    window.tagged_table.setFocus()
    qtbot.keyClick(window.tagged_table, Qt.Key.Key_Space)  # select the current row: Ben's
    assert window.selected_entry() is not None

    qtbot.keyClick(window.tagged_table, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "on Monday" in [a.exact for a in read_sidecar(class_files.key).annotations]

    qtbot.keyClick(window.tagged_table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "on Monday" not in [a.exact for a in read_sidecar(class_files.key).annotations]


@pytest.fixture
def spanish_window(spanish, qtbot, class_files, problems) -> ClassWindow:
    """The class window in Spanish, at a school netbook's 1024x600."""
    (class_files.folder / "empty.story.md.slant.json").write_text("", encoding="utf-8")
    class_data = gather_class(class_files.article, [class_files.folder], class_files.key)
    made = ClassWindow(class_data)
    qtbot.addWidget(made)
    made.resize(1024, 600)
    made.show()
    qtbot.waitExposed(made)
    return made


def cut_off_cells(table) -> list[str]:
    """Texts of the table's last column that do not fit in their cells, wrapped or not."""
    column = table.model().columnCount() - 1
    room = table.columnWidth(column) - 12  # the cell's padding on either side
    metrics = table.fontMetrics()
    cut = []
    for row in range(table.model().rowCount()):
        text = table.model().index(row, column).data()
        needed = metrics.boundingRect(0, 0, room, 10_000, Qt.TextFlag.TextWordWrap, text)
        if needed.width() > room or needed.height() > table.rowHeight(row):
            cut.append(text)
    return cut


def test_skipped_reasons_and_agreement_readings_wrap_instead_of_being_cut_off(
    spanish_window, qtbot
):
    window = spanish_window
    for table in (window.agreement_table, window.skipped_table):
        (page,) = [
            window.tabs.widget(i)
            for i in range(window.tabs.count())
            if window.tabs.widget(i) is table or window.tabs.widget(i).isAncestorOf(table)
        ]
        window.tabs.setCurrentWidget(page)
        qtbot.waitUntil(table.isVisible)
        assert table.model().rowCount() >= 2
        qtbot.waitUntil(lambda table=table: cut_off_cells(table) == [])


def decimal_separators(texts) -> set[str]:
    """The decimal marks used in *texts*: "." in "0.78", "," in "0,78"."""
    return {mark for text in texts if text for mark in re.findall(r"\d([.,])\d", text)}


def test_the_class_window_writes_every_decimal_in_one_style(spanish_window):
    window = spanish_window
    model = window.agreement.index(0, 0).model()
    cells = [
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]
    scores = window.scores
    cells += [
        scores.index(row, column).data()
        for row in range(scores.rowCount())
        for column in range(scores.columnCount())
    ]
    hints = [label.text() for label in window.findChildren(QLabel) if label.text()]
    assert len(decimal_separators(cells + hints)) == 1


def test_the_spanish_class_report_writes_every_decimal_in_one_style(
    spanish_window, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, folder: ExportChoice(out))
    )
    spanish_window.export_button.click()
    page = (out / "report.html").read_text(encoding="utf-8")
    shown = re.sub(r"<style.*?</style>|<script.*?</script>|style=\"[^\"]*\"", "", page, flags=re.S)
    assert "Acuerdo" in shown  # the report is in Spanish
    assert len(decimal_separators([shown])) == 1
