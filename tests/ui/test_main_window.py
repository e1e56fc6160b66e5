"""The real main window, driven like a student would: keyboard, menus, dialogs replaced."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu

from app import paths
from app.core import store
from app.core.errors import SidecarError
from app.core.sidecar import read_sidecar, sidecar_path
from app.core.tags import default_tagset
from app.ui import app as app_module
from app.ui.app import run_gui, save_screenshot
from app.ui.article.colors import tag_styles
from app.ui.dialogs.author_dialog import AuthorDialog
from app.ui.dialogs.note_editor import NoteEditor
from app.ui.main_window import MainWindow
from app.ui.messages import ArticleFileDialog, ConfirmMessage, ProblemMessage
from app.ui.plain_text import isolate
from app.ui.settings import load_settings, settings_path

STORY = "Headline\n\nThe so-called experts said the plan was a disaster.\n"
WORLD = "World news\n\nGreat 😀 news: مرحبا بالعالم 🎉 today\n"
FOUR_TAGS = (
    "Four kinds\n\n"
    "A shameful thug ran the town hall for ten years.\n\n"
    "Insiders claim the budget was secretly doubled.\n\n"
    "Subscribe today for the bravest reporting anywhere.\n\n"
    "The council voted 7 to 2 on 3 March 2025.\n\n"
    "Nothing is tagged in this last plain sentence.\n"
)
Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dialogs(monkeypatch) -> SimpleNamespace:
    """Replace every dialog; record what they were asked."""
    record = SimpleNamespace(problems=[], notes=[], author="Ada", confirm=False, open=None)

    def problem(cls, parent, title, text):
        record.problems.append(text)

    def note(cls, parent, quote, label, current):
        return record.notes.pop(0) if record.notes else None

    monkeypatch.setattr(ProblemMessage, "ask", classmethod(problem))
    monkeypatch.setattr(NoteEditor, "ask", classmethod(note))
    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": record.author))
    monkeypatch.setattr(ConfirmMessage, "ask", classmethod(lambda cls, *a: record.confirm))
    monkeypatch.setattr(ArticleFileDialog, "ask", classmethod(lambda cls, p, d: record.open))
    return record


@pytest.fixture
def make_window(dialogs, new_main_window):
    """Shown, active windows whose dialogs answer from ``dialogs``."""
    return new_main_window


def write(tmp_path: Path, text: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def on_disk(article_path: Path):
    path = sidecar_path(article_path)
    return read_sidecar(path).annotations if path.exists() else []


def select_in_last_line(qtbot, window: MainWindow, skip: int, length: int | None) -> None:
    """Put the caret at the start of the last line, move right, then select with Shift."""
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Key.Key_End, CTRL)
    qtbot.keyClick(view, Key.Key_Home)
    for _ in range(skip):
        qtbot.keyClick(view, Key.Key_Right)
    if length is None:
        qtbot.keyClick(view, Key.Key_End, SHIFT)
    for _ in range(length or 0):
        qtbot.keyClick(view, Key.Key_Right, SHIFT)


def tag_with_keyboard(qtbot, window: MainWindow, article: Path, key: str, count: int) -> None:
    qtbot.keyClicks(window.view, key)
    qtbot.waitUntil(lambda: len(on_disk(article)) == count, timeout=3000)


def test_keyboard_selection_and_key_2_saves_the_annotation(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    assert window.open_path(article)
    select_in_last_line(qtbot, window, skip=4, length=9)
    assert window.view.selected_span() == (STORY.index("so-called"), STORY.index(" experts"))
    tag_with_keyboard(qtbot, window, article, "2", 1)
    (saved,) = on_disk(article)
    assert (saved.tag, saved.exact) == ("unsourced-claim", "so-called")
    assert (saved.start, saved.end) == (STORY.index("so-called"), STORY.index(" experts"))
    assert window.view.annotation_ids_at(saved.start) == [saved.id]
    assert window.sidebar.current_annotation_id() == saved.id


def test_undo_and_redo_reach_view_list_and_disk(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    select_in_last_line(qtbot, window, skip=4, length=9)
    tag_with_keyboard(qtbot, window, article, "1", 1)
    (saved,) = on_disk(article)
    assert window.actions.undo.text().replace("&", "") == "Undo Tag “so-called” as Loaded label"
    qtbot.keyClick(window.view, Key.Key_Z, CTRL)
    assert window.view.annotation_ids_at(saved.start) == []
    assert window.sidebar.model.rowCount() == 0
    qtbot.waitUntil(lambda: on_disk(article) == [], timeout=3000)
    qtbot.keyClick(window.view, Key.Key_Z, CTRL | SHIFT)
    assert window.view.annotation_ids_at(saved.start) == [saved.id]
    assert window.sidebar.model.rowCount() == 1
    qtbot.waitUntil(lambda: [a.id for a in on_disk(article)] == [saved.id], timeout=3000)


def test_empty_selection_tags_nothing_and_says_why(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    window.view.setFocus()
    qtbot.keyClicks(window.view, "3")
    assert window.document.annotations() == []
    assert "Select some words" in window.statusBar().currentMessage()


def test_tag_keys_do_not_fire_while_typing_in_the_find_bar(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    window.view.select_span(STORY.index("plan"), STORY.index(" was"))
    window.actions.find.trigger()
    field = window.find_bar.findChild(QLineEdit)
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "2")
    assert field.text() == "2"
    assert window.document.annotations() == []


def test_overlapping_tag_inside_an_existing_highlight(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    select_in_last_line(qtbot, window, skip=4, length=17)
    tag_with_keyboard(qtbot, window, article, "1", 1)
    select_in_last_line(qtbot, window, skip=14, length=7)
    tag_with_keyboard(qtbot, window, article, "4", 2)
    assert sorted(a.exact for a in on_disk(article)) == ["experts", "so-called experts"]
    offset = STORY.index("experts")
    assert len(window.view.annotation_ids_at(offset)) == 2


def test_retag_from_the_context_menu_and_note_from_enter_persist(
    qtbot, make_window, tmp_path, dialogs
):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    annotation = window.document.add("loaded-label", *span(STORY, "a disaster"))
    window.sidebar.select_annotation(annotation.id)
    menu = window.sidebar.build_context_menu()
    change_menu = next(a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu))
    retag = next(a for a in change_menu.actions() if a.text() == "Verifiable fact")
    retag.trigger()
    dialogs.notes.append("Is this checkable?\nThe plan is public.")
    window.sidebar.list_view.setFocus()
    qtbot.keyClick(window.sidebar.list_view, Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            [(a.tag, a.note) for a in on_disk(article)]
            == [("verifiable-fact", "Is this checkable?\nThe plan is public.")]
        ),
        timeout=3000,
    )
    assert window.document.undo_stack.count() == 3


def test_delete_key_in_the_list_removes_the_annotation(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    annotation = window.document.add("loaded-label", *span(STORY, "a disaster"))
    window.sidebar.select_annotation(annotation.id)
    window.sidebar.list_view.setFocus()
    qtbot.keyClick(window.sidebar.list_view, Key.Key_Delete)
    assert window.document.annotations() == []
    assert window.actions.undo.text().replace("&", "") == "Undo Delete “a disaster”"


def test_filter_by_tag_hides_list_items_and_highlights(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    label = window.document.add("loaded-label", *span(STORY, "so-called"))
    fact = window.document.add("verifiable-fact", *span(STORY, "the plan"))
    combo = window.sidebar.filter_combo
    combo.setCurrentIndex(combo.findData("verifiable-fact"))
    assert window.sidebar.list_view.model().rowCount() == 1
    assert window.view.annotation_ids_at(label.start) == []
    assert window.view.annotation_ids_at(fact.start) == [fact.id]


def test_reopening_the_window_shows_the_highlights(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    first = make_window()
    first.open_path(article)
    annotation = first.document.add("promotional-boilerplate", *span(STORY, "the plan"))
    first.close()
    assert on_disk(article) == [annotation]
    second = make_window()
    assert second.settings.recent_files == [str(article.resolve())]
    second.open_path(article)
    assert second.view.annotation_ids_at(annotation.start + 1) == [annotation.id]
    assert second.sidebar.model.rowCount() == 1


def test_emoji_and_right_to_left_text_give_code_point_offsets(qtbot, make_window, tmp_path):
    article = write(tmp_path, WORLD)
    window = make_window()
    window.open_path(article)
    select_in_last_line(qtbot, window, skip=8, length=None)
    tag_with_keyboard(qtbot, window, article, "4", 1)
    (saved,) = on_disk(article)
    assert saved.exact == "news: مرحبا بالعالم 🎉 today"
    assert (saved.start, saved.end) == (WORLD.index("news:"), WORLD.index("today") + 5)
    window.view.select_span(*span(WORLD, "بالعالم"))
    window.actions.tag_actions["loaded-label"].trigger()
    arabic = next(a for a in window.document.annotations() if a.tag == "loaded-label")
    assert WORLD[arabic.start : arabic.end] == "بالعالم"


def test_a_failing_save_shows_the_bar_keeps_annotations_and_recovers(
    qtbot, make_window, tmp_path, monkeypatch
):
    article = write(tmp_path, STORY)
    window = make_window()
    window.document.autosaver._retry_timer.setInterval(100)
    window.open_path(article)
    real_save = store.save_merging

    def refuse(article, sidecar):
        raise SidecarError("story.txt.slant.json: the disk is full")

    monkeypatch.setattr(store, "save_merging", refuse)
    annotation = window.document.add("loaded-label", *span(STORY, "so-called"))
    qtbot.waitUntil(window.message_bar.isVisible, timeout=3000)
    assert "the disk is full" in window.message_bar.text()
    assert "Not saved" in window.windowTitle()
    assert window.isWindowModified()
    assert window.document.annotations() == [annotation]
    monkeypatch.setattr(store, "save_merging", real_save)
    qtbot.waitUntil(lambda: not window.message_bar.isVisible(), timeout=3000)
    assert on_disk(article) == [annotation]
    assert "Saved" in window.windowTitle()
    assert not window.isWindowModified()


def test_an_unreadable_article_is_reported_and_the_current_one_stays(
    make_window, tmp_path, dialogs
):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    missing = tmp_path / "gone.md"
    assert not window.open_path(missing)
    assert len(dialogs.problems) == 1
    assert "gone.md" in dialogs.problems[0]
    assert window.document.article.path == article
    assert "Headline" in window.windowTitle()


def test_a_broken_sidecar_is_reported_and_left_alone(make_window, tmp_path, dialogs):
    article = write(tmp_path, STORY)
    sidecar_path(article).write_text("{broken", encoding="utf-8")
    window = make_window()
    assert window.open_path(article)
    # Said once, in the bar above the article; the JSON error waits behind "Details".
    assert dialogs.problems == []
    assert window.message_bar.text().count("story.txt.slant.json could not be read") == 1
    assert window.message_bar.details().startswith(
        "story.txt.slant.json: the file is damaged: it is not valid JSON (line 1, column 2: "
    )
    assert window.document.annotations() == []
    assert sidecar_path(article).read_text(encoding="utf-8") == "{broken"


def test_open_from_the_menu_and_by_dropping_a_file(qtbot, make_window, tmp_path, dialogs):
    first = write(tmp_path, STORY, "first.txt")
    second = write(tmp_path, WORLD, "second.md")
    window = make_window()
    dialogs.open = first
    window.actions.open.trigger()
    assert window.document.article.path == first
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.NoModifier
    )
    window.dropEvent(drop)
    assert window.document.article.path == second
    recent = [a.statusTip() for a in window.recent_menu.actions() if a.statusTip()]
    assert recent[:2] == [isolate(str(second.resolve())), isolate(str(first.resolve()))]


def test_a_file_dropped_on_the_article_opens_and_dragged_text_is_refused(
    qtbot, make_window, tmp_path
):
    first = write(tmp_path, STORY, "first.txt")
    second = write(tmp_path, WORLD, "second.md")
    window = make_window()
    window.open_path(first)
    window.show()
    qtbot.waitExposed(window)
    viewport = window.view.viewport()
    files, text = QMimeData(), QMimeData()
    files.setUrls([QUrl.fromLocalFile(str(second))])
    text.setText("a few words")
    where, action = QPointF(40, 40), Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier

    refused = QDragEnterEvent(where.toPoint(), action, text, buttons, keys)
    QApplication.sendEvent(viewport, refused)
    assert not refused.isAccepted()  # the article is read-only
    accepted = QDragEnterEvent(where.toPoint(), action, files, buttons, keys)
    QApplication.sendEvent(viewport, accepted)
    assert accepted.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(where, action, files, buttons, keys))
    assert window.document.article.path == second


def test_the_author_is_asked_once_and_written_into_new_sidecars(make_window, tmp_path, dialogs):
    article = write(tmp_path, STORY)
    window = make_window()
    window.ask_author()
    dialogs.author = "Someone else"
    window.ask_author()
    assert window.settings.author_name == "Ada"
    assert load_settings()[0].author_name == "Ada"
    window.open_path(article)
    window.document.add("loaded-label", *span(STORY, "so-called"))
    assert window.document.flush()
    assert read_sidecar(sidecar_path(article)).author.name == "Ada"


def test_title_shows_the_article_and_its_saved_state(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    assert window.windowTitle() == "\u2068Headline\u2069[*] — Saved — Slant"
    window.document.add("loaded-label", *span(STORY, "so-called"))
    assert window.windowTitle() == "\u2068Headline\u2069[*] — Saving… — Slant"
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: "— Saved —" in window.windowTitle(), timeout=3000)
    assert not window.isWindowModified()


def test_f6_moves_focus_and_f8_walks_the_annotations(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    first = window.document.add("loaded-label", *span(STORY, "so-called"))
    second = window.document.add("verifiable-fact", *span(STORY, "the plan"))
    window.view.setFocus()
    qtbot.keyClick(window.view, Key.Key_F6)
    qtbot.waitUntil(window.sidebar.list_view.hasFocus)
    qtbot.keyClick(window.sidebar.list_view, Key.Key_F6, SHIFT)
    qtbot.waitUntil(window.view.hasFocus)
    window.sidebar.select_annotation(first.id)
    qtbot.keyClick(window.view, Key.Key_F8)
    assert window.sidebar.current_annotation_id() == second.id
    qtbot.keyClick(window.view, Key.Key_F8, SHIFT)
    assert window.sidebar.current_annotation_id() == first.id


def test_zoom_shortcuts_and_layout_are_remembered(qtbot, make_window, tmp_path):
    window = make_window()
    window.open_path(write(tmp_path, STORY))
    qtbot.keyClick(window.view, Key.Key_Equal, CTRL)
    qtbot.keyClick(window.view, Key.Key_Plus, CTRL)
    assert window.view.zoom_percent() == 120
    qtbot.keyClick(window.view, Key.Key_Minus, CTRL)
    assert window.view.zoom_percent() == 110
    window.splitter.setSizes([700, 580])
    sizes = window.splitter.sizes()
    window.resize(780, 560)  # inside the offscreen screen (800x600)
    window.close()
    restored = MainWindow()
    qtbot.addWidget(restored)
    assert (restored.width(), restored.height()) == (780, 560)
    restored.close()
    again = make_window()
    assert again.view.zoom_percent() == 110
    assert again.splitter.sizes() == sizes
    qtbot.keyClick(again, Key.Key_0, CTRL)
    assert again.view.zoom_percent() == 100


def test_a_remembered_zoom_is_restored_exactly_and_shown(qtbot, tmp_path):
    settings, _ = load_settings()
    settings.zoom = 125
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.view.zoom_percent() == 125
    assert window.zoom_label.text() == "125%"
    window.view.set_zoom(90)  # Ctrl+wheel zooms the view alone; the window follows
    assert (window.settings.zoom, window.zoom_label.text()) == (90, "90%")
    window.document.shutdown()


def test_a_broken_settings_file_is_reported_and_replaced(qtbot, make_window, dialogs):
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text("{not json", encoding="utf-8")
    window = make_window()
    qtbot.waitUntil(lambda: bool(dialogs.problems))
    assert "not valid JSON (line 1)" in dialogs.problems[0]
    assert window.settings.recent_files == []


def test_every_action_has_a_menu_entry_and_a_shortcut(make_window, tmp_path):
    window = make_window()
    window.open_path(write(tmp_path, STORY))
    missing: list[str] = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator() and action.isEnabled() and action.shortcut().isEmpty():
                missing.append(action.text())

    for top in window.menuBar().actions():
        walk(top.menu())
    assert missing == []
    in_menus = {a for top in window.menuBar().actions() for a in all_actions(top.menu())}
    for name in ("undo", "redo", "find", "find_next", "zoom_in", "focus_next", "delete"):
        assert getattr(window.actions, name) in in_menus


def all_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        found.append(action)
        if action.menu() is not None:
            found.extend(all_actions(action.menu()))
    return found


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def same_colour(color: QColor, target: QColor, tolerance: int = 3) -> bool:
    return all(
        abs(mine - theirs) <= tolerance
        for mine, theirs in zip(color.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def colours_around(image: QImage, point: QPoint, half: int = 6) -> list[QColor]:
    ratio = image.devicePixelRatio()
    return [
        image.pixelColor(int((point.x() + dx) * ratio), int((point.y() + dy) * ratio))
        for dx in range(-half * 3, half * 3 + 1, 2)
        for dy in range(-half, half + 1)
    ]


def test_the_screenshot_shows_each_tag_colour_on_its_span(qtbot, make_window, tmp_path):
    article = write(tmp_path, FOUR_TAGS)
    window = make_window()
    window.open_path(article)
    phrases = {
        "loaded-label": "shameful thug",
        "unsourced-claim": "Insiders claim",
        "promotional-boilerplate": "Subscribe today",
        "verifiable-fact": "7 to 2",
    }
    for tag_id, words in phrases.items():
        window.document.add(tag_id, *span(FOUR_TAGS, words))
    window.view.select_span(0, 0)
    png = tmp_path / "shot.png"
    assert save_screenshot(window, png, (1280, 800))
    image = QImage(str(png))
    assert image.width() >= 1280
    image.setDevicePixelRatio(window.devicePixelRatioF())

    def window_point(words: str) -> QPoint:
        window.view.select_span(*span(FOUR_TAGS, words))
        cursor = window.view.textCursor()
        cursor.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
        window.view.select_span(0, 0)
        rect = window.view.cursorRect(cursor)
        return window.view.viewport().mapTo(window, rect.center())

    # The highlight style's own colours, not a hue guessed from the tag's colour: a pale
    # tint has too little saturation for that, and glyphs of another font cover the band.
    styles = tag_styles(default_tagset())
    for tag in default_tagset().tags:
        around = colours_around(image, window_point(phrases[tag.id]))
        assert any(same_colour(c, styles[tag.id].background) for c in around), tag.id
    plain = colours_around(image, window_point("plain sentence"))
    for style in styles.values():
        assert not any(same_colour(c, style.background) for c in plain)


@pytest.fixture
def keep_app_look(qapp):
    """run_gui styles the whole application; give later tests the look they had."""
    style, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setStyle(style)


def test_run_gui_screenshot_mode_writes_a_png_and_returns_0(
    qtbot, tmp_path, dialogs, keep_app_look
):
    article = write(tmp_path, FOUR_TAGS)
    png = tmp_path / "out" / "window.png"
    assert run_gui(article, screenshot=png, size=(900, 600)) == 0
    image = QImage(str(png))
    assert (image.width(), image.height()) == (900, 600)
    assert dialogs.problems == []
    assert not settings_path().exists()


def test_run_gui_without_an_article_shows_the_bundled_sample(
    qtbot, tmp_path, dialogs, monkeypatch, keep_app_look
):
    sample = paths.sample_article()
    shown: list[Path] = []
    real_open = MainWindow.open_path

    def spy(self, path, **options):
        shown.append(Path(path))
        return real_open(self, path, **options)

    monkeypatch.setattr(MainWindow, "open_path", spy)
    assert run_gui(None, screenshot=tmp_path / "sample.png", size=(800, 500)) == 0
    assert shown == [sample]  # a screenshot writes nothing, so it shows the bundled file
    assert dialogs.problems == []


def test_a_copy_of_the_sample_is_made_once_for_the_user(tmp_path) -> None:
    sample = write(tmp_path, FOUR_TAGS, "sample.md")
    copy = app_module.user_copy_of_sample(sample)
    assert copy != sample
    assert copy.read_text(encoding="utf-8") == FOUR_TAGS
    copy.write_text("changed", encoding="utf-8")
    assert app_module.user_copy_of_sample(sample).read_text(encoding="utf-8") == "changed"


def test_clicking_a_highlight_selects_its_list_item(qtbot, make_window, tmp_path):
    article = write(tmp_path, STORY)
    window = make_window()
    window.open_path(article)
    window.document.add("loaded-label", *span(STORY, "so-called"))
    fact = window.document.add("verifiable-fact", *span(STORY, "the plan"))
    window.view.select_span(fact.start + 2, fact.start + 2)
    point = window.view.cursorRect().center()
    window.view.select_span(0, 0)
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.sidebar.current_annotation_id() == fact.id


def test_choosing_a_list_item_scrolls_the_article_and_flashes_the_span(
    qtbot, make_window, tmp_path, monkeypatch
):
    long_story = "Long story\n\n" + "Filler sentence number one.\n\n" * 120 + "The end.\n"
    article = write(tmp_path, long_story)
    window = make_window()
    window.open_path(article)
    last = window.document.add("loaded-label", *span(long_story, "The end"))
    flashed: list[tuple[int, int]] = []
    monkeypatch.setattr(window.view, "flash_span", lambda s, e: flashed.append((s, e)))
    assert window.view.verticalScrollBar().value() == 0
    rect = window.sidebar.list_view.visualRect(window.sidebar.list_view.model().index(0, 0))
    qtbot.mouseClick(
        window.sidebar.list_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert flashed == [(last.start, last.end)]
    assert window.view.verticalScrollBar().value() > 0
