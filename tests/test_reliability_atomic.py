"""Writes are atomic: whatever interrupts a run (an error, Ctrl-C, SIGTERM, SIGKILL, a full
disk), an output file is the old one or the new one, never half of one, and no temporary
file is left behind (except after SIGKILL, which no process can clean up after: then one
hidden `.NAME.*.tmp` stays beside the untouched target)."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from support import REPO
from teiforge import atomic
from teiforge.atomic import write_bytes
from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.read import source_from_bytes

OLD = b"<old>the edition as it was</old>\n"
NEW = b"<new>the edition as it is now</new>\n" * 1000


@pytest.fixture
def target(tmp_path: Path) -> Path:
    path = tmp_path / "edition.xml"
    path.write_bytes(OLD)
    return path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_write_replaces_the_file_and_leaves_nothing_else(target: Path) -> None:
    write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    assert sorted(p.name for p in target.parent.iterdir()) == ["edition.xml"]
    assert target.stat().st_mode & 0o777 == 0o644


def test_rename_fails(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: object, dst: object) -> None:
        raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(InputError) as error:
        write_bytes(target, NEW)
    assert str(error.value) == f"{target}: cannot write (Invalid cross-device link)"
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_disk_full_while_writing(target: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(atomic.os, "fsync", full)
    with pytest.raises(InputError) as error:
        write_bytes(target, NEW)
    assert str(error.value) == f"{target}: cannot write (No space left on device)"
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, SystemExit, MemoryError])
def test_interrupted_before_the_rename(
    target: Path, monkeypatch: pytest.MonkeyPatch, interruption: type[BaseException]
) -> None:
    def interrupted(src: object, dst: object) -> None:
        assert Path(str(src)).read_bytes() == NEW  # the whole new file, waiting for its name
        raise interruption()

    monkeypatch.setattr(atomic.os, "replace", interrupted)
    with pytest.raises(interruption):
        write_bytes(target, NEW)
    assert target.read_bytes() == OLD
    assert leftovers(target.parent) == []


def test_the_bytes_reach_the_disk_before_the_name(
    target: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a crash of the machine, a renamed file whose bytes were never flushed can be
    empty: fsync comes first."""
    calls: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (calls.append("fsync"), real_fsync(fd)))
    monkeypatch.setattr(
        atomic.os, "replace", lambda a, b: (calls.append("replace"), real_replace(a, b))
    )
    write_bytes(target, NEW)
    assert calls == ["fsync", "replace"]


def test_a_fifo_is_written_through_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/stdout` or a named pipe: a special file is written to, never replaced by a
    regular file (as root, replacing /dev/stdout would break the system's)."""
    fifo = tmp_path / "pipe.xml"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_bytes(fifo, NEW)
    reader.join(10)
    assert received == [NEW]
    assert fifo.is_fifo()
    assert leftovers(tmp_path) == []


def test_a_symbolic_link_keeps_pointing_to_the_new_file(tmp_path: Path) -> None:
    (tmp_path / "archive").mkdir()
    real = tmp_path / "archive" / "edition.xml"
    real.write_bytes(OLD)
    link = tmp_path / "edition.xml"
    link.symlink_to(real)
    write_bytes(link, NEW)
    assert link.is_symlink() and link.resolve() == real
    assert real.read_bytes() == NEW
    assert leftovers(tmp_path) == leftovers(tmp_path / "archive") == []


# ------------------------------------------------------------------- a real process killed

# A teiforge run that stops between writing its temporary file and renaming it, says so on
# stdout, and waits there to be killed.
PAUSED_RUN = """
import os, sys, time
real_replace = os.replace
def paused(src, dst):
    print("written", flush=True)
    time.sleep(60)
    real_replace(src, dst)
os.replace = paused
from teiforge.cli import run
sys.argv = ["teiforge", *sys.argv[1:]]
run()
"""


def _source(tmp_path: Path) -> Path:
    text = (REPO / "tests" / "cases" / "double_spaced_pages" / "input.txt").read_bytes()
    source = tmp_path / "input.txt"
    source.write_bytes(text)
    return source


@pytest.mark.parametrize(
    ("sent", "code"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGKILL, None)],
    ids=["SIGINT", "SIGTERM", "SIGKILL"],
)
def test_killed_between_write_and_rename(
    tmp_path: Path, target: Path, sent: signal.Signals, code: int | None
) -> None:
    source = _source(tmp_path)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSED_RUN, "encode", str(source), "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "written\n"
    process.send_signal(sent)
    _, stderr = process.communicate(timeout=30)
    assert target.read_bytes() == OLD
    if code is None:  # nothing runs after SIGKILL: the temporary file stays, the target is whole
        assert process.returncode == -signal.SIGKILL
        assert [name.startswith(".edition.xml.") for name in leftovers(tmp_path)] == [True]
    else:  # Ctrl-C: click ends the terminal's line "^C" on stderr, and nothing more
        assert (process.returncode, stderr) == (code, "\n" if sent == signal.SIGINT else "")
        assert leftovers(tmp_path) == []


def test_killed_at_any_moment_the_target_is_old_or_new(tmp_path: Path, target: Path) -> None:
    """SIGKILL at several moments of a run that encodes a large text: each time, the target is
    either the old file or the whole new one."""
    lines = (REPO / "tests" / "cases" / "double_spaced_pages" / "input.txt").read_text(
        "utf-8"
    ) * 150
    source = tmp_path / "big.txt"
    source.write_text(lines, encoding="utf-8")
    new = encode(
        source_from_bytes(source.read_bytes(), "big.txt"), EncodeOptions(date="2026-01-01")
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    seen = set()
    for delay in (0.05, 0.2, 0.4, 0.8, 1.6, 30.0):
        target.write_bytes(OLD)
        process = subprocess.Popen(
            [sys.executable, "-m", "teiforge", "encode", str(source), "-o", str(target)], env=env
        )
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        content = target.read_bytes()
        assert content in (OLD, new)
        seen.add(content == new)
        for name in leftovers(tmp_path):
            (tmp_path / name).unlink()
    assert True in seen  # the last run, given time, finished
