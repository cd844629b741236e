"""One module knows the readings (tei/readings.py): every TEI pair of a choice, and what
add, del, supplied, unclear and gap give in the diplomatic and the edited reading; the
`text` command and the HTML both read from it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from support import REPO
from teiforge.html.readings import edited_text, reading_class, switchable
from teiforge.tei.readings import chosen, reading

TEI = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Il '
    "<choice><orig>estoit</orig><reg>était</reg></choice> "
    "<choice><abbr>Mr</abbr><expan>Monsieur</expan></choice> "
    "<choice><sic>teh</sic><corr>the</corr></choice> "
    "a<del>b</del><add>c</add><supplied>d</supplied><unclear>e</unclear><gap/>.</p>"
    "</body></text></TEI>"
)
NS = "{http://www.tei-c.org/ns/1.0}"


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("diplomatic", "Il estoit Mr teh abce.\n"),
        ("corrected", "Il était Monsieur the acde.\n"),
    ],
)
def test_each_pair_and_each_edit_in_each_reading(kind: str, expected: str) -> None:
    assert reading(etree.fromstring(TEI), kind) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the page turned in mid-word: the word stays whole, the new page's forme work
        # is read after it
        (
            'dévelop<pb n="12" break="no"/><fw type="header">LIVRE I.</fw><fw>12</fw>pés ici.',
            "Les développés LIVRE I. 12 ici.\n",
        ),
        ('dévelop<pb break="no"/>pés.', "Les développés.\n"),
        # between two words, a page break is a space, its forme work read where it is
        ('fin<pb n="12"/><fw type="pageNum">12</fw>suite.', "Les fin 12 suite.\n"),
    ],
)
def test_a_page_turn_in_mid_word_keeps_the_word(body: str, expected: str) -> None:
    tei = f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>Les {body}</p></body></text></TEI>'
    for kind in ("diplomatic", "corrected"):
        assert reading(etree.fromstring(tei), kind) == expected  # type: ignore[arg-type]


def test_a_choice_of_two_corrections_reads_its_first_in_both_readings() -> None:
    choice = etree.fromstring(
        f'<choice xmlns="{NS[1:-1]}"><corr>one</corr><corr>two</corr></choice>'
    )
    assert [chosen(choice, k).text for k in ("diplomatic", "corrected")] == ["one", "one"]  # type: ignore[union-attr]


def test_the_html_reads_the_same_tables() -> None:
    root = etree.fromstring(TEI)
    paragraph = root.find(f".//{NS}p")
    assert paragraph is not None
    assert edited_text(paragraph) == "Il était Monsieur the acde."
    pairs = [switchable(c) for c in root.iter(f"{NS}choice")]
    assert [(p[0].text, p[1].text) for p in pairs if p] == [
        ("estoit", "était"),
        ("Mr", "Monsieur"),
        ("teh", "the"),
    ]
    classes = {etree.QName(e).localname: reading_class(e) for e in paragraph}
    assert classes == {
        "choice": None,
        "del": "reading-source",
        "add": None,
        "supplied": "reading-edited",
        "unclear": None,
        "gap": None,
    }


def test_text_command_keeps_the_word_of_an_orig_reg_choice(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text(TEI, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "teiforge", "text", str(tmp_path / "a.xml")],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(REPO / "src")},
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "Il estoit Mr teh abce.\n",
        "",
    )


@pytest.mark.parametrize(
    ("name", "diplomatic"),
    [
        ("fragment.xml", "Personnes citées Le témoin Jeanne Dupont, née à Lyon. Selon l'état civil."),
        ("p4.xml", "Chapitre premier Il était une foys un renvoi et une M. La note du chapitre. Section Suite du texte."),
    ],
)  # fmt: skip
def test_text_reads_any_tei_as_the_edition_does(name: str, diplomatic: str) -> None:
    """A fragment (a div as the root) and a P4 document: `teiforge text` reads them as the
    HTML edition does (tei.load.readable_tei), not as "not TEI"."""
    done = subprocess.run(
        [sys.executable, "-m", "teiforge", "text", str(REPO / "tests" / "html" / "anytei" / name)],
        capture_output=True,
        check=False,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert " ".join(done.stdout.split()) == diplomatic
