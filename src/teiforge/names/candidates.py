"""The names of one block of text: every candidate the lists and the rules offer, then the
ones kept. Longest wins (Conseil général de l'Isère over Conseil général over Isère); for
the same words, the user's list wins over the base, the base over a rule."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..lang import fr_names
from ..model import Span
from .context import (
    NOBLE_TITLES,
    after_person,
    hyphens_kept,
    in_compound,
    in_longer_name,
    place_context,
    starts_sentence,
)
from .document import DocumentEntries
from .known import Known
from .matcher import Hit, Matcher
from .model import AUTHORITY, BASE, DOCUMENT
from .normalise import Token, fold, joined, tokenise
from .references import Found, in_references

ARTICLES = ("Le ", "La ", "Les ", "L'", "L’")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    words: int
    origin: int
    entry: str


@dataclass(frozen=True)
class Words:
    """A block's text cut into words, and which neighbours may belong to one name."""

    text: str
    tokens: list[Token]
    linked: list[bool]

    @classmethod
    def of(cls, text: str, breaks: Iterable[int] = ()) -> Words:
        tokens = tokenise(text, frozenset(breaks))
        linked = [joined(text, a, b) for a, b in pairwise(tokens)]
        return cls(text, tokens, linked)

    def candidate(self, hit: Hit, origin: int, entry: str) -> Candidate:
        start, end = self.tokens[hit.first].start, self.tokens[hit.stop - 1].end
        return Candidate(start, end, hit.stop - hit.first, origin, entry)


def _never_common(word: str) -> bool:
    return False


def _base_place_ok(
    words: Words,
    hit: Hit,
    is_common: Callable[[str], bool],
    is_proper: Callable[[str], bool] = _never_common,
) -> bool:
    """See context.py: a place of the base is taken only where it cannot be something else."""
    text, tokens = words.text, words.tokens
    # A commune's one word after an article it does not have is the common word it also
    # is (au pied de la Croix, le Pont), whatever its capital (`is_common`: a word of the
    # lexicon that is no proper noun).
    if (
        hit.stop - hit.first == 1
        and hit.name.entry[0] == "c"
        and hit.first
        and tokens[hit.first - 1].key in ("la", "le", "les", "l")
        and is_common(tokens[hit.first].text)
    ):
        return False
    if (
        in_longer_name(text, tokens, words.linked, hit.first, hit.stop)
        or _named_after(text, tokens, hit.first)
        or _after_proper_and_de(text, tokens, hit.first, is_proper)
        or in_compound(text, tokens[hit.first].start, tokens[hit.stop - 1].end)
        or not hyphens_kept(text, tokens, hit.first, hit.name.text, hit.name.entry[0] in "nska")
        or after_person(
            text, tokens, hit.first, contracted=bool(hit.name.after), town=hit.name.entry[0] in "ca"
        )
    ):
        return False
    if not hit.name.ambiguous:
        return True
    if _idiom(tokens, hit.first, hit.stop):
        return False
    # A common word after an article is the word, whatever its capital: le maire de la
    # Ville (the commune Ville has no article).
    if (
        "w" in hit.name.ambiguous
        and hit.first
        and tokens[hit.first - 1].key in ("la", "le", "l", "les")
    ):
        return False
    # An ambiguous name is written exactly as its capitals say, article included: the
    # village La Chaise, not "à la chaise".
    capitals = [w[:1].isupper() for w in re.findall(r"[^\W\d_]+", hit.name.text)]
    written = [t.capitalised for t in tokens[hit.first : hit.stop]]
    if capitals != written:
        return False
    # A capitalised article in mid-sentence is the name's: Le Havre, Le Mans (not a
    # heading in capitals: DANS LA BATAILLE).
    article = hit.name.text[: len(tokens[hit.first].text)]
    if (
        hit.name.text.startswith(ARTICLES)
        and tokens[hit.first].text == article
        and not starts_sentence(text, tokens, hit.first)
    ):
        return True
    if _publication_place(text, tokens[hit.first].start, tokens[hit.stop - 1].end):
        return True
    # "à Vienne" is Vienna as often as the commune: such names need a place noun, and so
    # does a saint's name several communes bear (à Saint-Sulpice: base.py). So does
    # a village's name without its article: "au Fieu que" is the OCR's "au lieu que".
    village = "t" in hit.name.ambiguous and bool(hit.name.after)
    strong = len(hit.name.text) == 1 or bool(set(hit.name.ambiguous) & {"x", "v"}) or village
    return place_context(tokens, hit.first, strong, contracted=bool(hit.name.after))


# Nouns of a street, a building or a body before the name it bears without "de": that
# name is the thing's, not a place (l'hôtel Soubise, la rue Montmartre, le collège
# Sainte-Barbe, l'église Saint-Sulpice); folded.
# fmt: off
NAMED_THINGS = frozenset({
    "rue", "ruelle", "boulevard", "avenue", "quai", "place", "impasse", "passage", "pont",
    "porte", "faubourg", "hotel", "eglise", "chapelle", "abbaye", "chateau", "palais",
    "theatre", "college", "lycee", "ecole", "institution", "pension", "couvent", "hopital",
    "hospice", "prieure", "pensionnat", "seminaire", "caserne", "fort", "gare"
})
# fmt: on


