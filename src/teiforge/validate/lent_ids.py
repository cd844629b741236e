"""The xml:ids a document's pointers may name beyond its own, which TF101 (pointer.resolves)
reads: a corpus is more than one file.

- `shared_ids` (configuration): files whose ids every document may name with a bare `#id`
  (an index of persons or places).
- An XInclude driver (a document with local `xi:include href="part.xml"`): the ids of what
  it includes (recursively), so the assembled edition is one document; and each file it
  includes may name the ids of the whole assembly.
- `file.xml#id`: resolved against that file (relative to the document) when it exists.

Every file is read with the safe parser (nothing fetched, no external entity); a file that
cannot be read or parsed lends nothing (its own run reports it).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from ..xmlsafe import XmlProblem, parse_bytes
from .schemas.source import local_target

__all__ = ["XINCLUDE_NS", "assembly", "ids_of", "included", "local_target", "read", "shared"]

XINCLUDE_NS = b"http://www.w3.org/2001/XInclude"
_INCLUDE = re.compile(rb"""<(?:[\w.-]+:)?include\b((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(rb"""\s([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# A pointer into another document of the corpus: `persons.xml#MD` (no scheme).
DOCUMENT_POINTER = re.compile(r"^(?![a-zA-Z][\w+.-]*:)([^#\s]+\.xml)#(\S+)$")
_DOCUMENT_POINTERS = re.compile(rb"""["'\s]([^"'\s#<>:]+\.xml)#""")
_IDS = etree.XPath("//@xml:id")

# this process's reads, by file: (its modification time and size, bytes, ids)
_READ: dict[Path, tuple[tuple[int, int], bytes, frozenset[str] | None]] = {}


def _read(path: Path) -> tuple[bytes, frozenset[str] | None]:
    """A file's bytes and its ids (None when it cannot be parsed), read again only when it
    changed (a process that validates again, a build, a test session)."""
    try:
        status = path.stat()
    except OSError:
        return b"", None
    stamp = (status.st_mtime_ns, status.st_size)
    known = _READ.get(path)
    if known is None or known[0] != stamp:
        try:
            data = path.read_bytes()
        except OSError:
            return b"", None
        try:
            ids: frozenset[str] | None = frozenset(str(v) for v in _IDS(parse_bytes(data)))
        except XmlProblem:
            ids = None
        known = _READ[path] = (stamp, data, ids)
    return known[1], known[2]


def read(path: Path) -> bytes:
    return _read(path.resolve())[0]


def ids_of(path: Path) -> frozenset[str] | None:
    return _read(path.resolve())[1]


def included(data: bytes, file: Path) -> list[tuple[Path, bool]]:
    """The local XML files a document's xi:include elements name (nothing on the network),
    each with whether it is included whole (no xpointer: the file is a part of the edition)
    or only in part (an xpointer: the file is also a document of its own)."""
    if XINCLUDE_NS not in data:
        return []
    found = []
    for match in _INCLUDE.finditer(data):
        attributes = {
            name: (double if double is not None else single) or b""
            for name, double, single in _ATTRIBUTE.findall(match.group(1))
        }
        if attributes.get(b"parse", b"xml") != b"xml":
            continue  # text, not a document with ids
        href = attributes.get(b"href", b"").decode("utf-8", "replace")
        target = local_target(href.split("#")[0], file.absolute()) if href else None
        if target is not None and target.is_file():
            found.append((target, b"xpointer" not in attributes))
    return found


def assembly(data: bytes, file: Path) -> tuple[frozenset[str], list[Path]]:
    """The ids of everything a driver includes, at any depth, and the files it includes
    whole (its parts). A file included only in part lends all its ids (a pointer into the
    rest of it is not checked against the fragment)."""
    ids: set[str] = set()
    parts: list[Path] = []
    pending = included(data, file)
    while pending:
        part, whole = pending.pop()
        if part in parts or part == file.resolve():
            continue
        part_data, part_ids = _read(part)
        ids |= part_ids or set()
        if whole:
            parts.append(part)
            pending.extend(included(part_data, part))
    return frozenset(ids), parts


def shared(paths: Iterable[Path]) -> frozenset[str]:
    """The ids of the configuration's shared_ids files."""
    found: set[str] = set()
    for path in paths:
        found |= ids_of(path) or set()
    return frozenset(found)


def referenced_digest(data: bytes, file: Path) -> str:
    """A digest of the files a document's `file.xml#id` pointers name (for the cache key:
    a result that read them is stale once they change)."""
    if b".xml#" not in data:
        return ""
    digest = hashlib.sha256()
    for name in sorted(set(_DOCUMENT_POINTERS.findall(data))):
        target = local_target(name.decode("utf-8", "replace"), file.absolute())
        if target is not None and target.is_file():
            digest.update(name + b"\0" + hashlib.sha256(_read(target)[0]).digest())
    return digest.hexdigest()
