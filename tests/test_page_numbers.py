"""Printed page numbers OCR garbled, read out of place or misread, and the sequence that
gives each page its number (layout/page_numbers.py, layout/page_sequence.py), one
convention at a time; running heads with a garbled number or set below ornament noise."""

from __future__ import annotations

import pytest

from teiforge.layout.forme import find_forme
from teiforge.layout.page_numbers import (
    Numeral,
    framed_numeral,
    garbled_at_edge,
    stray_numeral,
    whole_numeral,
)
from teiforge.layout.page_sequence import UNREAD_ALONE, UNREAD_HEAD, infer_numbers
from teiforge.model import Line

BODY = [
    "Le boulanger pétrit la pâte dès l'aube, avant que la ville ne s'éveille tout à fait.",
    "La farine doit être tamisée deux fois, puis mêlée d'eau tiède et d'un peu de sel gris.",
    "On laisse ensuite reposer la pâte sous un linge, dans un lieu ni trop chaud ni froid.",
    "Le four est chauffé au bois de hêtre, qui donne une chaleur égale et une odeur douce.",
]


@pytest.mark.parametrize(
    ("line", "value"),
    [("9e", 9), ("e9", 9), ("— 9e —", 9), ("0e", None), ("1G", None), ("1O", None),
     ("9", None), ("ab", None), ("12ab", None)],
)  # fmt: skip
def test_stray_numeral(line: str, value: int | None) -> None:
    """Figures with one stray letter are the number; a letter that looks like a figure
    (`1G`, `1O`) leaves it to the sequence; zero is no page number."""
    found = stray_numeral(line)
    assert (found.value if found else None) == value
    assert found is None or found.garbled


@pytest.mark.parametrize(
    ("line", "value"),
    [("(12) “'", 12), ("( 12 )", 12), ("— 157 —", 157), ("[12]", 12), ("12", None),
     ("(0)", None), ("(12) et la suite", None), ("1790.", None)],
)  # fmt: skip
def test_framed_numeral(line: str, value: int | None) -> None:
    """Inside the text, only a number framed on both sides may be the page's."""
    found = framed_numeral(line)
    assert (found.value if found else None) == value
    assert found is None or found.inner


def test_typographic_quotes_frame_a_whole_numeral() -> None:
    numeral = whole_numeral("(12) “'")
    assert (numeral.value, numeral.inner) == (12, False) if numeral else False


@pytest.mark.parametrize(
    ("line", "found"),
    [("PRELCMINAURE. à", ("à", "PRELCMINAURE.")),
     ("MONSIEUR POUR MOURIR LUI DIS-JE EN    - S -", ("- S -", "MONSIEUR POUR MOURIR LUI DIS-JE EN")),
     ("- S -   LE PARFAIT", ("- S -", "LE PARFAIT")),
     # a word of the head, a numeral read, a division's number: no garbled number
     ("DE LA FRANCE ET", None), ("PRÉLIMINAIRE. vij", None), ("CHAPITRE II.", None),
     ("CHAPITRE IIl.", None), ("TITRE I.", None), ("Le texte est là", None)],
)  # fmt: skip
def test_garbled_at_edge(line: str, found: tuple[str, str] | None) -> None:
    assert garbled_at_edge(line) == found


def _arabic(value: int, **kinds: bool) -> list[Numeral]:
    return [Numeral(str(value), value, False, **kinds)]


def _texts(numerals: list[list[Numeral]], unread: list[str | None]) -> list[str | None]:
    return [n.text if n else None for n in infer_numbers(numerals, unread)]


def test_garbled_numbers_where_the_run_prints_them_take_the_run_s() -> None:
    """Pages that show a garbled number alone where the run prints its numbers (`hote`,
    `ST` for `— 8 —`, `— 9 —`) take the run's number, at its start as at its end (as a
    page that shows none does at the run's end)."""
    numerals = [[], [], _arabic(10), [], []]
    unread = [UNREAD_ALONE, UNREAD_ALONE, None, UNREAD_ALONE, None]
    assert _texts(numerals, unread) == ["8", "9", "10", "11", "12"]


