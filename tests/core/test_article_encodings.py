"""Reading article files: encodings, refusals with a message naming the file, real articles."""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

import pytest

from app.core import article as article_module
from app.core.article import load_article
from app.core.article_formats import parse_by_suffix, read_article_text
from app.core.errors import ArticleError

TEXT = "Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    ],
)
@pytest.mark.parametrize(
    ("name", "layout"),
    [
        ("story.txt", "{}\r\n\r\n{}\r\n"),
        ("story.md", "{}\r\n\r\n{}\r\n"),
        ("story.html", "<p>{}</p>\r\n<p>{}</p>\r\n"),
    ],
)
def test_files_with_a_byte_order_mark_are_decoded_without_it(
    tmp_path, bom, codec, encoding, name, layout
) -> None:
    source = layout.format(TEXT, "second 👩\u200d👧 line")
    path = write(tmp_path, name, bom + source.encode(codec))
    text, found, warnings = read_article_text(path)
    assert (text, found, warnings) == (source, encoding, [])
    article = load_article(path)
    assert article.encoding == encoding
    assert not article.text.startswith("\ufeff")
    blocks = [article.text[block.start : block.end] for block in article.blocks]
    assert blocks == [TEXT, "second 👩\u200d👧 line"]
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_utf8_without_a_mark_is_read_as_utf8(tmp_path) -> None:
    path = write(tmp_path, "story.txt", TEXT.encode("utf-8"))
    assert read_article_text(path) == (TEXT, "utf-8", [])


def test_every_leading_zero_width_no_break_space_is_removed(tmp_path) -> None:
    path = write(tmp_path, "story.md", codecs.BOM_UTF8 + "\ufeff\ufeffTitle\ufeff".encode())
    assert read_article_text(path) == ("Title\ufeff", "utf-8-sig", [])


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="windows-1252">', "cp1252"),
        ("<META CHARSET=Windows-1252 />", "cp1252"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', "cp1252"),
    ],
)
def test_html_meta_charset_names_the_encoding(tmp_path, meta, encoding) -> None:
    html = f"<html><head>{meta}<title>{TEXT}</title></head><body><p>{TEXT}</p>"
    path = write(tmp_path, "story.html", html.encode("cp1252"))
    article = load_article(path)
    assert (article.title, article.text, article.encoding) == (TEXT, TEXT, encoding)


def test_html_meta_charset_shift_jis(tmp_path) -> None:
    japanese = "東京都の予算案、議会で可決"
    html = f'<meta charset="shift_jis"><h1>{japanese}</h1><p>本文です。</p>'
    article = load_article(write(tmp_path, "story.htm", html.encode("shift_jis")))
    assert article.text == f"{japanese}\n本文です。"
    assert article.title == japanese
    assert article.encoding == "cp932"


def test_a_charset_meta_after_the_first_2_kb_is_not_used(tmp_path) -> None:
    # Not found, so the page counts as naming no encoding: Windows-1252, as browsers read it.
    html = "<!--" + "x" * 2100 + '--><meta charset="windows-1252"><p>' + TEXT
    text, encoding, warnings = read_article_text(
        write(tmp_path, "late.html", html.encode("cp1252"))
    )
    assert (text, encoding) == (html, "cp1252")
    assert warnings[0].startswith("late.html is not UTF-8 and does not name its encoding")


def test_a_page_naming_no_encoding_is_read_as_windows_1252_as_browsers_do(tmp_path) -> None:
    source = f"<title>Café</title><p>{TEXT} – Größe, año, 20 €, “quoted”</p>"
    article = load_article(write(tmp_path, "page.html", source.encode("cp1252")))
    assert "Größe, año, 20 €, “quoted”" in article.text
    assert article.encoding == "cp1252"
    assert any("as browsers do" in warning for warning in article.warnings)


