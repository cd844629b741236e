"""The hand-checked structure files of the book sets (benchmarks/layout/<book>.json, read
by benchmarks/layout_books.py): their shape always; with the book sets at hand
(../shared/data/books, or $TEIFORGE_BOOKS), that they have a page for each form-feed page
of the OCR and agree with the sets' pages.tsv. Nothing here runs the encoder."""

from __future__ import annotations

import csv
import json
import os
import re
from pathlib import Path

import pytest

from support import REPO

LAYOUT = REPO / "benchmarks" / "layout"
BOOKS = ("chaumiere-indienne-1791", "congres-ethnographique-1881", "nubis-1781-1921")
DATA = Path(os.environ.get("TEIFORGE_BOOKS") or REPO.parent / "shared" / "data" / "books")
needs_data = pytest.mark.skipif(
    not DATA.is_dir(), reason=f"the book sets are not at {DATA} (set TEIFORGE_BOOKS)"
)

TOP = {"book", "title", "split_rule", "conventions", "source", "page_count", "pages"}
PAGE = {"seq", "printed_number", "running_head", "headings", "neutral", "notes", "paragraphs"}
PAGE_OPTIONAL = {"split", "scored", "comment"}
NOTE = {"call", "before", "body"}
ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def structure(book: str) -> dict:
    return json.loads((LAYOUT / f"{book}.json").read_text(encoding="utf-8"))


def value_of(printed: str) -> int:
    """The integer a printed page number stands for: arabic, or roman with j as i."""
    core = re.sub(r"[^0-9A-Za-z]", "", printed)
    if core.isdigit():
        return int(core)
    letters = core.lower().replace("j", "i")
    values = [ROMAN[ch] for ch in letters]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def texts(items: object) -> bool:
    return isinstance(items, list) and all(isinstance(x, str) and x.strip() for x in items)


@pytest.mark.parametrize("book", BOOKS)
def test_shape(book: str) -> None:
    data = structure(book)
    assert set(data) == TOP
    assert data["book"] == book and data["source"] == "tesseract.txt"
    assert all(isinstance(data[k], str) and data[k] for k in ("title", "split_rule"))
    pages = data["pages"]
    assert data["page_count"] == len(pages)
    assert [p["seq"] for p in pages] == [f"{n:03d}" for n in range(1, len(pages) + 1)]
    for page in pages:
        where = f"{book} {page['seq']}"
        assert PAGE <= set(page) <= PAGE | PAGE_OPTIONAL, where
        assert page["split"] in ("tune", "heldout"), where
        assert page.get("scored", True) in (True, False), where
        number = page["printed_number"]
        if number is not None:
            assert set(number) == {"printed", "value"}, where
            assert isinstance(number["value"], int) and number["value"] > 0, where
            assert value_of(number["printed"]) == number["value"], where
        assert page["running_head"] is None or texts([page["running_head"]]), where
        for key in ("headings", "neutral", "paragraphs"):
            assert texts(page[key]), f"{where} {key}"
        for note in page["notes"]:
            assert NOTE <= set(note) <= NOTE | {"continued"}, where
            assert texts([note["call"], note["before"], note["body"]]), where
            assert note.get("continued", False) in (True, False), where
        calls = [n["call"] for n in page["notes"] if n["call"].isdigit()]
        assert calls == sorted(calls, key=int), f"{where}: notes in the order of their calls"
        if page.get("scored", True) is False:
            assert not (page["paragraphs"] or page["headings"] or page["notes"]), where


HELD_OUT = {"nubis-1781-1921": {"013", "014", "015", "019", "020", "021"}}


@pytest.mark.parametrize("book", BOOKS)
def test_split(book: str) -> None:
    """The held-out pages are the NuBIS books of 1863 and 1902, every other page is tune."""
    scored = [p for p in structure(book)["pages"] if p.get("scored", True)]
    held = {p["seq"] for p in scored if p["split"] == "heldout"}
    assert held == HELD_OUT.get(book, set())


