"""The corrector on each confusion class: each case of tests/ocr/corrections.txt is a
small document and what the corrector proposes for its marked word, exactly."""

from __future__ import annotations

import re

import pytest

from support import REGENERATE, REPO
from teiforge.ocr import Passage, Proposal, load_corrector

CASES = REPO / "tests" / "ocr" / "corrections.txt"
_MARKED = re.compile(r"\[([^\]]+)\]")


def _cases() -> list[tuple[str, str]]:
    return [
        (line.split("\t")[0], line.split("\t")[1])
        for line in CASES.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]


def proposed(sentence: str) -> str:
    """What the corrector proposes for the marked word of a one-passage document."""
    mark = _MARKED.search(sentence)
    assert mark is not None, sentence
    text = _MARKED.sub(lambda m: m.group(1), sentence)
    start, end = mark.start(), mark.start() + len(mark.group(1))
    found: list[Proposal] = [
        p for p in load_corrector().propose([Passage(text)]) if p.start < end and start < p.end
    ]
    if not found:
        return "-"
    (proposal,) = found
    assert (proposal.start, proposal.end) == (start, end), proposal
    if proposal.corr is not None:
        return f"{proposal.corr} ({proposal.cert})"
    return f"sic ({proposal.suggestion})" if proposal.suggestion else "sic"


@pytest.mark.parametrize(("sentence", "expected"), _cases())
def test_correction(sentence: str, expected: str) -> None:
    assert proposed(sentence) == expected


def test_regenerate() -> None:
    """TEIFORGE_REGENERATE=1 rewrites the expectations (read the diff before committing)."""
    if not REGENERATE:
        pytest.skip("set TEIFORGE_REGENERATE=1 to rewrite tests/ocr/corrections.txt")
    lines = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sentence = line.split("\t")[0]
            line = f"{sentence}\t{proposed(sentence)}"
        lines.append(line)
    CASES.write_text("\n".join(lines) + "\n", encoding="utf-8")
