"""How the capitals class of the OCR corrector (src/teiforge/ocr/capitals.py) does on
its own: its flags and corrections, right or wrong, on a split of the development data.

    python benchmarks/ocr_capitals.py --split tune      # or heldout (the default), all

A flag or a correction is right when the OCR token it touches is wrong (devdata's
alignment); a correction is a fix when the token now reads as the gold. Prints each
proposal with its context when asked (--show).
"""

from __future__ import annotations

import argparse
from collections import Counter

import devdata


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=devdata.SPLITS, default="heldout")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    from teiforge.ocr import load_corrector
    from teiforge.ocr.corrector import Passage

    corrector = load_corrector()
    assert corrector.capitals is not None
    counts: Counter[str] = Counter()
    for pair in devdata.pairs(args.split):
        offsets = devdata.lines(pair.ocr)
        passages = [Passage(line) for _, line in offsets]
        examined = corrector.examine(passages)
        found = [(e.passage, e.word, e.guard) for e in examined]
        aligned = {a.token.start: a for a in devdata.align(pair.ocr, pair.gold)}
        gold_words = devdata.stretches(pair.ocr, pair.gold)
        for reading in corrector.capitals.readings([p.text for p in passages], found):
            start = offsets[reading.passage][0] + reading.word.start
            item = aligned.get(start)
            if item is None:
                continue
            if reading.corrected:
                fixed = not item.right and devdata.reads_as_gold(reading.capital, gold_words[start])
                outcome = "corrected " + (
                    "fix" if fixed else "wrong token" if not item.right else "harm"
                )
            else:
                outcome = "flagged " + ("wrong token" if not item.right else "right token")
            counts[outcome] += 1
            if args.show:
                line = offsets[reading.passage][1]
                print(
                    f"{pair.number:03d} {outcome:22} {reading.posterior:.2f} {reading.context:5.1f} "
                    f"…{line[max(0, reading.word.start - 30) : reading.word.start]}"
                    f"[{reading.word.text}->{reading.capital}]"
                    f"{line[reading.word.end : reading.word.end + 20]}… gold {item.gold!r}"
                )
    print(f"{args.split}: " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
