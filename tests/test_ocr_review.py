"""The editor's loop: `teiforge review` lists the proposals with their context; the editor
decides in the file; encoding with it applies the decisions under the editor's @resp."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from support import REPO, fill_corrections, tei_corrections
from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.ocr.decisions import COLUMNS, read_corrections
from teiforge.read import read_source
from teiforge.readers import read_document
from teiforge.review import review
from teiforge.tei.ns import XML_ID, tei

SAMPLE = REPO / "tests" / "ocr" / "sample.txt"
PROPOSED = [  # source line, column, sic, proposed, cert
    (1, 15, "médiotion", "médiation", "medium"),
    (1, 54, "sociole", "sociale", "medium"),
    (1, 79, "1998l3", "", "low"),  # a year with its note call misread: digits in a word
    (2, 1, "lls", "Ils", "medium"),
    (2, 17, "pâr", "par", "medium"),
    (3, 18, "posæ", "pose", "low"),
    (3, 23, "dons", "dans", "medium"),
    (3, 43, "Chocun", "Chacun", "medium"),
]
DECISIONS = {"médiotion": "accept", "sociole": "reject", "pâr": "pour", "posæ": "accept"}


def _decide(
    path: Path,
    editor: tuple[str, str] = ("jdupont", "Jeanne Dupont"),
) -> None:
    fill_corrections(path, DECISIONS, editor)


def _reported(caplog: pytest.LogCaptureFixture) -> list[str]:
    """What encoding said about the rows of the corrections file."""
    return [r.getMessage() for r in caplog.records if r.name == "teiforge.annotate.reanchor"]


def test_review_lists_every_proposal_with_its_context(tmp_path: Path) -> None:
    out = tmp_path / "corrections.tsv"
    rows = review([SAMPLE], out)
    assert [(r.line, r.column, r.sic, r.proposed, r.cert) for r in rows] == PROPOSED
    assert {(r.document, r.page, r.decision, r.status) for r in rows} == {
        ("sample.txt", "1", "", "")
    }
    assert (rows[0].left, rows[0].right) == (
        "Les postes de",
        "de proximité ou de médiation sociole on",
    )
    text = out.read_text(encoding="utf-8").splitlines()
    assert text[3:6] == ["# editor-id: ", "# editor-name: ", "\t".join(COLUMNS)]
    # Which proposer, and what decided.
    assert [r.why for r in rows] == [
        "model: confidence 0.95",
        "model: confidence 0.89",
        "digits: P(error) 0.96",
        "model: confidence 0.61",
        "model: confidence 0.82",
        "model: P(error) 0.86",
        "context: confidence 1.00",
        "model: confidence 0.88",
    ]
    assert text[6].split("\t")[COLUMNS.index("why")] == "model: confidence 0.95"


@pytest.mark.parametrize(
    "dropped", [("confidence", "zone"), ("why", "confidence", "zone")], ids=["why", "before-why"]
)
def test_a_file_of_an_earlier_version_still_loads(tmp_path: Path, dropped: tuple[str]) -> None:
    out = tmp_path / "corrections.tsv"
    review([SAMPLE], out)
    lines = out.read_text(encoding="utf-8").splitlines()
    kept = [at for at, column in enumerate(COLUMNS) if column not in dropped]
    earlier = ["\t".join(line.split("\t")[at] for at in kept) for line in lines[5:]]
    out.write_text("\n".join(lines[:5] + earlier) + "\n", encoding="utf-8")
    rows = read_corrections(out).rows
    why = "model: confidence 0.95" if "why" not in dropped else ""
    assert [(r.sic, r.proposed, r.cert, r.why) for r in rows][:1] == [
        ("médiotion", "médiation", "medium", why)
    ]


def test_the_engines_confidence_and_zone_of_a_word(tmp_path: Path) -> None:
    """From an OCR file with coordinates: the engine's confidence in the word and where it
    is on the page image (its line's TEI zone, the word's box); none for plain text."""
    out = tmp_path / "corrections.tsv"
    rows = review([REPO / "tests" / "readers" / "page1.hocr"], out)
    assert [(r.sic, r.proposed, r.confidence, r.zone) for r in rows] == [
        ("rnaisons", "maisons", "0.34", "f1-l1 210,200,410,250")  # x_wconf 34, its bbox
    ]
    line = out.read_text(encoding="utf-8").splitlines()[6].split("\t")
    assert (line[COLUMNS.index("confidence")], line[COLUMNS.index("zone")]) == (
        "0.34",
        "f1-l1 210,200,410,250",
    )
    edition = encode(read_document([REPO / "tests" / "readers" / "page1.hocr"]))
    zones = etree.fromstring(edition).iterfind(f".//{tei('zone')}")
    assert next(zones).get(XML_ID) == "f1-l1"  # the zone the row names is the edition's
    plain = review([SAMPLE], tmp_path / "plain.tsv")
    assert {(r.confidence, r.zone) for r in plain} == {("", "")}


def test_encoding_applies_the_decisions_under_the_editors_resp(
    tmp_path: Path,
    teiforge_schema,
    tei_all,  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "corrections.tsv"
    review([SAMPLE], out)
    _decide(out)
    data = encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01", corrections=out))
    root = etree.fromstring(data)
    assert tei_corrections(root) == [
        ("médiotion", "médiation", "#jdupont", None),  # accepted
        ("lls", "Ils", "#teiforge", "medium"),  # undecided: the machine's
        ("pâr", "pour", "#jdupont", None),  # the editor's own reading
        ("posæ", "pose", "#jdupont", None),  # a flag, its suggestion accepted
        ("dons", "dans", "#teiforge", "medium"),
        ("Chocun", "Chacun", "#teiforge", "medium"),
    ]
    assert "sociole" not in [s.text for s in root.iter(tei("sic"))]  # rejected: right as read
    statements = {
        s.get(XML_ID): (s.findtext(tei("resp")), s.findtext(tei("name")))
        for s in root.iter(tei("respStmt"))
    }
    assert statements["jdupont"] == ("review of OCR corrections", "Jeanne Dupont")
    assert teiforge_schema.is_valid(etree.ElementTree(root))
    assert tei_all.validate(etree.ElementTree(root)), tei_all.error_log


def test_without_the_file_nothing_changes(tmp_path: Path) -> None:
    out = tmp_path / "corrections.tsv"
    review([SAMPLE], out)
    automatic = encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01"))
    undecided = encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01", corrections=out))
    assert undecided == automatic


def test_review_again_keeps_the_editor_and_the_decisions(tmp_path: Path) -> None:
    out = tmp_path / "corrections.tsv"
    review([SAMPLE], out)
    _decide(out)
    rows = review([SAMPLE], out)
    assert {r.sic: r.decision for r in rows if r.decision} == DECISIONS
    editor = read_corrections(out).editor
    assert editor is not None and (editor.xml_id, editor.name) == ("jdupont", "Jeanne Dupont")


def test_a_row_whose_word_is_gone_is_reported_with_its_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    out = tmp_path / "corrections.tsv"
    review([SAMPLE], out)
    _decide(out)
    out.write_text(
        out.read_text(encoding="utf-8").replace("\tmédiotion\t", "\tmédiocre\t"), "utf-8"
    )
    with caplog.at_level(logging.WARNING):
        root = etree.fromstring(encode(read_source(SAMPLE), EncodeOptions(corrections=out)))
    assert tei_corrections(root)[0] == ("médiotion", "médiation", "#teiforge", "medium")
    assert _reported(caplog) == [
        f"{out}:7: 'médiocre' (source line 1) no longer found in sample.txt; "
        + "decision kept in the file, not applied"
    ]


def test_an_editor_id_must_be_an_identifier(tmp_path: Path) -> None:
    out = tmp_path / "corrections.tsv"
    review([SAMPLE], out)
    _decide(out, ("J. Dupont", "Jeanne Dupont"))
    with pytest.raises(InputError) as error:
        read_corrections(out)
    assert str(error.value) == (
        f"{out}: editor-id 'J. Dupont' is not a valid identifier (an xml:id)"
    )


def test_the_review_command(tmp_path: Path) -> None:
    out = tmp_path / "corrections.tsv"
    result = subprocess.run(
        [sys.executable, "-m", "teiforge", "review", str(SAMPLE), "-o", str(out)],
        check=False,
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert (result.returncode, result.stdout) == (0, f"8 proposals (0 decided) written to {out}\n")
    assert len(read_corrections(out).rows) == 8
