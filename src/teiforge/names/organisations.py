"""Organisations found by their shape rather than by a list: a capitalised noun that
heads an institution's name (lang/fr.py: ORG_HEADS) in running text, with what names it
(`l'Institut`, `la Société d'ethnographie`, `l'Académie des sciences`, `le Collège
Rollin`, `la SOCIÉTÉ D'ETHNOGRAPHIE`).

A name that a head in small letters introduces (`le collège Sainte-Barbe`, `l'institution
Sainte-Barbe`) is the institution's name, here and wherever the document uses it alone,
rather than the commune that bears it (see `named_after_heads`).

passes: l'[Institut], la [Société d'ethnographie], le [Collège Rollin], le collège
        [Sainte-Barbe], l'[Académie française], le [Muséum d'histoire naturelle], le
        [ministère de la Guerre]
fails:  Société (opening a sentence), la société, un institut, INSTITUT (a heading alone),
        le collège de Lyon, le ministère (alone), le ministère de l'intérieur (no capital)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..lang import fr
from .context import FUNCTION_WORDS, starts_sentence
from .normalise import Token

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


def _adjectives(text: str, tokens: Sequence[Token], stop: int) -> int:
    """`stop` moved past the adjectives that end an institution's name (française; morales
    et politiques)."""

    def adjective(at: int) -> bool:
        return (
            at < len(tokens)
            and tokens[at].key in fr.ORG_ADJECTIVES
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


def _alone_or_adjectives(tokens: Sequence[Token], index: int, stop: int) -> bool:
    """A head with nothing naming it but adjectives (`stop`: after them) is a name if it
    names one institution alone (l'Institut) or with its adjectives (l'Académie
    française, la Bibliothèque nationale); not the style of a school of painting (l'Ecole
    française)."""
    head = tokens[index].key
    if stop == index + 1:
        return head in fr.BARE_ORG_HEADS
    adjectives = {t.key for t in tokens[index + 1 : stop]}
    return head != "ecole" or not adjectives <= fr.STYLE_ADJECTIVES | {"et"}


def organisations(text: str, tokens: Sequence[Token]) -> Iterator[Organisation]:
    for index, token in enumerate(tokens):
        if token.key in fr.MINISTRY_HEADS:
            end = _ministry(text, tokens, index)
            if end is not None:
                start, stop = token.start, tokens[end - 1].end
                yield Organisation(start, stop, end - index, text[start:stop])
            continue
        if token.key not in fr.ORG_HEADS or not token.capitalised:
            continue
        if starts_sentence(text, tokens, index):
            continue  # a heading's or a sentence's capital says nothing
        stop = index + 1
        # What names it: capitalised words (Collège Rollin), or "de" and one word (Société
        # d'ethnographie, Académie des sciences), "de la" and one word.
        while stop < len(tokens) and _joined(text, tokens[stop - 1], tokens[stop]):
            following = tokens[stop]
            if following.capitalised and following.key not in _OF | _ARTICLE:
                stop += 1
                continue
            if following.key in _OF and stop + 1 < len(tokens):
                after = stop + 1
                if tokens[after].key in _ARTICLE and after + 1 < len(tokens):
                    after += 1
                if (
                    _joined(text, tokens[stop], tokens[stop + 1])
                    and tokens[after].text.isalpha()
                    and tokens[after].key not in FUNCTION_WORDS | fr.NOT_NAME_WORDS
                ):
                    stop = after + 1
                    # its hyphens join the word's parts (des Missions-Etrangères)
                    while (
                        stop < len(tokens)
                        and text[tokens[stop - 1].end : tokens[stop].start] == "-"
                        and tokens[stop].capitalised
                    ):
                        stop += 1
            break
        named = stop
        stop = _adjectives(text, tokens, stop)
        if named == index + 1 and not _alone_or_adjectives(tokens, index, stop):
            continue
        start, end = token.start, tokens[stop - 1].end
        yield Organisation(start, end, stop - index, text[start:end])


_HEADS = fr.ORG_HEADS | fr.INSTITUTION_NOUNS


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
