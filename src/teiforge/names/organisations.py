"""Organisations found by their shape rather than by a list: a capitalised noun that
heads an institution's name (lang/fr_names.py: ORG_HEADS) in running text, with what names it
(`l'Institut`, `la Société d'ethnographie`, `l'Académie des sciences`, `le Collège
Rollin`, `la SOCIÉTÉ D'ETHNOGRAPHIE`).

A name that a head in small letters introduces (`le collège Sainte-Barbe`, `l'institution
Sainte-Barbe`) is the institution's name, here and wherever the document uses it alone,
rather than the commune that bears it (see `named_after_heads`).

passes: l'[Institut], la [Société d'ethnographie], le [Collège Rollin], le collège
        [Sainte-Barbe], l'[Académie française], le [Muséum d'histoire naturelle], le
        [ministère de la Guerre], la [Compagnie des chemins de fer du Sud de la France],
        la [Chambre], le [tribunal de Lyon], la [faculté de médecine de Paris]
fails:  Société (opening a sentence), la société, un institut, INSTITUT (a heading alone),
        le collège de Lyon, le ministère (alone), le ministère de l'intérieur (no capital),
        la préfecture de police, la Chambre d'écarter, l'Ancienne Académie
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from ..lang import fr_names
from .context import FUNCTION_WORDS, starts_sentence
from .normalise import Token, fold

_MOST_COMPLEMENTS = 6  # a longer run is prose, not a name
_OF = frozenset({"de", "d", "des", "du"})
_ARTICLE = frozenset({"la", "l", "les"})


@dataclass(frozen=True)
class Organisation:
    start: int
    end: int
    words: int
    text: str


def _joined(text: str, left: Token, right: Token) -> bool:
    return text[left.end : right.start].strip() in ("", "'", "’")


def _ministry(text: str, tokens: Sequence[Token], index: int) -> int | None:
    """The end of `le ministère de la Guerre`, `le Ministère de l'Instruction publique`:
    "de", an article, a capitalised word and its adjectives; None if not so."""
    at = index + 1
    if at >= len(tokens) or tokens[at].key not in _OF:
        return None
    at += 1
    if at < len(tokens) and tokens[at].key in _ARTICLE | {"le"}:
        at += 1
    if at >= len(tokens) or not tokens[at].capitalised or tokens[at].text.isupper():
        return None
    if not all(_joined(text, tokens[i], tokens[i + 1]) for i in range(index, at)):
        return None
    return _adjectives(text, tokens, at + 1)


# The endings of adjectives in small letters that French institutions take (civile,
# amicale, philanthropique, havraise, départementale, ouvrière; folded), besides the
# masculine forms of lang/fr_names.py: ORG_ADJECTIVES.
_ADJECTIVE_ENDINGS = ("ale", "ique", "aire", "elle", "ienne", "aise", "oise", "ive", "ile", "iere")


def _adjective(token: Token) -> bool:
    if token.key in fr_names.ORG_ADJECTIVES:
        return True
    return (
        token.text.islower()
        and len(token.key) >= 5
        and token.key.endswith(_ADJECTIVE_ENDINGS)
        and token.key not in FUNCTION_WORDS | fr_names.NOT_NAME_WORDS
    )


def _adjectives(text: str, tokens: Sequence[Token], stop: int) -> int:
    """`stop` moved past the adjectives that end an institution's name (française; morales
    et politiques)."""

    def adjective(at: int) -> bool:
        return (
            at < len(tokens)
            and _adjective(tokens[at])
            and not tokens[at].text.isupper()
            and text[tokens[at - 1].end : tokens[at].start] == " "
        )

    while adjective(stop):
        stop += 1
        if (
            stop + 1 < len(tokens)
            and tokens[stop].key == "et"
            and adjective(stop + 1)
            and text[tokens[stop - 1].end : tokens[stop].start] == " "
        ):
            stop += 2
    return stop


# Nouns that "de" makes an adverb, not a complement (d'accord, d'ailleurs); folded.
_IDIOMS = frozenset({"accord", "ailleurs", "abord", "avance", "office", "urgence", "habitude"})
# Capitalised adjectives before a head that belong to the name (le Grand Opéra de
# Bucarest, la Haute Cour); folded. Not l'Ancienne Académie, a building.
_BEFORE_HEAD = frozenset({"grand", "grande", "haut", "haute"})
_NEGATIONS = frozenset({"pas", "point", "plus", "jamais", "guere"})
_CLAUSE_END = re.compile(r"[.;:!?,(]")


def _negated(text: str, start: int) -> bool:
    """A negation earlier in the clause: its "de" is a partitive (il n'y a pas dans la
    Chambre de majorité), not a complement."""
    clause = _CLAUSE_END.split(text[max(0, start - 80) : start])[-1]
    return any(fold(word) in _NEGATIONS for word in re.findall(r"\w+", clause))


def _after_capitalised(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Right after a capitalised word that is no article (l'Ancienne Académie, the
    building): the head is part of a name no rule knows."""
    if index == 0 or text[tokens[index - 1].end : tokens[index].start] != " ":
        return False
    before = tokens[index - 1]
    return (
        before.capitalised
        and before.key not in _BEFORE_HEAD
        and not before.text.isupper()  # a line in capitals: JOUE SUBVENTIONNES OPERA
        and before.key not in _OF | _ARTICLE | {"le", "au", "aux", "un", "une"}
    )


