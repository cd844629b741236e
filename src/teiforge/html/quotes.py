"""Quotation marks and speaker labels: print what the text lacks, never print it twice.

Quotation marks. The header's <quotation marks="..."> says what the text kept:
  - "all" (teiforge always says so): the source's marks are in the text, garbled or not
    (`< réinvestir n`), so none is added;
  - "none": the marks were removed, so every inline quotation gets them back;
  - "some", or no declaration (most third-party TEI): marks are added unless the text
    already has one at either edge of the quotation, inside or just outside it.
Added marks follow the quotation's language (« » in French, “ ” in English...), and the
inner pair inside another inline quotation. A block quotation is set off instead.

A quotation over several paragraphs is one element per paragraph, linked by @next and
@prev (teiforge writes them so): the parts render as one quotation (QuotePart: the same
data-quotation, their place in it), and where marks are added they follow the print's
convention for such a quotation in French and English alike: the opening mark again at
each paragraph's start, the closing mark once, at the end. Whether marks are added is
decided for the whole quotation, not part by part.

Speaker labels. An interview turn often begins with the speaker's initials as printed
(`R.T. : Et comment...`): that printed label is kept and made to show who it is (the
<person>'s name from the standOff); a label is only added to a turn that has none.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

from ..tei.ns import XML_LANG
from .tree import plain_text, tei_name

QUOTE_MARKS = frozenset('«»"“”„‟‹›‘’‚<>')
# language -> (outer pair, inner pair)
MARKS = {
    "fr": (("«\u00a0", "\u00a0»"), ("“", "”")),
    "en": (("“", "”"), ("‘", "’")),
    "de": (("„", "“"), ("‚", "‘")),
    "it": (("«", "»"), ("“", "”")),
    "es": (("«", "»"), ("“", "”")),
    "pt": (("«", "»"), ("“", "”")),
    "nl": (("“", "”"), ("‘", "’")),
}
DEFAULT_MARKS = (("“", "”"), ("‘", "’"))
INLINE_QUOTES = frozenset({"quote", "q"})
# A printed speaker label at a turn's start: up to 30 characters without sentence
# punctuation, then a colon (`R.T. :`, `M. X :`, `Mme Durand:`), possibly after a short
# garbled token such as an opening quotation mark as OCR read it (`tc R.T. :`).
_PRINTED_LABELS = (
    re.compile(r"\s*([^\W\d_][^:?!;\n]{0,29}?)\s*:"),
    re.compile(r"\s*\S{1,3}\s+([^\W\d_][^:?!;\n]{0,29}?)\s*:"),
)
_PARTICLES = frozenset({"de", "du", "des", "d'", "la", "le", "van", "von", "der", "di", "y"})


def language(element: etree._Element) -> str:
    for el in element.iterancestors():
        if el.get(XML_LANG):
            return el.get(XML_LANG, "").split("-")[0].lower()
    return (element.get(XML_LANG) or "").split("-")[0].lower()


@dataclass(frozen=True)
class QuotePart:
    """A part of a quotation that runs over several paragraphs."""

    quotation: str  # the xml:id of its first part, shared by every part
    number: int  # 1 for the first part
    count: int

    @property
    def place(self) -> str:
        if self.number == 1:
            return "first"
        return "last" if self.number == self.count else "middle"


def parts(quote: etree._Element, ids: Mapping[str, etree._Element]) -> list[etree._Element]:
    """Every part of the quotation `quote` belongs to, in order (following @prev to the
    first, then @next): [quote] alone when it is whole. A pointer to nothing, to another
    kind of element or back to a part already seen ends the chain."""

    def step(element: etree._Element, attribute: str) -> etree._Element | None:
        pointer = element.get(attribute) or ""
        target = ids.get(pointer[1:]) if pointer.startswith("#") else None
        return target if target is not None and tei_name(target) in INLINE_QUOTES else None

    first, seen = quote, {quote}
    while (previous := step(first, "prev")) is not None and previous not in seen:
        first = previous
        seen.add(first)
    chain, seen = [first], {first}
    while (following := step(chain[-1], "next")) is not None and following not in seen:
        chain.append(following)
        seen.add(following)
    return chain if quote in seen else [quote]


def _has_marks(quote: etree._Element) -> bool:
    inside = plain_text(quote)
    previous = quote.getprevious()
    parent = quote.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else ""
    edges = (
        inside[:1],
        inside[-1:],
        (before or "").rstrip()[-1:],
        (quote.tail or "").lstrip()[:1],
    )
    return any(edge and edge in QUOTE_MARKS for edge in edges)


def added_marks(
    quote: etree._Element, declared: str | None, chain: list[etree._Element] | None = None
) -> tuple[str, str] | None:
    """The marks to print around an inline quotation, None when the text has them.
    `declared` is the document's quotation/@marks; `chain` the parts of the quotation
    `quote` is a part of (parts()). A part but the last gets no closing mark ("")."""
    chain = chain or [quote]
    if declared == "all" or (declared != "none" and any(_has_marks(part) for part in chain)):
        return None
    lang = quote.get(XML_LANG, "").split("-")[0].lower() or language(quote)
    outer, inner = MARKS.get(lang, DEFAULT_MARKS)
    nested = any(tei_name(el) in INLINE_QUOTES for el in quote.iterancestors())
    opening, closing = inner if nested else outer
    return opening, closing if quote is chain[-1] else ""


def _name_like(label: str) -> bool:
    """Initials or a name: every word capitalised, but for particles (de, von...)."""
    words = label.replace("'", "' ").split()
    return bool(words) and all(w[0].isupper() or w.lower() in _PARTICLES for w in words)


def printed_label(text: str | None) -> tuple[str, str, str] | None:
    """(what precedes the label, the label, the rest) when a turn's text opens with a
    printed speaker label."""
    text = text or ""
    for pattern in _PRINTED_LABELS:
        found = pattern.match(text)
        if found is not None and _name_like(found.group(1)):
            return text[: found.start(1)], found.group(1), text[found.end(1) :]
    return None
