"""Time ArticleView highlights on a ~1 MB article with 10,000 annotations; prints JSON medians.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_highlights.py [--size 1000000]
Every timing includes a forced repaint (viewport().repaint()), as a user would see it.

Medians measured offscreen (Python 3.11, PySide6 6.11.3, 1200x900 window, 1,940 blocks):
apply all 10,000 ≈ 16-17 ms, add one ≈ 3.0 ms, remove one ≈ 3.0 ms, scroll to the
middle ≈ 5 ms; set_article (not a highlight cost) ≈ 300 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from app.core.annotations import Annotation, make_annotation
from app.core.article import Article, Block
from app.core.tags import default_tagset
from app.ui.article.article_view import ArticleView

# Words of news copy for the generated paragraphs.
WORDS = re.findall(
    r"\S+",
    "the minister said officials quietly agreed a deal on prisons while critics warned that "
    "sources close to the talks claimed billions would be saved by 2030 according to a report",
)


def build_article(size: int, rng: random.Random) -> Article:
    """A plain article of about *size* code points in paragraphs of 200-800 characters."""
    parts: list[str] = []
    blocks: list[Block] = []
    length = 0
    while length < size:
        words = [rng.choice(WORDS) for _ in range(rng.randint(35, 140))]
        body = " ".join(words).capitalize() + "."
        if parts:
            parts.append("\n\n")
            length += 2
        kind = "heading" if not blocks else "paragraph"
        blocks.append(Block(kind, length, length + len(body), 1 if kind == "heading" else 0))
        parts.append(body)
        length += len(body)
    text = "".join(parts)
    return Article(path=None, title=text[: blocks[0].end], text=text, blocks=tuple(blocks))


def random_annotation(article: Article, rng: random.Random, block: Block | None = None):
    """An annotation of 5-60 code points inside a random (or the given) block."""
    block = block or rng.choice(article.blocks)
    start = rng.randrange(block.start, block.end - 5)
    end = min(block.end, start + rng.randint(5, 60))
    tag = rng.choice(default_tagset().ids())
    return make_annotation(article.text, tag, start, end, trim=False)


def timed(action) -> float:
    """Run *action*; return milliseconds."""
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def visible_blocks(view: ArticleView, article: Article) -> list[Block]:
    """The article blocks currently on screen."""
    top = view.cursorForPosition(view.viewport().rect().topLeft()).blockNumber()
    bottom = view.cursorForPosition(view.viewport().rect().bottomRight()).blockNumber()
    return list(article.blocks[top : bottom + 1])


def main() -> None:
    """Build the article, run each measurement several times, print medians as JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=1_000_000, help="article length")
    parser.add_argument("--annotations", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(1977)
    app = QApplication.instance() or QApplication([])
    view = ArticleView()
    view.resize(1200, 900)
    view.show()
    article = build_article(args.size, rng)
    annotations = [random_annotation(article, rng) for _ in range(args.annotations)]
    repaint = view.viewport().repaint

    set_article_ms = timed(lambda: view.set_article(article))
    app.processEvents()  # let Qt finish its lazy layout before timing highlights

    def apply_all() -> None:
        view.set_annotations(annotations)
        repaint()

    apply_all_ms = []
    for _ in range(args.runs):
        view.set_annotations([])
        repaint()
        apply_all_ms.append(timed(apply_all))

    add_ms, remove_ms = [], []
    for _ in range(args.runs * 4):
        extra: Annotation = random_annotation(
            article, rng, rng.choice(visible_blocks(view, article))
        )
        add_ms.append(timed(lambda a=extra: (view.add_annotation(a), repaint())))
        remove_ms.append(timed(lambda a=extra: (view.remove_annotation(a), repaint())))

    bar = view.verticalScrollBar()
    scroll_ms = []
    for _ in range(args.runs):
        bar.setValue(0)
        repaint()
        target = rng.randint(bar.maximum() // 3, 2 * bar.maximum() // 3)
        scroll_ms.append(timed(lambda t=target: (bar.setValue(t), repaint())))

    result = {
        "article_code_points": len(article.text),
        "blocks": len(article.blocks),
        "annotations": len(annotations),
        "set_article_ms": round(set_article_ms, 1),
        "apply_all_ms": round(statistics.median(apply_all_ms), 2),
        "add_one_ms": round(statistics.median(add_ms), 2),
        "remove_one_ms": round(statistics.median(remove_ms), 2),
        "scroll_to_middle_ms": round(statistics.median(scroll_ms), 2),
        "viewport": [view.viewport().width(), view.viewport().height()],
        "qt_platform": app.platformName(),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
