"""Note marks, labels at a page's foot and calls in the text alike, in the kinds printers
use: a number (`12`, `12.`, a raised `¹²`, `constat12`), a number in brackets (`(12)`,
`[12]`, OCR's `12)`), a symbol (`*`, `**`, `†`), a letter (`(a)`, `b)`). Each says how
well it reads as the k-th note of a sequence, through OCR's usual misreadings; layout
and the notes annotator share them. The forms themselves are the language's
(`lang.fr`): this module holds what a mark is and how it is read.

passes (labels): `12 Voir`, `12. Voir`, `(12) Voir`, `[3] Voir`, `¹ Voir`, `* Voyez`,
`(a) Voir`, garbled `to Voir` (14), `(@) Voir`, `@) Voir`, `# Voyez`.
fails: `le Voir` (a word), `12 voir` (a note opens like a sentence), `(Rires.)`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from .digits import GARBLED_DIGIT_CHARS
from .lang import fr

_SUPERSCRIPT_TO_DIGITS = str.maketrans(fr.SUPERSCRIPT_DIGITS, "0123456789")
_LOOKALIKE_CHARS = "".join(sorted(GARBLED_DIGIT_CHARS))
_OPEN_CHARS = "".join(pair[0] for pair in fr.NOTE_BRACKETS)
_CLOSE_CHARS = "".join(pair[1] for pair in fr.NOTE_BRACKETS)
_OPEN = re.escape("".join(pair[0] for pair in fr.NOTE_BRACKETS))
_CLOSE = re.escape("".join(pair[1] for pair in fr.NOTE_BRACKETS))
_INNER = "".join(sorted(fr.GARBLED_BRACKET_INNER | GARBLED_DIGIT_CHARS))
_STARS = re.escape("*" + "".join(k for k, v in fr.GARBLED_NOTE_SYMBOLS.items() if v == "*"))
# asterisks, one or more of them garbled (`#*` for `**`), then every other symbol
_SYMBOLS = f"[{_STARS}]{{2,3}}|" + "|".join(
    re.escape(s) for s in sorted([*fr.NOTE_SYMBOLS, *fr.GARBLED_NOTE_SYMBOLS], key=len)[::-1]
)
_SYMBOL_READINGS = str.maketrans(fr.GARBLED_NOTE_SYMBOLS)
_REST = r"(?P<rest>.*)"
_CLOSERS = re.escape(fr.GARBLED_LABEL_CLOSERS)
_LONE = re.escape(fr.GARBLED_LONE_MARKS)
_G_OPEN = re.escape(fr.GARBLED_LABEL_OPENERS)
_G_CLOSE = re.escape(fr.GARBLED_NUMBER_CLOSERS)
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bracketed", re.compile(rf"^[{_OPEN}](?P<core>[\w{re.escape(_INNER)}]{{0,3}})[{_CLOSE}]\s*{_REST}$")),
    ("bracketed", re.compile(rf"^[{_OPEN}{_G_OPEN}](?P<core>\d{{1,3}})[{_CLOSE}{_G_CLOSE}]\s*{_REST}$")),
    ("bracketed", re.compile(rf"^(?P<core>[\w{re.escape(_INNER)}]{{1,3}})[{_CLOSE}{_CLOSERS}]\s+{_REST}$")),
    ("bracketed", re.compile(rf"^(?P<core>)[{_CLOSE}{_CLOSERS}]\s+{_REST}$")),
    ("bracketed", re.compile(rf"^(?P<core>[{_LONE}])[_.,]?\s+{_REST}$")),
    ("bracketed", re.compile(rf"^[{_OPEN}](?P<core>)\s+{_REST}$")),
    ("superscript", re.compile(rf"^(?P<core>[{fr.SUPERSCRIPT_DIGITS}]{{1,3}})\s*{_REST}$")),
    ("symbol", re.compile(rf"^(?P<core>{_SYMBOLS})\s*{_REST}$")),
    (
        "digits",
        # a dot after a number only: `I.` opens a section
        # a label alone on its line (`13`), its note below
        re.compile(rf"^(?P<core>\d{{1,3}}(?=[.\s]|$)|[{re.escape(_LOOKALIKE_CHARS)}]{{1,3}}(?=\s|$))\.?(?:\s+|$){_REST}$"),
    ),
)  # fmt: skip


class MarkKind(str, Enum):
    DIGITS = "digits"  # 12, 12., ¹², constat12
    BRACKETED = "bracketed"  # (12), [12], 12), (a)
    SYMBOL = "symbol"  # *, **, †
    GARBLED_SUPERSCRIPT = "garbled superscript"  # Elhauy' for Elhauy¹: calls only


@dataclass(frozen=True)
class Mark:
    kind: MarkKind
    printed: str  # as read, kept verbatim in the output
    core: str  # what numbers it: the digits (superscripts made plain), letter or symbol

    @property
    def clean(self) -> bool:
        """Read as printed: a number, a letter in brackets, a symbol printers use."""
        if self.kind is MarkKind.SYMBOL:
            return self.core in fr.NOTE_SYMBOLS
        if self.kind is MarkKind.BRACKETED and self.core in fr.NOTE_LETTERS:
            return bool(self.core)
        return self.kind is not MarkKind.GARBLED_SUPERSCRIPT and self.core.isdigit()

    @property
    def lettered(self) -> bool:
        """A letter in brackets: `(a)`, `b)`."""
        return self.kind is MarkKind.BRACKETED and bool(self.core) and self.core in fr.NOTE_LETTERS

    def denies_letters(self) -> bool:
        """A label read as something other than a letter (`(5)`, `@`, `6)`): a call read
        as a letter (`(f)` for `(6)`) is then a garbled number, not the note's letter."""
        return bool(self.core) and not self.lettered

    @property
    def number(self) -> int | None:
        """The number of a clean numeric mark."""
        return int(self.core) if self.core.isdigit() and self.core[0] != "0" else None


