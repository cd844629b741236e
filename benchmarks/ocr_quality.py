"""How well the OCR corrector does, on development data it was not tuned on.

    pip install rapidfuzz
    python benchmarks/ocr_quality.py                    # the held-out split of ../shared/data/ocr-fr-dev
    python benchmarks/ocr_quality.py --split all --data DIR   # any folder of NNN.ocr.txt + NNN.gold.txt

Prints token-level detection (precision, recall, F1: a token is detected when a
correction or a flag touches it), correction (tokens changed, and how many became the
gold), harm (the share of right tokens the corrected reading changed), the character
error rate before and after (raw, and on texts normalised for the gold's conventions:
hyphenation, u/v, i/j; see benchmarks/devdata.py), the start-up
time and the speed on one core. The alignment is described in benchmarks/devdata.py.
The editor's corrections file plays no part: this is the automatic corrector alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import devdata

CERTS = ("high", "medium", "low")
LONG = 15_000  # characters: the set's few long books, apart from its many short pages


def _reduction(part: devdata.Tally) -> float:
    before = part.normalised_cer_before
    return 1 - part.normalised_cer_after / before if before else 0.0


def start_up() -> tuple[object, float]:
    started = time.perf_counter()
    from teiforge.ocr import load_corrector

    corrector = load_corrector()
    return corrector, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=devdata.SPLITS, default="heldout")
    parser.add_argument("--data", type=Path, default=devdata.DEV_DATA)
    args = parser.parse_args()
    corrector, startup = start_up()
    from teiforge.ocr.corrector import Corrector, Passage

    assert isinstance(corrector, Corrector)
    total = devdata.Tally()
    by_length = {"short": devdata.Tally(), "long": devdata.Tally()}
    by_cert = dict.fromkeys(CERTS, 0)
    tokens = documents = 0
    elapsed = 0.0
    for pair in devdata.pairs(args.split, args.data):
        offsets = devdata.lines(pair.ocr)
        started = time.process_time()
        proposals = corrector.propose([Passage(line) for _, line in offsets])
        elapsed += time.process_time() - started
        changes = [
            devdata.Change(offsets[p.passage][0] + p.start, offsets[p.passage][0] + p.end, p.corr)
            for p in proposals
        ]
        for proposal in proposals:
            by_cert[proposal.cert] += 1
        tally = devdata.tally(pair, changes)
        total.add(tally)
        by_length["long" if len(pair.ocr) > LONG else "short"].add(tally)
        tokens += len(devdata.tokens(pair.ocr))
        documents += 1
    reduction = 1 - total.cer_after / total.cer_before if total.cer_before else 0.0
    normalised_reduction = (
        1 - total.normalised_cer_after / total.normalised_cer_before
        if total.normalised_cer_before
        else 0.0
    )
    print(f"data: {args.data} ({args.split}: {documents} documents, {tokens} tokens)")
    print(f"tokens: {total.wrong} wrong, {total.right} right")
    print(
        f"detection: precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}"
    )
    print(
        f"proposals: {by_cert['high']} corrections cert high, {by_cert['medium']} medium, "
        f"{by_cert['low']} flags (sic alone)"
    )
    print(
        f"corrected tokens: {total.corrected}, of which {total.fixed} now equal the gold "
        f"({total.fixed / max(1, total.corrected):.1%})"
    )
    print(f"harm: {total.harmed} right tokens changed = {total.harm:.3%}")
    print(f"CER: {total.cer_before:.4%} -> {total.cer_after:.4%} ({reduction:.1%} fewer errors)")
    print(
        f"CER, normalised (hyphenation, u/v, i/j): {total.normalised_cer_before:.4%} -> "
        f"{total.normalised_cer_after:.4%} ({normalised_reduction:.1%} fewer errors)"
    )
    for name, part in by_length.items():
        if part.wrong + part.right:
            print(
                f"  {name} documents ({'over' if name == 'long' else 'up to'} {LONG:,} characters): "
                f"F1 {part.f1:.3f} (P {part.precision:.3f}, R {part.recall:.3f}), harm "
                f"{part.harm:.3%}, normalised CER {_reduction(part):.1%} fewer errors"
            )
    print(f"start-up: {startup:.2f} s")
    print(f"speed: {tokens / elapsed:,.0f} tokens/s on one core (CPU time of propose)")


if __name__ == "__main__":
    main()
