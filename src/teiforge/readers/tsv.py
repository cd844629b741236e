"""Tesseract's TSV: one row per page, block, paragraph, line and word, with boxes and
word confidences.

passes: a first row `level page_num block_num par_num line_num word_num left top width
height conf text` (tab-separated), then rows of 12 fields; fails: a row with another
number of fields or a field that is not a number where one is due ("row N: ...").

Level 1 rows start pages (their box is the image's size), 4 rows lines, 5 rows words
(conf in percent, -1 when none); a new block or paragraph is a new region. TSV names no
image.
"""

from __future__ import annotations

from ..errors import InputError
from ..model import Box, Word
from .pages import OcrLine, OcrPage, one_line

CODE = "tsv"
HEADER = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
)


def recognise_bytes(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf").startswith(HEADER.encode())


class _Builder:
    def __init__(self) -> None:
        self.pages: list[OcrPage] = []
        self.lines: list[OcrLine] = []
        self.size: tuple[int, int] | None = None
        self.line_box: Box | None = None
        self.words: list[Word] = []
        self.region = (0, 0)
        self.regions: dict[tuple[int, int], int] = {}

    def end_line(self) -> None:
        if self.words:
            text = " ".join(word.text for word in self.words)
            block = self.regions.setdefault(self.region, len(self.regions))
            self.lines.append(OcrLine(text, self.line_box, tuple(self.words), None, block))
        self.words, self.line_box = [], None

    def end_page(self) -> None:
        self.end_line()
        if self.size is not None:
            width, height = self.size
            self.pages.append(OcrPage(tuple(self.lines), None, width, height))
        self.lines, self.size, self.regions = [], None, {}


def read(data: bytes, where: object) -> list[OcrPage]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(where, "TSV that is not UTF-8") from None
    rows = text.split("\n")
    builder = _Builder()
    for number, row in enumerate(rows[1:], start=2):
        row = row.rstrip("\r")
        if not row:
            continue
        fields = row.split("\t", 11)
        if len(fields) != 12:
            raise InputError(where, f"row {number}: {len(fields)} fields, not 12")
        try:
            level, _, block, par, _, _, left, top, width, height = (int(f) for f in fields[:10])
            conf = float(fields[10])
        except ValueError:
            raise InputError(where, f"row {number}: a number was expected") from None
        box = Box(left, top, left + width, top + height)
        if level == 1:
            builder.end_page()
            builder.size = (width, height)
        elif builder.size is None:
            raise InputError(where, f"row {number}: before the first page row (level 1)")
        elif level in (2, 3, 4):
            builder.end_line()
            builder.region = (block, par)
            builder.line_box = box if level == 4 else None
        elif level == 5:
            word = one_line(fields[11])
            if word:
                builder.words.append(Word(word, box, conf / 100 if conf >= 0 else None))
    builder.end_page()
    if not builder.pages:
        raise InputError(where, "TSV without a page row")
    return builder.pages
