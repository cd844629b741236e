"""The two readings of an encoded document, the one place that knows what each reads:
diplomatic (the source's words: every choice read as its sic, orig or abbr; what the source
deletes kept; what an editor supplies left out) and corrected, the edited reading (every
choice read as its corr, reg or expan; deletions left out; supplied text kept). add and
unclear are read in both (they are the source's); gap has no text in either. `teiforge
text` and the HTML (html/readings.py) both read from here. Works on any TEI, ours or not.

A note read where it is anchored would split the sentence around its anchor; as in the
source, where notes stand at the page's foot, a reading gives a block's notes after it."""

from __future__ import annotations

from typing import Literal

from lxml import etree

from .ns import local_name, tei

Reading = Literal["diplomatic", "corrected"]
READINGS: tuple[Reading, ...] = ("diplomatic", "corrected")

# The pairs a <choice> may hold: the source's form -> the editor's.
PAIRS = {"sic": "corr", "orig": "reg", "abbr": "expan"}
ORIGINAL = tuple(PAIRS)  # as the source has it
EDITED = tuple(PAIRS.values())  # as the editor (or teiforge) made it
# The members of a <choice> each reading reads, in order of preference.
CHOSEN: dict[Reading, tuple[str, ...]] = {"diplomatic": ORIGINAL, "corrected": EDITED}
# Elements with text in one reading only: element -> the reading that has it.
ONLY_IN: dict[str, Reading] = {
    "del": "diplomatic",
    "surplus": "diplomatic",
    "supplied": "corrected",
}

# Elements after which a reading starts a new line.
_BLOCKS = frozenset({"p", "head", "note", "div", "l", "lg", "sp", "ab", "item"})
# Elements a note interrupts: the note is read after the outermost of them.
_PARAGRAPHS = frozenset({"p", "head", "ab", "l", "item", "stage", "speaker"})
# Elements that hold no text of the source.
_SKIP = frozenset({"teiHeader", "standOff"})


class _Reader:
    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.out: list[str] = []
        self.deferred: list[etree._Element] = []
        self.depth = 0  # how many paragraphs are open around the current element

    def walk(self, element: etree._Element) -> None:
        if not isinstance(element.tag, str):
            return
        name = local_name(element)
        if name in _SKIP or ONLY_IN.get(name, self.reading) != self.reading:
            return
        if name == "note" and self.depth:
            self.deferred.append(element)
            return
        block, paragraph = name in _BLOCKS, name in _PARAGRAPHS
        if block:
            self.out.append("\n")
        self.depth += paragraph
        self._content(element, name)
        if block:
            self.out.append("\n")
        self.depth -= paragraph
        if paragraph and not self.depth:
            notes, self.deferred = self.deferred, []
            for note in notes:
                self.walk(note)

    def _content(self, element: etree._Element, name: str) -> None:
        if name == "pb":  # the number printed on the page, if any, is in its <fw>
            if element.get("break") != "no":  # not in mid-word
                self.out.append(" ")
        elif name == "fw":  # a line of its own on the page: never glued to the text after it
            self.out.append(" ")
            self._children(element)
            self.out.append(" ")
        elif name == "choice":
            member = chosen(element, self.reading)
            if member is not None:
                self._children(member)
        else:
            self._children(element)

    def _children(self, element: etree._Element) -> None:
        """The element's text and children. Where the page turned in mid-word
        (`dévelop<pb break="no"/><fw>12</fw>pés`), the forme work of the new page is read
        after the word, which stays whole (`développés 12`)."""
        self.out.append(element.text or "")
        held: list[str] | None = None  # forme work read while a word is broken
        for child in element:
            if held is not None and not _named(child, "fw"):
                self.out.append(f" {''.join(held)} ")
                held = None
            if held is not None:
                main, self.out = self.out, held
                self.walk(child)
                self.out = main
            else:
                self.walk(child)
            tail = child.tail or ""
            if _named(child, "pb") and child.get("break") == "no" and not tail:
                held = []
            elif held is not None and tail:
                end = 0 if tail[0].isspace() else len(tail.split(None, 1)[0])  # the word's rest
                self.out += [tail[:end], f" {''.join(held)} ", tail[end:]]
                held = None
            else:
                self.out.append(tail)
        if held:
            self.out.append(f" {''.join(held)} ")


def _named(element: etree._Element, name: str) -> bool:
    return isinstance(element.tag, str) and local_name(element) == name


def chosen(choice: etree._Element, kind: Reading) -> etree._Element | None:
    """The member of a <choice> a reading reads: the first of its preferred kinds present
    (sic, orig, abbr; or corr, reg, expan), else the first member (a choice of two
    corrections, say)."""
    members = [child for child in choice if isinstance(child.tag, str)]
    for name in CHOSEN[kind]:
        for member in members:
            if local_name(member) == name:
                return member
    return members[0] if members else None


def reading(root: etree._Element, kind: Reading = "diplomatic") -> str:
    """The text of the document's <text> (or of `root` itself if it has none), one block a
    line, white space inside a block folded to single spaces."""
    texts = root.findall(f".//{tei('text')}") if local_name(root) != "text" else [root]
    reader = _Reader(kind)
    for text in texts or [root]:
        reader.walk(text)
    lines = (" ".join(line.split()) for line in "".join(reader.out).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
