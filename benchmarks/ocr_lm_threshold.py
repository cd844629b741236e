"""Learn how sure the `lm` proposer (ocr/in_context.py) must be, by the document's noise.

    python benchmarks/ocr_lm_threshold.py --data ../shared/data/ocr-fr-dev \
        --data ../shared/data/ocr-fr-hipe/train

On the tuning split of each data set, every word of the confusions' table that a guard
calls known is scored in context (its log10 odds, prior counted) in every document that
is no old text, whatever the odds; each is judged against the gold as a correction would
be: fixed (the token was wrong and now reads as the gold), harm (a right token changed),
or neither. A correction is made when odds >= a - b log10(noise), noise the share of the
document's words that no lexicon knows (0.1% at least); the grid search keeps
the (a, b) that make the most tokens the gold's less HARM times the right tokens changed,
over all data sets together, and prints the best few with their counts by data set and
by noise. Never run on the held-out split.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import devdata

HARM = 5  # a right word changed weighs five words made the gold's
INTERCEPTS = [x / 4 for x in range(24)]
SLOPES = [x / 4 for x in range(16)]
BANDS = ((0, 0.01), (0.01, 0.02), (0.02, 0.04), (0.04, 0.08), (0.08, 1.01))


@dataclass(frozen=True)
class Scored:
    data: str
    odds: float
    noise: float
    fixed: bool
    harm: bool


def scored(data: Path) -> Iterator[Scored]:
    from teiforge.ocr import load_corrector
    from teiforge.ocr.corrector import Passage
    from teiforge.ocr.in_context import _cased, noise
    from teiforge.ocr.typography import fold

    corrector = load_corrector()
    judge = corrector.in_context
    assert judge is not None
    for pair in devdata.pairs("tune", data):
        offsets = devdata.lines(pair.ocr)
        passages = [Passage(line) for _, line in offsets]
        # the words the other proposers take are not the lm's to question
        taken = {(p.passage, p.start) for p in corrector.propose(passages) if p.proposer != "lm"}
        examined = corrector.examine([replace(p, text=fold(p.text)) for p in passages])
        share = noise([(e.passage, e.word, e.guard) for e in examined])
        if share is None:
            continue  # an old text: never questioned
        aligned = devdata.align(pair.ocr, pair.gold)
        stretches = devdata.stretches(pair.ocr, pair.gold)
        for item in examined:
            if item.guard != "known" or (item.passage, item.word.start) in taken:
                continue
            decided = judge.odds(fold(passages[item.passage].text), item.word)
            if decided is None:
                continue
            start = offsets[item.passage][0] + item.word.start
            end = offsets[item.passage][0] + item.word.end
            change = devdata.Change(start, end, _cased(decided[0], item.word.text))
            touched = [a for a in aligned if a.token.start < end and start < a.token.end]
            if not touched:
                continue
            fixed = all(
                not a.right
                and devdata.reads_as_gold(
                    devdata.corrected_token(pair.ocr, a.token, [change]), stretches[a.token.start]
                )
                for a in touched
            )
            harm = all(a.right for a in touched)
            yield Scored(data.name, decided[1], share, fixed, harm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append", required=True)
    args = parser.parse_args()
    rows = [row for data in args.data for row in scored(data)]

    def chosen(a: float, b: float) -> list[Scored]:
        return [r for r in rows if r.odds >= a - b * math.log10(max(r.noise, 1e-3))]

    def net(part: list[Scored]) -> int:
        return sum(r.fixed for r in part) - HARM * sum(r.harm for r in part)

    def counts(part: list[Scored]) -> str:
        by_data = sorted({r.data for r in rows})
        return "; ".join(
            f"{name}: {sum(r.data == name for r in part)} proposals, "
            f"{sum(r.fixed for r in part if r.data == name)} fixed, "
            f"{sum(r.harm for r in part if r.data == name)} right words changed"
            for name in by_data
        )

    grid = sorted(((net(chosen(a, b)), a, b) for a in INTERCEPTS for b in SLOPES), reverse=True)
    print(f"{len(rows)} words scored; odds >= a - b log10(noise), best by fixed - {HARM} x harm:")
    for value, a, b in grid[:5]:
        print(f"  a {a:.2f} b {b:.2f}: net {value} ({counts(chosen(a, b))})")
    _, a, b = grid[0]
    for low, high in BANDS:
        part = [r for r in chosen(a, b) if low <= r.noise < high]
        print(f"  noise {low:.0%}-{high:.0%}: {counts(part)}")


if __name__ == "__main__":
    main()
