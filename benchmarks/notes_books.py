"""Footnotes on the real books of ../shared/data/books: how many notes are found, anchored
at their call and numbered right, on the tuning pages and on the held-out pages apart.

    PYTHONPATH=src python benchmarks/notes_books.py [--pages]

The truth: the 1881 congress's notes are the ground truth's lines `(n) ...` and its calls
the `(n)` inside the text, with the word before each; the two other books' few notes
were read on the images and are written below. A found note is matched to a true note of
its page by the likeness of their texts; it is anchored right when the word its anchor
stands on (or follows) is like the true call's word. The footer stamp of the CNUM scans
is removed from the OCR first: it is page furniture, which layout removes before the
footnote zone is looked for. Never shipped; nothing here runs when the data is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from teiforge.annotate.context import Context
from teiforge.annotate.notes import annotate_notes
from teiforge.layout import segment
from teiforge.model import BlockKind, Span
from teiforge.read import source_from_bytes

BOOKS = Path(__file__).resolve().parents[1].parent.parent / "shared" / "data" / "books"
if not BOOKS.exists():
    BOOKS = Path("/work/shared/data/books")
# Held-out pages (1-based seq): never tuned on.
HELD_OUT = {
    "congres-ethnographique-1881": set(range(19, 31)),
    "chaumiere-indienne-1791": set(range(14, 21)),
    "nubis-1781-1921": set(range(13, 16)) | set(range(19, 22)),
}
# Pages measured: the congress and chaumière entire, the NuBIS book with notes and the
# held-out books around it.
MEASURED = {
    "congres-ethnographique-1881": set(range(1, 31)),
    "chaumiere-indienne-1791": set(range(1, 21)),
    "nubis-1781-1921": set(range(13, 22)),
}
FURNITURE = re.compile(r"^Droits r[ée]serv[ée]s au Cnam.*$", re.MULTILINE)


@dataclass(frozen=True)
class TrueNote:
    page: int  # seq, 1-based
    n: str
    text: str
    call_word: str


# Read on the images: (seq, n, the note's start, the word bearing the call).
WRITTEN = {
    "chaumiere-indienne-1791": [
        TrueNote(4, "*", "Voyez la note première à la fin de", "rité"),
        TrueNote(5, "*", "Voyez la note seconde à la fin de", "France"),
    ],
    "nubis-1781-1921": [
        TrueNote(16, "1", "Plus correctement Al-Häwi, ce qui signifie", "Elhauy"),
        TrueNote(16, "2", "Cette traduction latine de Rhazès", "Rhazès"),
        TrueNote(17, "1", "Le Clerc et Renan, Hist. Litt.", "fisicien"),
        TrueNote(18, "1", "Franklin, Anciennes bibliothèques de Paris", "Plâtriers"),
    ],
}


def _congres_truth(gt: str) -> list[TrueNote]:
    notes = []
    for seq, page in enumerate(gt.split("\f"), start=1):
        lines = page.split("\n")
        calls: dict[str, str] = {}
        for line in lines:
            if re.match(r"^\(\d+\)", line):
                continue
            for match in re.finditer(r"(\S+)\s?\((\d+)\)", line):
                calls.setdefault(match.group(2), match.group(1))
        for line in lines:
            match = re.match(r"^\((\d+)\)\s*(.*)", line)
            if match:
                n = match.group(1)
                notes.append(TrueNote(seq, n, match.group(2), calls.get(n, "")))
    return notes


def _truth(book: str) -> list[TrueNote]:
    if book in WRITTEN:
        return WRITTEN[book]
    return _congres_truth((BOOKS / book / "gt.txt").read_text(encoding="utf-8"))


def _key(word: str) -> str:
    return re.sub(r"[\W\d_]+", "", word).lower()


def _like(a: str, b: str, threshold: float) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= threshold


@dataclass
class Found:
    page: int
    n: str
    text: str
    anchor_word: str | None  # None: left at its page


def _found(book: str) -> list[Found]:
    raw = (BOOKS / book / "tesseract.txt").read_text(encoding="utf-8")
    raw = FURNITURE.sub("", raw)
    # source line number -> seq
    page_of_line: list[int] = []
    for seq, page in enumerate(raw.split("\f"), start=1):
        page_of_line += [seq] * page.count("\n")
        page_of_line.append(seq)  # the line the form feed stands on
    layout = segment(source_from_bytes(raw.encode(), book))
    found: dict[int, Found] = {}
    for index, block in enumerate(layout.blocks):
        if block.kind is BlockKind.NOTE:
            seq = page_of_line[min(block.first_line - 1, len(page_of_line) - 1)]
            found[index] = Found(seq, block.n or "", block.text, None)
    for span in annotate_notes(layout, (), Context()):
        assert isinstance(span, Span)
        note = found[int(span.attrs["block"])]
        note.n = span.attrs["n"]
        if span.block != int(span.attrs["block"]):
            # the last word with a letter before the call: a glued call stands on it, a
            # detached one (or one after a stop or a guillemet) follows it
            text = layout.blocks[span.block].text[: span.start]
            words = [w for w in text.split() if _key(w)]
            note.anchor_word = words[-1] if words else ""
    return list(found.values())


def measure(book: str, pages: set[int], show: bool) -> dict[str, int]:
    truth = [t for t in _truth(book) if t.page in pages]
    found = [f for f in _found(book) if f.page in pages]
    counts = {"true": len(truth), "found": 0, "anchored": 0, "numbered": 0, "false": 0}
    unmatched = list(truth)
    for note in found:
        match = next(
            (
                t
                for t in unmatched
                if t.page == note.page and _like(t.text[:40], note.text[:40], 0.5)
            ),
            None,
        )
        if match is None:
            counts["false"] += 1
            if show:
                print(f"  false  p{note.page} n={note.n} {note.text[:50]!r}")
            continue
        unmatched.remove(match)
        counts["found"] += 1
        counts["numbered"] += note.n == match.n
        right = note.anchor_word is not None and _like(
            _key(note.anchor_word), _key(match.call_word), 0.75
        )
        counts["anchored"] += right
        if show and (not right or note.n != match.n):
            print(
                f"  p{note.page} n={note.n}/{match.n} anchor={note.anchor_word!r}/"
                f"{match.call_word!r} {note.text[:40]!r}"
            )
    if show:
        for t in unmatched:
            print(f"  missed p{t.page} n={t.n} {t.text[:50]!r}")
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", action="store_true", help="list the misses of the tuning pages")
    args = parser.parse_args()
    if not BOOKS.exists():
        print(f"no data at {BOOKS}", file=sys.stderr)
        return 2
    for split in ("tune", "held-out"):
        print(f"== {split}")
        for book, measured in MEASURED.items():
            held = HELD_OUT[book]
            pages = measured - held if split == "tune" else measured & held
            # misses are listed on the tuning pages only: the held-out pages are never looked into
            counts = measure(book, pages, args.pages and split == "tune")
            print(
                f"{book:30} notes {counts['true']:3}  found {counts['found']:3}  "
                f"anchored {counts['anchored']:3}  numbered {counts['numbered']:3}  "
                f"false {counts['false']:2}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
