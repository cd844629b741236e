"""DocView: one TEI document as the templates see it. Everything that needs the whole
document (note numbers, ids, who is who, block or inline) is decided here, once, before
rendering; templates only ask questions and never build HTML from strings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from ..tei.ns import XML_ID, XML_LANG, tei
from .header import HeaderInfo, read_header
from .layout import classify, heading_level, walk
from .notes import NoteIndex, NoteRef
from .readings import Reading, reading, rendered_children
from .tree import Ids, elements, is_element, local_name, plain_text, tei_name

Part: TypeAlias = "str | etree._Element"
PHRASING_ONLY = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
QUOTE_MARKS = frozenset('«»"“”„‟‹›<>')
NAME_KINDS = {"persName": "person", "placeName": "place", "orgName": "org"}
TYPED_KINDS = {
    "person": "person",
    "place": "place",
    "org": "org",
    "organisation": "org",
    "organization": "org",
}
_CLASS_UNSAFE = re.compile(r"[^\w-]")


@dataclass(frozen=True)
class Member:
    """A TEI text shown on the page; `header` is set for the members of a teiCorpus."""

    text: etree._Element
    header: HeaderInfo | None = None


def _members(root: etree._Element) -> list[Member]:
    if tei_name(root) == "TEI":
        text = root.find(tei("text"))
        return [] if text is None else [Member(text)]
    members: list[Member] = []
    for child in elements(root):
        if tei_name(child) == "teiCorpus":
            members.extend(_members(child))
        elif tei_name(child) == "TEI" and child.find(tei("text")) is not None:
            members.append(Member(child.find(tei("text")), read_header(child)))
    return members


class DocView:
    def __init__(self, root: etree._Element) -> None:
        self.root = root
        self.header = read_header(root)
        self.members = _members(root)
        order = [el for member in self.members for el in walk(member.text)]
        self._block = classify([member.text for member in self.members])
        ids = Ids()
        self._pages = {
            el: ids.take(f"page-{el.get('n').strip()}")
            for el in order
            if tei_name(el) == "pb" and (el.get("n") or "").strip()
        }
        self.notes = NoteIndex(order, ids)
        self._ids = {el.get(XML_ID): el for el in root.iter() if is_element(el) and el.get(XML_ID)}

    # --- structure -------------------------------------------------------------------
    def parts(self, element: etree._Element) -> list[Part]:
        """Text and child elements in order; comments and processing instructions are
        dropped, the text after them is kept."""
        found: list[Part] = [element.text] if element.text else []
        for child in element:
            if is_element(child):
                found.append(child)
            if child.tail:
                found.append(child.tail)
        return found

    def block(self, element: etree._Element) -> bool:
        return self._block.get(element, False)

    def tag(self, element: etree._Element, block_tag: str, inline_tag: str = "span") -> str:
        """The HTML tag for `element`: `inline_tag` in running text, `block_tag` as a block,
        a <div> when `block_tag` cannot hold the blocks found inside it."""
        if not self.block(element):
            return inline_tag
        if block_tag in PHRASING_ONLY and any(self.block(c) for c in rendered_children(element)):
            return "div"
        return block_tag

    def simple_list(self, element: etree._Element) -> bool:
        """A list of items only, which can be a <ul>."""
        loose = [element.text, *(child.tail for child in element)]
        return (
            all(tei_name(c) == "item" for c in elements(element))
            and not "".join(t for t in loose if t).strip()
        )

    def attrs(self, element: etree._Element, css: str, **extra: str | None) -> dict[str, str]:
        """HTML attributes: the class (with one rend-X class per @rend token), the language,
        and `extra` (data_ref= gives data-ref=); None values are left out."""
        rend = [f"rend-{_CLASS_UNSAFE.sub('', t)}" for t in (element.get("rend") or "").split()]
        classes = " ".join([css, *rend]).strip()
        found = {"class": classes} if classes else {}
        if element.get(XML_LANG):
            found["lang"] = element.get(XML_LANG, "")
        found.update({k.replace("_", "-"): v for k, v in extra.items() if v is not None})
        return found

    def name(self, element: etree._Element) -> str:
        return local_name(element)

    def heading_level(self, head: etree._Element) -> int | None:
        return heading_level(head)

    def page_id(self, pb: etree._Element) -> str | None:
        return self._pages.get(pb)

    # --- notes -------------------------------------------------------------------------
    def note_here(self, note: etree._Element) -> NoteRef | None:
        return self.notes.here(note)

    def note_pointer(self, element: etree._Element) -> NoteRef | None:
        return self.notes.pointer(element)

    def notes_after(self, element: etree._Element) -> list[NoteRef]:
        return self.notes.after(element)

    # --- readings, quotations, names ---------------------------------------------------
    def reading(self, element: etree._Element) -> Reading:
        return reading(element)

    def gap_title(self, gap: etree._Element) -> str:
        """ "gap: illegible; 2 lines; <desc>"."""
        quantity = " ".join(v for v in (gap.get("quantity"), gap.get("unit")) if v)
        details = [v for v in (gap.get("reason"), quantity, plain_text(gap)) if v]
        return "gap: " + "; ".join(details) if details else "gap"

    def link(self, element: etree._Element) -> str | None:
        """The @target of a <ref> or <ptr> when it is a web or mail address."""
        target = (element.get("target") or "").strip()
        return target if target.startswith(("http://", "https://", "mailto:")) else None

    def speaker(self, said: etree._Element) -> str | None:
        """Who speaks: the persName of each @who person, else the id itself."""
        labels = []
        for token in (said.get("who") or "").split():
            key = token.removeprefix("#")
            person = self._ids.get(key)
            if person is not None and tei_name(person) != "persName":
                person = person.find(f".//{tei('persName')}")
            labels.append((plain_text(person) if person is not None else "") or key)
        return ", ".join(labels) or None

    def quote_marks(self, quote: etree._Element) -> bool:
        """Whether to print « » around a quotation: not when the text already has marks
        there (teiforge keeps the source's marks, garbled or not, in the text)."""
        inside = plain_text(quote)
        previous = quote.getprevious()
        parent = quote.getparent()
        before = (
            previous.tail if previous is not None else parent.text if parent is not None else ""
        )
        edges = (
            inside[:1],
            inside[-1:],
            (before or "").rstrip()[-1:],
            (quote.tail or "").lstrip()[:1],
        )
        return not any(edge and edge in QUOTE_MARKS for edge in edges)

    def name_kind(self, name: etree._Element) -> str | None:
        local = tei_name(name) or ""
        return NAME_KINDS.get(local) or TYPED_KINDS.get(name.get("type") or "")
