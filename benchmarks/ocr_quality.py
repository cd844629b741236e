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
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import devdata

if TYPE_CHECKING:
    from teiforge.ocr.corrector import Proposal

CERTS = ("high", "medium", "low")
LINE_END = "line-end"  # the proposer of lost line ends: layout, scored per gold convention
SPEED_BAR = 10_000  # tokens/s on one core: the bar
LONG = 15_000  # characters: the set's few long books, apart from its many short pages


def _reduction(part: devdata.Tally) -> float:
    before = part.normalised_cer_before
    return 1 - part.normalised_cer_after / before if before else 0.0


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def floor_of(corrector: object) -> Callable[[str], int]:
    """The least a corrector must do with a passage, timed in the same run: cut it into
    words and look each up in the lexicon."""
    from teiforge.ocr.corrector import Corrector
    from teiforge.ocr.words import words

    assert isinstance(corrector, Corrector)
    known = corrector.lexicon.is_known

    def floor(text: str) -> int:
        return sum(known(word.text) for word in words(text))

    return floor


@dataclass(frozen=True)
class Judged:
    """A correction with cert high, judged against the gold: right when every token it
    touches was wrong and now reads as the gold's words in its place."""

    document: int
    proposer: str
    sic: str
    corr: str
    context: str  # the line around it
    gold: str  # the gold's words in the place of the tokens it touches
    right: bool


def judge_high(
    pair: devdata.Pair, offsets: list[tuple[int, str]], proposals: Sequence[Proposal]
) -> list[Judged]:
    aligned = devdata.align(pair.ocr, pair.gold)
    stretches = devdata.stretches(pair.ocr, pair.gold)
    found = []
    for p in proposals:
        if p.cert != "high" or p.corr is None:
            continue
        start = offsets[p.passage][0] + p.start
        end = offsets[p.passage][0] + p.end
        change = devdata.Change(start, end, p.corr)
        touched = [a for a in aligned if a.token.start < end and start < a.token.end]
        right = bool(touched) and all(
            not a.right
            and devdata.reads_as_gold(
                devdata.corrected_token(pair.ocr, a.token, [change]), stretches[a.token.start]
            )
            for a in touched
        )
        gold = " ".join(a.gold if not a.right else a.token.core for a in touched)
        line = offsets[p.passage][1]
        context = f"{line[max(0, p.start - 40) : p.start]}[{p.sic}]{line[p.end : p.end + 40]}"
        found.append(Judged(pair.number, p.proposer, p.sic, p.corr, context, gold, right))
    return found


def report_high(judged: list[Judged], listing: bool) -> None:
    by_proposer: dict[str, list[bool]] = {}
    for item in judged:
        by_proposer.setdefault(item.proposer, []).append(item.right)
    right = sum(item.right for item in judged)
    print(
        f"cert high, judged against the gold: {right} of {len(judged)} right "
        f"({right / max(1, len(judged)):.1%}); "
        + ", ".join(f"{k} {sum(v)}/{len(v)}" for k, v in sorted(by_proposer.items()))
    )
    if listing:
        for item in judged:
            mark = "right" if item.right else "WRONG"
            print(
                f"  {mark} {item.document:03d} {item.proposer}: {item.sic} -> {item.corr} "
                f"(gold {item.gold!r}) | {item.context}"
            )


def start_up() -> tuple[object, float]:
    started = time.perf_counter()
    from teiforge.ocr import load_corrector

    corrector = load_corrector()
    return corrector, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=devdata.SPLITS, default="heldout")
    parser.add_argument("--data", type=Path, default=devdata.DEV_DATA)
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="CODE",
        help="leave out a proposer's proposals (its words are not given back to the others)",
    )
    parser.add_argument(
        "--line-ends",
        choices=("gold", "corrected", "diplomatic"),
        default="gold",
        help="which reading of the lost line ends is scored: the gold's convention (joined "
        "where the gold joins them), always joined, never",
    )
    parser.add_argument(
        "--high",
        action="store_true",
        help="judge every correction with cert high against the gold: its precision, by proposer",
    )
    parser.add_argument(
        "--list-high",
        action="store_true",
        help="with --high, print each (word, its line, correction, verdict); not on the "
        "held-out split",
    )
    args = parser.parse_args()
    if args.list_high and args.split == "heldout":
        parser.error("the held-out split is never read word by word (--list-high)")
    judged: list[Judged] = []
    corrector, startup = start_up()
    from teiforge.ocr.corrector import Corrector, Passage

    assert isinstance(corrector, Corrector)
    total = devdata.Tally()
    by_length = {"short": devdata.Tally(), "long": devdata.Tally()}
    by_cert = dict.fromkeys(CERTS, 0)
    tokens = documents = 0
    elapsed = floor_elapsed = 0.0
    by_proposer: Counter[str] = Counter()
    floor = floor_of(corrector)
    for read in devdata.pairs(args.split, args.data):
        # One Unicode form: the books' transcriptions write some accents as combining marks
        # (congres-ethnographique-1881: 1,654), which their OCR and ocr-fr-dev never do.
        pair = devdata.Pair(read.number, nfc(read.ocr), nfc(read.gold))
        offsets = devdata.lines(pair.ocr)
        started = time.process_time()
        proposals = corrector.propose([Passage(line) for _, line in offsets])
        elapsed += time.process_time() - started
        proposals = [p for p in proposals if p.proposer not in args.without]
        changes: dict[bool, list[devdata.Change]] = {True: [], False: []}
        for p in proposals:
            start = offsets[p.passage][0]
            changes[p.proposer == LINE_END].append(
                devdata.Change(start + p.start, start + p.end, p.corr)
            )
            by_cert[p.cert] += 1
            by_proposer[p.proposer] += 1
        started = time.process_time()
        for _, line in offsets:
            floor(line)
        floor_elapsed += time.process_time() - started
        tally = devdata.tally(pair, changes[False], changes[True], args.line_ends)
        if args.high:
            judged += judge_high(pair, offsets, proposals)
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
    print(
        f"line ends the OCR lost, joined in the corrected reading: {by_proposer[LINE_END]} "
        f"(--line-ends {args.line_ends}: scored joined in {total.joined_convention} "
        "documents, as the diplomatic reading, hyphen kept, in the others)"
    )
    print("proposals by proposer: " + ", ".join(f"{k} {v}" for k, v in sorted(by_proposer.items())))
    if args.high:
        report_high(judged, args.list_high)
    print(f"start-up: {startup:.2f} s")
    speed = tokens / elapsed
    print(
        f"speed: {speed:,.0f} tokens/s on one core (CPU time of propose), "
        f"{speed / SPEED_BAR:.2f}x the bar of {SPEED_BAR:,}; "
        f"{elapsed / max(floor_elapsed, 1e-9):.1f}x the floor (words cut and looked up, "
        f"{tokens / max(floor_elapsed, 1e-9):,.0f} tokens/s, same run)"
    )


if __name__ == "__main__":
    main()
