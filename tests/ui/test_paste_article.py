"""File > New Article from Clipboard: the clipboard's article saved as Markdown and opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from app.core.article import load_article
from app.ui.paste_article import SaveArticleDialog, documents_folder, file_name_for

BODY = " ".join(
    f"Sentence {n} of the copied story says what the harbour council decided." for n in range(8)
)
COPIED_HTML = (
    "<html><body><!--StartFragment--><h1>Harbour Mayor Unveils Ferry Deal</h1>"
    f"<p>{BODY}</p><p>The <b>radical</b> plan passed 5-2 &amp; *insiders* cheered.</p>"
    "<!--EndFragment--></body></html>"
)


@pytest.fixture
def clipboard(qapp):
    board = QApplication.clipboard()
    yield board
    board.clear()


@pytest.fixture
def save_to(monkeypatch):
    """Answer the save dialog with a path; record what it proposed."""
    asked: list[Path] = []
    answer: list[Path | None] = [None]

    def ask(cls, parent, proposed):
        asked.append(proposed)
        return answer[0]

    monkeypatch.setattr(SaveArticleDialog, "ask", classmethod(ask))

    def answering(path: Path | None) -> list[Path]:
        answer[0] = path
        return asked

    return answering


def put_html(clipboard, html: str, text: str = "") -> None:
    mime = QMimeData()
    mime.setHtml(html)
    if text:
        mime.setText(text)
    clipboard.setMimeData(mime)


def test_copied_html_becomes_a_markdown_article_that_opens(window, clipboard, save_to, tmp_path):
    target = tmp_path / "ferry.md"
    asked = save_to(target)
    put_html(clipboard, COPIED_HTML, "plain version")
    window.actions.paste_article.trigger()
    assert asked == [documents_folder() / "Harbour Mayor Unveils Ferry Deal.md"]
    assert target.is_file()
    opened = window.document.article
    assert opened.path == target
    assert opened.title == "Harbour Mayor Unveils Ferry Deal"
    assert "The radical plan passed 5-2 & *insiders* cheered." in opened.text
    assert opened.text == load_article(target).text


def test_plain_text_becomes_one_paragraph_per_line(window, clipboard, save_to, tmp_path):
    target = tmp_path / "pasted.md"
    asked = save_to(target)
    clipboard.setText("Council backs   plan\n\n# not a heading\n1. not a list\nLast line.\n")
    window.actions.paste_article.trigger()
    assert asked[0].name == "Council backs plan.md"
    article = window.document.article
    assert article.path == target
    assert article.text == "Council backs plan\n# not a heading\n1. not a list\nLast line."


def test_an_empty_clipboard_says_so_and_asks_nothing(window, clipboard, save_to):
    asked = save_to(None)
    clipboard.clear()
    window.actions.paste_article.trigger()
    assert asked == []
    assert "clipboard holds no text" in window.statusBar().currentMessage()


def test_cancelling_the_dialog_writes_nothing(window, clipboard, save_to, tmp_path):
    save_to(None)
    clipboard.setText("Something copied")
    window.actions.paste_article.trigger()
    assert list(tmp_path.iterdir()) == []
    assert window.document.article is None or window.document.article.path != tmp_path


def test_a_name_without_suffix_gets_md_and_an_existing_one_is_not_replaced_silently(
    window, clipboard, save_to, tmp_path, monkeypatch
):
    from app.ui.messages import ConfirmMessage

    existing = tmp_path / "story.md"
    existing.write_text("my own notes\n", encoding="utf-8")
    questions = []
    monkeypatch.setattr(
        ConfirmMessage, "ask", classmethod(lambda cls, *args: questions.append(args) or False)
    )
    save_to(tmp_path / "story")
    clipboard.setText("Copied story")
    window.actions.paste_article.trigger()
    assert len(questions) == 1
    assert "story.md" in questions[0][2]
    assert existing.read_text(encoding="utf-8") == "my own notes\n"


def test_a_folder_that_cannot_be_written_gets_one_clear_message(
    window, clipboard, save_to, tmp_path, monkeypatch
):
    from app.ui.messages import ProblemMessage

    # A file where the folder should be: no folder there can be written, even by root.
    not_a_folder = tmp_path / "handouts"
    not_a_folder.write_text("", encoding="utf-8")
    problems = []
    monkeypatch.setattr(ProblemMessage, "ask", classmethod(lambda cls, *a: problems.append(a)))
    save_to(not_a_folder / "story.md")
    clipboard.setText("Copied story")
    window.actions.paste_article.trigger()
    assert len(problems) == 1
    assert "story.md" in problems[0][2]
    assert str(not_a_folder) in problems[0][2]
    assert window.document.article is None or window.document.article.title != "Copied story"


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ('What "they" said: a/b? <yes>|no*', "What they said a b yes no.md"),
        ("CON", "_CON.md"),
        ("...", "Article.md"),
        ("é" * 100, "é" * 40 + ".md"),
    ],
)
def test_the_proposed_name_follows_the_safe_file_name_rule(title, name):
    assert file_name_for(title) == name


def test_the_shortcuts_dialog_lists_the_new_command(window):
    rows = dict(window.actions.shortcut_rows())
    assert "Ctrl+Shift+V" in rows["New Article from Clipboard…"]
