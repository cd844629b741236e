"""An editor's decisions survive what changes between two encodings (issue 17, item 1):
the layout rules (a row is anchored to the source's line and column, not to a block), the
OCR text (a row is found again by its word and context), the corrections file's format
(a file with block offsets still applies). What cannot be found is reported with its line
in the corrections file, and kept there."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

import teiforge.layout.pages
import teiforge.layout.paragraphs
from support import REPO, fill_corrections, tei_corrections
from teiforge.annotate.reanchor import Locator, Place
from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.layout import segment
from teiforge.ocr.decisions import OLD_COLUMNS, read_corrections
from teiforge.read import read_source
from teiforge.review import review

TWO_PAGES = REPO / "tests" / "ocr" / "two_pages.txt"
# Two `dons` are proposed: the editor decides the second, on line 21.
DECISIONS = {
    "médiotion": "accept",
    "sociole": "reject",
    "pâr": "pour",
    "rnaisons": "accept",
    "dons@21": "accept",
}
DECIDED = [  # the document's corrections with these decisions: sic, corr, @resp, @cert
    ("médiotion", "médiation", "#jdupont", None),
    ("lls", "Ils", "#teiforge", "medium"),
    ("pâr", "pour", "#jdupont", None),
    ("dons", "dans", "#teiforge", "medium"),
    ("Chocun", "Chacun", "#teiforge", "medium"),
    ("rnaisons", "maisons", "#jdupont", None),
    ("dons", "dans", "#jdupont", None),
]
ANCHORS = [  # source line, column, sic, decision of each row review writes
    (3, 15, "médiotion", "accept"),
    (3, 54, "sociole", "reject"),
    (4, 26, "lls", ""),
    (4, 42, "pâr", "pour"),
    (7, 18, "posæ", ""),
    (7, 23, "dons", ""),
    (7, 43, "Chocun", ""),
    (17, 20, "rnaisons", "accept"),
    (21, 46, "dons", "accept"),
]
# The same rows as teiforge wrote them before the source anchor: block, start, end in the
# block's text, and the line where the block starts.
OLD_ROWS = [
    (2, 14, 23, "12", 3, "médiotion", "médiation", "medium", "Les postes de", "de proximité ou de médiation sociole on", "accept"),
    (2, 53, 60, "12", 3, "sociole", "sociale", "medium", "médiotion de proximité ou de médiation", "ont été créés en 1998 dans les quartier", "reject"),
    (2, 103, 106, "12", 3, "lls", "Ils", "medium", "t été créés en 1998 dans les quartiers.", "remplissent pâr ailleurs des fonctions", ""),
    (2, 119, 122, "12", 3, "pâr", "par", "medium", "998 dans les quartiers. lls remplissent", "ailleurs des fonctions de médiation aup", "pour"),
    (3, 17, 21, "12", 7, "posæ", "pose", "low", "Et comment ça se", "dons ces réunions ? Chocun vient apport", ""),
    (3, 22, 26, "12", 7, "dons", "dans", "high", "Et comment ça se posæ", "ces réunions ? Chocun vient apporter so", ""),
    (3, 42, 48, "12", 7, "Chocun", "Chacun", "medium", "comment ça se posæ dons ces réunions ?", "vient apporter son point de vue, et les", ""),
    (6, 19, 27, "13", 17, "rnaisons", "maisons", "medium", "ville entière. Les", "du quartier sont anciennes et les famil", "accept"),
    (7, 124, 128, "13", 20, "dons", "dans", "high", "essayons de comprendre ce qui ne va pas", "le quartier. »", "accept"),
]  # fmt: skip


def _one_paragraph_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """A layout rule changed: no line breaks a paragraph, so a page's paragraphs are one
    and every block after the first paragraph moves."""
    monkeypatch.setattr(teiforge.layout.paragraphs, "breaks_paragraph", lambda *args: False)


def _one_paragraph_a_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A layout rule changed: every line breaks a paragraph, so a word is at an offset in
    its line, in a block of its own line."""
    monkeypatch.setattr(teiforge.layout.paragraphs, "breaks_paragraph", lambda *args: True)


