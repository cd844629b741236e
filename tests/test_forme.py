"""Forme work and page numbers, rule by rule: numerals in their frames, the sequence that
decides a page's number, running heads by recurrence, catchwords, edge noise."""

from __future__ import annotations

import pytest

from teiforge.lang.numerals import roman_value, to_roman
from teiforge.layout.forme import find_forme
from teiforge.layout.page_numbers import numeral_at_edge, whole_numeral
from teiforge.layout.page_sequence import infer_numbers
from teiforge.layout.running_heads import head_key
from teiforge.model import Line


@pytest.mark.parametrize(
    ("text", "value"),
    [("vij", 7), ("xiij", 13), ("XIV", 14), ("iij", 3), ("IIII", 4), ("jv", None), ("ci", 101),
     ("abc", None), ("", None)],
)  # fmt: skip
def test_roman_value(text: str, value: int | None) -> None:
    assert roman_value(text) == value


def test_to_roman() -> None:
    assert (to_roman(23), to_roman(1999, lower=False)) == ("xxiii", "MCMXCIX")


@pytest.mark.parametrize(
    ("line", "number"),
    [("— 157 —", "157"), ("( 12 )", "12"), ("⁓ 3 ⁓", "3"), ("[12]", "12"), ("vij", "vij"),
     ("— XII —", "XII"), ("- 15 -", "15"), (". — 164 —", "164"), ("= 10 —", "10"),
     ("Le texte", None), ("1790. Le caractère", None), ("0", None),
     # an old-style figure read as a letter, in a number of two true digits at least
     ("— 23h —", "23h"), ("— 2h —", None), ("hoh", None)],
)  # fmt: skip
def test_whole_numeral(line: str, number: str | None) -> None:
    found = whole_numeral(line)
    assert (found.text if found else None) == number


@pytest.mark.parametrize(
    ("line", "number", "rest"),
    [("334 LE PARFAIT", 334, "LE PARFAIT"), ("BOULANGER 395", 395, "BOULANGER"),
     ("AVANT-PROPOS. xij", 12, "AVANT-PROPOS."), ("XV] AVANT-PROPOS.", 15, "AVANT-PROPOS."),
     ("1. Voici une liste", None, "1. Voici une liste"),
     # the number's frame closes apart from it, the head at the measure's other end
     ("— 279 —       MAIS IL N'Y A", 279, "MAIS IL N'Y A"),
     ("MAIS IL N'Y A       — 280 —", 280, "MAIS IL N'Y A"),
     ("LE ROI ( 12 )", 12, "LE ROI"), ("Les amis          51", 51, "Les amis"),
     # a division's number is no page number
     ("CHAPITRE XIV", None, "CHAPITRE XIV"), ("Livre 2", None, "Livre 2"),
     ("2 Diagnostic local de sécurité de la commune, 2011.", None,
      "2 Diagnostic local de sécurité de la commune, 2011.")],
)  # fmt: skip
def test_numeral_at_edge(line: str, number: int | None, rest: str) -> None:
    found, left = numeral_at_edge(line)
    assert ((found.value if found else None), left) == (number, rest)


def _numbers(printed: list[str]) -> list[str | None]:
    numerals = [[n] if (n := whole_numeral(text)) else [] for text in printed]
    return [number.text if number else None for number in infer_numbers(numerals)]


