"""`teiforge encode` as a user runs it: its outputs. Bad input (one line, exit 2, nothing
left behind) is the matrix of test_bad_input.py."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from support import CASES

SAMPLE = CASES / "double_spaced_pages" / "input.txt"


def teiforge(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}  # 2026-01-01
    return subprocess.run(
        [sys.executable, "-m", "teiforge", *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )


def test_one_input_to_stdout_matches_the_library() -> None:
    from teiforge.encode import EncodeOptions, encode
    from teiforge.read import read_source

    result = teiforge("encode", SAMPLE)
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.encode() == encode(read_source(SAMPLE), EncodeOptions(date="2026-01-01"))


def test_out_dir_writes_one_file_per_input(tmp_path: Path) -> None:
    inputs = [CASES / "missing_pages" / "input.txt", CASES / "heading_levels" / "input.txt"]
    copies = []
    for index, path in enumerate(inputs):
        copy = tmp_path / f"doc{index}.txt"
        copy.write_bytes(path.read_bytes())
        copies.append(copy)
    out = tmp_path / "out"
    out.mkdir()
    result = teiforge("encode", *copies, "--out-dir", out)
    assert (result.returncode, result.stderr) == (0, "")
    assert sorted(p.name for p in out.iterdir()) == ["doc0.xml", "doc1.xml"]


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "edition.xml"
    result = teiforge("encode", SAMPLE, "-o", target)
    assert (result.returncode, result.stderr, result.stdout) == (0, "", "")
    assert target.read_bytes().startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<TEI ")