@pytest.mark.parametrize(
    "source",
    [
        "<p>café in UTF-8, then one stray byte: \udce9</p>",  # mixed: ambiguous
        '<meta charset="shift_jis"><p>\udc85@ caf\udce9</p>',  # declared, and not that
    ],
)
def test_a_page_that_only_looks_like_windows_1252_is_still_refused(tmp_path, source) -> None:
    path = write(tmp_path, "page.html", source.encode("utf-8", "surrogateescape"))
    with pytest.raises(ArticleError, match=r"page\.html"):
        load_article(path)


def test_invalid_utf8_without_a_charset_is_refused_naming_the_file_and_line(tmp_path) -> None:
    path = write(tmp_path, "story.md", f"Title\n{TEXT}\n".encode("cp1252"))
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    message = str(caught.value)
    assert "story.md" in message and "line 2" in message and "save it as UTF-8" in message


def test_a_windows_1252_txt_is_read_as_such_and_says_how_to_do_better(tmp_path) -> None:
    source = f"Título\r\n{TEXT} – Größe, año, 20 €\r\n"
    path = write(tmp_path, "story.txt", source.encode("cp1252"))
    article = load_article(path)
    assert article.text == source.replace("\r\n", "\n")
    assert article.encoding == "cp1252"
    (warning,) = article.warnings
    assert warning.startswith("story.txt is not saved as UTF-8, so Slant read it as Windows-1252")
    assert "save it as UTF-8 from your editor" in warning


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Заголовок\nПривет, мир: новости дня", "cp1251"),
        ("Τίτλος\nΓειά σου κόσμε", "cp1253"),
        ("Tytuł\nZażółć gęślą jaźń", "cp1250"),
        ("見出し\n日本語のテキストです", "cp932"),
        ("Title\ncafé in UTF-8, then one stray byte: \udce9", "utf-8"),
    ],
)
def test_a_txt_that_only_looks_like_windows_1252_is_refused(tmp_path, text, encoding) -> None:
    path = write(tmp_path, "story.txt", text.encode(encoding, "surrogateescape"))
    with pytest.raises(ArticleError, match=r"story\.txt is not UTF-8 text.*save it as UTF-8"):
        load_article(path)


def test_a_meta_charset_counts_only_in_html_files(tmp_path) -> None:
    source = f'<meta charset="windows-1252">\n{TEXT}'.encode("cp1252")
    with pytest.raises(ArticleError, match=re.escape("story.md is not UTF-8")):
        read_article_text(write(tmp_path, "story.md", source))
    _, encoding, warnings = read_article_text(write(tmp_path, "story.txt", source))
    assert encoding == "cp1252" and "read it as Windows-1252" in warnings[0]


@pytest.mark.parametrize("label", ["x-unknown-thing", "utf-16", "unicode-escape", "cp037"])
def test_an_unusable_declared_encoding_is_refused(tmp_path, label) -> None:
    path = write(tmp_path, "odd.html", f'<meta charset="{label}"><p>\xe9'.encode("latin-1"))
    with pytest.raises(ArticleError, match=re.escape(f"odd.html says its encoding is '{label}'")):
        read_article_text(path)


def test_bytes_that_do_not_fit_the_declared_encoding_are_refused(tmp_path) -> None:
    path = write(tmp_path, "bad.html", b'<meta charset="windows-1252"><p>\x81\xe9</p>')
    with pytest.raises(ArticleError, match=r"bad\.html says .* byte 0x81 on line 1"):
        read_article_text(path)


def test_valid_utf8_wins_over_a_wrong_meta_charset_with_a_warning(tmp_path) -> None:
    path = write(tmp_path, "story.html", f'<meta charset="iso-8859-1"><p>{TEXT}'.encode())
    article = load_article(path)
    assert (article.text, article.encoding) == (TEXT, "utf-8")
    assert len(article.warnings) == 1 and "story.html" in article.warnings[0]