def test_a_garbled_number_between_two_runs_goes_with_the_following_one() -> None:
    """Three extracts, each with one number read (`= 10 —`, `9e`): the garbled pages
    before and after each go with the run that follows them."""
    numerals = [_arabic(3), _arabic(4), _arabic(5), [], [], _arabic(10), []]
    numerals += [_arabic(9, garbled=True), []]
    unread = [None, None, None, UNREAD_ALONE, UNREAD_ALONE, None, UNREAD_ALONE, None]
    unread.append(UNREAD_ALONE)
    assert _texts(numerals, unread) == ["3", "4", "5", "8", "9", "10", "8", "9", "10"]


def test_a_garbled_number_alone_is_not_a_run_that_prints_in_its_heads() -> None:
    """A run that prints its numbers in the running head (`PRÉLIMINAIRE. ix`) does not
    explain a garbled number alone on a line (`Cr)` for `( 11 )`): the next run does; a
    garbled number at a head's end (`PRÉLIMINAIRE. à`) is the head run's."""
    head = [Numeral("vij", 7, True, alone=False)], [Numeral("viij", 8, True, alone=False)]
    numerals = [*head, [], [], _arabic(12, inner=True), _arabic(15)]
    unread = [None, None, UNREAD_HEAD, UNREAD_ALONE, UNREAD_ALONE, None]
    assert _texts(numerals, unread) == ["vij", "viij", "ix", "11", "12", "13"]


def test_a_number_read_inside_the_text_counts_only_where_the_run_agrees() -> None:
    numerals = [_arabic(20), [], _arabic(3, inner=True), _arabic(23)]
    assert _texts(numerals, [None] * 4) == ["20", "21", "22", "23"]


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [
        # at a run's end, next to a page that agrees: as many figures, one in its place
        (["243", "244", "915"], ["243", "244", "245"]),
        (["17", "18", "15"], ["17", "18", "19"]),
        # no figure in its place, or not as many: taken as printed
        (["155", "156", "157", "234"], ["155", "156", "157", "234"]),
        (["17", "18", "5"], ["17", "18", "5"]),
    ],
)
def test_a_misread_number_at_a_run_s_end(printed: list[str], numbers: list[str]) -> None:
    numerals = [_arabic(int(text)) for text in printed]
    assert _texts(numerals, [None] * len(printed)) == numbers


def test_figures_after_a_roman_run_open_another_run() -> None:
    """Figures after a roman run (`9e`) are taken as printed: the garbled pages on either
    side are that run's, not the roman run's."""
    roman = [[Numeral(t, v, True)] for t, v in (("XII", 12), ("XIII", 13), ("XIV", 14))]
    numerals = [*roman, [], _arabic(9, garbled=True), []]
    unread = [None, None, None, UNREAD_ALONE, None, UNREAD_ALONE]
    assert _texts(numerals, unread) == ["XII", "XIII", "XIV", "8", "9", "10"]


def _pages(texts: list[str]) -> list[list[Line]]:
    pages, number = [], 1
    for text in texts:
        lines = []
        for raw in text.split("\n"):
            if raw:
                lines.append(Line(number, raw, 1 if lines and raw == "§" else 0))
            number += 1
        pages.append(lines)
    return pages


def _set_apart(text: str) -> list[Line]:
    """A page whose first line is set apart from the text by a blank line."""
    first, *rest = text.split("\n")
    return [Line(1, first, 0), *(Line(2 + i, t, 1 if i == 0 else 0) for i, t in enumerate(rest))]


def test_a_short_word_set_apart_where_numbers_stand_is_the_number_garbled() -> None:
    """`hote` alone above a blank line, where the document prints its numbers at the top:
    the number OCR garbled (forme work, numbered from the sequence); a paragraph's last
    word carried over ends with its stop and stays text."""
    body = "\n".join(BODY[:3])
    pages = [_set_apart(f"hote\n{body}"), _set_apart(f"— 9 —\n{body}")]
    pages += [_set_apart(f"fait.\n{body}"), _set_apart(f"— 11 —\n{body}")]
    found = find_forme(pages, 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found] == [
        [("pageNum", "hote")],
        [("pageNum", "— 9 —")],
        [],
        [("pageNum", "— 11 —")],
    ]
    assert [page.number.text if page.number else None for page in found] == ["8", "9", "10", "11"]


