"""Safe XML parsing for every XML input teiforge reads (validate, html, text).

No network, no DTD loaded, no external entity resolved. A document that declares entities
(the vehicle of XXE and expansion bombs) is refused before libxml2 can expand anything,
but for one exception that legacy TEI (P4, the TEI's own test files) needs: an internal
subset whose entity declarations are all plain text (`<!ENTITY mdash '---'>`: no reference,
no markup, no parameter or external entity), within a size bound, is read with them
expanded. The check reads the document in its own encoding
(UTF-16, UTF-32, UTF-7... hide `<!ENTITY` from a byte search), a resolver refuses every
file or URL libxml2 would open, and the parsed tree is checked again for a DTD. Problems
come back as XmlProblem, with line and column, never as lxml exceptions.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

# A DOCTYPE that declares entities, or points to an external DTD (SYSTEM/PUBLIC).
_DOCTYPE = re.compile(r"<!DOCTYPE\b", re.IGNORECASE)
_ENTITY = re.compile(r"<!ENTITY\b")
_EXTERNAL_ID = re.compile(r"<!DOCTYPE\s+[^\s>\[]+\s+(SYSTEM|PUBLIC)\b")
# Byte-order marks, longest first (the UTF-32 LE mark begins like the UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# The internal subset of a DOCTYPE, item by item (plain-text entities, other declarations,
# comments, processing instructions, white space), up to its closing "]".
_SUBSET_START = re.compile(r"<!DOCTYPE\s+[^\s>\[]+\s*\[")
_PLAIN_ENTITY = re.compile(r"""<!ENTITY\s+([^\s%"'>]+)\s+(?:"([^"&%<]*)"|'([^'&%<]*)')\s*>""")
_SUBSET_ITEM = re.compile(
    r"""\s+|<!--.*?-->|<\?.*?\?>|<!(?:ELEMENT|ATTLIST|NOTATION)\b(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.DOTALL,
)
MAX_ENTITIES = 2_000  # plain-text entities one document may declare
MAX_EXPANSION = 8 << 20  # characters their references may add to the document
_DECLARED = re.compile(rb"""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")
_ENTITY_MESSAGE = "entity declarations are not allowed (XXE and entity-expansion risk)"
_EXTERNAL_MESSAGE = "a DOCTYPE pointing to an external DTD is not allowed (it is never fetched)"


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


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _as_text(data: bytes) -> str:
    """The document decoded as a parser would (its byte-order mark, else its declared
    encoding, else UTF-8), for the checks; bytes that do not decode are left to the parser."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _DECLARED.match(data)
    if declared is not None:
        try:
            return data.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass  # an encoding Python does not know: the resolver and _check_tree still hold
    return data.decode("utf-8", errors="replace")


class _OpenNothing(etree.Resolver):
    """Whatever libxml2 would load (an external DTD, an entity), it gets nothing: no file
    is opened, no URL fetched, whatever the parser's options."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        return self.resolve_string("", context)


def _parser(expand: bool = False) -> etree.XMLParser:
    """The safe parser; `expand`: internal entities (checked to be plain text) expanded."""
    parser = etree.XMLParser(
        resolve_entities="internal" if expand else False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
        collect_ids=False,  # a duplicate xml:id is a finding of validate, not a parse error
    )
    parser.resolvers.add(_OpenNothing())
    return parser


def check_bytes(data: bytes) -> None:
    """Refuse what is not text XML or could reach outside the file, before parsing."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise XmlProblem("binary", "not XML: binary content")
    text = _as_text(data)
    doctype = _DOCTYPE.search(text)
    if doctype is None:
        return
    line, column = _line_col(text, doctype.start())
    entity = _ENTITY.search(text, doctype.start())
    if entity is not None and plain_entities(text) is None:
        raise XmlProblem("entity", _ENTITY_MESSAGE, *_line_col(text, entity.start()))
    if _EXTERNAL_ID.search(text, doctype.start()):
        raise XmlProblem("external-dtd", _EXTERNAL_MESSAGE, line, column)


def plain_entities(text: str) -> dict[str, str] | None:
    """The entities of the document's internal subset when every entity it declares is
    plain text and their expansion stays within bounds; None when any is not (a parameter
    or external entity, a reference or markup in a value, too many, too much text)."""
    start = _SUBSET_START.search(text)
    if start is None:
        return None
    entities: dict[str, str] = {}
    position = start.end()
    while position < len(text) and text[position] != "]":
        item = _PLAIN_ENTITY.match(text, position)
        if item is not None:
            value = item.group(2) if item.group(2) is not None else item.group(3)
            entities.setdefault(item.group(1), value)  # the first declaration binds (XML 4.2)
        else:
            item = _SUBSET_ITEM.match(text, position)
            if item is None or item.end() == position:
                return None  # any other entity declaration, or what cannot be read
        position = item.end()
    if position >= len(text) or len(entities) > MAX_ENTITIES:
        return None
    added = sum(text.count(f"&{name};") * len(value) for name, value in entities.items())
    return entities if added <= MAX_EXPANSION else None


def _check_tree(tree: etree._ElementTree, plain: bool = False) -> None:
    """What the byte checks could not see (an encoding Python does not know): the parser's
    own account of the DOCTYPE."""
    docinfo = tree.docinfo
    if docinfo.system_url or docinfo.public_id:
        raise XmlProblem("external-dtd", _EXTERNAL_MESSAGE)
    dtd = docinfo.internalDTD
    if dtd is not None and any(not (plain and _is_plain(e)) for e in dtd.entities()):
        raise XmlProblem("entity", _ENTITY_MESSAGE)


def _is_plain(entity: etree._DTDEntityDecl) -> bool:
    """The parser's own account of an entity agrees that it is plain text."""
    content = entity.content or ""
    return entity.system_url is None and not any(c in content for c in "&%<")


def parse_bytes(data: bytes, base_url: str | None = None) -> etree._ElementTree:
    """Parse XML safely; raise XmlProblem on anything unsafe or not well-formed."""
    check_bytes(data)
    if not data.strip():  # libxml2 would place it at column 2 of an empty line
        raise XmlProblem("not-well-formed", "not well-formed: the file is empty", 1, 1)
    plain = b"<!ENTITY" in data or _ENTITY.search(_as_text(data)) is not None
    try:
        root = etree.fromstring(data, _parser(expand=plain), base_url=base_url)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (0, 0)
        message = error.msg or str(error)
        # libxml2 appends ", line N, column M" to its own message: the position is ours to say
        message = re.sub(r",? line \d+, column \d+$", "", message)
        raise XmlProblem(
            "not-well-formed", f"not well-formed: {message}", line, column + 1
        ) from None
    tree = root.getroottree()
    _check_tree(tree, plain)
    return tree


def parse_file(path: Path) -> etree._ElementTree:
    """Read and parse a file safely. OSError is left to the caller (it is an I/O error, not
    a finding about the file's content)."""
    return parse_bytes(path.read_bytes(), base_url=str(path))