def test_a_broken_byte_order_mark_file_is_refused(tmp_path) -> None:
    path = write(tmp_path, "odd.txt", codecs.BOM_UTF16_LE + "abc".encode("utf-16-le") + b"\x00")
    with pytest.raises(ArticleError, match=r"odd\.txt starts with a utf-16-le byte-order mark"):
        read_article_text(path)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "no mark".encode("utf-16-le"),
        b"text\x00",
        codecs.BOM_UTF16_LE + "marked\x00".encode("utf-16-le"),
    ],
)
def test_binary_files_are_refused(tmp_path, data) -> None:
    with pytest.raises(ArticleError) as caught:
        load_article(write(tmp_path, "picture.txt", data))
    assert "picture.txt looks like a binary file, not an article" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("empty.txt", b""),
        ("empty.md", b""),
        ("empty.html", b""),
        ("blank.txt", b" \r\n\t\n"),
        ("blank.md", b"\n\n---\n\n"),
        ("scripts.html", b"<script>var a = 1;</script><style>p {}</style><p> </p>"),
    ],
)
def test_an_article_without_text_is_refused(tmp_path, name, data) -> None:
    with pytest.raises(ArticleError, match=re.escape(f"{name} has no text")):
        load_article(write(tmp_path, name, data))


def test_a_directory_a_missing_file_and_a_huge_file_are_refused(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ArticleError, match=r"folder\.txt"):
        load_article(folder)
    with pytest.raises(ArticleError, match=r"missing\.md"):
        load_article(tmp_path / "missing.md")
    monkeypatch.setattr(article_module, "MAX_ARTICLE_BYTES", 10)
    with pytest.raises(ArticleError, match=r"big\.txt"):
        load_article(write(tmp_path, "big.txt", b"x" * 11))


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch) -> None:
    path = write(tmp_path, "locked.txt", b"text")

    def refuse(path, limit):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(article_module, "read_bounded", refuse)
    with pytest.raises(ArticleError, match=r"locked\.txt could not be read: Permission denied"):
        load_article(path)


@pytest.mark.parametrize("name", ["story.pdf", "story.docx", "README"])
def test_an_unsupported_type_is_refused_listing_the_supported_ones(tmp_path, name) -> None:
    path = write(tmp_path, name, b"text")
    with pytest.raises(ArticleError) as caught:
        load_article(path)
    message = str(caught.value)
    assert name in message
    assert all(suffix in message for suffix in (".txt", ".md", ".markdown", ".html", ".htm"))
    with pytest.raises(ArticleError, match=re.escape(name)):
        parse_by_suffix(path, "text")


def test_the_suffix_chooses_the_parser_in_any_letter_case() -> None:
    source = "# Title\n\n*emphasis* <b>x</b>\n"
    as_text = parse_by_suffix(Path("a.TXT"), source)
    as_markdown = parse_by_suffix(Path("a.Markdown"), source)
    as_html = parse_by_suffix(Path("a.HTML"), source)
    assert as_text.text == source
    assert as_markdown.text == "Title\nemphasis <b>x</b>"
    assert as_html.text == "# Title *emphasis* x"
    assert {as_text.path, as_markdown.path, as_html.path} == {
        Path("a.TXT"),
        Path("a.Markdown"),
        Path("a.HTML"),
    }


def test_parser_warnings_name_the_file(tmp_path) -> None:
    article = load_article(write(tmp_path, "cut.html", b"<p>kept</p><!-- never closed"))
    assert article.text == "kept"
    assert article.warnings[0].startswith("cut.html: ")


def test_real_articles_load_with_consistent_blocks_title_and_offsets(shared_articles) -> None:
    for path in shared_articles:
        article = load_article(path)
        assert article.path == path and article.title.strip()
        assert article.blocks and article.text
        assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        previous_end = 0
        for block in article.blocks:
            assert previous_end <= block.start < block.end <= len(article.text)
            text = article.text[block.start : block.end]
            assert text.strip()
            if block.kind != "preformatted":
                assert text == text.strip() and "\n" not in text
            for style in block.styles:
                assert block.start <= style.start < style.end <= block.end
            previous_end = block.end
        if path.suffix == ".txt":
            raw = path.read_bytes().decode("utf-8-sig")
            assert article.text == raw.replace("\r\n", "\n").replace("\r", "\n")
