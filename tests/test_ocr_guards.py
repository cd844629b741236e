"""Guards: each case of tests/ocr/guards.txt names the guard that keeps a word from the
corrector, or none. Adding a case needs no Python."""

from __future__ import annotations

import re

import pytest

from support import REPO
from teiforge.ocr import Passage, load_corrector

CASES = REPO / "tests" / "ocr" / "guards.txt"
_MARKED = re.compile(r"\[([^\]]+)\]")


def _cases() -> list[tuple[str, str]]:
    found = []
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            sentence, expected = line.split("\t")
            found.append((sentence, expected))
    return found


@pytest.mark.parametrize(("sentence", "expected"), _cases())
def test_guard(sentence: str, expected: str) -> None:
    marks = list(_MARKED.finditer(sentence))
    text = _MARKED.sub(lambda m: m.group(1), sentence)
    # where the last marked word lands once the brackets are gone
    start = marks[-1].start() - 2 * (len(marks) - 1)
    word = marks[-1].group(1)
    examined = load_corrector().examine([Passage(text)])
    # the word that holds the marked one (d'[Echirolles] is one word with its article)
    (guard,) = [
        item.guard or "-"
        for item in examined
        if item.word.start <= start < item.word.end and word in item.word.text
    ]
    assert guard == expected
