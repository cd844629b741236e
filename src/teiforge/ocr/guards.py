"""Guards: words the corrector never flags nor corrects, whatever the lexicon says. Each
guard is a small function with a stable code; GUARDS is their order.

passes (left alone): 1857, 5,887, 3e, XIV, XIXe, CNRS, CLSPD, A.S.H, op, cit, éd, vol,
p, Mme, Paris, DESGOFFES Blaise, estoit, faict, beautez, the, Etat, Echirolles, A.
fails (left to the corrector): médiotion, lls, Ërance, Vll (a roman numeral misread).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from .features import Trigrams
from .lexicon import Lexicon
from .oldspell import OldSpelling, modern_form
from .words import ABBREVIATIONS, ELISION, Word, shape

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*(?:e|er|ère|re|res|es|ème|èmes|o|°|bis|ter)?")
_LOWER_NEXT = re.compile(r"\s+[a-zàâçéèêëîïôöùûü]")
_NEXT_WORD = re.compile(r" +([^\W\d_][^\W\d_'’-]*)")
_ROMAN = re.compile(r"(?=[MDCLXVI])M{0,4}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
_ORDINAL = re.compile(r"(?:e|er|ère|re|es|ème|èmes)?")
_INITIALS = re.compile(r"(?:[^\W\d_]{1,4}\.-?)+[^\W\d_]{1,4}")  # A.S.H, op.cit, J.-C
_ACCENTS = {"e": "éèê", "a": "àâ", "i": "îï", "o": "ô", "u": "ùû", "c": "ç", "E": "É"}
NAME_INITIALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÉÈÂÎÔ")
_ACCENTED_CAPITALS = {"E": "ÉÈÊ", "A": "ÀÂ", "I": "Î", "O": "Ô", "U": "Ù", "C": "Ç"}


@dataclass(frozen=True)
class Situation:
    """A word with what the guards may look at around it."""

    word: Word
    text: str  # the block's text
    lexicon: Lexicon
    old_text: bool = False  # the document has many old spellings: accents may be missing
    trigrams: Trigrams | None = None
    # whether a capitalised word is likelier a lowercase word with its capital misread
    misread_capital: Callable[[str], bool] | None = None
    # the modern form of an old spelling (oldspell.modern_form), if a corrector keeps them
    old_form: Callable[[str], OldSpelling | None] | None = None

    @property
    def followed_by_stop(self) -> bool:
        return self.text[self.word.end : self.word.end + 1] == "."

    @property
    def before_first_name(self) -> bool:
        """Followed by a given name (ANTIGNA Alexandre): the surname of a catalogue's, an
        index's or a directory's entry."""
        following = next_word(self.word, self.text)
        return shape(following) == "title" and self.lexicon.is_proper(following)


def number(s: Situation) -> bool:
    """1857, 5,887, 3e; but not 11 opening a sentence before a small letter (Il est)."""
    if not _NUMBER.fullmatch(s.word.text):
        return False
    return not _misread_il(s.word, s.text)


def _misread_il(word: Word, text: str) -> bool:
    """11, 1l opening a sentence before a small letter: Il, misread."""
    return (
        word.sentence_start
        and len(word.text) <= 2
        and "1" in word.text
        and _LOWER_NEXT.match(text, word.end) is not None
    )


def roman_numeral(s: Situation) -> bool:
    """XIV, XIXe, Ier; xiv in lowercase when it is not a word (but not Ce, Les, Me)."""
    text = s.word.text
    head = text.rstrip("eèrms")
    suffix = text[len(head) :]
    if head and _ROMAN.fullmatch(head) and _ORDINAL.fullmatch(suffix):
        return not suffix or len(head) > 1 or text == "Ier"
    return len(text) > 1 and bool(_ROMAN.fullmatch(text.upper())) and text.islower()


def acronym(s: Situation) -> bool:
    text = s.word.text.replace(".", "")
    letters = [ch for ch in text if ch.isalpha()]
    return 2 <= len(letters) <= 6 and all(ch.isupper() for ch in letters) and text.isalnum()


def abbreviation(s: Situation) -> bool:
    text = s.word.text
    if text in ABBREVIATIONS or text.lower() in ABBREVIATIONS:
        return True
    if _INITIALS.fullmatch(text):
        return True
    return s.followed_by_stop and len(text) <= 4 and not s.lexicon.is_word(text)


def proper_name(s: Situation) -> bool:
    """A capitalised word the lexicon knows as a name (Paris, Grenoble), or a capitalised
    word inside a sentence that the lexicon knows or that reads like a name (Picciola,
    GOURLIER): letters only, no misread letter (Ërance), no triple of letters that French
    words do not have."""
    text = ELISION.sub("", s.word.text, count=1)
    form = shape(text)
    if form == "title" and s.lexicon.is_proper(text):
        return True
    if form == "upper" and text.isalpha() and s.before_first_name:
        return True
    if form not in ("title", "upper") or s.word.sentence_start:
        return False
    if form == "title" and s.lexicon.is_word(text):
        return True
    if s.trigrams is None or not text.isalpha() or text[0] not in NAME_INITIALS:
        return False
    if s.trigrams.rare(text) != 0:
        return False
    # Ja, Tevint: la, revint with a capital misread (asked last: it weighs the candidates)
    return s.misread_capital is None or not s.misread_capital(text)


def capital_without_accent(s: Situation) -> bool:
    """Etat, Echirolles, A: capitals were often printed without their accent."""
    text = ELISION.sub("", s.word.text, count=1)
    accented = _ACCENTED_CAPITALS.get(text[:1], "")
    if not accented or shape(text) not in ("title", "upper") or s.lexicon.is_word(text):
        return False
    return any(
        s.lexicon.is_word(a + text[1:]) or s.lexicon.is_attested(a + text[1:]) for a in accented
    )


def old_spelling(s: Situation) -> bool:
    if s.old_form is None:
        old = modern_form(s.word.text, s.lexicon.is_word)
    else:
        old = s.old_form(s.word.text)
    return old is not None and (old.strong or s.old_text)


def compound(s: Situation) -> bool:
    """A hyphenated word whose every part is a word or is guarded (tres-forte, celle-cy,
    field-trial)."""
    text = s.word.text
    if "-" not in text:
        return False
    offset = s.word.start
    for part in text.split("-"):
        word = Word(
            offset, offset + len(part), part, s.word.sentence_start and offset == s.word.start
        )
        offset += len(part) + 1
        if not part:
            return False
        if guarded(replace(s, word=word)) is None:
            return False
    return True


def broken(s: Situation) -> bool:
    """The first part of a word broken at a line end the text kept (dési- rées)."""
    after = s.text[s.word.end : s.word.end + 2]
    return after == "-" or (after[:1] == "-" and after[1:].isspace())


def other_language(s: Situation) -> bool:
    """A common word of another language, unless an accent makes it French (mediation)."""
    text = s.word.text
    if not s.lexicon.is_foreign(text):
        return False
    for index, char in enumerate(text):
        for accented in _ACCENTS.get(char, ""):
            if s.lexicon.is_listed(text[:index] + accented + text[index + 1 :]):
                return False
    return True


def single_letter(s: Situation) -> bool:
    return sum(ch.isalpha() for ch in s.word.text) <= 1 and not s.word.text.isdigit()


Guard = Callable[[Situation], bool]
# Before the lexicon: a number, a name or an abbreviation is never corrected, even when
# another word could be read in it.
GUARDS: tuple[tuple[str, Guard], ...] = (
    ("number", number),
    ("roman", roman_numeral),
    ("acronym", acronym),
    ("abbreviation", abbreviation),
    ("capital", capital_without_accent),
    ("name", proper_name),
    ("letter", single_letter),
    ("broken", broken),
)
# After it, for the words it does not know.
LATE_GUARDS: tuple[tuple[str, Guard], ...] = (
    ("foreign", other_language),
    ("old", old_spelling),  # the slowest
    ("compound", compound),
)
KNOWN = "known"  # not a guard: a word of the lexicon


def lone_foreign(
    found: list[tuple[int, Word, str | None]],
) -> list[tuple[int, Word, str | None]]:
    """The foreign guard's second look, at a document's words (passage, word, guard code):
    a word in small letters that only another language knows, with French words on each
    side (`uu`, `fea`, `ez` in a French sentence), is French misread, not a quotation,
    and no guard keeps it. A quotation has foreign words together (`Duobus doloribus`,
    `morbus mellitus`); a foreign name alone has its capital (`Vogt`, `Liebig`)."""
    kept = []
    for n, (index, word, code) in enumerate(found):
        if code == "foreign" and word.text.islower():
            around = [
                found[m][2] for m in (n - 1, n + 1) if 0 <= m < len(found) and found[m][0] == index
            ]
            if around and all(other == KNOWN for other in around):
                code = None
        kept.append((index, word, code))
    return kept


def next_word(word: Word, text: str) -> str:
    """The word after this one, after spaces only (no mark between), or ""."""
    found = _NEXT_WORD.match(text, word.end)
    return found.group(1) if found else ""


def situation_key(word: Word, text: str, old_text: bool) -> tuple[str, bool, str, bool, bool, str]:
    """All that the guards read of a word's situation: its text, whether it opens a
    sentence, what follows it when that is a full stop or a hyphen (an abbreviation, a
    word broken at a line end), whether it is 11 for Il, whether the text is old, and the
    next word of a word in capitals (a surname before a given name).
    With the same lexicon, the same key gets the same code: a corrector asks once per
    key."""
    end = word.end
    after = text[end : end + 2]
    return (
        word.text,
        word.sentence_start,
        after if after[:1] in (".", "-") else "",
        _misread_il(word, text),
        old_text,
        next_word(word, text) if word.text.isupper() else "",
    )


def guarded(situation: Situation) -> str | None:
    """The code of the guard that keeps this word from the corrector, "known" for a word
    of the lexicon (which only a real-word correction may change), or None."""
    for code, guard in GUARDS:
        if guard(situation):
            return code
    if situation.lexicon.is_known(situation.word.text):
        return KNOWN
    for code, guard in LATE_GUARDS:
        if guard(situation):
            return code
    return None
