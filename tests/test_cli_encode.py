"""`teiforge encode` as a user runs it: outputs, and bad input as one line with exit 2,
no traceback, no partial output file, the input untouched."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def _bad(tmp_path: Path, name: str) -> tuple[list[str | Path], str]:
    """(arguments, expected stderr) for one case of bad input."""
    text = tmp_path / "ok.txt"
    text.write_text("Une ligne de texte.\n", encoding="utf-8")
    if name == "empty":
        (tmp_path / "e.txt").write_bytes(b"")
        return ["encode", tmp_path / "e.txt"], f"{tmp_path / 'e.txt'}: empty file"
    if name == "whitespace":
        (tmp_path / "w.txt").write_bytes(b" \n\n \t\n")
        return ["encode", tmp_path / "w.txt"], f"{tmp_path / 'w.txt'}: no text (whitespace only)"
    if name == "binary":
        (tmp_path / "i.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        return ["encode", tmp_path / "i.png"], f"{tmp_path / 'i.png'}: binary file, not text"
    if name == "missing":
        return ["encode", tmp_path / "nope.txt"], f"{tmp_path / 'nope.txt'}: no such file"
    if name == "folder":
        return ["encode", tmp_path], f"{tmp_path}: is a folder, not a text file"
    if name == "out-dir-missing":
        return [
            "encode",
            text,
            "--out-dir",
            tmp_path / "nowhere",
        ], f"{tmp_path / 'nowhere'}: output folder does not exist"
    if name == "output-folder-missing":
        target = tmp_path / "nowhere" / "x.xml"
        return [
            "encode",
            text,
            "-o",
            target,
        ], f"{tmp_path / 'nowhere'}: output folder does not exist"
    if name == "output-is-input":
        return ["encode", text, "-o", text], f"{text}: output path is the input file"
    if name == "several-to-stdout":
        return ["encode", text, text], "several inputs need --out-dir"
    raise AssertionError(name)


BAD = [
    "empty",
    "whitespace",
    "binary",
    "missing",
    "folder",
    "out-dir-missing",
    "output-folder-missing",
    "output-is-input",
    "several-to-stdout",
]


@pytest.mark.parametrize("name", BAD)
def test_bad_input_is_one_line_exit_2(tmp_path: Path, name: str) -> None:
    args, message = _bad(tmp_path, name)
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = teiforge(*args)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"teiforge: error: {message}\n",
    )
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before  # input untouched, no partial output


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read and write anything")
def test_unreadable_and_unwritable(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("texte", encoding="utf-8")
    secret.chmod(0)
    result = teiforge("encode", secret)
    assert (result.returncode, result.stderr) == (
        2,
        f"teiforge: error: {secret}: cannot read file (permission denied)\n",
    )
