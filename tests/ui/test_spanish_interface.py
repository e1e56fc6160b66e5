"""In Spanish, every window speaks Spanish: undo steps, the class window, preferences, safety,
and the core's explanations of broken files, unreadable articles and empty selections."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel

from app import paths
from app.core.annotations import make_annotation
from app.core.article import load_article
from app.core.classroom import gather_class
from app.core.merge import MergeReport
from app.core.sidecar import Author, new_sidecar, sidecar_path, write_sidecar
from app.core.tags import default_tagset
from app.ui.classroom.class_dialogs import ClassChoice, ExportChoice, ExportDialog, OpenClassDialog
from app.ui.classroom.class_view import ClassWindow, open_class_window
from app.ui.dialogs.author_dialog import AuthorDialog
from app.ui.dialogs.preferences import PreferencesDialog
from app.ui.dialogs.printing import build_print_document
from app.ui.editing.document import AnnotationDocument
from app.ui.editing.sidecar_safety import describe_merge
from app.ui.messages import ProblemMessage
from app.ui.settings import Settings
from app.ui.sidebar.attention import AttentionPanel

STORY = (
    "# Harbour Mayor Unveils Ferry Deal\n\n"
    "The so-called ferry king met the mayor on Monday.\n\n"
    "Insiders say the deal saved millions.\n"
)
KING = "so-called ferry king"


def span(text: str, words: str) -> tuple[int, int]:
    """The code points of *words* in an article's canonical *text*."""
    start = text.index(words)
    return start, start + len(words)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "story.md"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def problems(monkeypatch) -> list[tuple[str, str]]:
    """The (title, text) of every problem message shown."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        ProblemMessage, "ask", classmethod(lambda cls, p, title, text: shown.append((title, text)))
    )
    return shown


@pytest.fixture
def spanish_window(spanish, new_main_window, monkeypatch, problems):
    """A shown main window made after Slant started speaking Spanish."""
    monkeypatch.setattr(AuthorDialog, "ask", classmethod(lambda cls, p, n="": None))
    made = new_main_window()
    yield made
    made.document.shutdown()


def header_texts(model) -> list[str]:
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_the_edit_menu_names_each_undo_step_in_spanish(spanish_window, story):
    window = spanish_window
    assert window.open_path(story)
    window.view.select_span(*span(window.document.article.text, KING))
    window.actions.tag_actions["loaded-label"].trigger()
    assert window.actions.undo.text() == (
        "&Deshacer etiquetado de «so-called ferry king» como Etiqueta cargada"
    )
    (annotation,) = window.document.annotations()
    window.document.change_tag(annotation.id, "unsourced-claim")
    assert window.actions.undo.text() == (
        "&Deshacer cambio de «so-called ferry king» a Afirmación sin fuente"
    )
    window.actions.undo.trigger()
    assert window.actions.redo.text() == (
        "&Rehacer cambio de «so-called ferry king» a Afirmación sin fuente"
    )


def test_a_broken_sidecar_is_explained_in_spanish(spanish_window, story, problems):
    sidecar_path(story).write_text("{ not json", encoding="utf-8")
    assert spanish_window.open_path(story)
    assert problems == []  # said once, in the bar above the article
    (copy,) = story.parent.glob("story.md.slant.json.corrupt-*")
    bar = spanish_window.message_bar
    assert bar.text() == (
        "No se pudo leer tu archivo de anotaciones story.md.slant.json: está dañado o no es "
        f"un archivo de Slant. Slant guarda una copia como {copy.name}. "
        "Slant empieza sin anotaciones. Las nuevas que hagas se guardan en "
        "story.md.slant.json, que sustituye al archivo dañado."
    )
    assert sidecar_path(story).read_text(encoding="utf-8") == "{ not json"
    assert bar.details_button.text() == "Detalles"
    bar.details_button.click()
    assert bar.details_button.text() == "Ocultar detalles"
    assert describe_merge(MergeReport(added=2, deleted=1)) == "2 añadidas, 1 borradas"


@pytest.mark.skipif(os.name != "posix", reason="symbolic links as a user makes them")
def test_a_sidecar_that_is_a_link_is_explained_once_in_spanish(
    qtbot, spanish_window, story, problems, tmp_path
):
    (tmp_path / "secret.txt").write_bytes(b"grades")
    sidecar_path(story).symlink_to(tmp_path / "secret.txt")
    assert spanish_window.open_path(story)
    fallback = paths.fallback_sidecar_path(story)
    bar = spanish_window.message_bar
    assert bar.text() == (
        "story.md.slant.json no es un archivo normal (es un enlace, una carpeta o un "
        "dispositivo), así que Slant no lo lee y lo deja como está. Slant empieza sin "
        f"anotaciones. Las nuevas que hagas se guardan en {fallback}."
    )
    assert bar.details() == (
        "story.md.slant.json: es un enlace a otro archivo; Slant no lee ni escribe "
        "anotaciones a través de un enlace."
    )
    window = spanish_window
    window.document.add("loaded-label", *span(window.document.article.text, KING))
    qtbot.waitUntil(fallback.exists, timeout=3000)
    assert window.open_path(story)  # again: now the fallback file has annotations to show
    assert bar.text().endswith(
        f"Slant muestra las anotaciones de {fallback} y guarda ahí las nuevas que hagas."
    )
    assert bar.text().count(str(fallback)) == 1
    assert problems == []


def test_why_a_sidecar_cannot_be_read_is_said_in_spanish(spanish_window, story, problems):
    sidecar_path(story).write_text("{ not json", encoding="utf-8")
    assert spanish_window.open_path(story)
    assert problems == []
    assert spanish_window.message_bar.details() == (
        "story.md.slant.json: el archivo está dañado: no es JSON válido "
        "(línea 1, columna 3: un nombre que no está entre comillas dobles 'not json')."
    )


def test_a_sidecar_check_that_fails_is_worded_in_spanish(spanish_window, story, problems):
    article = load_article(story)
    sidecar = new_sidecar(article)
    sidecar.annotations.append(
        make_annotation(article.text, "loaded-label", *span(article.text, KING))
    )
    write_sidecar(sidecar_path(story), sidecar)
    data = json.loads(sidecar_path(story).read_text(encoding="utf-8"))
    data["annotations"][0].update(start=9, end=5)
    del data["article"]["title"]
    sidecar_path(story).write_text(json.dumps(data), encoding="utf-8")
    assert spanish_window.open_path(story)
    bar = spanish_window.message_bar
    assert bar.details() == "story.md.slant.json: falta 'title' en 'article'."
    data["article"]["title"] = article.title
    sidecar_path(story).write_text(json.dumps(data), encoding="utf-8")
    assert spanish_window.open_path(story)
    assert bar.details() == (
        "story.md.slant.json: la anotación 1 termina ('end': 5) antes de empezar ('start': 9)."
    )
    assert problems == []


def test_an_article_slant_cannot_open_is_explained_in_spanish(spanish_window, tmp_path, problems):
    (tmp_path / "story.pdf").write_bytes(b"%PDF-1.7")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    assert not spanish_window.open_path(tmp_path / "story.pdf")
    assert not spanish_window.open_path(tmp_path / "empty.txt")
    assert problems == [
        (
            "Slant no pudo abrir este artículo",
            "story.pdf no es un artículo que Slant pueda abrir; usa uno de estos formatos: "
            ".txt, .md, .markdown, .html, .htm, .mhtml, .mht.",
        ),
        (
            "Slant no pudo abrir este artículo",
            "empty.txt no tiene texto: no hay nada que leer ni etiquetar.",
        ),
    ]


def test_tagging_only_a_space_is_refused_in_spanish(spanish_window, story):
    window = spanish_window
    assert window.open_path(story)
    space = window.document.article.text.index(KING) + KING.index(" ")
    window.view.select_span(space, space + 1)
    window.actions.tag_actions["loaded-label"].trigger()
    assert window.document.annotations() == []
    assert window.statusBar().currentMessage() == (
        "No se etiquetó nada: la selección está vacía o solo tiene espacios en blanco."
    )


@pytest.fixture
def class_window(spanish, qtbot, story, tmp_path) -> ClassWindow:
    """Ana and Ben tagged the story; the key has the ferry king."""
    article = load_article(story)
    folder = tmp_path / "class"
    folder.mkdir()
    for name, words in (("Ana", (KING, "Insiders say")), ("Ben", (KING,))):
        sidecar = new_sidecar(article, Author(name, "student"))
        for quote in words:
            sidecar.annotations.append(
                make_annotation(article.text, "loaded-label", *span(article.text, quote))
            )
        write_sidecar(folder / f"{name.lower()}.story.md.slant.json", sidecar)
    key = new_sidecar(article, Author("Ms Key", "teacher"))
    key.annotations.append(make_annotation(article.text, "loaded-label", *span(article.text, KING)))
    write_sidecar(tmp_path / "key.slant.json", key)
    made = ClassWindow(gather_class(article, [folder], tmp_path / "key.slant.json"))
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def test_the_class_window_speaks_spanish(class_window, qtbot):
    window = class_window
    assert window.windowTitle() == (
        "Clase: \u2068Harbour Mayor Unveils Ferry Deal\u2069 — 2 estudiantes — Slant"
    )
    assert [a.text() for a in window.menuBar().actions()] == ["&Archivo", "&Editar", "&Ver"]
    assert header_texts(window.tagged) == ["Quién", "Etiqueta", "Nota"]
    assert header_texts(window.agreement) == ["Etiqueta", "Alfa", "Interpretación"]
    assert header_texts(window.scores) == [
        "Estudiante",
        "Anotaciones",
        "Precisión",
        "Cobertura",
        "F1",
    ]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["&Quién lo etiquetó", "Acuer&do", "&Puntuaciones", "Om&itidos (0)"]
    combo = window.tag_combo
    assert combo.itemText(0) == "Etiqueta cargada"
    assert combo.itemText(combo.count() - 1) == "Todas las etiquetas"
    keys = [window.key_combo.itemText(i) for i in range(window.key_combo.count())]
    assert keys == ["Solo la clase", "Solo la clave", "Clase y clave"]
    assert (
        window.summary_label.text()
        == "2 estudiantes · clave de respuestas: \u2068key.slant.json\u2069"
    )
    last = window.agreement.rowCount() - 1
    assert window.agreement.index(last, 0).data() == "Etiquetas en uso (en conjunto)"
    window.view.select_span(*span(window.class_data.article.text, KING))
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 3)
    assert window.tagged.index(0, 0).data() == "Clave de respuestas"
    assert window.here_label.text() == (
        "«so-called ferry king»: 2 de 2 estudiantes mostrados etiquetaron esto como "
        "Etiqueta cargada."
    )


def _headings(page: Path) -> list[str]:
    return re.findall(r"<h[123]>(.*?)</h[123]>", page.read_text(encoding="utf-8"))


ENGLISH_HEADINGS = {
    "How to read this report",
    "Agreement",
    "The article: what the class tagged",
    "Students",
    "Against the answer key",
    "Pairs of students (F1 &times; 100)",
    "Comparison with the answer key",
    "Common confusions",
    "Files",
    "The key's passages and yours",
    "Your annotations that are not in the key",
    "The article",
}


def test_the_class_files_are_written_in_spanish(class_window, tmp_path, monkeypatch):
    out = tmp_path / "out"
    monkeypatch.setattr(
        ExportDialog, "ask", classmethod(lambda cls, parent, folder: ExportChoice(out))
    )
    class_window.export_button.click()
    report = (out / "report.html").read_text(encoding="utf-8")
    assert '<html lang="es">' in report
    assert "<h1>Informe de la clase: Harbour Mayor Unveils Ferry Deal</h1>" in report
    assert '<p class="meta">2 estudiantes &middot; con clave de respuestas &middot; ' in report
    assert "<b>Acuerdo (alfa de Krippendorff).</b> Para cada etiqueta" in report
    assert "<th>Fragmento de la clave</th>" in report
    assert "Etiqueta cargada" in report and "Loaded label" not in report  # default tag names
    headings = _headings(out / "report.html")
    assert {"Cómo leer este informe", "Acuerdo", "Comparación con la clave de respuestas"} <= set(
        headings
    )
    feedback = (out / "feedback" / "Ana.html").read_text(encoding="utf-8")
    assert "<h1>Comentarios para Ana</h1>" in feedback
    assert "<p>La clave de respuestas marca 1 fragmento. Encontraste <b>1</b>," in feedback
    assert "Tus anotaciones que no están en la clave" in _headings(out / "feedback" / "Ana.html")
    assert not ENGLISH_HEADINGS & set(headings + _headings(out / "feedback" / "Ana.html"))


def test_skipped_files_are_explained_in_spanish(spanish, qtbot, story, tmp_path):
    article = load_article(story)
    folder = tmp_path / "class"
    folder.mkdir()
    nameless = new_sidecar(article, Author("", "student"))
    nameless.annotations.append(
        make_annotation(article.text, "loaded-label", *span(article.text, KING))
    )
    write_sidecar(folder / "a.slant.json", nameless)
    write_sidecar(folder / "b.slant.json", nameless)
    (folder / "c.slant.json").write_text("[]", encoding="utf-8")
    window = ClassWindow(gather_class(article, [folder]))
    qtbot.addWidget(window)
    rows = {
        window.skipped.index(row, 0).data(): window.skipped.index(row, 1).data()
        for row in range(window.skipped.rowCount())
    }
    assert rows == {
        "b.slant.json": f"duplicado: es el mismo archivo que {folder / 'a.slant.json'}",
        "c.slant.json": "no es un archivo de anotaciones de Slant (contiene una lista)",
    }
    assert window.students.index(0, 0).data() == "(sin nombre) (a.slant.json)"


def test_an_unusable_answer_key_is_explained_in_spanish(
    spanish, qtbot, story, tmp_path, monkeypatch, problems
):
    key = tmp_path / "key.slant.json"
    key.write_text('{"format": "slant-annotations", "version": 7}', encoding="utf-8")
    choice = ClassChoice(story, tmp_path, key)
    monkeypatch.setattr(OpenClassDialog, "ask", classmethod(lambda cls, parent, article: choice))
    assert open_class_window(None) is None
    assert problems == [
        (
            "Slant no pudo abrir la clase",
            f"no se puede usar la clave de respuestas {key}: se escribió con una versión más "
            "nueva de Slant (versión de formato 7); actualiza Slant para abrirlo",
        )
    ]


def test_copying_to_the_key_is_undone_in_spanish(class_window, qtbot):
    window = class_window
    window.view.select_span(*span(window.class_data.article.text, "Insiders say"))
    qtbot.waitUntil(lambda: window.tagged.rowCount() == 1)
    window.tagged_table.selectRow(0)
    window.copy_button.click()
    assert window.undo_action.text() == (
        "&Deshacer copia de «Insiders say» (Etiqueta cargada) de Ana a la clave"
    )
    assert window.statusBar().currentMessage() == (
        "Has copiado «Insiders say» a la clave. Ctrl+Z lo deshace."
    )


def test_the_preferences_dialog_speaks_spanish(spanish, qtbot):
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Preferencias"
    groups = [group.title() for group in dialog.findChildren(QGroupBox)]
    assert groups == ["Tú", "Lectura", "Archivos"]
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert {"&Nombre:", "&Rol:", "&Idioma:", "Carpeta de reser&va:"} <= set(labels)
    assert any("la próxima vez que abras Slant" in text for text in labels)
    assert not any("English" in text for text in labels)

    def items(combo) -> list[str]:
        return [combo.itemText(i) for i in range(combo.count())]

    assert items(dialog.role_combo) == ["Estudiante", "Docente"]
    assert items(dialog.theme_combo) == ["Igual que el sistema", "Claro", "Oscuro"]
    assert items(dialog.language_combo) == ["Igual que el sistema", "English", "Español"]
    assert dialog.font_combo.itemText(0) == "La letra de lectura de Slant (con serifa)"
    dialog.fallback_edit.setText("relative/folder")
    assert dialog.problem().startswith("La carpeta de reserva tiene que ser una ruta completa")


def test_a_tag_set_that_cannot_be_used_is_explained_in_spanish(spanish, qtbot, tmp_path):
    tags = tmp_path / "tags.json"
    tags.write_text('{"name": "Mis etiquetas", "tags": [{"id": "Mal"}]}', encoding="utf-8")
    dialog = PreferencesDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.tagset_edit.setText(str(tags))
    dialog.tagset_edit.editingFinished.emit()
    assert dialog.tagset_status.text() == f"{tags}: la etiqueta 1 necesita un texto en 'label'"
    assert dialog.problem() == (
        f"No se puede usar el conjunto de etiquetas por defecto: {tags}: "
        "la etiqueta 1 necesita un texto en 'label'"
    )


def test_needs_attention_and_the_printout_speak_spanish(spanish, qtbot, story):
    article = load_article(story)
    made = make_annotation(article.text, "loaded-label", *span(article.text, KING), "un apodo")
    lost = replace(made, id="lost", status="orphan")
    document = AnnotationDocument()
    document.load(article, replace(new_sidecar(article), annotations=[made, lost]), None)
    panel = AttentionPanel(document)
    qtbot.addWidget(panel)
    assert panel.heading.text() == "⚠ NECESITA ATENCIÓN · 1"
    item = panel.items["lost"]
    assert item.accessibleName().startswith("Etiqueta cargada: Ya no se encuentran las palabras")
    buttons = [button.text() for button in item.buttons.values()]
    assert buttons == ["Recolocar", "Borrar"]
    assert document.anchoring_notices() == [
        "1 anotación ya no coincide con el texto; revísala en «Necesita atención»."
    ]
    printed = build_print_document(article, [made, lost], default_tagset(), "Ana").toPlainText()
    for words in ("Anotado por Ana", "Etiquetas", "Etiqueta cargada", "Notas", "un apodo"):
        assert words in printed
    assert "1 anotación ya no coincide con el texto y no se muestra." in printed
    document.shutdown()
