"""Alternative readings (choice, app): what the page shows in each of its two readings.

A <choice> that pairs a source form (sic, orig, abbr) with an editor's form (corr, reg,
expan) is *switchable*: both are rendered, the editor's form shown by default (the
corrected reading), the source's form marked `hidden` until the reader switches to the
original (diplomatic) reading. Without JavaScript the page stays in the corrected reading,
and the title says what the source has. Any other alternation (app, or a choice of two
corrections) shows its preferred reading; the others are kept in the title and a data-*
attribute, so no text of the source is lost. Which forms are the source's and which the
editor's, and what each reading leaves out (del, supplied), is tei/readings.py's to say.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..tei.readings import EDITED, ONLY_IN, ORIGINAL
from .tree import elements, is_element, plain_text, tei_name

# Per alternation element: the readings to show, in order of preference.
SHOWN = {"choice": EDITED, "app": ("lem", "rdg")}
# What a reading is called in a tooltip.
LABELS = {
    "sic": "OCR",
    "orig": "original",
    "abbr": "abbreviation",
    "rdg": "variant",
    "corr": "corrected",
    "reg": "regularised",
    "expan": "expanded",
}


def _first(children: list[etree._Element], names: tuple[str, ...]) -> etree._Element | None:
    for preferred in names:
        for child in children:
            if tei_name(child) == preferred:
                return child
    return None


def switchable(element: etree._Element) -> tuple[etree._Element, etree._Element] | None:
    """(source form, editor's form) of a choice that has both, else None."""
    if tei_name(element) != "choice":
        return None
    children = elements(element)
    original, edited = _first(children, ORIGINAL), _first(children, EDITED)
    return None if original is None or edited is None else (original, edited)


def shown_child(element: etree._Element) -> etree._Element | None:
    """The reading of a choice or app that is displayed by default (the first child when
    none of the preferred kinds is there)."""
    children = elements(element)
    found = _first(children, SHOWN[tei_name(element) or ""])
    return found if found is not None else (children[0] if children else None)


def rendered_children(element: etree._Element) -> list[etree._Element]:
    """The children whose markup is rendered (a reading kept only in the title is not)."""
    if tei_name(element) in SHOWN:
        pair = switchable(element)
        if pair is not None:
            return [child for child in elements(element) if child in pair]
        shown = shown_child(element)
        return [] if shown is None else [shown]
    return elements(element)


def edited_text(element: etree._Element) -> str:
    """The text of `element` as the page shows it by default (every alternation resolved to
    its shown reading, notes left out), whitespace normalised: for the table of contents,
    the name index and tooltips."""
    out: list[str] = []

    def visit(el: etree._Element) -> None:
        if tei_name(el) in SHOWN:
            shown = shown_child(el)
            if shown is not None:
                visit(shown)
            return
        out.append(el.text or "")
        for child in el:
            name = tei_name(child)
            if is_element(child) and name != "note" and ONLY_IN.get(name or "") != "diplomatic":
                visit(child)
            out.append(child.tail or "")

    visit(element)
    return " ".join("".join(out).split())


def reading_class(element: etree._Element) -> str | None:
    """The class of an element with text in one reading only (del, supplied), which the
    reading switch shows and hides like the two forms of a choice; None for the others."""
    only = ONLY_IN.get(tei_name(element) or "")
    if only is None:
        return None
    return "reading-source" if only == "diplomatic" else "reading-edited"


@dataclass(frozen=True)
class Reading:
    original: etree._Element | None  # rendered hidden, shown in the original reading
    shown: etree._Element | None  # rendered and shown by default
    attrs: dict[str, str]  # class, title and data-* of the element that holds them


def _describe(child: etree._Element, name: str, text: str) -> str:
    label = LABELS.get(name, name)
    witness = child.get("wit")
    return f"{label} {witness}: {text}" if witness else f"{label}: {text}"


def reading(element: etree._Element, who: Callable[[str], str]) -> Reading:
    """How to render a choice or app; `who` names the person a @resp points to."""
    pair = switchable(element)
    original, shown = pair if pair is not None else (None, shown_child(element))
    described: list[str] = []
    hidden: dict[str, list[str]] = {}
    if original is not None and shown is not None:
        before, after = plain_text(original), plain_text(shown)
        label = LABELS[tei_name(original) or "sic"]
        described.append(f"{label}: {before or '(nothing)'} → {after or '(removed)'}")
    for child in elements(element):
        if child is shown or child is original:
            continue
        name, text = tei_name(child) or "alt", plain_text(child)
        hidden.setdefault(name, []).append(text)
        described.append(_describe(child, name, text))
    decided_by = shown if shown is not None else element
    cert = decided_by.get("cert") or element.get("cert")
    resp = decided_by.get("resp") or element.get("resp")
    if cert:
        described.append(f"certainty: {cert}")
    if resp:
        described.append(f"by: {who(resp)}")
    shown_name = tei_name(shown) if shown is not None else None
    css = tei_name(element) or "choice"
    if shown_name in EDITED:
        css = f"{css} {shown_name}"
    if pair is not None and shown is not None and not plain_text(shown):
        css += " removal"
    attrs = {"class": css}
    if described:
        attrs["title"] = "; ".join(described)
    if cert:
        attrs["data-cert"] = cert
    for name, texts in hidden.items():
        attrs[f"data-{name.lower()}"] = " | ".join(texts)
    return Reading(original, shown, attrs)
