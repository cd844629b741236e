"""Blocks and spans -> <text><body>: divisions opened by headings, paragraphs, notes at
their page, page breaks and gaps. The only place that decides the body's structure."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from lxml import etree

from ..layout.lines import line_breaks
from ..model import BlockKind, Layout, Page, Span
from .facsimile import FacsimileIds
from .inline import fill
from .notes import NOTE_ANCHOR, Notes
from .ns import E


class _Divisions:
    """The stack of open divs. Milestones (pb, gap) wait until the next block is placed, so
    a page that starts with a heading has its pb inside the new div, before the head."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.stack: list[tuple[int, etree._Element]] = []
        self.pending: list[etree._Element] = []

    def open(self, level: int) -> etree._Element:
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        div = E.div()
        (self.stack[-1][1] if self.stack else self.body).append(div)
        self.stack.append((level, div))
        self._flush(div)
        return div

    def place(self, element: etree._Element) -> None:
        if not self.stack:
            self.open(1)  # text before the first heading: a division without a head
        div = self.stack[-1][1]
        self._flush(div)
        div.append(element)

    def hold(self, element: etree._Element) -> None:
        self.pending.append(element)

    def _flush(self, div: etree._Element) -> None:
        for element in self.pending:
            div.append(element)
        self.pending = []

    def close(self) -> None:
        if not self.stack:
            self.open(1)  # also flushes what is pending
        self._flush(self.stack[-1][1])


def page_break(page: Page, facs: FacsimileIds | None = None) -> list[etree._Element]:
    """A page's <pb/> and its forme work after it: running head, page number as printed;
    with a facsimile, each points to its surface or zone."""
    pb = E.pb(n=page.number) if page.number else E.pb()
    elements = [pb, *(E.fw(forme.text, type=forme.kind) for forme in page.forme)]
    if facs is not None:
        surface = facs.page(page)
        if surface is not None:
            pb.set("facs", f"#{surface}")
        for forme, fw in zip(page.forme, elements[1:]):
            zone = facs.zones.get(forme.line)
            if zone is not None:
                fw.set("facs", f"#{zone}")
    return elements


def build_body(
    layout: Layout, spans: Sequence[Span], facs: FacsimileIds | None = None
) -> etree._Element:
    by_block: dict[int, list[Span]] = defaultdict(list)
    lines = line_breaks(layout) if facs is not None else []
    for span in (*layout.spans, *spans, *lines):
        by_block[span.block].append(span)
    notes = Notes(layout.blocks, by_block)

    def page_break_inside(span: Span) -> tuple[list[etree._Element], etree._Element]:
        elements = page_break(layout.pages[int(span.attrs["page"])], facs)
        if "break" in span.attrs:  # a word runs on over the page turn
            elements[0].set("break", span.attrs["break"])
        return elements, elements[0]

    def line_break(span: Span) -> tuple[list[etree._Element], etree._Element]:
        lb = E.lb()
        zone = facs.zones.get(int(span.attrs["line"])) if facs is not None else None
        if zone is not None:
            lb.set("facs", f"#{zone}")
        if "break" in span.attrs:
            lb.set("break", span.attrs["break"])
        return [lb], lb

    builders = {NOTE_ANCHOR: notes.anchor, "pb": page_break_inside, "lb": line_break}
    notes.builders = {"pb": page_break_inside, "lb": line_break}
    body = E.body()
    divisions = _Divisions(body)
    for index, block in enumerate(layout.blocks):
        own = notes.own_spans(index)
        if block.kind is BlockKind.PAGE_BREAK:
            for element in page_break(layout.pages[block.page], facs):
                divisions.hold(element)
        elif block.kind is BlockKind.GAP:
            divisions.hold(E.gap(reason="missing"))
        elif block.kind is BlockKind.HEADING:
            head = E.head()
            fill(head, block.text, own, builders)
            divisions.open(block.level).append(head)
        elif block.kind is BlockKind.NOTE:
            if not notes.is_anchored(index):
                divisions.place(notes.element(index))
        else:
            paragraph = E.p()
            fill(paragraph, block.text, own, builders)
            divisions.place(paragraph)
    divisions.close()
    return body
