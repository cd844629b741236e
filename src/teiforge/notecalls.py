"""Note calls in the text: the marks that may call a note (`constat12`, `(12)`, `¹`, `*`,
and what OCR made of them: `(@)`, `@)`, `Elhauy'`), each with the evidence that it is
one, which the notes annotator weighs against how well it reads as its note's number.
What a mark is and how a label at a page's foot reads: notemarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lang import fr
from .notemarks import CLOSE_CHARS, INNER_CHARS, OPEN_CHARS, Mark, MarkKind, superscript_digits

_OPEN = re.escape(OPEN_CHARS)
_CLOSE = re.escape(CLOSE_CHARS)
_CLOSERS = re.escape(fr.GARBLED_LABEL_CLOSERS)
_LONE = re.escape(fr.GARBLED_LONE_MARKS)
# the signs (neither letters nor digits) OCR reads inside a garbled bracket: `(®`, `(#`
_SIGNS = "".join(c for c in INNER_CHARS if not c.isalnum())

# Evidence that a mark in the text is a note call (the notes annotator weighs it against
# how well the mark reads as its note's number).
CLEAR_CALL = 3.0  # (12), [3], ¹, *, a number after a word's stop: pages.1
GARBLED_BRACKET_CALL = 2.0  # (), (@): a bracket round a small unreadable mark
HALF_BRACKET_CALL = 1.5  # @), G), a lone `)`: OCR kept the closing bracket only
PUNCTUATION_CALL = 0.8  # Plâtriers! for Plâtriers¹: also a real exclamation
# A raised number read as punctuation where punctuation cannot stand: an apostrophe at a
# word's end (Elhauy', espèce), a question or exclamation mark before a small letter or
# another stop (Rhazès? dont, Plâtriers!.).
MISPLACED_PUNCTUATION_CALL = 2.0
# A space between a word and its full stop, which print never sets: where OCR lost a
# raised mark it saw, and kept the gap (`canardières .`); the call is empty, at the word.
LOST_CALL = 0.8

_WORD_END = re.compile(rf"[\s\]{re.escape(fr.WORD_END_MARKS)}]|$")
# One character class that every kind of call starts or ends with: the text is searched
# for it alone (fast), each hit then read by its kind. Alternatives that open with a
# look-behind would make the regex engine try them at every character.
_TRIGGER = re.compile(
    rf"[{_OPEN}]|[{_CLOSE}]|[{fr.SUPERSCRIPT_DIGITS}]+|\d+|\*{{1,3}}|[†‡]{{1,2}}"
    rf"|[{re.escape(''.join(fr.GARBLED_SUPERSCRIPTS))}]|[{_LONE}]|[{_CLOSERS}]| \.(?!\S)"
    rf"|[ \n](?=(?:{'|'.join(fr.SENTENCE_PRONOUNS)})\s)"
)
_BRACKETED = re.compile(rf"[{_OPEN}](?P<core>[\w{re.escape(INNER_CHARS)}]{{0,3}})[{_CLOSE}]")
# a bracket opened after a word and never closed, its mark lost or read as one sign
# before a stop (`régions (,`, `Kordofan (.`, `Américains (9.`, `Mungo-Park (},`)
_UNCLOSED = re.compile(
    rf"[{_OPEN}](?P<core>[\w{re.escape(INNER_CHARS)}]?)(?P<closer>[{_CLOSERS}]?)(?=[.,;:]|\s*$)"
)
# the same before the next word (`auteurs ( racontent`, `raconte (® qu'il`): a bracket
# opened onto a space, or onto a sign, no parenthesis is, where no parenthesis closes
_UNCLOSED_BEFORE_WORD = re.compile(
    rf"[{_OPEN}](?P<core>[{re.escape(_SIGNS)}]?)(?P<closer>)(?=[ \t\n]+[^\W\d_])"
)
# (a raised `²` read `?` or `!` inside a half bracket: `cire l?).`)
_HALF_BRACKET = re.compile(rf"\s(?P<core>[\w{re.escape(INNER_CHARS)}?!]{{0,2}})$")
# what may stand between a word and a number glued to it: a stop (French sets a space
# before `?!;:`), a closing guillemet
_BEFORE_NUMBER = re.compile(r"[^\W\d_](?:[.,;:!?’”)]|\s[?!;:]|\s?»){0,3}$")
# what may stand between a word and a symbol call: a stop, a space (`brebis,*`, `bien, **`)
_BEFORE_SYMBOL = re.compile(r"[^\W\d_](?:[.,;:!?’”)]|\s[?!;:]|\s?»){0,3} ?$")
_ORNAMENT = re.compile(r" ?[*†‡]")
_LETTER = re.compile(r"[^\W\d_]")
_AFTER_WORD = fr.WORD_END_MARKS
_BEFORE_WORD = fr.WORD_START_MARKS


@dataclass(frozen=True)
class Call:
    start: int  # offsets of the mark in the text searched
    end: int
    mark: Mark
    evidence: float


def find_calls(text: str, start: int = 0, end: int | None = None) -> list[Call]:
    """Marks in text[start:end] that may call a note, in order, of every kind but a tail
    of letters glued to a word (`instantl3`), which needs the lexicon (annotate.anchors)."""
    end = len(text) if end is None else end
    calls: list[Call] = []
    for match in _TRIGGER.finditer(text, start, end):
        call = _call(text, match.start(), match.end(), start, end)
        if call is not None and (not calls or call.start >= calls[-1].end):
            calls.append(call)
    return calls


def _unclosed_call(text: str, at: int, start: int, end: int) -> Call | None:
    """A bracket opened after a word, apart from it, and not closed before a stop or the
    line's end: OCR lost the rest of a raised `⁽¹⁾` (`régions (,`, `Américains (9.`); or
    opened onto a space, bare or on a sign, before the next word, no bracket closing
    after it (`auteurs ( racontent`, `raconte (® qu'il`). Fails: `(a. b)`, `( Rires. )`
    (a parenthesis OCR spaced), `commerçan(s,` (a letter misread)."""
    match = _UNCLOSED.match(text, at, end) or _UNCLOSED_BEFORE_WORD.match(text, at, end)
    if match is not None and match.re is _UNCLOSED_BEFORE_WORD and _closed_later(text, at, end):
        return None
    word_end = at - 1 if text[at - 1 : at] == " " else at  # `régions (,`, `moulue(#.`
    if match is None or not _after_word(text, start, word_end):
        return None
    core = match.group("core")
    if core.isalpha() and (core not in INNER_CHARS or word_end == at):
        return None  # `(a.` opens a parenthesis; `commerçan(s,` is a letter misread
    mark = Mark(MarkKind.BRACKETED, match.group(), core)
    return Call(at, match.end(), mark, HALF_BRACKET_CALL)


PARENTHESIS_REACH = 400  # characters a parenthesis may run over before it is closed


def _closed_later(text: str, at: int, end: int) -> bool:
    """Whether a bracket opened at `at` is closed within PARENTHESIS_REACH, before another
    opens: a parenthesis, not a call."""
    after = text[at + 1 : min(end, at + 1 + PARENTHESIS_REACH)]
    closing = min((after.find(c) for c in CLOSE_CHARS if c in after), default=-1)
    if closing < 0:
        return False
    opening = min((after.find(c) for c in OPEN_CHARS if c in after), default=-1)
    return opening < 0 or closing < opening


def _glued_closer(text: str, at: int, after: int, start: int) -> Call | None:
    """A closing bracket glued to a word that closes no parenthesis (`chandelles de
    cire).`): OCR kept the end of a raised `⁽¹⁾`. Weak evidence, as a parenthesis may
    have opened further back."""
    if not _after_word(text, start, at) or not _LETTER.match(text[at - 1 : at]):
        return None
    before = text[max(start, at - PARENTHESIS_REACH) : at]
    if before.rfind("(") > before.rfind(")") or "(" in before and ")" not in before:
        return None
    return Call(at, after, Mark(MarkKind.BRACKETED, text[at:after], ""), PUNCTUATION_CALL)


def _after_word(text: str, start: int, at: int, short: bool = False) -> bool:
    """Whether a number at `at` follows a word of two letters or more, not a number or
    a code (`1998l3`, `XIV1`, `H2`): the word it is glued to, or for a number after a
    stop or a guillemet apart (`sort ?374`, `meilleurs. »91`), the word before. With
    `short`, also a word of one letter (`à410`) or a capital's abbreviation (`M.397`)."""
    token_start = max(text.rfind(" ", start, at) + 1, start)
    token = text[token_start:at]
    word = token.rstrip(_AFTER_WORD)
    if not word and token_start > start:
        previous = max(text.rfind(" ", start, token_start - 1) + 1, start)
        token = text[previous : token_start - 1]
        word = token.rstrip(_AFTER_WORD)
    token = token.lstrip(_BEFORE_WORD)
    word = word.lstrip(_BEFORE_WORD)
    if short and _short_word(word, token):
        return True
    return word[:1].isalpha() and sum(c.isalpha() for c in word) >= 2 and not word.isupper()


