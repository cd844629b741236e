"""Heuristic rules are warnings: a page-number or note-number jump is reported by
`validate` without failing it (unless --strict, or rule_severity says error), and never
stops `build` on its own output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from teiforge.model import Diagnostic, Severity
from teiforge.validate.report import Report, exit_code, graded
from teiforge.validate.rules import RULES, severities
from test_cli_encode import teiforge

# Four pages whose printed numbers are 15, 16, 11, 18: the third was misread, or the book
# numbers its pages so; either way not a reason to fail.
PAGES = "\f".join(
    f"- {n} -\n\nLe texte de la page {n} continue ici avec des mots ordinaires.\n"
    "Une seconde phrase termine le paragraphe de cette page.\n"
    for n in (15, 16, 11, 18)
)
# A book whose second part numbers its pages anew: the encoder keeps both runs (a misread
# number such as the 11 above is mended from its neighbours, so it makes no jump).
RESTARTING = "\f".join(
    f"- {n} -\n\nLe texte de la page {n} continue ici avec des mots ordinaires.\n"
    "Une seconde phrase termine le paragraphe de cette page.\n"
    for n in (15, 16, 3, 4)
)
# The first pages, as TEI.
TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Pages</title></titleStmt>
      <publicationStmt><p>Unpublished.</p></publicationStmt>
      <sourceDesc><p>OCR text.</p></sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
      <div>
        <pb n="15"/><p>Le texte de la page 15.</p>
        <pb n="16"/><p>Le texte de la page 16.</p>
        <pb n="11"/><p>Le texte de la page 11.</p>
        <pb n="18"/><p>Le texte de la page 18.</p>
      </div>
    </body>
  </text>
</TEI>
"""
FINDING = (
    'pages.xml:14:13: {} TF107 page number "11" does not follow page "16" on line 13: page '
    "numbers must go up [/TEI/text/body/div/pb[3]]"
)

# Not made by teiforge (no appInfo), declaring no schema: checked against tei_all.
TEI_ALL_LINE = "checked against tei_all.rng (TEI P5 4.12.0): 1 file"


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    (tmp_path / "pages.xml").write_text(TEI, encoding="utf-8")
    return tmp_path / "pages.xml"


def test_the_heuristic_rules_are_warnings_the_others_errors() -> None:
    assert {code: rule.SEVERITY.value for code, rule in RULES.items()} == {
        "TF101": "error",
        "TF102": "error",
        "TF103": "error",
        "TF104": "error",
        "TF105": "error",
        "TF106": "warning",
        "TF107": "warning",
        "TF108": "warning",
        "TF109": "warning",
    }


def test_a_page_number_jump_is_a_warning_and_exit_0(edition: Path) -> None:
    result = teiforge("validate", "--no-cache", edition.name, cwd=edition.parent)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        TEI_ALL_LINE,
        FINDING.format("warning"),
        "1 file checked, 0 invalid, 0 errors, 1 warning",
    ]


def test_strict_makes_the_warning_an_error_and_exit_1(edition: Path) -> None:
    result = teiforge("validate", "--no-cache", "--strict", edition.name, cwd=edition.parent)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [
        TEI_ALL_LINE,
        FINDING.format("error"),
        "1 file checked, 1 invalid, 1 error",
    ]


def test_rule_severity_in_the_configuration(edition: Path) -> None:
    config = edition.parent / "teiforge.toml"
    config.write_text('rule_severity = { "pb.order" = "error" }\n', encoding="utf-8")
    result = teiforge("validate", "--no-cache", edition.name, cwd=edition.parent)
    assert (result.returncode, result.stdout.splitlines()[1]) == (1, FINDING.format("error"))
    config.write_text('rule_severity = { TF199 = "error" }\n', encoding="utf-8")
    result = teiforge("validate", "--no-cache", edition.name, cwd=edition.parent)
    assert (result.returncode, result.stderr) == (
        2,
        (
            "teiforge: error: TF199: no such rule; the rules are TF101 (pointer.resolves), TF102 "
            "(id.unique), TF103 (choice.sic-corr), TF104 (cert.values), TF105 (root.tei), TF106 "
            "(note.sequence), TF107 (pb.order), TF108 (tei.p4), TF109 (pointer.file-present)\n"
        ),
    )


def test_severities_by_code_or_name() -> None:
    found = severities([("TF106", "error"), ("id.unique", "warning")])
    assert (found["TF106"], found["TF102"], found["TF107"]) == (
        Severity.ERROR,
        Severity.WARNING,
        Severity.WARNING,
    )


def test_graded_findings_and_the_exit_code() -> None:
    rule = Diagnostic("TF107", "jump", "a.xml", severity=Severity.ERROR)  # as an old cache has it
    schema = Diagnostic("TF005", "remote schema", "b.xml", severity=Severity.WARNING)
    table = severities()
    report = Report(("a.xml", "b.xml"), graded([rule, schema], table))
    assert [d.severity for d in report.diagnostics] == [Severity.WARNING, Severity.WARNING]
    assert exit_code(report) == 0
    strict = Report(("a.xml", "b.xml"), graded([rule, schema], table, strict=True))
    assert [d.severity for d in strict.diagnostics] == [Severity.ERROR, Severity.ERROR]
    assert (strict.invalid_files, exit_code(strict)) == (("a.xml", "b.xml"), 1)


def test_a_build_over_a_page_number_jump_completes_and_writes_the_site(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "pages.txt").write_text(RESTARTING, encoding="utf-8")
    (tmp_path / "teiforge.toml").write_text('date = "2026-01-01"\n', encoding="utf-8")
    result = teiforge("build", "-q", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    # the finding's line in the edition depends on the header's length: not asserted
    finding = re.sub(r":\d+:\d+:", ":L:C:", re.sub(r"line \d+", "line N", lines[2]))
    assert [*lines[:2], finding, *lines[3:]] == [
        f"encoded 1 source into {tmp_path / 'tei'} (1 changed)",
        "checked against teiforge.xsd (teiforge's own): 1 file",
        (
            f'{tmp_path / "tei"}/pages.xml:L:C: warning TF107 page number "3" does not follow '
            'page "16" on line N: page numbers must go up [/TEI/text/body/div/pb[3]]'
        ),
        "1 file checked, 0 invalid, 0 errors, 1 warning",
        "validated 1 edition: all valid, 1 warning",
        f"rendered 12 files into {tmp_path / 'site'}",
    ]
    assert (tmp_path / "site" / "pages.html").is_file()
    assert (tmp_path / "site" / "index.html").is_file()
