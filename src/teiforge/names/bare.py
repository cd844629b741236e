"""People named bare, without a title or an initial: a surname again once the document
introduced it (`Brocq` after `M. Brocq`), and a word the lexicon gives as a proper noun or
a surname (`Descartes`, `Lancret`), alone, where nothing says it is a place or a thing.

passes: [Descartes] créoit la philosophie, M. Brocq ... [Brocq] dit
fails:  le Danube, en Navarre, ses Etudes, les Tribunaux, l'hôtel Soubise
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from ..lang import fr_names
from .context import in_longer_name, starts_sentence
from .fragments import firm
from .normalise import Token
from .people import _TITLES, Person, _name_at, _person


def mentions(text: str, tokens: Sequence[Token], surnames: frozenset[str]) -> Iterator[Person]:
    """A surname introduced earlier, alone and capitalised (Brocq after M. Brocq); not
    after an article (the Olt of a list of rivers, then "la vallée de l'Olt")."""
    for index, token in enumerate(tokens):
        if token.key in surnames and token.capitalised and len(token.text) >= 3:
            if _ROMAN_NUMBER.fullmatch(token.text):
                continue  # Diane III, then III: a number, no surname
            if index and tokens[index - 1].key in _NOT_BEFORE_PERSON:
                continue
            yield Person(token.start, token.end, 1, token.key, token.text)


_ROMAN_NUMBER = re.compile(r"[IVXLC]+")
# A compound of a place's shape: a particle between hyphens (Vitry-le-François,
# Arcis-sur-Aube), which no lexicon guess reads as a person.
_PLACE_COMPOUND = re.compile(r"-(?:le|la|les|sur|sous|en|lès|lez|aux)-")


# Words after which a proper noun is a thing, a river or a place rather than a person
# (le Danube, au Cnam, en Navarre, ses Etudes, les îles Andaman, l'hôtel Soubise).
# fmt: off
_NOT_BEFORE_PERSON = frozenset({
    "le", "la", "les", "l", "du", "des", "au", "aux", "un", "une", "en", "ce", "cet", "cette",
    "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre",
    "vos", "leur", "leurs", "quelque", "chaque", "ile", "iles", "mont", "monts", "lac", "cap",
    "fleuve", "riviere", "col", "golfe", "detroit", "mer", "rue", "boulevard", "avenue", "quai",
    "pont", "hotel", "eglise", "abbaye", "chateau", "porte", "faubourg"
})
# fmt: on


# Endings of French common nouns that no surname has (Ampliation, Boucherie, Épicerie),
# where a capital in mid-sentence heads a table's line or an article, folded.
_COMMON_NOUN_ENDINGS = ("tion", "sion", "erie")


def _after_capitalised_noun(
    text: str, tokens: Sequence[Token], index: int, is_common: Callable[[str], bool]
) -> bool:
    """A capitalised common word just before, with only spaces between (COULEUR Marron,
    Essieux Fiat, Grand Guignol): a label's or a heading's words, no surname; not a given
    name nor a saint's (Pierre Boucher)."""
    before = tokens[index - 1] if index else None
    return (
        before is not None
        and before.capitalised
        and len(before.text) >= 3  # (M, Ber-ger: a garbled title)
        and not text[before.end : tokens[index].start].strip()  # (du Bâtiment, Gradin)
        and before.key not in fr_names.GIVEN_NAMES | _SAINTS
        and is_common(before.text.lower())
    )


_SAINTS = frozenset({"saint", "sainte", "st", "ste"})


# After these, a proper noun is a place as often as a person (à Rome, de Mantoue; but
# les dialogues de Platon): a person only if the document also has it elsewhere.
_PLACE_OR_WORK = frozenset({"a", "de", "d", "vers", "dans", "sur", "pour"})


def _after_article_and_adjective(tokens: Sequence[Token], index: int) -> bool:
    """An article and a word in small letters before it: a thing or a land described (le
    bas Danube, la haute Égypte), not a person."""
    return (
        index >= 2
        and tokens[index - 2].key in _ARTICLES
        and tokens[index - 1].text.islower()
        and tokens[index - 1].key not in _PLACE_OR_WORK
    )


_ARTICLES = frozenset({"le", "la", "les", "l"})


def _of_a_person(tokens: Sequence[Token], index: int) -> bool:
    """After a noun of a person's work, kin or life and "de": le portrait de Boucher, la
    mort de César, the works' adjective between (Œuvres complètes de Massillon;
    lang/fr_names.py: PERSON_OF, WORKS_ADJECTIVES)."""
    if index < 2 or tokens[index - 1].key not in ("de", "d"):
        return False
    noun = index - 2
    if noun >= 1 and tokens[noun].key in fr_names.WORKS_ADJECTIVES:
        noun -= 1  # les Œuvres complètes de Bossuet
    return tokens[noun].key in fr_names.PERSON_OF


def proper_nouns(
    text: str,
    tokens: Sequence[Token],
    linked: Sequence[bool],
    is_proper: Callable[[str], bool],
    is_attested: Callable[[str], bool],
    is_rare: Callable[[str], bool],
    is_common: Callable[[str], bool] = lambda word: False,
) -> Iterator[tuple[Person, bool]]:
    """A word the French lexicon knows only as a proper noun (Descartes, Platon), or, in
    mid-sentence, a capitalised word that French prose uses and that is no common word of
    French or of another language (Lancret, Galien: `is_attested`) or a rare word that is
    no adjective of a people nor a plural (Boucher, not Roumain nor Tribunaux: `is_rare`),
    alone, not in capitals, not after an article,
    a possessive, "en" or the noun of a river, a street or a building: a person; and
    whether it stands free of a preposition that could make it a place (see
    _PLACE_OR_WORK). Known places and organisations win over it (the annotator offers it
    last)."""
    for index, token in enumerate(tokens):
        if not token.capitalised or token.text.isupper() or len(token.text) < 3:
            continue
        if index and tokens[index - 1].key in _NOT_BEFORE_PERSON:
            continue
        if _after_article_and_adjective(tokens, index):
            continue
        if in_longer_name(text, tokens, linked, index, index + 1):
            continue
        if is_proper(token.text) or (
            not starts_sentence(text, tokens, index)
            and token.text[1:].islower()
            and len(token.text) >= 4
            and token.key not in fr_names.NOT_NAME_WORDS
            and token.key not in _TITLES
            and (
                is_attested(token.text)
                or is_rare(token.text)
                and not token.key.endswith(fr_names.DEMONYM_ENDINGS)
                and not token.key.endswith(("s", "x"))  # les Tribunaux, excellents Ecrivains
                and not token.key.endswith(_COMMON_NOUN_ENDINGS)  # Ampliation, Boucherie
                and not _after_capitalised_noun(text, tokens, index, is_common)  # Essieux Fiat
            )
        ):
            free = (
                not index
                or tokens[index - 1].key not in _PLACE_OR_WORK
                or _of_a_person(tokens, index)
            )
            # With the particle and the name after it: Ninon de Lenclos.
            stop = _name_at(text, tokens, index) or index + 1
            if _PLACE_COMPOUND.search(text[token.start : tokens[stop - 1].end]):
                continue  # Vitry-le-François
            if (
                firm(text, tokens[stop - 1].end)
                or text[max(0, token.start - 2) : token.start].strip() == "&"
            ):
                continue  # Otto Beyeler & Cie: a firm's
            yield _person(text, tokens, index, stop), free
