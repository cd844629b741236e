"""Schematron that needs XPath 2 (TEI's own rules) runs with Saxon when the optional
`schematron` extra (saxonche) is installed; without it, a schema named on the command line
cannot be loaded (exit 2) and one a document declares is a warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import TEI_P5
from support import REPO, golden
from teiforge.errors import InputError
from teiforge.validate import check, rules, validate_paths
from teiforge.validate.formats import FORMATS
from teiforge.validate.schemas import saxon

HERE = Path("tests/validate")
SCHEMAS = HERE / "schemas"
EMBEDDED = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="{rng}" schematypens="http://relaxng.org/ns/structure/1.0"?>
<?xml-model href="{rng}" schematypens="http://purl.oclc.org/dsdl/schematron"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
    <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>
  </teiHeader>
  <text><body><p>A <signatures>sig</signatures>, a <ref target="#t" cRef="c">ref</ref>.</p>
    <p xml:id="t"><date when="2020" notBefore="2019">d</date></p></body></text>
</TEI>
"""


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


@pytest.fixture
def declares_tei_all(tmp_path: Path) -> Path:
    path = tmp_path / "declares_tei_all.xml"
    path.write_text(EMBEDDED.format(rng=(TEI_P5 / "tei_all.rng").as_uri()))
    return path


def test_xpath2_schematron_with_lets_abstract_rules_and_patterns() -> None:
    pytest.importorskip("saxonche")
    report = validate_paths(
        [HERE / "layers" / "mixed.xml"], [SCHEMAS / "xpath2.sch"], disabled_rules=list(rules.RULES)
    )
    actual = FORMATS["text"](report)
    assert actual == golden(REPO / HERE / "layers" / "mixed.xpath2.out", actual.encode()).decode()


def test_the_rules_tei_all_embeds_run_when_a_document_declares_them(
    declares_tei_all: Path,
) -> None:
    pytest.importorskip("saxonche")
    report = validate_paths([declares_tei_all], disabled_rules=list(rules.RULES))
    assert [(d.code, d.line, d.column, d.message) for d in report.diagnostics] == [
        ("SCH", 8, 20, "The <signatures> element should not be used outside of <msDesc>."),
        ("SCH", 8, 52, "Only one of the attributes @target and @cRef may be supplied on <ref>."),
        (
            "SCH",
            9,
            19,
            "The @when attribute cannot be used with any other att.datable.w3c attributes.",
        ),
    ]


def test_without_saxon_a_declared_xpath2_schematron_is_a_warning(
    declares_tei_all: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(saxon, "available", lambda: False)
    report = validate_paths([declares_tei_all], disabled_rules=list(rules.RULES))
    assert [(d.code, d.severity.value, d.line, d.message) for d in report.diagnostics] == [
        (
            "TF005",
            "warning",
            3,
            (
                f'xml-model schema "{(TEI_P5 / "tei_all.rng").as_uri()}" holds XPath 2 Schematron '
                'rules, not run: pip install "saxonche>=12.5"'
            ),
        )
    ]


def test_without_saxon_an_xpath2_schematron_asked_for_cannot_be_loaded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(saxon, "available", lambda: False)
    monkeypatch.setattr(check, "_COMPILED", {})  # not the one an earlier test compiled
    with pytest.raises(InputError) as error:
        validate_paths([HERE / "cases" / "valid.xml"], [SCHEMAS / "xpath2.sch"])
    assert str(error.value) == (
        "tests/validate/schemas/xpath2.sch: cannot load schema: it needs XPath 2 (queryBinding="
        '"xslt2"): pip install "saxonche>=12.5"'
    )


def test_a_rule_saxon_cannot_compile_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("saxonche")
    broken = tmp_path / "broken.sch"
    broken.write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="*"><assert test="@a ==">x</assert></rule></pattern></schema>'
    )
    with pytest.raises(InputError) as error:
        validate_paths([HERE / "cases" / "valid.xml"], [broken])
    assert str(error.value).startswith(
        f"{broken}: cannot load schema: Saxon cannot compile its rules"
    )


def test_saxon_in_forked_workers_after_saxon_in_this_process(tmp_path: Path) -> None:
    """A process that ran Saxon (a build, a test session) can still fork workers that do."""
    pytest.importorskip("saxonche")
    mixed = (REPO / HERE / "layers" / "mixed.xml").read_bytes()
    validate_paths([HERE / "layers" / "mixed.xml"], [SCHEMAS / "xpath2.sch"])  # here
    for index in range(2 * check.MIN_FILES_PER_WORKER + 1):
        (tmp_path / f"{index:03}.xml").write_bytes(mixed)
    report = validate_paths([tmp_path], [SCHEMAS / "xpath2.sch"], list(rules.RULES), jobs=2)
    assert len(report.diagnostics) == 3 * (2 * check.MIN_FILES_PER_WORKER + 1)