# Nouns of a street before "de" and the name it bears (la rue de Puteaux, le square des
# États-Unis, le boulevard de Strasbourg): that name is the street's; folded.
STREETS = frozenset({"rue", "ruelle", "boulevard", "avenue", "quai", "impasse", "square"})


def _named_after(text: str, tokens: Sequence[Token], first: int) -> bool:
    """Right after such a noun in small letters, a space only between (not "au passage,
    Paris"); or after a street's noun, "de" and an article perhaps (la rue de la Paix,
    Rue de la Chine)."""
    if first < 1:
        return False
    noun = tokens[first - 1]
    between = text[noun.end : tokens[first].start]
    if noun.key in NAMED_THINGS and noun.text.islower() and between == " ":
        return True
    at = first - 1
    if at >= 1 and tokens[at].key in ("la", "l"):
        at -= 1
    return (
        at >= 1
        and tokens[at].key in ("de", "d", "du", "des")
        and tokens[at - 1].key in STREETS  # in any case: Rue de la Chine
        and text[tokens[at - 1].end : tokens[at].start] == " "
    )


def _after_proper_and_de(
    text: str, tokens: Sequence[Token], first: int, is_proper: Callable[[str], bool]
) -> bool:
    """After a proper noun or a given name and "de": the end of a person's name (Cyrano de
    Bergerac, Philibert de Marsilly), not a place; not after a common noun, an old
    spelling or a word the OCR garbled (la Prise de Malakoff, les Roys de France, le
    Congrèt de Paris), a title or a sentence's first word."""
    if (
        first < 2
        or tokens[first - 1].key not in ("de", "d")
        or not tokens[first - 1].text.islower()
    ):
        return False
    word = tokens[first - 2]
    written = unicodedata.normalize("NFC", word.text)  # decomposed accents
    return (
        text[word.end : tokens[first - 1].start] == " "
        and word.capitalised
        and not word.text.isupper()
        and len(word.text) >= 3
        and word.key not in NOBLE_TITLES | fr_names.ORG_HEADS
        and not starts_sentence(text, tokens, first - 2)
        and (is_proper(written) or word.key in fr_names.GIVEN_NAMES)
    )


_YEAR_AFTER = re.compile(r"\s?[,.]\s?(?:\d{4}\b|an\s)")


def _publication_place(text: str, start: int, end: int) -> bool:
    """A place of publication in a reference, in a parenthesis before the year: (Berlin,
    1792), (2e éd., Londres. 1826), (Paris, an X); not (Durkheim, 1912), a name no list
    holds as a place."""
    before = text[max(0, start - 40) : start].rstrip()
    opened = before.endswith("(") or (
        before.endswith(",") and before.rfind("(") > before.rfind(")")
    )
    return opened and _YEAR_AFTER.match(text, end) is not None


def _idiom(tokens: Sequence[Token], first: int, stop: int) -> bool:
    """The same word either side of "à" is an idiom, not a place: de Ville à Ville, de
    Porte à Porte."""
    if stop - first != 1:
        return False
    key = tokens[first].key
    before = first >= 2 and tokens[first - 1].key == "a" and tokens[first - 2].key == key
    after = stop + 1 < len(tokens) and tokens[stop].key == "a" and tokens[stop + 1].key == key
    return before or after


def list_hits(words: Words, known: Known) -> list[tuple[int, Hit]]:
    """Every name of the lists written in the block, with its list's origin."""
    return [
        (origin, hit)
        for origin, (_, matcher) in enumerate(known.lists)
        for hit in matcher.hits(words.tokens, words.linked)
    ]


def from_lists(
    words: Words,
    known: Known,
    hits: Sequence[tuple[int, Hit]] | None = None,
    is_common: Callable[[str], bool] = _never_common,
    is_proper: Callable[[str], bool] = _never_common,
) -> Iterator[Candidate]:
    """The names of the user's list and of the base (`hits`: list_hits, if known;
    `is_common`: whether a word is a common word, not a proper noun; `is_proper`: whether
    it is a proper noun)."""
    hits = list_hits(words, known) if hits is None else hits
    paired = _place_of_place(words, hits)
    for origin, hit in hits:
        place = origin == BASE and hit.name.kind == "place"
        if place and (
            (hit.first, hit.stop) in paired or not _base_place_ok(words, hit, is_common, is_proper)
        ):
            continue
        yield words.candidate(hit, origin, hit.name.entry)


