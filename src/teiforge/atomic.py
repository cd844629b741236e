"""Atomic writes: a temporary file beside the target, flushed to disk, then a rename, so a
reader (or an interrupted run, even a crash of the machine) sees the old file or the new one,
never half of one."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from .errors import InputError


def _check_folder(directory: Path) -> None:
    try:
        mode = directory.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(directory, "output folder does not exist") from None
    except OSError as error:
        raise InputError(directory, f"cannot write here ({error.strerror})") from None
    if not stat.S_ISDIR(mode):
        raise InputError(directory, "is a file, not a folder")


def _special(path: Path) -> bool:
    """A target that exists and is not a regular file (a FIFO, /dev/stdout, /dev/null): it
    is written through, never replaced by a file."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_bytes(path: Path, data: bytes) -> None:
    if _special(path):
        try:
            with path.open("wb") as handle:
                handle.write(data)
        except OSError as error:
            raise InputError(path, f"cannot write ({error.strerror})") from None
        return
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points to, and keep the link
    directory = path.parent if str(path.parent) else Path(".")
    _check_folder(directory)
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(directory, f"cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())  # the bytes on disk before the name points to them
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(path, f"cannot write ({error.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
