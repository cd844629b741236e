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

from support import REPO
from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.ocr.decisions import COLUMNS, read_corrections
from teiforge.read import read_source
from teiforge.review import review
from teiforge.tei.ns import XML_ID, tei

SAMPLE = REPO / "tests" / "ocr" / "sample.txt"
PROPOSED = [  # block, start, end, sic, proposed, cert
    (1, 14, 23, "médiotion", "médiation", "high"),
    (1, 53, 60, "sociole", "sociale", "medium"),
    (1, 78, 84, "1998l3", "", "low"),  # a year with its note call misread: digits in a word
    (1, 86, 89, "lls", "Ils", "medium"),
    (1, 102, 105, "pâr", "par", "medium"),
    (1, 188, 192, "posæ", "pose", "low"),
    (1, 193, 197, "dons", "dans", "high"),
    (1, 213, 219, "Chocun", "Chacun", "medium"),
]
DECISIONS = {"médiotion": "accept", "sociole": "reject", "pâr": "pour", "posæ": "accept"}


def _decide(path: Path, editor: tuple[str, str] = ("jdupont", "Jeanne Dupont")) -> None:
    """Fill the file as an editor would: who, then a decision on some rows."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# editor-id:"):
            line = f"# editor-id: {editor[0]}"
        elif line.startswith("# editor-name:"):
            line = f"# editor-name: {editor[1]}"
        elif not line.startswith("#"):
            cells = line.split("\t")
            if cells[6] in DECISIONS:
                cells[-1] = DECISIONS[cells[6]]
            line = "\t".join(cells)
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _corrections(root: etree._Element) -> list[tuple[str, str, str | None, str | None]]:
    found = []
    for choice in root.iter(tei("choice")):
        corr = choice.find(tei("corr"))
        if corr.text:  # not an emptied note mark
            found.append(
                (choice.findtext(tei("sic")), corr.text, corr.get("resp"), corr.get("cert"))
            )
    return found


def test_review_lists_every_proposal_with_its_context(tmp_path: Path) -> None:
    out = tmp_path / "corrections.tsv"
    rows = review([SAMPLE], out)
    assert [(r.block, r.start, r.end, r.sic, r.proposed, r.cert) for r in rows] == PROPOSED
    assert {(r.document, r.page, r.line, r.decision) for r in rows} == {("sample.txt", "1", 1, "")}
    assert (rows[0].left, rows[0].right) == (
        "Les postes de",
        "de proximité ou de médiation sociole on",
    )
    text = out.read_text(encoding="utf-8").splitlines()
    assert text[3:6] == ["# editor-id: ", "# editor-name: ", "\t".join(COLUMNS)]


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
    assert _corrections(root) == [
        ("médiotion", "médiation", "#jdupont", None),  # accepted
        ("lls", "Ils", "#teiforge", "medium"),  # undecided: the machine's
        ("pâr", "pour", "#jdupont", None),  # the editor's own reading
        ("posæ", "pose", "#jdupont", None),  # a flag, its suggestion accepted
        ("dons", "dans", "#teiforge", "high"),
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


def test_a_stale_row_is_ignored_with_a_warning(
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
    assert _corrections(root)[0] == ("médiotion", "médiation", "#teiforge", "high")
    assert (
        "sample.txt: corrections file: 'médiocre' is no longer at block 1, 14-23; row ignored"
        in (caplog.text)
    )


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
