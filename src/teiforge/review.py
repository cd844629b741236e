"""The editor's loop: `teiforge review` writes every OCR correction and flag the
corrector proposes for a set of sources, each with its context, into a corrections file
(ocr/decisions.py) that an editor fills; encoding with that file applies the decisions,
under the editor's @resp.

The proposals are the ones encoding makes: the same layout, the same annotators before
"ocr", without any corrections file. Rewriting an existing corrections file keeps its
editor and the decisions of the rows that are still proposed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .annotate import ANNOTATORS, Context, annotate
from .annotate.ocr import proposals
from .atomic import write_bytes
from .encode import EncodeOptions
from .layout import segment
from .model import Annotation, Source
from .ocr.decisions import Editor, Row, read_corrections, write_corrections
from .read import read_source

CONTEXT = 40  # characters of context on each side


def _clean(text: str) -> str:
    return " ".join(text.split())


def rows_of(source: Source, options: EncodeOptions | None = None) -> list[Row]:
    """The proposals of one source as rows of the corrections file, undecided."""
    options = options or EncodeOptions()
    layout = segment(source)
    context = Context(language=options.language, authority=options.authority)
    before = annotate(layout, context, [code for code in ANNOTATORS if code != "ocr"])
    found: list[Annotation] = [*before.spans, *before.entities, *before.responsibilities]
    rows = []
    for proposal in proposals(layout, found):
        block = layout.blocks[proposal.passage]
        page = layout.pages[block.page].number if block.page < len(layout.pages) else None
        rows.append(
            Row(
                document=source.name,
                block=proposal.passage,
                start=proposal.start,
                end=proposal.end,
                page=page or str(block.page + 1),
                line=block.first_line,
                sic=proposal.sic,
                proposed=proposal.corr or proposal.suggestion or "",
                cert=proposal.cert,
                left=_clean(block.text[max(0, proposal.start - CONTEXT) : proposal.start]),
                right=_clean(block.text[proposal.end : proposal.end + CONTEXT]),
            )
        )
    return rows


def review(files: Sequence[Path], output: Path, options: EncodeOptions | None = None) -> list[Row]:
    """Write the corrections file of `files` to `output`; the rows written."""
    sources = [read_source(path) for path in files]  # all refused before anything is written
    editor: Editor | None = None
    decided: dict[tuple[str, int, int, int, str], str] = {}
    if output.exists():
        previous = read_corrections(output)
        editor = previous.editor
        decided = {
            (r.document, r.block, r.start, r.end, r.sic): r.decision
            for r in previous.rows
            if r.decision
        }
    rows = []
    for source in sources:
        for row in rows_of(source, options):
            decision = decided.get((row.document, row.block, row.start, row.end, row.sic), "")
            rows.append(replace(row, decision=decision))
    write_bytes(output, write_corrections(rows, editor).encode("utf-8"))
    return rows
