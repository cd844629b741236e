"""The vocabulary every stage shares: frozen dataclasses passed from one stage to the next.

read: bytes -> Source; layout: Source -> Layout (pages and blocks); annotate: blocks ->
Spans; tei: Layout + Spans -> TEI tree. Diagnostics are what validate reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True)
class Source:
    """An OCR text as read from disk: decoded, line ends normalised to LF."""

    name: str  # the file name, as recorded in the header
    text: str
    sha256: str  # of the raw bytes, before decoding
    encoding: str  # the codec the bytes were decoded with


@dataclass(frozen=True)
class Line:
    """One non-blank source line. `number` is 1-based in the source."""

    number: int
    text: str
    blank_before: int  # blank lines between this line and the previous non-blank one


@dataclass(frozen=True)
class Page:
    """A page of the source: its non-blank lines, split into body and footnote zone."""

    index: int  # 0-based position in the source
    body: tuple[Line, ...]
    footnote_zone: tuple[Line, ...]
    number: str | None = None  # printed page number, when the page carries one
    double_spaced: bool = False


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
