"""How far the character error rate can fall by correcting words: the ceiling of a
perfect corrector, read off the gold.

    python benchmarks/ocr_ceiling.py                    # the held-out split
    python benchmarks/ocr_ceiling.py --split tune --edits 3

Each stretch of wrong tokens (between two right ones, benchmarks/devdata.py) is replaced
by the gold's text in its place, as a corrector that knew the answer would: for every
stretch (what correcting words can reach at most), and for the stretches the corrector
touches with a correction or a flag (its own corrections and flags, made perfect). Each
of the two is also read for the stretches within a lexicon corrector's reach: the gold's
words all words of the lexicon, at most `--edits` character edits from the OCR's, each
side's words run together (the space of a split or joined word costs no edit: `etde`
for `et de` is within reach). The rest of the character errors are spaces,
punctuation, line and page furniture, and tokens the gold has that the OCR lost. Prints
each as a reduction of the character error rate, raw and normalised as ocr_quality.py
does.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from pathlib import Path

import devdata
from rapidfuzz.distance import Levenshtein

Reach = Callable[[Sequence[devdata.Token], Sequence[devdata.Token]], bool]


Stretch = tuple[list[devdata.Token], list[devdata.Token]]  # the OCR's tokens, the gold's


def stretches(pair: devdata.Pair) -> list[Stretch]:
    """The document's stretches of wrong tokens, between two right ones."""
    found: list[Stretch] = []
    ocr: list[devdata.Token] = []
    gold: list[devdata.Token] = []
    for run in [*devdata.runs(pair.ocr, pair.gold), devdata.Run("equal", (), ())]:
        if run.tag != "equal":
            ocr += run.ocr
            gold += run.gold
            continue
        if ocr:  # a stretch the gold alone has (text the OCR lost) has nothing to correct
            found.append((ocr, gold))
        ocr, gold = [], []
    return found


def perfect(
    pair: devdata.Pair,
    wrong: list[Stretch],
    touched: set[int] | None,
    reach: Reach | None = None,
) -> list[devdata.Change]:
    """The gold's text over each stretch of wrong tokens (those touched, if given; those
    within reach, if given)."""
    return [
        devdata.Change(
            ocr[0].start, ocr[-1].end, pair.gold[gold[0].start : gold[-1].end] if gold else ""
        )
        for ocr, gold in wrong
        if (touched is None or any(t.start in touched for t in ocr))
        and (reach is None or reach(ocr, gold))
    ]


def within(edits: int, is_known: Callable[[str], bool]) -> Reach:
    """Whether a lexicon corrector could read the gold in a stretch: its words are all
    known, at most `edits` character edits from the OCR's words run together."""

    def reach(ocr: Sequence[devdata.Token], gold: Sequence[devdata.Token]) -> bool:
        if not gold or not all(is_known(token.core) for token in gold):
            return False
        printed = devdata.key("".join(token.core for token in ocr))
        meant = devdata.key("".join(token.core for token in gold))
        return Levenshtein.distance(printed, meant, score_cutoff=edits) <= edits

    return reach


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=devdata.SPLITS, default="heldout")
    parser.add_argument("--data", type=Path, default=devdata.DEV_DATA)
    parser.add_argument("--edits", type=int, default=2, help="a lexicon corrector's reach")
    args = parser.parse_args()
    from teiforge.ocr import load_corrector
    from teiforge.ocr.corrector import Passage

    corrector = load_corrector()
    reach = within(args.edits, corrector.lexicon.is_known)
    in_reach = f"within {args.edits} edits of known words"
    names = (
        "before",
        "the corrector",
        f"perfect: its detections {in_reach}",
        "perfect: its detections",
        f"perfect: every error {in_reach}",
        "perfect: every error",
    )
    raw = dict.fromkeys(names, 0)
    normalised = dict.fromkeys(names, 0)
    for pair in devdata.pairs(args.split, args.data):
        offsets = devdata.lines(pair.ocr)
        proposals = corrector.propose([Passage(line) for _, line in offsets])
        changes = [
            devdata.Change(offsets[p.passage][0] + p.start, offsets[p.passage][0] + p.end, p.corr)
            for p in proposals
        ]
        touched = {
            token.start
            for token in devdata.tokens(pair.ocr)
            if any(c.start < token.end and token.start < c.end for c in changes)
        }
        wrong = stretches(pair)
        readings = dict(
            zip(
                names,
                (
                    pair.ocr,
                    devdata.apply(pair.ocr, changes),
                    devdata.apply(pair.ocr, perfect(pair, wrong, touched, reach)),
                    devdata.apply(pair.ocr, perfect(pair, wrong, touched)),
                    devdata.apply(pair.ocr, perfect(pair, wrong, None, reach)),
                    devdata.apply(pair.ocr, perfect(pair, wrong, None)),
                ),
                strict=True,
            )
        )
        gold = devdata.normalise(pair.gold)
        for name, text in readings.items():
            raw[name] += Levenshtein.distance(text, pair.gold)
            normalised[name] += Levenshtein.distance(devdata.normalise(text), gold)
    width = max(map(len, names))
    print(f"{args.split}: character errors, raw / normalised (hyphenation, u/v, i/j)")
    for name in names:
        print(
            f"  {name:{width}} {raw[name]:7,} ({1 - raw[name] / raw['before']:6.1%} fewer)"
            f"  {normalised[name]:7,} ({1 - normalised[name] / normalised['before']:6.1%} fewer)"
        )


if __name__ == "__main__":
    main()
