"""The two readings of an encoded document: diplomatic (every choice resolved to its sic:
the source's words) and corrected (resolved to corr). Works on any TEI, ours or not."""

from __future__ import annotations

from typing import Literal

from lxml import etree

from .ns import local_name, tei

Reading = Literal["diplomatic", "corrected"]
READINGS: tuple[Reading, ...] = ("diplomatic", "corrected")

# Elements after which a reading starts a new line.
_BLOCKS = frozenset({"p", "head", "note", "div", "quote", "said", "l", "lg", "sp", "ab", "item"})
# Elements that hold no text of the source.
_SKIP = frozenset({"teiHeader", "standOff"})


def _walk(element: etree._Element, reading: Reading, out: list[str]) -> None:
    name = local_name(element) if isinstance(element.tag, str) else ""
    if name in _SKIP or not isinstance(element.tag, str):
        return
    if name == "pb" and reading == "diplomatic" and element.get("n"):
        out.append(f" {element.get('n')} ")  # a printed page number is text of the source
    elif name == "choice":
        wanted = "sic" if reading == "diplomatic" else "corr"
        for child in element:
            if isinstance(child.tag, str) and local_name(child) == wanted:
                _walk(child, reading, out)
                out.append(child.tail or "")  # tails inside choice are white space at most
    else:
        out.append(element.text or "")
        for child in element:
            _walk(child, reading, out)
            out.append(child.tail or "")
    if name in _BLOCKS:
        out.append("\n")


def reading(root: etree._Element, kind: Reading = "diplomatic") -> str:
    """The text of the document's <text> (or of `root` itself if it has none), one block a
    line, white space inside a block folded to single spaces."""
    texts = root.findall(f".//{tei('text')}") if local_name(root) != "text" else [root]
    out: list[str] = []
    for text in texts or [root]:
        _walk(text, kind, out)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
