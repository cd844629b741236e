"""The editor's loop: `teiforge review` writes every OCR correction and flag the
corrector proposes for a set of sources, each with its context, into a corrections file
(ocr/decisions.py) that an editor fills; encoding with that file applies the decisions,
under the editor's @resp.

The proposals are the ones encoding makes: the same layout, the same annotators before
"ocr", without any corrections file.

Rewriting an existing corrections file never drops a row: whatever an editor wrote stays
until the editor deletes it. It keeps the editor, and each earlier row is found again in
the source (annotate/reanchor.py):
- on a word teiforge still proposes: the current proposal, with the row's decision (and,
  once decided, the reading the editor decided on);
- on a word teiforge no longer proposes: the row, at its place among the proposals,
  status "not proposed" (its decision still applies);
- a second row on a word another row has taken: kept there, status "duplicate";
- found nowhere, or at several places: the row as it was, at the end of the file, status
  "not found" or "ambiguous", for the editor to correct its line and column or delete it.
Rows of documents not reviewed this time are kept as they were, after the others.

With `--names FILE`, review also writes the names a statistical recogniser proposes
where the rules tagged nothing (names/suggest.py, the optional spaCy extra), one a row,
for the editor to add to an authority list; encoding never reads that file.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .annotate import ANNOTATORS, Context, annotate
from .annotate.ocr import proposals
from .annotate.reanchor import Locator, Lost, Place, context
from .atomic import write_bytes
from .encode import EncodeOptions
from .layout import segment
from .model import Annotation, BlockKind, Layout, Source
from .names.suggest import LANGUAGE, suggest
from .ocr.decisions import DUPLICATE, NOT_PROPOSED, Editor, Row, read_corrections, write_corrections
from .readers import read_document
from .readers.evidence import EngineWords


class _Document:
    """One source as review sees it: its layout (in a Locator) and where its pages start."""

    def __init__(self, layout: Layout) -> None:
        self.locator = Locator(layout)
        self.pages = [  # (first source line, index) of the pages that hold any line
            (min(line.number for line in lines), index)
            for index, page in enumerate(layout.pages)
            if (lines := (*page.body, *page.footnote_zone))
        ]

    def page(self, place: Place) -> str:
        """The printed number (else the position) of the page where the word starts."""
        layout = self.locator.layout
        index = layout.blocks[place.block].page
        if place.line:
            at = bisect.bisect_right(self.pages, (place.line, len(layout.pages))) - 1
            index = self.pages[at][1] if at >= 0 else index
        number = layout.pages[index].number if index < len(layout.pages) else None
        return number or str(index + 1)

    def row(self, place: Place, sic: str, proposed: str, cert: str) -> Row:
        text = self.locator.layout.blocks[place.block].text
        left, right = context(text, place.start, place.end)
        name = self.locator.layout.source.name
        return Row(
            name, self.page(place), place.line, place.column, sic, proposed, cert, left, right
        )


NAME_COLUMNS = ("document", "page", "line", "column", "name", "type", "left", "right")
NAME_BLOCKS = frozenset({BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.NOTE})


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split())


def name_rows(source: Source, options: EncodeOptions | None = None) -> list[tuple[str, ...]]:
    """The names the recogniser proposes in one source outside every span the annotators
    found (names included), as rows of the names file; none unless the text is French
    and the recogniser is installed."""
    options = options or EncodeOptions()
    if options.language != LANGUAGE:
        return []
    layout = segment(source)
    found = annotate(layout, Context(language=options.language, authority=options.authority))
    taken: dict[int, list[tuple[int, int]]] = {}
    for span in found.spans:
        taken.setdefault(span.block, []).append((span.start, span.end))
    document = _Document(layout)
    rows = []
    for index, block in enumerate(layout.blocks):
        if block.kind not in NAME_BLOCKS or not block.text:
            continue
        for name in suggest(block.text, taken.get(index, ())):
            place = document.locator.place(index, name.start, name.end)
            left, right = context(block.text, name.start, name.end)
            page = document.page(place)
            cells = (source.name, page, str(place.line), str(place.column), name.text, name.kind)
            rows.append(tuple(_cell(cell) for cell in (*cells, left, right)))
    return rows


def write_names(files: Sequence[Path], output: Path, options: EncodeOptions | None = None) -> int:
    """Write the names file of `files` to `output`; the number of names proposed."""
    sources = [read_document([path]) for path in files]
    rows = [row for source in sources for row in name_rows(source, options)]
    lines = ["\t".join(NAME_COLUMNS), *("\t".join(row) for row in rows)]
    write_bytes(output, ("\n".join(lines) + "\n").encode("utf-8"))
    return len(rows)


def _proposed_rows(
    source: Source, options: EncodeOptions | None = None
) -> tuple[_Document, list[tuple[Place, Row]]]:
    """The proposals of one source as rows of the corrections file, undecided, with where
    each stands in the layout."""
    options = options or EncodeOptions()
    layout = segment(source)
    context_ = Context(language=options.language, authority=options.authority)
    before = annotate(layout, context_, [code for code in ANNOTATORS if code != "ocr"])
    found: list[Annotation] = [*before.spans, *before.entities, *before.responsibilities]
    document = _Document(layout)
    engine = EngineWords(source)
    rows = []
    for p in proposals(layout, found, options.language):
        place = document.locator.place(p.passage, p.start, p.end)
        row = document.row(place, p.sic, p.corr or p.suggestion or "", p.cert)
        seen = engine.at(place.line, place.column)
        confidence = seen.confidence if seen is not None else None
        row = replace(
            row,
            why=p.why,
            confidence=f"{confidence:.2f}" if confidence is not None else "",
            zone=seen.zone if seen is not None else "",
        )
        rows.append((place, row))
    return document, rows


def rows_of(source: Source, options: EncodeOptions | None = None) -> list[Row]:
    """The proposals of one source as rows of the corrections file, undecided."""
    return [row for _, row in _proposed_rows(source, options)[1]]


def _merged(
    source: Source, earlier: Sequence[Row], options: EncodeOptions | None
) -> tuple[list[Row], list[Row]]:
    """(the document's rows in reading order, its earlier rows found nowhere)."""
    document, current = _proposed_rows(source, options)
    at = {(place.block, place.start): index for index, (place, _) in enumerate(current)}
    taken: set[tuple[int, int]] = set()
    extra: list[tuple[Place, Row]] = []
    lost: list[Row] = []
    for row in earlier:
        found = document.locator.locate(row)
        if isinstance(found, Lost):
            lost.append(replace(row, status=found.status))
            continue
        key = (found.block, found.start)
        index = at.get(key)
        if key not in taken and index is not None and current[index][1].sic == row.sic:
            place, proposal = current[index]
            # a decision is on the reading the editor saw: a changed proposal must not take it
            proposed = row.proposed if row.decision else proposal.proposed
            current[index] = (place, replace(proposal, proposed=proposed, decision=row.decision))
        else:
            status = DUPLICATE if key in taken else NOT_PROPOSED
            fresh = document.row(found, row.sic, row.proposed, row.cert)
            extra.append((found, replace(fresh, decision=row.decision, status=status)))
        taken.add(key)
    ordered = sorted([*current, *extra], key=lambda pair: (pair[0].block, pair[0].start))
    return [row for _, row in ordered], lost


def review(files: Sequence[Path], output: Path, options: EncodeOptions | None = None) -> list[Row]:
    """Write the corrections file of `files` to `output`; the rows written."""
    sources = [read_document([path]) for path in files]  # all refused before anything is written
    editor: Editor | None = None
    earlier: tuple[Row, ...] = ()
    if output.exists():
        previous = read_corrections(output)
        editor, earlier = previous.editor, previous.rows
    rows: list[Row] = []
    lost: list[Row] = []
    for source in sources:
        found, missing = _merged(source, [r for r in earlier if r.document == source.name], options)
        rows += found
        lost += missing
    reviewed = {source.name for source in sources}
    rows += [row for row in earlier if row.document not in reviewed]
    rows += lost
    write_bytes(output, write_corrections(rows, editor).encode("utf-8"))
    return rows
