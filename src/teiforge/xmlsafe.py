"""Safe XML parsing for every XML input teiforge reads (validate, html, text).

No network, no DTD loaded, no external entity resolved, and no entity declarations at all:
a document that declares entities (the vehicle of XXE and expansion bombs) is refused
before libxml2 can expand anything. Problems come back as XmlProblem, with line and column,
never as lxml exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

# A DOCTYPE that declares entities, or points to an external DTD (SYSTEM/PUBLIC).
_DOCTYPE = re.compile(rb"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY = re.compile(rb"<!ENTITY\b")
_EXTERNAL_ID = re.compile(rb"<!DOCTYPE\s+[^\s>\[]+\s+(SYSTEM|PUBLIC)\b")


@dataclass(frozen=True)
class XmlProblem(Exception):
    """Why a file could not be parsed: `code` is stable (binary, not-well-formed, entity,
    external-dtd), `message` readable, line and column 1-based where known."""

    code: str
    message: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        return self.message


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    return line, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,  # a duplicate xml:id is a finding of validate, not a parse error
    )


def check_bytes(data: bytes) -> None:
    """Refuse what is not text XML or could reach outside the file, before parsing."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise XmlProblem("binary", "not XML: binary content")
    doctype = _DOCTYPE.search(data)
    if doctype is None:
        return
    line, column = _line_col(data, doctype.start())
    entity = _ENTITY.search(data, doctype.start())
    if entity is not None:
        line, column = _line_col(data, entity.start())
        raise XmlProblem(
            "entity",
            "entity declarations are not allowed (XXE and entity-expansion risk)",
            line,
            column,
        )
    if _EXTERNAL_ID.search(data, doctype.start()):
        raise XmlProblem(
            "external-dtd",
            "a DOCTYPE pointing to an external DTD is not allowed (it is never fetched)",
            line,
            column,
        )


def parse_bytes(data: bytes, base_url: str | None = None) -> etree._ElementTree:
    """Parse XML safely; raise XmlProblem on anything unsafe or not well-formed."""
    check_bytes(data)
    try:
        root = etree.fromstring(data, _parser(), base_url=base_url)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (0, 0)
        message = error.msg or str(error)
        # libxml2 appends ", line N, column M" to its own message: the position is ours to say
        message = re.sub(r",? line \d+, column \d+$", "", message)
        raise XmlProblem(
            "not-well-formed", f"not well-formed: {message}", line, column + 1
        ) from None
    return root.getroottree()


def parse_file(path: Path) -> etree._ElementTree:
    """Read and parse a file safely. OSError is left to the caller (it is an I/O error, not
    a finding about the file's content)."""
    return parse_bytes(path.read_bytes(), base_url=str(path))
