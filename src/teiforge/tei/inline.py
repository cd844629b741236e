"""A block's text and its spans -> the mixed content of one TEI element.

Spans nest like XML elements; a span that crosses another is dropped (and logged) rather
than break the tree. Most spans become one element with their attributes around the text
they cover; a few tags have builders of their own (SPECIAL_BUILDERS).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence

from lxml import etree

from ..model import Span
from .ns import XML_ID, XML_LANG, E

log = logging.getLogger(__name__)

_ATTRIBUTE_NAMES = {"xml:id": XML_ID, "xml:lang": XML_LANG}
# Attributes that carry data for a builder, not for the element.
_PRIVATE = frozenset({"corr", "block", "page"})
# Which of two spans over the same text goes outside: containers, then names, then marks.
_NESTING = [
    "quote",
    "said",
    "q",
    "bibl",
    "author",
    "editor",
    "title",
    "publisher",
    "pubPlace",
    "date",
    "biblScope",
    "persName",
    "placeName",
    "orgName",
    "foreign",
    "hi",
    "note",
    "choice",
    "sic",
    "pb",  # a page break before the line that begins its page
    "lb",
]
_RANK = {tag: rank for rank, tag in enumerate(_NESTING)}

# A builder gets the span and returns (the elements to insert, in order; the element that
# receives the covered text and the spans inside it).
Builder = Callable[[Span], tuple[list[etree._Element], etree._Element]]


def attributes(span: Span) -> dict[str, str]:
    return {
        _ATTRIBUTE_NAMES.get(k, k): v for k, v in sorted(span.attrs.items()) if k not in _PRIVATE
    }


def _plain(span: Span) -> tuple[list[etree._Element], etree._Element]:
    element = getattr(E, span.tag)(attributes(span))
    return [element], element


def _choice(span: Span) -> tuple[list[etree._Element], etree._Element]:
    """The covered text is what the OCR read (sic); the correction is in attrs["corr"]."""
    sic = E.sic()
    corr = E.corr(span.attrs.get("corr", ""), attributes(span))
    return [E.choice(sic, corr)], sic


SPECIAL_BUILDERS: dict[str, Builder] = {"choice": _choice}


def _append_text(element: etree._Element, text: str) -> None:
    if not text:
        return
    try:
        last = element[-1]  # len(element) would count the children one by one
    except IndexError:
        element.text = (element.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def nestable(spans: Sequence[Span]) -> list[Span]:
    """Spans in document order, outer before inner, without those that cross another."""
    # a milestone (a page break) at the start of a span stands before it, never inside:
    # a page that opens on a corrected word keeps its <pb/> out of the <sic>
    ordered = sorted(
        spans,
        key=lambda s: (
            s.start,
            s.start != s.end,
            -s.end,
            _RANK.get(s.tag, len(_RANK) // 2),
            s.tag,
        ),
    )
    kept: list[Span] = []
    stack: list[Span] = []
    for span in ordered:
        while (
            stack
            and stack[-1].end <= span.start
            and not (stack[-1].start == stack[-1].end == span.start)
        ):
            stack.pop()
        while stack and stack[-1].start == stack[-1].end:
            stack.pop()  # a milestone holds nothing
        if stack and span.end > stack[-1].end:
            log.warning(
                "dropped %s span [%d, %d): it crosses %s",
                span.tag,
                span.start,
                span.end,
                stack[-1].tag,
            )
            continue
        kept.append(span)
        stack.append(span)
    return kept


def fill(
    element: etree._Element,
    text: str,
    spans: Sequence[Span],
    builders: Mapping[str, Builder] | None = None,
) -> None:
    """Put `text` with its spans into `element` (after any content it already has)."""
    table = {**SPECIAL_BUILDERS, **(builders or {})}
    _fill(element, text, 0, len(text), nestable(spans), table)


def _fill(
    element: etree._Element,
    text: str,
    start: int,
    end: int,
    spans: list[Span],
    table: Mapping[str, Builder],
) -> None:
    cursor, index = start, 0
    while index < len(spans):
        span = spans[index]
        count = 0  # the spans that follow and lie inside this one are its children
        for s in spans[index + 1 :]:
            if span.start != span.end and s.start >= span.start and s.end <= span.end:
                count += 1
            else:
                break
        inner = spans[index + 1 : index + 1 + count]
        _append_text(element, text[cursor : span.start])
        outer, target = table.get(span.tag, _plain)(span)
        _fill(target, text, span.start, span.end, inner, table)
        for made in outer:
            element.append(made)
        cursor = max(cursor, span.end)
        index += 1 + count
    _append_text(element, text[cursor:end])
