"""The OCR corrector on the book sets' Tesseract output, with and without the engine's
word confidences (issue 19, item 5): what tools/learn_engine_confidence.py learns from
and what benchmarks/ocr_engine.py measures.

A page is Tesseract's TSV of it (its text as teiforge assembles it, which is
tesseract.txt's page, and each word's `conf`), its gold the ground truth's page in
gt.txt (`¬` read as the hyphen it is). The passages given to the corrector are the
page's lines, as benchmarks/ocr_quality.py gives a plain text's. The split of a page is
the layout benchmark's (benchmarks/layout/<book>.json), fixed before this was measured.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import devdata
from layout_books import BOOKS, LAYOUT, books_folder

from teiforge.ocr.corrector import Corrector, Passage
from teiforge.ocr.engine import Confidences, EngineModel, known_row, line_spans, row
from teiforge.ocr.typography import fold
from teiforge.readers import read_document


@dataclass(frozen=True)
class BookPage:
    book: str
    seq: str
    split: str
    ocr: str
    gold: str
    passages: tuple[Passage, ...]  # its lines, each with the engine's confidences

    @property
    def pair(self) -> devdata.Pair:
        return devdata.Pair(0, self.ocr, self.gold)

    def offsets(self) -> list[int]:
        return [offset for offset, _ in devdata.lines(self.ocr)]


def book_pages(books: Sequence[str] = BOOKS, folder: Path | None = None) -> Iterator[BookPage]:
    folder = folder or books_folder()
    logging.getLogger("teiforge").setLevel(logging.ERROR)  # the PAGE/ALTO checks' warnings
    for book in books:
        splits = {
            p["seq"]: p["split"]
            for p in json.loads((LAYOUT / f"{book}.json").read_text(encoding="utf-8"))["pages"]
        }
        golds = (folder / book / "gt.txt").read_text(encoding="utf-8").split("\f")
        for file, gold in zip(sorted((folder / book / "tesseract").glob("*.tsv")), golds):
            seq = file.name.split(".")[0]
            source = read_document([file])
            assert source.facsimile is not None
            zones = source.facsimile.by_line()
            lines = source.text.strip("\f\n").split("\n")
            passages = tuple(
                Passage(
                    line,
                    confidences=Confidences(
                        tuple(line_spans(line, zones[n].words) if n in zones else ())
                    ),
                )
                for n, line in enumerate(lines, 1)
            )
            text = "\n".join(lines)
            yield BookPage(
                book, seq, splits[seq], text, gold.strip("\n").replace("¬", "-"), passages
            )


def proposals_changes(corrector: Corrector, page: BookPage) -> list[devdata.Change]:
    offsets = page.offsets()
    return [
        devdata.Change(offsets[p.passage] + p.start, offsets[p.passage] + p.end, p.corr)
        for p in corrector.propose(page.passages)
    ]


def samples(
    corrector: Corrector, page: BookPage
) -> tuple[list[tuple[tuple[float, ...], bool]], list[tuple[tuple[float, ...], bool]]]:
    """The words of a page that have an engine confidence, each as the engine model reads
    it and whether the alignment with the gold finds it wrong: those the model decides
    (engine.row) and those of the lexicon (engine.known_row)."""
    offsets = page.offsets()
    aligned = devdata.align(page.ocr, page.gold)
    folded = [replace(p, text=fold(p.text)) for p in page.passages]
    found: list[tuple[tuple[float, ...], bool]] = []
    known: list[tuple[tuple[float, ...], bool]] = []
    for item in corrector.examine(folded):
        modelled = item.guard is None and item.real_word is None and bool(item.candidates)
        if not modelled and item.guard != "known":
            continue
        confidence = page.passages[item.passage].confidences.of(item.word.start, item.word.end)
        if confidence is None:
            continue
        start = offsets[item.passage] + item.word.start
        end = offsets[item.passage] + item.word.end
        wrong = [not a.right for a in aligned if a.token.start < end and a.token.end > start]
        if not wrong:
            continue  # punctuation alone, which the alignment does not count
        if modelled:
            found.append((row(corrector.model.p_error(item.features), confidence), any(wrong)))
        else:
            known.append((known_row(confidence), any(wrong)))
    return found, known


def learn(corrector: Corrector, pages: Sequence[BookPage]) -> EngineModel:
    """The engine model (engine.EngineModel), learned on `pages`: two weighted logistic
    regressions (tools/ocr_training.fit), each word counted once."""
    import sys

    sys.path.insert(0, str(LAYOUT.parents[1] / "tools"))
    from ocr_training import fit

    found, known = [], []
    for page in pages:
        modelled, lexicon = samples(corrector, page)
        found += modelled
        known += lexicon
    return EngineModel(
        tuple(fit([r for r, _ in found], [w for _, w in found], [1.0] * len(found))),
        tuple(fit([r for r, _ in known], [w for _, w in known], [1.0] * len(known))),
    )
