"""A schema as a run names it: its file, its kind, and a fingerprint of what it says.

The fingerprint hashes the schema's bytes and those of every local file it includes or
imports (XSD include/import/redefine, RELAX NG include/externalRef), so a cached result is
never reused after any of them changes. Locating a schema reads it; compiling is later,
once per process (see compile.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ...errors import InputError
from ...xmlsafe import XmlProblem, check_bytes

DEFAULT_SCHEMA = "teiforge.xsd"
# TEI's own tei_all (P5 4.12.0, dual-licensed CC-BY 3.0 / BSD-2 by the TEI Consortium),
# gzipped in the package data: the schema of a file that declares none and is not ours.
TEI_ALL = "tei_all.rng.gz"
TEI_ALL_SHOWN = "tei_all.rng (TEI P5 4.12.0)"

# File suffix -> kind. "sch" from a .rng means the Schematron embedded in that RELAX NG.
KINDS = {".xsd": "xsd", ".rng": "rng", ".sch": "sch"}

# Where a schema names another file: XSD schemaLocation, RELAX NG href.
_REFERENCE = re.compile(rb"""\b(?:schemaLocation|href)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True)
class SchemaSource:
    path: Path  # absolute
    kind: str  # "xsd", "rng" or "sch"
    shown: str  # as the user (or the document's xml-model) named it, for messages
    fingerprint: str  # sha256 of kind, bytes, and the bytes of local files it references

    @property
    def embedded(self) -> bool:
        """Schematron rules embedded in a RELAX NG schema (as TEI's ODD-made schemas hold)."""
        return self.kind == "sch" and self.path.suffix.lower() == ".rng"


def default_schema() -> SchemaSource:
    """Our customisation, as shipped in the package data."""
    path = Path(str(resources.files("teiforge").joinpath("data", DEFAULT_SCHEMA)))
    return locate(path, DEFAULT_SCHEMA)


def tei_all_schema() -> SchemaSource:
    """TEI's tei_all, as shipped (gzipped) in the package data."""
    path = Path(str(resources.files("teiforge").joinpath("data", TEI_ALL)))
    return locate(path, TEI_ALL_SHOWN, "rng")


def locate(path: Path, shown: str | None = None, kind: str | None = None) -> SchemaSource:
    """The schema at `path` (kind from its suffix unless given), read and fingerprinted.
    InputError when it is missing, unreadable or of an unknown kind."""
    shown = shown if shown is not None else str(path)
    kind = kind or KINDS.get(path.suffix.lower())
    if kind is None:
        raise InputError(shown, "cannot load schema: unknown kind (expected .xsd, .rng or .sch)")
    if not path.is_file():
        raise InputError(shown, "cannot load schema: no such file")
    absolute = path.resolve()
    digest = hashlib.sha256(kind.encode())
    for data in _with_references(absolute, shown):
        digest.update(hashlib.sha256(data).digest())
    return SchemaSource(absolute, kind, shown, digest.hexdigest())


def _with_references(path: Path, shown: str) -> list[bytes]:
    """The bytes of the schema, then of each local file it references, depth first, each
    once. A reference that is not a local file is left for the compiler to judge."""
    seen: set[Path] = set()
    found: list[bytes] = []
    pending = [path]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            data = current.read_bytes()
        except OSError as error:
            if current == path:
                raise InputError(shown, f"cannot load schema: {error.strerror}") from None
            continue
        if current != path:  # the schema itself gets the safe parser's full verdict later
            try:
                check_bytes(data)
            except XmlProblem as problem:
                raise InputError(shown, f"cannot load schema: {current}: {problem}") from None
        found.append(data)
        for match in _REFERENCE.finditer(data):
            target = local_target(
                (match.group(1) or match.group(2) or b"").decode("utf-8", "replace"), current
            )
            if target is not None and target.is_file():
                pending.append(target)
    return found


def local_target(href: str, base: Path) -> Path | None:
    """`href` as a local path (relative to the folder of `base`), or None when it names a
    resource on the network (or in no scheme a file can have)."""
    parts = urlsplit(href)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # http:, urn:... (a Windows drive is one letter)
        return None
    if not href:
        return None
    return (base.parent / unquote(parts.path) if parts.scheme == "" else Path(href)).resolve()
