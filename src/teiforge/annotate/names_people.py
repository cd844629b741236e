"""The names stage's people: found by their context (titles, functions, initials,
speaker labels), then their surnames alone once introduced; and, as a last resort, the
proper nouns the lexicon knows. Each returns Candidates, block by block, for
annotate/names.py to choose among.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from ..names.bare import mentions, proper_nouns
from ..names.candidates import Candidate, Words
from ..names.context import in_compound, in_longer_name, written_as_places
from ..names.document import DocumentEntries
from ..names.model import DOCUMENT
from ..names.people import Person, people
from ..names.variants import garbled_surnames
from ..ocr import load_corrector


def is_proper(word: str) -> bool:
    return load_corrector().lexicon.is_proper(word)


def _in_lexicon(word: str) -> bool:
    """Any form the lexicon holds: a word, a proper noun, a form French prose attests."""
    lexicon = load_corrector().lexicon
    return lexicon.is_attested(word) or lexicon.is_proper(word) or lexicon.is_word(word)


def is_common(word: str) -> bool:
    """A common word, no proper noun (CHAPITRE, croix; not Rouen), by the lexicon the ocr
    stage shares (loaded once)."""
    lexicon = load_corrector().lexicon
    return lexicon.is_word(word) and not lexicon.is_proper(word)


def by_context(
    blocks: dict[int, Words], listed: dict[int, list[tuple[int, int]]], entries: DocumentEntries
) -> dict[int, list[Candidate]]:
    """People found by context, block by block in reading order, then their surnames
    alone once introduced; one entry a surname (M. Brocq, then Brocq). A name that opens
    with "de" on a place the lists know is a land's title, not a surname (le comte de
    Toulouse)."""
    found: dict[int, list[Candidate]] = {}
    introduced: set[str] = set()
    by_block = {
        index: [
            p
            for p in people(words.text, words.tokens, is_common)
            if not (
                p.text.startswith(("de ", "d'", "d’", "du "))
                and any(start < p.end and p.start < end for start, end in listed[index])
            )
        ]
        for index, words in blocks.items()
    }
    # The OCR's garbled repetitions of a name (Demaanrea beside Demazures twice).
    written = [t for words in blocks.values() for t in words.tokens if t.capitalised]
    capitals = Counter(t.key for t in written)
    lexicon = load_corrector().lexicon
    lexical = {t.key for t in written if lexicon.is_listed(unicodedata.normalize("NFC", t.text))}
    surnames = (p.surname for here in by_block.values() for p in here)
    garbled = garbled_surnames(surnames, capitals, _in_lexicon, lexical)
    for index, words in blocks.items():
        lands = listed[index]
        here = [p for p in by_block[index] if p.surname not in garbled]
        candidates = [
            Candidate(p.start, p.end, p.words, DOCUMENT, person_entry(entries, p.surname, p.text))
            for p in here
        ]
        first: dict[str, int] = {}  # where this block introduces a surname: mentions come after
        for person in here:
            first.setdefault(person.surname, person.end)
        for mention in mentions(words.text, words.tokens, frozenset(introduced | set(first))):
            if mention.start < first.get(mention.surname, 0):
                continue
            at = next(i for i, t in enumerate(words.tokens) if t.start == mention.start)
            if _place_after_to(words, at, lands):
                continue  # M. Paris, conseiller général ... Fait à Paris
            if not in_longer_name(words.text, words.tokens, words.linked, at, at + 1):
                key = f"person:{mention.surname}"
                candidates.append(Candidate(mention.start, mention.end, 1, DOCUMENT, key))
        introduced.update(p.surname for p in here)
        found[index] = candidates
    return found


def _place_after_to(words: Words, at: int, lands: Sequence[tuple[int, int]]) -> bool:
    """A surname repeated after "à" or "en" where a list knows a place of that name: the
    place (Fait à Paris, in a document that names M. Paris)."""
    token = words.tokens[at]
    return (
        at >= 1
        and unicodedata.normalize("NFC", words.tokens[at - 1].text) in ("à", "À", "en")
        and any(start <= token.start and token.end <= end for start, end in lands)
    )


class _InFrench:
    """Whether most of the block's words in small letters (three letters or more) are
    French; worked out the first time it is asked."""

    def __init__(self, words: Words, is_word: Callable[[str], bool]) -> None:
        self.words, self.is_word = words, is_word
        self.answer: bool | None = None

    def __call__(self) -> bool:
        if self.answer is None:
            small = [t.text for t in self.words.tokens if len(t.text) >= 3 and t.text.islower()]
            self.answer = sum(map(self.is_word, small)) >= 0.7 * len(small)
        return self.answer

    def only(self, test: Callable[[str], bool]) -> Callable[[str], bool]:
        """`test`, true only in a French block."""
        return lambda word: test(word) and self()


def by_lexicon(
    blocks: dict[int, Words], listed: dict[int, list[tuple[int, int]]], entries: DocumentEntries
) -> dict[int, list[Candidate]]:
    """People the lexicon knows as proper nouns, where no list knows a name (even one its
    context rejects: Ham, Maurice); after à or de only if the document also has the word
    free of them (Platon, not Délos)."""
    lexicon = load_corrector().lexicon  # shared with the ocr stage, loaded once
    found: dict[int, list[tuple[Candidate, bool, str]]] = {}
    free_keys: set[str] = set()
    for index, words in blocks.items():
        taken = listed[index]
        found[index] = []
        # In a passage of another language (a Latin colophon), a capitalised word is no
        # sign of a name: only the lexicon's proper nouns are taken there.
        french = _InFrench(words, lexicon.is_word)  # asked only of a guess
        for person, free in proper_nouns(
            words.text,
            words.tokens,
            words.linked,
            lexicon.is_proper,
            french.only(lexicon.is_attested_name),
            french.only(lexicon.is_rare_word),
            is_common,
        ):
            if any(start < person.end and person.start < end for start, end in taken):
                continue
            if in_compound(words.text, person.start, person.end):
                continue  # Seine-et-Oise
            key = f"person:{person.surname}"
            candidate = Candidate(person.start, person.end, person.words, DOCUMENT, key)
            found[index].append((candidate, free, person.text))
            if free:
                free_keys.add(person.surname)
    placed = written_as_places(words.tokens for words in blocks.values())
    kept: dict[int, list[Candidate]] = {}
    for index, items in found.items():
        kept[index] = []
        for candidate, free, text in items:
            surname = candidate.entry.removeprefix("person:")
            if surname in placed:
                continue  # un voyage à Tombouctou: a place the lists do not know
            if free or surname in free_keys:
                person_entry(entries, candidate.entry.removeprefix("person:"), text)
                kept[index].append(candidate)
    return kept


def candidate(person: Person) -> Candidate:
    return Candidate(person.start, person.end, person.words, DOCUMENT, f"person:{person.surname}")


def person_entry(entries: DocumentEntries, surname: str, text: str) -> str:
    return entries.generate("person", " ".join(text.split()), key=f"person:{surname}")
