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
_SYMBOLS = "|".join(
    re.escape(s) for s in sorted([*fr.NOTE_SYMBOLS, *fr.GARBLED_NOTE_SYMBOLS], key=len)[::-1]
)
_REST = r"(?P<rest>.*)"
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("bracketed", re.compile(rf"^[{_OPEN}](?P<core>[\w{re.escape(_INNER)}]{{0,3}})[{_CLOSE}]\s*{_REST}$")),
    ("bracketed", re.compile(rf"^(?P<core>[\w{re.escape(_INNER)}]{{1,3}})[{_CLOSE}]\s+{_REST}$")),
    ("superscript", re.compile(rf"^(?P<core>[{fr.SUPERSCRIPT_DIGITS}]{{1,3}})\s*{_REST}$")),
    ("symbol", re.compile(rf"^(?P<core>{_SYMBOLS})\s*{_REST}$")),
    (
        "digits",
        # a dot after a number only: `I.` opens a section
        re.compile(rf"^(?P<core>\d{{1,3}}(?=[.\s])|[{re.escape(_LOOKALIKE_CHARS)}]{{1,3}}(?=\s))\.?\s+{_REST}$"),
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


def _opens_note(printed: str, rest: str) -> bool:
    """A note starts like a sentence or a reference (`Voir...`, `Dupont J., ...`, `ibid.`);
    after a label in full brackets or a symbol, which body text never opens a line with,
    it may start anyhow (`(3) t. II, p. 4`)."""
    first = rest[:1]
    if not rest or first.isupper() or first in fr.NOTE_BODY_OPENERS:
        return True
    if rest.lower().startswith(fr.NOTE_OPENING_WORDS):
        return True
    return printed[:1] in _OPEN_CHARS and printed[-1:] in _CLOSE_CHARS or printed[:1] in "*†‡"


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
        return Mark(kind, printed, core)
    if kind is MarkKind.SYMBOL:
        if not rest:
            return None  # a lone asterisk is an ornament, not a note
        return Mark(kind, printed, fr.GARBLED_NOTE_SYMBOLS.get(core, core))
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
    if mark is not None and mark.kind is MarkKind.BRACKETED and mark.core and mark.core in letters:
        if ordinal <= len(letters):
            return letters[ordinal - 1]
    return str(ordinal)


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
PUNCTUATION_CALL = 0.8  # Elhauy' for Elhauy¹: also a real apostrophe or exclamation

_WORD_END = r"(?=[\s.,;:!?»)\]’”'\"]|$)"
_CALL = re.compile(
    rf"(?P<bracket>[{_OPEN}](?P<inner>[\w{re.escape(_INNER)}]{{0,3}})[{_CLOSE}])"
    rf"|(?<=\s)(?P<half>[\w{re.escape(_INNER)}]{{0,2}})[{_CLOSE}]{_WORD_END}"
    rf"|(?P<sup>[{fr.SUPERSCRIPT_DIGITS}]{{1,3}})"
    rf"|(?<=[^\W\d_])(?P<stop>(?:[.,;:!?’”)]|\s?»){{1,3}})(?P<after>\d{{1,3}})(?![\w])"
    rf"|(?<=[^\W\d_])(?P<glued>\d{{1,3}})(?![\w])"
    rf"|(?:(?<=[^\W\d_])|(?<=[^\W\d_]\s))(?P<symbol>\*{{1,3}}|[†‡]){_WORD_END}"
    rf"|(?<=[^\W\d_]{{3}})(?P<punct>[{re.escape(''.join(fr.GARBLED_SUPERSCRIPTS))}]){_WORD_END}"
)


@dataclass(frozen=True)
class Call:
    start: int  # offsets of the mark in the text searched
    end: int
    mark: Mark
    evidence: float


def find_calls(text: str, start: int = 0, end: int | None = None) -> list[Call]:
    """Marks in text[start:end] that may call a note, in order, of every kind but a tail
    of letters glued to a word (`instantl3`), which needs the lexicon (annotate.anchors)."""
    calls = []
    for match in _CALL.finditer(text, start, len(text) if end is None else end):
        call = _call(match)
        if call is not None:
            calls.append(call)
    return calls


def _call(match: re.Match[str]) -> Call | None:
    group = match.lastgroup
    if group == "inner":
        group = "bracket"
    if group == "bracket":
        core = match.group("inner")
        if len(core) > 1 and not core.isdigit():
            return None  # a word or an abbreviation in brackets: (sic), (éd)
        mark = Mark(MarkKind.BRACKETED, match.group(), core)
        evidence = CLEAR_CALL if mark.clean else GARBLED_BRACKET_CALL
        return Call(match.start(), match.end(), mark, evidence)
    if group == "half":
        core = match.group("half")
        if core.isalpha() and (len(core) > 1 or core in fr.SHORT_WORDS):
            return None  # a word before a closing bracket: `à)`, `etc)`
        end = match.end("half") + 1
        return Call(match.start(), end, Mark(MarkKind.BRACKETED, match.group(), core), HALF_BRACKET_CALL)
    if group == "sup":
        mark = Mark(MarkKind.DIGITS, match.group(), superscript_digits(match.group()))
        return Call(match.start(), match.end(), mark, CLEAR_CALL)
    if group in ("after", "glued"):
        digits = match.group(group)
        if digits.startswith("0"):
            return None
        mark = Mark(MarkKind.DIGITS, digits, digits)
        return Call(match.start(group), match.end(group), mark, CLEAR_CALL)
    if group == "symbol":
        mark = Mark(MarkKind.SYMBOL, match.group(), match.group())
        return Call(match.start(), match.end(), mark, CLEAR_CALL)
    mark = Mark(MarkKind.GARBLED_SUPERSCRIPT, match.group(), match.group())
    return Call(match.start(), match.end(), mark, PUNCTUATION_CALL)
