"""`teiforge build` at scale: the same bytes whatever the executor and the number of jobs,
an incremental build that skips exactly what has not changed, the progress bar's manners."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from support import CASES
from teiforge.binary import MAGIC
from teiforge.build.cache import CACHE_DIR, CACHE_FILE
from teiforge.build.executors import LocalExecutor, make_executor
from teiforge.build.pipeline import build_corpus
from teiforge.build.progress import wants_progress
from teiforge.config import load_config
from teiforge.html import render_site
from teiforge.model import Diagnostic
from teiforge.read import decode, is_binary
from teiforge.validate import Report
from test_cli_encode import teiforge

# The golden cases are the corpus: as many sources as there are cases.
SOURCES = sum(1 for case in CASES.iterdir() if (case / "input.txt").is_file())
CONFIG = 'sources = ["ocr/*.txt"]\ntei_dir = "editions"\nsite_dir = "public"\ndate = "2026-03-04"\n'


def _corpus(root: Path, config: str = CONFIG) -> Path:
    (root / "ocr").mkdir(parents=True)
    for case in sorted(CASES.iterdir()):
        shutil.copy(case / "input.txt", root / "ocr" / f"{case.name}.txt")
    (root / "teiforge.toml").write_text(config, encoding="utf-8")
    return root


def _outputs(root: Path) -> dict[str, bytes]:
    """Every file the build made, by its path in the corpus folder."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for folder in ("editions", "public")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def _mtimes(root: Path) -> dict[str, int]:
    return {
        path.relative_to(root).as_posix(): path.stat().st_mtime_ns
        for folder in ("editions", "public")
        for path in (root / folder).rglob("*")
        if path.is_file()
    }


def _build(root: Path, jobs: int = 1, cache: bool = True):  # type: ignore[no-untyped-def]
    executor = LocalExecutor(jobs)
    try:
        return build_corpus(load_config(root / "teiforge.toml"), executor, cache=cache)
    finally:
        executor.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """A full build in this process, without the cache: what every other build must equal."""
    root = _corpus(tmp_path_factory.mktemp("reference"))
    result = _build(root, cache=False)
    assert (result.built, result.changed, result.report.diagnostics) == (SOURCES, SOURCES, ())
    assert not (root / CACHE_DIR).exists()
    return _outputs(root)


def test_the_site_is_the_one_render_site_makes(tmp_path: Path, reference: dict[str, bytes]) -> None:
    root = _corpus(tmp_path)
    _build(root)
    editions = sorted((root / "editions").glob("*.xml"))
    render_site(editions, tmp_path / "whole")
    whole = {
        f"public/{path.relative_to(tmp_path / 'whole').as_posix()}": path.read_bytes()
        for path in (tmp_path / "whole").rglob("*")
        if path.is_file()
    }
    built = {name: data for name, data in _outputs(root).items() if name.startswith("public/")}
    assert built == whole
    # pages and their search indexes, index of documents and of names, search, static files (facsimile too)
    assert len(built) == 2 * SOURCES + 4 + 1 + 5


def test_two_jobs_make_the_same_bytes(tmp_path: Path, reference: dict[str, bytes]) -> None:
    root = _corpus(tmp_path)
    result = _build(root, jobs=2)
    assert (result.built, result.changed) == (SOURCES, SOURCES)
    assert _outputs(root) == reference


def test_a_warm_build_does_nothing(tmp_path: Path, reference: dict[str, bytes]) -> None:
    root = _corpus(tmp_path)
    _build(root)
    before = _mtimes(root)
    result = _build(root)
    assert (result.built, result.changed, result.site_changed) == (0, 0, 0)
    assert len(result.site) == 2 * SOURCES + 4 + 1 + 5
    assert _mtimes(root) == before
    assert _outputs(root) == reference


