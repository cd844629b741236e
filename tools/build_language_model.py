"""Build the OCR corrector's word trigram model: src/teiforge/data/ocr/trigrams_kn.bin.

    python tools/build_language_model.py [--corpus ../shared/data/corpus-fr/eltec-fra-plain1.txt.gz]

Source: the plain text of 94 French novels of 1840-1920 of ELTeC-fra (COST-ELTeC, public
domain; see ../shared/data/README.md), about 9.7 million words. No OCR data is read.

Model: interpolated Kneser-Ney with one discount per order (D = n1 / (n1 + 2 n2)), the
lower orders on continuation counts, as SRILM's `-interpolate -kndiscount` and KenLM's
lmplz build it (one discount instead of three). Pruned: a word the novels print fewer
than `MIN_WORD` times is `<unk>`, a bigram seen fewer than `MIN_BIGRAM` times and a
trigram fewer than `MIN_TRIGRAM` times are left out (the backoff weights keep their
unpruned values: the model is not renormalised, which ranking does not need). The
format is described in src/teiforge/ocr/ngrams.py. `--arpa FILE` also writes the same
model as an ARPA file, for KenLM (kenlm-ex) to load.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import math
import sys
import time
from array import array
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from teiforge.ocr.ngrams import NAME, STEP, UNKNOWN, NGrams, tokens

CORPUS = ROOT.parent / "shared" / "data" / "corpus-fr" / "eltec-fra-plain1.txt.gz"
OUTPUT = ROOT / "src" / "teiforge" / "data" / "ocr" / NAME
MIN_WORD = 3
MIN_BIGRAM = 2
MIN_TRIGRAM = 2
BOUNDARY = "."  # a paragraph starts after a full stop, as the corrector reads it


def quantised(logp: float) -> int:
    return min(255, max(0, round(-logp / STEP)))


def discount(counts: Counter[int] | dict[int, int]) -> float:
    n1 = sum(1 for c in counts.values() if c == 1)
    n2 = sum(1 for c in counts.values() if c == 2)
    return n1 / (n1 + 2 * n2) if n1 + n2 else 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--arpa", type=Path)
    args = parser.parse_args()
    started = time.perf_counter()
    with gzip.open(args.corpus, "rt", encoding="utf-8") as stream:
        paragraphs = [tokens(line) for line in stream if line.strip()]
    frequency = Counter(t for p in paragraphs for t in p)
    vocabulary = [UNKNOWN, *sorted(w for w, c in frequency.items() if c >= MIN_WORD)]
    ids = {w: i for i, w in enumerate(vocabulary)}
    size = len(vocabulary)
    stream_ids = array("I")
    boundary = ids[BOUNDARY]
    for paragraph in paragraphs:
        stream_ids.append(boundary)
        stream_ids.extend(ids.get(t, 0) for t in paragraph)
    del paragraphs
    print(f"{len(stream_ids):,} tokens, {size:,} words", file=sys.stderr)
    s = stream_ids

    bi = Counter(a * size + b for a, b in itertools.pairwise(s))
    tri = Counter((a * size + b) * size + c for a, b, c in zip(s, s[1:], s[2:], strict=False))
    print(f"counted in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    # Trigram level: raw counts; its history's count and number of continuations.
    d3 = discount(tri)
    history_count: Counter[int] = Counter()
    history_types: Counter[int] = Counter()
    # Bigram level: continuation counts N1+(. v w), and per history v.
    continuation2: Counter[int] = Counter()
    for key, count in tri.items():
        history = key // size
        history_count[history] += count
        history_types[history] += 1
        continuation2[key % (size * size)] += 1
    d2 = discount(continuation2)
    middle_count: Counter[int] = Counter()  # sum over w of N1+(. v w)
    middle_types: Counter[int] = Counter()
    continuation1: Counter[int] = Counter()  # N1+(. w): distinct bigram types ending in w
    for key, count in continuation2.items():
        middle_count[key // size] += count
        middle_types[key // size] += 1
    for key in bi:
        continuation1[key % size] += 1
    total_types = len(bi)
    unigram = [
        (continuation1[w] + 1) / (total_types + size)  # add one: every word has some mass
        for w in range(size)
    ]
    gamma1 = {v: d2 * middle_types[v] / middle_count[v] for v in middle_count}

    def p2(v: int, w: int) -> float:
        count = middle_count[v]
        if not count:
            return unigram[w]
        own = max(continuation2.get(v * size + w, 0) - d2, 0) / count
        return own + gamma1[v] * unigram[w]

    bigram_keys = sorted(k for k, c in bi.items() if c >= MIN_BIGRAM)
    trigram_keys = sorted(k for k, c in tri.items() if c >= MIN_TRIGRAM)
    kept_histories = {k // size for k in trigram_keys}
    bigram_keys = sorted(set(bigram_keys) | kept_histories)
    bigram = array("B", (quantised(math.log10(p2(k // size, k % size))) for k in bigram_keys))
    bigram_backoff = array(
        "B",
        (
            quantised(math.log10(d3 * history_types[k] / history_count[k]))
            if history_count[k]
            else 0
            for k in bigram_keys
        ),
    )

    def p3(key: int) -> float:
        history, w = key // size, key % size
        own = max(tri[key] - d3, 0) / history_count[history]
        gamma = d3 * history_types[history] / history_count[history]
        return own + gamma * p2(history % size, w)

    trigram = array("B", (quantised(math.log10(p3(k))) for k in trigram_keys))
    arrays = {
        "unigram": array("B", (quantised(math.log10(p)) for p in unigram)),
        "unigram_backoff": array(
            "B", (quantised(math.log10(gamma1.get(w, 1.0))) for w in range(size))
        ),
        "bigram_keys": array("Q", bigram_keys),
        "bigram": bigram,
        "bigram_backoff": bigram_backoff,
        "trigram_keys": array("Q", trigram_keys),
        "trigram": trigram,
    }
    data = NGrams.to_bytes(vocabulary, arrays)
    args.output.write_bytes(data)
    print(
        f"{args.output}: {size:,} words, {len(bigram_keys):,} bigrams, {len(trigram_keys):,} "
        f"trigrams, {len(data) / 1e6:.1f} MB (discounts {d2:.2f}, {d3:.2f}), "
        f"{time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    if args.arpa:
        write_arpa(args.arpa, vocabulary, arrays)


def write_arpa(path: Path, vocabulary: list[str], arrays: dict[str, array]) -> None:
    """The same model as an ARPA file (log10, quantised values), for KenLM."""
    size = len(vocabulary)
    groups: dict[int, list[str]] = defaultdict(list)
    groups[1] += ["-99\t<s>\t0", "-99\t</s>"]  # KenLM wants them; the model has none
    for w, word in enumerate(vocabulary):
        groups[1].append(
            f"{-STEP * arrays['unigram'][w]:.2f}\t{word}\t{-STEP * arrays['unigram_backoff'][w]:.2f}"
        )
    for key, logp, backoff in zip(
        arrays["bigram_keys"], arrays["bigram"], arrays["bigram_backoff"], strict=True
    ):
        words = f"{vocabulary[key // size]} {vocabulary[key % size]}"
        groups[2].append(f"{-STEP * logp:.2f}\t{words}\t{-STEP * backoff:.2f}")
    for key, logp in zip(arrays["trigram_keys"], arrays["trigram"], strict=True):
        u, v, w = key // (size * size), key // size % size, key % size
        groups[3].append(f"{-STEP * logp:.2f}\t{vocabulary[u]} {vocabulary[v]} {vocabulary[w]}")
    with path.open("w", encoding="utf-8") as out:
        out.write("\n\\data\\\n")
        for order in (1, 2, 3):
            out.write(f"ngram {order}={len(groups[order])}\n")
        for order in (1, 2, 3):
            out.write(f"\n\\{order}-grams:\n")
            out.write("\n".join(groups[order]) + "\n")
        out.write("\n\\end\\\n")


if __name__ == "__main__":
    main()