@needs_data
@pytest.mark.parametrize("book", BOOKS)
def test_pages_match_the_data(book: str) -> None:
    data = structure(book)
    for name in ("tesseract.txt", "gt.txt"):
        text = (DATA / book / name).read_text(encoding="utf-8")
        pages = text.split("\f")
        if pages and not pages[-1].strip():
            pages.pop()  # a form feed after the last page
        assert len(pages) == data["page_count"], f"{book}/{name}"
    with (DATA / book / "pages.tsv").open(encoding="utf-8", newline="") as rows:
        table = {row["seq"]: row for row in csv.DictReader(rows, delimiter="\t")}
    for page in data["pages"]:
        row = table[page["seq"]]
        printed = page["printed_number"]
        assert (printed["printed"] if printed else "") == row["printed_page_number"], page["seq"]
        assert (page["running_head"] or "") == row["running_head"], page["seq"]


def perfect_encoding(data: dict) -> bytes:
    """The TEI a perfect encoder would make of a book, as far as the structure file says:
    every page break numbered, running heads in <fw>, notes after their call's words,
    headings in <head>, one <p> for each paragraph start (the last one running on over the
    next page break)."""
    from xml.sax.saxutils import escape

    parts = ['<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><ab>']
    closing = "</ab>"
    for page in data["pages"]:
        number = page["printed_number"]
        parts.append(f'<pb n="{number["value"]}"/>' if number else "<pb/>")
        if page["running_head"]:
            parts.append(f'<fw type="header">{escape(page["running_head"])}</fw>')
        for note in page["notes"]:
            n = f' n="{note["call"]}"' if note["call"].isdigit() else ""
            parts.append(f" {escape(note['before'])}<note{n}>({note['call']}) ")
            parts.append(f"{escape(note['body'])}</note> and so on.")
        if page["headings"] or page["paragraphs"]:
            parts.append(closing)
            parts.extend(f"<head>{escape(h)}</head>" for h in page["headings"])
            for first_words in page["paragraphs"]:
                parts.append(f"<p>{escape(first_words)} and the rest of it.")
                parts.append("</p>" if first_words is not page["paragraphs"][-1] else "")
            closing = "</p>" if page["paragraphs"] else "</ab>"
            if not page["paragraphs"]:
                parts.append("<ab>")
    parts.append(f"{closing}</div></body></text></TEI>")
    return "".join(parts).encode()


@pytest.mark.parametrize("book", BOOKS)
def test_scorer_gives_a_perfect_encoding_full_marks(book: str) -> None:
    """The benchmark's scorer against the encoding the structure file describes."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from layout_books import read_tei, score_page

    data = structure(book)
    reading = read_tei(perfect_encoding(data))
    assert len(reading.pbs) == data["page_count"]
    for number, page in enumerate(data["pages"], start=1):
        c = score_page(page, number, reading, None)
        where = f"{book} {page['seq']}"
        assert c["rh_fw"] == c["rh_expected"], where
        assert c["pn_right"] == c["pn_expected"], where
        expected = c["notes_expected"]
        assert c["notes_found"] == c["notes_anchored"] == expected, where
        assert c["notes_misanchored"] == 0, where
        assert c["notes_numbered"] == c["notes_numeric"], where
        assert c["heads_found"] == c["heads_expected"] and c["heads_false"] == 0, where
        assert c["p_matched"] == c["p_expected"] == c["p_found"], where


def test_scorer_tells_a_wrong_call_from_a_note_left_at_its_page() -> None:
    """A note anchored at another note's call is counted apart; a note left after its
    page's last word (or before the word the page break cuts) is neither."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    from layout_books import read_tei, score_page

    tei = (
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><pb/><p>Les murailles de la'
        " ville<note n='2'>Winterbottom, p. 121.</note> et les fossés du bourg de Bondou sont"
        " anciens, dit-on, comme les puits du pays<note n='1'>Cf. Proceedings, p. 180.</note>"
        " souf</p><pb/><p>Suite.</p></body></text></TEI>"
    ).encode()
    page = {
        "seq": "001",
        "notes": [
            {
                "call": "1",
                "before": "les murailles de la ville",
                "body": "Cf. Proceedings, p. 180.",
            },
            {"call": "2", "before": "bourg de Bondou", "body": "Winterbottom, p. 121."},
        ],
    }
    shown: list[str] = []
    c = score_page(page, 1, read_tei(tei), shown)
    assert (c["notes_found"], c["notes_anchored"], c["notes_misanchored"]) == (2, 0, 1)
    assert [line.split(",")[0] for line in shown if " note " in line] == [
        "  001 note 1 left at its page's foot",
        "  001 note 2 at a wrong call",
    ]
