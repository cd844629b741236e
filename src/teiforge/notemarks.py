"""Note marks, labels at a page's foot and calls in the text alike, in the kinds printers
use: a number (`12`, `12.`, a raised `¹²`, `constat12`), a number in brackets (`(12)`,
`[12]`, OCR's `12)`), a symbol (`*`, `**`, `†`), a letter (`(a)`, `b)`). Each says how
well it reads as the k-th note of a sequence, through OCR's usual misreadings; layout
and the notes annotator share them. The forms themselves are the language's
(`lang.fr`): this module holds what a mark is and how a label is read; the calls in the
text are notecalls'.

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
# the brackets round a mark, and what OCR reads inside a garbled one (labels and calls)
OPEN_CHARS = "".join(pair[0] for pair in fr.NOTE_BRACKETS)
CLOSE_CHARS = "".join(pair[1] for pair in fr.NOTE_BRACKETS)
_OPEN = re.escape(OPEN_CHARS)
_CLOSE = re.escape(CLOSE_CHARS)
INNER_CHARS = "".join(sorted(fr.GARBLED_BRACKET_INNER | GARBLED_DIGIT_CHARS))
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
    ("bracketed", re.compile(rf"^[{_OPEN}](?P<core>[\w{re.escape(INNER_CHARS)}]{{0,3}})[{_CLOSE}]\s*{_REST}$")),
    ("bracketed", re.compile(rf"^[{_OPEN}{_G_OPEN}](?P<core>\d{{1,3}})[{_CLOSE}{_G_CLOSE}]\s*{_REST}$")),
    ("bracketed", re.compile(rf"^(?P<core>[\w{re.escape(INNER_CHARS)}]{{1,3}})[{_CLOSE}{_CLOSERS}]\s+{_REST}$")),
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
    return printed[:1] in OPEN_CHARS and printed[-1:] in CLOSE_CHARS


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
    if core.isalpha() and core not in fr.NOTE_LETTERS + _LOOKALIKE_CHARS + INNER_CHARS:
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
