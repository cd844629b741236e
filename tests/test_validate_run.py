"""How a run goes: which files and schemas (globs, xml-model), the cache (a re-run checks
only what changed), worker processes, and the time limit on compiling a RELAX NG schema."""

from __future__ import annotations

import json
import logging
import shutil
import sys
import time
from pathlib import Path

import pytest

from support import REPO
from teiforge.errors import InputError
from teiforge.model import Diagnostic, Severity
from teiforge.validate import check, collect_files, validate_paths
from teiforge.validate.cache import FILE_NAME, ResultCache
from teiforge.validate.plan import Task
from teiforge.validate.schemas.rng import RngSchema

HERE = Path("tests/validate")
CASES = HERE / "cases"
MODELS = HERE / "models"
SCHEMAS = HERE / "schemas"


@pytest.fixture(autouse=True)
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def lines(report: object) -> list[str]:
    return [
        f"{d.file}:{d.line}:{d.column} {d.severity.value} {d.code} {d.message}"
        for d in report.diagnostics  # type: ignore[attr-defined]
    ]


# ----------------------------------------------------------------------------- globs


def test_a_glob_names_the_files_it_matches_in_order() -> None:
    assert [str(f) for f in collect_files([HERE / "tree" / "**" / "*.xml"])] == [
        "tests/validate/tree/a.xml",
        "tests/validate/tree/sub/b.xml",
        "tests/validate/tree/sub/deeper/c.xml",
        "tests/validate/tree/z.xml",
    ]
    assert [str(f) for f in collect_files([HERE / "tree" / "[a-m]*.xml", HERE / "tree"])] == [
        "tests/validate/tree/a.xml",
        "tests/validate/tree/sub/b.xml",
        "tests/validate/tree/sub/deeper/c.xml",
        "tests/validate/tree/z.xml",
    ]


def test_a_glob_that_matches_nothing_is_an_input_error() -> None:
    with pytest.raises(InputError) as error:
        collect_files([HERE / "tree" / "*.tei"])
    assert str(error.value) == "tests/validate/tree/*.tei: no file matches this pattern"


# ------------------------------------------------------------------------- xml-model


def test_a_declared_local_schema_is_used_instead_of_ours() -> None:
    report = validate_paths([MODELS / "declares_rng.xml"])
    assert lines(report) == [
        (
            'tests/validate/models/declares_rng.xml:5:27 error RNG element "choice" is incomplete: '
            'expected "corr"'
        ),
        (
            'tests/validate/models/declares_rng.xml:5:27 error TF103 "choice" holds 1 "sic" and 0 '
            '"corr"; a "choice" with a "sic" must hold exactly one "sic" and one "corr"'
        ),
    ]


def test_declared_schemas_add_up() -> None:
    report = validate_paths([MODELS / "declares_two.xml"])
    assert lines(report) == [
        (
            "tests/validate/models/declares_two.xml:6:25 error SCH a note carries its printed "
            "number in @n"
        )
    ]


def test_a_remote_or_compact_schema_is_said_never_fetched_and_tei_all_is_used() -> None:
    report = validate_paths([MODELS / "declares_remote.xml"])
    assert lines(report) == [
        (
            'tests/validate/models/declares_remote.xml:2:1 warning TF005 xml-model schema "https://'
            'tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" is on the network and is '
            "never fetched; pass a local copy with --schema"
        ),
        (
            "tests/validate/models/declares_remote.xml:3:1 warning TF005 xml-model schema "
            '"tei_lite.rnc" is RELAX NG compact syntax, which teiforge does not read; pass its XML '
            "form (.rng) with --schema"
        ),
        (
            'tests/validate/models/declares_remote.xml:6:14 error RNG element "title" is not '
            'allowed here; expected "fileDesc"'
        ),
    ]
    assert report.schemas == {
        "tests/validate/models/declares_remote.xml": ("tei_all.rng (TEI P5 4.12.0)",)
    }


def test_a_missing_declared_schema_is_a_finding_of_its_file_and_the_run_goes_on() -> None:
    report = validate_paths([MODELS / "declares_rng.xml", MODELS / "declares_missing.xml"])
    assert [line for line in lines(report) if "TF005" in line] == [
        (
            "tests/validate/models/declares_missing.xml:2:1 error TF005 "
            'xml-model schema "nowhere.rng" cannot be loaded: no such file'
        )
    ]
    assert report.files == (
        "tests/validate/models/declares_rng.xml",
        "tests/validate/models/declares_missing.xml",
    )
    assert report.schemas["tests/validate/models/declares_rng.xml"] == (
        "tests/validate/schemas/mini.rng",
    )
    # nothing else it declares: checked against tei_all, as a file that declares nothing
    assert report.schemas["tests/validate/models/declares_missing.xml"] == (
        "tei_all.rng (TEI P5 4.12.0)",
    )


