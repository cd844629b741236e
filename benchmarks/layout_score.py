"""The scoring shared by the layout benchmarks (benchmarks/layout_books.py on real book
pages, benchmarks/printed_pages.py on novels printed as pages): a TEI read as running
text with its page breaks, blocks, notes, forme work and quotations; each page scored
against its structure entry (docs/layout.md, "The structure files"); the table of
figures. The matching rule and what each figure counts are in layout_books.py's
docstring.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
THRESHOLD = 0.75
PREFIX = 40  # characters of an expected text that are compared

# --- matching -------------------------------------------------------------------------

_NOT_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("ſ", "s").replace("¬", ""))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_NOT_WORD.sub(" ", text).split())


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def same(expected: str, found: str) -> bool:
    """The found text starts like the expected one (module docstring); letter-spaced
    print (E X T R A I T) is compared without its spaces too."""
    a = normalise(expected)[:PREFIX]
    b = normalise(found)[: len(a)]
    if not a:
        return False
    if _ratio(a, b) >= THRESHOLD:
        return True
    a, b = a.replace(" ", ""), normalise(found).replace(" ", "")[: len(a.replace(" ", ""))]
    return _ratio(a, b) >= THRESHOLD


def _matched(expected: list[str], found: list[str]) -> tuple[set[int], list[str]]:
    """Each expected text paired with the first found text it is the `same` as, each found
    one used once: (the indices of the found texts paired, the expected ones left)."""
    taken: set[int] = set()
    missed = []
    for text in expected:
        hit = next((i for i, f in enumerate(found) if i not in taken and same(text, f)), None)
        if hit is None:
            missed.append(text)
        else:
            taken.add(hit)
    return taken, missed


def inside(needle: str, hay: str, ends_within: int | None = None) -> bool:
    """Some window of hay (normalised) is like needle; with ends_within, a window that
    ends at most that many characters before hay's end."""
    a = normalise(needle)[-PREFIX:] if ends_within is not None else normalise(needle)[:PREFIX]
    b = normalise(hay)
    if not a:
        return False
    if ends_within is not None:
        ends = range(max(0, len(b) - ends_within), len(b) + 1)
        return any(_ratio(a, b[max(0, end - len(a)) : end]) >= THRESHOLD for end in ends)
    if a in b:
        return True
    return any(
        _ratio(a, b[start : start + len(a)]) >= THRESHOLD
        for start in range(max(1, len(b) - len(a) + 1))
    )


_CALL = re.compile(r"^\W*(?:\d{1,2}|[*†‡])\W+")


def note_body(text: str) -> str:
    """A note's text less a leading call mark ("(1)", "1.", "*")."""
    return _CALL.sub("", text.strip(), count=1)


def page_value(n: str | None) -> int | None:
    """The integer of a pb/@n: arabic, or roman (j read as i)."""
    if not n:
        return None
    core = re.sub(r"[^0-9A-Za-z]", "", n)
    if core.isdigit():
        return int(core)
    letters = core.lower().replace("j", "i")
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
    if not letters or any(ch not in values for ch in letters):
        return None
    total = 0
    for i, ch in enumerate(letters):
        value = values[ch]
        following = values[letters[i + 1]] if i + 1 < len(letters) else 0
        total += -value if following > value else value
    return total


# --- reading the TEI --------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # "p" or "head"
    start: int  # offset of its first character in the running text
    text: str


@dataclass
class Note:
    offset: int  # where it stands in the running text
    text: str
    n: str | None


@dataclass
class Reading:
    """The running text of a TEI <text> (notes and forme work apart) and where its page
    breaks, paragraphs, heads, notes and forme work stand in it."""

    text: str = ""
    pbs: list[tuple[int, str | None]] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    fws: list[tuple[int, str | None, str]] = field(default_factory=list)
    quotes: list[tuple[int, str]] = field(default_factory=list)  # <q>, <quote>, <said>

    def page_of(self, offset: int) -> int:
        """1-based page of an offset (text before the first <pb/> counts as page 1)."""
        return max(1, bisect_right([o for o, _ in self.pbs], offset))

    def page_span(self, page: int) -> tuple[int, int]:
        offsets = [o for o, _ in self.pbs]
        start = offsets[page - 1] if page - 1 < len(offsets) else len(self.text)
        end = offsets[page] if page < len(offsets) else len(self.text)
        return start, end


def _local(element: etree._Element) -> str:
    tag = element.tag
    return tag[len(TEI) :] if isinstance(tag, str) and tag.startswith(TEI) else ""


def _chosen(choice: etree._Element) -> etree._Element | None:
    children = {_local(c): c for c in choice}
    for name in ("corr", "reg", "expan", "sic", "orig", "abbr"):
        if name in children:
            return children[name]
    return next(iter(choice), None)


