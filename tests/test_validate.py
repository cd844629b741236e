"""teiforge validate: the three layers, their exact findings, the formats and the errors.

Fixtures: tests/validate/cases/*.xml (one problem each, against our teiforge.xsd),
layers/mixed.xml (against the small schemas in schemas/), rules.toml (cases per rule),
tree/ (folder recursion). Golden outputs are rewritten with TEIFORGE_REGENERATE=1.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from xmlschema.exceptions import XMLSchemaValueError

from conftest import TEI_P5
from support import REPO, golden
from teiforge.errors import EXIT_INVALID, EXIT_OK, InputError
from teiforge.model import Diagnostic, Severity
from teiforge.validate import Report, check_document, collect_files, exit_code, validate_paths
from teiforge.validate.document import Document, parse
from teiforge.validate.formats import FORMATS
from teiforge.validate.locate import xpath_of
from teiforge.validate.rules import RULES, select
from teiforge.validate.schemas import load_schema

HERE = Path("tests/validate")  # relative: reports name files as they were given
CASES = HERE / "cases"
SCHEMAS = HERE / "schemas"
SECRET = (REPO / HERE / "secret.txt").read_text().strip()
TEI_ALL_RNG = TEI_P5 / "tei_all.rng"


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def found(report: Report) -> list[str]:
    """Each diagnostic as `CODE line:column message [xpath]`: all that it says, exactly."""
    return [f"{d.code} {d.line}:{d.column} {d.message} [{d.xpath}]" for d in report.diagnostics]


def text_of(report: Report) -> str:
    return FORMATS["text"](report)


# ----------------------------------------------------------------- one problem per file


def test_valid_documents_have_no_diagnostics() -> None:
    report = validate_paths([CASES / "valid.xml", Path("tests/schema/valid/full.xml")])
    assert report.diagnostics == ()
    assert report.files == ("tests/validate/cases/valid.xml", "tests/schema/valid/full.xml")
    assert exit_code(report) == EXIT_OK


# "CODE line:column message [xpath]" for each diagnostic of each cases/<name>.xml
EXPECTED = {
    "unknown_element": [
        (
            'XSD 22:9 element "table" is not allowed here; '
            "expected one of: div, fw, gap, lb, note, p, pb, quote [/TEI/text/body/div/table]"
        ),
    ],
    "missing_child": [
        'XSD 21:16 element "choice" is incomplete: expected "corr" [/TEI/text/body/div/p/choice]',
        (
            'TF103 21:16 "choice" holds 1 "sic" and 0 "corr"; a "choice" with a "sic" must hold '
            'exactly one "sic" and one "corr" [/TEI/text/body/div/p/choice]'
        ),
    ],
    "bad_value": [
        (
            'XSD 21:66 value "maybe" of attribute "cert" is not one of: high, medium, low '
            "[/TEI/text/body/div/p/choice/corr]"
        ),
        (
            'TF104 21:66 value "maybe" of attribute "cert" on "corr" is not high, medium, low or a '
            "number from 0 to 1 [/TEI/text/body/div/p/choice/corr]"
        ),
    ],
    "undeclared_attribute": [
        'XSD 21:12 attribute "colour" is not allowed on "p" [/TEI/text/body/div/p]',
    ],
    "dangling_pointer": [
        (
            'TF101 22:39 pointer "#MX" in attribute "who" of "said" names no xml:id of this '
            "document [/TEI/text/body/div/quote/said]"
        ),
    ],
    "duplicate_id": [
        (
            'TF102 20:12 xml:id "MD" of "div" is already used by "person" on line 15 '
            "[/TEI/text/body/div]"
        ),
    ],
    "not_well_formed": [
        "TF001 21:121 not well-formed: Opening and ending tag mismatch: p line 21 and div []",
    ],
    "xxe": ["TF003 3:3 entity declarations are not allowed (XXE and entity-expansion risk) []"],
    "bomb": ["TF003 3:3 entity declarations are not allowed (XXE and entity-expansion risk) []"],
    "external_dtd": [
        "TF004 2:1 a DOCTYPE pointing to an external DTD is not allowed (it is never fetched) []",
    ],
    "binary": ["TF002 1:1 not XML: binary content []"],
    "wrong_root": [  # not made by teiforge, declares no schema: checked against tei_all
        'RNG 2:1 element "p" is not allowed as the root; expected one of: TEI, teiCorpus [/p]',
        'TF105 2:1 root element is "p"; expected "TEI" or "teiCorpus" [/p]',
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_problem_is_reported_exactly(name: str) -> None:
    report = validate_paths([CASES / f"{name}.xml"])
    assert found(report) == EXPECTED[name]
    assert report.invalid_files == (f"tests/validate/cases/{name}.xml",)
    assert exit_code(report) == EXIT_INVALID


def test_every_case_file_has_an_expectation() -> None:
    assert sorted(p.stem for p in (REPO / CASES).glob("*.xml")) == sorted([*EXPECTED, "valid"])


def test_every_file_of_a_run_gets_all_its_findings() -> None:
    names = ["bad_value", "binary", "valid", "wrong_root"]
    report = validate_paths([CASES / f"{name}.xml" for name in names])
    assert [d.code for d in report.diagnostics] == ["XSD", "TF104", "TF002", "RNG", "TF105"]
    assert report.invalid_files == tuple(
        f"tests/validate/cases/{n}.xml" for n in ["bad_value", "binary", "wrong_root"]
    )


# -------------------------------------------------------------------------- safety


def test_external_entity_content_never_appears() -> None:
    report = validate_paths([CASES / "xxe.xml"])
    for output in (text_of(report), FORMATS["json"](report), repr(report)):
        assert SECRET not in output
        assert "TOP-SECRET" not in output


def test_schema_with_an_entity_is_refused_before_reading_it() -> None:
    with pytest.raises(InputError) as error:
        validate_paths([CASES / "valid.xml"], [SCHEMAS / "broken" / "entity.xsd"])
    assert "TOP-SECRET" not in str(error.value)


def test_entity_bomb_is_refused() -> None:
    report = validate_paths([CASES / "bomb.xml"])
    assert [d.code for d in report.diagnostics] == ["TF003"]


# ------------------------------------------------------------------------- the files


def test_folders_are_searched_recursively_for_xml_in_sorted_order() -> None:
    files = collect_files([HERE / "tree"])
    assert [str(f) for f in files] == [
        "tests/validate/tree/a.xml",
        "tests/validate/tree/sub/b.xml",
        "tests/validate/tree/sub/deeper/c.xml",
        "tests/validate/tree/z.xml",
    ]
    report = validate_paths([HERE / "tree"])
    assert report.files == tuple(str(f) for f in files)
    assert found(report) == ['RNG 1:1 element "TEI" is incomplete: expected "teiHeader" [/TEI]']
    assert report.invalid_files == ("tests/validate/tree/sub/deeper/c.xml",)


def test_files_are_taken_as_given_and_once() -> None:
    given_twice = [HERE / "tree" / "z.xml", HERE / "tree", HERE / "tree" / "sub" / "notes.txt"]
    assert [str(f) for f in collect_files(given_twice)] == [
        "tests/validate/tree/z.xml",
        "tests/validate/tree/a.xml",
        "tests/validate/tree/sub/b.xml",
        "tests/validate/tree/sub/deeper/c.xml",
        "tests/validate/tree/sub/notes.txt",
    ]


def test_missing_path_is_an_input_error() -> None:
    with pytest.raises(InputError) as error:
        validate_paths([CASES / "valid.xml", HERE / "nowhere.xml"])
    assert str(error.value) == "tests/validate/nowhere.xml: no such file or folder"


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "gone.xml").symlink_to(tmp_path / "target-that-does-not-exist.xml")
    with pytest.raises(InputError) as error:
        validate_paths([tmp_path])
    assert str(error.value) == f"{tmp_path / 'gone.xml'}: cannot read (No such file or directory)"


# ----------------------------------------------------------------------- the schemas

BROKEN = {
    "missing.xsd": "no such file",
    "schema.dtd": "unknown kind (expected .xsd, .rng or .sch)",
    "broken/not_well_formed.xsd": "not well-formed: Opening and ending tag mismatch: element "
    "line 3 and schema (line 4, column 14)",
    "broken/unknown_type.xsd": "unknown type 'noSuchType'",
    "broken/not_a_grammar.rng": 'ref "missing" has no matching define (line 3)',
    "broken/element_in_attribute.rng": "Found forbidden pattern attribute//element(ref), line 4",
    "broken/not_schematron.sch": "not an ISO Schematron schema (expected a schema element in "
    "the namespace http://purl.oclc.org/dsdl/schematron)",
    "broken/remote_include.rng": 'include "https://example.org/tei_all.rng" is not a local file '
    "(schemas are never fetched from the network)",
    "broken/entity.xsd": "entity declarations are not allowed (XXE and entity-expansion risk) "
    "(line 2, column 23)",
}


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_schema_that_cannot_be_loaded_is_an_input_error(name: str) -> None:
    with pytest.raises(InputError) as error:
        validate_paths([CASES / "valid.xml"], [SCHEMAS / name])
    assert str(error.value) == f"tests/validate/schemas/{name}: cannot load schema: {BROKEN[name]}"


@pytest.mark.parametrize("kind", ["xsd", "rng", "sch"])
def test_each_schema_kind_reports_in_plain_words(kind: str) -> None:
    report = validate_paths(
        [HERE / "layers" / "mixed.xml"], [SCHEMAS / f"mini.{kind}"], disabled_rules=list(RULES)
    )
    actual = text_of(report)
    assert actual == golden(REPO / HERE / "layers" / f"mixed.{kind}.out", actual.encode()).decode()


def test_schemas_add_up_and_rules_still_run() -> None:
    schemas = [SCHEMAS / "mini.xsd", SCHEMAS / "mini.sch"]
    report = validate_paths([HERE / "layers" / "mixed.xml"], schemas)
    codes = [d.code for d in report.diagnostics]
    assert codes.count("XSD") == 8 and codes.count("SCH") == 3
    assert codes.count("TF103") == 1 and codes.count("TF104") == 1
    assert [d.line for d in report.diagnostics] == sorted(d.line for d in report.diagnostics)


def test_schematron_role_warning_is_a_warning_and_keeps_the_file_valid() -> None:
    report = validate_paths([HERE / "layers" / "mixed.xml"], [SCHEMAS / "mini.sch"])
    warnings = [(d.line, d.message) for d in report.diagnostics if d.severity is Severity.WARNING]
    assert warnings == [(13, "a page break that holds elements")]
    only_warnings = Report(
        report.files, tuple(d for d in report.diagnostics if d.severity is Severity.WARNING)
    )
    assert only_warnings.invalid_files == ()
    assert exit_code(only_warnings) == EXIT_OK


def test_an_xsd_accepts_any_declared_element_as_root_so_the_rule_says_it() -> None:
    report = validate_paths([CASES / "wrong_root.xml"], [SCHEMAS / "mini.xsd"])
    assert found(report) == ['TF105 2:1 root element is "p"; expected "TEI" or "teiCorpus" [/p]']


@pytest.mark.parametrize("kind", ["xsd", "sch"])
def test_a_schema_that_fails_on_one_document_says_so_there(
    kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    schema = load_schema(SCHEMAS / f"mini.{kind}")

    def fail(*args: object, **kwargs: object) -> None:
        raise XMLSchemaValueError("boom") if kind == "xsd" else etree.XSLTApplyError("boom")

    if kind == "xsd":  # libxml2 finds the document invalid; xmlschema then fails on it
        monkeypatch.setattr(schema, "_fast", etree.XMLSchema(etree.XML(_REJECT_ALL)))
        detail = schema._details()  # type: ignore[attr-defined]
        monkeypatch.setattr(detail, "iter_errors", fail)
    else:
        monkeypatch.setattr(schema._schema, "validate", fail)  # type: ignore[attr-defined]
    path = CASES / "valid.xml"
    document = parse(path.read_bytes(), str(path))
    assert isinstance(document, Document)
    assert [(d.code, d.line, d.column, d.message) for d in schema.check(document)] == [
        (kind.upper(), 2, 1, "the schema could not check this document: boom")
    ]


_REJECT_ALL = b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"/>'


def test_tei_all_rng_messages_name_the_element_and_what_was_expected() -> None:
    """tei_all through our RELAX NG loader (specialised: no 5-7 s compile)."""
    schema = load_schema(TEI_ALL_RNG)
    found = {}
    for name in ["undeclared_attribute", "unknown_element", "missing_child", "bad_value"]:
        path = CASES / f"{name}.xml"
        document = parse(path.read_bytes(), str(path))
        assert isinstance(document, Document)
        found[name] = [(d.line, d.column, d.message) for d in schema.check(document)]
    assert found == {
        "undeclared_attribute": [(21, 12, 'attribute "colour" is not allowed on "p"')],
        "unknown_element": [
            (
                22,
                9,
                (
                    'element "table" is incomplete: expected one of: binaryObject, formula, '
                    "graphic, media, row"
                ),
            )
        ],
        "missing_child": [
            (
                21,
                16,
                (
                    'element "choice" is incomplete: expected one of: abbr, am, choice, corr, ex, '
                    "expan, orig, reg, seg, sic, supplied, unclear"
                ),
            )
        ],
        "bad_value": [
            (
                21,
                66,
                (
                    'value "maybe" of attribute "cert" is not one of: high, medium, low, unknown or '
                    "a number from 0 to 1"
                ),
            )
        ],
    }


def test_our_valid_documents_are_valid_tei_all() -> None:
    schema = load_schema(TEI_ALL_RNG)
    for path in [CASES / "valid.xml", Path("tests/schema/valid/full.xml")]:
        document = parse(path.read_bytes(), str(path))
        assert isinstance(document, Document)
        assert check_document(document, [schema], select()) == []


# ------------------------------------------------------------------------- the rules

RULE_CASES = tomllib.loads((REPO / HERE / "rules.toml").read_text())["case"]


@pytest.mark.parametrize("case", RULE_CASES, ids=[c["name"] for c in RULE_CASES])
def test_rule_case(case: dict[str, object]) -> None:
    document = parse(str(case["xml"]).encode(), "case.xml")
    assert isinstance(document, Document)
    rule = next(r for r in RULES.values() if case["rule"] in (r.CODE, r.NAME))
    actual = [f"{d.line}:{d.column}: {d.message}" for d in rule.check(document)]
    assert all(d.code == rule.CODE for d in rule.check(document))
    assert actual == case["expect"]


def test_every_rule_is_documented_with_passes_and_fails() -> None:
    assert list(RULES) == [f"TF{number}" for number in range(101, 110)]
    for code, rule in RULES.items():
        assert rule.CODE == code
        assert rule.__doc__ is not None and rule.__doc__.startswith(f"{code} {rule.NAME}:")
        assert "passes:" in rule.__doc__ and "fails:" in rule.__doc__
        assert {c["rule"] for c in RULE_CASES} & {code, rule.NAME}


def test_rules_can_be_disabled_by_code_or_name() -> None:
    report = validate_paths(
        [CASES / "bad_value.xml", CASES / "missing_child.xml"],
        disabled_rules=["TF104", "choice.sic-corr"],
    )
    assert [d.code for d in report.diagnostics] == ["XSD", "XSD"]


def test_an_unknown_rule_is_an_input_error() -> None:
    with pytest.raises(InputError) as error:
        validate_paths([CASES / "valid.xml"], disabled_rules=["TF999"])
    assert str(error.value) == (
        "TF999: no such rule; the rules are TF101 (pointer.resolves), TF102 (id.unique), "
        "TF103 (choice.sic-corr), TF104 (cert.values), TF105 (root.tei), TF106 (note.sequence), "
        "TF107 (pb.order), TF108 (tei.p4), TF109 (pointer.file-present)"
    )


# ------------------------------------------------------------------ formats and exits


def test_exit_codes() -> None:
    ok = Report(("a.xml",), ())
    invalid = Report(("a.xml", "b.xml"), (Diagnostic("TF101", "m", "b.xml", 1, 1),))
    warned = Report(("a.xml",), (Diagnostic("SCH", "m", "a.xml", 1, 1, severity=Severity.WARNING),))
    assert [exit_code(r) for r in (ok, invalid, warned)] == [EXIT_OK, EXIT_INVALID, EXIT_OK]
    assert (EXIT_OK, EXIT_INVALID) == (0, 1)
    assert invalid.invalid_files == ("b.xml",)


def test_text_format() -> None:
    report = validate_paths(
        [CASES / "valid.xml", CASES / "missing_child.xml", CASES / "binary.xml"]
    )
    assert text_of(report) == (
        "checked against teiforge.xsd (teiforge's own): 2 files\n"
        'tests/validate/cases/missing_child.xml:21:16: error XSD element "choice" is incomplete: '
        'expected "corr" [/TEI/text/body/div/p/choice]\n'
        'tests/validate/cases/missing_child.xml:21:16: error TF103 "choice" holds 1 "sic" and 0 '
        '"corr"; a "choice" with a "sic" must hold exactly one "sic" and one "corr" '
        "[/TEI/text/body/div/p/choice]\n"
        "checked against tei_all.rng (TEI P5 4.12.0): 1 file\n"
        "tests/validate/cases/binary.xml:1:1: error TF002 not XML: binary content\n"
        "3 files checked, 2 invalid, 3 errors\n"
    )


def test_text_format_counts_in_words() -> None:
    one = Report(("a.xml",), (Diagnostic("TF101", "m", "a.xml", 2, 3, "/TEI"),))
    assert text_of(one) == "a.xml:2:3: error TF101 m [/TEI]\n1 file checked, 1 invalid, 1 error\n"
    warned = Report(
        ("a.xml", "b.xml"), (Diagnostic("SCH", "w", "a.xml", 2, 3, severity=Severity.WARNING),)
    )
    assert (
        text_of(warned)
        == "a.xml:2:3: warning SCH w\n2 files checked, 0 invalid, 0 errors, 1 warning\n"
    )
    assert text_of(Report((), ())) == "0 files checked, 0 invalid, 0 errors\n"


def test_json_format() -> None:
    report = validate_paths(
        [CASES / "valid.xml", CASES / "missing_child.xml", CASES / "binary.xml"]
    )
    actual = FORMATS["json"](report)
    assert actual == golden(REPO / HERE / "report.json", actual.encode()).decode()
    data = json.loads(actual)
    assert list(data) == ["diagnostics", "files", "schemas", "summary"]
    assert data["schemas"]["tests/validate/cases/binary.xml"] == ["tei_all.rng (TEI P5 4.12.0)"]
    assert data["summary"] == {"errors": 3, "files": 3, "invalid": 2, "warnings": 0}
    assert data["diagnostics"][0] == {
        "code": "XSD",
        "column": 16,
        "file": "tests/validate/cases/missing_child.xml",
        "line": 21,
        "message": 'element "choice" is incomplete: expected "corr"',
        "severity": "error",
        "xpath": "/TEI/text/body/div/p/choice",
    }
    assert FORMATS["json"](report) == actual  # deterministic


def test_format_names_are_the_cli_choices() -> None:
    assert list(FORMATS) == ["text", "json", "junit", "github"]


# ------------------------------------------------------------------ where things are


def test_xpath_has_positions_only_among_same_named_siblings() -> None:
    document = parse(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div/><div><p/><pb/><p/><p>'
        b"<hi/></p></div></body></text></TEI>",
        "x.xml",
    )
    assert isinstance(document, Document)
    hi = document.root.find(".//{http://www.tei-c.org/ns/1.0}hi")
    assert xpath_of(hi) == "/TEI/text/body/div[2]/p[3]/hi"
    pb = document.root.find(".//{http://www.tei-c.org/ns/1.0}pb")
    assert xpath_of(pb) == "/TEI/text/body/div[2]/pb"


def test_columns_count_characters_across_comments_cdata_and_crlf() -> None:
    data = (
        '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- <p> in a comment -->\r\n'
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><![CDATA[<p>]]>é<?pi <p>?></p>'
        '<said n="a who=b" who="#x" attr=">">ü</said>\r\n    <corr cert="no"/></TEI>'
    ).encode()
    document = parse(data, "x.xml")
    assert isinstance(document, Document)
    assert [(d.line, d.column) for d in check_document(document, [], select())] == [
        (3, 93),
        (4, 11),
    ]


def test_an_encoding_other_than_utf8_keeps_columns() -> None:
    data = '<?xml version="1.0" encoding="ISO-8859-1"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">éé<corr cert="x"/></TEI>'
    document = parse(data.encode("latin-1"), "x.xml")
    assert isinstance(document, Document)
    assert [(d.line, d.column) for d in check_document(document, [], select())] == [(2, 50)]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_a_document_or_one_diagnostic(data: bytes) -> None:
    result = parse(data, "x.xml")
    if isinstance(result, Diagnostic):
        assert result.code in {"TF001", "TF002", "TF003", "TF004"}
    else:
        check_document(result, [], select())


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=40))
def test_any_paragraph_text_keeps_a_valid_document_valid(words: str) -> None:
    escaped = words.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    source = (REPO / CASES / "valid.xml").read_text().replace("du quartier.", escaped)
    document = parse(source.encode(), "x.xml")
    assert isinstance(document, Document)
    assert check_document(document, [_teiforge_xsd()], select()) == []


_SCHEMA_CACHE: list[object] = []


def _teiforge_xsd() -> object:
    if not _SCHEMA_CACHE:
        _SCHEMA_CACHE.append(load_schema(REPO / "src/teiforge/data/teiforge.xsd"))
    return _SCHEMA_CACHE[0]


def test_an_element_in_another_namespace_is_one_finding_with_line_and_column(
    tmp_path: Path,
) -> None:
    (tmp_path / "driver.xml").write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">'
        "<teiHeader><fileDesc><titleStmt><title>P</title></titleStmt><publicationStmt><p>x</p>"
        "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>\n"
        '<text><body>\n<xi:include href="part1.xml"/>\n<p>x</p></body></text></TEI>\n'
    )
    report = validate_paths([tmp_path / "driver.xml"])
    assert [(d.code, d.line, d.column, d.message[:60]) for d in report.diagnostics] == [
        ("RNG", 3, 1, 'element "{http://www.w3.org/2001/XInclude}include" is not al')
    ]


def test_a_p4_document_with_plain_entities_is_read_and_named_p4(tmp_path: Path) -> None:
    (tmp_path / "p4.xml").write_bytes(
        b"<?xml version='1.0'?>\n<!DOCTYPE TEI.2 [\n<!ENTITY mdash '---'>\n]>\n"
        b"<TEI.2><teiHeader/><text><body><p>a&mdash;b</p></body></text></TEI.2>\n"
    )
    report = validate_paths([tmp_path / "p4.xml"])
    assert [(d.code, d.severity.value, d.line, d.column) for d in report.diagnostics] == [
        ("TF108", "warning", 5, 1)
    ]
    assert report.schemas == {str(tmp_path / "p4.xml"): ()}
    assert text_of(report).splitlines()[0] == "checked against no schema: 1 file"
