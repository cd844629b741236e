"""Source -> Layout: pages, then blocks in reading order (paragraphs, headings, footnote
bodies, page breaks, gaps), with page breaks inside paragraphs as spans."""

from __future__ import annotations

from ..model import Block, BlockKind, Forme, Layout, Line, Page, Source, Span
from .footnotes import document_kinds, find_zone_start, split_notes, zone_rules
from .forme import find_forme
from .geometry import laid_out
from .joining import TextBuilder
from .labels import forme_labels, heading_labels, merged, set_aside
from .measure import (
    continues_in_lowercase,
    ends_sentence,
    numbered_in_turn,
    starts_lowercase,
    typical_width,
)
from .pages import is_double_spaced, spacing_vote, split_pages
from .paragraphs import (
    Piece,
    indents_paragraphs,
    is_indented,
    marks_paragraphs_with_blanks,
    page_pieces,
)

__all__ = ["segment"]


class _Assembler:
    """Collects blocks across pages; a paragraph left open at a page's end may take in the
    first paragraph of the next page, with a page break span where the page turns."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.spans: list[Span] = []
        self.open_paragraph: int | None = None  # index in blocks
        self.open_text: TextBuilder | None = None
        self.pending_notes: list[Block] = []
        self.last_note: int | None = None  # index in blocks, kept so as not to search them

    def add(self, block: Block) -> int:
        self.blocks.append(block)
        return len(self.blocks) - 1

    def add_piece(
        self, piece: Piece, page: int, levels: list[str], continued: bool = False
    ) -> None:
        builder = TextBuilder()
        for line in piece.lines:
            builder.append(line.text)
        if piece.kind is BlockKind.HEADING:
            level = _heading_level(levels, piece.style)
            self.add(
                Block(BlockKind.HEADING, builder.text, page, piece.lines[0].number, level=level)
            )
            self.open_paragraph = self.open_text = None
            return
        if continued:
            self.add(Block(BlockKind.GAP, "", page, piece.lines[0].number))
        block = Block(
            BlockKind.PARAGRAPH, builder.text, page, piece.lines[0].number, continued=continued
        )
        self.open_paragraph, self.open_text = self.add(block), builder

    def continue_paragraph(self, piece: Piece, page_number: str | None, page: int) -> None:
        assert self.open_paragraph is not None and self.open_text is not None
        offset: int | None = None
        for line in piece.lines:
            start = self.open_text.append(line.text)
            offset = start if offset is None else offset
        attrs = {"n": page_number, "page": str(page)} if page_number else {"page": str(page)}
        at = offset or 0
        if at and not self.open_text.text[at - 1].isspace():
            attrs["break"] = "no"  # the page turned in mid-word (its hyphen dropped)
        self.spans.append(Span(self.open_paragraph, at, at, "pb", attrs, "layout"))
        old = self.blocks[self.open_paragraph]
        self.blocks[self.open_paragraph] = Block(
            old.kind, self.open_text.text, old.page, old.first_line, continued=old.continued
        )

    def note_left_open(self) -> bool:
        """Whether the last note so far breaks off in mid-sentence (it may go on overleaf)."""
        last = self.pending_notes[-1] if self.pending_notes else None
        if last is None and self.last_note is not None:
            last = self.blocks[self.last_note]
        return last is not None and not ends_sentence(last.text)

    def continue_note(self, rest: Block) -> bool:
        """Join a note body continued at the top of a page's footnote zone to the previous
        page's last note; False when there is none."""
        last = self.last_note
        if last is None:
            return False
        note = self.blocks[last]
        builder = TextBuilder()
        builder.append(note.text)
        builder.append(rest.text)
        self.blocks[last] = Block(
            note.kind, builder.text, note.page, note.first_line, label=note.label, n=note.n
        )
        return True

    def flush_notes(self) -> None:
        if self.pending_notes:
            self.last_note = len(self.blocks) + len(self.pending_notes) - 1
        self.blocks.extend(self.pending_notes)
        self.pending_notes = []


def _heading_level(levels: list[str], style: str) -> int:
    """Headings of a style seen before are siblings of it; a new style nests one deeper."""
    if style in levels:
        del levels[levels.index(style) + 1 :]
    else:
        levels.append(style)
    return len(levels)


