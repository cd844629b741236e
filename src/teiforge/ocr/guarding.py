"""Guarding: a document's words, each with the code of the guard that keeps it from the
corrector (guards.py) or None. A document or passage in another language gives no words,
a protected range none of its own; a modern text's lone foreign word is misread, an old
text's missing accents are its spelling (an old text: old spellings, or words whose long s
OCR read as f, in 1% of its words). Each code is asked once per situation in a
process: the same words come back in every block, and in every document a worker encodes."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from .candidates import Candidates
from .channel import UNSEEN_EDIT
from .features import Trigrams
from .guards import Situation, guarded, lone_foreign, situation_key
from .language import clearly_other
from .lexicon import Lexicon
from .oldspell import OldSpelling, modern_form
from .oldtext import OLD_TEXT_WORDS, clean_print, old_text, spelled
from .words import Word, shape, words

GUARD_CACHE = 200_000  # words' guard codes kept in a process (about 40 MB at most)


class _Ranges:
    """Protected ranges, asked in O(log n) whether any overlaps a word: a paragraph across
    thousands of pages has thousands of page-break spans."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self.starts = [start for start, _ in ordered]
        self.max_end: list[int] = []
        for _, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def any_between(self, start: int, end: int) -> bool:
        before = bisect.bisect_left(self.starts, end)  # ranges that start before the word ends
        return before > 0 and self.max_end[before - 1] > start


@dataclass
class Guarding:
    lexicon: Lexicon
    trigrams: Trigrams
    candidates: Candidates
    _guard_codes: dict[tuple[str, bool, str, bool, bool, str], str | None] = field(
        default_factory=dict, init=False, repr=False
    )
    _old_forms: dict[str, OldSpelling | None] = field(default_factory=dict, init=False, repr=False)

    def found(
        self,
        texts: Sequence[str],
        cuts: Sequence[frozenset[int]],
        protected: Sequence[Iterable[tuple[int, int]]],
    ) -> list[tuple[int, Word, str | None]]:
        """Every word of the passages (text, cuts, protected ranges) with its guard's code."""
        found: list[tuple[int, Word, str | None]] = []
        if clearly_other("\n".join(texts)):
            return found  # a document in another language: no French corrections
        for index, text in enumerate(texts):
            if clearly_other(text):
                continue  # a passage in another language (language.py)
            overlaps = _Ranges(protected[index])
            for word in words(text, cuts[index]):
                if overlaps.any_between(word.start, word.end):
                    continue
                found.append((index, word, self._guarded(word, text, False)))
        codes = [
            "long-s" if code is None and self._long_s(w.text) else code for _, w, code in found
        ]
        long_s = codes.count("long-s")
        if not old_text("old" if code == "long-s" else code for code in codes):
            # A modern text: a foreign word alone among French words is misread (guards.py).
            return lone_foreign(found)
        # An old text: accents missing from a word are its spelling, not OCR's.
        found = [(i, w, code or self._guarded(w, texts[i], True)) for i, w, code in found]
        if long_s < OLD_TEXT_WORDS and clean_print([w for _, w, _ in found]):
            # A clean old text: a word that looks spelled is its spelling (oldtext.py). A
            # text whose long s OCR read as f was not read cleanly.
            found = [
                (i, w, code or ("old" if spelled(w.text, self.trigrams) else None))
                for i, w, code in found
            ]
        return found

    def _long_s(self, text: str) -> bool:
        """Whether an unknown word is a word of the lexicon, or an old spelling, with its f
        read as s: the long s (ſ), which OCR reads as f, is the mark of print before about
        1800, and it hides the old spellings that make an old text (`eftoit` is `estoit`),
        so such a word counts as one of them. The long s was never a word's last letter
        A text with such words was not read cleanly: its words that look spelled are not
        taken for its spelling (passes: Hiftorien, établiffements, eftoit; fails: fable, a word as it is;
        xfz, no word either way; ccssf, whose f is last)."""
        places = [i for i, ch in enumerate(text[:-1]) if ch == "f"]
        if not places or self.lexicon.is_word(text):
            return False
        every = "".join("s" if i in places else ch for i, ch in enumerate(text))
        readings = {every} | {text[:i] + "s" + text[i + 1 :] for i in places}
        for reading in readings:
            if self.lexicon.is_word(reading):
                return True
            old = self._old_form(reading)
            if old is not None and old.strong:
                return True
        return False

    def _guarded(self, word: Word, text: str, old_text: bool) -> str | None:
        """The guard's code for a word, asked once per situation_key in a process."""
        key = situation_key(word, text, old_text)
        if key in self._guard_codes:
            return self._guard_codes[key]
        code = guarded(
            Situation(
                word,
                text,
                self.lexicon,
                old_text,
                self.trigrams,
                self._misread_capital,
                self._old_form,
            )
        )
        if len(self._guard_codes) > GUARD_CACHE:
            self._guard_codes.clear()
        self._guard_codes[key] = code
        return code

    def _old_form(self, text: str) -> OldSpelling | None:
        """oldspell.modern_form, once per word in a process."""
        if text not in self._old_forms:
            if len(self._old_forms) > GUARD_CACHE:
                self._old_forms.clear()
            self._old_forms[text] = modern_form(text, self.lexicon.is_word)
        return self._old_forms[text]

    def _misread_capital(self, text: str) -> bool:
        """The best reading of a capitalised word is a lowercase word, by learned
        confusions only (Ja: la, Tevint: revint)."""
        ranked = self.candidates.ranked(text)
        return (
            bool(ranked)
            and shape(ranked[0].text) == "lower"
            and all(logp > UNSEEN_EDIT for _, _, logp in ranked[0].edits)
        )
