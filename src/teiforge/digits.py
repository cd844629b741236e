"""What OCR makes of digits in small type (superscript anchors, note labels)."""

LOOKALIKES = {
    "0": "oODQ",
    "1": "lIi|!tTj]",
    "2": "zZ",
    "3": "B8",  # 3 and 8, 5 and 6 are confused in small type
    "4": "aAoq",
    "5": "sS6",
    "6": "bG5",
    "7": "T",
    "8": "B&3",
    "9": "gq",
}
DIGIT_LIKE = frozenset("".join(LOOKALIKES.values()) + "0123456789")
# What a garbled note label or anchor may be made of: digits, their lookalikes, and the
# accented capitals OCR makes of a superscript it cannot read.
GARBLED_DIGIT_CHARS = DIGIT_LIKE | frozenset("ÉÈé")


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
