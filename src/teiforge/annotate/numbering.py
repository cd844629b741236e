"""Reading note numbers through OCR: how well a garbled label or anchor (`l3`, `to`, `2s`)
fits a number, as an edit distance where OCR's usual digit confusions cost little."""

from __future__ import annotations

from functools import lru_cache

from ..digits import LOOKALIKES, readings
from ..lang import fr
from ..notemarks import Mark, MarkKind

LOOKALIKE_COST = 0.3
SUBSTITUTION_COST = 1.0
GAP_COST = 0.8  # a digit lost, or a stray letter read
STRAY_DIGIT_COST = 1.5  # a digit in print is rarely spurious


def _substitution(digit: str, char: str) -> float:
    if digit == char:
        return 0.0
    if char in LOOKALIKES[digit]:
        return LOOKALIKE_COST
    return SUBSTITUTION_COST


@lru_cache(maxsize=65536)
def misreading_cost(number: int, printed: str) -> float:
    """0 when `printed` is the number itself; small when OCR plausibly read it so."""
    digits = str(number)
    rows, cols = len(digits) + 1, len(printed) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        table[i][0] = i * GAP_COST
    stray = [STRAY_DIGIT_COST if c.isdigit() else GAP_COST for c in printed]
    for j in range(1, cols):
        table[0][j] = table[0][j - 1] + stray[j - 1]
    for i in range(1, rows):
        for j in range(1, cols):
            table[i][j] = min(
                table[i - 1][j - 1] + _substitution(digits[i - 1], printed[j - 1]),
                table[i - 1][j] + GAP_COST,
                table[i][j - 1] + stray[j - 1],
            )
    return table[-1][-1]


# --- marks of every kind (notemarks) -----------------------------------------------------

LOST_MARK = 0.8  # a bracket read, the number in it lost: `()`
UNREADABLE_MARK = 1.0  # a bracket read, a sign in it: `(@)`
SAME_SYMBOL = 0.5  # `*` again for a later note, as some printers do
OTHER_SYMBOL = 1.5
GARBLED_SYMBOL = 0.3  # `#` for `*`
SUPERSCRIPT_AS_READ = 0.8  # `'` for ¹: the usual misreading
SUPERSCRIPT_OTHER = 2.0  # never a call for another number: `!` is mostly an exclamation
_DIGIT_LOOKALIKES = frozenset("".join(LOOKALIKES.values()))


def reading_cost(ordinal: int, mark: Mark) -> float:
    """How well `mark` reads as note `ordinal` (1-based) of a sequence: 0 when printed so,
    more the more OCR must have garbled it."""
    if mark.kind is MarkKind.SYMBOL:
        expected = fr.NOTE_SYMBOLS[ordinal - 1] if ordinal <= len(fr.NOTE_SYMBOLS) else None
        garbled = 0.0 if mark.printed == mark.core else GARBLED_SYMBOL
        if mark.core == expected:
            return garbled
        return garbled + (SAME_SYMBOL if mark.core == "*" else OTHER_SYMBOL)
    if mark.kind is MarkKind.GARBLED_SUPERSCRIPT:
        same = fr.GARBLED_SUPERSCRIPTS.get(mark.core) == str(ordinal)
        return SUPERSCRIPT_AS_READ if same else SUPERSCRIPT_OTHER
    core = mark.core
    if mark.kind is MarkKind.BRACKETED:
        if core and core in fr.NOTE_LETTERS:
            letter = fr.NOTE_LETTERS.index(core) + 1 == ordinal
            return 0.0 if letter else min(UNREADABLE_MARK, misreading_cost(ordinal, core))
        if not core:
            return LOST_MARK * len(str(ordinal))
        unreadable = UNREADABLE_MARK + GAP_COST * (len(str(ordinal)) - 1)
        if not any(c.isdigit() or c in _DIGIT_LOOKALIKES for c in core):
            return unreadable
        if not core.isdigit():
            # a garbled mark in brackets (`l?)`, `G)`) reads no worse than a sign (`(@)`)
            return min(unreadable, misreading_cost(ordinal, core))
    return misreading_cost(ordinal, core)


def call_cost(ordinal: int, label: Mark | None, call: Mark) -> float:
    """How well a call reads as note `ordinal` under its label: a symbol call reads as
    its note when it is the symbol the note's label prints (printers' series differ:
    `*` `**` `***`, `*` `†` `‡`, `*` `**` `†` `‡`: the label says which), else by its
    place in the sequence."""
    if call.kind is MarkKind.SYMBOL and label is not None and label.kind is MarkKind.SYMBOL:
        garbled = 0.0 if call.printed == call.core else GARBLED_SYMBOL
        if label.core in fr.NOTE_SYMBOLS and call.core in fr.NOTE_SYMBOLS:
            return garbled + (0.0 if call.core == label.core else OTHER_SYMBOL)
    return reading_cost(ordinal, call)


def ordinals(mark: Mark) -> set[int]:
    """Which notes of a sequence a mark may be: its number's readings, or a symbol's or
    a letter's place in the printers' order."""
    if mark.kind is MarkKind.SYMBOL:
        return {fr.NOTE_SYMBOLS.index(mark.core) + 1} if mark.core in fr.NOTE_SYMBOLS else {1}
    if mark.kind is MarkKind.GARBLED_SUPERSCRIPT:
        return {int(fr.GARBLED_SUPERSCRIPTS[mark.core])}
    if mark.kind is MarkKind.BRACKETED and mark.core and mark.core in fr.NOTE_LETTERS:
        return {fr.NOTE_LETTERS.index(mark.core) + 1}
    return readings(mark.core) if mark.core else {1}
