"""DocView: one TEI document as the templates see it. Everything that needs the whole
document (note numbers, ids, pages, headings, who is who, which names link, block or
inline) is decided here, once, before rendering; templates only ask questions and never
build HTML from strings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from ..tei.ns import XML_ID, XML_LANG, tei
from . import quotes
from .facsimile import Facsimile, FacsimileLinks
from .header import read_header
from .layout import classify, heading_level, holds_blocks, walk
from .members import members
from .names import Entity, Mention, entity_of, name_kind, speaker_entity
from .notes import NoteIndex, NoteRef
from .pages import PageMark, contents, page_marks
from .readings import (
    Reading,
    edited_text,
    reading,
    reading_class,
    rendered_children,
    switchable,
)
from .tree import Ids, elements, is_element, local_name, plain_text, tei_name, xi_name

Part: TypeAlias = "str | etree._Element"
PHRASING_ONLY = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6"})
_CLASS_UNSAFE = re.compile(r"[^\w-]")


@dataclass(frozen=True)
class Turn:
    """How an interview turn (said) opens: the label printed in the text, made to show
    the speaker, or a label added when none is printed."""

    before: str  # text before the printed label
    label: str | None  # the printed label
    rest: str  # the text after it (the turn's whole text when nothing is printed)
    added: str | None  # the speaker's name, added when no label is printed
    speaker: Entity | None


class DocView:
    def __init__(self, root: etree._Element, facsimile: Facsimile | None = None) -> None:
        self.root = root
        self.facsimile = facsimile  # the page images, when the document has them
        self.facs = FacsimileLinks(facsimile)  # between the text and its page images
        self.header = read_header(root)
        self.members = members(root)
        self._ids = {el.get(XML_ID): el for el in root.iter() if is_element(el) and el.get(XML_ID)}
        texts = [member.text for member in self.members]
        order = [el for text in texts for el in walk(text)]
        self._block = classify(texts)
        ids = Ids()
        self._pages = page_marks(texts, ids)
        self.notes = NoteIndex(order, ids)
        self.toc, self._headings = contents(order, ids)
        self._marks = {
            m.text: (m.header or self.header).quotation_marks or self.header.quotation_marks
            for m in self.members
        }
        self.switchable = any(switchable(el) is not None for el in order)
        self._in_link: set[etree._Element] = set()
        self._links: set[etree._Element] = set()
        for text in texts:
            self._decide_links(text, False)
        self.mentions: list[Mention] = []
        self._mentions: dict[etree._Element, Mention] = {}
        self._turns: dict[etree._Element, Turn] = {}
        self._collect_mentions(order, ids)
        self.legend = _legend(order, self.switchable)
        self._leads: dict[etree._Element, list[Part]] = {}  # first turn -> its lead-in
        for element in order:
            self._lead_in(element)

    # --- structure -------------------------------------------------------------------
    def parts(self, element: etree._Element, skip_text: bool = False) -> list[Part]:
        """Text and child elements in order; comments and processing instructions are
        dropped, the text after them is kept."""
        found: list[Part] = [element.text] if element.text and not skip_text else []
        for child in element:
            if is_element(child):
                found.append(child)
            if child.tail:
                found.append(child.tail)
        return found

    def _lead_in(self, quote: etree._Element) -> None:
        """An interview that opens on a quotation mark before its first turn (« then the
        turn R.T. : ...): the mark goes into the turn, not on a line of its own."""
        if not (holds_blocks(quote) and tei_name(quote) == "quote" and self.block(quote)):
            return
        lead: list[Part] = []
        for part in self.parts(quote):
            if not isinstance(part, str) and tei_name(part) == "said" and self.block(part):
                words = "".join(p if isinstance(p, str) else edited_text(p) for p in lead)
                if words.strip() and not any(c.isalnum() for c in words):
                    self._leads[part] = lead
                return
            if not isinstance(part, str) and self.block(part):
                return
            lead.append(part)

    def lead(self, said: etree._Element) -> list[Part]:
        """What an interview's first turn carries of the text before it (see _lead_in)."""
        return self._leads.get(said, [])

    def after_lead(self, quote: etree._Element) -> list[Part]:
        """The parts of an interview, but the lead-in its first turn carries."""
        parts = self.parts(quote)
        for index, part in enumerate(parts):
            if not isinstance(part, str) and part in self._leads:
                return parts[index:]
        return parts

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
        only = reading_class(element)  # del, supplied: in one reading only
        classes = " ".join([css, *rend, *([only] if only else [])]).strip()
        found = {"class": classes} if classes else {}
        if only == "reading-source":
            found["hidden"] = "hidden"  # the page opens in the corrected reading
        if element.get(XML_LANG):
            found["lang"] = element.get(XML_LANG, "")
        found.update({k.replace("_", "-"): v for k, v in extra.items() if v is not None})
        self.facs.frame(element, found)
        return found

    def name(self, element: etree._Element) -> str:
        return local_name(element)

    def heading_level(self, head: etree._Element) -> int | None:
        return heading_level(head)

    def heading_id(self, head: etree._Element) -> str | None:
        return self._headings.get(head)

    def page(self, pb: etree._Element) -> PageMark | None:
        return self._pages.get(pb)

    # --- notes -------------------------------------------------------------------------
    def note_here(self, note: etree._Element) -> NoteRef | None:
        return self.notes.here(note)

    def note_pointer(self, element: etree._Element) -> NoteRef | None:
        return self.notes.pointer(element)

    def notes_after(self, element: etree._Element) -> list[NoteRef]:
        return self.notes.after(element)

    def between_blocks(self, element: etree._Element) -> bool:
        """Whether `element` stands between blocks (in a division, not in a paragraph)."""
        parent = element.getparent()
        return parent is not None and holds_blocks(parent)

    def note_body_tag(self, note: etree._Element) -> str:
        """A note's body in the note list: a <div> when it holds paragraphs."""
        return "div" if any(self.block(c) for c in rendered_children(note)) else "span"

    # --- links: an <a> never holds another, nor a note reference -----------------------
    def _interactive(self, element: etree._Element) -> bool:
        """Whether `element` renders a link of its own (a note reference, a web link)."""
        name = tei_name(element)
        return bool(
            (name == "note" and self.notes.here(element))
            or (name in ("ref", "ptr") and (self.notes.pointer(element) or self.link(element)))
            or self.notes.after(element)
            or xi_name(element) == "include"
        )

    def _holds_links(self, element: etree._Element) -> bool:
        return any(
            self._interactive(child) or self._holds_links(child)
            for child in rendered_children(element)
            if tei_name(child) != "note" or self.notes.here(child)
        )

    def _decide_links(self, element: etree._Element, in_link: bool) -> None:
        for child in rendered_children(element):
            if tei_name(child) == "note":
                self._decide_links(child, False)  # its body goes to the note list
                continue
            if in_link:
                self._in_link.add(child)
            elif name_kind(child) and not self.block(child) and not self._holds_links(child):
                self._links.add(child)
            links = child in self._links or (
                tei_name(child) in ("ref", "ptr") and self._interactive(child)
            )
            self._decide_links(child, in_link or links)

    def link(self, element: etree._Element) -> str | None:
        """The @target of a <ref> or <ptr> when it is a web or mail address that can be a
        link where it stands."""
        target = (element.get("target") or "").strip()
        if element in self._in_link or not target.startswith(("http://", "https://", "mailto:")):
            return None
        return target

    # --- readings, quotations ---------------------------------------------------------
    def who(self, resp: str) -> str:
        """The people or agents a @resp names: a respStmt's name and what it did, a person's
        name, or the pointer itself."""
        found = []
        for token in resp.split():
            target = self._ids.get(token.removeprefix("#")) if token.startswith("#") else None
            if target is None:
                found.append(token.removeprefix("#"))
            elif tei_name(target) == "respStmt":
                names = [plain_text(c) for c in elements(target) if tei_name(c) != "resp"]
                what = [plain_text(c) for c in target.iterfind(tei("resp"))]
                label = ", ".join(n for n in names if n) or token[1:]
                found.append(f"{label} ({'; '.join(what)})" if any(what) else label)
            else:
                found.append(self.entry_name(target) or token[1:])
        return ", ".join(found)

    def entry_name(self, entry: etree._Element) -> str:
        if tei_name(entry) in ("persName", "placeName", "orgName", "name"):
            return plain_text(entry)
        for child in elements(entry):
            if tei_name(child) in ("persName", "placeName", "orgName", "name"):
                return plain_text(child)
        return plain_text(entry) if tei_name(entry) in ("role", "label") else ""

    def reading(self, element: etree._Element) -> Reading:
        return reading(element, self.who)

    def sic_title(self, element: etree._Element) -> str:
        """What a lone <sic> (a word flagged, not corrected) or <corr> means, and who says so."""
        if tei_name(element) == "sic":
            said = ["sic: as the source has it, though probably wrong (not corrected)"]
        else:
            said = ["corrected (the source's form is not recorded)"]
        if element.get("cert"):
            said.append(f"certainty: {element.get('cert')}")
        if element.get("resp"):
            said.append(f"by: {self.who(element.get('resp', ''))}")
        return "; ".join(said)

    def include_href(self, include: etree._Element) -> str | None:
        """Where an xi:include points, as a link: a web address or a relative path, never
        another scheme (javascript:, file:)."""
        href = (include.get("href") or "").strip()
        scheme = href.split(":", 1)[0] if ":" in href.split("/", 1)[0] else ""
        return href if href and scheme in ("", "http", "https") else None

    def gap_title(self, gap: etree._Element) -> str:
        """ "gap: illegible; 2 lines; <desc>"."""
        quantity = " ".join(v for v in (gap.get("quantity"), gap.get("unit")) if v)
        details = [v for v in (gap.get("reason"), quantity, plain_text(gap)) if v]
        return "gap: " + "; ".join(details) if details else "gap"

    def quote_marks(self, quote: etree._Element) -> tuple[str, str] | None:
        """The marks to print around an inline quotation (see quotes.py); None if none."""
        text = next((el for el in quote.iterancestors() if el in self._marks), None)
        declared = self._marks.get(text) if text is not None else self.header.quotation_marks
        return quotes.added_marks(quote, declared, quotes.parts(quote, self._ids))

    def quote_part(self, quote: etree._Element) -> quotes.QuotePart | None:
        """Where a quotation over several paragraphs has this part; None for a whole one."""
        chain = quotes.parts(quote, self._ids)
        if len(chain) < 2:
            return None
        first = chain[0].get(XML_ID, "")
        return quotes.QuotePart(first, chain.index(quote) + 1, len(chain))

    def speaker(self, said: etree._Element) -> str | None:
        """Who speaks: the name of each @who entry, else the id itself."""
        labels = []
        for token in (said.get("who") or "").split():
            entry = self._ids.get(token.removeprefix("#"))
            labels.append((self.entry_name(entry) if entry is not None else "") or token[1:])
        return ", ".join(labels) or None

    def turn(self, said: etree._Element) -> Turn:
        return self._turns.get(said) or Turn("", None, said.text or "", None, None)

    # --- names -------------------------------------------------------------------------
    def name_kind(self, element: etree._Element) -> str | None:
        return name_kind(element)

    def mention(self, element: etree._Element) -> Mention | None:
        return self._mentions.get(element)

    def name_link(self, element: etree._Element) -> str | None:
        """The index entry a name links to, where it can be a link."""
        found = self._mentions.get(element)
        return found.entity.href if found is not None and element in self._links else None

    def name_title(self, element: etree._Element) -> str | None:
        found = self._mentions.get(element)
        if found is None or same_words(found.entity.label, found.form):
            return None
        return found.entity.label

    def _collect_mentions(self, order: list[etree._Element], ids: Ids) -> None:
        page: str | None = None
        hidden = {  # the source's form of a correction: not shown by default
            el for alt in order if (pair := switchable(alt)) for el in pair[0].iter()
        }
        for element in order:
            if element in self._pages:
                page = self._pages[element].label
            if element in hidden:
                continue
            kind = name_kind(element)
            mention: Mention | None
            if kind is not None:
                form = edited_text(element)
                entity = entity_of(element, kind, form, self._ids)
                mention = Mention(entity, form, self._mention_id(ids), page)
            elif tei_name(element) == "said":
                mention = self._turn(element, ids, page)
            else:
                continue
            if mention is not None:
                self.mentions.append(mention)
                self._mentions[element] = mention

    def _turn(self, said: etree._Element, ids: Ids, page: str | None) -> Mention | None:
        tokens = (said.get("who") or "").split()
        entity = speaker_entity(tokens[0], self._ids) if tokens else None
        printed = quotes.printed_label(said.text) if self.block(said) else None
        if printed is not None:
            before, label, rest = printed
            self._turns[said] = Turn(before, label, rest, None, entity)
        elif self.block(said):
            self._turns[said] = Turn("", None, said.text or "", self.speaker(said), entity)
        if entity is None:
            return None
        form = printed[1] if printed is not None else entity.label
        return Mention(entity, form, self._mention_id(ids), page)

    def _mention_id(self, ids: Ids) -> str:
        return ids.take(f"m-{len(self.mentions) + 1}")


# what the legend explains, in its order: names, corrections, flagged words
LEGEND = ("name", "correction", "flagged")


def _legend(order: list[etree._Element], switchable: bool) -> tuple[str, ...]:
    """The marks the page uses that the legend explains."""
    used = {"correction"} if switchable else set()
    for element in order:
        if name_kind(element):
            used.add("name")
        elif tei_name(element) == "sic" and tei_name(element.getparent()) != "choice":
            used.add("flagged")
    return tuple(kind for kind in LEGEND if kind in used)


def same_words(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())
