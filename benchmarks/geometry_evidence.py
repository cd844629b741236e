"""What Tesseract's boxes say about footnotes and note calls, on the tune pages of the book
sets (issue 19, item 4; docs/input-formats.md, "Geometry as evidence for the layout").
Tune pages only: the held-out pages' structure is never studied.

    PYTHONPATH=src python benchmarks/geometry_evidence.py --format hocr   # or alto, tsv

Per book, from its hand-checked structure file (benchmarks/layout/<book>.json):
- line heights: on each page with notes, the median height of its note lines (from the
  first line that starts like a note's body, the page's last line apart: a page number,
  a scanner's stamp) over that of the lines above them; the tenth percentile of the body
  lines' heights over their page's median; and how often a foot zone found by height
  alone (the lines from where the height falls to ZONE_HEIGHT of the page's median and
  stays there to the foot, the last line apart, 2 lines at least) starts at the first
  note line (exactly, or one line off) or is found on a page without notes;
- note calls: each mark the text rules read as a possible call (notecalls.find_calls,
  not at a line's start), true when the word before it is the last word before one of
  the page's calls (SequenceMatcher ratio 0.75); raised when its word box ends RAISED of
  the line's median word height or more above the line's baseline (the median bottom of
  its words);
- wide gaps: gaps between two words of two letters or more at least WIDE_GAP times the
  line's median word height, on pages with notes and without.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from difflib import SequenceMatcher
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from layout_books import BOOKS, LAYOUT, books_folder
from layout_score import normalise

ZONE_HEIGHT = 0.9  # of the page's median line height
RAISED = 0.15  # of the line's median word height, above its baseline
WIDE_GAP = 1.5  # word heights between two words
FILES = {"hocr": "tesseract/*.hocr", "alto": "tesseract/*.alto.xml", "tsv": "tesseract/*.tsv"}
_LETTERS = re.compile(r"[^\W\d_]{2}")


def _like(a: str, b: str, ratio: float) -> bool:
    return bool(a) and SequenceMatcher(None, a, b, autojunk=False).ratio() >= ratio


def _first_note_line(texts: list[str], notes: list[dict]) -> int | None:
    starts = []
    for note in notes:
        body = normalise(note["body"])[:25]
        for index, text in enumerate(texts):
            line = normalise(text)
            if any(_like(line[o : o + len(body)], body, 0.7) for o in range(min(6, len(line)))):
                starts.append(index)
                break
    return min(starts, default=None)


def _zone_by_height(heights: list[int]) -> int | None:
    median = statistics.median(heights)
    start = len(heights) - 1
    while start > 0 and heights[start - 1] <= ZONE_HEIGHT * median:
        start -= 1
    return start if len(heights) - 1 - start >= 2 else None


def measure(book: str, form: str, counts: Counter, ratios: list[float], body: list[float]):
    from teiforge.layout.pages import split_pages
    from teiforge.model import placed_words
    from teiforge.notecalls import find_calls
    from teiforge.readers import read_document

    structure = json.loads((LAYOUT / f"{book}.json").read_text(encoding="utf-8"))
    source = read_document(sorted((books_folder() / book).glob(FILES[form])))
    assert source.facsimile is not None
    zones = source.facsimile.by_line()
    for entry, lines in zip(structure["pages"], split_pages(source.text), strict=True):
        if entry["split"] != "tune" or entry.get("scored", True) is False:
            continue
        boxed = [(line, zones[line.number]) for line in lines if line.number in zones]
        boxed = [(line, zone) for line, zone in boxed if zone.box is not None]
        heights = [zone.box.lry - zone.box.uly for _, zone in boxed]  # type: ignore[union-attr]
        if len(heights) < 3:
            continue
        first = _first_note_line([line.text for line, _ in boxed], entry["notes"])
        found = _zone_by_height(heights)
        median = statistics.median(heights)
        if first is not None and first > 0:
            counts["pages with notes"] += 1
            ratios.append(
                statistics.median(heights[first:-1] or heights[first:])
                / statistics.median(heights[:first])
            )
            counts["zone by height: exact"] += found == first
            near = found is not None and abs(found - first) == 1
            counts["zone by height: one line off"] += near
        else:
            counts["pages without notes"] += 1
            counts["zone by height on a page without notes"] += found is not None
        body += [h / median for h in heights[: first or -1]]
        lasts = [normalise(note["before"]).split()[-1:] for note in entry["notes"]]
        for line, zone in boxed:
            words = [word for word in zone.words if word.box is not None]
            if len(words) < 3:
                continue
            baseline = statistics.median(w.box.lry for w in words)  # type: ignore[union-attr]
            size = statistics.median(w.box.lry - w.box.uly for w in words)  # type: ignore[union-attr]
            spans = list(placed_words(line.text, zone.words))
            for call in find_calls(line.text):
                if call.start == 0:
                    continue
                before = normalise(line.text[: call.start]).split()[-1:]
                true = any(before and last and _like(before[0], last[0], 0.75) for last in lasts)
                word = next((w for s, e, w in spans if s <= call.start < e), None)
                raised = word is not None and word.box is not None
                raised = raised and baseline - word.box.lry >= RAISED * size  # type: ignore[union-attr]
                kind = "call" if true else "not a call"
                counts[f"candidates: {kind}"] += 1
                counts[f"candidates: {kind}, raised"] += raised
            for left, right in pairwise(words):
                gap = right.box.ulx - left.box.lrx  # type: ignore[union-attr]
                if (
                    gap >= WIDE_GAP * size
                    and _LETTERS.search(left.text)
                    and _LETTERS.search(right.text)
                ):
                    where = "with notes" if entry["notes"] else "without notes"
                    counts[f"wide gaps on pages {where}"] += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--format", choices=sorted(FILES), default="hocr")
    args = parser.parse_args()
    for book in BOOKS:
        counts: Counter = Counter()
        ratios: list[float] = []
        body: list[float] = []
        measure(book, args.format, counts, ratios, body)
        tenth = statistics.quantiles(body, n=10)[0]
        print(f"{book} (tesseract {args.format}, tune pages)")
        print("  note/body line height by page: " + " ".join(f"{r:.2f}" for r in sorted(ratios)))
        print(f"  body lines: tenth percentile {tenth:.2f} of their page's median")
        for name in sorted(counts):
            print(f"  {name}: {counts[name]}")


if __name__ == "__main__":
    main()