def _note_blocks(zone: list[Line], page: int) -> list[Block]:
    blocks = []
    for note in split_notes(zone):
        builder = TextBuilder()
        for line in note.lines:
            builder.append(line.text)
        number = note.mark.number if note.mark is not None else None
        n = str(number) if number is not None else None
        blocks.append(
            Block(BlockKind.NOTE, builder.text, page, note.first_line, label=note.label, n=n)
        )
    return blocks


def segment(source: Source) -> Layout:
    raw_pages = laid_out(split_pages(source.text), source)  # indents from the page image
    document_vote = spacing_vote(raw_pages)
    document_width = typical_width([line for page in raw_pages for line in page])
    assembler = _Assembler()
    pages: list[Page] = []
    levels: list[str] = []
    labels = forme_labels(source)  # forme work the OCR engine labelled, if it did
    headings = heading_labels(source)
    unlabelled, aside = set_aside(raw_pages, labels)
    furniture = [
        merged(page, labelled, labels)
        for page, labelled in zip(find_forme(unlabelled, document_width), aside)
    ]
    note_kinds = document_kinds([page.lines for page in furniture])  # furniture aside
    indents = indents_paragraphs([line for page in raw_pages for line in page])
    blank_marked = marks_paragraphs_with_blanks(raw_pages)
    for index, (raw, page_forme) in enumerate(zip(raw_pages, furniture)):
        lines = list(page_forme.lines)
        number = page_forme.number.text if page_forme.number else None
        double = is_double_spaced(lines, document_vote)
        zone_start = (
            find_zone_start(lines, double, assembler.note_left_open(), note_kinds)
            if lines
            else None
        )
        body = lines if zone_start is None else lines[:zone_start]
        zone = [] if zone_start is None else lines[zone_start:]
        rules = tuple(Forme("other", line.text, line.number) for line in zone_rules(zone))
        pages.append(
            Page(index, tuple(body), tuple(zone), number, double, page_forme.forme + rules)
        )
        width = typical_width(body) if len(body) >= 8 else document_width
        pieces = page_pieces(body, width, double, indents, blank_marked, headings)
        first_line = raw[0].number
        follows = index > 0 and numbered_in_turn(pages[index - 1].number, number)
        continued = bool(pieces) and _continues(assembler, pieces[0], indents, follows)
        if continued:
            assembler.continue_paragraph(pieces[0], number, index)
            pieces = pieces[1:]
            assembler.flush_notes()
        else:
            assembler.flush_notes()
            assembler.add(Block(BlockKind.PAGE_BREAK, "", index, first_line, n=number))
        for position, piece in enumerate(pieces):
            mid_sentence = position == 0 and not continued and starts_lowercase(piece.lines[0].text)
            assembler.add_piece(piece, index, levels, continued=mid_sentence)
        notes = _note_blocks(zone, index)
        # a first note without a label continues the last one, when that breaks off
        # (else OCR lost its label: layout.note_labels.label_lost_above)
        open_note = assembler.note_left_open()
        if notes and not notes[0].label and open_note and assembler.continue_note(notes[0]):
            notes = notes[1:]
        assembler.pending_notes = notes
    assembler.flush_notes()
    return Layout(source, tuple(pages), tuple(assembler.blocks), tuple(assembler.spans))


def _continues(
    assembler: _Assembler, piece: Piece, indents: bool = False, follows: bool = False
) -> bool:
    """Whether a page's first piece carries on the paragraph the previous page left in
    mid-sentence. After a finished sentence, a page that starts in lowercase follows
    missing text instead, unless its printed number follows the previous page's (`follows`:
    no page is missing, and the stop was a note's or a misread mark); in a document that
    indents its paragraphs' first lines, a page whose first line is not indented carries
    on the paragraph all the same."""
    if assembler.open_paragraph is None or piece.kind is BlockKind.HEADING:
        return False
    if indents and not is_indented(piece.lines[0]) and not starts_lowercase(piece.lines[0].text):
        return True
    if follows and continues_in_lowercase(piece.lines[0].text):
        return True
    return not ends_sentence(assembler.blocks[assembler.open_paragraph].text)
