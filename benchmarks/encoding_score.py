"""Print how the encoding of the seed (blind, and as the corpus edition) and of the made-up
scholarly case scores against their hand encodings, construct by construct.

    .venv/bin/python benchmarks/encoding_score.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from scoring import load_reference, score
from teiforge.config import find_config
from teiforge.corpus import options_from
from teiforge.encode import EncodeOptions, encode
from teiforge.read import read_source

RUNS = [
    ("seed, blind", "seed.toml", REPO / "seeds" / "000_9de8f81969a03aea.txt", EncodeOptions()),
    (
        "seed, corpus",
        "seed.toml",
        REPO / "seeds" / "000_9de8f81969a03aea.txt",
        options_from(find_config(REPO)),
    ),
    (
        "scholarly case",
        "scholarly.toml",
        REPO / "tests" / "cases" / "scholarly" / "input.txt",
        EncodeOptions(),
    ),
]


def main() -> None:
    results = {}
    for label, reference, source, options in RUNS:
        tei = etree.fromstring(encode(read_source(source), options))
        results[label] = score(load_reference(REPO / "tests" / "reference" / reference), tei)
    features = list(next(iter(results.values())))
    print(f"{'construct':<12}" + "".join(f"{label:>16}" for label in results))
    for feature in features:
        print(f"{feature:<12}" + "".join(f"{results[label][feature]:>16.2f}" for label in results))
    print(
        f"{'overall':<12}" + "".join(f"{sum(r.values()) / len(r):>16.3f}" for r in results.values())
    )


if __name__ == "__main__":
    main()
