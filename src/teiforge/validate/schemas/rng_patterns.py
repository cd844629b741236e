"""Reading a RELAX NG schema's XML: which children of a node are patterns, which tags
hold patterns, and the defines of the top grammar. Shared by the content model
(rng_model) and the attribute model (rng_attributes)."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .rng_names import rng

CONTAINERS = {rng(t) for t in ("group", "interleave", "choice", "optional", "zeroOrMore")}
CONTAINERS |= {rng("oneOrMore"), rng("mixed")}
NAME_CLASSES = {rng("name"), rng("anyName"), rng("nsName"), rng("except")}


def pattern_children(node: etree._Element) -> Iterator[etree._Element]:
    """The pattern children of a node (annotations and name classes aside)."""
    for child in node:
        tag = child.tag
        if isinstance(tag, str) and tag.startswith(rng("")) and tag not in NAME_CLASSES:
            yield child


def top_defines(root: etree._Element) -> dict[str, list[etree._Element]]:
    """The defines of the top grammar (in divs too), not those of nested grammars."""
    found: dict[str, list[etree._Element]] = {}
    if root.tag != rng("grammar"):
        return found
    for define in root.iter(rng("define")):
        owner = next(define.iterancestors(rng("grammar")), None)
        if owner is root:
            found.setdefault(define.get("name", ""), []).append(define)
    return found


def content_nodes(element: etree._Element) -> Iterator[etree._Element]:
    """An element pattern's content: its pattern children (a name-class child aside)."""
    children = list(pattern_children(element))
    if element.get("name") is None and children and children[0].tag == rng("choice"):
        first = children[0]
        if all(c.tag in (rng("name"), rng("anyName"), rng("nsName"), rng("choice")) for c in first):
            children = children[1:]  # a choice of names is the name class, not content
    yield from children