def _short_word(word: str, token: str) -> bool:
    """A word of one letter (`à`, `a`, `y`), or a capital abbreviated (`M.`, `J.`)."""
    if word in fr.SHORT_WORDS:
        return True
    return len(word) == 1 and word.isupper() and token[1:2] == "."


def _ends_word(text: str, offset: int, end: int) -> bool:
    return offset >= end or _WORD_END.match(text, offset) is not None


def _lost_call(text: str, at: int, start: int) -> Call | None:
    """A space before a full stop, after a word that ends in four small letters or
    more: the gap of a raised mark OCR lost (`canardières .`). Fails: `etc .`, `M .`
    (too short to tell an abbreviation OCR spaced), `XIII .` (a numeral), a stop after a
    number (`p. 12 .`) or a sign, `fin ...`."""
    if at - start < 4 or not all(c.isalpha() and c.islower() for c in text[at - 4 : at]):
        return None
    return Call(at, at, Mark(MarkKind.BRACKETED, "", ""), LOST_CALL)


def _lost_stop(text: str, at: int, start: int) -> Call | None:
    """A word followed, with no stop, by a capitalised pronoun that opens a sentence
    (`de Sicua Je sais`): OCR lost the stop, and the raised call often with it; an
    empty call at the word, weak. Fails: a word of fewer than three letters (`M Il`),
    a stop or a guillemet between (`sais. Je`, `dit : Il`)."""
    if at - start < 3 or not all(_LETTER.match(c) for c in text[at - 3 : at]):
        return None
    return Call(at, at, Mark(MarkKind.BRACKETED, "", ""), LOST_CALL)


