"""Forme work the OCR engine labelled: a line in a region it calls a running title, a
page number, a catchword or signature (ALTO TAGREFS, PAGE region types; readers/regions.py)
is forme work of that kind, whatever the text rules would say of it; a line it labels a
heading is one.

Running heads, catchwords and signatures so labelled are set aside before the text rules
run (so they neither count as text nor hide the page's own furniture); a labelled page
number stays for them, since the page-number rules read the sequence of all the pages
(a misread number takes its neighbours'), and becomes forme work if they leave it in the
text. Unlabelled sources (plain text, Tesseract) are untouched."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from ..model import Forme, Line, Source
from .forme import PageForme

_SET_ASIDE = frozenset({"header", "footer", "catch", "sig"})
PAGE_NUMBER = "pageNum"


def forme_labels(source: Source) -> dict[int, str]:
    """{source line number: fw type} of the lines the engine labelled as forme work."""
    if source.facsimile is None:
        return {}
    kinds = _SET_ASIDE | {PAGE_NUMBER}
    return {z.line: z.region for z in source.facsimile.zones if z.region in kinds}


def heading_labels(source: Source) -> frozenset[int]:
    """The source lines the engine labelled as headings (a heading region or line)."""
    if source.facsimile is None:
        return frozenset()
    return frozenset(z.line for z in source.facsimile.zones if z.region == "heading")


def set_aside(
    pages: Sequence[Sequence[Line]], labels: Mapping[int, str]
) -> tuple[list[list[Line]], list[list[Forme]]]:
    """Each page without its labelled running heads, catchwords and signatures; those."""
    kept: list[list[Line]] = []
    aside: list[list[Forme]] = []
    for lines in pages:
        kept.append([line for line in lines if labels.get(line.number) not in _SET_ASIDE])
        aside.append(
            [
                Forme(labels[line.number], line.text.strip(), line.number)
                for line in lines
                if labels.get(line.number) in _SET_ASIDE
            ]
        )
    return kept, aside


def merged(page: PageForme, aside: Sequence[Forme], labels: Mapping[int, str]) -> PageForme:
    """A page's furniture with what was set aside and the labelled page numbers the text
    rules left in its text, in the order of the source's lines."""
    numbers = [
        Forme(PAGE_NUMBER, line.text.strip(), line.number)
        for line in page.lines
        if labels.get(line.number) == PAGE_NUMBER
    ]
    if not aside and not numbers:
        return page
    taken = {forme.line for forme in numbers}
    lines = tuple(line for line in page.lines if line.number not in taken)
    forme = tuple(sorted((*page.forme, *aside, *numbers), key=lambda f: f.line))
    return replace(page, forme=forme, lines=lines)
