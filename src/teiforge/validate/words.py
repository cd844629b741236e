"""Plain words for messages: how names and lists of names are shown to the user."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from ..tei.ns import XML_NS

MAX_LISTED = 12  # a longer list of choices is cut: the schema is the reference for the rest


def display_name(clark: str) -> str:
    """How a name is shown in messages: `p`, `xml:id`, `{urn:other}x` for a foreign one."""
    qname = etree.QName(clark)
    if qname.namespace == XML_NS:
        return f"xml:{qname.localname}"
    if qname.namespace is None or qname.namespace.startswith("http://www.tei-c.org/ns/"):
        return str(qname.localname)
    return clark


def expected(names: Sequence[str]) -> str:
    """`expected "corr"` or `expected one of: p, quote, pb` (sorted, cut when long)."""
    names = sorted(set(names))
    if len(names) == 1:
        return f'expected "{names[0]}"'
    listed = ", ".join(names[:MAX_LISTED])
    if len(names) > MAX_LISTED:
        listed += f" (and {len(names) - MAX_LISTED} more)"
    return f"expected one of: {listed}"


def or_list(parts: Sequence[str]) -> str:
    """`a`, `a or b`, `a, b or c`, without repeats."""
    parts = list(dict.fromkeys(parts))
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " or " + parts[-1]
