"""Which schemas a document declares: its `<?xml-model?>` instructions (W3C, "Associating
Schemas with XML documents"), read from the prolog without parsing the document.

A declaration is used when its href is a local file (relative to the document) of a kind
teiforge runs: RELAX NG, XML Schema, or Schematron (a .sch, or the rules a .rng embeds).
One that cannot be used (on the network, RELAX NG compact syntax, an unknown kind) is
reported as a warning (TF005), and never fetched. A document that declares no usable schema
is checked against teiforge's own.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import Diagnostic, Severity
from .schemas.source import local_target

CODE = "TF005"

SCHEMA_NAMESPACES = {
    "http://relaxng.org/ns/structure/1.0": "rng",
    "http://www.w3.org/2001/XMLSchema": "xsd",
    "http://purl.oclc.org/dsdl/schematron": "sch",
    "http://www.ascc.net/xml/schematron": "sch",
}
TYPES = {"application/relax-ng-compact-syntax": "rnc"}
SUFFIXES = {".rng": "rng", ".xsd": "xsd", ".sch": "sch", ".rnc": "rnc"}

# The prolog: what may come before the root element's start tag.
_PROLOG_ITEM = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>", re.DOTALL)
_PSEUDO_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True)
class Declared:
    """One usable declaration: the schema's local path and kind."""

    path: Path
    kind: str
    href: str
    line: int
    column: int


def declared_schemas(data: bytes, file: str) -> tuple[list[Declared], list[Diagnostic]]:
    """The schemas the document's xml-model instructions declare, and a warning for each
    declaration that cannot be used."""
    usable: list[Declared] = []
    warnings: list[Diagnostic] = []
    for line, column, attributes in _xml_models(data):
        href = attributes.get("href", "")
        kind = _kind(attributes, href)
        problem = None
        target = local_target(href, Path(file).absolute()) if href else None
        if not href:
            problem = "xml-model declares no href"
        elif target is None:
            problem = (
                f'xml-model schema "{href}" is on the network and is never fetched; '
                "pass a local copy with --schema"
            )
        elif kind == "rnc":
            problem = (
                f'xml-model schema "{href}" is RELAX NG compact syntax, which teiforge does not '
                "read; pass its XML form (.rng) with --schema"
            )
        elif kind is None:
            problem = (
                f'xml-model schema "{href}" is of a kind teiforge does not run '
                "(RELAX NG, XML Schema, Schematron)"
            )
        if problem is not None:
            warnings.append(Diagnostic(CODE, problem, file, line, column, "", Severity.WARNING))
            continue
        assert target is not None and kind is not None
        usable.append(Declared(target, kind, href, line, column))
    return usable, warnings


def _kind(attributes: dict[str, str], href: str) -> str | None:
    namespace = attributes.get("schematypens")
    if namespace is not None:
        return SCHEMA_NAMESPACES.get(namespace)
    kind = TYPES.get(attributes.get("type", ""))
    return kind or SUFFIXES.get(Path(href.split("#")[0].split("?")[0]).suffix.lower())


def _xml_models(data: bytes) -> list[tuple[int, int, dict[str, str]]]:
    """(line, column, pseudo-attributes) of each xml-model instruction of the prolog (the
    items before the root element; one in a comment is no instruction)."""
    codec = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if codec is None and b"<?xml-model" not in data[: 1 << 16]:
        return []  # the common case, said without decoding anything
    head = data[: 1 << 16].decode(codec or "utf-8", errors="replace").lstrip("\ufeff")
    found = []
    position = 0
    while (item := _PROLOG_ITEM.match(head, position)) is not None and item.end() > position:
        position = item.end()
        text = item.group(0)
        if not re.match(r"<\?xml-model\s", text):
            continue
        attributes = {
            m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _PSEUDO_ATTRIBUTE.finditer(text[len("<?xml-model") : -2])
        }
        line = head.count("\n", 0, item.start()) + 1
        column = item.start() - (head.rfind("\n", 0, item.start()) + 1) + 1
        found.append((line, column, attributes))
    return found