def _ordinal(key: str) -> bool:
    return key.endswith("ieme") or key in ("premier", "premiere", "second", "seconde")


def _complement(
    text: str,
    tokens: Sequence[Token],
    at: int,
    first: bool,
    negated: bool,
    is_word: Callable[[str], bool],
) -> int:
    """The end of one complement at `at` ("de", an article perhaps, a word: des sciences,
    de la Guerre, d'épargne, du Sud), or `at` if there is none. After the first, only a
    capitalised word (du Sud de la France) or a noun without article (chemins de fer)."""
    if at + 1 >= len(tokens) or tokens[at].key not in _OF:
        return at
    after = at + 1
    article = tokens[after].key in _ARTICLE and after + 1 < len(tokens)
    if article:
        after += 1
    word = tokens[after]
    if (
        not all(_joined(text, tokens[i], tokens[i + 1]) for i in range(at, after))
        or not word.text.isalpha()
        or len(word.text) < 2
        or word.key in FUNCTION_WORDS | fr_names.NOT_NAME_WORDS | fr_names.PERSON_TITLES
    ):
        return at
    if word.key == "dieu":
        return at  # le tribunal de Dieu
    if _ordinal(word.key):
        # an ordinal and its noun (le Tribunal de première instance); not after an
        # article (le Tribunal de la huitième Chambre: a court's chamber)
        noun = after + 1
        if article or noun >= len(tokens) or text[word.end : tokens[noun].start] != " ":
            return at
        return noun + 1 if tokens[noun].text.islower() and is_word(tokens[noun].text) else at
    small = not word.capitalised
    if small and not article:
        if negated or word.key.endswith(("er", "ir")) and len(word.key) > 4:
            return at  # pas de majorité; la Chambre d'écarter (an infinitive)
        if word.key in _IDIOMS:
            return at  # la Compagnie d'Orléans d'accord avec...
        if not is_word(word.text):
            return at  # the OCR's garble
    if not first and small and article:
        return at  # la Société de géographie de la ville
    stop = after + 1
    # its hyphens join the word's parts (des Missions-Etrangères, de Saône-et-Loire)
    while stop < len(tokens) and text[tokens[stop - 1].end : tokens[stop].start] == "-":
        stop += 1
    return stop


