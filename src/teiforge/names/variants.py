"""Garbled repetitions of a name: the OCR prints one surname several ways in a document
(`Robineau`, then `Robinean`; `Dubufe`, then `Dubnfe`; `Demazures`, then `Demarores`).
A surname found by its context that is a near spelling of a capitalised word the document
writes as often or more (twice at least; a name, no word of the lexicon: not Brésil for
Bréal), and that no dictionary attests, is the OCR's garble of it: a wrong tag is
worse than a missing one, so it is left untagged (the other one keeps its tag).

passes (kept): Robineau (twice), Morin beside Martin, Verlat beside Vernet (far enough)
fails (left):  Robinean (once, beside Robineau twice), Dubnfe beside Dubufe
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable


def _distance(left: str, right: str) -> int:
    """Levenshtein's distance, row by row."""
    previous = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        current = [i]
        for j, b in enumerate(right, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a != b)))
        previous = current
    return previous[-1]


def _near(garbled: str, name: str) -> bool:
    """The same first letter and length within one, a quarter of the letters or fewer
    changed (one at least for a short name): closer than two painters' names (Morin and
    Martin, Verlat and Vernet, Calmelet and Calmels)."""
    if garbled == name or garbled[:1] != name[:1] or abs(len(garbled) - len(name)) > 1:
        return False
    return _distance(garbled, name) <= max(1, len(name) // 4)


def garbled_surnames(
    surnames: Iterable[str],
    capitals: Counter[str],
    attested: Callable[[str], bool],
    lexical: Collection[str] = frozenset(),
) -> set[str]:
    """The `surnames` (folded) that are garbled repetitions of a capitalised word of the
    document (`capitals`: folded, with their counts): near it, written no more often, the
    other twice at least, and unknown to `attested` (a dictionary of names). The other is
    one of the `surnames`, or a word that is none of the lexicon's (`lexical`, folded): M.
    Bréal is no garble of le Brésil."""
    names = {surname for surname in surnames if surname.isalpha()}
    by_letter: dict[str, list[str]] = defaultdict(list)
    for word, count in capitals.items():
        if count >= 2 and (word in names or word not in lexical):
            by_letter[word[:1]].append(word)
    garbled = set()
    for surname in names:
        if len(surname) < 5 or attested(surname):
            continue
        count = capitals[surname]
        if any(
            capitals[other] >= count and _near(surname, other)
            for other in by_letter.get(surname[:1], ())
        ):
            garbled.add(surname)
    return garbled