def _call(text: str, at: int, after: int, start: int, end: int) -> Call | None:
    char = text[at]
    if char in " \n" and after - at == 1:
        return _lost_stop(text, at, start)
    if char == " ":
        return _lost_call(text, at, start)
    if char in OPEN_CHARS:
        match = _BRACKETED.match(text, at, end)
        if match is None:
            return _unclosed_call(text, at, start, end)
        core = match.group("core")
        if len(core) > 1 and not core.isdigit():
            return None  # a word or an abbreviation in brackets: (sic), (éd)
        mark = Mark(MarkKind.BRACKETED, match.group(), core)
        return Call(at, match.end(), mark, CLEAR_CALL if mark.clean else GARBLED_BRACKET_CALL)
    if char in CLOSE_CHARS:
        # `@)`, `G)`, a lone `)` after a space: OCR kept the closing bracket only
        match = _HALF_BRACKET.search(text, max(start, at - 3), at)
        if not _ends_word(text, after, end):
            return None
        if match is None:
            return _glued_closer(text, at, after, start)
        core = match.group("core")
        if core.isalpha() and (len(core) > 1 or core in fr.SHORT_WORDS):
            return None  # a word before a closing bracket: `à)`, `etc)`
        mark = Mark(MarkKind.BRACKETED, text[match.start("core") : after], core)
        return Call(match.start("core"), after, mark, HALF_BRACKET_CALL)
    if char in fr.GARBLED_LABEL_CLOSERS:
        # `marins},`: what OCR kept of a raised `⁽¹⁾` glued to its word (weak: OCR makes
        # `}` of garbled letters too)
        if not _after_word(text, start, at) or not _ends_word(text, after, end):
            return None
        return Call(at, after, Mark(MarkKind.BRACKETED, char, ""), PUNCTUATION_CALL)
    if char in fr.GARBLED_LONE_MARKS:
        # a whole raised `⁽¹⁾` read as one sign apart from its word: `Clapperton ® à`
        if text[at - 1 : at] != " " or not _after_word(text, start, at - 1):
            return None
        if after < end and not (text[after].isspace() or text[after] in ".,;:"):
            return None  # `®)`: the closing bracket reads it (a half bracket)
        mark = Mark(MarkKind.BRACKETED, char, char)
        return Call(at, after, mark, HALF_BRACKET_CALL)
    if char in fr.SUPERSCRIPT_DIGITS:
        printed = text[at:after]
        return Call(
            at, after, Mark(MarkKind.DIGITS, printed, superscript_digits(printed)), CLEAR_CALL
        )
    if char.isdigit():
        # a number glued to a word, or after its stop or a closing guillemet: constat12,
        # pages.1, meilleurs. »91; not a number of the text (1998, 12 heures, art. 4)
        digits = text[at:after]
        if len(digits) > 3 or digits.startswith("0") or _LETTER.match(text, after, end):
            return None
        if _BEFORE_NUMBER.search(text, max(start, at - 5), at) is None:
            return None
        if not _after_word(text, start, at, short=True):
            return None
        return Call(at, after, Mark(MarkKind.DIGITS, digits, digits), CLEAR_CALL)
    if char in "*†‡":
        # after a word, glued or apart, or after its stop: France*, vé-rité *, brebis,*
        if _BEFORE_SYMBOL.search(text, max(start, at - 5), at) is None:
            return None
        if not _ends_word(text, after, end) or _ORNAMENT.match(text, after, end):
            return None  # `fin. * * *`: a row of stars is an ornament
        symbol = text[at:after]
        return Call(at, after, Mark(MarkKind.SYMBOL, symbol, symbol), CLEAR_CALL)
    # a raised number read as punctuation glued to a word or its stop: Elhauy', Plâtriers!,
    # trois,'
    if at - start >= 4 and text[at - 1] == " " and char in "!?":
        return _detached_punctuation(text, at, after, start, end)
    if not _word_before_sign(text, at, start):
        return None
    if not _ends_word(text, after, end):
        return None
    following = text[after : min(end, after + 2)].lstrip()[:1]
    misplaced = char in "'’" or following.islower() or following in ".,;:"
    evidence = MISPLACED_PUNCTUATION_CALL if misplaced else PUNCTUATION_CALL
    return Call(at, after, Mark(MarkKind.GARBLED_SUPERSCRIPT, char, char), evidence)


