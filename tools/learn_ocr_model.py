"""Learn the OCR corrector's model from the tuning split of the development data.

    pip install rapidfuzz
    python tools/learn_ocr_model.py      # reads ../shared/data/ocr-fr-dev (or TEIFORGE_OCR_DEV)

Writes, into src/teiforge/data/ocr/:
- trigrams.tsv: letter triples of the lexicon's frequent words (what French looks like);
- confusions.tsv: the OCR channel (tools/ocr_confusions.py);
- bigrams.tsv.gz: counts of the 3,000 most frequent words and of their pairs (seen twice
  or more) in the gold: the context of real-word errors;
- model.json: the weights of P(error) and P(fix), and the thresholds (tools/ocr_training.py);
- punctuation.tsv: when a standalone 1, l or I is a misread `!` (tools/ocr_punctuation.py),
  a step of its own: it reads neither the model nor the corrector.

Only statistics leave the development data, never its texts; held-out documents
(benchmarks/devdata.py) are never read. Run after tools/build_lexicon.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import itertools

import devdata
import ocr_confusions
import ocr_punctuation
import ocr_training

from teiforge.ocr.channel import Channel
from teiforge.ocr.context import Bigrams
from teiforge.ocr.corrector import Corrector
from teiforge.ocr.features import FEATURES, Trigrams
from teiforge.ocr.lexicon import LEXICAL, Lexicon
from teiforge.ocr.model import Model, Thresholds
from teiforge.ocr.realword import tokens_of
from teiforge.ocr.words import WORD

DATA = ROOT / "src" / "teiforge" / "data" / "ocr"
FREQUENT_ZIPF = 2.0


def write_trigrams(lexicon: Lexicon, path: Path) -> int:
    counts: Counter[str] = Counter()
    for form, code in lexicon.codes.items():
        if code & LEXICAL and lexicon.zipf(form) >= FREQUENT_ZIPF:
            marked = f"^{form}$"
            counts.update({marked[i : i + 3] for i in range(len(marked) - 2)})
    lines = ["# trigram\tfrequent words that contain it (tools/learn_ocr_model.py)"]
    lines += [f"{trigram}\t{n}" for trigram, n in sorted(counts.items())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(counts)


BIGRAM_WORDS = 3000
MIN_PAIR = 2
ELIDED = ("l'", "d'", "j'", "m'", "n'", "s'", "t'", "c'", "qu'")


def write_bigrams(lexicon: Lexicon, path: Path, split: str = "tune") -> int:
    """Counts of the most frequent words and of their pairs seen twice or more."""
    ranked = sorted((w for w, c in lexicon.codes.items() if c & LEXICAL), key=lexicon.zipf)
    vocabulary = set(ranked[-BIGRAM_WORDS:]) | set(ELIDED)
    unigrams: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    for pair in devdata.pairs(split):
        for line in pair.gold.split("\n"):
            tokens = [t for w in WORD.findall(line) for t in tokens_of(w)]
            unigrams.update(t for t in tokens if t in vocabulary)
            pairs.update(
                (a, b) for a, b in itertools.pairwise(tokens) if a in vocabulary and b in vocabulary
            )
    lines = ["# word or word pair\tcount in the tuning split (tools/learn_ocr_model.py)"]
    lines += [f"{w}\t{n}" for w, n in sorted(unigrams.items())]
    lines += [f"{a} {b}\t{n}" for (a, b), n in sorted(pairs.items()) if n >= MIN_PAIR]
    with gzip.GzipFile(path, "wb", compresslevel=9, mtime=0) as out:
        out.write(("\n".join(lines) + "\n").encode("utf-8"))
    return len(lines) - 1


def main() -> None:
    # The package's data: the corrector it trains reads the files written just before.
    argparse.ArgumentParser(description=__doc__.split("\n")[0]).parse_args()
    lexicon = Lexicon.load()
    print(f"{write_trigrams(lexicon, DATA / 'trigrams.tsv')} trigrams")
    print(f"{ocr_confusions.write(DATA / 'confusions.tsv')} confusions")
    print(f"{write_bigrams(lexicon, DATA / 'bigrams.tsv.gz')} words and pairs")
    blank = Model((0.0,) * len(FEATURES), (0.0,) * len(FEATURES), Thresholds(1.0, 1.0, 1.0, 1.0))
    data = (lexicon, Channel.load(), blank, Trigrams.load(), Bigrams.load())
    # First without a document's habits (they need a model to weigh the evidence), then with.
    found, wrong, right = ocr_training.samples(Corrector(*data, adapting=False))
    learned = ocr_training.learn(found, wrong, right)
    model = Model(
        tuple(learned.error), tuple(learned.fix), Thresholds(**learned.thresholds, context=1.0)
    )
    corrector = Corrector(lexicon, data[1], model, data[3], data[4])
    found, wrong, right = ocr_training.samples(corrector)
    learned = ocr_training.learn(found, wrong, right)
    model = Model(
        tuple(learned.error), tuple(learned.fix), Thresholds(**learned.thresholds, context=1.0)
    )
    context, report = ocr_training.context_threshold(
        Corrector(lexicon, data[1], model, data[3], data[4]), right
    )
    model = {
        "features": list(FEATURES),
        "error": [round(w, 6) for w in learned.error],
        "fix": [round(w, 6) for w in learned.fix],
        "thresholds": {**learned.thresholds, "context": context},
        "tuning": {
            "split": "tune",
            "wrong_tokens": wrong,
            "right_tokens": right,
            **learned.report,
            **report,
        },
    }
    (DATA / "model.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model["thresholds"]), json.dumps(model["tuning"]))
    print(ocr_punctuation.write(DATA / "punctuation.tsv"))


if __name__ == "__main__":
    main()
