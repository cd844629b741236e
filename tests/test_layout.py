"""Segmentation tests against a small text dump of pages and blocks, not the final XML, so
a change in serialization does not break them. Each file in tests/layout/ holds an input,
a line `=== layout`, and the expected dump (see `dump`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import REGENERATE, REPO
from teiforge.layout import segment
from teiforge.model import Block, BlockKind, Layout
from teiforge.read import source_from_bytes

LAYOUT_CASES = sorted((REPO / "tests" / "layout").glob("*.txt"))
MARKER = "=== layout\n"


def _short(text: str) -> str:
    return text if len(text) <= 60 else f"{text[:28]} … {text[-28:]}"


def _block_line(block: Block) -> str:
    flags = []
    if block.kind is BlockKind.HEADING:
        flags.append(f"level={block.level}")
    if block.label is not None:
        flags.append(f"label={block.label!r}")
    if block.n is not None:
        flags.append(f"n={block.n}")
    if block.continued:
        flags.append("continued")
    head = f"{block.kind.value}@{block.page}" + (f" [{' '.join(flags)}]" if flags else "")
    return f"{head} {_short(block.text)}".rstrip()


def dump(layout: Layout) -> str:
    lines = [
        f"page {page.index}: {len(page.body)} body lines, {len(page.footnote_zone)} note lines"
        f"{', double-spaced' if page.double_spaced else ''}{f', number {page.number}' if page.number else ''}"
        + "".join(f"\n  fw {forme.kind}: {forme.text}" for forme in page.forme)
        for page in layout.pages
    ]
    lines += [_block_line(block) for block in layout.blocks]
    lines += [
        f"span {span.tag}@{span.block}:{span.start} {dict(span.attrs)}" for span in layout.spans
    ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", LAYOUT_CASES, ids=lambda p: p.stem)
def test_layout(case: Path) -> None:
    source_text, _, expected = case.read_text(encoding="utf-8").partition(MARKER)
    actual = dump(segment(source_from_bytes(source_text.encode(), case.name)))
    if REGENERATE:
        case.write_text(source_text + MARKER + actual, encoding="utf-8")
        expected = actual
    assert actual == expected


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (
            ["leurs acteurs se sont diversi-", "fiés, au point"],
            "leurs acteurs se sont diversifiés, au point",
        ),
        (["le maire Jean-", "Pierre Dupont"], "le maire Jean-Pierre Dupont"),
        (["un rap¬", "port"], "un rapport"),
        (["la ligne 12 -", "suite"], "la ligne 12 - suite"),  # a dash after a space is punctuation
        (["fin de ligne", "début"], "fin de ligne début"),
    ],
)
def test_line_joining(lines: list[str], joined: str) -> None:
    from teiforge.layout.joining import TextBuilder

    builder = TextBuilder()
    offsets = [builder.append(line) for line in lines]
    assert builder.text == joined
    assert offsets[0] == 0