def _complements(
    text: str, tokens: Sequence[Token], stop: int, negated: bool, is_word: Callable[[str], bool]
) -> int:
    """`stop` moved past an institution's complements, each with its adjectives (la
    Compagnie des chemins de fer du Sud de la France, l'Office départemental du placement et de la statistique du travail, la Société amicale et
    philanthropique de Saône-et-Loire)."""
    first = True
    for _ in range(_MOST_COMPLEMENTS):
        at, coordinated = stop, False
        if at >= len(tokens) or not _joined(text, tokens[at - 1], tokens[at]):
            break  # l'Institut, des artistes: a comma ends the name
        if not first and _and_small(text, tokens, at):
            at, coordinated = at + 1, True  # et de la statistique; des Dépôts et consignations
            if tokens[at].key not in _OF:
                stop = _adjectives(text, tokens, at + 1)
                continue
        end = _complement(text, tokens, at, first or coordinated, negated, is_word)
        if end == at:
            break
        first = False
        stop = _adjectives(text, tokens, end)
    return stop


def _and_small(text: str, tokens: Sequence[Token], at: int) -> bool:
    """ "et", then a complement or a word in small letters: the name goes on (not "et de
    la Société d'anthropologie", another body)."""
    if at + 2 >= len(tokens) or tokens[at].key != "et":
        return False
    if not _joined(text, tokens[at], tokens[at + 1]):
        return False
    word = at + 1
    if tokens[word].key in _OF:
        word += 1 + (tokens[word + 1].key in _ARTICLE and word + 2 < len(tokens))
    following = tokens[word]
    return (
        following.text.isalpha()
        and not following.capitalised
        and following.key not in FUNCTION_WORDS | fr_names.NOT_NAME_WORDS
        # a plural noun without "de", as after des (des Dépôts et consignations); not
        # d'Auvers et contre douze
        and (word > at + 1 or following.key.endswith(("s", "x")))
    )


def _alone_or_adjectives(tokens: Sequence[Token], index: int, stop: int) -> bool:
    """A head with nothing naming it but adjectives (`stop`: after them) is a name if it
    names one institution alone (l'Institut) or with its adjectives (l'Académie
    française, la Bibliothèque nationale); not the style of a school of painting (l'Ecole
    française)."""
    head = tokens[index].key
    if stop == index + 1:
        # not after an ordinal: la huitième Chambre is a court's
        before = tokens[index - 1].key if index else ""
        return head in fr_names.BARE_ORG_HEADS and not _ordinal(before)
    adjectives = {t.key for t in tokens[index + 1 : stop]}
    return head != "ecole" or not adjectives <= fr_names.STYLE_ADJECTIVES | {"et"}


def _seat_named(
    text: str, tokens: Sequence[Token], index: int, is_word: Callable[[str], bool]
) -> int | None:
    """The end of a body in small letters named by its complements, the last one
    capitalised (la préfecture de l'Isère, le tribunal de Lyon, la faculté de médecine de
    Paris); None if not so (la préfecture de police, the generic body)."""
    described = _adjectives(text, tokens, index + 1)
    stop = _complements(text, tokens, described, _negated(text, tokens[index].start), is_word)
    if stop == described or not tokens[stop - 1].capitalised:
        return None
    return stop


def _any_word(word: str) -> bool:
    return True