def _pages_at_blank_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """A layout rule changed: a blank line ends a page, so page breaks come in between the
    paragraphs, and headings and page numbers are looked for on pages cut differently."""
    monkeypatch.setattr(teiforge.layout.pages, "PAGE_BREAK_BLANKS", 1)


LAYOUT_CHANGES: dict[str, Callable[[pytest.MonkeyPatch], None]] = {
    "paragraph breaks moved": _one_paragraph_a_page,
    "a paragraph a line": _one_paragraph_a_line,
    "pages cut at blank lines": _pages_at_blank_lines,
}


def _block_anchors(corrections: Path, path: Path = TWO_PAGES) -> dict[int, tuple[int, int, str]]:
    """(block, offset, sic) of each decided row (by its line in the corrections file) as
    the layout cuts the document now: what the corrections file used to keep."""
    locator = Locator(segment(read_source(path)))
    found = {}
    for row in read_corrections(corrections).decided(path.name):
        place = locator.locate(row)
        assert isinstance(place, Place)
        found[row.file_line] = (place.block, place.start, row.sic)
    return found


def _stale(anchors: dict[int, tuple[int, int, str]], path: Path = TWO_PAGES) -> list[str]:
    """The words whose block anchor no longer holds them as the layout cuts it now."""
    blocks = segment(read_source(path)).blocks
    return [
        sic
        for block, start, sic in anchors.values()
        if block >= len(blocks) or blocks[block].text[start : start + len(sic)] != sic
    ]


def _encode(path: Path, corrections: Path) -> list[tuple[str, str, str | None, str | None]]:
    options = EncodeOptions(date="2026-01-01", corrections=corrections)
    return tei_corrections(etree.fromstring(encode(read_source(path), options)))


def _reported(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What encoding or review warned about the rows of the corrections file."""
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "teiforge.annotate.reanchor" and r.levelno >= logging.WARNING
    ]


def _write_old_file(path: Path) -> None:
    lines = ["# editor-id: jdupont", "# editor-name: Jeanne Dupont", "\t".join(OLD_COLUMNS)]
    lines += ["two_pages.txt\t" + "\t".join(str(cell) for cell in row) for row in OLD_ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _decided(tmp_path: Path) -> Path:
    """The corrections file of TWO_PAGES, reviewed, with the editor's DECISIONS."""
    out = tmp_path / "corrections.tsv"
    review([TWO_PAGES], out)
    fill_corrections(out, DECISIONS)
    return out


@pytest.mark.parametrize("change", LAYOUT_CHANGES)
def test_decisions_survive_a_change_of_the_layout_rules(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    change: str,
) -> None:
    out = _decided(tmp_path)
    anchors = _block_anchors(out)
    LAYOUT_CHANGES[change](monkeypatch)
    # the layout moved the decided words: a block anchor would no longer hold them...
    assert (
        _stale(anchors)
        == {
            "paragraph breaks moved": ["rnaisons", "dons"],
            "a paragraph a line": ["pâr", "rnaisons", "dons"],
            "pages cut at blank lines": ["médiotion", "sociole", "pâr", "rnaisons", "dons"],
        }[change]
    )
    # ... and the decisions still apply, under the editor's @resp
    with caplog.at_level(logging.INFO):
        assert _encode(TWO_PAGES, out) == DECIDED
        rows = review([TWO_PAGES], out)
    assert [(r.line, r.column, r.sic, r.decision, r.status) for r in rows] == [
        (*anchor, "") for anchor in ANCHORS
    ]
    assert [r.getMessage() for r in caplog.records if r.name == "teiforge.annotate.reanchor"] == []


@pytest.mark.parametrize("change", ["none", *LAYOUT_CHANGES])
def test_an_old_corrections_file_still_applies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, change: str
) -> None:
    """A file with block offsets: where they still hold the word, they place it; where the
    layout moved it, its word and context find it."""
    out = tmp_path / "corrections.tsv"
    _write_old_file(out)
    if change != "none":
        LAYOUT_CHANGES[change](monkeypatch)
    assert _encode(TWO_PAGES, out) == DECIDED
    assert _reported(caplog) == []
    rows = review([TWO_PAGES], out)  # rewritten with the source anchor
    assert [(r.line, r.column, r.sic, r.decision, r.status) for r in rows] == [
        (*anchor, "") for anchor in ANCHORS
    ]
    assert out.read_text(encoding="utf-8").splitlines()[5].split("\t")[:4] == [
        "document",
        "page",
        "line",
        "column",
    ]


