"""Deterministic: the same input and options give the same bytes, in any process (whatever
PYTHONHASHSEED, time zone or locale), and the only date a header states comes from the
options: --date, else the configuration's `date`, else SOURCE_DATE_EPOCH; never the clock."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import CASES, REPO
from test_bad_input import side_by_side

TEXTS = [
    REPO / "seeds" / "000_9de8f81969a03aea.txt",
    CASES / "scholarly" / "input.txt",
    CASES / "double_spaced_pages" / "input.txt",
    CASES / "cp1252_crlf" / "input.txt",
]
CHANGE = '<change who="#teiforge"'


def teiforge(*args: str | Path, cwd: Path = REPO, **env: str) -> subprocess.CompletedProcess[bytes]:
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return subprocess.run(
        [sys.executable, "-m", "teiforge", *map(str, args)],
        check=False,
        capture_output=True,
        cwd=cwd,
        env={**environment, **env},
        timeout=120,
    )


def _corpus(root: Path) -> Path:
    (root / "ocr").mkdir(parents=True)
    (root / "tei").mkdir()
    for index, text in enumerate(TEXTS):
        shutil.copy(text, root / "ocr" / f"text{index}.txt")
    (root / "teiforge.toml").write_text('date = "2026-03-04"\n')
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_every_command_gives_the_same_bytes_in_any_process(tmp_path: Path) -> None:
    """Editions, validation report and site, made twice in fresh folders by processes that
    differ in hash seed, time zone and locale."""
    runs = [
        {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C"},
        {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8"},
    ]
    trees, reports = [], []
    for index, env in enumerate(runs):
        root = _corpus(tmp_path / f"run{index}")
        texts = sorted(str(path.relative_to(root)) for path in (root / "ocr").iterdir())
        encoded = teiforge(
            "encode", *texts, "--out-dir", "tei", "--config", "teiforge.toml", cwd=root, **env
        )
        assert (encoded.returncode, encoded.stderr) == (0, b"")
        editions = sorted(str(path.relative_to(root)) for path in (root / "tei").iterdir())
        reports.append(teiforge("validate", "--format", "json", *editions, cwd=root, **env).stdout)
        rendered = teiforge("html", *editions, "-o", "site", cwd=root, **env)
        assert (rendered.returncode, rendered.stderr) == (0, b"")
        trees.append(_tree(root))
    assert sorted(trees[0]) == sorted(trees[1])
    assert len([name for name in trees[0] if name.startswith("tei/")]) == len(TEXTS)
    assert len([name for name in trees[0] if name.startswith("site/")]) > len(TEXTS)
    for name in trees[0]:
        assert trees[0][name] == trees[1][name], name
    assert reports[0] == reports[1]
    assert reports[0].startswith(b"{")


def test_encode_gives_the_same_bytes_as_the_library() -> None:
    """In another process, with another hash seed: the bytes the library gives here."""
    from teiforge.encode import EncodeOptions, encode
    from teiforge.read import read_source

    runs = side_by_side(
        {
            str(text): (
                lambda t=text: teiforge("encode", t, "--date", "2026-01-01", PYTHONHASHSEED="99")
            )
            for text in TEXTS
        }
    )
    for text in TEXTS:
        assert runs[str(text)].returncode == 0
        assert runs[str(text)].stdout == encode(read_source(text), EncodeOptions(date="2026-01-01"))


def _change(output: bytes) -> str:
    line = next(line for line in output.decode().splitlines() if CHANGE in line)
    return line.strip()


def test_without_a_date_the_header_states_none() -> None:
    result = teiforge("encode", TEXTS[1])
    assert _change(result.stdout) == (
        '<change who="#teiforge">encoded from OCR by teiforge</change>'
    )
    assert datetime.date.today().isoformat().encode() not in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "when"),
    [
        ([], {"SOURCE_DATE_EPOCH": "1767225599"}, "2025-12-31"),  # 23:59:59 UTC
        ([], {"SOURCE_DATE_EPOCH": "1767225599", "TZ": "Pacific/Kiritimati"}, "2025-12-31"),
        ([], {"SOURCE_DATE_EPOCH": ""}, None),
        (["--date", "2024-05"], {"SOURCE_DATE_EPOCH": "1767225599"}, "2024-05"),
        (["--config", "{config}"], {"SOURCE_DATE_EPOCH": "1767225599"}, "2026-03-04"),
        (["--config", "{config}", "--date", "1999"], {}, "1999"),
    ],
    ids=[
        "epoch",
        "epoch-in-utc",
        "empty-epoch",
        "option-wins",
        "config-wins",
        "option-over-config",
    ],
)
def test_the_date_comes_from_the_options_only(
    tmp_path: Path, args: list[str], env: dict[str, str], when: str | None
) -> None:
    config = tmp_path / "teiforge.toml"
    config.write_text('date = "2026-03-04"\n')
    result = teiforge("encode", TEXTS[1], *(arg.format(config=config) for arg in args), **env)
    assert result.returncode == 0, result.stderr
    expected = f' when="{when}"' if when else ""
    assert _change(result.stdout) == (
        f'<change who="#teiforge"{expected}>encoded from OCR by teiforge</change>'
    )