def _place_of_place(words: Words, hits: Sequence[tuple[int, Hit]]) -> set[tuple[int, int]]:
    """Two places of the base joined by "de" (Clermont d'Amboise, Valmont de Bomare): a
    noble's name, not two places (a compound place's name has its hyphens)."""
    places = {
        (hit.first, hit.stop) for origin, hit in hits if origin == BASE and hit.name.kind == "place"
    }
    starts = {first for first, _ in places}
    listed = {hit.first for _, hit in hits}
    tokens, linked = words.tokens, words.linked
    paired: set[tuple[int, int]] = set()
    for first, stop in places:
        if (
            stop + 1 in starts
            and tokens[stop].key in ("de", "d", "du")
            and tokens[first].capitalised
            and linked[stop - 1]
            and linked[stop]
        ):
            paired.add((first, stop))
            paired.update(p for p in places if p[0] == stop + 1)
        elif _before_a_noble_name(words, first, stop, listed):
            paired.add((first, stop))
    return paired


def _before_a_noble_name(words: Words, first: int, stop: int, listed: set[int]) -> bool:
    """A place's name before "de" and a capitalised word that no list knows, in one run of
    words, is the first part of a person's name (Valmont de Bomare), not a place; not
    after an article (le Paris de Balzac is the city)."""
    tokens, linked = words.tokens, words.linked
    after = stop + 1
    return (
        after < len(tokens)
        and tokens[stop].key in ("de", "d")
        and tokens[after].capitalised
        and not tokens[after].text.isupper()
        and after not in listed
        and linked[stop - 1]
        and linked[stop]
        and not (first and tokens[first - 1].key in ("le", "la", "l", "les"))
        and not starts_sentence(words.text, tokens, after)
    )


def listed_spans(
    words: Words, known: Known, hits: Sequence[tuple[int, Hit]] | None = None
) -> list[tuple[int, int]]:
    """Where the lists have a name, whether or not its context lets it be tagged (Ham,
    Maurice): such words are not left to rules that guess a person. A place the base
    flags as a person's name too (Descartes), or a city abroad (Franklin), is left to
    them in mid-sentence."""
    return [
        (words.tokens[hit.first].start, words.tokens[hit.stop - 1].end)
        for _, hit in (list_hits(words, known) if hits is None else hits)
        if not set(hit.name.ambiguous) & {"p", "a"}
        or starts_sentence(words.text, words.tokens, hit.first)
    ]


def from_document(words: Words, document: Matcher) -> Iterator[Candidate]:
    """The names the document itself gave (an acronym and its expansion)."""
    for hit in document.hits(words.tokens, words.linked):
        yield words.candidate(hit, hit.name.origin, hit.name.entry)


def _count_words(text: str, found: Found) -> int:
    return len(tokenise(text[found.start : found.end]))


def from_references(
    text: str, known: Known, entries: DocumentEntries, regions: Sequence[tuple[int, int]]
) -> Iterator[Candidate]:
    """Authors, publishers and places of publication inside `regions` (references)."""
    for found in in_references(text):
        if not any(start <= found.start and found.end <= end for start, end in regions):
            continue
        words = _count_words(text, found)
        if found.kind == "person":
            surname = " ".join(t.key for t in tokenise(found.surname))
            entry = known.person(surname, fold(found.initial))
            if entry is not None:
                yield Candidate(found.start, found.end, words, AUTHORITY, entry)
                continue
            key = f"person:{surname}|{fold(found.initial)}"
            entries.generate("person", " ".join(found.text.split()), key=key)
            yield Candidate(found.start, found.end, words, DOCUMENT, key)
        else:
            key = entries.generate(found.kind, found.text)
            yield Candidate(found.start, found.end, words, DOCUMENT, key)


# Spans found earlier that a name may sit inside (TEI lets these hold names).
# fmt: off
CONTAINERS = frozenset({
    "quote", "q", "said", "hi", "foreign", "title", "label", "bibl", "author", "editor",
    "publisher", "pubPlace"
})
# fmt: on
NAMES = frozenset({"persName", "placeName", "orgName", "name", "roleName"})


def _fits(candidate: Candidate, existing: Sequence[Span]) -> bool:
    """Not across an earlier span, not on or in an earlier name, inside containers only."""
    for span in existing:
        if span.start == span.end:
            continue  # a milestone (a page break) may fall inside a name
        if span.end <= candidate.start or candidate.end <= span.start:
            continue
        if span.tag in NAMES:
            return False
        inside = span.start <= candidate.start and candidate.end <= span.end
        if not inside or span.tag not in CONTAINERS:
            return False
    return True


def choose(candidates: Iterable[Candidate], existing: Sequence[Span]) -> list[Candidate]:
    """Longest first (in words, then characters), then by origin, then leftmost; each
    kept only if it overlaps nothing kept and fits the spans found earlier."""
    ranked = sorted(
        set(candidates), key=lambda c: (-c.words, c.start - c.end, c.origin, c.start, c.entry)
    )
    kept: list[Candidate] = []
    for candidate in ranked:
        if any(c.start < candidate.end and candidate.start < c.end for c in kept):
            continue
        if _fits(candidate, existing):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)
