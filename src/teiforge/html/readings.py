"""Alternative readings (choice, app): which one the page shows, and where the others go.

The page shows the editorial reading (corr, reg, expan, lem); every other reading is kept
in the shown span's title and in a data-* attribute, so no text of the source is lost and
a later reading switch can swap them without going back to the TEI.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .tree import elements, plain_text, tei_name

# Per alternation element: the readings to show, in order of preference.
SHOWN = {"choice": ("corr", "reg", "expan"), "app": ("lem", "rdg")}
# What a hidden reading is called in a tooltip.
LABELS = {"sic": "OCR", "orig": "original", "abbr": "abbreviation", "rdg": "variant"}


def shown_child(element: etree._Element) -> etree._Element | None:
    """The reading of a choice or app that is displayed (the first child when none of the
    preferred kinds is there)."""
    children = elements(element)
    for preferred in SHOWN[tei_name(element) or ""]:
        for child in children:
            if tei_name(child) == preferred:
                return child
    return children[0] if children else None


def rendered_children(element: etree._Element) -> list[etree._Element]:
    """The children whose markup is rendered (a hidden reading is flattened to text)."""
    if tei_name(element) in SHOWN:
        shown = shown_child(element)
        return [] if shown is None else [shown]
    return elements(element)


@dataclass(frozen=True)
class Reading:
    shown: etree._Element | None
    attrs: dict[str, str]  # class, title and data-* of the span that shows it


def _describe(child: etree._Element, name: str, text: str) -> str:
    label = LABELS.get(name, name)
    witness = child.get("wit")
    return f"{label} {witness}: {text}" if witness else f"{label}: {text}"


def reading(element: etree._Element) -> Reading:
    shown = shown_child(element)
    hidden: dict[str, list[str]] = {}
    described: list[str] = []
    for child in elements(element):
        if child is shown:
            continue
        name, text = tei_name(child) or "alt", plain_text(child)
        hidden.setdefault(name, []).append(text)
        described.append(_describe(child, name, text))
    decided_by = shown if shown is not None else element
    for attribute in ("cert", "resp"):
        value = decided_by.get(attribute) or element.get(attribute)
        if value:
            described.append(f"{attribute} {value}")
    shown_name = tei_name(shown) if shown is not None else None
    css = shown_name if shown_name in ("corr", "reg", "expan") else tei_name(element) or "choice"
    attrs = {"class": css}
    if described:
        attrs["title"] = "; ".join(described)
    for name, texts in hidden.items():
        attrs[f"data-{name.lower()}"] = " | ".join(texts)
    return Reading(shown, attrs)
