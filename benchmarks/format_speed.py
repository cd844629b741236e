"""Encoding a book from a format with coordinates against encoding its plain text, in
the same process (issue 19: ALTO at most 2x its text).

    PYTHONPATH=src python benchmarks/format_speed.py [--runs 5] [--json]

For each book of ../shared/data/books (benchmarks/layout_books.books_folder) and each
format, the CPU time of reading the page files and encoding them (read_document +
encode) is compared with that of reading and encoding the same pages as plain text
(gt.txt for the ground truth, tesseract.txt for Tesseract's output: the same lines, in
the same order). teiforge's lexicons and models are loaded once before timing. Figures
are medians of --runs; the ratio is format / text, per book and over the three books.
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from layout_books import BOOKS, books_folder
from measure import median_time

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = books_folder()
    if not folder.is_dir():
        print(f"no books at {folder}", file=sys.stderr)
        return 2
    encode(read_source(folder / BOOKS[0] / "gt.txt"), OPTIONS)  # loads lexicons and models
    rows = []
    for name, (pattern, text_name) in FORMATS.items():
        totals = [0.0, 0.0]
        for book in BOOKS:
            files = sorted((folder / book).glob(pattern))
            text = folder / book / text_name
            fmt = median_time(lambda f=files: encode(read_document(f), OPTIONS), args.runs, CPU)
            plain = median_time(lambda t=text: encode(read_source(t), OPTIONS), args.runs, CPU)
            totals[0] += fmt
            totals[1] += plain
            rows.append({"format": name, "book": book, "format_s": fmt, "text_s": plain})
        rows.append({"format": name, "book": "all", "format_s": totals[0], "text_s": totals[1]})
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    print(f"{'format':15} {'book':28} {'format s':>9} {'text s':>8} {'ratio':>6}")
    for row in rows:
        ratio = row["format_s"] / row["text_s"] if row["text_s"] else float("nan")
        print(
            f"{row['format']:15} {row['book']:28} {row['format_s']:9.3f} "
            f"{row['text_s']:8.3f} {ratio:6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
