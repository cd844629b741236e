"""The OCR channel, learned from the tuning split of the development data: what the OCR
printed for what the page had.

OCR tokens are aligned with the gold (benchmarks/devdata.py); every replaced run of at
most two words whose gold differs by at most 40% of its characters (more is a
misalignment, or a gold with errors of its own) is aligned character by character, and
each maximal stretch of edits is one confusion: "rn" for "m", "-" for "" (a hyphen left
inside a word), "ô" for "o". Differences that are conventions of the gold rather than OCR
errors are skipped: u/v and i/j (the gold of old texts modernises them), the case of a
first letter, a missing word part (Mme: me).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import devdata
from rapidfuzz.distance import Levenshtein

MAX_DISTANCE = 0.4
MAX_SEGMENT = 2  # characters on either side of a confusion
MIN_COUNT = 3
REVERSE_SHARE = 0.5
_PAGE = re.compile(r"[^\W\d_' -]*|[^\W\d_]*['’ -][^\W\d_]*")  # what a word part may be
_LETTER = re.compile(r"[^\W\d_]")
_OLD_LETTERS = str.maketrans("uvjiUVJI", "vvjjVVJJ")


def error_pairs(split: str = "tune") -> Iterator[tuple[str, str]]:
    """(what the OCR read, what the gold has) for every usable error run."""
    for pair in devdata.pairs(split):
        for run in devdata.runs(pair.ocr, pair.gold):
            if run.tag != "replace" or len(run.ocr) > 2 or len(run.gold) > 2:
                continue
            ocr = " ".join(t.core for t in run.ocr)
            gold = " ".join(t.core for t in run.gold)
            if not _LETTER.search(ocr + gold):
                continue
            if Levenshtein.normalized_distance(ocr, gold) > MAX_DISTANCE:
                continue
            if ocr.translate(_OLD_LETTERS) == gold.translate(_OLD_LETTERS):
                continue
            if ocr[1:] == gold[1:] and ocr[:1].lower() == gold[:1].lower():
                continue
            yield ocr, gold


def confusions(ocr: str, gold: str) -> Iterator[tuple[str, str]]:
    """Maximal stretches of character edits: (OCR's characters, gold's characters)."""
    stretch: list[int] | None = None
    for op in Levenshtein.opcodes(ocr, gold):
        if op.tag == "equal":
            if stretch:
                yield ocr[stretch[0] : stretch[1]], gold[stretch[2] : stretch[3]]
            stretch = None
        elif stretch is None:
            stretch = [op.src_start, op.src_end, op.dest_start, op.dest_end]
        else:
            stretch[1], stretch[3] = op.src_end, op.dest_end
    if stretch:
        yield ocr[stretch[0] : stretch[1]], gold[stretch[2] : stretch[3]]


def learn(split: str = "tune") -> list[tuple[str, str, float, int]]:
    """(printed, page string, count, how often the page string occurs) per confusion.
    Visual confusions go both ways: a learned substitution lends half its count to its
    reverse when the reverse was not seen as often (not a lost or an added character)."""
    counts: Counter[tuple[str, str]] = Counter()
    for ocr, gold in error_pairs(split):
        for seen, meant in confusions(ocr, gold):
            if len(seen) > MAX_SEGMENT or len(meant) > MAX_SEGMENT or not _PAGE.fullmatch(meant):
                continue
            if "-" in seen + meant:
                continue  # hyphenation is layout
            if not meant and (len(seen) > 1 or "'" in seen or seen.isupper()):
                continue  # the gold lacks a word part (Mme: me): a convention, not OCR
            counts[seen, meant] += 1
    kept = {key: float(n) for key, n in counts.items() if n >= MIN_COUNT}
    for (seen, meant), n in list(kept.items()):
        if (
            seen
            and meant
            and _PAGE.fullmatch(seen)
            and kept.get((meant, seen), 0.0) < n * REVERSE_SHARE
        ):
            kept[meant, seen] = n * REVERSE_SHARE
    # How often the page had each string: the denominators of the channel.
    wanted = {meant for _, meant in kept}
    totals: Counter[str] = Counter()
    for pair in devdata.pairs(split):
        words = [t.core for t in devdata.tokens(pair.gold)]
        totals[""] += sum(len(w) + 1 for w in words)
        totals[" "] += len(words)
        for word in words:
            for size in range(1, MAX_SEGMENT + 1):
                for index in range(len(word) - size + 1):
                    piece = word[index : index + size]
                    if piece in wanted:
                        totals[piece] += 1
    return [(seen, meant, n, totals[meant]) for (seen, meant), n in kept.items()]


def write(path: Path, split: str = "tune") -> int:
    rules = sorted(learn(split), key=lambda rule: (-rule[2], rule[0], rule[1]))
    lines = ["# printed\tpage\tcount\ttimes the page string occurs (tools/learn_ocr_model.py)"]
    lines += [f"{seen}\t{meant}\t{n:g}\t{total}" for seen, meant, n, total in rules]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rules)