def _word_before_sign(text: str, at: int, start: int) -> bool:
    """Whether a sign at `at` follows a word, glued to it (`Elhauy'`), or to the stop
    after it (`trois,'`, `maîtres.°`): three letters at least, or two after an elision
    (`qu'il°`)."""
    if text[at - 1 : at] in (".", ",", ";", ":") and at - 1 > start:
        at -= 1
    if at - start >= 3 and all(_LETTER.match(c) for c in text[at - 3 : at]):
        return True
    elided = at - start >= 3 and text[at - 3] in "'’"
    return elided and all(_LETTER.match(c) for c in text[at - 2 : at])


_STOP_AFTER = re.compile(r"[.,;:]")
_STOP_AFTER_GUILLEMET = re.compile(r"\s?»\s?[.,;:]")


def _detached_punctuation(text: str, at: int, after: int, start: int, end: int) -> Call | None:
    """A raised number read as `!` or `?` apart from its word (French sets a space before
    them), where a stop follows it: `taureau !.`; or a closing guillemet and a stop,
    weaker, as a quotation may end so (`fisicien ! ».`)."""
    if not all(_LETTER.match(c) for c in text[at - 4 : at - 1]):
        return None
    if _STOP_AFTER.match(text, after, end):
        evidence = MISPLACED_PUNCTUATION_CALL
    elif _STOP_AFTER_GUILLEMET.match(text, after, end):
        evidence = PUNCTUATION_CALL
    else:
        return None
    char = text[at]
    return Call(at, after, Mark(MarkKind.GARBLED_SUPERSCRIPT, char, char), evidence)
