"""Results of earlier runs, so that a re-run (in CI: with the cache folder restored) checks
only the files whose content, schemas or validator changed.

A file's result is stored under sha256(validator, schemas, rules, content): `validator`
is teiforge's version with the bytes of the validation code and the versions of lxml,
libxml2 and xmlschema (so an upgrade, or a local edit, never serves a stale result);
`schemas` the fingerprints of the schemas the file is checked against (their bytes and
those of every local file they include); `rules` the integrity rules that run; `content`
the sha256 of the file's bytes. Its name is not in the key: its diagnostics are stored
without it and take the name the file has in the run that reads them.

One JSON file (never a pickle: a restored cache is data, never code to run), written
atomically at the end of a run; at most MAX_ENTRIES results, the least recently used dropped
first. A cache that cannot be read is ignored; one that cannot be written is said, once, as
a warning.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from lxml import etree

from .. import __version__
from ..atomic import write_bytes
from ..errors import InputError
from ..model import Diagnostic, Severity

logger = logging.getLogger(__name__)

FORMAT = 1
FILE_NAME = "results.json"
MAX_ENTRIES = 100_000
DEFAULT_FOLDER = Path(".teiforge-cache")

Entry = list[list[Any]]  # [code, message, line, column, xpath, severity] per diagnostic


@cache
def validator_fingerprint() -> str:
    """What the validator is: versions, and the bytes of its code."""
    digest = hashlib.sha256()
    for part in (__version__, etree.LXML_VERSION, etree.LIBXML_VERSION):
        digest.update(repr(part).encode())
    digest.update(_module_bytes("xmlschema"))
    package = resources.files("teiforge")
    sources = [package / "xmlsafe.py", *_python_files(package / "validate")]
    for source in sorted(sources, key=str):
        digest.update(str(source).encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()


def _python_files(folder: Traversable) -> Iterable[Traversable]:
    for item in folder.iterdir():
        if item.is_dir():
            yield from _python_files(item)
        elif item.name.endswith(".py"):
            yield item


def _module_bytes(name: str) -> bytes:
    """The bytes of a module's file, found without importing it (xmlschema's carry its
    version): importing it, or importlib.metadata, would double a warm run's start-up."""
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        return b""
    return Path(spec.origin).read_bytes()


def result_key(schemas: str, rules: Iterable[str], content: str) -> str:
    parts = [str(FORMAT), validator_fingerprint(), schemas, ",".join(rules), content]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


class ResultCache:
    """The results a folder holds; `folder=None` is a cache that keeps nothing."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / "validate" / FILE_NAME if folder is not None else None
        self._entries: dict[str, Entry] = self._read() if self.path is not None else {}
        self._changed = False

    def get(self, key: str, file: str) -> list[Diagnostic] | None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return None
        self._entries[key] = entry  # most recently used last
        try:
            return [
                Diagnostic(str(c), str(m), file, int(ln), int(col), str(x), Severity(s))
                for c, m, ln, col, x, s in entry
            ]
        except (TypeError, ValueError):
            return None  # an entry that is not ours: checked again, and replaced

    def put(self, key: str, diagnostics: Iterable[Diagnostic]) -> None:
        if self.path is None:
            return
        self._entries.pop(key, None)
        self._entries[key] = [
            [d.code, d.message, d.line, d.column, d.xpath, d.severity.value] for d in diagnostics
        ]
        self._changed = True

    def save(self) -> None:
        if self.path is None or not self._changed:
            return
        entries = dict(list(self._entries.items())[-MAX_ENTRIES:])
        data = json.dumps({"format": FORMAT, "results": entries}, separators=(",", ":"))
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(self.path, data.encode("utf-8"))
        except (OSError, InputError) as error:
            logger.warning("cannot write the validation cache %s (%s)", self.path, error)
        self._changed = False

    def _read(self) -> dict[str, Entry]:
        assert self.path is not None
        try:
            data = json.loads(self.path.read_bytes())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            logger.warning("ignoring the validation cache %s (%s)", self.path, error)
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        results = data.get("results")
        return results if isinstance(results, dict) else {}
