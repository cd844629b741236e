"""`teiforge validate` as a user runs it: for each kind of problem, the exact output in each
format and the exit code; usage and I/O errors as one line with exit 2.

Golden outputs: tests/validate/golden/<case>.<format> for each tests/validate/cases/<case>.xml
(rewritten with TEIFORGE_REGENERATE=1; read the diff before committing).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from support import REPO, golden
from teiforge.cli import main, run
from teiforge.errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from teiforge.model import Diagnostic, Severity
from teiforge.validate import Report
from teiforge.validate.formats import FORMATS, pick
from teiforge.validate.formats.github import MAX_ANNOTATIONS

CASES = Path("tests/validate/cases")
GOLDEN = REPO / "tests" / "validate" / "golden"
SUFFIXES = {"text": "txt", "json": "json", "junit": "junit", "github": "github"}
KINDS = [
    "unknown_element",
    "missing_child",
    "bad_value",
    "undeclared_attribute",
    "dangling_pointer",
    "duplicate_id",
    "not_well_formed",
    "xxe",
    "bomb",
    "external_dtd",
    "binary",
    "wrong_root",
    "valid",
]


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


def teiforge(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Run the command line in this process: (exit code, stdout, stderr)."""
    with pytest.raises(SystemExit) as stopped:
        run(lambda standalone_mode: main([str(a) for a in args], standalone_mode=standalone_mode))
    out, err = capsys.readouterr()
    code = stopped.value.code
    return (code if isinstance(code, int) else EXIT_OK), out, err


@pytest.mark.parametrize("format_name", sorted(SUFFIXES))
@pytest.mark.parametrize("case", KINDS)
def test_each_kind_of_problem_in_each_format(
    capsys: pytest.CaptureFixture[str], case: str, format_name: str
) -> None:
    code, out, err = teiforge(
        capsys, "validate", "--no-cache", "--format", format_name, CASES / f"{case}.xml"
    )
    assert (code, err) == (EXIT_OK if case == "valid" else EXIT_INVALID, "")
    expected = golden(GOLDEN / f"{case}.{SUFFIXES[format_name]}", out.encode()).decode()
    assert out == expected


def test_every_case_has_its_goldens() -> None:
    assert sorted(p.stem for p in (REPO / CASES).glob("*.xml")) == sorted(KINDS)
    assert len(list(GOLDEN.iterdir())) == len(KINDS) * len(SUFFIXES)


def test_all_cases_in_one_run_keep_every_finding_of_every_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [CASES / f"{case}.xml" for case in KINDS]
    code, out, _ = teiforge(capsys, "validate", "--no-cache", "--format", "json", *files)
    one_by_one = []
    for file in files:
        one_by_one += json.loads(
            teiforge(capsys, "validate", "--no-cache", "--format", "json", file)[1]
        )["diagnostics"]
    assert code == EXIT_INVALID
    assert json.loads(out)["diagnostics"] == one_by_one
    assert json.loads(out)["summary"] == {"errors": 15, "files": 13, "invalid": 12, "warnings": 0}


def test_junit_is_one_testcase_per_file_and_a_failure_per_invalid_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = [CASES / "valid.xml", CASES / "missing_child.xml", CASES / "binary.xml"]
    _, out, _ = teiforge(capsys, "validate", "--no-cache", "--format", "junit", *files)
    suites = etree.fromstring(out.encode())
    suite = suites[0]
    assert (suites.get("tests"), suites.get("failures"), suite.get("tests")) == ("3", "2", "3")
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == [str(f) for f in files]
    assert [c.tag for c in cases[str(files[0])]] == ["properties"]
    schemas = [(p.get("name"), p.get("value")) for p in cases[str(files[2])].iter("property")]
    assert schemas == [("schema", "tei_all.rng (TEI P5 4.12.0)")]
    failure = cases[str(files[1])].find("failure")
    assert failure is not None and failure.get("message") == "2 errors: XSD, TF103"
    assert failure.text is not None and failure.text.count("\n") == 1