def _edited(tmp_path: Path, edit: Callable[[list[str]], list[str]]) -> Path:
    """The document with its OCR text edited by hand, under its own name."""
    lines = TWO_PAGES.read_text(encoding="utf-8").split("\n")
    path = tmp_path / "source" / TWO_PAGES.name
    path.parent.mkdir()
    path.write_text("\n".join(edit(lines)), encoding="utf-8")
    return path


def test_a_row_whose_word_is_gone_is_reported_and_kept(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = _decided(tmp_path)
    fixed = _edited(tmp_path, lambda lines: [ln.replace("rnaisons", "maisons") for ln in lines])
    assert _encode(fixed, out) == [c for c in DECIDED if c[0] != "rnaisons"]
    assert _reported(caplog) == [
        f"{out}:14: 'rnaisons' (source line 17) no longer found in two_pages.txt; "
        + "decision kept in the file, not applied"
    ]
    rows = review([fixed], out)
    assert [(r.line, r.column, r.sic, r.decision, r.status) for r in rows] == [
        *((*anchor, "") for anchor in ANCHORS if anchor[2] != "rnaisons"),
        (17, 20, "rnaisons", "accept", "not found"),  # kept, at the end
    ]
    caplog.clear()
    assert _encode(fixed, out) == [c for c in DECIDED if c[0] != "rnaisons"]
    assert _reported(caplog) == [
        f"{out}:15: 'rnaisons' (source line 17) no longer found in two_pages.txt; "
        + "decision kept in the file, not applied"
    ]


def test_rows_are_found_again_when_the_source_gains_lines(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Two lines added at the top: every word is two lines down, where its context is."""
    out = _decided(tmp_path)
    longer = _edited(tmp_path, lambda lines: ["Avant-propos de l'éditeur.", "", *lines])
    with caplog.at_level(logging.INFO):
        assert _encode(longer, out) == DECIDED
    assert _reported(caplog) == []
    moved = [r.getMessage() for r in caplog.records if r.name == "teiforge.annotate.reanchor"]
    assert moved[0] == f"{out}:7: 'médiotion' (source line 3) found at source line 5, column 15"
    assert len(moved) == 5  # one for each decided row
    rows = review([longer], out)
    assert [(r.line, r.column, r.sic, r.decision) for r in rows if r.decision] == [
        (line + 2, column, sic, decision) for line, column, sic, decision in ANCHORS if decision
    ]


def test_a_row_whose_word_stands_twice_in_its_context_is_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The line of the second `dons` copied under itself, a line added at the top: the row
    is no longer at its line, and two places have its word and context."""
    out = _decided(tmp_path)
    doubled = _edited(tmp_path, lambda lines: ["Avant-propos.", *lines[:21], *lines[20:]])
    assert _encode(doubled, out)[-1] == ("dons", "dans", "#teiforge", "medium")
    assert _reported(caplog) == [
        f"{out}:15: 'dons' (source line 21) found at 2 places in two_pages.txt (source lines "
        + "22, 23), none sure; decision kept in the file, not applied"
    ]
    rows = review([doubled], out)
    assert (rows[-1].line, rows[-1].column, rows[-1].decision, rows[-1].status) == (
        21,
        46,
        "accept",
        "ambiguous",
    )


def test_a_row_the_editor_adds_applies_and_is_kept(tmp_path: Path) -> None:
    """A word teiforge did not propose: the editor adds its row, with its line and column."""
    out = _decided(tmp_path)
    # proposed, cert, why, confidence and zone left empty
    added = (
        "two_pages.txt\t13\t18\t34\tconnoissent\t\t\t\t\t\tLes médiateurs\tbien les\tconnaissent\t"
    )
    out.write_text(out.read_text(encoding="utf-8") + added + "\n", encoding="utf-8")
    assert _encode(TWO_PAGES, out) == [
        *DECIDED[:-1],
        ("connoissent", "connaissent", "#jdupont", None),
        DECIDED[-1],
    ]
    rows = review([TWO_PAGES], out)
    assert [(r.line, r.column, r.sic, r.decision, r.status) for r in rows][-3:] == [
        (17, 20, "rnaisons", "accept", ""),
        (18, 34, "connoissent", "connaissent", "not proposed"),  # at its place
        (21, 46, "dons", "accept", ""),
    ]
    assert (rows[-2].left, rows[-2].right) == (
        "vivent depuis longtemps. Les médiateurs",
        "bien les habitants.",
    )


@pytest.mark.parametrize(
    ("header", "row", "problem"),
    [
        ("\t".join(OLD_COLUMNS), "two_pages.txt\t2\tx\t23\t12\t3\tmédiotion\t\t\t\t\t", "line 5: block, start, end and line must be numbers"),
        ("document\tpage\tline\tcolumn\tsic\tproposed\tcert\tleft\tright\tdecision\tstatus", "two_pages.txt\t12\t\t15\tmédiotion\t\t\t\t\taccept\t", "line 5: line must be a number"),
        ("document\tline\tsic\tdecision", "two_pages.txt\t3\tmédiotion\taccept", "the columns must be: document page line column sic proposed cert why confidence zone left right decision status"),
    ],
)  # fmt: skip
def test_a_malformed_corrections_file_is_refused_naming_its_line(
    tmp_path: Path, header: str, row: str, problem: str
) -> None:
    out = tmp_path / "corrections.tsv"
    out.write_text(f"# editor-id: jd\n# editor-name: J. D.\n\n{header}\n{row}\n", "utf-8")
    with pytest.raises(InputError) as error:
        read_corrections(out)
    assert str(error.value) == f"{out}: {problem}"


def test_two_rows_on_one_word_the_first_wins(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = _decided(tmp_path)
    text = out.read_text(encoding="utf-8")
    second = next(line for line in text.splitlines() if "\tpâr\t" in line).replace("pour", "par")
    out.write_text(text + second + "\n", encoding="utf-8")
    assert _encode(TWO_PAGES, out) == DECIDED  # pâr -> pour, as the first row says
    assert _reported(caplog) == [
        f"{out}:16: 'pâr' (source line 4) is the word the row of line 10 decides; not applied"
    ]
    rows = review([TWO_PAGES], out)
    assert [(r.line, r.column, r.sic, r.decision, r.status) for r in rows][3:5] == [
        (4, 42, "pâr", "pour", ""),
        (4, 42, "pâr", "par", "duplicate"),
    ]


def test_review_keeps_the_rows_of_documents_not_reviewed(tmp_path: Path) -> None:
    out = _decided(tmp_path)
    rows = review([REPO / "tests" / "ocr" / "sample.txt"], out)
    assert [(r.document, r.decision) for r in rows] == [
        *(("sample.txt", "") for _ in range(8)),
        *(("two_pages.txt", decision) for _, _, _, decision in ANCHORS),
    ]
