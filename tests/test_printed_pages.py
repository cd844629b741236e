"""The printed-editions benchmark's generator (benchmarks/printed_typeset.py): every
convention can be drawn, the structure it writes agrees with the pages it printed, the
same seed gives the same document, and the split (even novels tune, odd held out) is
pinned. Uses a small text of its own; the corpus-dependent check skips without the corpus.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace

import pytest

from support import REPO

sys.path.insert(0, str(REPO / "benchmarks"))
import printed_pages
import printed_typeset as pt

_SENTENCES = [
    "Le matin venait lentement sur la vallée où dormait encore le village.",
    "Madame Durand ouvrit la fenêtre et regarda les champs couverts de brume.",
    "Il fallait partir avant midi, disait le vieux serviteur, sinon la route serait longue.",
    "Personne ne répondit, car chacun pensait aux lettres reçues la veille.",
    "Le notaire arriva enfin, tenant sous le bras un registre énorme et poussiéreux.",
    "On parla longtemps des héritages, des procès anciens et des promesses oubliées.",
    "La jeune fille écoutait sans rien dire, les yeux fixés sur le jardin.",
    "Un chien aboya derrière la grille, puis tout retomba dans le silence.",
    "Ce fut alors que Pierre Lambert entra, couvert de poussière et de fatigue.",
    "Il raconta son voyage à Lyon, les auberges pleines et les chemins défoncés.",
]
PARAGRAPHS = [
    " ".join(_SENTENCES[(k * 3 + j) % len(_SENTENCES)] for j in range(1 + k % 3)) for k in range(80)
]


def document(seed: str, **conventions: object) -> pt.Document:
    rng = random.Random(seed)
    style = pt.draw_style(random.Random(seed + "/style"), [], "Le Registre", "M. Durand")
    style = replace(style, **conventions)  # type: ignore[arg-type]
    if style.call in ("glued", "super", "letter"):
        style = replace(style, call_space=False)
    return pt.typeset("t", PARAGRAPHS, "Le Registre", "M. Durand", rng, "tune", style=style)


def flat(text: str) -> str:
    """A page's text as one line: hyphenated line ends joined, whitespace folded."""
    return " ".join(re.sub(r"-\n\s*", "", text).split())


def in_order(words: list[str], text: str) -> bool:
    at = 0
    for word in words:
        at = text.find(word, at)
        if at < 0:
            return False
        at += len(word)
    return True


def test_every_convention_can_be_drawn() -> None:
    seen: dict[str, set[str]] = {}
    for k in range(400):
        style = pt.draw_style(random.Random(f"draw/{k}"), [], "T", "A")
        for name, value in vars(style).items():
            seen.setdefault(name, set()).add(str(value))
    assert seen["spacing"] == set(pt.SPACINGS)
    assert seen["running_head"] == set(pt.RUNNING_HEADS)
    assert seen["number_place"] == set(pt.NUMBER_PLACES)
    assert seen["number_form"] == set(pt.NUMBER_FORMS)
    assert seen["heading"] == set(pt.HEADINGS)
    assert seen["call"] == set(pt.CALLS)
    assert seen["numbering"] == set(pt.NUMBERINGS)
    assert seen["quote"] == set(pt.QUOTES)
    assert seen["indent"] == seen["note_blank"] == seen["note_rule"] == {"True", "False"}
    assert min(int(m) for m in seen["measure"]) == 40
    assert max(int(m) for m in seen["measure"]) == 75


def test_same_seed_same_document() -> None:
    a, b = document("same"), document("same")
    assert (a.clean, a.noisy, a.structure) == (b.clean, b.noisy, b.structure)
    assert a.clean != a.noisy


def test_roman_numbers() -> None:
    assert [pt.roman(v) for v in (4, 9, 14, 40)] == ["iv", "ix", "xiv", "xl"]
    assert pt.roman(12, final_j=True) == "xij"
    assert pt.roman(1, final_j=True) == "i"


@pytest.mark.parametrize("call", pt.CALLS)
@pytest.mark.parametrize("numbering", pt.NUMBERINGS)
def test_structure_agrees_with_the_printed_pages(call: str, numbering: str) -> None:
    doc = document(f"{call}/{numbering}", call=call, numbering=numbering, hyphenate=0.9)
    pages = doc.clean.split("\f")
    assert len(pages) == doc.structure["page_count"] == len(doc.structure["pages"])
    notes = 0
    whole = flat(doc.clean)
    for text, entry in zip(pages, doc.structure["pages"], strict=True):
        printed = entry["printed_number"]["printed"]
        assert printed in text
        if entry["running_head"]:
            assert entry["running_head"] in text.split("\n")[0] + text.split("\n")[1]
        body = flat(text)
        for heading in entry["headings"]:
            assert heading in body
        for start in entry["paragraphs"]:
            assert start in body
        for quotation in entry["quotations"]:  # its first words, less a page-end cut
            assert quotation.split()[0].rstrip(",;:.") in body
        last_start = max((body.index(p) for p in entry["paragraphs"]), default=0)
        numbers = [int(n["call"]) for n in entry["notes"] if n["call"].isdigit()]
        if numbering == "page" and numbers:
            assert numbers == list(range(1, len(numbers) + 1))
        for note in entry["notes"]:
            at_body = body.rindex(" ".join(note["body"].split()[:3]))
            assert at_body > last_start  # at the page foot
            if note.get("continued"):
                continue
            notes += 1
            digits = note["call"].isdigit()
            mark = pt._mark(doc.style, int(note["call"]))[0] if digits else note["call"]
            mark = f"({mark})" if call == "letter" else mark
            spaced = note["before"].split()[-1] + (" " if doc.style.call_space else "") + mark
            assert -1 < body.find(spaced) < at_body, (spaced, body)  # the call, on its page
            # the words before it, in order, in what precedes the call in the document
            at_call = whole.index(spaced, whole.index(body[:200]))
            assert in_order(
                note["before"].split(), whole[max(0, at_call - 1500) : at_call + len(spaced)]
            )
    assert notes > 0


def test_conventions_show_in_the_print() -> None:
    doc = document("shapes", call="paren", number_form="emdash", heading="chapitre")
    assert re.search(r"\w\(\d\)|\w \(\d\)", doc.clean)
    assert re.search(r"^\s*\(\d\) \S", doc.clean, re.MULTILINE)
    assert re.search(r"— \d+ —", doc.clean)
    assert "CHAPITRE " in doc.clean
    double = document("double", spacing="double")
    assert "\n\n" in double.clean and "\n\n\n" not in double.clean.replace("\f", "")
    hyphen = document("hyphen", hyphenate=0.9, measure=40)
    assert re.search(r"[a-zé]-\n", hyphen.clean)


def test_split_is_pinned() -> None:
    """Decided before any result: novels of even index tune, odd held out."""
    assert [printed_pages.split_of(i) for i in range(4)] == ["tune", "heldout"] * 2
    assert (printed_pages.DOCUMENTS, printed_pages.SEED) == (30, "printed-1")


@pytest.mark.skipif(not printed_pages.corpus_path().is_file(), reason="no corpus-fr")
def test_documents_from_the_corpus_follow_the_split() -> None:
    docs = printed_pages.documents("heldout", count=2)
    for doc in docs:
        index = int(doc.name.split("novel")[1])
        assert index % 2 == 1
        assert 8 <= doc.structure["page_count"] <= 20
