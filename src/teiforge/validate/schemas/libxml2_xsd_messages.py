"""libxml2's XML Schema errors in the words xsd_messages uses for xmlschema's.

Used when xmlschema cannot say more (it could not build the schema, or found nothing
where libxml2 did). libxml2's messages name the element and attribute and list what was
expected; they only need its Clark names and phrasing replaced.
"""

from __future__ import annotations

import re

from lxml import etree

from ...model import Diagnostic
from ..document import Document
from ..words import display_name, expected
from .types import BUILTIN_WORDS

CODE = "XSD"

_SUBJECT = re.compile(r"Element '(?P<element>[^']+)'(?:, attribute '(?P<attribute>[^']+)')?: ")
_CLARK = re.compile(r"\{[^}]*\}[\w.-]+")
_EXPECTED = re.compile(r"Expected is (?:one of )?\( (?P<names>.*?) \)")
_ENUMERATION = re.compile(r"\[facet 'enumeration'\] The value '(?P<v>.*)' is not an element of")
_SET = re.compile(r"the set \{(?P<set>.*)\}")
_ATOMIC = re.compile(r"'(?P<v>.*)' is not a valid value of the (?P<kind>.*?)type '(?P<type>[^']+)'")
_FACET = re.compile(r"\[facet '\w+'\] The value '(?P<v>.*?)' (?P<why>.*)\.$")
_NCNAME = re.compile(r"[^\W\d][\w.-]*")


def diagnostics(document: Document, errors: list[etree._LogEntry]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for entry in errors:
        diagnostic = _diagnostic(document, entry)
        if diagnostic is not None and diagnostic not in found:
            found.append(diagnostic)
    return found


def _diagnostic(document: Document, entry: etree._LogEntry) -> Diagnostic | None:
    message = entry.message.strip()
    nodes = document.tree.xpath(entry.path) if entry.path else []
    element = nodes[0] if isinstance(nodes, list) and nodes else None
    subject = _SUBJECT.match(message)
    if not isinstance(element, etree._Element) or subject is None:
        return Diagnostic(CODE, _names(message), document.file, entry.line)
    reason = message[subject.end() :]
    attribute = _attribute_key(element, subject.group("attribute"))
    words = _words(element, attribute, reason)
    if words is None:
        return None
    return document.diagnostic(CODE, element, words, attribute)


def _words(element: etree._Element, attribute: str | None, reason: str) -> str | None:
    name = display_name(element.tag)
    if attribute is not None:
        owner, text = f'attribute "{display_name(attribute)}"', element.get(attribute, "")
    else:
        owner, text = f'element "{name}"', element.text or ""
    wanted = _EXPECTED.search(reason)
    listed = [display_name(n.strip()) for n in wanted.group("names").split(",")] if wanted else []
    if reason.startswith("This element is not expected"):
        return f'element "{name}" is not allowed here' + (f"; {expected(listed)}" if listed else "")
    if reason.startswith("Missing child element"):
        return f'element "{name}" is incomplete' + (f": {expected(listed)}" if listed else "")
    if "is not allowed." in reason and attribute is not None:
        return f'attribute "{display_name(attribute)}" is not allowed on "{name}"'
    if found := re.match(r"The attribute '(?P<a>[^']+)' is required but missing", reason):
        return f'element "{name}" lacks the required attribute "{display_name(found["a"])}"'
    if reason.startswith("Character content other than whitespace is not allowed"):
        return f'element "{name}" cannot hold text here, only child elements'
    if reason.startswith("No matching global declaration"):
        return f'element "{name}" is not declared in the schema as a root element'
    if _ENUMERATION.match(reason):
        members = _SET.search(reason)
        values = re.findall(r"'([^']*)'", members.group("set")) if members else []
        return f'value "{text}" of {owner} is not one of: {", ".join(values)}'
    if found := _ATOMIC.match(reason):
        type_name = found["type"].split(":")[-1]
        if type_name == "ID" and _NCNAME.fullmatch(found["v"]):
            return None  # a repeated xml:id: the rule id.unique (TF102) says it, for every schema
        words = BUILTIN_WORDS.get(type_name)
        if words is not None:
            return f'value "{text}" of {owner} is not {words}'
        return f'value "{text}" of {owner} is not valid ({_names(found["type"])})'
    if found := _FACET.match(reason):
        return f'value "{text}" of {owner} is not valid: it {_names(found["why"])}'
    return f'element "{name}": {_names(reason)}'


def _attribute_key(element: etree._Element, written: str | None) -> str | None:
    """libxml2 names an attribute by its Clark name, or its local name when unqualified."""
    if written is None:
        return None
    if written in element.attrib:
        return written
    return next((key for key in element.attrib if etree.QName(key).localname == written), written)


def _names(text: str) -> str:
    return _CLARK.sub(lambda m: display_name(m.group(0)), text)
