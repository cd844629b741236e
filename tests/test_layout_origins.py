"""Tracing blocks back to their source lines and columns (layout/origins.py): the anchors
of the editor's corrections file."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import CASES, REPO
from teiforge.layout import origins, segment
from teiforge.layout.origins import SourceMap, Stretch, trace
from teiforge.model import Block, BlockKind, Source
from teiforge.read import read_source

# A word broken at a line end, a note's label, a page number and a form feed with spaces
# after it, between a paragraph and its continuation on the next page.
TEXT = (
    "Le projet de dévelop-\n"
    "pement a commencé en 1998 et il a continué dans la\n"
    "ville de Lyon avec les habitants du quartier et les associations de\n"
    "quartier qui ont porté le projet depuis le début, et ils ont\n"
    "\n"
    "13 Voir le rapport de la ville, p. 4.\n"
    "12\f  ensuite rejoint les   institutions de la région.\n"
)


def test_a_block_is_traced_line_by_line() -> None:
    layout = segment(Source("t.txt", TEXT, "", "utf-8"))
    lines = TEXT.split("\n")
    assert [(b.kind, b.first_line) for b in layout.blocks] == [
        (BlockKind.PAGE_BREAK, 1),
        (BlockKind.PARAGRAPH, 1),
        (BlockKind.NOTE, 6),
    ]
    assert trace(lines, layout.blocks[1]) == (
        Stretch(0, 1, 1, 20),  # "Le projet de dévelop": the hyphen is not in the block
        Stretch(20, 2, 1, 50),
        Stretch(71, 3, 1, 67),
        Stretch(139, 4, 1, 60),
        Stretch(200, 7, 6, 48),  # after the form feed and two spaces
    )
    assert trace(lines, layout.blocks[2]) == (Stretch(0, 6, 4, 34),)  # the label is not
    assert trace(lines, layout.blocks[0]) == ()


def test_the_source_map_goes_both_ways() -> None:
    layout = segment(Source("t.txt", TEXT, "", "utf-8"))
    source_map = SourceMap(layout)
    text = layout.blocks[1].text
    developed = text.index("développement")
    assert source_map.position(1, developed) == (1, 14)  # a broken word starts on line 1
    assert source_map.position(1, developed + 7) == (2, 1)  # its second half: "pement"
    assert source_map.position(1, text.index("ensuite")) == (7, 6)
    assert source_map.position(1, 70) is None  # the space a line end became
    assert source_map.position(2, 0) == (6, 4)
    assert source_map.position(7, 0) is None  # no such block
    assert source_map.offset(7, 6) == (1, 200)
    assert source_map.offset(6, 4) == (2, 0)
    assert source_map.offset(6, 1) is None  # the note's label is in no block
    assert source_map.offset(7, 1) is None  # nor the page number


@pytest.mark.parametrize(
    "path",
    [
        *sorted(CASES.glob("*/input.txt")),
        *sorted((REPO / "seeds").glob("*.txt")),
        REPO / "tests" / "ocr" / "sample.txt",
        REPO / "tests" / "ocr" / "two_pages.txt",
    ],
    ids=lambda path: f"{path.parent.name}/{path.name}",
)
def test_every_character_of_a_block_is_traced_to_the_same_character(path: Path) -> None:
    """Every character of every block but the spaces line ends became has a source line
    and column that hold that very character, and maps back to the same place."""
    source = read_source(path)
    layout = segment(source)
    source_map = SourceMap(layout)
    lines = source.text.split("\n")
    wrong = []
    for index, block in enumerate(layout.blocks):
        for offset, character in enumerate(block.text):
            position = source_map.position(index, offset)
            if position is None:
                if character != " ":
                    wrong.append((index, offset, character, None))
                continue
            line, column = position
            if lines[line - 1][column - 1] != character:
                wrong.append((index, offset, character, position))
            elif source_map.offset(line, column) != (index, offset):
                wrong.append((index, offset, character, source_map.offset(line, column)))
    assert wrong == []


def test_a_line_the_layout_left_out_is_not_taken_for_text() -> None:
    """A catchword (the next page's first word, printed at a page's foot) that the layout
    left out reads like the text's next word; the trace tries both and keeps the reading
    that reaches the end of the block."""
    lines = [
        "Nous parlerons de chacune d'elles dans les articles qui",
        "suivent\f14 LE PARFAIT BOULANGER",
        "",
        "suivent, en commençant par la fleur de farine, dont on fait le pain",
        "blanc que l'on sert sur la table des personnes aisées de la ville.",
    ]
    text = " ".join([lines[0], lines[3], lines[4]])
    assert trace(lines, Block(BlockKind.PARAGRAPH, text, 0, 1)) == (
        Stretch(0, 1, 1, 55),
        Stretch(56, 4, 1, 67),
        Stretch(124, 5, 1, 66),
    )


def test_a_block_of_alike_lines_is_traced_line_by_line_within_a_bounded_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A paragraph of 1,000 alike lines can be read at as many offsets: every line, as
    many readings. At most MAX_READINGS (the furthest) are followed, so the work grows
    with the lines, not with their square; the stretches are each line's."""
    text = "le conseil de la ville et les quartiers\n" * 1000
    layout = segment(Source("t.txt", text, "", "utf-8"))
    block = next(b for b in layout.blocks if b.kind is BlockKind.PARAGRAPH)
    taken = 0
    take = origins._Reading.take

    def counted(self: origins._Reading, *args: object) -> origins._Reading | None:
        nonlocal taken
        taken += 1
        return take(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(origins._Reading, "take", counted)
    found = trace(text.split("\n"), block)
    assert [(s.offset, s.line, s.column, s.length) for s in found[:2]] == [
        (0, 1, 1, 39),
        (40, 2, 1, 39),
    ]
    assert len(found) == 1000 and found[-1] == Stretch(39_960, 1000, 1, 39)
    assert taken <= origins.MAX_READINGS * 1000  # was about 500 readings a line at the end
