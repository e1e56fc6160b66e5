"""Checks shared by the Markdown and HTML article tests: block and style invariants."""

from __future__ import annotations

from app.core.article_formats import BREAKING_SPACE


def blocks_of(article) -> list[tuple[str, int, str]]:
    """Every block as (kind, level, text)."""
    return [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]


def styles_of(article) -> list[tuple[str, str, str]]:
    """Every style as (kind, covered text, href), checking it lies inside its block."""
    found = []
    for block in article.blocks:
        for style in block.styles:
            assert block.start <= style.start < style.end <= block.end
            found.append((style.kind, article.text[style.start : style.end], style.href))
    return found


def assert_blocks_joined_by_one_newline(article) -> None:
    """Blocks tile the canonical text, one newline apart, trimmed."""
    position = 0
    for block in article.blocks:
        assert block.start == position < block.end
        text = article.text[block.start : block.end]
        assert text.strip()
        if block.kind != "preformatted":
            assert text == text.strip(" ")
            assert not set(text) & (set(BREAKING_SPACE) - {" "})
        position = block.end + 1
    assert len(article.text) == max(position - 1, 0)
    assert article.text == "\n".join(t for _, _, t in blocks_of(article))