@pytest.mark.parametrize(
    ("printed", "numbers"),
    [
        # a misread number between two that agree is the number its neighbours imply
        (["15", "16", "11", "18", "19"], ["15", "16", "17", "18", "19"]),
        # pages whose number OCR lost, at the start of a run
        (["hote", "ST", "= 10 —"], ["8", "9", "10"]),
        # `]` after a roman numeral is what OCR makes of a final j
        (["vj", "vij", "vii]", "ix", "x"], ["vj", "vij", "viij", "ix", "x"]),
        # a lone numeral with no run: taken as printed; none elsewhere
        (["", "", "", "", "", "1", "", "", "", "", ""], [None] * 5 + ["1"] + [None] * 5),
        # a number misread by one digit, next to a page of its run: 235, not 935
        (["", "935", "236", "237", "238"], ["234", "235", "236", "237", "238"]),
        # a one-digit number is no misreading of the next one: any digit is one away
        (["5", "6", "7", "3"], ["5", "6", "7", "3"]),
        # a number that fits no run at its start is taken as printed, and cuts the run
        (["15", "4", "", "5", "6"], ["15", "4", None, "5", "6"]),
        # a new run where pages are missing
        (["155", "156", "157", "234", "235"], ["155", "156", "157", "234", "235"]),
        # a 1 read `l` where a run of figures begins (after roman front matter)
        (
            ["— iii —", "— iv —", "— v —", "— l —", "— 2 —", "— 3 —"],
            ["iii", "iv", "v", "1", "2", "3"],
        ),
        # an old-style 4 read `h`: pb/@n gives the number, fw keeps the form
        (["155", "156", "— 23h —", "235"], ["155", "156", "234", "235"]),
        # letters OCR reads for digits, in every frame: the sequence reads them
        (
            ["12", "13", "l4", "— 15 —", "1G", "[17]", "- 18 -", "19", "2O"],
            ["12", "13", "14", "15", "16", "17", "18", "19", "20"],
        ),
    ],
)
def test_infer_numbers(printed: list[str], numbers: list[str | None]) -> None:
    assert _numbers(printed) == numbers


def test_head_key_folds_noise() -> None:
    assert (head_key("AVANT-PROPOSs."), head_key("Préliminaire")) == (
        "AVANTPROPOSS",
        "PRELIMINAIRE",
    )


def _pages(texts: list[str]) -> list[list[Line]]:
    pages, number = [], 1
    for text in texts:
        lines = []
        for raw in text.split("\n"):
            lines.append(Line(number, raw, 0))
            number += 1
        pages.append(lines)
    return pages


BODY = [
    "Le boulanger pétrit la pâte dès l'aube, avant que la ville ne s'éveille tout à fait.",
    "La farine doit être tamisée deux fois, puis mêlée d'eau tiède et d'un peu de sel gris.",
    "On laisse ensuite reposer la pâte sous un linge, dans un lieu ni trop chaud ni froid.",
    "Le four est chauffé au bois de hêtre, qui donne une chaleur égale et une odeur douce.",
]


def test_running_heads_without_numbers_recur() -> None:
    """A head that recurs on nearby pages, with OCR's variations, is forme work."""
    heads = ["HISTOIRE DE PARIS.", "HISTOIRE DE PARIS", "HlSTOIRE DE PARIS.", "HISTOIRE DE PARlS."]
    texts = [
        f"{head}\n{BODY[i]}\n{BODY[(i + 1) % 4]}\n{BODY[(i + 2) % 4]}"
        for i, head in enumerate(heads)
    ]
    found = find_forme(_pages(texts), 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found] == [
        [("header", head)] for head in heads
    ]
    assert [len(page.lines) for page in found] == [3, 3, 3, 3]


def test_catchword_and_signature_at_the_foot() -> None:
    texts = [
        f"{BODY[0]}\n{BODY[1]}\nla farine\nB ij",
        f"la farine du meilleur froment se garde dans un grenier aéré et sec.\n{BODY[2]}\n{BODY[3]}",
    ]
    found = find_forme(_pages(texts), 90)
    assert [(f.kind, f.text) for f in found[0].forme] == [("catch", "la farine"), ("sig", "B ij")]
    assert found[1].forme == ()


def test_noise_above_the_running_head_and_below_the_text() -> None:
    texts = [
        f"RE CE\n12 LE PARFAIT BOULANGER\n{BODY[0]}\n{BODY[1]}\n——\n|",
        f"DU PAIN. 13\n{BODY[2]}\n{BODY[3]}\n{BODY[0]}",
    ]
    found = find_forme(_pages(texts), 90)
    assert [(f.kind, f.text) for f in found[0].forme] == [
        ("other", "RE CE"),
        ("pageNum", "12"),
        ("header", "LE PARFAIT BOULANGER"),
        ("other", "——"),
        ("other", "|"),
    ]
    assert [page.number.text if page.number else None for page in found] == ["12", "13"]


