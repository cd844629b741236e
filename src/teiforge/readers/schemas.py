"""The OCR formats' own schemas, shipped in the package (data/schemas, catalog.tsv).

A file whose root namespace has a schema in the catalog is checked against it; a schema's
imports and includes are looked up in the catalog by location and never fetched (a
location it does not list is refused). Engines often write slightly invalid files that
read well (a missing Metadata/Created, an attribute of a later version): a problem is a
warning naming the file, the first problem and how many there are, and the file is read
as far as the reader can go; only what the reader cannot read is an error.

Shipped: PAGE 2016 to 2019, ALTO v2, v3 (3.1) and v4 (4.3), and the XLink schema ALTO
imports; not PAGE 2013 (no packaged source: docs/input-formats.md).

passes: a PAGE 2019 or ALTO v4 file valid against its schema (no warning);
fails: a PAGE 2019 TextLine without Coords -> "not valid PAGE 2019-07-15 (line 9: ...)".
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from lxml import etree

log = logging.getLogger(__name__)
FOLDER = Path(str(files("teiforge") / "data" / "schemas"))
CATALOG = FOLDER / "catalog.tsv"
_CLARK = re.compile(r"\{[^}]*\}")  # a namespace in lxml's messages: the file's own, noise


@dataclass(frozen=True)
class Entry:
    namespace: str
    location: str
    file: Path
    name: str


@functools.cache
def catalog() -> dict[str, Entry]:
    """Namespace -> the shipped schema of that namespace."""
    entries = {}
    for row in CATALOG.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            namespace, location, file, name = row.split("\t")
            entries[namespace] = Entry(namespace, location, FOLDER / file, name)
    return entries


class _Local(etree.Resolver):
    """Every file a schema names is one of the catalog's, by location; nothing else opens."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> object:
        for entry in catalog().values():
            if system_url in (entry.location, entry.file.name, str(entry.file)):
                return self.resolve_filename(str(entry.file), context)
        raise LookupError(f"schema location not in the catalog: {system_url}")


@functools.cache
def _schema(namespace: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_Local())
    entry = catalog()[namespace]
    tree = etree.parse(str(entry.file), parser)
    return etree.XMLSchema(tree)


def problems(root: etree._Element, namespace: str) -> list[str]:
    """What the shipped schema of `namespace` finds wrong with the tree of `root` (nothing
    when teiforge ships no schema for it), each as `line N: message`."""
    if namespace not in catalog():
        return []
    schema = _schema(namespace)
    if schema.validate(root.getroottree()):
        return []
    return [f"line {e.line}: {_CLARK.sub('', e.message)}" for e in schema.error_log]


def check(root: etree._Element, namespace: str, where: object) -> None:
    """Warn, in one line, when a file is not valid against its format's shipped schema."""
    found = problems(root, namespace)
    if found:
        more = f"; {len(found)} problems" if len(found) > 1 else ""
        name = catalog()[namespace].name
        log.warning("%s: not valid %s (%s%s); read as far as it goes", where, name, found[0], more)
