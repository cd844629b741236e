"""The screen: most of the thousand strings the edits of a word make are no word, and
one look-up of their lowercase in the lexicon's forms says so before anything else is
done with them (candidates.py, channel.py). It only rules out: whatever it lets through
is looked at closely (Candidates._acceptable)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Container, Iterable, Mapping
from dataclasses import dataclass
from functools import partial

from .words import ELISION

EDGE = 4  # letters at each end of a listed form, kept apart to rule out edits
# A string with none of these is plain: neither a split, nor a compound, nor an elision.
NOT_PLAIN = frozenset(" -'’")


@dataclass(frozen=True)
class Screen:
    """What the lexicon says of a string by its lowercase, before a closer look: a plain
    string may be known only if `listed`; any other only if `other` says it may be (a
    split into two words, a compound, an elided article). A listed string starts with
    one of `starts` and ends with one of `ends` (their first and last EDGE letters): an
    edit never mends the letters it leaves alone."""

    listed: Container[str]
    other: Callable[[str], bool]
    starts: Container[str]
    ends: Container[str]

    @classmethod
    def of(cls, listed: Collection[str], other: Callable[[str], bool]) -> Screen:
        starts = frozenset(form[:EDGE] for form in listed)
        return cls(listed, other, starts, frozenset(form[-EDGE:] for form in listed))

    def admitted(self, texts: Iterable[str]) -> set[str]:
        """The strings the screen lets through, whatever their case."""
        listed, other = self.listed, self.other
        return {
            text
            for text in texts
            if (lowered := text.lower()) in listed
            or (not NOT_PLAIN.isdisjoint(text) and other(lowered))
        }

    def edges(self, lowered: str) -> tuple[int, int]:
        """Where an edit of the string may make a listed one: it must start before the
        first (else the start stays unlisted) and end after the second (ditto the end)."""
        size = len(lowered)
        first = size + 1 if lowered[:EDGE] in self.starts else EDGE
        last = -1 if lowered[-EDGE:] in self.ends else size - EDGE
        return first, last


def lexicon_screen(codes: Mapping[str, int]) -> Screen:
    """The screen of the lexicon's forms (Lexicon.codes, lowercase)."""
    return Screen.of(codes.keys(), partial(_may_be_listed, codes))  # positional: quicker


def _listed(lowered: str, codes: Mapping[str, int]) -> bool:
    """Whether the lexicon may list a lowercase form, as `Lexicon.is_listed` looks it up:
    as it is, or after an elided article (a necessary condition only: both are tried)."""
    if lowered in codes:
        return True
    elided = ELISION.match(lowered) if "'" in lowered or "’" in lowered else None
    return elided is not None and lowered[elided.end() :] in codes


def _may_be_listed(codes: Mapping[str, int], lowered: str) -> bool:
    """False only when `Candidates._acceptable` refuses a string of this lowercase (a
    roman numeral aside): each way it may accept a split, a compound or an elided form
    needs these look-ups."""
    elided = "'" in lowered or "’" in lowered
    if " " in lowered:  # two listed words of two letters or more
        first, _, second = lowered.partition(" ")
        if len(first) < 2 or len(second) < 2 or " " in second:
            return False
        if not elided:
            return first in codes and second in codes
        return _listed(first, codes) and _listed(second, codes)
    if "-" in lowered:  # Lexicon.is_known: the compound, or runs of its parts, first and last
        bare = ELISION.sub("", lowered, count=1) if elided else lowered
        if bare in codes:
            return True
        parts = bare.split("-")
        # A run of parts with no apostrophe is listed only as it is.
        look = codes.__contains__ if "'" not in bare and "’" not in bare else _listing(codes)
        if len(parts) == 2:  # the most common: both parts listed, or as one
            first, second = parts
            joined = first + second
            return (look(first) or look(joined)) and (look(second) or look(joined))
        return _first_run(parts, look) and _first_run(parts[::-1], look, backwards=True)
    return _listed(lowered, codes) if elided else lowered in codes


def _listing(codes: Mapping[str, int]) -> Callable[[str], bool]:
    return partial(_listed, codes=codes)


def _first_run(parts: list[str], look: Callable[[str], bool], backwards: bool = False) -> bool:
    """Whether the parts' first run (the first part, the first two glued...) is listed;
    `backwards`: the parts are given last first, and the run is their last."""
    run = ""
    for part in parts:
        run = part + run if backwards else run + part
        if look(run):
            return True
    return False
