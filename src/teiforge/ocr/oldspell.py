"""Old spellings: a word of the 16th-19th centuries (estoit, faict, tousiours, beautez,
enfans, luy, dévoûment, rhythme) is not an OCR error, and the corrector must not
modernise it. A word is an old spelling when a few of the historical changes of French
spelling, undone, make it a word of the lexicon. The rules are the grammarians', not
learned from any text."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

# The parser of the re module (its parse tree names what a pattern consumes).
_parser: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# (old, modern string or None, template): a template names the old one's groups (\1\1)
# and is expanded for each match; a plain modern string is taken as it is.
Rule = tuple[re.Pattern[str], str | None, str]


def _rules(*pairs: tuple[str, str]) -> tuple[Rule, ...]:
    return tuple(
        (re.compile(old), None if "\\" in modern else modern, modern) for old, modern in pairs
    )


# (old, modern) rewrites; each applies at one place at a time.
# u and v, i and j: the old print's letters, read the modern way.
LETTERS = _rules(
    (r"v(?=[^aeiouyéèêh])|^v", "u"),  # vn, vsage: v was also the vowel u
    (r"u(?=[aeiouéèêr])", "v"),  # auoir, souuent, conuenable: u was also v
    (r"i(?=[aeiouéèê'])", "j"),  # iour, ie, i'en, Maiesté: i was also j
)
SPELLINGS = LETTERS + _rules(
    (r"oi|oy", "ai"),  # estoit, connoistre, foible, françois: oi for ai
    (r"oî", "aî"),  # connoît
    (r"(?<=[vs])eo", "o"),  # veoir, asseoir
    (r"ei(?=[^n])", "è"),  # reigle
    (r"ain(?=[ct])", "ein"),  # attaint, emprainte
    (r"ë", "è"),  # poëte, poëme
    (r"(?<=u)ë", "e"),  # veuë, connuës
    (r"y", "i"),  # luy, cecy, amy
    (r"(?<=[aeiouéèn])s(?=[bcdfgjlmnpqrtv])", ""),  # estre, isle, monstrer: a silent s
    (r"as(?=[bcdfgjlmnpqtv])", "â"),  # chasteau, bastir
    (r"es(?=[bcdfgjlmnpqtv])", "ê"),  # teste, mesme
    (r"es(?=[bcdfgjlmnpqrtv])", "é"),  # escrire, estoit, desrober
    (r"is(?=[bcdfgjlmnpqtv])", "î"),  # isle, abisme
    (r"os(?=[bcdfgjlmnpqtv])", "ô"),  # bientost, hostel
    (r"us(?=[bcdfgjlmnpqtv])", "û"),  # gousté
    (r"(?<=[aeioun])c(?=[tq])", ""),  # faict, saincts, publicques
    (r"(?<=u)l(?=[xtcspm])", ""),  # mieulx, doulceur, aultre, coulpable, baulme
    (r"(?<=a)i(?=gn)", ""),  # compaignon, Espaigne
    (r"(?<=[sv])eu|(?<=ss)eu|(?<=[bcçdfglmnprstv])eu(?=[stx]?$)", "u"),  # asseurer, veu, reçeu
    (r"d(?=[vj])", ""),  # advis, adviser, adjouster
    (r"(?<=u)b(?=[ij])", ""),  # subiect, subject
    (r"ü", "u"),  # oüy, veüe
    (r"(?<=[aeiou])([lmnpt])(?=[aeiouér])", r"\1\1"),  # quiter, apeler
    (r"ez$", "és"),  # beautez, bontez
    (r"z", "s"),  # nulz, prez, hazarder
    (r"(?<=[aeiou])p(?=t)", ""),  # rachapt, escripture
    (r"mn", "nn"),  # solemnel, condamner
    (r"é(?=[bcdfgjlmnpqrstv]+e)", "è"),  # siége, piéce, avénement: changed in 1878
    (r"(?<=[ae]n)s$", "ts"),  # enfans, momens
    (r"(?<=m)s$", "ps"),  # printems, tems
    (r"([bcdfgklmnprstv])\1", r"\1"),  # principallement, appeller, drolle
    (r"sç", "s"),  # sçavoir
    (r"(?<=u)ng$", "n"),  # ung
    (r"th", "t"),  # thresor, authorité
    (r"(?<=[^s])ch(?=[aorl])|(?<=^s)ch(?=o)", "c"),  # eschole, mechanique, sepulchre
    (r"(?<=o)gn", "nn"),  # cognoistre, incognus
    (r"sc(?=[eiau])", "s"),  # sceu, sçavoir written sc
    (r"(?:^|(?<=^re))c(?=erch)", "ch"),  # cercher, recercher
    (r"(?<=c)ques$", ""),  # avecques, doncques, oncques
    (r"(?<=an)t(?=m)", ""),  # neantmoins
    (r"(?<=[ou])b(?=[stz])", ""),  # soubs, doubte, soubdain
    (r"(?<=n)ce$", "se"),  # responce, deffence, dispence
    (r"(?<=^grand)'", "-"),  # grand'mère, grand'peine
    # 19th-century spellings, reformed since (1878, 1935, 1990):
    (r"û(?=ment)", "ue"),  # dévoûment, dénoûment, éternûment
    (r"î(?=ment)", "ie"),  # remercîment, aboîment
    (r"(?<=^r)h(?=y)", ""),  # rhythme
    (r"(?<=rr)h", ""),  # hémorrhagie, catarrhe
    (r"(?<=[aeiou])ë", "é"),  # goëmon, Noël aside: the modern word decides
    (r"ô(?=me)", "o"),  # polychrôme, axiôme
)
# Accents are weak evidence: OCR loses accents too, so they count only in an old text.
ACCENTS = _rules(
    (r"e", "é"),  # armee, premierement, desirez: accents were often not printed
    (r"e(?=[^aeiouy]+e)|e(?=s$)", "è"),  # premiere, fidele, tres, apres
    (r"e(?=[^aeiouy])", "ê"),  # fenetre, meme
    (r"a", "â"),  # grace, ame, disgrace
    (r"a$", "à"),  # voila, deja
    (r"(?<=[aeo])i", "î"),  # connoit, maitre
    (r"u(?=[mnl])", "o"),  # volunté, triumphe, columne: o and u were not yet settled
    (r"c(?=[aou])", "ç"),  # receu, conceut: the cedilla was not always printed
    (r"(?<=r)es$", "e"),  # encores, gueres: an adverb's final s
    (r"(?<=[aou])y", "ï"),  # hayr, oüyr
)
MAX_CHANGES = 3


def modern_letters(word: str, changes: int = 2) -> set[str]:
    """The word, and its readings with up to `changes` of its u, v and i read the modern
    way (treuue: treuve, trevue; iusques: jusques)."""
    found = {word}
    for _ in range(changes):
        found |= {
            form[: match.start()] + literal + form[match.end() :]
            for form in found
            for pattern, literal, _ in LETTERS
            if literal is not None
            for match in pattern.finditer(form)
        }
    return found


def first_characters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The characters a match of the pattern can begin with (what it consumes: a
    look-around takes none), or None when the pattern may match the empty string or
    the parse is beyond this reading (a class by category, a negated class)."""
    if pattern.flags & re.IGNORECASE:
        return None
    found, empty = _first(list(_parser.parse(pattern.pattern)))
    return None if found is None or empty else frozenset(found)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(the first characters of a parsed sequence, whether it may consume nothing)."""
    chars: set[str] = set()
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # zero-width
        if op is sre.LITERAL:
            return chars | {chr(value)}, False
        if op is sre.IN:
            members = _members(value)
            return (None, False) if members is None else (chars | members, False)
        if op is sre.BRANCH:
            alternatives = [_first(list(alt)) for alt in value[1]]
        elif op is sre.SUBPATTERN:
            if value[1] & re.IGNORECASE:  # (?i:...)
                return None, False
            alternatives = [_first(list(value[-1]))]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            least, _, body = value
            first, empty = _first(list(body))
            alternatives = [(first, empty or least == 0)]
        else:
            return None, False
        empty = False
        for first, may_be_empty in alternatives:
            if first is None:
                return None, False
            chars |= first
            empty = empty or may_be_empty
        if not empty:
            return chars, False
    return chars, True


def _members(items: list[tuple[Any, Any]]) -> set[str] | None:
    members: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            members.add(chr(value))
        elif op is sre.RANGE:
            low, high = value
            members.update(chr(code) for code in range(low, high + 1))
        else:
            return None  # a negated class, a category
    return members


# Each table's rules with the characters their matches begin with: a rule whose first
# characters the word lacks cannot match it, and is not tried.
_TRIED = tuple(
    (tuple((*rule, first_characters(rule[0])) for rule in rules), strong)
    for rules, strong in ((SPELLINGS, True), (ACCENTS, False))
)


def _rewrites(word: str) -> Iterator[tuple[str, bool]]:
    for rules, strong in _TRIED:
        for pattern, literal, template, first in rules:
            if first is not None and first.isdisjoint(word):
                continue
            for match in pattern.finditer(word):
                modern = match.expand(template) if literal is None else literal
                yield word[: match.start()] + modern + word[match.end() :], strong


@dataclass(frozen=True)
class OldSpelling:
    modern: str  # the word of the lexicon it is an older form of
    strong: bool  # some change is more than an accent (estoit, not armee)


def modern_form(word: str, known: Callable[[str], bool]) -> OldSpelling | None:
    """The modern word of the lexicon that this spelling is an older form of, or None;
    the fewest changes win, and among them, the strong ones."""
    frontier = {word.lower().replace("-", ""): False}
    seen = set(frontier)
    for _ in range(MAX_CHANGES):
        following: dict[str, bool] = {}
        found: OldSpelling | None = None
        for form, strong in frontier.items():
            for rewrite, rule_strong in _rewrites(form):
                if rewrite in seen and not (rule_strong and rewrite in following):
                    continue
                either = strong or rule_strong
                if known(rewrite):
                    if found is None or (either and not found.strong):
                        found = OldSpelling(rewrite, either)
                    continue
                seen.add(rewrite)
                following[rewrite] = following.get(rewrite, False) or either
        if found is not None:
            return found
        frontier = following
    return None
