"""Numerals as printed: arabic and roman, the old print's final `j` (`vij`, `xiij`)."""

from __future__ import annotations

import re

ROMAN = re.compile(r"^(?=[ivxlcdmj]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?[ij]{0,4})$")
_ROMAN_VALUES = {"i": 1, "j": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def roman_value(text: str) -> int | None:
    """The value of a roman numeral in either case (`XIV`, `xiv`, `xiij`), else None. A
    final `j` is an `i` (the old print's way of ending a numeral); it is nowhere else."""
    lower = text.lower()
    if not lower or "j" in lower[:-1] or ROMAN.match(lower) is None:
        return None
    total = 0
    for char, following in zip(lower, lower[1:] + " "):
        value = _ROMAN_VALUES[char]
        total += -value if _ROMAN_VALUES.get(following, 0) > value else value
    return total


def to_roman(value: int, lower: bool = True) -> str:
    """`value` in roman numerals (1-3999), in lower case by default."""
    parts = []
    for number, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, value = divmod(value, number)
        parts.append(letters * count)
    text = "".join(parts)
    return text if lower else text.upper()


def numeral_value(text: str) -> int | None:
    """An arabic or roman numeral's value, else None."""
    if text.isdigit() and text.isascii():
        return int(text)
    return roman_value(text)
