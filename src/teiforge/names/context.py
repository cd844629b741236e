"""When a place of the built-in base is taken for a place.

The base holds 35,000 names of communes, and many are also words or people's names. So a
name from the base is tagged only:
- if it is not part of a longer run of capitalised words (Champ Pénal, Grenoble Alpes
  Métropole, Lyon III, Pierre Laval: another name, which the base does not know);
- if it does not follow a title or an initial (M. Vernet, H. Vernet, le comte de
  Montréal: people);
- if it is not joined by a hyphen to a longer compound (Seine-et-Oise, Robert-Fleury),
  and its own hyphens are in the text (Saint Jean is the saint, Saint-Jean the village);
- and, for an ambiguous name (a common word: Mer, Sales, Bar; a person's name: Aignan,
  Saint-Jean; a short name of a small place: Ham, Eu, Y; the one-word name of a village,
  as likely a surname: Bellangé; a French name of a place abroad: Vienne, Bruges), only
  written with its capitals and in a place context: after "à" (à Mer), or after a word
  that calls for a place and "de" (la commune de Mer, le maire d'Eu, les habitants de
  Sales, le département de la Vienne). A one-letter name, and the name of a place abroad,
  need the second kind (la commune d'Y; "à Vienne" is Vienna). A capitalised article in
  mid-sentence is context enough (Le Havre).
Names from the user's authority list are the user's decisions and are always tagged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from ..lang import fr_names
from .normalise import Token

# Words after which "de X" names a place (folded: no accents).
# fmt: off
PLACE_NOUNS = frozenset({
    "commune", "communes", "ville", "villes", "village", "villages", "bourg", "hameau",
    "mairie", "mairies", "maire", "maires", "municipalite", "agglomeration", "habitants",
    "habitant", "canton", "arrondissement", "prefecture", "prefet", "prefete", "region",
    "departement", "quartier", "gare", "port", "environs", "pres", "diocese", "eveque",
    "universite", "tribunal", "hopital", "college", "lycee", "academie", "cite",
    "agglomerations", "communaute", "metropole"
})
# fmt: on
DE = frozenset({"de", "d", "du"})
ARTICLES = frozenset({"la", "l", "les"})
# fmt: off
TITLES = frozenset({
    "m", "mm", "mme", "mmes", "mlle", "mlles", "mgr", "monsieur", "madame", "mademoiselle",
    "messieurs", "dr", "docteur", "me", "maitre", "pr", "professeur", "monseigneur", "cardinal",
    "general", "marechal", "marechale", "colonel", "capitaine", "lieutenant"
})
# fmt: on
# fmt: off
NOBLE_TITLES = TITLES | frozenset({
    "comte", "comtes", "comtesse", "duc", "ducs", "duchesse", "duchesses", "marquis",
    "marquise", "baron", "baronne", "vicomte", "vicomtesse", "prince", "princes", "princesse",
    "seigneur", "seigneurs", "sieur", "dame", "chevalier", "famille", "abbe"
})
# fmt: on
# Function words that may stand before a name without making it part of a longer name.
# fmt: off
FUNCTION_WORDS = frozenset({
    "a", "au", "aux", "de", "du", "des", "d", "l", "la", "le", "les", "en", "et", "ou", "sur",
    "sous", "dans", "par", "pour", "chez", "vers", "entre", "pres", "apres", "avant", "depuis",
    "jusqu", "selon", "avec", "sans", "mais", "donc", "or", "ni", "car", "que", "qu", "qui"
})
# fmt: on
_SENTENCE_END = frozenset(".!?:;…")


def starts_sentence(text: str, tokens: Sequence[Token], index: int) -> bool:
    """After a full stop that does not end an abbreviation (M., MM., H.)."""
    if index == 0:
        return not text[: tokens[0].start].strip(" \t\n\"'«“(")
    previous = tokens[index - 1]
    between = text[previous.end : tokens[index].start]
    if between.lstrip().startswith(".") and (previous.key in TITLES or len(previous.text) == 1):
        between = between.lstrip()[1:]
    return any(mark in _SENTENCE_END for mark in between)


def _capital_word(token: Token) -> bool:
    # A dotted abbreviation (A.S.H. Paris) is a name of its own, not part of this one.
    return token.capitalised and token.key not in FUNCTION_WORDS and not token.dotted


_HYPHENS = "-‐‑"


def in_compound(text: str, start: int, end: int) -> bool:
    """Joined by a hyphen to a word before or after: Seine-et-Oise, Garin-le-Lohérain."""
    before = text[start - 2 : start]
    after = text[end : end + 2]
    return (len(before) == 2 and before[1] in _HYPHENS and before[0].isalpha()) or (
        len(after) == 2 and after[0] in _HYPHENS and after[1].isalpha()
    )


def hyphens_kept(
    text: str, tokens: Sequence[Token], first: int, name: str, abroad: bool = False
) -> bool:
    """Each gap between the words holds a hyphen where the name has one, and only there;
    a name `abroad` may have one where it has a space, as French once wrote foreign
    names (Costa-Rica, New-York), never lose one."""
    gaps = _gaps(name)
    written = [text[tokens[i].end : tokens[i + 1].start] for i in range(first, first + len(gaps))]
    return all(
        (hyphen := any(h in gap for h in _HYPHENS)) == any(h in model for h in _HYPHENS)
        or abroad
        and hyphen
        and model == " "
        for gap, model in zip(written, gaps)
    )


@lru_cache(maxsize=4096)
def _gaps(name: str) -> tuple[str, ...]:
    return tuple(re.findall(r"(?<=[^\W\d_])[^\w]+(?=\w)", name))


def in_longer_name(
    text: str, tokens: Sequence[Token], linked: Sequence[bool], first: int, stop: int
) -> bool:
    """A capitalised word joined to the name, before (unless it only starts the sentence:
    Enfin Grenoble) or after it."""
    if stop < len(tokens) and linked[stop - 1] and _capital_word(tokens[stop]):
        return True
    before = first - 1
    return (
        before >= 0
        and linked[before]
        and _capital_word(tokens[before])
        and not starts_sentence(text, tokens, before)
    )


_TO_IN = frozenset({"à", "À", "a", "A", "en", "En"})


def place_context(tokens: Sequence[Token], first: int, strong: bool, contracted: bool) -> bool:
    """After "à" (or "a", its accent lost) or "en" (unless `strong`; "au" for a name whose article it contracts: au Mans),
    or after a place noun and "de" (and an article): la commune de Mer, à Sales, le
    département de la Vienne, le maire du Mans."""
    if first >= 1 and not strong:
        previous = tokens[first - 1]
        # (NFC: "à" may be written a and a combining accent, as some ground truths are;
        # or without its accent, as the OCR and old capitals print it: a Neuchâtel.)
        written = unicodedata.normalize("NFC", previous.text)
        if written in _TO_IN or contracted and previous.key in ("au", "aux"):
            return True
    before = first - 1
    if before >= 0 and tokens[before].key in ARTICLES:
        before -= 1
    return before >= 1 and tokens[before].key in DE and tokens[before - 1].key in PLACE_NOUNS


def after_person(
    text: str, tokens: Sequence[Token], first: int, contracted: bool = False, town: bool = True
) -> bool:
    """A name that follows a title or an initial is a person's (M. Vernet, H. Vernet, le
    comte de Montréal, madame de Mailly, A. de Dreux), a town's name after "les" or "des"
    a family's (les Saint-Pons; but des Andelys is Les Andelys: `contracted`; and les
    Philippines, des Indes are lands: not a `town`). Only spaces (and the initial's full
    stop) may stand between: "A.S.H., Paris" is a publisher and a place."""
    before = first - 1
    if before >= 1 and tokens[before].key in DE:
        before -= 1
        titles = NOBLE_TITLES
    else:
        titles = TITLES
    if before < 0:
        return False
    token = tokens[before]
    if text[token.end : tokens[before + 1].start].strip(" .") != "":
        return False
    initial = token.text[:1].isupper() and (
        token.dotted or len(token.text) == 1 and text[token.end : token.end + 1] == "."
    )
    family = token.text in ("les", "des") and before == first - 1 and not contracted and town
    return initial or family or token.key in titles


def written_as_places(blocks: Iterable[Sequence[Token]]) -> set[str]:
    """The capitalised words a document writes after "en", or after "à" and a word of
    going or living (lang/fr_names.py: GOING_WORDS), folded: places, as a rule (en Sénégambie,
    un voyage à Tombouctou; but "ressemble à Watteau" is a person)."""
    placed: set[str] = set()
    for tokens in blocks:
        for at in range(1, len(tokens)):
            before = tokens[at - 1].key
            if before not in ("en", "a") or not tokens[at].capitalised:
                continue
            if before == "en" or (
                at >= 2
                and tokens[at - 2].key in fr_names.GOING_WORDS
                and unicodedata.normalize("NFC", tokens[at - 1].text) == "à"
            ):
                placed.add(tokens[at].key)
    return placed
