"""Reading note numbers through OCR: how well a garbled label or anchor (`l3`, `to`, `2s`)
fits a number, as an edit distance where OCR's usual digit confusions cost little."""

from __future__ import annotations

from functools import lru_cache

from ..digits import LOOKALIKES

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


def readings(printed: str) -> set[int]:
    """Numbers a garbled form may stand for: each character read as a digit it looks like
    (unknown ones as any digit would be too many: they are skipped), also with a lost
    leading digit."""
    options = [
        [c] if c.isdigit() else [d for d, looks in LOOKALIKES.items() if c in looks]
        for c in printed
    ]
    numbers: set[int] = {0}
    for choices in options:
        if not choices:
            continue
        numbers = {n * 10 + int(d) for n in numbers for d in choices}
    found = {n for n in numbers if n > 0}
    return found | {n + 10 * lead for n in found if n < 10 for lead in range(1, 10)}
