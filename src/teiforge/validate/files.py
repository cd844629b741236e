"""Which files a run checks: files as given, folders searched for *.xml, globs expanded.
Names are kept as strings (a run of thousands of files spends more on Path objects than on
reading the cache)."""

from __future__ import annotations

import glob
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError

_GLOB_CHARACTERS = frozenset("*?[")


def collect_files(paths: Sequence[Path | str]) -> list[Path]:
    return [Path(name) for name in collect(paths)]


def collect(paths: Sequence[Path | str]) -> list[str]:
    """Each path that is a file, as given; each folder, its *.xml files at any depth in
    sorted order (symbolic links to folders are not followed); each glob that names no
    existing path (`tei/**/*.xml`, quoted so the shell leaves it), the files it matches in
    sorted order (`**` spans folders). A file named twice is checked once, where first named."""
    found: list[str] = []
    for path in paths:
        name = str(path)
        if os.path.isdir(name):
            found.extend(_xml_files(name))
        elif os.path.exists(name):
            found.append(name)
        elif _GLOB_CHARACTERS & set(name):
            files = [m for m in sorted(glob.glob(name, recursive=True)) if os.path.isfile(m)]
            if not files:
                raise InputError(path, "no file matches this pattern")
            found.extend(files)
        else:
            raise InputError(path, _missing(name))
    return list(dict.fromkeys(found))


def _missing(name: str) -> str:
    """Why a path cannot be had: a folder on the way that cannot be entered, or nothing."""
    try:
        os.stat(name)
    except PermissionError:
        return "cannot read (permission denied)"
    except OSError:
        pass
    return "no such file or folder"


def _unlistable(error: OSError) -> None:
    raise InputError(error.filename, f"cannot list folder ({error.strerror})")


def _xml_files(folder: str) -> list[str]:
    files: list[str] = []
    for parent, folders, names in os.walk(folder, onerror=_unlistable):
        folders.sort()
        files.extend(os.path.join(parent, name) for name in names if name.endswith(".xml"))
    return sorted(files, key=lambda name: name.split(os.sep))
