"""Geometry as evidence for the layout (layout/geometry.py): a line's indent on the page
image, measured against its page's text column in the page's characters, is written as
the spaces of a text laid out from an edition; pages whose regions are the paragraphs
(Tesseract's blocks) and plain texts are left as they are."""

from __future__ import annotations

from pathlib import Path

from teiforge.layout import segment
from teiforge.layout.geometry import (
    Column,
    column,
    indent,
    laid_out,
    regions_are_paragraphs,
    regions_open_indented,
)
from teiforge.layout.headings import is_centred
from teiforge.layout.pages import split_pages
from teiforge.model import BlockKind, Box, Line, Source
from teiforge.read import source_from_bytes
from teiforge.readers import source_from_parts

# Three paragraphs of four lines, 20 pixels a character from x=100, each last line ending a
# sentence near the measure's end (in plain text, nothing tells that a paragraph ends there).
BODY = [
    "Les maisons du quartier sont basses, et",
    "les rues qui les bordent sont étroites;",
    "les habitants y vivent tous du commerce",
    "du bois, du grain et du vin de la côte.",
    "On y compte trois moulins sur la rivière",
    "et deux fours où tout le monde cuit son",
    "pain; la paroisse en tient les registres",
    "depuis le temps du bon vieux curé Martin.",
    "Le marché se tient le mardi sur la place",
    "devant l'église, et les marchands y vont",
    "de tout le pays alentour avec des bêtes",
    "et leurs grains pour les vendre au bourg.",
]
FIRST_LINES = (0, 4, 8)


def _alto(blocks: list[list[tuple[str, int, int]]]) -> bytes:
    """A one-page ALTO: blocks of (text, left, right) lines, 50 pixels apart."""
    parts = []
    top = 100
    for number, block in enumerate(blocks):
        lines = []
        for text, left, right in block:
            lines.append(
                f'<TextLine HPOS="{left}" VPOS="{top}" WIDTH="{right - left}" HEIGHT="40">'
                f'<String CONTENT="{text}"/></TextLine>'
            )
            top += 50
        parts.append(f'<TextBlock ID="b{number}">{"".join(lines)}</TextBlock>')
    return (
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Description>'
        "<MeasurementUnit>pixel</MeasurementUnit></Description><Layout>"
        f'<Page WIDTH="1000" HEIGHT="1000"><PrintSpace>{"".join(parts)}</PrintSpace>'
        "</Page></Layout></alto>"
    ).encode()


def _page(indented: tuple[int, ...] = FIRST_LINES) -> list[tuple[str, int, int]]:
    """The body, its lines `indented` set in by three characters and stopping where the
    others stop, as a paragraph's first line is."""
    lines = []
    for number, text in enumerate(BODY):
        left = 160 if number in indented else 100
        lines.append((text, left, left + 20 * len(text)))
    return lines


def test_the_column_is_the_median_edges_and_character_width() -> None:
    lines = [(text, Box(left, 0, right, 40)) for text, left, right in _page()]
    assert column(lines) == Column(left=100, right=900, character=20.0)
    assert column(lines[:4]) is None  # too few lines to tell the column
    # a quotation set in by two characters over most of the page: the median left edge is
    # set in, the lower quartile is the column's edge
    quoted = []
    for number, text in enumerate(BODY):
        left = 100 if number < 4 else 140
        quoted.append((text, Box(left, 0, left + 20 * len(text), 40)))
    assert column(quoted) == Column(left=100, right=930, character=20.0)


def test_an_indent_is_counted_in_the_page_characters() -> None:
    page = Column(left=100, right=900, character=20.0)
    text = "x" * 37
    assert indent(text, Box(160, 0, 900, 40), page) == 3  # an em or so: a first line
    assert indent(text, Box(125, 0, 900, 40), page) == 0  # 1.25 characters: the edge wavers
    assert indent(text, Box(80, 0, 900, 40), page) == 0  # left of the column
    # a short line in smaller type: no more spaces than end its text where its box ends
    assert indent("x" * 10, Box(240, 0, 700, 40), page) == 7
    assert indent("x" * 27, Box(240, 0, 700, 40), page) == 3
    assert indent("x" * 29, Box(240, 0, 700, 40), page) == 0


def test_regions_are_paragraphs_where_no_region_holds_most_of_a_page() -> None:
    one_region = [[Line(n, "x", 0) for n in range(1, 9)]]
    blocks = [[Line(n, "x", 1 if n in (4, 7) else 0) for n in range(1, 9)]]
    forme_apart = [[Line(n, "x", 1 if n in (2, 8) else 0) for n in range(1, 9)]]
    assert not regions_are_paragraphs(one_region)
    assert regions_are_paragraphs(blocks)  # 3 of 8 lines at most in one region: 0.375
    assert not regions_are_paragraphs(forme_apart)  # a running head and a number apart: 0.75
    assert regions_are_paragraphs([[Line(1, "x", 0)]])  # no page to tell


def _source(blocks: list[list[tuple[str, int, int]]]) -> Source:
    return source_from_parts([(Path("p.xml"), _alto(blocks))], "p.xml", "p.xml")


def test_an_indented_line_of_one_region_starts_a_paragraph() -> None:
    source = _source([_page()])
    layout = segment(source)
    paragraphs = [b.text for b in layout.blocks if b.kind is BlockKind.PARAGRAPH]
    assert [p[:20] for p in paragraphs] == [
        "Les maisons du quart",
        "On y compte trois mo",
        "Le marché se tient l",
    ]
    assert [line.text[:6] for line in laid_out(split_pages(source.text), source)[0][3:5]] == [
        "du boi",
        "   On ",
    ]
    # the same lines as plain text: no indent, and a full line ends no paragraph
    plain = segment(source_from_bytes(source.text.encode(), "p.txt", "p.txt"))
    assert [b.text[:20] for b in plain.blocks if b.kind is BlockKind.PARAGRAPH] == [
        "Les maisons du quart"
    ]


def test_a_centred_line_is_set_in_as_far_from_either_edge() -> None:
    title = [("Des moulins", 400, 620)]  # 11 characters, 15 from the column's left edge
    body = _page(indented=())
    source = _source([[*body[:4], *title, *body[4:]]])
    line = laid_out(split_pages(source.text), source)[0][4]
    assert line.text == " " * 15 + "Des moulins"
    assert is_centred(line, 40)  # as the text rules judge an edition's centred title


def test_where_regions_are_the_paragraphs_lines_are_left_as_read() -> None:
    page = _page()
    source = _source([page[:3], page[3:5], page[5:]])  # three blocks: Tesseract's way
    pages = split_pages(source.text)
    assert laid_out(pages, source) == pages
    plain = source_from_bytes(source.text.encode(), "p.txt", "p.txt")
    assert laid_out(split_pages(plain.text), plain) == split_pages(plain.text)


def test_regions_that_open_indented_keep_the_indents_inside_them() -> None:
    # Tesseract's way: two blocks, the second opening on an indented line; the line set in
    # inside it starts a paragraph the engine ran on with the one above
    source = _source([_page()[:4], _page()[4:]])
    pages = laid_out(split_pages(source.text), source)
    assert [line.text[:5] for line in pages[0] if line.text.startswith(" ")] == [
        "   Le",
        "   On",
        "   Le",
    ]
    assert regions_open_indented(pages)
    two_of_four = [Line(1, "x", 0), *(Line(n, "  x" if n % 2 else "x", 1) for n in range(2, 6))]
    assert not regions_open_indented([two_of_four])  # a half is no two thirds