def test_alternating_heads_one_side_printed_once() -> None:
    """Verso and recto heads alternate; a head between two pages with heads is one, even
    when its own text is printed too seldom nearby to recur."""
    heads = ["PRÉLIMINAIRE.", "DISCOURS", "PRÉLIMINAIRE."]
    texts = [
        f"{head}\n{BODY[i]}\n{BODY[(i + 1) % 4]}\n{BODY[(i + 2) % 4]}"
        for i, head in enumerate(heads)
    ]
    found = find_forme(_pages(texts) + _pages([f"{BODY[3]}\n{BODY[0]}\n{BODY[1]}"] * 20), 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found[:4]] == [
        [("header", "PRÉLIMINAIRE.")],
        [("header", "DISCOURS")],
        [("header", "PRÉLIMINAIRE.")],
        [],
    ]


def test_a_garbled_number_in_capitals_where_numbers_stand_is_forme_work() -> None:
    """A short line of capitals at the top, where the document prints its numbers alone,
    is the page number garbled (`AQU >` for `— XIII —`): forme work, not text, even where
    the sequence cannot say which number it is."""
    texts = [f"— 12 —\n{BODY[0]}\n{BODY[1]}\n{BODY[2]}", f"AQU >\n{BODY[1]}\n{BODY[2]}\n{BODY[3]}"]
    found = find_forme(_pages(texts), 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found] == [
        [("pageNum", "— 12 —")],
        [("pageNum", "AQU >")],
    ]
    assert [len(page.lines) for page in found] == [3, 3]


def test_a_final_j_lost_in_a_document_that_prints_it() -> None:
    """Where the roman numerals end in j (`viij`), one ending in i at a head's end may have
    lost its j to OCR (`DISCOURS. vi` for vij); the capitals of a head are told without
    its numeral (`viij HEASCOURS`)."""
    heads = ["PRÉLIMINAIRE. vi", "viij HEASCOURS", "PRÉLIMINAIRE. ix"]
    texts = [f"{head}\n{BODY[i]}\n{BODY[i + 1]}" for i, head in enumerate(heads)]
    found = find_forme(_pages(texts), 90)
    assert [page.number.text if page.number else None for page in found] == ["vij", "viij", "ix"]


def test_headings_numbered_apart_are_no_running_head() -> None:
    """Lines that are the same words but for their numbers (`CHAPITRE IX`, `CHAPITRE XI`)
    are the headings of divisions, not one running head; a lone numeral under the page
    number is a heading too, not a signature mark (those stand at the foot)."""
    tops = ["CHAPITRE IX", "", "CHAPITRE XI", "CHAPITRE XII", "V", "", "CHAPITRE XIII"]
    texts = [
        f"{319 + i}\n{top}\n{BODY[i % 4]}\n{BODY[(i + 1) % 4]}"
        if top
        else f"{319 + i}\n{BODY[i % 4]}\n{BODY[(i + 1) % 4]}\n{BODY[(i + 2) % 4]}"
        for i, top in enumerate(tops)
    ]
    found = find_forme(_pages(texts), 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found] == [
        [("pageNum", str(319 + i))] for i in range(7)
    ]
    assert [page.lines[0].text for page, top in zip(found, tops) if top] == [
        top for top in tops if top
    ]


def test_a_head_and_its_number_across_the_measure() -> None:
    """A head and its number set at the measure's two ends are as short as their words,
    even where the line is as long as the text's; they are two pieces of forme work, in
    the order printed."""
    tops = [f"— {n} —{' ' * 70}LE PARFAIT" if n % 2 else f"LE PARFAIT{' ' * 70}— {n} —"
            for n in range(278, 282)]  # fmt: skip
    texts = [f"{top}\n{BODY[i]}\n{BODY[(i + 1) % 4]}" for i, top in enumerate(tops)]
    found = find_forme(_pages(texts), 90)
    assert [[(f.kind, f.text) for f in page.forme] for page in found] == [
        [("header", "LE PARFAIT"), ("pageNum", "— 278 —")],
        [("pageNum", "— 279 —"), ("header", "LE PARFAIT")],
        [("header", "LE PARFAIT"), ("pageNum", "— 280 —")],
        [("pageNum", "— 281 —"), ("header", "LE PARFAIT")],
    ]
    assert [page.number.text if page.number else None for page in found] == [
        "278", "279", "280", "281"
    ]  # fmt: skip
