"""A punctuation mark read as a word: OCR often prints an exclamation mark as `1`, `l` or
`I` standing alone between words ("Eh bien 1 c'est", "Manant 1 m'écriai-je").

A `1` is also a number ("chapitre 1", "de 1 à 2", "S. A. 1.", a note anchor "lieu 1 ."),
so the token alone says nothing: its neighbours and its document do. Its context is three
classes: what ends before it (`left_class`), what starts after it (`right_class`), and
whether the document has dialogue (`dialogue`: exclamations live in dialogue, note
anchors in scholarly prose). The probability that a mark is a `!` in each context is
counted on the tuning split of the development data (tools/ocr_punctuation.py ->
data/ocr/punctuation.tsv), smoothed towards its (left, right) pair, its right class and
all marks. The word lists behind the classes (interjections, words that introduce a
number, words a number counts) are learned there from the gold's text, and the
thresholds of a correction (cert medium) and of a flag chosen there by cross-validation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from .words import ABBREVIATIONS, Word

EXCLAMATION = "!"
MARKS = frozenset("1lI")  # what OCR prints for an exclamation mark standing alone
_NUMBER_SIGNS = frozenset(["n°", "no", "nos", "nº"])
_ABBREVIATIONS = frozenset(a.lower() for a in ABBREVIATIONS)
_DASHES = frozenset("-–—")  # hyphen, en and em dash: French typography's dialogue dashes
# A dialogue dash: one that opens a passage or follows the end of a sentence ("- Ah 1").
_DIALOGUE_DASH = re.compile(r"(?:^|[.!?]\s)\s*(?:--?|—)\s", re.MULTILINE)
DIALOGUE_RATE = 0.0005  # dialogue dashes per word: one in 2,000 words makes a dialogue
# What the grammar knows, joined to the lists learned (a small data set misses common
# ones): words that introduce a number (chapitre 1, tome 2) and units a number counts
# (3 francs, 10 lieues).
NUMBERING = frozenset(
    [
        "chapitre",
        "chap",
        "tome",
        "livre",
        "volume",
        "article",
        "art",
        "numéro",
        "page",
        "pages",
        "planche",
        "figure",
        "fig",
        "note",
        "partie",
        "section",
        "acte",
        "scène",
        "chant",
        "lettre",
        "pièce",
        "paragraphe",
        "verset",
    ]
)
UNITS = frozenset(
    [
        "franc",
        "francs",
        "fr",
        "sous",
        "centimes",
        "livres",
        "heures",
        "jours",
        "mois",
        "ans",
        "fois",
        "lieues",
        "kilomètres",
        "km",
        "mètres",
        "centimètres",
        "cm",
        "millimètres",
        "mm",
        "grammes",
        "kilogrammes",
        "kg",
        "litres",
        "hectares",
        "pieds",
        "toises",
        "pouces",
        "lignes",
    ]
)


@dataclass(frozen=True)
class Mark:
    """A mark's reading: corrected (corr `!`, cert medium) or flagged (corr None, cert
    low), with its probability of being a `!`."""

    corr: str | None
    cert: str
    probability: float

    def fields(self) -> tuple[str | None, str, str, float]:
        """corr, cert, suggestion, confidence: the last fields of the corrector's Proposal."""
        return self.corr, self.cert, EXCLAMATION, self.probability


def _left_word(text: str, start: int) -> str:
    before = text[:start].rstrip()
    cut = max(before.rfind(" "), before.rfind("\t")) + 1
    return before[cut:]


def _right_word(text: str, end: int) -> str:
    after = text[end:].lstrip()
    cut = min((i for i in (after.find(" "), after.find("\t")) if i >= 0), default=len(after))
    return after[:cut]


def _core(token: str) -> str:
    return token.strip(".,;:!?«»\"“”()[]'’").lower()


@dataclass(frozen=True)
class Lists:
    """The learned word classes, lowercase words."""

    interjections: frozenset[str]  # followed by ! in the gold (ah, hélas, tiens)
    numerals: frozenset[str]  # followed by a number (page, numéro, de, vers)
    counted: frozenset[str]  # preceded by a number (vol, fr, francs, mètres)


