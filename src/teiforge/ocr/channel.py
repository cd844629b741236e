"""The OCR channel: how likely the OCR printed a string for what the page had, learned
from the development data (tools/learn_ocr_model.py -> data/ocr/confusions.tsv), and the
strings a printed word may have been, each with that likelihood.

A learned confusion is a stretch of at most two characters ("rn" for "m", "-" for "",
"ô" for "o"); its probability is how often the page's string was printed so, per
occurrence (visual confusions go both ways, so the learning lends each confusion's
reverse half its count). Any other single edit of a letter has a small floor
probability: the texts to correct are not the ones we learned from.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from importlib import resources

from .screen import NOT_PLAIN, Screen

MAX_SEGMENT = 2  # _screened_learned_edits reads printed strings of up to two characters
# Added to every denominator: a letter seen a dozen times in the learning data does not
# make its confusions certain.
SMOOTHING = 1000
# What a single unlearned edit costs (natural log): learned confusions cover about 80% of
# the edits in the tuning data; the rest, spread over ~40 letters, is about 1e-5 each.
UNSEEN_EDIT = math.log(1e-5)
# Digits and letters of the same shape, which OCR takes for one another (c0mme, 11 for
# Il): known to every reader of OCR, too rare in the learning data to be learned.
DIGITS_FOR_LETTERS = (
    ("1", "l"),
    ("1", "I"),
    ("1", "i"),
    ("0", "o"),
    ("0", "O"),
    ("5", "s"),
    ("5", "S"),
    ("8", "B"),
    ("6", "G"),
    ("6", "b"),
    ("4", "A"),
    ("3", "e"),
    ("9", "g"),
    ("7", "T"),
)
DIGIT_EDIT = math.log(2e-3)
SEEDS = 24
SECOND_EDIT_FLOOR = math.log(1e-3)
LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüœæ"
INNER_MARKS = ".,;:!'’"  # punctuation OCR leaves inside a word (a hyphen is layout: kept)
MARK_READINGS = ("'", "", " ")  # what such a mark was on the page
UNSEEN_LONGEST = 2  # the longest page string of an unseen edit: a letter read once (ll)


# One edit: (what the OCR printed, what the page had, log p).
Edit = tuple[str, str, float]


# One edit as the tables keep it: (page string, the same in lowercase, the edit, whether
# the page string is plain).
Reading = tuple[str, str, Edit, bool]


@dataclass(frozen=True)
class _Likely:
    """The learned readings that reach a floor, as second edits look them up: printed ->
    (page string, the same in lowercase, the edit, whether the page string is plain)."""

    readings: dict[str, tuple[Reading, ...]]
    pairs: frozenset[str]  # the first characters of the printed pairs
    # The printed strings with a reading that is not plain -> those readings (l for l'):
    # all a plain word needs where its start or end stays unlisted.
    odd: tuple[tuple[str, tuple[Reading, ...]], ...]

    @classmethod
    def of(cls, learned: dict[str, tuple[Reading, ...]], floor: float) -> _Likely:
        readings = {}
        for seen, options in learned.items():
            likely = []
            for reading in options:  # best first
                if reading[2][2] < floor:
                    break
                likely.append(reading)
            if likely:
                readings[seen] = tuple(likely)
        odd = tuple(
            (seen, found)
            for seen, options in readings.items()
            if (found := tuple(reading for reading in options if not reading[3]))
        )
        return cls(readings, frozenset(seen[0] for seen in readings if len(seen) == 2), odd)


@dataclass(frozen=True)
class Channel:
    rules: dict[str, tuple[tuple[str, float], ...]]  # printed -> (page string, log p), best first
    # The same rules with each edit built once: printed -> readings, best first.
    _learned: dict[str, tuple[Reading, ...]] = field(init=False, repr=False, compare=False)
    # printed character -> its unseen edits, built on first use.
    _unseen: dict[str, tuple[Reading, ...]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    # floor -> the learned readings that reach it, built on first use.
    _likely: dict[float, _Likely] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )
    # The most characters one edit (learned or not) puts on the page.
    _longest_meant: int = field(init=False, repr=False, compare=False, default=UNSEEN_LONGEST)

    def __post_init__(self) -> None:
        learned = {
            seen: tuple(_reading(seen, meant, logp) for meant, logp in readings)
            for seen, readings in self.rules.items()
        }
        object.__setattr__(self, "_learned", learned)
        longest = max((len(m) for found in self.rules.values() for m, _ in found), default=0)
        object.__setattr__(self, "_longest_meant", max(UNSEEN_LONGEST, longest))

    def may_reach(self, word: str, target: str) -> bool:
        """False when no two edits of the word can make the target: each takes away at
        most MAX_SEGMENT printed characters and adds at most the longest page string, so
        the letters the two strings do not share say so (repeated edits aside)."""
        away, extra = 2 * MAX_SEGMENT, 2 * self._longest_meant
        if not -away <= len(target) - len(word) <= extra:
            return False
        taken = sum((Counter(word) - Counter(target)).values())  # the rest were added
        return taken <= away and taken - len(word) + len(target) <= extra

    @classmethod
    def load(cls, name: str = "confusions.tsv") -> Channel:
        text = resources.files("teiforge").joinpath("data", "ocr", name).read_text("utf-8")
        rules: dict[str, list[tuple[str, float]]] = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                seen, meant, count, total = line.split("\t")
                logp = math.log(float(count) / (int(total) + SMOOTHING))
                rules.setdefault(seen, []).append((meant, logp))
        for seen, meant in DIGITS_FOR_LETTERS:
            if meant not in {m for m, _ in rules.get(seen, [])}:
                rules.setdefault(seen, []).append((meant, DIGIT_EDIT))
        return cls(
            {seen: tuple(sorted(found, key=lambda r: -r[1])) for seen, found in rules.items()}
        )

    def _unseen_edits(self, char: str) -> tuple[Reading, ...]:
        """What a printed character may have been by one unlearned edit: nothing, another
        reading of a mark, another letter (in the character's case), the letter twice."""
        readings = self._unseen.get(char)
        if readings is None:
            meanings = [""]
            if char in INNER_MARKS:
                meanings += MARK_READINGS
            else:
                lower = char.lower()
                meanings += [
                    letter.upper() if char.isupper() else letter
                    for letter in LETTERS
                    if letter != lower
                ]
                meanings.append(char + char)  # read once
            readings = tuple(_reading(char, meant, UNSEEN_EDIT) for meant in meanings)
            self._unseen[char] = readings
        return readings

    def unseen_edits(self, word: str) -> Iterator[tuple[str, Edit]]:
        """Every string one unlearned edit away, with the edit."""
        for index, char in enumerate(word):
            head, tail = word[:index], word[index + 1 :]
            for meant, _, edit, _ in self._unseen_edits(char):
                yield head + meant + tail, edit

    def learned_edits(self, word: str, floor: float) -> Iterator[tuple[str, Edit]]:
        learned = self._learned
        size = len(word)
        for index in range(size + 1):
            for length in range(MAX_SEGMENT + 1):
                if index + length > size:
                    break
                seen = word[index : index + length]
                if seen in learned:
                    head, tail = word[:index], word[index + length :]
                    for meant, _, edit, _ in learned[seen]:
                        if edit[2] < floor:
                            break
                        yield head + meant + tail, edit

    def repeated_edits(self, word: str) -> Iterator[tuple[str, Edit]]:
        """A learned confusion made at every place it can be (cornrne: comme): the same
        glyph misread the same way through a word is one misreading, not several."""
        for seen, readings in self._learned.items():
            if seen and not seen.isdigit() and word.count(seen) > 1:
                for meant, _, edit, _ in readings:
                    yield word.replace(seen, meant), edit

    def _screened_unseen_edits(
        self, word: str, lowered: str, screen: Screen
    ) -> Iterator[tuple[str, Edit]]:
        """unseen_edits, less the strings the screen sets aside: each is looked up as
        `lowered` edited, and built only when it passes."""
        listed, other = screen.listed, screen.other
        plain = NOT_PLAIN.isdisjoint(word)
        first, last = screen.edges(lowered)
        places: Iterable[int] = range(len(word))
        if plain:  # outside the window, only a mark's readings (' and space) are not plain
            window = range(max(last, 0), min(first, len(word)))
            places = sorted({*window, *(i for i, c in enumerate(word) if c in INNER_MARKS)})
        for index in places:
            char = word[index]
            unlisted = index >= first or index + 1 <= last  # a start or an end left unlisted
            head, tail = lowered[:index], lowered[index + 1 :]
            if plain and char not in INNER_MARKS:  # a letter's readings are all plain
                if not unlisted:
                    for meant, _, edit, _ in [
                        r for r in self._unseen_edits(char) if head + r[1] + tail in listed
                    ]:
                        yield word[:index] + meant + word[index + 1 :], edit
                continue
            for meant, lower, edit, meant_plain in self._unseen_edits(char):
                if plain and meant_plain:
                    if unlisted or head + lower + tail not in listed:
                        continue
                elif (edited := head + lower + tail) not in listed and not other(edited):
                    continue
                yield word[:index] + meant + word[index + 1 :], edit

    def _screened_learned_edits(
        self, word: str, floor: float, screen: Screen
    ) -> list[tuple[str, Edit]]:
        """learned_edits, less the strings the screen sets aside."""
        lowered = word.lower()
        if not _lowers_by_letter(word, lowered):
            return list(self.learned_edits(word, floor))
        table = self._likely.get(floor)
        if table is None:
            table = self._likely[floor] = _Likely.of(self._learned, floor)
        listed, other = screen.listed, screen.other
        first, last = screen.edges(lowered)
        if NOT_PLAIN.isdisjoint(word):
            return _plain_learned_edits(word, lowered, table, screen, first, last)
        found = []  # the word is not plain: neither is any edit of it, but by `other`
        size = len(word)
        for index in range(size + 1):  # in learned_edits' order: by place, then by length
            for length in (0, 1, 2) if index < size - 1 else (0, 1) if index < size else (0,):
                if length == 0:
                    seen = ""
                elif length == 1:
                    seen = word[index]
                elif word[index] in table.pairs:
                    seen = word[index : index + 2]
                else:
                    continue
                readings = table.readings.get(seen)
                if readings is None:
                    continue
                head, tail = lowered[:index], lowered[index + length :]
                unlisted = index >= first or index + length <= last
                for meant, lower, edit, _ in readings:
                    edited = head + lower + tail
                    if (not unlisted and edited in listed) or other(edited):
                        found.append((word[:index] + meant + word[index + length :], edit))
        return found

    def candidates(
        self,
        word: str,
        known: Callable[[set[str]], AbstractSet[str]],
        screen: Screen | None = None,
        targets: Collection[str] | None = None,
    ) -> dict[str, tuple[Edit, ...]]:
        """The known strings one or two edits away -> their likeliest edits. A second
        edit is a likely learned one (SECOND_EDIT_FLOOR) after one of the SEEDS likeliest
        first ones: enough for "per-lonnages". `known` picks, from a set of strings, those
        that may be readings; a `screen` first sets aside, by their lowercase, most of
        the thousand strings the edits of a word make, and only the rest are built.
        `targets`, when given, holds every string `known` may pick (a document's own
        words): if none is within reach (may_reach), only the repeated edits are made."""
        seeds: dict[str, Edit] = {}  # each string one edit away -> its likeliest edit
        best_seeds: list[tuple[str, Edit]] = []
        asked: set[str] = set()
        if targets is None or any(self.may_reach(word, t) for t in targets):
            best_seeds, asked = self._first_edits(word, seeds, screen)
        repeated = list(self.repeated_edits(word))
        seconds = [
            (second, edit, other)
            for variant, edit in best_seeds
            for second, other in (
                self.learned_edits(variant, SECOND_EDIT_FLOOR)
                if screen is None
                else self._screened_learned_edits(variant, SECOND_EDIT_FLOOR, screen)
            )
        ]
        readings = known(
            {*asked, *(variant for variant, _ in repeated), *(second for second, _, _ in seconds)}
        )
        found: dict[str, tuple[Edit, ...]] = {
            variant: (edit,) for variant, edit in seeds.items() if variant in readings
        }
        for variant, edit in repeated:
            if variant in readings and (variant not in found or edit[2] > log_p(found[variant])):
                found[variant] = (edit,)
        for second, edit, other in seconds:
            if second in readings:
                total = edit[2] + other[2]
                if second not in found or total > log_p(found[second]):
                    found[second] = (edit, other)
        found.pop(word, None)
        return found

    def _first_edits(
        self, word: str, seeds: dict[str, Edit], screen: Screen | None
    ) -> tuple[list[tuple[str, Edit]], set[str]]:
        """candidates()' first edits: fills `seeds`; returns the SEEDS likeliest and the
        strings to ask `known` about."""
        for variant, edit in self.learned_edits(word, -math.inf):
            best = seeds.get(variant)
            if best is None or edit[2] > best[2]:
                seeds[variant] = edit
        likely = [item for item in seeds.items() if item[1][2] > UNSEEN_EDIT]
        lowered = word.lower()
        if screen is not None and len(likely) >= SEEDS and _lowers_by_letter(word, lowered):
            # The SEEDS likeliest are learned edits (an unseen one is never likelier): the
            # unseen edits need not all be built, only those the screen lets through.
            best_seeds = sorted(likely, key=lambda item: -item[1][2])[:SEEDS]
            asked = {v for v, _ in self._screened_learned_edits(word, -math.inf, screen)}
            for variant, edit in self._screened_unseen_edits(word, lowered, screen):
                best = seeds.get(variant)
                if best is None or edit[2] > best[2]:
                    seeds[variant] = edit
                asked.add(variant)
        else:
            for variant, edit in self.unseen_edits(word):
                best = seeds.get(variant)
                if best is None or edit[2] > best[2]:
                    seeds[variant] = edit
            best_seeds = sorted(seeds.items(), key=lambda item: -item[1][2])[:SEEDS]
            asked = set(seeds) if screen is None else screen.admitted(seeds)
        return best_seeds, asked


def _plain_learned_edits(
    word: str, lowered: str, table: _Likely, screen: Screen, first: int, last: int
) -> list[tuple[str, Edit]]:
    """Channel._screened_learned_edits of a plain word, in the same order: an edit in
    the window (before `first`, past `last`) may make a listed form; outside it, only a
    reading that is not plain (an elision, a split) may pass, and the few printed
    strings that have one are found in the word instead of looked up at each place."""
    size = len(word)
    readings, pairs = table.readings, table.pairs
    places: list[tuple[int, int, tuple[Reading, ...], bool]] = []
    for index in range(min(first, size + 1)):  # the window
        for length in (0, 1, 2):
            if index + length > size:
                break
            if index + length <= last or (length == 2 and word[index] not in pairs):
                continue
            found = readings.get(word[index : index + length])
            if found is not None:
                places.append((index, length, found, True))
    for seen, found in table.odd:  # outside it
        length = len(seen)
        index = word.find(seen)
        while index != -1:
            if index >= first or index + length <= last:
                places.append((index, length, found, False))
            index = word.find(seen, index + 1)
    places.sort(key=lambda place: (place[0], place[1]))
    listed, other = screen.listed, screen.other
    edits = []
    for index, length, found, window in places:
        head, tail = lowered[:index], lowered[index + length :]
        for meant, lower, edit, meant_plain in found:
            edited = head + lower + tail
            if (
                (edited in listed or (not meant_plain and other(edited)))
                if window
                else other(edited)
            ):
                edits.append((word[:index] + meant + word[index + length :], edit))
    return edits


def _reading(seen: str, meant: str, logp: float) -> Reading:
    return meant, meant.lower(), (seen, meant, logp), NOT_PLAIN.isdisjoint(meant)


def _lowers_by_letter(word: str, lowered: str) -> bool:
    """Whether the lowercase of an edited word is its lowercase edited: each character
    lowers alone, to one character (not so the final sigma, nor İ)."""
    return len(lowered) == len(word) and "Σ" not in word


def log_p(edits: tuple[Edit, ...], adapted: Mapping[tuple[str, str], float] | None = None) -> float:
    """The channel log probability of a sequence of edits, with a document's adapted
    probabilities where they are higher."""
    if not adapted:
        return sum(edit[2] for edit in edits)
    return sum(max(logp, adapted.get((seen, meant), logp)) for seen, meant, logp in edits)
