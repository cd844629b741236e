"""Learn the engine model (src/teiforge/ocr/engine.py): the corrector's P(error) of a word
and the OCR engine's confidence in it -> P(error), on the tune pages of the book sets'
Tesseract output (benchmarks/ocr_books.py), written to data/ocr/engine.json.

    PYTHONPATH=src:benchmarks:tools python tools/learn_engine_confidence.py
"""

from __future__ import annotations

import json
from pathlib import Path

from ocr_books import book_pages, learn

from teiforge.ocr import load_corrector

TARGET = Path(__file__).resolve().parents[1] / "src" / "teiforge" / "data" / "ocr" / "engine.json"


def main() -> None:
    corrector = load_corrector()
    pages = [p for p in book_pages() if p.split == "tune"]
    model = learn(corrector, pages)
    TARGET.write_text(
        json.dumps(
            {
                "about": "OCR engine confidence in P(error) (ocr/engine.py): weights: bias, "
                "logit P(error), 1 - confidence; known (a word of the lexicon): bias, "
                "1 - confidence; learned by tools/learn_engine_confidence.py on the tune "
                "pages of the book sets' Tesseract TSV",
                "pages": len(pages),
                "weights": [round(w, 6) for w in model.weights],
                "known": [round(w, 6) for w in model.known],
            },
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"{TARGET}: {model}")


if __name__ == "__main__":
    main()
