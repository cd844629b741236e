"""Progress on a terminal: `encode` shows its files, their pages and the stage it is at,
`build` its documents; never in a pipe or a CI log (the other CLI tests, whose stderr is a
pipe, assert it empty). A build stopped with Ctrl-C resumes where it was."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support import CASES

CONTROL = re.compile(r"\x1b\[\?25[lh]")  # click hides the cursor while it draws


def _on_a_terminal(args: list[str], cwd: Path, ci: str | None = None) -> tuple[int, bytes, str]:
    """Run teiforge with stderr on a pseudo-terminal: (exit code, stdout, the terminal's text)."""
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["SOURCE_DATE_EPOCH"] = "1767225600"
    if ci is not None:
        env["CI"] = ci
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "teiforge", *args],
            stdout=subprocess.PIPE,
            stderr=follower,
            cwd=cwd,
            env=env,
            check=False,
        )
    finally:
        os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once everything is read (Linux)
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    return result.returncode, result.stdout, CONTROL.sub("", shown.decode("utf-8"))


def _states(shown: str) -> list[str]:
    """Each state the bar was drawn in (it redraws over itself with a carriage return)."""
    return [state.rstrip() for state in shown.replace("\r\n", "\r").split("\r") if state.strip()]


def test_encode_shows_each_file_its_pages_and_the_stage(tmp_path: Path) -> None:
    for case in ("running_heads_book", "double_spaced_pages"):
        shutil.copy(CASES / case / "input.txt", tmp_path / f"{case}.txt")
    code, stdout, shown = _on_a_terminal(
        ["encode", "running_heads_book.txt", "double_spaced_pages.txt", "--out-dir", "."], tmp_path
    )
    assert (code, stdout) == (0, b"")
    states = _states(shown)
    assert states[0] == "encoding  [------------------------------------]    0%"
    assert states[-1].startswith("encoding  [####################################]  100%")
    items = [state.split("%", 1)[1].strip() for state in states[1:]]
    pages = {
        name: len(re.findall(r"<pb\b", (tmp_path / f"{name}.xml").read_text("utf-8")))
        for name in ("running_heads_book", "double_spaced_pages")
    }
    assert all(count > 1 for count in pages.values())
    assert "running_heads_book.txt: pages and paragraphs" in items  # before its pages are known
    assert f"running_heads_book.txt, {pages['running_heads_book']} pages: OCR corrections" in items
    assert f"double_spaced_pages.txt, {pages['double_spaced_pages']} pages: names" in items
    percents = [int(state.split("]", 1)[1].split("%")[0]) for state in states]
    assert percents == sorted(percents)  # it only moves forward


def test_encode_to_stdout_keeps_the_bar_off_stdout(tmp_path: Path) -> None:
    shutil.copy(CASES / "running_heads_book" / "input.txt", tmp_path / "a.txt")
    code, stdout, shown = _on_a_terminal(["encode", "a.txt"], tmp_path)
    assert code == 0 and stdout.startswith(b"<?xml") and b"[####" not in stdout
    assert "encoding  [" in shown


@pytest.mark.parametrize("ci", ["true", "1"])
def test_no_bar_under_ci_even_on_a_terminal(tmp_path: Path, ci: str) -> None:
    shutil.copy(CASES / "running_heads_book" / "input.txt", tmp_path / "a.txt")
    assert _on_a_terminal(["encode", "a.txt", "-o", "a.xml"], tmp_path, ci=ci) == (0, b"", "")


def test_build_shows_its_documents(tmp_path: Path) -> None:
    (tmp_path / "ocr").mkdir()
    for case in ("running_heads_book", "double_spaced_pages", "heading_levels"):
        shutil.copy(CASES / case / "input.txt", tmp_path / "ocr" / f"{case}.txt")
    config = 'sources = ["ocr/*.txt"]\ntei_dir = "tei"\nsite_dir = "site"\n'
    (tmp_path / "teiforge.toml").write_text(config, encoding="utf-8")
    code, stdout, shown = _on_a_terminal(["build"], tmp_path)
    assert code == 0 and b"encoded 3 sources" in stdout
    states = _states(shown)
    assert states[0].startswith("building  [------------------------------------]  0/3")
    assert states[-1].startswith("building  [####################################]  3/3")
    assert _on_a_terminal(["build", "-q"], tmp_path)[2] == ""  # asked to be quiet


def test_ctrl_c_in_build_keeps_the_finished_documents_and_the_next_build_resumes(
    tmp_path: Path,
) -> None:
    """A real Ctrl-C (SIGINT) once the first editions are written: exit 130, and the next
    build encodes only the documents the first did not finish."""
    (tmp_path / "ocr").mkdir()
    cases = sorted(case for case in CASES.iterdir() if (case / "input.txt").is_file())
    for copy in range(3):  # enough documents that the build is still running when stopped
        for case in cases:
            shutil.copy(case / "input.txt", tmp_path / "ocr" / f"{case.name}-{copy}.txt")
    sources = 3 * len(cases)
    config = 'sources = ["ocr/*.txt"]\ntei_dir = "tei"\nsite_dir = "site"\n'
    (tmp_path / "teiforge.toml").write_text(config, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    command = [sys.executable, "-m", "teiforge", "build", "-q"]
    build = subprocess.Popen(
        command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 120
    while not list((tmp_path / "tei").glob("*.xml")) and time.monotonic() < deadline:
        time.sleep(0.01)
    build.send_signal(signal.SIGINT)
    stdout, stderr = build.communicate(timeout=120)
    # click ends the terminal's line after ^C: one newline, no traceback
    assert (build.returncode, stdout, stderr) == (130, b"", b"\n")
    cache = json.loads((tmp_path / ".teiforge-cache" / "build.json").read_bytes())["entries"]
    finished = len(cache)
    assert 1 <= finished < sources
    # every document kept in the cache has its edition (one that finished as the build was
    # stopped may be written and not kept: the next build makes it again)
    editions = {edition.stem for edition in (tmp_path / "tei").glob("*.xml")}
    assert {Path(name).stem for name in cache} <= editions
    resumed = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.splitlines()[0] == (
        f"encoded {sources} sources into {tmp_path / 'tei'} ({sources - finished} changed)"
    )
