"""Footnote elements: a note body moved to its anchor, or left at its page.

A `note` span over an anchor (`l3` in `instantl3`) becomes the anchor as the OCR read it,
kept in sic beside an empty corr, followed by the note itself. A note without an anchor
stays at its page: an empty `note` span after the page's last word holds the note alone;
one that sits on the note's own block (start == end == 0, a page without text) only gives
its number.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from lxml import etree

from ..model import Block, Span
from .inline import Builder, fill
from .ns import XML_ID, E

NOTE_ANCHOR = "note"


class Notes:
    def __init__(self, blocks: Sequence[Block], spans_by_block: Mapping[int, list[Span]]) -> None:
        self.blocks = blocks
        self.spans_by_block = spans_by_block
        self.number: dict[int, str] = {}
        self.anchored: set[int] = set()
        for spans in spans_by_block.values():
            for span in spans:
                if span.tag == NOTE_ANCHOR:
                    note = int(span.attrs["block"])
                    self.number[note] = span.attrs["n"]
                    if span.block != note:
                        self.anchored.add(note)
        self._ids: set[str] = set()
        # builders of the milestones a note's text may hold (line breaks), set by the body
        self.builders: dict[str, Builder] = {}

    def is_anchored(self, block: int) -> bool:
        return block in self.anchored

    def own_spans(self, block: int) -> list[Span]:
        """A block's spans without the number markers of notes left at their page."""
        return [
            s
            for s in self.spans_by_block.get(block, [])
            if not (s.tag == NOTE_ANCHOR and int(s.attrs["block"]) == s.block)
        ]

    def _xml_id(self, n: str | None) -> str | None:
        if n is None:
            return None
        # a symbol (`*`, `†`) cannot stand in an xml:id: such notes are `notesym`, `notesym-2`
        base = f"note{n}" if n.isalnum() else "notesym"
        candidate, suffix = base, 1
        while candidate in self._ids:
            suffix += 1
            candidate = f"{base}-{suffix}"
        self._ids.add(candidate)
        return candidate

    def element(self, index: int) -> etree._Element:
        """The note of block `index`: its label as printed kept in sic beside an empty corr
        (the number is in @n), then its text."""
        block = self.blocks[index]
        n = self.number.get(index, block.n)
        note = E.note(place="foot")
        if n:
            note.set("n", n)
            note.set(XML_ID, self._xml_id(n) or "")
        if block.label:
            note.append(E.choice(E.sic(block.label), E.corr(resp="#teiforge")))
            note[-1].tail = " " if block.text else None
        fill(note, block.text, self.own_spans(index), {**self.builders, NOTE_ANCHOR: self.anchor})
        return note

    def anchor(self, span: Span) -> tuple[list[etree._Element], etree._Element]:
        """Builder for an anchor span: the anchor as read, then the note; for a note left
        at its page (an empty span at the end of the page's text), the note alone."""
        sic = E.sic()
        if span.start == span.end:
            return [self.element(int(span.attrs["block"]))], sic
        return [
            E.choice(sic, E.corr(resp="#teiforge")),
            self.element(int(span.attrs["block"])),
        ], sic
