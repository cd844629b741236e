"""Encoding a book from a format with coordinates against encoding its plain text, in
the same process (issue 19: ALTO at most 2x its text).

    PYTHONPATH=src python benchmarks/format_speed.py [--runs 7] [--pages 60] [--json]

For each book of ../shared/data/books (benchmarks/layout_books.books_folder) and each
format, the CPU time of reading the page files and encoding them (read_document +
encode) is compared with that of reading and encoding the same pages as plain text
(gt.txt for the ground truth, tesseract.txt for Tesseract's output: the same lines, in
the same order). teiforge's lexicons and models are loaded once before timing.

The machine is shared and a small book takes a tenth of a second, so one timing pair is
noise: each book is read over as one document of at least --pages pages (its page files
listed again; its text written again after a form feed), and the two encodings are timed
in turn, --runs pairs, so that a change in the machine's load touches both alike. The ratio
of a book is the median of the pairs' ratios; its seconds are the medians of each side;
"all" sums the books' medians. The spread (lowest and highest pair ratio) is printed.
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from layout_books import BOOKS, books_folder

from teiforge.encode import EncodeOptions, encode
from teiforge.read import read_source
from teiforge.readers import read_document

OPTIONS = EncodeOptions(date="2026-01-01")
CPU = time.process_time  # one core's work, whatever else the machine does
# format -> (page files, the plain text of the same lines)
FORMATS = {
    "alto-gt": ("gt/*.xml", "gt.txt"),
    "page-gt": ("gt-page/*.xml", "gt.txt"),
    "alto-tesseract": ("tesseract/*.alto.xml", "tesseract.txt"),
    "hocr": ("tesseract/*.hocr", "tesseract.txt"),
    "tsv": ("tesseract/*.tsv", "tesseract.txt"),
}


def timed(function: Callable[[], object]) -> float:
    start = CPU()
    function()
    return CPU() - start


def paired(fmt: Callable[[], object], plain: Callable[[], object], runs: int) -> dict:
    """Median seconds of each side and the pairs' ratios, the two timed in turn."""
    pairs = [(timed(fmt), timed(plain)) for _ in range(runs)]
    ratios = [f / p for f, p in pairs if p]
    return {
        "format_s": statistics.median(f for f, _ in pairs),
        "text_s": statistics.median(p for _, p in pairs),
        "ratio": statistics.median(ratios),
        "low": min(ratios),
        "high": max(ratios),
    }


def repeated_text(text: Path, times: int, folder: Path) -> Path:
    """The text of a book written `times` over, pages after a form feed."""
    body = text.read_text(encoding="utf-8").strip("\n")
    target = folder / text.name
    target.write_text("\f".join([body] * times) + "\n", encoding="utf-8")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="timing pairs per book")
    parser.add_argument("--pages", type=int, default=60, help="pages a book is read over to")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = books_folder()
    if not folder.is_dir():
        print(f"no books at {folder}", file=sys.stderr)
        return 2
    encode(read_source(folder / BOOKS[0] / "gt.txt"), OPTIONS)  # loads lexicons and models
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, (pattern, text_name) in FORMATS.items():
            totals = [0.0, 0.0]
            for book in BOOKS:
                pages = sorted((folder / book).glob(pattern))
                times = math.ceil(args.pages / len(pages))
                place = Path(scratch) / f"{name}-{book}"
                place.mkdir()
                text = repeated_text(folder / book / text_name, times, place)
                row = paired(
                    lambda f=pages * times: encode(read_document(f), OPTIONS),
                    lambda t=text: encode(read_source(t), OPTIONS),
                    args.runs,
                )
                totals[0] += row["format_s"]
                totals[1] += row["text_s"]
                rows.append({"format": name, "book": book, **row})
            ratio = totals[0] / totals[1]
            rows.append(
                {"format": name, "book": "all", "format_s": totals[0], "text_s": totals[1],
                 "ratio": ratio, "low": ratio, "high": ratio}
            )  # fmt: skip
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'format':15} {'book':28} {'format s':>9} {'text s':>8} {'ratio':>6} {'spread':>11}")
    for row in rows:
        print(
            f"{row['format']:15} {row['book']:28} {row['format_s']:9.3f} {row['text_s']:8.3f} "
            f"{row['ratio']:6.2f} {row['low']:5.2f}-{row['high']:<5.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