def test_a_declared_schema_that_cannot_be_compiled_is_a_finding_of_its_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "bad.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
        '<start><ref name="nope"/></start></grammar>'
    )
    model = (
        '<?xml-model href="bad.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    )
    valid = (REPO / CASES / "valid.xml").read_text().split("\n", 1)[1]
    (tmp_path / "a.xml").write_text(model + valid)
    shutil.copy(REPO / CASES / "valid.xml", tmp_path / "b.xml")
    report = validate_paths([tmp_path / "a.xml", tmp_path / "b.xml"])
    assert [
        (Path(d.file).name, d.line, d.column, d.code, d.message) for d in report.diagnostics
    ] == [
        (
            "a.xml",
            1,
            1,
            "TF005",
            'schema "bad.rng" cannot be loaded: ref "nope" has no matching define (line 1)',
        )
    ]
    assert report.invalid_files == (str(tmp_path / "a.xml"),)


def test_tf005_severity_is_configurable() -> None:
    report = validate_paths([MODELS / "declares_missing.xml"], rule_severity=[("TF005", "warning")])
    assert [d.severity for d in report.diagnostics if d.code == "TF005"] == [Severity.WARNING]


def test_schema_on_the_command_line_overrides_the_declarations() -> None:
    report = validate_paths([MODELS / "declares_remote.xml"], [SCHEMAS / "mini.xsd"])
    assert lines(report) == []


# ----------------------------------------------------------------------------- cache


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "tei"
    folder.mkdir()
    # all made by teiforge: checked against our XML Schema, in this process
    for name in ["valid", "bad_value", "missing_child", "not_well_formed"]:
        shutil.copy(REPO / CASES / f"{name}.xml", folder / f"{name}.xml")
    return folder


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the checkers check (in this process: a run of a few files forks nothing)."""
    seen: list[str] = []
    original = check.Checker.check

    def counting(self: check.Checker, task: Task) -> check.Outcome:
        seen.append(Path(task.file).name)
        return original(self, task)

    monkeypatch.setattr(check.Checker, "check", counting)
    return seen


def test_a_rerun_checks_nothing_and_says_the_same(
    corpus: Path, tmp_path: Path, checked: list[str]
) -> None:
    cache = tmp_path / "cache"
    first = validate_paths([corpus], cache_dir=cache)
    assert sorted(checked) == [
        "bad_value.xml",
        "missing_child.xml",
        "not_well_formed.xml",
        "valid.xml",
    ]
    checked.clear()
    assert validate_paths([corpus], cache_dir=cache) == first
    assert checked == []
    assert (cache / "validate" / FILE_NAME).is_file()


def test_a_rerun_checks_only_what_changed(corpus: Path, tmp_path: Path, checked: list[str]) -> None:
    cache = tmp_path / "cache"
    validate_paths([corpus], cache_dir=cache)
    checked.clear()
    fixed = (REPO / CASES / "valid.xml").read_bytes().replace(b"du quartier", b"du bourg")
    (corpus / "not_well_formed.xml").write_bytes(fixed)
    report = validate_paths([corpus], cache_dir=cache)
    assert checked == ["not_well_formed.xml"]
    assert str(corpus / "not_well_formed.xml") not in report.invalid_files


def test_a_changed_schema_or_rule_set_checks_everything_again(
    corpus: Path, tmp_path: Path, checked: list[str]
) -> None:
    cache = tmp_path / "cache"
    schema = tmp_path / "mini.xsd"
    schema.write_bytes((REPO / SCHEMAS / "mini.xsd").read_bytes())
    validate_paths([corpus], [schema], cache_dir=cache)
    checked.clear()
    schema.write_bytes(schema.read_bytes().replace(b"<!-- A small", b"<!-- A changed small"))
    validate_paths([corpus], [schema], cache_dir=cache)
    assert len(checked) == 4
    checked.clear()
    validate_paths([corpus], [schema], ["TF101"], cache_dir=cache)
    assert len(checked) == 4


def test_a_result_is_stored_without_its_file_name(
    corpus: Path, tmp_path: Path, checked: list[str]
) -> None:
    cache = tmp_path / "cache"
    validate_paths([corpus / "bad_value.xml"], cache_dir=cache)
    copy = tmp_path / "elsewhere.xml"
    shutil.copy(corpus / "bad_value.xml", copy)
    checked.clear()
    report = validate_paths([copy], cache_dir=cache)
    assert checked == []
    assert {d.file for d in report.diagnostics} == {str(copy)}
    assert [d.code for d in report.diagnostics] == ["XSD", "TF104"]


def test_a_cache_that_cannot_be_read_is_ignored_and_replaced(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "cache"
    (cache / "validate").mkdir(parents=True)
    (cache / "validate" / FILE_NAME).write_bytes(b"\x00not json")
    with caplog.at_level(logging.WARNING):
        report = validate_paths([corpus], cache_dir=cache)
    assert len(report.invalid_files) == 3
    assert "ignoring the validation cache" in caplog.text
    data = json.loads((cache / "validate" / FILE_NAME).read_bytes())
    assert (data["format"], len(data["results"])) == (1, 4)


def test_an_entry_that_is_not_ours_is_checked_again() -> None:
    cache = ResultCache(None)
    cache._entries["k"] = [["XSD", "m", "one", 2, "", "error"]]  # a line that is not a number
    assert cache.get("k", "a.xml") is None
    cache._entries["k"] = [["XSD", "m", 1, 2, "/TEI", "warning"]]
    assert cache.get("k", "a.xml") == [
        Diagnostic("XSD", "m", "a.xml", 1, 2, "/TEI", Severity.WARNING)
    ]


def test_a_cache_that_cannot_be_written_is_said_once(
    corpus: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        report = validate_paths([corpus], cache_dir=blocker)
    assert len(report.files) == 4
    assert caplog.text.count("cannot write the validation cache") == 1


# ----------------------------------------------------------------- worker processes


def test_workers_find_what_one_process_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pools: list[int] = []
    in_workers = check._in_workers

    def spy(plan: object, workers: int, timeout: float) -> list[check.Outcome]:
        pools.append(workers)
        return in_workers(plan, workers, timeout)  # type: ignore[arg-type]

    monkeypatch.setattr(check, "_in_workers", spy)
    names = ["valid", "bad_value", "missing_child", "binary", "wrong_root", "dangling_pointer"]
    for index in range(2 * check.MIN_FILES_PER_WORKER):
        name = names[index % len(names)]
        shutil.copy(REPO / CASES / f"{name}.xml", tmp_path / f"{index:03}-{name}.xml")
    alone = validate_paths([tmp_path], jobs=1)
    together = validate_paths([tmp_path], jobs=2)  # two worker processes
    assert together == alone
    assert pools == [1, 2]  # tei_all (RELAX NG) for some: compiled in a worker even alone
    files = 2 * check.MIN_FILES_PER_WORKER
    assert len(alone.invalid_files) == sum(1 for i in range(files) if names[i % 6] != "valid")


def test_a_relax_ng_compile_that_takes_too_long_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def loop(self: RngSchema, names: object) -> None:
        time.sleep(60)  # what libxml2 does on some schemas, holding the GIL

    monkeypatch.setattr(RngSchema, "prepare", loop)
    monkeypatch.setattr(check, "_COMPILED", {})
    # forked workers inherit the loop (with Saxon loaded by an earlier test, they are spawned)
    monkeypatch.delitem(sys.modules, "saxonche", raising=False)
    started = time.monotonic()
    with pytest.raises(InputError) as error:
        validate_paths([CASES / "valid.xml"], [SCHEMAS / "mini.rng"], compile_timeout=0.5)
    assert time.monotonic() - started < 5
    assert str(error.value) == (
        "tests/validate/schemas/mini.rng: cannot load schema: compiling it took more than 0.5 s "
        "(libxml2 can loop on some RELAX NG schemas)"
    )


def test_default_jobs_is_the_processors_this_process_may_use() -> None:
    assert 1 <= check.default_jobs() <= 4096


def test_a_utf16_document_gets_the_verdict_its_utf8_twin_gets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The names a RELAX NG schema is specialised for are read from the bytes; in UTF-16
    they are found when the document is parsed, and the schema is specialised again."""
    text = (REPO / HERE / "layers" / "mixed.xml").read_text("utf-8")
    twin = tmp_path / "utf8.xml"
    twin.write_text(text, "utf-8")
    wide = tmp_path / "utf16.xml"
    wide.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    found = {}
    for path in (twin, wide):
        monkeypatch.setattr(check, "_COMPILED", {})  # compiled for this file's names alone
        report = validate_paths([path], [SCHEMAS / "mini.rng"])
        found[path] = [(d.code, d.line, d.column, d.message) for d in report.diagnostics]
    assert len(found[twin]) == 10  # 8 from the schema, TF103 and TF104
    assert found[wide] == found[twin]


def test_a_schema_many_files_declare_is_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiforge.validate import plan

    (tmp_path / "schemas").mkdir()
    shutil.copy(REPO / SCHEMAS / "mini.rng", tmp_path / "schemas" / "mini.rng")
    (tmp_path / "models").mkdir()
    for name in ["a", "b", "c"]:
        shutil.copy(REPO / MODELS / "declares_rng.xml", tmp_path / "models" / f"{name}.xml")
    located: list[str] = []
    locate = plan.locate

    def counting(path: Path, *args: object) -> object:
        located.append(path.name)
        return locate(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(plan, "locate", counting)
    report = validate_paths([tmp_path / "models"])
    assert located == ["mini.rng"]
    assert [d.code for d in report.diagnostics] == ["RNG", "TF103"] * 3


def test_the_default_schema_is_the_declared_one_else_ours_for_our_files_else_tei_all() -> None:
    files = [MODELS / "declares_rng.xml", CASES / "valid.xml", CASES / "wrong_root.xml"]
    report = validate_paths(files, disabled_rules=["TF105"])
    assert report.schemas == {
        "tests/validate/models/declares_rng.xml": ("tests/validate/schemas/mini.rng",),
        "tests/validate/cases/valid.xml": ("teiforge.xsd (teiforge's own)",),
        "tests/validate/cases/wrong_root.xml": ("tei_all.rng (TEI P5 4.12.0)",),
    }
    assert [g for g, _ in report.schema_groups()] == [
        ("tests/validate/schemas/mini.rng",),
        ("teiforge.xsd (teiforge's own)",),
        ("tei_all.rng (TEI P5 4.12.0)",),
    ]


def test_the_packaged_tei_all_is_tei_p5_and_matches_the_official_file() -> None:
    import gzip
    import os

    from teiforge.validate.schemas import tei_all_schema

    source = tei_all_schema()
    data = gzip.decompress(source.path.read_bytes())
    assert "TEI Edition: P5 Version\u00a04.12.0" in data[:1000].decode("utf-8")
    official = Path(os.environ.get("TEIFORGE_TEI_P5", REPO.parent / "shared" / "tei-p5"))
    if (official / "tei_all.rng").is_file():
        assert data == (official / "tei_all.rng").read_bytes()


def test_a_declared_schema_that_takes_too_long_to_compile_is_a_finding_of_its_file(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    original = RngSchema.prepare

    def loop_on_mini(self: RngSchema, names: object) -> None:
        if self.source.path.name == "mini.rng":
            time.sleep(60)  # what libxml2 does on some schemas, holding the GIL
        original(self, names)  # type: ignore[arg-type]

    monkeypatch.setattr(RngSchema, "prepare", loop_on_mini)
    monkeypatch.setattr(check, "_COMPILED", {})
    monkeypatch.delitem(sys.modules, "saxonche", raising=False)
    report = validate_paths(
        [MODELS / "declares_rng.xml", CASES / "wrong_root.xml"], compile_timeout=0.5
    )
    assert [(Path(d.file).name, d.line, d.column, d.code) for d in report.diagnostics] == [
        ("declares_rng.xml", 2, 1, "TF005"),
        ("declares_rng.xml", 5, 27, "TF103"),  # the rules still ran
        ("wrong_root.xml", 2, 1, "RNG"),  # tei_all, compiled again in the new workers
        ("wrong_root.xml", 2, 1, "TF105"),
    ]
    assert report.diagnostics[0].message == (
        'schema "mini.rng" cannot be loaded: compiling it took more than 0.5 s '
        "(libxml2 can loop on some RELAX NG schemas)"
    )
    assert [r.getMessage()[-60:] for r in caplog.records if r.levelname == "WARNING"] == [
        "compiling it took more than 0.5 s (libxml2 can loop on some RELAX NG schemas)"[-60:]
    ]