def parse_label(text: str) -> tuple[Mark, str] | None:
    """(label, rest of the line) when a line starts like a note body, else None."""
    stripped = text.strip()
    for kind, pattern in _LABELS:
        match = pattern.match(stripped)
        if match is None:
            continue
        core, rest = match.group("core"), match.group("rest")
        printed = stripped[: match.start("rest")].rstrip()
        mark = _label_mark(kind, printed, core, rest)
        if mark is not None:
            return mark, rest
    return None


def opens_like_a_note(rest: str) -> bool:
    """A note starts like a sentence or a reference (`Voir...`, `Dupont J., ...`, `ibid.`)."""
    first = rest[:1]
    if not rest or first.isupper() or first in fr.NOTE_BODY_OPENERS:
        return True
    return rest.lower().startswith(fr.NOTE_OPENING_WORDS)


def _opens_note(printed: str, rest: str) -> bool:
    """After a label in full brackets, a note may start anyhow (`(3) t. II, p. 4`): inside
    a footnote zone, body text hardly opens a line so. (Where the zone starts, a call at a
    line's start in the text, `(3) à 40 000 habitants`, must not be taken for a label:
    layout asks opens_like_a_note there.)"""
    if opens_like_a_note(rest):
        return True
    return printed[:1] in _OPEN_CHARS and printed[-1:] in _CLOSE_CHARS


def _label_mark(form: str, printed: str, core: str, rest: str) -> Mark | None:
    if not _opens_note(printed, rest):
        return None
    if form == "superscript":
        return Mark(MarkKind.DIGITS, printed, core.translate(_SUPERSCRIPT_TO_DIGITS))
    kind = MarkKind(form)
    if kind is MarkKind.DIGITS:
        if core.isdigit():
            return None if core.startswith("0") else Mark(kind, printed, core)
        if core.lower() in fr.SHORT_WORDS or not any(c in _LOOKALIKE_CHARS for c in core):
            return None
        if not rest:
            return None  # a garbled number alone on its line: a numeral (`III`), no label
        return Mark(kind, printed, core)
    if kind is MarkKind.SYMBOL:
        if not rest:
            return None  # a lone asterisk is an ornament, not a note
        return Mark(kind, printed, core.translate(_SYMBOL_READINGS))
    if len(core) > 1 and core.isalpha():
        return None  # a word in brackets or before one: `(Rires)`, `etc)`
    if core.isalpha() and core not in fr.NOTE_LETTERS + _LOOKALIKE_CHARS + _INNER:
        return None
    return Mark(kind, printed, core)


def superscript_digits(text: str) -> str:
    return text.translate(_SUPERSCRIPT_TO_DIGITS)


def printed_number(ordinal: int, mark: Mark | None) -> str:
    """The note's @n: its number, or when its mark is a symbol or a letter, the symbol as
    printed (some printers repeat `*` for every note) or the letter of its place."""
    if mark is not None and mark.kind is MarkKind.SYMBOL:
        return mark.core
    letters = fr.NOTE_LETTERS
    lettered = mark is not None and mark.kind is MarkKind.BRACKETED and mark.core in letters
    if lettered and mark is not None and mark.core and ordinal <= len(letters):
        return letters[ordinal - 1]
    return str(ordinal)


