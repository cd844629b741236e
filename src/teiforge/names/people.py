"""People in running text, found by their context rather than by a list:

- after a form of address or a rank (lang/fr_names.py: PERSON_TITLES, PERSON_FUNCTIONS): `M.
  Brocq`, `Mme Anny Coker`, `MM. Piddington et Owen`, `le docteur Broca`, `M. GAETAN DE LA
  ROCHEFOUCAULD` (the title stays outside the name);
- initials before a surname: `J. Dupont`, `J.-B. Say`, a signature `A. MARTIN.`;
- a given name before a surname or a king's number: `Louis Rousselet`, `Charles V`;
- a speaker's label in minutes, `BROCA. —`, and a signature, `Le Secrétaire, GIRARD`;
- before a function set apart by a comma: `Verdun, substitut du procureur`;
(A surname again, alone, once one of these introduced it, is found in bare.py.)

passes: M. [Bissette], Mme [Anny Coker], le général [Faidherbe], [J.-B. Say], [Verdun],
        substitut
fails:  M. le Président, I. Introduction, le général en chef, Monsieur, à Paris, le maire
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import partial

from ..lang import fr, fr_names
from .context import FUNCTION_WORDS, starts_sentence
from .fragments import across_break, firm, garbled_capital
from .normalise import Token, fold

_TITLES = frozenset(fold(w) for w in fr_names.PERSON_TITLES)
_FUNCTIONS = frozenset(fold(w) for w in fr_names.PERSON_FUNCTIONS)
_ROLES = _FUNCTIONS | fr_names.NOT_NAME_WORDS  # before a signature: Le Secrétaire, GIRARD
_ABBREVIATIONS = frozenset(fold(t.rstrip(".")) for t in fr.NAME_TITLES)
_PLURAL = frozenset({"mm", "mmes", "messieurs", "mesdames", "mlles"})
_PARTICLES = fr_names.NAME_PARTICLES
_LINKS = frozenset({"et", "and"})  # MM. Piddington et Owen
_PLACE_PREPOSITIONS = frozenset({"a", "en", "de", "d", "au", "aux", "du", "des", "vers"})
_GIVEN = fr_names.GIVEN_NAMES
_LABEL_END = re.compile(r"\s*\.\s*[—–-]")  # BROCA. —
# Ranks of nobility, after which a name opens with its particle (la marquise de Prie).
# fmt: off
_NOBLE = frozenset({
    "comte", "comtesse", "duc", "duchesse", "marquis", "marquise", "baron", "baronne",
    "vicomte", "vicomtesse", "prince", "princesse", "chevalier", "sieur", "seigneur"
})
# fmt: on
_ROMAN = re.compile(r"X{0,3}(?:IX|IV|V?I{0,3})")


@dataclass(frozen=True)
class Person:
    start: int
    end: int
    words: int
    surname: str  # folded key of the last word: the name's entry and its later mentions
    text: str


def _only_spaces(text: str, left: Token, right: Token, dot: bool = False) -> bool:
    between = text[left.end : right.start]
    return (between.replace(".", "", 1) if dot else between).strip() == ""


def _name_word(token: Token) -> bool:
    """A capitalised word that may be part of a name (J, Brocq, ROCHEFOUCAULD); not one
    with a capital after three letters in small ones, which the OCR garbled (DelapalHie;
    McLean, LaFayette, DeVries stay)."""
    return (
        token.capitalised
        and not garbled_capital(token.text)
        and token.key not in fr_names.NOT_NAME_WORDS
        and token.key not in _TITLES
        and token.key not in _PARTICLES
        and token.key not in FUNCTION_WORDS  # B. Les impasses: a list's letter
    )


def _initial(text: str, token: Token) -> bool:
    """One capital and its full stop (J.), a given name's first letters and their full
    stop (Ch., Ed.: lang/fr_names.py GIVEN_ABBREVIATIONS), or a dotted abbreviation of capitals
    (J.-B. is J, B; A.M. is one token)."""
    if token.dotted:
        return token.text.replace(".", "").isupper()
    if text[token.end : token.end + 1] != "." or not token.text[:1].isupper():
        return False
    # (Ch., Ed.: a given name's first letters, which a name must follow.)
    return len(token.text) == 1 or token.key in fr_names.GIVEN_ABBREVIATIONS


def _name_at(text: str, tokens: Sequence[Token], first: int, titled: bool = False) -> int | None:
    """The end (token index) of a name starting at `first`: initials, capitalised words and
    the particles between them, joined by spaces, hyphens or apostrophes only; it must
    end on a word of two letters or more that is not an initial."""
    index, last = first, None
    while index < len(tokens):
        token = tokens[index]
        if index > first and not _joined(text, tokens[index - 1], token):
            break
        if _initial(text, token):
            if last is not None and token.key in _ABBREVIATIONS:
                break  # M. Franklin-Bouillon M. Herriot: the next one's title
            index += 1
            continue
        if _name_word(token) and len(token.text) >= 2:
            last = index
            index += 1
            continue
        # A particle continues the name only before another capitalised word; in a name
        # in capitals, so may the particle (DE LA ROCHEFOUCAULD).
        # After a title, a name may open with its particle (M. de Tocqueville).
        opening = last is None and titled
        if token.key in _PARTICLES and (last is not None or opening) and index + 1 < len(tokens):
            # (M. DE QUATREFAGES: a name in capitals may open with its particle.)
            neighbour = tokens[last] if last is not None else tokens[index + 1]
            capitals = neighbour.text.isupper() and (last is not None or len(neighbour.text) > 1)
            if token.text.islower() or token.text.isupper() and capitals:
                index += 1
                continue
        break
    return None if last is None else last + 1


def _joined(text: str, left: Token, right: Token) -> bool:
    """Spaces, a hyphen or an apostrophe, after the full stop of an initial (J. Dupont)."""
    between = text[left.end : right.start]
    if between.startswith(".") and _initial(text, left):
        between = between[1:]
        if between.strip() == "-" and between[-1].isspace():
            return False  # B. - Membres désignés: a list's letter and a dash (not A. -Vigneron)
    return between.strip() in ("", "-", "'", "’", "-.")


def _titled(text: str, tokens: Sequence[Token], index: int) -> bool:
    """A form of address (M., Mme, monsieur) or a rank in small letters (le docteur)."""
    token = tokens[index]
    if token.key in _ABBREVIATIONS:
        # M. or MM. with its full stop; Mme, Mlle, Mgr with or without it; capitalised.
        dot = text[token.end : token.end + 1] == "."
        return token.capitalised and (dot or token.key not in ("m", "mm", "me", "dr", "pr"))
    if token.key in _TITLES:
        return True
    return token.key in _FUNCTIONS and token.text.islower()


def after_titles(text: str, tokens: Sequence[Token]) -> Iterator[Person]:
    index = 0
    while index < len(tokens) - 1:
        titled = _titled(text, tokens, index)
        # Only an abbreviation's full stop may stand between (M. Brocq; not "son père. Moi").
        dot = tokens[index].key in _ABBREVIATIONS
        if not titled or not _only_spaces(text, tokens[index], tokens[index + 1], dot=dot):
            index += 1
            continue
        plural = tokens[index].key in _PLURAL
        start = index = index + 1
        while start < len(tokens):
            # M. de Tocqueville, la marquise de Prie; but "le maire de Lyon" is the
            # maire's place (and the annotator leaves "le comte de Toulouse" to the land).
            address = tokens[start - 1].key in _TITLES or (
                tokens[start - 1].key in _NOBLE and tokens[start].key in ("de", "d", "du")
            )  # (le prince des Roumains: a people)
            stop = _name_at(text, tokens, start, titled=address)
            if stop is None:
                break
            yield _person(text, tokens, start, stop)
            index = stop
            if not plural or stop >= len(tokens):
                break
            # MM. Piddington et Owen, MM. A, B et C: the names of a plural title.
            following = text[tokens[stop - 1].end : tokens[stop].start].strip()
            if tokens[stop].key in _LINKS and following == "":
                start = stop + 1
            elif following == ",":
                start = stop
            else:
                break


def after_initials(text: str, tokens: Sequence[Token]) -> Iterator[Person]:
    index = 0
    while index < len(tokens) - 1:
        token = tokens[index]
        if (
            _initial(text, token)
            and (index == 0 or not _initial(text, tokens[index - 1]))
            and token.key not in _ABBREVIATIONS
            and token.key != "ed"  # Ed. Hachette: a publisher's
            and not (
                len(token.text) == 1
                and token.text in fr_names.ROMAN_INITIALS
                and not _before_particle(tokens, index + 1)  # V. de Lanneau
            )
        ):
            # (An initial, like a title, may come before the particle: V. de Lanneau.)
            stop = _name_at(text, tokens, index, titled=True)
            if (
                stop is not None
                and stop - index >= 2
                and not _initial(text, tokens[stop - 1])
                and not _regnal(tokens[stop - 1])  # T. II, a volume
            ):
                yield _person(text, tokens, index, stop)
                index = stop
                continue
        index += 1


def _before_particle(tokens: Sequence[Token], at: int) -> bool:
    """A particle in small letters at `at` (a name's, not a heading's: V. De la ville)."""
    return at < len(tokens) and tokens[at].key in _PARTICLES and tokens[at].text.islower()


def _regnal(token: Token) -> bool:
    """A king's or a pope's number: V, XIV (up to XXXIX)."""
    return _ROMAN.fullmatch(token.text) is not None


def after_given_names(text: str, tokens: Sequence[Token]) -> Iterator[Person]:
    """A given name, then a surname (Louis Rousselet, Jean de Guistry, Jean-Baptiste Say)
    or a king's number (Charles V); not a saint's place (Saint-Louis)."""
    index = 0
    while index < len(tokens) - 1:
        token, following = tokens[index], tokens[index + 1]
        if (
            token.key not in _GIVEN
            or not token.capitalised
            or not _joined(text, token, following)
            or text[token.start - 1 : token.start] in "-‐‑"
            and token.start > 0
        ):
            index += 1
            continue
        if _regnal(following) and text[token.end : following.start].strip() == "":
            start, end = token.start, following.end
            yield Person(start, end, 2, f"{token.key} {following.key}", text[start:end])
            index += 2
            continue
        stop = _name_at(text, tokens, index + 1, titled=True)
        if stop is not None:  # (Samuel Bernard: a surname may be a given name too)
            yield _person(text, tokens, index, stop)
            index = stop
            continue
        index += 1


def _in_capitals(
    tokens: Sequence[Token], first: int, stop: int, is_common: Callable[[str], bool]
) -> bool:
    """Words in capitals, none a common word (CHAPITRE, RÉSUMÉ) but the particles."""
    words = tokens[first:stop]
    return (
        all(t.text.isupper() for t in words)
        and len(words[-1].text) >= 3
        and not any(t.key not in _PARTICLES and is_common(t.text.lower()) for t in words)
    )


def speaker_labels(
    text: str, tokens: Sequence[Token], is_common: Callable[[str], bool]
) -> Iterator[Person]:
    """A name in capitals opening a sentence, then a full stop and a dash: a speaker's
    turn in minutes (BROCA. — Je pense...); not a role (LE PRÉSIDENT. —) nor a heading
    (CHAPITRE III. —, RÉSUMÉ. —: `is_common`)."""
    for index, token in enumerate(tokens):
        if not token.text.isupper() or not starts_sentence(text, tokens, index):
            continue
        stop = _name_at(text, tokens, index, titled=True)
        if stop is None or not _in_capitals(tokens, index, stop, is_common):
            continue
        if _LABEL_END.match(text, tokens[stop - 1].end):
            yield _person(text, tokens, index, stop)


def signatures(
    text: str, tokens: Sequence[Token], is_common: Callable[[str], bool]
) -> Iterator[Person]:
    """A name in capitals after a role and a comma, closing a text: Le Secrétaire,
    GIRARD DE RIALLE."""
    for index in range(1, len(tokens)):
        role = tokens[index - 1]
        if role.key not in _ROLES or not role.text[1:].islower():
            continue
        if text[role.end : tokens[index].start].strip() != ",":
            continue
        stop = _name_at(text, tokens, index, titled=True)
        if stop is None or not _in_capitals(tokens, index, stop, is_common):
            continue
        if text[tokens[stop - 1].end :].strip() in ("", "."):
            yield _person(text, tokens, index, stop)


def before_functions(text: str, tokens: Sequence[Token]) -> Iterator[Person]:
    """A capitalised name, a comma, then a function in small letters: Verdun, substitut."""
    for index in range(1, len(tokens)):
        token = tokens[index]
        if token.key not in _FUNCTIONS or not token.text.islower():
            continue
        if text[tokens[index - 1].end : token.start].strip() != ",":
            continue
        stop = index
        first = stop - 1
        while first > 0 and _name_word(tokens[first - 1]):
            if not _joined(text, tokens[first - 1], tokens[first]):
                break
            first -= 1
        if not _name_word(tokens[stop - 1]) or len(tokens[stop - 1].text) < 2:
            continue
        if first > 0 and tokens[first - 1].key in _PLACE_PREPOSITIONS:
            continue  # à Lyon, maire... : the place of what follows
        yield _person(text, tokens, first, stop)


def after_authorship(text: str, tokens: Sequence[Token]) -> Iterator[Person]:
    """A name after a participle of making or citing a work and "par" (lang/fr_names.py:
    AUTHORSHIP_PARTICIPLES): peint par Boucher, gravé par Cochin, gravé par Jean Cousin;
    not "publié par Hachette" (a firm), "peint par la suite"."""
    for at, by in enumerate(tokens[1:-1], start=1):
        if by.key != "par" or tokens[at - 1].key not in fr_names.AUTHORSHIP_PARTICIPLES:
            continue
        index, participle = at + 1, tokens[at - 1]
        if not by.text.islower() or not _only_spaces(text, participle, by, dot=True):
            continue
        if not _only_spaces(text, by, tokens[index]) or tokens[index].text.isupper():
            continue
        stop = _name_at(text, tokens, index)
        if stop is None or not _name_word(tokens[index]):
            continue
        # Two capitalised words are one name after a given name or with a particle
        # (Jean Cousin, Valmont de Bomare); else the OCR may have lost a full stop
        # between two (gravé par Cochin Boucher était...): the first only.
        words = tokens[index:stop]
        if tokens[index].key not in _GIVEN and not any(t.key in _PARTICLES for t in words):
            stop = index + 1
        yield _person(text, tokens, index, stop)


def _person(text: str, tokens: Sequence[Token], first: int, stop: int) -> Person:
    start, end = tokens[first].start, tokens[stop - 1].end
    return Person(start, end, stop - first, tokens[stop - 1].key, text[start:end])


def people(
    text: str, tokens: Sequence[Token], is_common: Callable[[str], bool] = lambda word: False
) -> list[Person]:
    """Every person found by context in one block, without overlaps (the first found)."""
    found: list[Person] = []
    rules = (
        after_given_names,
        after_titles,
        after_initials,
        partial(speaker_labels, is_common=is_common),
        partial(signatures, is_common=is_common),
        before_functions,
        after_authorship,
    )
    for rule in rules:
        for candidate in rule(text, tokens):
            end = across_break(text, candidate.end)
            if end is None or firm(text, end):
                continue
            person = replace(candidate, end=end, text=text[candidate.start : end])
            if not any(p.start < person.end and person.start < p.end for p in found):
                found.append(person)
    return sorted(found, key=lambda p: p.start)
