"""Learn when a standalone `1`, `l` or `I` is a misread `!` (teiforge/ocr/punctuation.py)
from the tuning split of the development data.

    python tools/ocr_punctuation.py      # also run by tools/learn_ocr_model.py

1. Word classes, from the gold's text, of words printed lowercase at least once (not
   names): an interjection is a word followed by `!` in three documents or more, and four
   times as often as by a number; a numeral, the reverse (page, de, vers); a counted word
   is preceded by a number in a tenth of its uses or more, in three documents or more
   (vol, fr, mètres).
   The document's kind, dialogue or prose, is a class too (punctuation.dialogue).
2. Samples: every standalone mark of the OCR text, its context classes, and what the
   gold has in its place: the same token (a number, right), a `!`, or something else.
3. The table: P(!) for each (left, right, kind) cell, smoothed towards P(!) of its (left,
   right) pair, of its right class, of all marks.
4. The thresholds, on P(!) estimated by cross-validation over documents (each fold's
   table learned on the other folds): a correction (cert medium) down to where the marks,
   taken in decreasing P(!), stop being a `!` PRECISION of the time (over runs of WINDOW
   marks); below it, a flag down to where they stop being errors FLAG_PRECISION of the
   time.

Only statistics leave the development data; held-out documents are never read.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import devdata

from teiforge.ocr.punctuation import (
    NUMBERING,
    UNITS,
    Lists,
    dialogue,
    left_class,
    right_class,
    standalone,
)
from teiforge.ocr.words import words

MIN_DOCUMENTS = 3
DOMINANCE = 4  # an interjection is followed by ! four times as often as by a number
COUNTED_SHARE = 0.1
SMOOTHING = 4.0  # pseudo-samples of the backed-off probability
FOLDS = 5
WINDOW = 20
PRECISION = 0.8
FLAG_PRECISION = 0.75
_TOKEN = re.compile(r"\S+")
_OUTER = re.compile(r"^\W+|\W+$")


def _is_number(token: str) -> bool:
    return bool(token) and token[0].isdigit() and _OUTER.sub("", token).isdigit()


def word_lists(gold_texts: Iterable[tuple[int, str]]) -> Lists:
    """The word classes, from the gold texts (document number, text), with the grammar's
    words that introduce a number and units."""
    exclaimed: Counter[str] = Counter()
    numbered: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    used: Counter[str] = Counter()
    lowercase: set[str] = set()  # a name (Ludovic!) is never printed lowercase
    documents: dict[tuple[str, str], set[int]] = {}
    for number, text in gold_texts:
        for line in text.split("\n"):
            tokens = _TOKEN.findall(line)
            for before, token, after in zip(["", *tokens], tokens, [*tokens[1:], ""]):
                core = _OUTER.sub("", token).lower()
                if not core.isalpha():
                    continue
                used[core] += 1
                if token.islower() or not _OUTER.sub("", token)[0].isupper():
                    lowercase.add(core)
                follows = ""
                if token.endswith("!") or after.startswith("!"):
                    follows = "!"
                elif token[-1].isalpha() and _is_number(after):
                    follows = "number"
                if follows:
                    (exclaimed if follows == "!" else numbered)[core] += 1
                    documents.setdefault((follows, core), set()).add(number)
                if _is_number(before) and before[-1].isdigit() and token[0].isalpha():
                    counted[core] += 1
                    documents.setdefault(("counted", core), set()).add(number)

    def spread(kind: str, core: str) -> bool:
        return core in lowercase and len(documents.get((kind, core), ())) >= MIN_DOCUMENTS

    return Lists(
        frozenset(
            w for w, n in exclaimed.items() if spread("!", w) and n >= DOMINANCE * (numbered[w] + 1)
        ),
        NUMBERING
        | {
            w
            for w, n in numbered.items()
            if spread("number", w) and n >= DOMINANCE * (exclaimed[w] + 1)
        },
        UNITS
        | {w for w, n in counted.items() if spread("counted", w) and n >= COUNTED_SHARE * used[w]},
    )


@dataclass(frozen=True)
class Sample:
    document: int
    text: str  # the passage (a line)
    start: int
    end: int
    label: str  # right, ! or other
    kind: str  # of the document: dialogue or prose

    def cell(self, lists: Lists) -> Cell:
        return (
            left_class(self.text, self.start, lists),
            right_class(self.text, self.end, lists),
            self.kind,
        )


def _gold_places(pair: devdata.Pair) -> dict[int, str]:
    """Each wrong OCR token (by start) -> the gold's text between its right neighbours."""
    flat: list[tuple[devdata.Token, devdata.Token | None]] = []
    for run in devdata.runs(pair.ocr, pair.gold):
        if run.tag == "equal":
            flat += list(zip(run.ocr, run.gold))
        else:
            flat += [(token, None) for token in run.ocr]
    places: dict[int, str] = {}
    last_end = 0
    for i, (token, gold) in enumerate(flat):
        if gold is not None:
            last_end = gold.end
            continue
        following = next((g for _, g in flat[i + 1 :] if g is not None), None)
        places[token.start] = pair.gold[last_end : following.start if following else None]
    return places


