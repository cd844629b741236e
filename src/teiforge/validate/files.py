"""Which files a run checks: files as given, folders searched for *.xml."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError


def collect_files(paths: Sequence[Path]) -> list[Path]:
    """Each path that is a file, as given; each folder, its *.xml files at any depth in
    sorted order (symbolic links to folders are not followed). A file named twice is
    checked once, where first named."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_xml_files(path))
        elif path.exists():
            found.append(path)
        else:
            raise InputError(path, "no such file or folder")
    return list(dict.fromkeys(found))


def _xml_files(folder: Path) -> list[Path]:
    files: list[Path] = []
    for parent, folders, names in os.walk(folder):
        folders.sort()
        files.extend(Path(parent, name) for name in names if name.endswith(".xml"))
    return sorted(files, key=lambda path: path.parts)
