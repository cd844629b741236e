"""The vocabulary every stage shares: frozen dataclasses passed from one stage to the next.

read: bytes -> Source; layout: Source -> Layout (pages and blocks); annotate: blocks ->
Spans; tei: Layout + Spans -> TEI tree. Diagnostics are what validate reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Box:
    """A rectangle on a page image, in the image's pixels (or the engine's unit): upper
    left and lower right corners, as TEI's ulx, uly, lrx, lry."""

    ulx: int
    uly: int
    lrx: int
    lry: int


@dataclass(frozen=True)
class Word:
    """One word as the OCR engine read it: its text, its box and the engine's confidence
    (0 to 1), each when the format gives it."""

    text: str
    box: Box | None = None
    confidence: float | None = None


def placed_words(text: str, words: Sequence[Word]) -> Iterator[tuple[int, int, Word]]:
    """Each engine word of a source line with its span in the line's text, found in order
    (the line is its words one space apart: readers/assemble.py); a word not found is
    left out."""
    position = 0
    for word in words:
        start = text.find(word.text, position) if word.text else -1
        if start == -1:
            continue
        position = start + len(word.text)
        yield start, position, word


@dataclass(frozen=True)
class Zone:
    """Where one source line stands on its page image. `line` is the source line number
    (1-based, as Line.number), `surface` the index of its page in Facsimile.surfaces;
    `region` is the kind of region the engine put it in (header, pageNum, catch, sig,
    footer, note, heading), when it says."""

    line: int
    surface: int
    box: Box | None
    words: tuple[Word, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class Surface:
    """A page image: its file or URL and its size, when the format names them."""

    image: str | None
    width: int | None
    height: int | None
    pixels: bool = True  # sizes and boxes in the image's pixels (ALTO may count in mm10, inch1200)


@dataclass(frozen=True)
class Facsimile:
    """The pages of an OCR file with coordinates (ALTO, PAGE, hOCR, TSV) and the zone of
    each source line; a plain text has none."""

    surfaces: tuple[Surface, ...]
    zones: tuple[Zone, ...]

    def by_line(self) -> dict[int, Zone]:
        return {zone.line: zone for zone in self.zones}


@dataclass(frozen=True)
class Source:
    """An OCR text as read from disk: decoded, line ends normalised to LF. Read from a
    format with coordinates, `text` is its lines (regions apart by a blank line, pages by
    a form feed) and `facsimile` says where each line stands on its page."""

    name: str  # the file name, as recorded in the header
    text: str
    sha256: str  # of the raw bytes, before decoding
    encoding: str  # the codec the bytes were decoded with
    facsimile: Facsimile | None = None
    format: str = "text"  # the reader's code: text, alto, page, hocr, tsv


@dataclass(frozen=True)
class Line:
    """One non-blank source line. `number` is 1-based in the source."""

    number: int
    text: str
    blank_before: int  # blank lines between this line and the previous non-blank one


@dataclass(frozen=True)
class Forme:
    """Forme work: a line the printer sets on every page around the text (a running head,
    the page number, a catchword...), never body text. `kind` is its TEI fw/@type."""

    kind: str  # header, footer, pageNum, catch, sig
    text: str  # as read, kept whole in the diplomatic reading
    line: int  # source line number


@dataclass(frozen=True)
class Page:
    """A page of the source: its non-blank lines, split into furniture, body and footnote
    zone."""

    index: int  # 0-based position in the source
    body: tuple[Line, ...]
    footnote_zone: tuple[Line, ...]
    number: str | None = None  # the page's number (pb/@n): printed, or inferred when misread
    double_spaced: bool = False
    forme: tuple[Forme, ...] = ()


class BlockKind(str, Enum):
    PARAGRAPH = "p"
    HEADING = "head"
    NOTE = "note"  # a footnote body found in a page's footnote zone
    PAGE_BREAK = "pb"
    GAP = "gap"  # text missing from the source (pages, or the start of a paragraph)


@dataclass(frozen=True)
class Block:
    """A unit of text in reading order. `text` has layout removed: lines joined with one
    space, words broken at line ends rejoined. Offsets of spans refer to this text."""

    kind: BlockKind
    text: str
    page: int  # index of the page the block starts on
    first_line: int  # source line number where the block starts
    level: int = 1  # headings: depth of the division they open
    label: str | None = None  # notes: the note label as printed (OCR form), kept verbatim
    n: str | None = None  # notes: the note number; pages: the printed page number
    continued: bool = False  # paragraphs: the start is missing from the source


@dataclass(frozen=True)
class Span:
    """A stand-off annotation over one block's text: `block` is the index of the block in
    Layout.blocks, [start, end) the character range (start == end for a milestone such as
    a page break inside a paragraph). `tag` is the TEI element the serializer will build."""

    block: int
    start: int
    end: int
    tag: str
    attrs: Mapping[str, str] = field(default_factory=dict)
    source: str = ""  # code of the annotator that produced it

    def __hash__(self) -> int:
        return hash((self.block, self.start, self.end, self.tag, tuple(sorted(self.attrs.items()))))


@dataclass(frozen=True)
class Entity:
    """A person, place or organisation the text names: one entry of the document's
    standOff, which names in the text point to with @ref (or speakers with @who)."""

    kind: str  # "person", "place" or "org"
    xml_id: str
    names: tuple[tuple[str, str | None], ...]  # (name, @type such as "abbr"), first is the main one
    idnos: tuple[tuple[str, str], ...] = ()  # (@type: wikidata, geonames, insee...; value)
    cert: str | None = None  # for entries generated by a rule, not taken from an authority
    note: str | None = None


@dataclass(frozen=True)
class Responsibility:
    """Someone who decided part of the encoding (an editor reviewing corrections): a
    respStmt in the header whose xml:id @resp attributes point to."""

    xml_id: str
    name: str
    resp: str  # what they did, e.g. "review of OCR corrections"


@dataclass(frozen=True)
class PrintedWork:
    """The printed work an OCR text was made from, as the corpus describes it: the
    header's title and author, and the bibl of its sourceDesc. (The digital edition's own
    publisher and licence are the publicationStmt's, not this.)"""

    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None  # as printed or catalogued: "1885", "[ca 1885]", "1885-1887"
    publisher: str | None = None
    pub_place: str | None = None
    edition: str | None = None
    idnos: tuple[tuple[str, str], ...] = ()  # (@type: ark, isbn, url...; value)


# What annotators produce: spans over the text, and the entries and people they point to.
Annotation = Span | Entity | Responsibility


@dataclass(frozen=True)
class Layout:
    """The structure of a source: pages as found, blocks in reading order."""

    source: Source
    pages: tuple[Page, ...]
    blocks: tuple[Block, ...]
    spans: tuple[Span, ...] = ()  # layout's own spans: page breaks inside paragraphs


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in one file, by one layer (well-formedness, schema, a rule)."""

    code: str  # stable: "TF001" (well-formedness), "XSD", "RNG", a rule's code...
    message: str
    file: str
    line: int = 0
    column: int = 0
    xpath: str = ""
    severity: Severity = Severity.ERROR