def left_class(text: str, start: int, lists: Lists) -> str:
    """What ends before the mark: start (nothing), digit, abbreviation (S. A., p., n°),
    punctuation, interjection, numeral (a word that introduces a number), word."""
    token = _left_word(text, start)
    if not token:
        return "start"
    core = _core(token)
    if token[-1].isdigit():
        return "digit"
    if core in _NUMBER_SIGNS or (
        token.endswith(".") and (len(core) == 1 or core in _ABBREVIATIONS)
    ):
        return "abbreviation"
    if not token[-1].isalpha():
        return "punctuation"
    if core in lists.interjections:
        return "interjection"
    if core in lists.numerals:
        return "numeral"
    return "word"


def right_class(text: str, end: int, lists: Lists) -> str:
    """What starts after the mark: end, dash, punctuation (a note anchor "lieu 1 ."),
    digit, capital, counted (a word a number counts: vol, fr), lower."""
    token = _right_word(text, end)
    if not token:
        return "end"
    first = token[0]
    if first.isdigit() or (first in _DASHES and token[1:2].isdigit()):
        return "digit"  # -20: a range or a minus, not a dialogue dash
    if first in _DASHES:
        return "dash"
    if not first.isalpha():
        return "punctuation"
    if first.isupper():
        return "capital"
    return "counted" if _core(token) in lists.counted else "lower"


def dialogue(texts: Sequence[str]) -> str:
    """Whether a document has dialogue ("dialogue" or "prose"): exclamations live in
    dialogue, note anchors in scholarly prose, and a `1` before a capital may be either."""
    dashes = sum(len(_DIALOGUE_DASH.findall(text)) for text in texts)
    size = sum(len(text.split()) for text in texts)
    return "dialogue" if dashes >= max(1.0, DIALOGUE_RATE * size) else "prose"


def standalone(word: Word, text: str) -> bool:
    """A mark alone between spaces (or the passage's edges): `1.` or `l'` is not one."""
    return (
        word.text in MARKS
        and (word.start == 0 or text[word.start - 1].isspace())
        and (word.end == len(text) or text[word.end].isspace())
    )


@dataclass(frozen=True)
class Punctuation:
    lists: Lists
    probability: dict[tuple[str, str, str], float]  # (left, right, document) -> P(!)
    medium: float
    flag: float

    @classmethod
    def load(cls, name: str = "punctuation.tsv") -> Punctuation:
        text = resources.files("teiforge").joinpath("data", "ocr", name).read_text("utf-8")
        return cls.parse(text)

    @classmethod
    def parse(cls, text: str) -> Punctuation:
        words: dict[str, set[str]] = {"interjection": set(), "numeral": set(), "counted": set()}
        probability: dict[tuple[str, str, str], float] = {}
        thresholds: dict[str, float] = {}
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            kind, *fields = line.split("\t")
            if kind == "threshold":
                thresholds[fields[0]] = float(fields[1])
            elif kind == "cell":
                probability[fields[0], fields[1], fields[2]] = float(fields[6])
            else:
                words[kind].add(fields[0])
        lists = Lists(
            frozenset(words["interjection"]),
            frozenset(words["numeral"]),
            frozenset(words["counted"]),
        )
        return cls(lists, probability, thresholds["medium"], thresholds["flag"])

    def describe(self) -> str:
        """The method and its thresholds, for the header's editorialDecl/correction."""
        return (
            "A 1, l or I standing alone between words was read as an exclamation mark when its "
            "neighbours make one probable: what ends before it (an interjection, another word, "
            "punctuation, a number, an abbreviation, a word that introduces a number such as "
            "page or de), what starts after it (a capital, a lowercase word, a dash, a number, "
            "punctuation, a word that a number counts such as vol. or grammes) and whether the "
            "document has dialogue, with the probability counted in the same data: corrected "
            f"to ! (cert medium) from {self.medium:.2f}, flagged from {self.flag:.2f}."
        )

    def p_exclamation(self, word: Word, text: str, document: str) -> float:
        """P(the standalone mark is a `!`) in its context (`document`: what `dialogue`
        says of the whole document); 0 for any other word."""
        if not standalone(word, text):
            return 0.0
        left = left_class(text, word.start, self.lists)
        right = right_class(text, word.end, self.lists)
        return self.probability.get((left, right, document), 0.0)

    def read(self, word: Word, text: str, document: str) -> Mark | None:
        """The mark's correction (cert medium) or flag (cert low), or None: a number."""
        p = self.p_exclamation(word, text, document)
        if p >= self.medium:
            return Mark(EXCLAMATION, "medium", p)
        if p >= self.flag:
            return Mark(None, "low", p)
        return None
