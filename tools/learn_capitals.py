"""Learn how often a sentence starts with a small letter on the page, by the kind of end
before it (src/teiforge/ocr/capitals.py), from the tuning split of the development data.

    pip install rapidfuzz
    python tools/learn_capitals.py      # reads ../shared/data/ocr-fr-dev (or TEIFORGE_OCR_DEV)

Writes src/teiforge/data/ocr/sentence_starts.tsv: for each kind of end, the OCR's words
that follow it (opening a sentence, by words.py) and how many of them the gold has with
a small letter. Counted on the OCR's side, as the corrector will see the text: a stop
the OCR made of an ellipsis is followed by small letters. Only counts leave the data;
held-out documents (benchmarks/devdata.py) are never read. Separate from
tools/learn_ocr_model.py, whose files it does not change.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import devdata

from teiforge.ocr.capitals import KINDS, end_kind
from teiforge.ocr.words import words

DATA = ROOT / "src" / "teiforge" / "data" / "ocr"


def count(split: str = "tune") -> dict[str, tuple[int, int]]:
    """kind -> (gold words with a small letter, gold words), after the OCR's ends."""
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for pair in devdata.pairs(split):
        gold = {a.token.start: a.gold for a in devdata.align(pair.ocr, pair.gold)}
        for offset, line in devdata.lines(pair.ocr):
            for word in words(line):
                expected = gold.get(offset + word.start, "")
                if not word.sentence_start or not expected[:1].isalpha():
                    continue
                kind = end_kind(line[: word.start])
                if kind is not None:
                    total[kind] += 1
                    lower[kind] += expected[0].islower()
    return {kind: (lower[kind], total[kind]) for kind in KINDS}


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    counts = count()
    lines = ["# kind of end\tgold words with a small letter\twords (tools/learn_capitals.py)"]
    lines += [f"{kind}\t{lower}\t{total}" for kind, (lower, total) in counts.items()]
    (DATA / "sentence_starts.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for kind, (lower, total) in counts.items():
        print(f"{kind}: {lower}/{total} small letters ({lower / max(1, total):.1%})")


if __name__ == "__main__":
    main()
