"""A document's own OCR: each scan has its habits (this one reads a as o, that one long s
as f). The corrections a first pass finds likely are evidence of them; a confusion seen
in several different words of a document is more likely there than the channel says.
This adapted channel rescores the candidates (plénierc, courc: both c for s) and is the
only way a real word may be corrected (dons for dans, in a text that reads a as o).
The words a document prints right several times are candidates for its unknown words,
with their share of the document as prior (own_words)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .candidates import Candidate
from .channel import Channel, Edit, log_p
from .screen import Screen

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


# A document's own words: a name or a term it prints right several times is what a
# misread form of it most likely was (Bouvcsse: Bouvesse when Bouvesse is printed
# elsewhere). Not old spellings, which vary within a text (plustot, plustost).
MIN_OWN = 2  # occurrences read right (known or guarded), for a word to count
MIN_OWN_LENGTH = 4  # shorter words match too easily
NOT_OWN = (None, "old")  # unknown words; old spellings


@dataclass(frozen=True)
class OwnWords:
    """A document's own words -> the log of their share of its words (a prior of its
    own), and the screen of their forms (all letters: no split, compound or elision)."""

    priors: dict[str, float]
    screen: Screen

    def __bool__(self) -> bool:
        return bool(self.priors)


def own_words(found: Iterable[tuple[str, str | None]]) -> OwnWords:
    """The document's words read right (known or guarded, not old spellings) MIN_OWN
    times or more."""
    counts: dict[str, int] = {}
    size = 0
    for text, code in found:
        size += 1
        if code not in NOT_OWN and len(text) >= MIN_OWN_LENGTH and text.isalpha():
            counts[text] = counts.get(text, 0) + 1
    priors = {text: math.log(n / size) for text, n in counts.items() if n >= MIN_OWN}
    return OwnWords(priors, Screen.of({text.lower() for text in priors}, _never))


def _never(_: str) -> bool:
    return False


def with_own_words(
    printed: str,
    ranked: tuple[Candidate, ...],
    own: OwnWords,
    channel: Channel,
    adapted: Mapping[tuple[str, str], float] | None,
    cache: dict[str, dict[str, tuple[Edit, ...]]],
) -> tuple[Candidate, ...]:
    """The candidates of a printed word, with the document's own words the channel can
    turn into it, each scored with the better of its two priors; `cache`: the document's
    own words found so far, by printed word."""
    if not own or len(printed) < MIN_OWN_LENGTH:
        return ranked
    priors = own.priors
    found = cache.get(printed)
    if found is None:
        found = channel.candidates(
            printed, lambda texts: texts & priors.keys(), own.screen, targets=priors.keys()
        )
        cache[printed] = found
    if not found:
        return ranked
    merged = {c.text: c for c in ranked}
    for text, edits in found.items():
        current = merged.get(text)
        prior = max(priors[text], current.prior) if current else priors[text]
        merged[text] = Candidate(text, edits, log_p(edits, adapted), prior)
    return tuple(sorted(merged.values(), key=lambda c: (-c.score, c.text)))
