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
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources

MAX_SEGMENT = 2
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


# One edit: (what the OCR printed, what the page had, log p).
Edit = tuple[str, str, float]


@dataclass(frozen=True)
class Channel:
    rules: dict[str, tuple[tuple[str, float], ...]]  # printed -> (page string, log p), best first

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

    def first_edits(self, word: str) -> Iterator[tuple[str, Edit]]:
        """Every string one learned confusion or one unseen edit away, with the edit."""
        rules = self.rules
        size = len(word)
        for index in range(size + 1):
            for length in range(MAX_SEGMENT + 1):
                if index + length > size:
                    break
                seen = word[index : index + length]
                for meant, logp in rules.get(seen, ()):
                    yield word[:index] + meant + word[index + length :], (seen, meant, logp)
        for index, char in enumerate(word):
            head, tail = word[:index], word[index + 1 :]
            yield head + tail, (char, "", UNSEEN_EDIT)
            if char in INNER_MARKS:
                for reading in MARK_READINGS:
                    yield head + reading + tail, (char, reading, UNSEEN_EDIT)
                continue
            lower = char.lower()
            for letter in LETTERS:
                if letter != lower:
                    meant = letter.upper() if char.isupper() else letter
                    yield head + meant + tail, (char, meant, UNSEEN_EDIT)
            yield head + char + char + tail, (char, char + char, UNSEEN_EDIT)  # read once

    def learned_edits(self, word: str, floor: float) -> Iterator[tuple[str, Edit]]:
        rules = self.rules
        size = len(word)
        for index in range(size + 1):
            for length in range(MAX_SEGMENT + 1):
                if index + length > size:
                    break
                seen = word[index : index + length]
                for meant, logp in rules.get(seen, ()):
                    if logp < floor:
                        break
                    yield word[:index] + meant + word[index + length :], (seen, meant, logp)

    def repeated_edits(self, word: str) -> Iterator[tuple[str, Edit]]:
        """A learned confusion made at every place it can be (cornrne: comme): the same
        glyph misread the same way through a word is one misreading, not several."""
        for seen, readings in self.rules.items():
            if seen and not seen.isdigit() and word.count(seen) > 1:
                for meant, logp in readings:
                    yield word.replace(seen, meant), (seen, meant, logp)

    def candidates(self, word: str, known: Callable[[str], bool]) -> dict[str, tuple[Edit, ...]]:
        """The known strings one or two edits away -> their likeliest edits. A second
        edit is a likely learned one (SECOND_EDIT_FLOOR) after one of the SEEDS likeliest
        first ones: enough for "per-lonnages", fast enough for 10,000 words a second."""
        found: dict[str, tuple[Edit, ...]] = {}
        seeds: dict[str, Edit] = {}
        for variant, edit in self.first_edits(word):
            logp = edit[2]
            if variant not in found or logp > found[variant][0][2]:
                if known(variant):
                    found[variant] = (edit,)
                if variant not in seeds or logp > seeds[variant][2]:
                    seeds[variant] = edit
        for variant, edit in self.repeated_edits(word):
            if (variant not in found or edit[2] > log_p(found[variant])) and known(variant):
                found[variant] = (edit,)
        best = sorted(seeds.items(), key=lambda item: -item[1][2])[:SEEDS]
        for variant, edit in best:
            for second, other in self.learned_edits(variant, SECOND_EDIT_FLOOR):
                total = edit[2] + other[2]
                if (second not in found or total > log_p(found[second])) and known(second):
                    found[second] = (edit, other)
        found.pop(word, None)
        return found


def log_p(edits: tuple[Edit, ...], adapted: Mapping[tuple[str, str], float] | None = None) -> float:
    """The channel log probability of a sequence of edits, with a document's adapted
    probabilities where they are higher."""
    if not adapted:
        return sum(edit[2] for edit in edits)
    return sum(max(logp, adapted.get((seen, meant), logp)) for seen, meant, logp in edits)
