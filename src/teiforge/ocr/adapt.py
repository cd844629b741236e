"""A document's own OCR: each scan has its habits (this one reads a as o, that one long s
as f). The corrections a first pass finds likely are evidence of them; a confusion seen
in several different words of a document is more likely there than the channel says.
This adapted channel rescores the candidates (plénierc, courc: both c for s) and is the
only way a real word may be corrected (dons for dans, in a text that reads a as o)."""

from __future__ import annotations

import math
from collections.abc import Iterable

from .candidates import Candidate

MIN_EVIDENCE = 1.5  # expected occurrences, in different words, before a confusion counts
MAX_RATE = 0.5  # no confusion is more likely than not


def evidence(found: Iterable[tuple[str, Candidate, float]]) -> dict[tuple[str, str], float]:
    """Expected counts of the confusions: each distinct printed word's best candidate,
    weighted by the confidence that it is the correction."""
    counts: dict[tuple[str, str], float] = {}
    seen_words: set[str] = set()
    for printed, candidate, confidence in found:
        if printed in seen_words:
            continue
        seen_words.add(printed)
        for seen, meant, _ in candidate.edits:
            counts[seen, meant] = counts.get((seen, meant), 0.0) + confidence
    return counts


def adapted(counts: dict[tuple[str, str], float], text: str) -> dict[tuple[str, str], float]:
    """(printed, page string) -> log p in this document, for the confusions with enough
    evidence: their count over the occurrences of the page string in the text."""
    result = {}
    for (seen, meant), count in counts.items():
        if count >= MIN_EVIDENCE:
            occurrences = text.count(meant) if meant else len(text)
            result[seen, meant] = math.log(min(MAX_RATE, count / max(occurrences, count)))
    return result