def test_junit_keeps_warnings_of_a_valid_file_in_its_output() -> None:
    report = Report(("a.xml",), (Diagnostic("TF005", "w", "a.xml", 1, 1, "", Severity.WARNING),))
    case = etree.fromstring(FORMATS["junit"](report).encode())[0][0]
    assert [(c.tag, c.text) for c in case] == [("system-out", "a.xml:1:1: warning TF005 w")]


# ------------------------------------------------------------------------ github


def _many(errors: int, warnings: int) -> Report:
    found = [Diagnostic("XSD", f"e{i}", f"d{i % 3}.xml", i + 1, 2, "/TEI") for i in range(errors)]
    found += [
        Diagnostic("SCH", f"w{i}", "d0.xml", 50 + i, 1, "", Severity.WARNING)
        for i in range(warnings)
    ]
    return Report(("d0.xml", "d1.xml", "d2.xml"), tuple(found))


def test_github_annotates_every_finding_within_the_limit() -> None:
    out = FORMATS["github"](_many(MAX_ANNOTATIONS, 1))
    lines = out.splitlines()
    assert lines[0] == "::error file=d0.xml,line=1,col=2,title=teiforge XSD::e0 [/TEI]"
    assert lines[MAX_ANNOTATIONS] == "::warning file=d0.xml,line=50,col=1,title=teiforge SCH::w0"
    assert lines[-1] == "3 files checked, 3 invalid, 10 errors, 1 warning"
    assert len(lines) == MAX_ANNOTATIONS + 2


def test_github_annotates_the_first_nine_then_says_how_many_more_and_lists_them() -> None:
    lines = FORMATS["github"](_many(13, 12)).splitlines()
    errors = [line for line in lines if line.startswith("::error")]
    warnings = [line for line in lines if line.startswith("::warning")]
    assert len(errors) == len(warnings) == MAX_ANNOTATIONS
    assert errors[-1] == (
        "::error title=teiforge validate::4 more errors in 3 files, not annotated (GitHub shows "
        "10 error annotations per step): see the step's log"
    )
    assert warnings[-1] == (
        "::warning title=teiforge validate::3 more warnings in 1 file, not annotated (GitHub "
        "shows 10 warning annotations per step): see the step's log"
    )
    listed = [line for line in lines if not line.startswith("::")]
    assert listed == [
        "d0.xml:10:2: error XSD e9 [/TEI]",
        "d1.xml:11:2: error XSD e10 [/TEI]",
        "d2.xml:12:2: error XSD e11 [/TEI]",
        "d0.xml:13:2: error XSD e12 [/TEI]",
        "d0.xml:59:1: warning SCH w9",
        "d0.xml:60:1: warning SCH w10",
        "d0.xml:61:1: warning SCH w11",
        "3 files checked, 3 invalid, 13 errors, 12 warnings",
    ]


def test_github_escapes_what_would_end_a_command() -> None:
    weird = Diagnostic("SCH", "50% done,\nnext: line\r", "a,b:c.xml", 3, 4)
    assert FORMATS["github"](Report(("a,b:c.xml",), (weird,))).splitlines()[0] == (
        "::error file=a%2Cb%3Ac.xml,line=3,col=4,title=teiforge SCH::50%25 done,%0Anext: line%0D"
    )


def test_auto_is_github_under_github_actions_and_text_elsewhere() -> None:
    assert pick("auto", {"GITHUB_ACTIONS": "true"}) is FORMATS["github"]
    assert pick("auto", {}) is FORMATS["text"]
    assert pick("auto", {"GITHUB_ACTIONS": "false"}) is FORMATS["text"]
    assert pick("junit", {"GITHUB_ACTIONS": "true"}) is FORMATS["junit"]


def test_format_auto_on_the_command_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out, _ = teiforge(capsys, "validate", "--no-cache", "--format", "auto", CASES / "xxe.xml")
    assert out.startswith(
        "::error file=tests/validate/cases/xxe.xml,line=3,col=3,title=teiforge TF003::"
    )


# ---------------------------------------------------------------- exit 2: one line


