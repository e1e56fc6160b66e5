"""The teacher's class files: CSVs, report.html, annotations.jsonld, feedback, pseudonyms."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.core.annotations import make_annotation
from app.core.article import Article, parse_plain_text
from app.core.classroom import ClassData, gather_class, write_class_outputs
from app.core.exports import safe_file_name
from app.core.exports.csv_export import csv_bytes, number, safe_cell
from app.core.sidecar import Author, dump_sidecar, new_sidecar
from app.core.translation import set_translator

TEXT = (
    "Council backs harbour plan\n\n"
    "The radical plan passed 5-2 on 3 March, sources say. Critics called it a giveaway.\n\n"
    "Subscribe now for more local news!\n"
)
XSS = "<script>alert(1)</script>"


def make_article(folder: Path) -> Article:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.txt"
    path.write_text(TEXT, encoding="utf-8")
    return parse_plain_text(TEXT, path)


def write(folder: Path, file: str, article: Article, name: str, items, role="student") -> Path:
    sidecar = new_sidecar(article, Author(name, role))
    for quote, tag, note in items:
        start = article.text.index(quote)
        sidecar.annotations.append(
            make_annotation(article.text, tag, start, start + len(quote), note)
        )
    path = folder / file
    path.write_bytes(dump_sidecar(sidecar))
    return path


@pytest.fixture
def klass(tmp_path: Path) -> ClassData:
    article = make_article(tmp_path)
    folder = tmp_path / "class"
    folder.mkdir()
    write(
        tmp_path,
        "story.txt.key.slant.json",
        article,
        "Ms Key",
        [
            ("radical", "loaded-label", "A judging word " + XSS),
            ("sources say", "unsourced-claim", ""),
            ("5-2 on 3 March", "verifiable-fact", ""),
        ],
        role="teacher",
    )
    write(
        folder,
        "ana.story.txt.slant.json",
        article,
        "Ana Alvarez",
        [
            ("radical", "loaded-label", XSS),
            ("sources say", "loaded-label", '=HYPERLINK("http://evil")'),
            ("Critics called it a giveaway.", "unsourced-claim", "-2+3"),
        ],
    )
    write(
        folder,
        "ben.story.txt.slant.json",
        article,
        "Ben <b>Bold</b>",
        [
            ("radical plan", "loaded-label", "@SUM(A1)"),
            ("5-2 on 3 March", "verifiable-fact", '\tTabbed, "quoted"\nnew line'),
        ],
    )
    (folder / "broken.slant.json").write_text("{", encoding="utf-8")
    return gather_class(article, [folder])


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.endswith("\r\n")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_cells_that_look_like_formulas_are_defused() -> None:
    for value in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert safe_cell(value) == "'" + value
    assert safe_cell("plain") == "plain"
    assert safe_cell(12) == "12"
    assert safe_cell(None) == ""
    data = csv_bytes(["a", "b"], [['say "hi", ok', "line\nbreak"]])
    assert data == '\ufeffa,b\r\n"say ""hi"", ok","line\nbreak"\r\n'.encode()


def test_number_cells_are_never_prefixed_but_text_that_looks_like_one_is() -> None:
    # A number cannot run as a formula; an apostrophe would make a spreadsheet read it as text.
    assert safe_cell(-3) == "-3"
    assert safe_cell(-0.25) == "-0.25"
    assert safe_cell(number(-0.0071)) == "-0.007"
    assert safe_cell(number(0.5)) == "0.500"
    assert safe_cell(number(-0.0001)) == "0.000"  # no sign on a zero
    assert safe_cell(number(None)) == "n/a"
    # The same characters typed by a student (a note, a name) are text and stay defused.
    assert safe_cell("-0.007") == "'-0.007"
    row = csv_bytes(["alpha", "note"], [[number(-0.0071), "-0.007"]]).decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(row))) == [["alpha", "note"], ["-0.007", "'-0.007"]]


def test_annotations_csv_lists_every_annotation_with_its_best_key_match(
    klass: ClassData, tmp_path: Path
) -> None:
    write_class_outputs(klass, tmp_path / "out")
    rows = read_csv(tmp_path / "out" / "annotations.csv")
    students = [r for r in rows if r["role"] == "student"]
    assert len(students) == 5 and len([r for r in rows if r["role"] == "key"]) == 3
    by_text = {r["text"]: r for r in students}
    radical = by_text["radical"]
    assert radical["student"] == "Ana Alvarez"
    assert radical["file"] == "ana.story.txt.slant.json"
    assert radical["note"] == XSS
    assert radical["anchoring status"] == "exact"
    start = TEXT.index("radical")
    assert radical["best-matching key span"] == f"{start}-{start + 7} loaded-label"
    # A different tag still matches the overlapping key span (there is no same-tag one).
    assert by_text["sources say"]["best-matching key span"].endswith("unsourced-claim")
    assert by_text["sources say"]["note"] == '\'=HYPERLINK("http://evil")'
    assert by_text["Critics called it a giveaway."]["note"] == "'-2+3"
    assert by_text["Critics called it a giveaway."]["best-matching key span"] == ""
    assert by_text["5-2 on 3 March"]["note"] == '\'\tTabbed, "quoted"\nnew line'
    assert by_text["radical plan"]["note"] == "'@SUM(A1)"


def test_students_csv_has_counts_and_scores(klass: ClassData, tmp_path: Path) -> None:
    write_class_outputs(klass, tmp_path / "out")
    ana, ben = read_csv(tmp_path / "out" / "students.csv")
    assert ana["student"] == "Ana Alvarez" and ben["student"] == "Ben <b>Bold</b>"
    assert ana["loaded-label annotations"] == "2"
    assert ana["loaded-label characters"] == str(len("radical") + len("sources say"))
    # Ana: loaded spans "radical" (in key) and "sources say" (key says unsourced) -> P 0.5;
    # key's loaded span found -> R 1.0.
    assert (ana["loaded-label precision"], ana["loaded-label recall"]) == ("0.500", "1.000")
    assert ana["promotional-boilerplate F1"] == "n/a"
    # Ben: "radical plan" covers "radical" (7 of 12) and the fact exactly.
    assert ben["loaded-label precision"] == f"{7 / 12:.3f}"
    assert ben["overall recall"] == f"{(1 + 0 + 1) / 3:.3f}"


def test_agreement_csv_has_alpha_per_tag_and_pooled(klass: ClassData, tmp_path: Path) -> None:
    write_class_outputs(klass, tmp_path / "out")
    rows = {r["tag id"]: r for r in read_csv(tmp_path / "out" / "agreement.csv")}
    assert list(rows) == [
        "loaded-label",
        "unsourced-claim",
        "promotional-boilerplate",
        "verifiable-fact",
        "all",
    ]
    assert rows["promotional-boilerplate"]["alpha"] == "n/a"  # nobody used it
    assert rows["all"]["students"] == "2"
    # Pooled over the three tags someone used; "promotional-boilerplate" is left out.
    assert rows["all"]["units (characters)"] == str(3 * len(TEXT))
    assert -1 <= float(rows["loaded-label"]["alpha"]) <= 1


class _Page(HTMLParser):
    """Collects tags, attributes and the text of each heat-map panel."""

    VOID = frozenset({"meta", "br", "input", "hr", "img", "link"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.panels: dict[str, list[str]] = {}
        self.article_depth: list[tuple[str, int]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if tag not in self.VOID:
            self.stack.append(tag)
        if "article" in (attributes.get("class") or "").split():
            panel = f"article-{len(self.panels)}"
            self.panels[panel] = []
            self.article_depth.append((panel, len(self.stack)))

    def handle_endtag(self, tag) -> None:
        assert self.stack and self.stack[-1] == tag, (self.stack[-5:], tag)
        self.stack.pop()
        if self.article_depth and len(self.stack) < self.article_depth[-1][1]:
            self.article_depth.pop()

    def handle_data(self, data) -> None:
        self.text.append(data)
        if self.article_depth:
            self.panels[self.article_depth[-1][0]].append(data)


def parse_page(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert page.stack == []
    return page


def test_report_is_self_contained_escaped_and_printable(klass: ClassData, tmp_path: Path) -> None:
    write_class_outputs(klass, tmp_path / "out")
    report = tmp_path / "out" / "report.html"
    html = report.read_text(encoding="utf-8")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Ben &lt;b&gt;Bold&lt;/b&gt;" in html
    for external in ("src=", 'href="http', "@import", "url(", "<link"):
        assert external not in html
    assert "@media print" in html and "page-break-before" in html
    page = parse_page(report)
    assert not any(tag in ("script", "img", "iframe", "object") for tag, _ in page.tags)
    text = "".join(page.text)
    for phrase in ("Krippendorff", "Agreement", "Common confusions", "broken.slant.json"):
        assert phrase in text
    assert "not valid JSON" in text


def test_every_heat_map_panel_shows_the_article_text_once(klass: ClassData, tmp_path: Path) -> None:
    write_class_outputs(klass, tmp_path / "out")
    page = parse_page(tmp_path / "out" / "report.html")
    article = klass.article
    expected = "\n".join(article.block_text(block) for block in article.blocks)
    assert len(page.panels) == 3  # one per tag in use: nobody tagged promotional boilerplate
    for pieces in page.panels.values():
        assert "".join(pieces) == expected


def test_heat_map_spans_say_how_many_students_tagged_them(klass: ClassData, tmp_path: Path) -> None:
    write_class_outputs(klass, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    # Both students tagged "radical" as a loaded label, and it is in the key.
    assert 'class="c2 k" title="2 of 2 students, in the key">radical</span>' in html


def test_feedback_pages_compare_each_student_with_the_key(klass: ClassData, tmp_path: Path) -> None:
    written = write_class_outputs(klass, tmp_path / "out")
    feedback = sorted(p.name for p in written if p.parent.name == "feedback")
    assert feedback == ["Ana-Alvarez.html", "Ben-b-Bold-b.html"]
    ana = (tmp_path / "out" / "feedback" / "Ana-Alvarez.html").read_text(encoding="utf-8")
    assert "<script" not in ana
    assert "A judging word &lt;script&gt;" in ana  # the teacher's note, escaped
    assert "You found <b>1</b>, tagged <b>1</b> differently and missed <b>1</b>" in ana
    assert "Tagged differently: Loaded label" in ana
    assert "Ben" not in ana  # a student sees only their own work
    parse_page(tmp_path / "out" / "feedback" / "Ana-Alvarez.html")


def test_pseudonymized_outputs_hold_no_names_except_names_csv(
    klass: ClassData, tmp_path: Path
) -> None:
    written = write_class_outputs(klass, tmp_path / "out", pseudonymize=True)
    secrets = ("Ana", "Alvarez", "Bold", "ana.story", "ben.story", "broken.slant")
    for path in written:
        if path.name == "names.csv":
            continue
        content = path.read_bytes().decode("utf-8-sig")
        for secret in secrets:
            assert secret not in content and secret not in path.name, (path, secret)
    names = read_csv(tmp_path / "out" / "names.csv")
    assert sorted((r["code"][0], r["name"]) for r in names) == [
        ("F", ""),
        ("S", "Ana Alvarez"),
        ("S", "Ben <b>Bold</b>"),
    ]
    assert sorted(r["code"] for r in names) == ["F01", "S01", "S02"]
    collection = json.loads((tmp_path / "out" / "annotations.jsonld").read_bytes())
    creators = {item["creator"]["name"] for item in collection["first"]["items"]}
    assert creators == {"S01", "S02", "Answer key"}


def test_class_jsonld_has_every_annotation_once_with_unique_ids(
    klass: ClassData, tmp_path: Path
) -> None:
    # A second student whose file shares one annotation id with Ana's.
    ana = klass.students[0]
    shared = ana.sidecar.annotations[0]
    other = new_sidecar(klass.article, Author("Cleo"))
    other.annotations.append(shared)
    other.annotations.append(make_annotation(TEXT, "loaded-label", 4, 11))
    path = tmp_path / "cleo.slant.json"
    path.write_bytes(dump_sidecar(other))
    data = gather_class(klass.article, [path, ana.path], klass.key.path)
    write_class_outputs(data, tmp_path / "out")
    collection = json.loads((tmp_path / "out" / "annotations.jsonld").read_bytes())
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == 2 + 3 + 3
    assert len({item["id"] for item in items}) == len(items)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection"
    assert collection["first"]["type"] == "AnnotationPage"


def test_feedback_file_names_are_safe_and_unique() -> None:
    taken: set[str] = set()
    names = [
        safe_file_name(label, taken)
        for label in ("Ana", "ana", "../../etc/passwd", "CON", "Zoë Ünal", "", "a/b\\c:d*e?f")
    ]
    assert names == ["Ana", "ana-2", "etc-passwd", "_CON", "Zoë-Ünal", "student", "a-b-c-d-e-f"]


@pytest.mark.parametrize("students", [0, 1])
def test_a_class_of_zero_or_one_students_still_gets_every_file(
    tmp_path: Path, students: int
) -> None:
    article = make_article(tmp_path)
    folder = tmp_path / "class"
    folder.mkdir()
    key = [("radical", "loaded-label", "")]
    write(tmp_path, "story.txt.key.slant.json", article, "T", key, "teacher")
    if students:
        write(folder, "ana.slant.json", article, "Ana", [("radical", "loaded-label", "")])
    written = write_class_outputs(gather_class(article, [folder]), tmp_path / "out")
    assert len(written) == 5 + students
    rows = read_csv(tmp_path / "out" / "agreement.csv")
    assert {row["alpha"] for row in rows} == {"n/a"}  # alpha needs two students
    parse_page(tmp_path / "out" / "report.html")


@pytest.fixture
def decimal_commas():
    """A language that writes decimals with a comma (and otherwise speaks English)."""
    set_translator(lambda context, text: text.replace("{whole}.{fraction}", "{whole},{fraction}"))
    yield
    set_translator(None)


def test_the_report_writes_every_decimal_in_the_languages_style(
    klass: ClassData, tmp_path: Path, decimal_commas
) -> None:
    write_class_outputs(klass, tmp_path / "out")
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    shown = re.sub(r'<style.*?</style>|style="[^"]*"', "", html, flags=re.DOTALL)
    assert "0,80 or more is high" in shown
    assert re.findall(r"\d\.\d", shown) == []
    assert len(re.findall(r"\d,\d\d", shown)) > 5  # the table of alphas, the scores
    # Spreadsheets read the CSV files: their numbers keep the point whatever the language.
    agreement = (tmp_path / "out" / "agreement.csv").read_text(encoding="utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(agreement)) for cell in row]
    decimals = [cell for cell in cells if re.fullmatch(r"-?\d+[.,]\d+", cell)]
    assert decimals and all("." in cell for cell in decimals)
