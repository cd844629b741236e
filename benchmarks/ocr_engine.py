"""Does the OCR engine's word confidence help the corrector? Detection and CER on the
book sets' Tesseract output, with and without it (issue 19, item 5).

    pip install rapidfuzz
    PYTHONPATH=src:benchmarks python benchmarks/ocr_engine.py

Pages, gold and split: benchmarks/ocr_books.py. Three measures, each with the corrector
as shipped (no engine confidence) and with the engine model (ocr/engine.py):
- the shipped engine model (data/ocr/engine.json, learned on the tune pages), on the
  tune pages (where it was learned) and on the held-out pages (never learned on);
- leave one book out: the engine model learned on the tune pages of the two other books,
  measured on every page of the third.
Figures: token detection precision / recall / F1 (a token is detected when a correction
or a flag touches it), the share of right tokens harmed, CER before -> after.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace

import devdata
from layout_books import BOOKS
from ocr_books import BookPage, book_pages, learn, proposals_changes

from teiforge.ocr import load_corrector
from teiforge.ocr.corrector import Corrector
from teiforge.ocr.engine import EngineModel


def tally(corrector: Corrector, pages: Sequence[BookPage]) -> devdata.Tally:
    total = devdata.Tally()
    for page in pages:
        total.add(devdata.tally(page.pair, proposals_changes(corrector, page)))
    return total


def line(name: str, part: devdata.Tally) -> str:
    return (
        f"{name:44} P {part.precision:.3f} R {part.recall:.3f} F1 {part.f1:.3f} "
        f"harm {part.harm:.3%} CER {part.cer_before:.3%} -> {part.cer_after:.3%} "
        f"({part.wrong} wrong, {part.right} right tokens)"
    )


def compare(shipped: Corrector, engine: EngineModel, pages: Sequence[BookPage], name: str) -> None:
    print(line(f"{name}, without", tally(replace(shipped, engine=None), pages)))
    print(line(f"{name}, with engine confidence", tally(replace(shipped, engine=engine), pages)))


def _rounded(model: EngineModel) -> str:
    return f"{[round(w, 3) for w in model.weights]}, known {[round(w, 3) for w in model.known]}"


def main() -> int:
    corrector = load_corrector()
    pages = list(book_pages())
    if not pages:
        print("no book data", file=sys.stderr)
        return 2
    shipped = EngineModel.load()
    print(f"shipped engine model: {_rounded(shipped)}")
    for split in ("tune", "heldout"):
        chosen = [p for p in pages if p.split == split]
        compare(corrector, shipped, chosen, f"{split} ({len(chosen)} pages)")
    for book in BOOKS:
        learned = learn(corrector, [p for p in pages if p.book != book and p.split == "tune"])
        print(f"left out {book}: learned {_rounded(learned)}")
        compare(corrector, learned, [p for p in pages if p.book == book], f"  {book}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
