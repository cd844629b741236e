"""Block or inline: the one decision that keeps the HTML valid whatever the TEI nests.

HTML forbids a <p> or <span> from holding a block, while TEI lets a <quote> in a <p> hold
paragraphs or verse. So every rendered element is classified once, bottom-up:
  - always a block: divisions, paragraphs, verse lines, speeches, lists...;
  - a block where its parent holds blocks (head, stage, said...), inline elsewhere;
  - any other element is inline, unless something inside it is a block: then it becomes a
    block container too (a <div> instead of a <span>, a <div> instead of a <p>).
A note never is: only its reference stands in the text, its body goes to the note list.
"""

from __future__ import annotations

from lxml import etree

from .readings import rendered_children
from .tree import tei_name, xi_name

DIVS = frozenset({"div", *(f"div{n}" for n in range(1, 8))})
# fmt: off
# Containers whose children are blocks.
FLOW = DIVS | {
    "text", "front", "body", "back", "group", "lg", "sp", "spGrp", "castList", "castGroup",
    "list", "listBibl", "opener", "closer", "epigraph", "argument", "postscript", "figure",
    "floatingText", "titlePage", "table", "row", "noteGrp",
    "sourceDoc", "surfaceGrp", "surface", "zone",
}
ALWAYS_BLOCK = FLOW | {"p", "ab", "l", "line", "item", "castItem", "cell"}
# Blocks when their parent is a FLOW container (or an interview), inline elsewhere.
CONTEXT_BLOCK = frozenset({
    "head", "stage", "speaker", "said", "quote", "q", "cit", "bibl", "label", "trailer",
    "byline", "dateline", "salute", "signed", "docTitle", "titlePart", "docAuthor",
    "docImprint", "docDate", "address", "fw", "xi:include", "pb",
})
# fmt: on
NEVER_BLOCK = frozenset({"note"})


def holds_blocks(element: etree._Element) -> bool:
    name = tei_name(element)
    return name in FLOW or (name == "quote" and element.get("type") == "interview")


def _intrinsic(element: etree._Element) -> bool:
    xi = xi_name(element)
    name = f"xi:{xi}" if xi else tei_name(element)
    if name in ALWAYS_BLOCK or holds_blocks(element):
        return True
    parent = element.getparent()
    return name in CONTEXT_BLOCK and parent is not None and holds_blocks(parent)


def walk(element: etree._Element) -> list[etree._Element]:
    """`element` and every rendered element under it, in document order."""
    order = [element]
    for child in rendered_children(element):
        order.extend(walk(child))
    return order


def classify(roots: list[etree._Element]) -> dict[etree._Element, bool]:
    """True for each rendered element that becomes an HTML block."""
    block: dict[etree._Element, bool] = {}
    for root in roots:
        # reverse document order: every child is decided before its parent
        for element in reversed(walk(root)):
            if tei_name(element) in NEVER_BLOCK:
                block[element] = False
                continue
            block[element] = _intrinsic(element) or any(
                block[child] for child in rendered_children(element)
            )
    return block


def heading_level(head: etree._Element) -> int | None:
    """h2 for the head of a top-level division, h3 one level down... (h1 is the document's
    title); None for a head that is not a division's (of a list, a poem, a cast list)."""
    parent = head.getparent()
    if parent is None or tei_name(parent) not in DIVS | {"body", "front", "back"}:
        return None
    divisions = sum(1 for el in parent.iterancestors() if tei_name(el) in DIVS)
    divisions += tei_name(parent) in DIVS
    in_corpus = any(tei_name(el) == "teiCorpus" for el in head.iterancestors())
    return min(6, 1 + max(divisions, 1) + in_corpus)