def _plain(element: etree._Element) -> str:
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        name = _local(el)
        if name == "choice":
            chosen = _chosen(el)
            if chosen is not None:
                walk(chosen)
        elif name not in ("note", "fw", "pb") and isinstance(el.tag, str):
            parts.append(el.text or "")
            for child in el:
                walk(child)
                parts.append(child.tail or "")
        elif name == "pb":
            parts.append(" ")

    parts.append(element.text or "")
    for child in element:
        walk(child)
        parts.append(child.tail or "")
    return "".join(parts)


def read_tei(data: bytes) -> Reading:
    root = etree.fromstring(data)
    text = root.find(f"{TEI}text")
    reading = Reading()
    parts: list[str] = []
    length = 0

    def add(s: str | None) -> None:
        nonlocal length
        if s:
            parts.append(s)
            length += len(s)

    def walk(el: etree._Element) -> None:
        name = _local(el)
        if not isinstance(el.tag, str):  # comments, processing instructions
            return
        if name == "pb":
            reading.pbs.append((length, el.get("n")))
            add(" ")
            return
        if name in ("note", "fw"):
            if name == "note":
                reading.notes.append(Note(length, _plain(el), el.get("n")))
            else:
                reading.fws.append((length, el.get("type"), _plain(el)))
            add(" ")  # what follows stands after it
            for pb in el.iter(f"{TEI}pb"):  # a page break inside a note still counts
                reading.pbs.append((length, pb.get("n")))
                add(" ")
            return
        if name == "choice":
            chosen = _chosen(el)
            for other in el:  # a page break the reading does not take still counts
                if other is not chosen:
                    for pb in other.iter(f"{TEI}pb"):
                        add(" ")
                        reading.pbs.append((length, pb.get("n")))
            if chosen is not None:
                walk(chosen)
            return
        if name in ("p", "head", "div", "lg", "l", "quote", "figure", "list", "item"):
            add("\n")
        if name in ("q", "quote", "said") and el.get("prev") is None:
            reading.quotes.append((length, _plain(el)))
        begin, first_part = length, len(parts)
        add(el.text)
        for child in el:
            walk(child)
            add(child.tail)
        if name in ("p", "head"):
            body = "".join(parts[first_part:])
            lead = len(body) - len(body.lstrip())
            if body.strip():
                reading.blocks.append(Block(name, begin + lead, body.strip()))

    if text is not None:
        walk(text)
    reading.text = "".join(parts)
    reading.blocks.sort(key=lambda b: b.start)
    return reading


# --- scoring ----------------------------------------------------------------------------

FIGURES = [
    *("rh_expected", "rh_fw", "rh_head", "rh_text", "rh_lost"),
    *("pn_expected", "pn_right", "pn_wrong", "pn_absent"),
    *("notes_expected", "notes_found", "notes_anchored", "notes_misanchored", "notes_numbered"),
    *("notes_numeric", "notes_continued"),
    *("heads_expected", "heads_found", "heads_false"),
    *("p_expected", "p_found", "p_matched"),
]