def organisations(
    text: str, tokens: Sequence[Token], is_word: Callable[[str], bool] = _any_word
) -> Iterator[Organisation]:
    """`is_word`: whether a word in small letters is French (a complement without article
    must be one: not the OCR's `Conseil national de rlc-M.`)."""
    for index, token in enumerate(tokens):
        if token.key in fr_names.MINISTRY_HEADS:
            end = _ministry(text, tokens, index)
            if end is not None:
                start, stop = token.start, tokens[end - 1].end
                yield Organisation(start, stop, end - index, text[start:stop])
            continue
        if token.text.islower() and token.key in fr_names.SEAT_HEADS:
            end = _seat_named(text, tokens, index, is_word)
            if end is not None:
                start, stop = token.start, tokens[end - 1].end
                yield Organisation(start, stop, end - index, text[start:stop])
            continue
        if token.key not in fr_names.ORG_HEADS or not token.capitalised:
            continue
        if starts_sentence(text, tokens, index):
            continue  # a heading's or a sentence's capital says nothing
        if _after_capitalised(text, tokens, index):
            continue  # Ancienne Académie: part of a longer name no rule knows
        stop = index + 1
        # What names it: capitalised words (Collège Rollin, Crédit Lyonnais), or
        # complements (see _complements).
        while (
            stop < len(tokens)
            and _joined(text, tokens[stop - 1], tokens[stop])
            and tokens[stop].capitalised
            and tokens[stop].key not in _OF | _ARTICLE | FUNCTION_WORDS | fr_names.NOT_NAME_WORDS
            and (tokens[stop].text.isupper() or not token.text.isupper())  # not OFFICE Hase
            and (len(tokens[stop].text) >= 3 or tokens[stop].text.isupper())  # not Sénat Lo
        ):
            stop += 1
        capitals = stop > index + 1
        described = _adjectives(text, tokens, stop)
        stop = _complements(text, tokens, described, _negated(text, token.start), is_word)
        if not capitals and stop == described and not _alone_or_adjectives(tokens, index, stop):
            continue
        first = index
        if index and tokens[index - 1].key in _BEFORE_HEAD and tokens[index - 1].capitalised:
            first = index - 1  # le Grand Opéra de Bucarest
        start, end = tokens[first].start, tokens[stop - 1].end
        yield Organisation(start, end, stop - first, text[start:end])


# The heads whose name may follow them without "de" (le collège Sainte-Barbe): not bodies
# of the state or of money (le tribunal Patrice is a trial's).
_HEADS = (
    (fr_names.ORG_HEADS | fr_names.INSTITUTION_NOUNS)
    - fr_names.SEAT_HEADS
    - {
        "senat",
        "credit",
        "caisse",
        "office",
        "federation",
    }
)


def _saint_after_de(text: str, tokens: Sequence[Token], at: int) -> bool:
    """ "de", then Saint- or Sainte- and a capitalised name, at `at`."""
    return (
        at + 2 < len(tokens)
        and tokens[at].key == "de"
        and text[tokens[at].end : tokens[at + 1].start] == " "
        and tokens[at + 1].text in ("Saint", "Sainte")
        and text[tokens[at + 1].end : tokens[at + 2].start] == "-"
        and tokens[at + 2].capitalised
    )


def named_after_heads(text: str, tokens: Sequence[Token]) -> Iterator[Organisation]:
    """The capitalised name right after a head noun in small letters, without "de": le
    collège Sainte-Barbe, le lycée Louis-le-Grand (the head stays outside); with "de", a
    saint's name only (l'institution de Sainte-Barbe; not le collège de Lyon, a school of
    the town)."""
    for index in range(len(tokens) - 1):
        head = tokens[index]
        if head.key not in _HEADS or not head.text.islower():
            continue
        if _saint_after_de(text, tokens, index + 1):
            index += 1
        first = tokens[index + 1]
        if not first.capitalised or first.key in _OF | _ARTICLE or first.text.isupper():
            continue
        if first.key in FUNCTION_WORDS | fr_names.NOT_NAME_WORDS:
            continue  # a verse's capital: la pension Il ... (a pronoun)
        if text[tokens[index].end : first.start] != " ":
            continue
        stop = index + 2
        # Its words: joined by hyphens (Louis-le-Grand), or capitalised after a space.
        while stop < len(tokens):
            between = text[tokens[stop - 1].end : tokens[stop].start]
            if between == "-" or between == " " and tokens[stop].capitalised:
                stop += 1
                continue
            break
        start, end = first.start, tokens[stop - 1].end
        yield Organisation(start, end, stop - index - 1, text[start:end])
