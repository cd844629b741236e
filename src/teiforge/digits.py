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