def test_a_changed_source_is_built_alone(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    _build(root)
    source = root / "ocr" / "heading_levels.txt"
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", "utf-8")
    result = _build(root)
    assert (result.built, result.changed) == (1, 1)
    full = _corpus(tmp_path / "full")
    shutil.copy(source, full / "ocr" / "heading_levels.txt")
    _build(full, cache=False)
    assert _outputs(root) == _outputs(full)


def test_a_configuration_change_builds_everything(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    _build(root)
    (root / "teiforge.toml").write_text(CONFIG.replace("2026-03-04", "2026-03-05"), "utf-8")
    result = _build(root)
    assert (result.built, result.changed) == (SOURCES, SOURCES)
    edition = (root / "editions" / "scholarly.xml").read_text(encoding="utf-8")
    assert 'when="2026-03-05"' in edition


def test_an_authority_file_is_part_of_the_configuration(tmp_path: Path) -> None:
    authority = tmp_path / "corpus" / "authority.xml"
    root = _corpus(tmp_path / "corpus", CONFIG + 'authority = "authority.xml"\n')
    authority.write_text(_AUTHORITY.format(name="Grenoble"), encoding="utf-8")
    _build(root)
    assert _build(root).built == 0
    authority.write_text(_AUTHORITY.format(name="Échirolles"), encoding="utf-8")
    assert _build(root).built == SOURCES


_AUTHORITY = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Noms</title>
</titleStmt><publicationStmt><p>test</p></publicationStmt><sourceDesc><p>test</p></sourceDesc>
</fileDesc></teiHeader><standOff><listPlace><place xml:id="pl1"><placeName>{name}</placeName>
</place></listPlace></standOff><text><body><p/></body></text></TEI>
"""


def test_another_teiforge_builds_everything(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    _build(root)
    cache = root / CACHE_DIR / CACHE_FILE
    data = json.loads(cache.read_bytes())
    cache.write_text(json.dumps({**data, "code": "another teiforge"}), encoding="utf-8")
    assert _build(root).built == SOURCES


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"format": 1}', b"[1, 2]"])
def test_a_damaged_cache_is_no_cache(
    tmp_path: Path, reference: dict[str, bytes], damage: bytes
) -> None:
    root = _corpus(tmp_path)
    _build(root)
    cache = root / CACHE_DIR / CACHE_FILE
    data = json.loads(cache.read_bytes())
    if damage == b'{"format": 1}':
        data["entries"]["ocr/scholarly.txt"] = {"key": data["entries"]["ocr/scholarly.txt"]["key"]}
        damage = json.dumps(data).encode()
    cache.write_bytes(damage)
    result = _build(root)
    assert result.built == SOURCES
    assert result.changed == 0  # the same bytes: nothing written again
    assert _outputs(root) == reference


def test_an_edition_edited_by_hand_is_made_again(
    tmp_path: Path, reference: dict[str, bytes]
) -> None:
    root = _corpus(tmp_path)
    _build(root)
    (root / "editions" / "scholarly.xml").write_bytes(b"<TEI/>")
    result = _build(root)
    assert (result.built, result.changed, result.site_changed) == (1, 1, 0)
    assert _outputs(root) == reference


def test_a_lost_page_is_rendered_again_from_its_edition(
    tmp_path: Path, reference: dict[str, bytes]
) -> None:
    root = _corpus(tmp_path)
    _build(root)
    (root / "public" / "scholarly.html").unlink()
    result = _build(root)
    assert (result.built, result.changed, result.site_changed) == (1, 0, 1)
    assert _outputs(root) == reference


def test_an_invalid_build_writes_no_site_and_the_next_one_does(
    tmp_path: Path, reference: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    from teiforge.build import pipeline

    validate = pipeline.validate_paths

    def one_invalid(paths, **options):  # type: ignore[no-untyped-def]
        report = validate(paths, **options)
        problem = Diagnostic("TF999", "made invalid by the test", str(paths[-1]))
        return Report(report.files, (*report.diagnostics, problem))

    root = _corpus(tmp_path)
    monkeypatch.setattr(pipeline, "validate_paths", one_invalid)
    result = _build(root)
    assert (result.built, result.site, [d.code for d in result.report.diagnostics]) == (
        SOURCES,
        (),
        ["TF999"],
    )
    assert not (root / "public").exists()
    monkeypatch.setattr(pipeline, "validate_paths", validate)
    result = _build(root)
    assert (result.built, result.changed) == (SOURCES, 0)  # rendered, not encoded again
    assert _outputs(root) == reference


class _Interrupted:
    """Builds in this process and is interrupted (Ctrl-C) once `finish` documents are done;
    records which tasks it was given to encode and which to render from an edition."""

    name = "interrupted"

    def __init__(self, finish: int | None = None) -> None:
        self.finish = finish
        self.encoded: list[str] = []
        self.rendered: list[str] = []

    def map_unordered(self, function: Any, tasks: Any) -> Iterator[tuple[int, Any]]:
        for task in tasks:
            names = self.encoded if task.source is not None else self.rendered
            names.append(Path(task.edition_file).name)
        for index, task in enumerate(tasks):
            if index == self.finish:
                raise KeyboardInterrupt
            yield index, function(task)

    def close(self) -> None:
        pass


def test_an_interrupted_build_keeps_what_it_finished_and_the_next_resumes(
    tmp_path: Path, reference: dict[str, bytes]
) -> None:
    root = _corpus(tmp_path)
    config = load_config(root / "teiforge.toml")
    interrupted = _Interrupted(finish=5)
    with pytest.raises(KeyboardInterrupt):
        build_corpus(config, interrupted)
    finished = sorted(interrupted.encoded[:5])  # the tasks are run in the order given
    assert len(interrupted.encoded) == SOURCES and interrupted.rendered == []
    assert sorted(p.name for p in (root / "editions").iterdir()) == finished
    cache = json.loads((root / CACHE_DIR / CACHE_FILE).read_bytes())["entries"]
    assert sorted(Path(name).stem + ".xml" for name in cache) == finished
    assert {entry["page"] for entry in cache.values()} == {None}  # no page was written
    resumed = _Interrupted()
    result = build_corpus(config, resumed)
    # the finished documents are not encoded again: their pages are made from their editions
    assert sorted(resumed.rendered) == finished
    assert sorted(resumed.encoded + resumed.rendered) == sorted(interrupted.encoded)
    assert (result.built, result.changed, result.report.diagnostics) == (SOURCES, SOURCES - 5, ())
    assert _outputs(root) == reference


def test_a_removed_source_leaves_the_cache(tmp_path: Path) -> None:
    root = _corpus(tmp_path)
    _build(root)
    (root / "ocr" / "scholarly.txt").unlink()
    result = _build(root)
    assert (result.built, len(result.editions)) == (0, SOURCES - 1)
    entries = json.loads((root / CACHE_DIR / CACHE_FILE).read_bytes())["entries"]
    expected = [f"ocr/{case.name}.txt" for case in CASES.iterdir() if case.name != "scholarly"]
    assert sorted(entries) == sorted(expected)


def test_the_build_command_runs_on_two_jobs_quietly(
    tmp_path: Path, reference: dict[str, bytes]
) -> None:
    root = _corpus(tmp_path)
    result = teiforge("build", "--jobs", "2", cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"encoded {SOURCES} sources into {root / 'editions'} ({SOURCES} changed)",
        f"validated {SOURCES} editions: all valid",
        f"rendered {2 * SOURCES + 4 + 1 + 5} files into {root / 'public'}",
    ]
    assert _outputs(root) == reference


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--executor", "dask"], "teiforge: error: --executor dask: needs --scheduler ADDRESS\n"),
        (
            ["--scheduler", "tcp://x:1"],
            "teiforge: error: --scheduler: only goes with --executor dask\n",
        ),
        (["--jobs", "-1"], None),
    ],
)
def test_build_options_that_do_not_go(
    tmp_path: Path, arguments: list[str], message: str | None
) -> None:
    root = _corpus(tmp_path)
    result = teiforge("build", *arguments, cwd=root)
    assert result.returncode == 2
    if message is not None:
        assert result.stderr == message
    else:
        assert result.stderr.startswith("teiforge: error: Invalid value for '-j' / '--jobs'")
    assert not (root / "editions").exists()


def test_make_executor() -> None:
    assert isinstance(make_executor("local", 3), LocalExecutor)
    assert make_executor("local", 0).jobs >= 1  # type: ignore[attr-defined]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("quiet", "ci", "stream", "shown"),
    [
        (False, None, _Terminal(), True),
        (True, None, _Terminal(), False),
        (False, "true", _Terminal(), False),
        (False, "false", _Terminal(), True),
        (False, None, io.StringIO(), False),
    ],
)
def test_when_a_progress_bar_is_shown(
    monkeypatch: pytest.MonkeyPatch, quiet: bool, ci: str | None, stream: io.StringIO, shown: bool
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    assert wants_progress(quiet, stream) is shown


_CONTROLS = frozenset(range(9)) | frozenset(range(11, 32)) - {12, 13}


@given(
    st.binary(max_size=300) | st.lists(st.sampled_from(b"ab\x01\x1f\n"), max_size=300).map(bytes)
)
def test_is_binary_counts_control_bytes_as_the_loop_it_replaced(data: bytes) -> None:
    """read.is_binary counts with bytes.translate (a profile found the loop over every byte)."""
    sample = data[:65536]
    controls = sum(1 for byte in sample if byte in _CONTROLS)
    expected = controls > max(2, len(sample) // 100)  # a stray NUL alone is not binary
    if any(data.startswith(signature) for signature, _ in MAGIC):
        expected = True
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        expected = True
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        expected = False
    assert is_binary(data) is expected


@given(st.lists(st.sampled_from(b"a\xe9\x81\x8d\x9d\x80"), min_size=1, max_size=50).map(bytes))
def test_latin1_is_told_from_cp1252_as_before(data: bytes) -> None:
    """read.decode finds cp1252's undefined bytes with bytes.translate too."""
    holes = any(byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D) for byte in data)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        assert decode(data)[1] == ("latin-1" if holes else "cp1252")
