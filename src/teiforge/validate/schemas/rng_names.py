"""RELAX NG name classes: which element or attribute names a pattern accepts, and how that
is said to a user. A name class is a tuple: ("name", ns, local), ("any", except),
("ns", ns, except) or ("choice", a, b), `except` being a name class or None."""

from __future__ import annotations

from typing import Any

from lxml import etree

from ..words import display_name

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NameClass = tuple[Any, ...]


def rng(local: str) -> str:
    return f"{{{RNG_NS}}}{local}"


def inherited_ns(node: etree._Element) -> str:
    """The `ns` in force at a node: its own or its nearest ancestor's (RELAX NG 4.10)."""
    current: etree._Element | None = node
    while current is not None:
        value = current.get("ns")
        if value is not None:
            return value
        current = current.getparent()
    return ""


def of_pattern(node: etree._Element) -> NameClass | None:
    """The name class of an `element` or `attribute` pattern, or None when it has none."""
    name = node.get("name")
    if name is not None:
        if ":" in name:
            return ("name", *_qualified(node, name))
        is_attribute = node.tag == rng("attribute")
        return ("name", node.get("ns", "") if is_attribute else inherited_ns(node), name)
    for child in node:
        if isinstance(child.tag, str) and child.tag in _NAME_CLASS_TAGS:
            return _name_class(child)
    return None


_NAME_CLASS_TAGS = {rng("name"), rng("anyName"), rng("nsName"), rng("choice")}


def _name_class(node: etree._Element) -> NameClass | None:
    tag = node.tag
    if tag == rng("name"):
        text = (node.text or "").strip()
        if ":" in text:
            return ("name", *_qualified(node, text))
        return ("name", inherited_ns(node), text)
    exception = None
    for child in node:
        if child.tag == rng("except"):
            parts = [_name_class(c) for c in child if isinstance(c.tag, str)]
            exception = _choice([p for p in parts if p is not None])
    if tag == rng("anyName"):
        return ("any", exception)
    if tag == rng("nsName"):
        return ("ns", inherited_ns(node), exception)
    if tag == rng("choice"):
        return _choice([c for c in map(_name_class, node) if c is not None])
    return None


def _qualified(node: etree._Element, name: str) -> tuple[str, str]:
    """A prefixed name's (namespace, local name); `xml:` is bound without a declaration."""
    prefix, local = name.split(":", 1)
    return (XML_NS if prefix == "xml" else node.nsmap.get(prefix) or ""), local


def _choice(parts: list[NameClass]) -> NameClass | None:
    if not parts:
        return None
    result = parts[0]
    for part in parts[1:]:
        result = ("choice", result, part)
    return result


def matches(name_class: NameClass | None, ns: str, local: str) -> bool:
    if name_class is None:
        return False
    kind = name_class[0]
    if kind == "name":
        return name_class[1] == ns and name_class[2] == local
    if kind == "any":
        return not matches(name_class[1], ns, local)
    if kind == "ns":
        return name_class[1] == ns and not matches(name_class[2], ns, local)
    return matches(name_class[1], ns, local) or matches(name_class[2], ns, local)


def split(clark: str) -> tuple[str, str]:
    """A Clark name as (namespace, local name)."""
    qname = etree.QName(clark)
    return qname.namespace or "", qname.localname


def names(name_class: NameClass | None) -> list[str]:
    """The name class in words, one entry per alternative: `p`, `xml:id`, `any element`."""
    if name_class is None:
        return []
    kind = name_class[0]
    if kind == "name":
        ns, local = name_class[1], name_class[2]
        return [display_name(f"{{{ns}}}{local}" if ns else local)]
    if kind == "any":
        exception = name_class[1]
        if exception is not None and exception[0] == "ns":
            return [f"any element outside the namespace {exception[1] or '(none)'}"]
        return ["any element"]
    if kind == "ns":
        return [f"any element in the namespace {name_class[1] or '(none)'}"]
    return names(name_class[1]) + names(name_class[2])
