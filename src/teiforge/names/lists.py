"""Lists of names: the names coordinated with a person's, or a place's, by a comma or
"et"/"ou" are names of the same kind (`Lancret, Watteau et Boucher`, `chanoine de Paris et
de Cornouailles`), where nothing else took them.

passes: M. Dupuis, [Lancret] et [Watteau]; de Paris et de [Cornouailles]
fails:  Moreau, Voyage dans l'intérieur (an author and his title); les fiefs de
        Chantilly, Lancret, Mello (a list that holds a place is no list of people); Hist.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence

from .bare import _NOT_BEFORE_PERSON
from .candidates import Words
from .normalise import Token
from .people import (
    _PARTICLES,
    Person,
    _joined,
    _name_at,
    _name_word,
    _person,
)

_COORDINATORS = frozenset({"et", "ou"})


def coordinated(
    text: str,
    tokens: Sequence[Token],
    persons: Sequence[tuple[int, int]],
    others: Sequence[tuple[int, int]],
) -> Iterator[Person]:
    """The names in a list with a person's (`persons`), after or before it, set apart by a
    comma or "et"/"ou" (and "de" again: les voyages de Cook et de Banck): Lancret, Watteau
    et Boucher. A name is a capitalised word, or two with a particle between, that nothing
    else took; not an abbreviation (Hist.). A list that also holds a name of another kind
    (`others`: Chantilly, Enghien, Mello) is no such list. The annotator asks the same of
    places (chanoine de Paris et de Cornouailles)."""
    first_at = {t.start: i for i, t in enumerate(tokens)}
    last_at = {t.end: i for i, t in enumerate(tokens)}
    taken = [*persons, *others]
    for source in persons:
        # The whole list around the source first: any name of another kind in it and
        # the list is left alone.
        chain: list[Person] = []
        queue, seen, mixed = [source], {source}, False
        while queue and not mixed:
            start, end = queue.pop()
            for item in (
                _after_in_list(text, tokens, last_at.get(end)),
                _before_in_list(text, tokens, first_at.get(start)),
            ):
                if item is None or (item.start, item.end) in seen:
                    continue
                if any(a < item.end and item.start < b for a, b in others):
                    mixed = True
                    break
                seen.add((item.start, item.end))
                queue.append((item.start, item.end))
                if any(a < item.end and item.start < b for a, b in taken):
                    continue  # a person already
                if text[item.end : item.end + 1] == "." and item.end - item.start <= 4:
                    continue  # Hist. Litt.
                chain.append(item)
        if mixed:
            continue
        for item in chain:
            if not any(a < item.end and item.start < b for a, b in taken):
                taken.append((item.start, item.end))
                yield item


def _listed_name(token: Token) -> bool:
    return _name_word(token) and not token.text.isupper() and len(token.text) >= 2


def _after_in_list(text: str, tokens: Sequence[Token], last: int | None) -> Person | None:
    """The name after a person's: "X, Y", "X et Y", "X, et Y", "X et de Y"."""
    if last is None or last + 1 >= len(tokens):
        return None
    index = last + 1
    between = text[tokens[last].end : tokens[index].start].strip()
    final = between in ("", ",") and tokens[index].key in _COORDINATORS
    if final:
        index += 1
    elif between != ",":
        return None
    if index + 1 < len(tokens) and tokens[index].key in ("de", "d"):
        if not final:
            return None  # "M. Nicolle, de Gênes": where he writes from, not a list
        index += 1
    if index >= len(tokens) or not _listed_name(tokens[index]):
        return None
    if text[tokens[index - 1].end : tokens[index].start].strip() not in ("", ",", "'", "’"):
        return None
    stop = _name_at(text, tokens, index)
    if stop is None or stop - index not in (1, 3):
        return None  # a title's words (Lehrbuch der Geschichte der Medicin)
    # After a comma, a name in mid-list: another comma or "et" follows it (not "Moreau,
    # Voyage dans l'intérieur", an author and his title).
    if not final and not _continues_list(text, tokens, stop):
        return None
    return _person(text, tokens, index, stop)


def _continues_list(text: str, tokens: Sequence[Token], stop: int) -> bool:
    if stop >= len(tokens):
        return False
    between = text[tokens[stop - 1].end : tokens[stop].start].strip()
    return between == "," or between == "" and tokens[stop].key in _COORDINATORS


def _before_in_list(text: str, tokens: Sequence[Token], first: int | None) -> Person | None:
    """The one-word name before a person's: "Y, X", "Y et X", "Y et de X"."""
    if first is None or first < 2:
        return None
    index = first - 1
    if tokens[index].key in ("de", "d") and tokens[index - 1].key in _COORDINATORS:
        index -= 1
    if tokens[index].key in _COORDINATORS:
        index -= 1
        between = text[tokens[index].end : tokens[index + 1].start].strip()
    else:
        between = text[tokens[index].end : tokens[first].start].strip()
        index = index if between == "," else -1
    if index < 0 or between not in ("", ",") or not _listed_name(tokens[index]):
        return None
    previous = tokens[index - 1] if index > 0 else None
    if previous is not None and previous.key in _NOT_BEFORE_PERSON:
        return None  # l'hôtel Lancret et Galien
    if (
        previous is not None
        and _joined(text, previous, tokens[index])
        and (_name_word(previous) or previous.key in _PARTICLES - {"de", "d"})
    ):
        return None  # part of a longer name, which a rule would have found
    return _person(text, tokens, index, index + 1)


Span = tuple[int, int]


def guessed_places(
    words: Words,
    tagged: Mapping[str, Sequence[Span]],
    people: Sequence[Span],
    guessed: Collection[Span],
    of_base: Collection[Span],
) -> list[Person]:
    """A list of places that holds a person the lexicon guessed without any context (par
    Havre, Hambourg et Liverpool): its guessed names are places, and so are the base's
    (`of_base`: where no context let them be tagged); not a word the block also has as a
    person elsewhere (M. Dupuis, Lancret et Watteau; les fiefs de Chantilly, Lancret). Its
    other names stay untagged (Liverpnol, the OCR's: a guess in a guessed list).

    passes: par [Havre], Hambourg, Bremen et [Liverpool]
    fails:  M. Dupuis, Lancret et Watteau ... les fiefs de Chantilly, Lancret (a person)
    """
    text = words.text
    others = [*(s for s in people if s not in guessed), *tagged["orgName"]]
    found = [
        p
        for p in coordinated(text, words.tokens, tagged["placeName"], others)
        if (p.start, p.end) in guessed or (p.start, p.end) in of_base
    ]
    converted = {(p.start, p.end) for p in found}
    persons = {text[a:b] for a, b in people if (a, b) not in converted}
    return [p for p in found if text[p.start : p.end] not in persons]
