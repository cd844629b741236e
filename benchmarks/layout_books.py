"""How the encoder lays out real printed pages: running heads, page numbers, footnotes,
headings and paragraphs of the three book sets in ../shared/data/books, scored page by
page against hand-checked structure files (benchmarks/layout/<book>.json, read on the
page images; docs/layout.md).

    PYTHONPATH=src python benchmarks/layout_books.py                 # held-out pages
    PYTHONPATH=src python benchmarks/layout_books.py --split tune --show
    PYTHONPATH=src python benchmarks/layout_books.py --split all --input gt --json
    PYTHONPATH=src python benchmarks/layout_books.py --format alto   # Tesseract's ALTO

Each book's tesseract.txt (pages separated by form feeds; --input gt: the clean gt.txt,
whose lines are in ALTO order, not always reading order) is encoded with
`encode(read_document([path]), EncodeOptions(date="2026-01-01"))`; with --format, the
same pages as ALTO, PAGE (gt), hOCR or TSV (tesseract), read with their coordinates. Page k of the source is
what follows the k-th <pb/> of the TEI's <text>, in document order; a <p> belongs to the
page of its first character, so a paragraph that runs over a page break (a <pb/> inside
its <p>) starts on the earlier page only. Texts are read as the corrected reading (a
<choice> gives its <corr>), notes and forme work (<fw>) apart from the running text.

Matching rule (`same`): both texts are normalised (NFKD without accents, casefolded, long
s read as s, punctuation dropped, whitespace folded); the found text's first N characters,
N the length of the expected text (at most 40), must have a difflib.SequenceMatcher ratio
of at least 0.75 with the expected text's (or the same without spaces, for letter-spaced
print). `inside` asks the same of a window of a longer
text (a running head within the start of a page, the words before a note's call).

Per book, on the pages of the split (pages marked "scored": false, such as a title page,
are left out):
- running heads: expected; found as <fw type="header"> on their page; became a <head>
  (must be 0); stayed in the page's running text (a <p>; anywhere on the page, as the
  ALTO order of gt.txt or Tesseract may put it last); lost otherwise;
- page numbers: pages that print one; pb/@n right (integer values: arabic, or roman with
  j read as i), wrong, absent;
- notes: expected (a note continued from the previous page is not a new note); found (a
  <note> on the page whose text, less a leading call mark, starts like the note's body);
  anchored (that note stands in the running text right after the words before the call:
  they end within the last 3 characters before it); at a wrong call (found, not
  anchored, and more than one word of its page's running text follows it: a note left
  unanchored stands after its page's last word, or before the word the page break cuts);
  numbered (@n is the call, numeric calls only);
- headings: expected; found (a <head> on the page that starts like it); false (a <head>
  that matches no heading and does not start like a "neutral" line of its page: bylines,
  formulas, figure captions, the scanner's stamp; a running head made a <head> is false);
- paragraphs: expected starts (first words of each paragraph that starts on the page);
  found (each <p> that starts on the page, less those that match no expected start and
  start like a neutral line); matched one to one, in any order (the OCR may reorder
  lines); precision, recall, F1.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout_score import FIGURES, read_tei, score_page, table, with_rates

__all__ = ["BOOKS", "books_folder", "read_tei", "score_page"]

ROOT = Path(__file__).resolve().parents[1]
LAYOUT = ROOT / "benchmarks" / "layout"
BOOKS = ("chaumiere-indienne-1791", "congres-ethnographique-1881", "nubis-1781-1921")
SPLITS = ("tune", "heldout", "all")


def books_folder() -> Path:
    """The book sets: $TEIFORGE_BOOKS, else ../shared/data/books beside the repository
    (or beside the folder that holds it, for a git worktree)."""
    if os.environ.get("TEIFORGE_BOOKS"):
        return Path(os.environ["TEIFORGE_BOOKS"])
    candidates = [base / "shared" / "data" / "books" for base in ROOT.parents[:2]]
    return next((c for c in candidates if c.is_dir()), candidates[0])


# (input, format) -> the files of a book read as one document (--format)
FORMAT_FILES = {
    ("gt", "text"): "gt.txt",
    ("gt", "alto"): "gt/*.xml",
    ("gt", "page"): "gt-page/*.xml",
    ("tesseract", "text"): "tesseract.txt",
    ("tesseract", "alto"): "tesseract/*.alto.xml",
    ("tesseract", "hocr"): "tesseract/*.hocr",
    ("tesseract", "tsv"): "tesseract/*.tsv",
}


def score_book(
    book: str, folder: Path, split: str, source: str, show: bool, form: str = "text"
) -> dict:
    from teiforge.encode import EncodeOptions, encode
    from teiforge.readers import read_document

    structure = json.loads((LAYOUT / f"{book}.json").read_text(encoding="utf-8"))
    files = sorted((folder / book).glob(FORMAT_FILES[source, form]))
    reading = read_tei(encode(read_document(files), EncodeOptions(date="2026-01-01")))
    lines: list[str] | None = [] if show else None
    total: Counter = Counter()
    for number, page in enumerate(structure["pages"], start=1):
        if page.get("scored", True) is False or (split != "all" and page["split"] != split):
            continue
        total["pages"] += 1
        total.update(score_page(page, number, reading, lines))
    figures = {name: total[name] for name in ["pages", *FIGURES]}
    figures["pb_count"] = len(reading.pbs)
    figures["page_count"] = structure["page_count"]
    if show and lines:
        print(f"{book} ({source}):")
        print("\n".join(lines))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="heldout")
    parser.add_argument("--input", choices=("tesseract", "gt"), default="tesseract")
    parser.add_argument(
        "--format",
        choices=sorted({f for _, f in FORMAT_FILES}),
        default="text",
        help="read the pages from this format (gt: alto, page; tesseract: alto, hocr, tsv)",
    )
    parser.add_argument("--books", type=Path, help="the book sets (default: ../shared/data/books)")
    parser.add_argument("--json", action="store_true", help="machine-readable figures")
    parser.add_argument("--show", action="store_true", help="each miss and false find, by page")
    args = parser.parse_args()
    if (args.input, args.format) not in FORMAT_FILES:
        parser.error(f"--input {args.input} has no --format {args.format}")
    folder = args.books or books_folder()
    if not folder.is_dir():
        print(f"skipped: no book data at {folder} (set TEIFORGE_BOOKS)", file=sys.stderr)
        return
    results: dict[str, dict] = {}
    for book in BOOKS:
        results[book] = score_book(book, folder, args.split, args.input, args.show, args.format)
        if results[book]["pb_count"] != results[book]["page_count"]:
            print(
                f"warning: {book}: {results[book]['pb_count']} <pb/> for "
                f"{results[book]['page_count']} pages; pages are scored by position",
                file=sys.stderr,
            )
    total = {k: sum(r[k] for r in results.values()) for k in next(iter(results.values()))}
    results = {name: with_rates(f) for name, f in {**results, "total": total}.items()}
    if args.json:
        figures = {"split": args.split, "input": args.input, "format": args.format}
        print(json.dumps({**figures, "books": results}, indent=1))
    else:
        print(f"layout of the book sets, {args.split} pages, input {args.input} ({args.format})")
        print(table(results))


if __name__ == "__main__":
    main()
