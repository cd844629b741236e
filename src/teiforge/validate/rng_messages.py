"""libxml2's RELAX NG errors in plain words, each placed on the element it is about.

libxml2 reports a node path (`/*/*[2]/*[1]`) with column 0 and terse messages, some of
them empty of names ("Expecting an element , got nothing"). The table below rewrites the
messages it is known to give; any other passes through unchanged.
"""

from __future__ import annotations

import re

from lxml import etree

from ..model import Diagnostic
from .document import Document
from .words import display_name

CODE = "RNG"

# libxml2 message -> ours, tried in order. `{here}` is the element libxml2 points at; the
# other fields are the message's named groups.
REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), words)
    for p, words in [
        (
            r"Expecting an element , got nothing",
            'element "{here}" is incomplete: a required child element is missing',
        ),
        (
            r"Expecting an element (?P<a>\S+), got nothing",
            'element "{here}" is incomplete: expected "{a}"',
        ),
        (
            r"Expecting element (?P<a>\S+), got (?P<b>\S+)",
            'element "{b}" is not allowed here; expected "{a}"',
        ),
        (r"Did not expect element (?P<a>\S+) there", 'element "{a}" is not allowed here'),
        (r"Extra element (?P<a>\S+) in interleave", 'element "{a}" is not allowed here'),
        (
            r"Element (?P<a>\S+) has extra content: (?P<b>\S+)",
            'element "{b}" is not allowed in "{a}"',
        ),
        (
            r"Did not expect text in element (?P<a>\S+) content",
            'element "{a}" cannot hold text here, only child elements',
        ),
        (
            r"Element (?P<a>\S+) failed to validate attributes",
            'an attribute of "{a}" is not allowed or has a value that is not valid',
        ),
        (r"Element (?P<a>\S+) failed to validate content", 'the content of "{a}" is not valid'),
        (
            r"Invalid sequence in interleave",
            'the child elements of "{here}" are not in an allowed order',
        ),
        (
            r"Expecting a namespace for element (?P<a>\S+)",
            'element "{a}" is in no namespace; it should be in one',
        ),
        (
            r"Element (?P<a>\S+) has wrong namespace: expecting (?P<b>\S+)",
            'element "{a}" is in the wrong namespace; expected {b}',
        ),
    ]
]
_INVALID_ATTRIBUTE = re.compile(r"Invalid attribute (?P<a>\S+) for element (?P<b>\S+)")


def diagnostics(document: Document, errors: etree._ListErrorLog) -> list[Diagnostic]:
    result = []
    for entry in errors:
        element = _node(document.tree, entry.path)
        if element is None:
            result.append(Diagnostic(CODE, entry.message, document.file, entry.line, entry.column))
            continue
        message, attribute = rewrite(entry.message, element)
        result.append(document.diagnostic(CODE, element, message, attribute))
    return result


def rewrite(message: str, element: etree._Element) -> tuple[str, str | None]:
    """(readable message, Clark name of the attribute it is about, if any)."""
    message = message.strip()
    found = _INVALID_ATTRIBUTE.fullmatch(message)
    if found is not None:
        return _attribute(found["a"], element)
    for pattern, words in REWRITES:
        found = pattern.fullmatch(message)
        if found is not None:
            return words.format(here=display_name(element.tag), **found.groupdict()), None
    return message, None


def _attribute(local: str, element: etree._Element) -> tuple[str, str | None]:
    """libxml2 says "Invalid attribute" both for an attribute the element may not have and
    for one whose value is wrong, and gives only the local name."""
    name = display_name(element.tag)
    attribute = next((key for key in element.attrib if etree.QName(key).localname == local), None)
    if attribute is None:
        return f'attribute "{local}" is not allowed on "{name}"', None
    value = element.get(attribute)
    message = (
        f'attribute "{display_name(attribute)}" is not allowed on "{name}", '
        f'or its value "{value}" is not valid there'
    )
    return message, attribute


def _node(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    node = found[0] if isinstance(found, list) and found else None
    if isinstance(node, etree._Element) and isinstance(node.tag, str):
        return node
    parent = getattr(node, "getparent", None)
    return parent() if parent is not None else None