def samples(pairs: Iterable[devdata.Pair]) -> list[Sample]:
    found = []
    for pair in pairs:
        places = _gold_places(pair)
        kind = dialogue([line for _, line in devdata.lines(pair.ocr)])
        for offset, line in devdata.lines(pair.ocr):
            for word in words(line):
                if not standalone(word, line):
                    continue
                place = places.get(offset + word.start)
                label = (
                    "right" if place is None else "!" if place.strip().startswith("!") else "other"
                )
                found.append(Sample(pair.number, line, word.start, word.end, label, kind))
    return found


Cell = tuple[str, str, str]  # left class, right class, document kind
Counts = dict[Cell, Counter[str]]


def counts(found: Sequence[Sample], lists: Lists) -> Counts:
    table: Counts = {}
    for s in found:
        table.setdefault(s.cell(lists), Counter())[s.label] += 1
    return table


def probabilities(table: Counts) -> dict[Cell, float]:
    """P(!) of every cell seen, smoothed: (left, right, kind) towards (left, right),
    towards right, towards all marks."""
    levels: list[dict[tuple[str, ...], Counter[str]]] = [{}, {}, {}]  # keys: a parent's + 1
    for (left, right, kind), cell in table.items():
        for level, key in zip(levels, [(), (right,), (right, left)]):
            level.setdefault(key, Counter()).update(cell)
    smoothed: dict[tuple[str, ...], float] = {(): 0.5}
    for level in levels:
        for key, c in level.items():
            smoothed[key] = (c["!"] + SMOOTHING * smoothed[key[:-1]]) / (c.total() + SMOOTHING)
    return {
        cell: (c["!"] + SMOOTHING * smoothed[cell[1], cell[0]]) / (c.total() + SMOOTHING)
        for cell, c in table.items()
    }


def cross_validated(
    pairs: Sequence[devdata.Pair], found: Sequence[Sample]
) -> list[tuple[float, str]]:
    """(out-of-fold P(!), label) of every sample: each fold scored by the others' table."""
    scored = []
    for fold in range(FOLDS):
        lists = word_lists((p.number, p.gold) for p in pairs if p.number % FOLDS != fold)
        table = probabilities(counts([s for s in found if s.document % FOLDS != fold], lists))
        for s in (s for s in found if s.document % FOLDS == fold):
            scored.append((table.get(s.cell(lists), 0.0), s.label))
    return scored


def threshold(scored: Sequence[tuple[float, str]], good: set[str], precision: float) -> float:
    """The lowest probability down to which, taking the samples in decreasing order, every
    run of WINDOW of them is `good` `precision` of the time: where the marks it would take
    stop being right often enough, not where the ones taken before still make up for them.
    Samples of the same probability are taken together or not at all."""
    ordered = sorted(scored, reverse=True)
    best = 1.01
    for i, (p, _) in enumerate(ordered):
        run = ordered[max(0, i - WINDOW + 1) : i + 1]
        full = len(run) == WINDOW or i + 1 == len(ordered)
        if full and sum(label in good for _, label in run) < precision * len(run):
            break
        if i + 1 == len(ordered) or ordered[i + 1][0] < p:
            best = p
    return round(best, 4)


def write(path: Path, split: str = "tune") -> str:
    pairs = list(devdata.pairs(split))
    found = samples(pairs)
    scored = cross_validated(pairs, found)
    medium = threshold(scored, {"!"}, PRECISION)
    flag = threshold([s for s in scored if s[0] < medium], {"!", "other"}, FLAG_PRECISION)
    lists = word_lists((p.number, p.gold) for p in pairs)
    table = counts(found, lists)
    probability = probabilities(table)
    lines = [
        "# learned by tools/ocr_punctuation.py on the tuning split; P(!) of a standalone 1, l, I",
        "# threshold\tname\tvalue (P(!) from which a mark is corrected, or flagged)",
        f"threshold\tmedium\t{medium}",
        f"threshold\tflag\t{flag}",
        "# cell\tleft\tright\tdocument\t! in the gold\tother error\tright (a number)\tP(!) smoothed",
    ]
    for (left, right, kind), c in sorted(table.items()):
        lines.append(
            f"cell\t{left}\t{right}\t{kind}\t{c['!']}\t{c['other']}\t{c['right']}\t"
            f"{probability[left, right, kind]:.4f}"
        )
    lines.append("# interjection | numeral | counted\tword")
    for kind, chosen in (
        ("interjection", lists.interjections),
        ("numeral", lists.numerals),
        ("counted", lists.counted),
    ):
        lines += [f"{kind}\t{w}" for w in sorted(chosen)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    taken = [label for p, label in scored if p >= medium]
    flagged = [label for p, label in scored if flag <= p < medium]
    return (
        f"punctuation: medium {medium}, flag {flag}; cross-validated: corrections "
        f"{taken.count('!')} right / {len(taken) - taken.count('!')} wrong, flags "
        f"{flagged.count('!') + flagged.count('other')} on errors / {flagged.count('right')} "
        f"on numbers"
    )


if __name__ == "__main__":
    print(write(ROOT / "src" / "teiforge" / "data" / "ocr" / "punctuation.tsv"))