def test_a_number_read_inside_the_text_is_forme_work_where_it_fits() -> None:
    texts = [
        f"— 11 —\n{BODY[0]}\n{BODY[1]}\n{BODY[2]}",
        f"{BODY[1]}\n{BODY[2]}\n(12)\n{BODY[3]}\n{BODY[0]}",
        f"— 13 —\n{BODY[2]}\n{BODY[3]}\n(5)\n{BODY[0]}\n{BODY[1]}",
    ]
    found = find_forme(_pages(texts), 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found] == [
        [("pageNum", "— 11 —")],
        [("pageNum", "(12)")],
        [("pageNum", "— 13 —")],
    ]
    assert [len(page.lines) for page in found] == [3, 4, 5]


def test_a_running_head_with_its_number_garbled() -> None:
    heads = ["PRÉLIMINAIRE. vij", "viij DISCOURS", "PRELCMINAURE. à"]
    texts = [f"{head}\n{BODY[i]}\n{BODY[i + 1]}" for i, head in enumerate(heads)]
    found = find_forme(_pages(texts), 90)
    assert [(f.kind, f.text) for f in found[2].forme] == [
        ("header", "PRELCMINAURE."),
        ("pageNum", "à"),
    ]
    assert [page.number.text if page.number else None for page in found] == ["vij", "viij", "ix"]


def test_a_running_head_below_lines_read_out_of_an_ornament() -> None:
    """A head in capitals with its number, under what OCR read out of an ornament, is the
    running head when it recurs at the top of two pages nearby; the lines above it are
    forme work. A title in capitals without a number there stays text."""
    heads = ["AVANT-PROPOS. xix", "xx AVANT-PROPOS.", "AVANT-PROPOS. xxj"]
    texts = [f"{head}\n{BODY[i]}\n{BODY[i + 1]}\n{BODY[i]}" for i, head in enumerate(heads)]
    texts.append(
        f"orne eEaOrE vise\nPTE ER OR\nS2VANT-PROPOS. xxi}}\n{BODY[0]}\n{BODY[1]}\n{BODY[2]}"
    )
    texts.append(f"{BODY[3]}\n{BODY[0]}\nAVANT-PROPOS.\n{BODY[1]}\n{BODY[2]}\n{BODY[3]}")
    found = find_forme(_pages(texts), 90)
    assert [(f.kind, f.text) for f in found[3].forme] == [
        ("other", "orne eEaOrE vise"),
        ("other", "PTE ER OR"),
        ("header", "S2VANT-PROPOS."),
        ("pageNum", "xxi}"),
    ]
    assert found[4].forme == ()
    assert [page.number.text if page.number else None for page in found] == [
        "xix", "xx", "xxj", "xxij", "xxiij"
    ]  # fmt: skip


def test_the_number_s_ornaments_under_it_are_forme_work() -> None:
    """Under a page number at the top, a short wordless line is the rest of its ornaments
    as OCR read them (`BC) nt` for `⁓ 3 ⁓`); a numeral or a word there stays text."""
    unders = ["BC) nt", "III.", "§ 2", "LA MER"]
    texts = [
        f"— {12 + i} —\n{under}\n{BODY[i]}\n{BODY[(i + 1) % 4]}" for i, under in enumerate(unders)
    ]
    found = find_forme(_pages(texts), 90)
    assert [[f.kind for f in page.forme] for page in found] == [
        ["pageNum", "other"], ["pageNum"], ["pageNum"], ["pageNum"]
    ]  # fmt: skip
    assert [page.lines[0].text for page in found[1:]] == ["III.", "§ 2", "LA MER"]
