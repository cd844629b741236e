"""Learn when a rare word of the lexicon is a misread common word (dé for de: the
lookalikes of src/teiforge/ocr/lookalikes.py) from the tuning split of the development data.

    pip install rapidfuzz
    python tools/learn_lookalikes.py     # reads ../shared/data/ocr-fr-dev (or TEIFORGE_OCR_DEV)

1. Samples: every word the shipped corrector leaves alone (guard "known", no other
   proposal) that has a common variant, labelled by the alignment: right, the variant is
   the gold's reading (a fix), or another error.
2. Features: lookalikes.FEATURES. The bigram model (context.py) is counted on the gold of
   the tuning split, so it knows those documents' word pairs; each sample's context
   features are computed with bigrams counted without its own fold of documents, as the
   shipped bigrams will be for a document they never saw.
3. P(fix) (the variant is the gold's): a logistic regression, cross-validated over FOLDS
   folds of documents (by number). A correction (cert medium) is made down to the
   P(fix) where the corrections, taken in decreasing P(fix), stop being fixes PRECISION
   of the time (scanned until WINDOW in a row fall short). The weights written are
   learned on all the samples. (Flags, by a P(error) model, were tried and dropped: see
   lookalikes.py.)

Writes src/teiforge/data/ocr/lookalikes.json. Only statistics leave the data; held-out
documents (benchmarks/devdata.py) are never read. Separate from tools/learn_ocr_model.py,
whose files it does not change; run after it.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tools"))

import devdata
from learn_ocr_model import BIGRAM_WORDS, ELIDED, MIN_PAIR
from ocr_training import fit

from teiforge.ocr import load_corrector
from teiforge.ocr.context import Bigrams
from teiforge.ocr.corrector import Passage
from teiforge.ocr.lexicon import LEXICAL, Lexicon
from teiforge.ocr.lookalikes import FEATURES, Found, Lookalikes, Reading, _logistic
from teiforge.ocr.realword import tokens_of
from teiforge.ocr.words import WORD

DATA = ROOT / "src" / "teiforge" / "data" / "ocr"
FOLDS = 5
PRECISION = 0.8
WINDOW = 20
RIGHT, FIX, OTHER = "right", "fix", "other"


@dataclasses.dataclass
class _Recorder(Lookalikes):
    """The corrector's lookalikes step, recording what it is given instead of proposing."""

    seen: list[tuple[Found, AbstractSet[tuple[int, int]]]] = dataclasses.field(default_factory=list)

    def proposals(
        self, found: Found, taken: AbstractSet[tuple[int, int]]
    ) -> list[tuple[int, int, int, str, str | None, str, str, float]]:
        self.seen.append((found, taken))
        return []


@dataclasses.dataclass(frozen=True)
class Sample:
    document: int
    reading: Reading
    label: str


def samples(split: str = "tune") -> list[Sample]:
    # The shipped corrector, its lookalikes recording what they are asked: the classes
    # asked after them (capitals, hyphens, digits, stray letters) change nothing they see.
    shipped = load_corrector()
    recorder = _Recorder(shipped.lexicon, shipped.channel, shipped.bigrams, (), 1.0)
    corrector = dataclasses.replace(shipped, lookalikes=recorder)
    found_samples = []
    for pair in devdata.pairs(split):
        by_start = {a.token.start: a for a in devdata.align(pair.ocr, pair.gold)}
        regions = devdata.stretches(pair.ocr, pair.gold)
        offsets = devdata.lines(pair.ocr)
        recorder.seen.clear()
        corrector.propose([Passage(line) for _, line in offsets])
        found, taken = recorder.seen[0]
        for reading in recorder.readings(found, taken):
            start = offsets[reading.passage][0] + reading.word.start
            token = by_start.get(start)
            if token is None or token.token.end != start + len(reading.word.text):
                continue
            if token.right:
                label = RIGHT
            elif devdata.reads_as_gold(reading.suggestion, regions.get(start, ())):
                label = FIX
            else:
                label = OTHER
            found_samples.append(Sample(pair.number, reading, label))
    return found_samples


def document_bigrams(lexicon: Lexicon, split: str = "tune") -> dict[int, tuple[Counter, Counter]]:
    """Each document's counts, as tools/learn_ocr_model.py counts them for bigrams.tsv.gz."""
    ranked = sorted((w for w, c in lexicon.codes.items() if c & LEXICAL), key=lexicon.zipf)
    vocabulary = set(ranked[-BIGRAM_WORDS:]) | set(ELIDED)
    counts = {}
    for pair in devdata.pairs(split):
        unigrams: Counter[str] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        for line in pair.gold.split("\n"):
            tokens = [t for w in WORD.findall(line) for t in tokens_of(w)]
            unigrams.update(t for t in tokens if t in vocabulary)
            pairs.update(
                (a, b) for a, b in itertools.pairwise(tokens) if a in vocabulary and b in vocabulary
            )
        counts[pair.number] = (unigrams, pairs)
    return counts


def without_fold(counts: dict[int, tuple[Counter, Counter]], fold: int) -> Bigrams:
    unigrams: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for number, (document_unigrams, document_pairs) in counts.items():
        if number % FOLDS != fold:
            unigrams.update(document_unigrams)
            pairs.update(document_pairs)
    return Bigrams(dict(unigrams), {k: n for k, n in pairs.items() if n >= MIN_PAIR})


def threshold(scored: Sequence[tuple[float, bool]], precision: float) -> float:
    """The lowest score down to which the items, in decreasing score, are good
    `precision` of the time, overall; scanned until WINDOW items in a row fall short."""
    ordered = sorted(scored, key=lambda item: -item[0])
    chosen, good = 1.0, 0
    for taken, (score, is_good) in enumerate(ordered, start=1):
        good += is_good
        recent = [g for _, g in ordered[max(0, taken - WINDOW) : taken]]
        if taken >= WINDOW and sum(recent) / WINDOW < precision:
            break
        if good / taken >= precision:
            chosen = score
    return chosen


def main() -> None:
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    found = samples()
    lexicon = Lexicon.load()
    counts = document_bigrams(lexicon)
    rows: dict[int, tuple[float, ...]] = {}
    for fold in range(FOLDS):
        bigrams = without_fold(counts, fold)
        for n, sample in enumerate(found):
            if sample.document % FOLDS == fold:
                rows[n] = sample.reading.values(lexicon, bigrams)
    # Out-of-fold P(fix) and the label of every sample.
    scored: list[tuple[float, str]] = []
    for fold in range(FOLDS):
        train = [n for n, s in enumerate(found) if s.document % FOLDS != fold]
        fix = fit(
            [rows[n] for n in train], [found[n].label == FIX for n in train], [1.0] * len(train)
        )
        for n, sample in enumerate(found):
            if sample.document % FOLDS == fold:
                scored.append((_logistic(fix, rows[n]), sample.label))
    correct = threshold([(p_fix, label == FIX) for p_fix, label in scored], PRECISION)
    corrections = Counter(label for p_fix, label in scored if p_fix >= correct)
    labels = [s.label == FIX for s in found]
    weights = fit([rows[n] for n in range(len(found))], labels, [1.0] * len(found))
    data = {
        "features": list(FEATURES),
        "fix": [round(w, 6) for w in weights],
        "thresholds": {"correct": round(correct, 4)},
        "tuning": {
            "split": "tune",
            "folds": FOLDS,
            "samples": dict(Counter(s.label for s in found)),
            "cross_validated_corrections": dict(corrections),
        },
    }
    (DATA / "lookalikes.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(data["thresholds"]), json.dumps(data["tuning"]))


if __name__ == "__main__":
    main()