USAGE = {
    "no-path": (["validate"], "give the files, folders or globs to validate"),
    "missing": (
        ["validate", "tests/validate/nowhere.xml"],
        "tests/validate/nowhere.xml: no such file or folder",
    ),
    "no-match": (
        ["validate", "tests/validate/*.nope"],
        "tests/validate/*.nope: no file matches this pattern",
    ),
    "schema-missing": (
        ["validate", "--schema", "tests/validate/schemas/none.rng", "tests/validate/cases"],
        "tests/validate/schemas/none.rng: cannot load schema: no such file",
    ),
    "schema-kind": (
        ["validate", "--schema", "tests/validate/cases/valid.xml", "tests/validate/cases"],
        "tests/validate/cases/valid.xml: cannot load schema: unknown kind (expected .xsd, .rng or .sch)",
    ),
    "schema-broken": (
        [
            "validate",
            "--schema",
            "tests/validate/schemas/broken/unknown_type.xsd",
            "tests/validate/cases",
        ],
        "tests/validate/schemas/broken/unknown_type.xsd: cannot load schema: unknown type 'noSuchType'",
    ),
    "rule": (
        ["validate", "--disable", "TF100", "tests/validate/cases"],
        (
            "TF100: no such rule; the rules are TF101 (pointer.resolves), TF102 (id.unique), TF103 "
            "(choice.sic-corr), TF104 (cert.values), TF105 (root.tei), TF106 (note.sequence), TF107 "
            "(pb.order), TF108 (tei.p4), TF109 (pointer.file-present)"
        ),
    ),
    "jobs": (
        ["validate", "--jobs", "-1", "x.xml"],
        "Invalid value for '-j' / '--jobs': -1 is not in the range x>=0.",
    ),
    "format": (
        ["validate", "--format", "sarif", "x.xml"],
        "Invalid value for '--format': 'sarif' is not one of 'text', 'json', 'junit', 'github', 'auto'.",
    ),
}


@pytest.mark.parametrize("name", sorted(USAGE))
def test_usage_and_input_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    args, message = USAGE[name]
    assert teiforge(capsys, *args) == (EXIT_USAGE, "", f"teiforge: error: {message}\n")


def test_list_rules(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = teiforge(capsys, "validate", "--list-rules")
    assert code == EXIT_OK
    assert out.splitlines()[:11] == [
        (
            "Integrity rules (switch off with --disable or disable_rules; rule_severity changes a "
            "severity):"
        ),
        "  TF101  pointer.resolves      error    a pointer names an xml:id of the document, or of the corpus.",
        "  TF102  id.unique             error    no two elements share an xml:id.",
        "  TF103  choice.sic-corr       error    a correction offers one error and one correction.",
        "  TF104  cert.values           error    a certainty is high, medium or low, or a probability.",
        "  TF105  root.tei              error    the document is a TEI document.",
        "  TF106  note.sequence         warning  numbered notes follow each other.",
        "  TF107  pb.order              warning  page numbers go up.",
        "  TF108  tei.p4                warning  the document is TEI P4, named so (a warning).",
        "  TF109  pointer.file-present  warning  a pointer into another file names a file that is there.",
        "Other codes:",
    ]
    assert [line.split()[0] for line in out.splitlines()[11:]] == [
        "TF001",
        "TF002",
        "TF003",
        "TF004",
        "TF005",
        "XSD",
        "RNG",
        "SCH",
    ]


def test_rules_are_disabled_from_the_option_and_from_the_configuration(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    config = tmp_path / "teiforge.toml"
    config.write_text('disable_rules = ["cert.values"]\n')
    file = CASES / "missing_child.xml"
    both = ["validate", "--no-cache", "--config", config, "--disable", "TF103"]
    assert teiforge(capsys, *both, file)[1].count(" TF10") == 0
    assert (
        teiforge(capsys, "validate", "--no-cache", "--config", config, file)[1].count(" TF103 ")
        == 1
    )
    assert (
        teiforge(capsys, "validate", "--no-cache", "--config", config, CASES / "bad_value.xml")[
            1
        ].count("TF104")
        == 0
    )