def lettered_run(printed: Sequence[str]) -> bool:
    """Whether a page's labels read a, b, c in turn, without brackets (two at least)."""
    return len(printed) >= 2 and "".join(printed) == fr.NOTE_LETTERS[: len(printed)]


def page_labels(printed: Sequence[str], lettered: bool = False) -> list[Mark | None]:
    """The marks of a page's labels. Labels that read a, b, c in turn, without brackets,
    are letters (`b` alone may be a garbled 6; in that run it is the second letter); so
    is an `a` alone (else a garbled 4) in a document whose notes are `lettered` so."""
    alone = lettered and list(printed) == [fr.NOTE_LETTERS[0]]
    if lettered_run(printed) or alone:
        return [Mark(MarkKind.BRACKETED, letter, letter) for letter in printed]
    return [label_mark(label) for label in printed]


def label_mark(printed: str) -> Mark | None:
    """The mark of a label already split from its note (`Block.label`), read as it was
    when the note was found: before the note's text."""
    found = parse_label(f"{printed} Note")
    return found[0] if found is not None else None


# --- calls in the text -----------------------------------------------------------------

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

_WORD_END = re.compile(rf"[\s\]{re.escape(fr.WORD_END_MARKS)}]|$")
# One character class that every kind of call starts or ends with: the text is searched
# for it alone (fast), each hit then read by its kind. Alternatives that open with a
# look-behind would make the regex engine try them at every character.
_TRIGGER = re.compile(
    rf"[{_OPEN}]|[{_CLOSE}]|[{fr.SUPERSCRIPT_DIGITS}]+|\d+|\*{{1,3}}|[†‡]{{1,2}}"
    rf"|[{re.escape(''.join(fr.GARBLED_SUPERSCRIPTS))}]|[{_LONE}]|[{_CLOSERS}]"
)
_BRACKETED = re.compile(rf"[{_OPEN}](?P<core>[\w{re.escape(_INNER)}]{{0,3}})[{_CLOSE}]")
# a bracket opened after a word and never closed, its mark lost or read as one sign
# before a stop (`régions (,`, `Kordofan (.`, `Américains (9.`, `Mungo-Park (},`)
_UNCLOSED = re.compile(
    rf"[{_OPEN}](?P<core>[\w{re.escape(_INNER)}]?)(?P<closer>[{_CLOSERS}]?)(?=[.,;:]|\s*$)"
)
# (a raised `²` read `?` or `!` inside a half bracket: `cire l?).`)
_HALF_BRACKET = re.compile(rf"\s(?P<core>[\w{re.escape(_INNER)}?!]{{0,2}})$")
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
    line's end: OCR lost the rest of a raised `⁽¹⁾` (`régions (,`, `Américains (9.`)."""
    match = _UNCLOSED.match(text, at, end)
    word_end = at - 1 if text[at - 1 : at] == " " else at  # `régions (,`, `moulue(#.`
    if match is None or not _after_word(text, start, word_end):
        return None
    core = match.group("core")
    if core.isalpha() and (core not in _INNER or word_end == at):
        return None  # `(a.` opens a parenthesis; `commerçan(s,` is a letter misread
    mark = Mark(MarkKind.BRACKETED, match.group(), core)
    return Call(at, match.end(), mark, HALF_BRACKET_CALL)


PARENTHESIS_REACH = 400  # characters a parenthesis may run over before it is closed


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


def _call(text: str, at: int, after: int, start: int, end: int) -> Call | None:
    char = text[at]
    if char in _OPEN_CHARS:
        match = _BRACKETED.match(text, at, end)
        if match is None:
            return _unclosed_call(text, at, start, end)
        core = match.group("core")
        if len(core) > 1 and not core.isdigit():
            return None  # a word or an abbreviation in brackets: (sic), (éd)
        mark = Mark(MarkKind.BRACKETED, match.group(), core)
        return Call(at, match.end(), mark, CLEAR_CALL if mark.clean else GARBLED_BRACKET_CALL)
    if char in _CLOSE_CHARS:
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
    # a raised number read as punctuation glued to a word: Elhauy', Plâtriers!
    if at - start >= 4 and text[at - 1] == " " and char in "!?":
        return _detached_punctuation(text, at, after, start, end)
    if at - start < 3 or not all(_LETTER.match(c) for c in text[at - 3 : at]):
        return None
    if not _ends_word(text, after, end):
        return None
    following = text[after : min(end, after + 2)].lstrip()[:1]
    misplaced = char in "'’" or following.islower() or following in ".,;:"
    evidence = MISPLACED_PUNCTUATION_CALL if misplaced else PUNCTUATION_CALL
    return Call(at, after, Mark(MarkKind.GARBLED_SUPERSCRIPT, char, char), evidence)


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