def score_page(page: dict, number: int, reading: Reading, show: list[str] | None) -> Counter:
    c: Counter = Counter()
    start, end = reading.page_span(number)
    blocks = [b for b in reading.blocks if reading.page_of(b.start) == number]
    heads = [b for b in blocks if b.kind == "head"]
    paragraphs = [b for b in blocks if b.kind == "p"]
    neutral = page.get("neutral", [])
    label = page["seq"]

    def say(what: str) -> None:
        if show is not None:
            show.append(f"  {label} {what}")

    # running head
    head_text = page.get("running_head")
    if head_text:
        c["rh_expected"] += 1
        fws = [t for o, kind, t in reading.fws if reading.page_of(o) == number and kind == "header"]
        if any(inside(head_text, t) for t in fws):
            c["rh_fw"] += 1
        elif any(inside(head_text, h.text[: len(head_text) + 20]) for h in heads):
            c["rh_head"] += 1
            say(f"running head became <head>: {head_text!r}")
        elif inside(head_text, reading.text[start:end]):
            c["rh_text"] += 1
            say(f"running head stayed in the text: {head_text!r}")
        else:
            c["rh_lost"] += 1
            say(f"running head lost: {head_text!r}")

    # page number
    printed = page.get("printed_number")
    if printed:
        c["pn_expected"] += 1
        n = reading.pbs[number - 1][1] if number - 1 < len(reading.pbs) else None
        value = page_value(n)
        if value == printed["value"]:
            c["pn_right"] += 1
        elif value is None:
            c["pn_absent"] += 1
            say(f"pb without @n (prints {printed['printed']!r})")
        else:
            c["pn_wrong"] += 1
            say(f"pb/@n={n!r} (prints {printed['printed']!r})")

    # notes
    notes_here = [nt for nt in reading.notes if reading.page_of(nt.offset) == number]
    used: set[int] = set()
    for note in page.get("notes", []):
        if note.get("continued"):
            c["notes_continued"] += 1
            continue
        c["notes_expected"] += 1
        numeric = note["call"].isdigit()
        c["notes_numeric"] += numeric
        match = next(
            (
                i
                for i, nt in enumerate(notes_here)
                if i not in used and same(note["body"], note_body(nt.text))
            ),
            None,
        )
        if match is None:
            say(f"note {note['call']} not found: {note['body']!r}")
            continue
        used.add(match)
        found = notes_here[match]
        c["notes_found"] += 1
        before = reading.text[max(0, found.offset - 120) : found.offset]
        if inside(note["before"], before, ends_within=3):
            c["notes_anchored"] += 1
        elif len(reading.text[found.offset : end].split()) > 1:
            # running text of its page follows it: anchored at another call (a note left
            # unanchored stands after its page's last word, or before a word the page
            # break cuts)
            c["notes_misanchored"] += 1
            say(
                f"note {note['call']} at a wrong call, not after {note['before']!r}: …{before[-40:]!r}"
            )
        else:
            say(f"note {note['call']} left at its page's foot, not after {note['before']!r}")
        if numeric and found.n == note["call"]:
            c["notes_numbered"] += 1
        elif numeric:
            say(f"note {note['call']} has n={found.n!r}")

    # headings
    expected_heads = page.get("headings", [])
    c["heads_expected"] += len(expected_heads)
    taken, missed = _matched(expected_heads, [h.text for h in heads])
    c["heads_found"] += len(taken)
    for heading in missed:
        say(f"heading not found: {heading!r}")
    for i, h in enumerate(heads):
        if i not in taken and not any(same(x, h.text) for x in neutral):
            c["heads_false"] += 1
            say(f"false <head>: {h.text[:60]!r}")

    # paragraphs
    expected = page.get("paragraphs", [])
    found = paragraphs
    c["p_expected"] += len(expected)
    matched, missed = _matched(expected, [b.text for b in found])
    c["p_matched"] += len(matched)
    for first_words in missed:
        say(f"paragraph start missed: {first_words!r}")
    for i, b in enumerate(found):
        if i in matched:
            c["p_found"] += 1
        elif not any(same(x, b.text) for x in neutral):  # else neither right nor wrong
            c["p_found"] += 1
            say(f"false paragraph start: {b.text[:50]!r}")
    return c


def with_rates(f: dict) -> dict:
    out = dict(f)
    p = f["p_matched"] / f["p_found"] if f["p_found"] else 0.0
    r = f["p_matched"] / f["p_expected"] if f["p_expected"] else 0.0
    out["p_precision"] = round(p, 3)
    out["p_recall"] = round(r, 3)
    out["p_f1"] = round(2 * p * r / (p + r), 3) if p + r else 0.0
    return out


ROWS = [
    ("pages scored", "pages"),
    ("running heads expected", "rh_expected"),
    ("  as <fw type=header>", "rh_fw"),
    ("  became <head> (must be 0)", "rh_head"),
    ("  left in <p> text", "rh_text"),
    ("  lost", "rh_lost"),
    ("printed page numbers", "pn_expected"),
    ("  pb/@n right", "pn_right"),
    ("  pb/@n wrong", "pn_wrong"),
    ("  pb without @n", "pn_absent"),
    ("notes expected", "notes_expected"),
    ("  found", "notes_found"),
    ("  anchored after the call", "notes_anchored"),
    ("  anchored at a wrong call", "notes_misanchored"),
    ("  @n = call (numeric calls)", "notes_numbered"),
    ("headings expected", "heads_expected"),
    ("  found", "heads_found"),
    ("  false <head>", "heads_false"),
    ("paragraph starts expected", "p_expected"),
    ("  <p> starts found", "p_found"),
    ("  matched", "p_matched"),
    ("  precision", "p_precision"),
    ("  recall", "p_recall"),
    ("  F1", "p_f1"),
]


def table(results: dict[str, dict], rows: list[tuple[str, str]] | None = None) -> str:
    names = list(results)
    short = [n.split("-")[0] for n in names]
    lines = [f"{'':<30}" + "".join(f"{s:>11}" for s in short)]
    for label, key in rows or ROWS:
        cells = []
        for name in names:
            value = results[name][key]
            cells.append(f"{value:>11.3f}" if isinstance(value, float) else f"{value:>11}")
        lines.append(f"{label:<30}" + "".join(cells))
    return "\n".join(lines)
