"""The encoding scored against hand encodings (tests/reference/*.toml; tests/scoring.py):
the seed blind (no corpus files) and as the corpus edition (with its authority file), and
a made-up text whose truth is known. `python benchmarks/encoding_score.py` prints the table."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from scoring import load_reference, score
from support import REPO
from teiforge.config import find_config
from teiforge.corpus import options_from
from teiforge.encode import EncodeOptions, encode
from teiforge.read import read_source

SEED = REPO / "seeds" / "000_9de8f81969a03aea.txt"


def _overall(reference: Path, options: EncodeOptions, source: Path) -> float:
    scores = score(
        load_reference(reference), etree.fromstring(encode(read_source(source), options))
    )
    return sum(scores.values()) / len(scores)


def test_seed_blind() -> None:
    assert _overall(REPO / "tests" / "reference" / "seed.toml", EncodeOptions(), SEED) >= 0.85


def test_seed_corpus_edition() -> None:
    options = options_from(find_config(REPO))
    assert _overall(REPO / "tests" / "reference" / "seed.toml", options, SEED) >= 0.95


@pytest.mark.parametrize("case", ["scholarly"])
def test_made_up_text_scores_full(case: str) -> None:
    source = REPO / "tests" / "cases" / case / "input.txt"
    assert _overall(REPO / "tests" / "reference" / f"{case}.toml", EncodeOptions(), source) == 1.0
