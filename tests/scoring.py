"""Score an encoding against a hand encoding of the same source, construct by construct.

A hand encoding is written as the items each construct should yield (tests/reference/
*.toml); the same items are read off an encoded TEI document, and each construct scores the
F1 of the two multisets. Items are read from the diplomatic text, so that the OCR
corrector's work does not move the measure of the structure.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from lxml import etree

T = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": T[1:-1]}
MARKS = {"«", "»", "<", ">", "<<", ">>", ">r", "))", "((", "(", ")", "n", "tc", "“", "”", "„"}


def _diplomatic(element: etree._Element) -> str:
    """The element's text as the OCR read it, notes and corrections left out."""
    parts = [element.text or ""]
    for child in element:
        name = etree.QName(child).localname
        if name == "choice" and _is_anchor(child):
            pass  # a note anchor as read: not a word of the text
        elif name == "choice":
            parts.append(
                "".join(child.find("t:sic", NS).itertext())
                if child.find("t:sic", NS) is not None
                else ""
            )
        elif name != "note":
            parts.append(_diplomatic(child))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def _is_anchor(choice: etree._Element) -> bool:
    following = choice.getnext()
    return following is not None and etree.QName(following).localname == "note"


def _words(element: etree._Element, count: int) -> str:
    words = _diplomatic(element).split()
    while words and words[0] in MARKS:
        words = words[1:]
    while words and words[-1] in MARKS:
        words = words[:-1]
    return " ".join(words[:count])


def _anchor_word(note: etree._Element) -> str:
    """The word the note's anchor is glued to: the text just before the anchor's choice."""
    anchor = note.getprevious()
    if anchor is None or etree.QName(anchor).localname != "choice":
        return "-"
    before = anchor.getprevious()
    text = (before.tail if before is not None else anchor.getparent().text) or ""
    return text.split()[-1] if text.split() else "-"


def features(tei: etree._Element) -> dict[str, Counter[str]]:
    body = tei.find("t:text", NS)
    ids = {e.get("{http://www.w3.org/XML/1998/namespace}id") for e in tei.iter()} - {None}
    pointers = [
        v
        for e in tei.iter()
        for a in ("ref", "who", "target", "resp", "corresp")
        for v in (e.get(a) or "").split()
        if v.startswith("#")
    ]
    found: dict[str, Counter[str]] = {
        "notes": Counter(f"{n.get('n')} {_anchor_word(n)}" for n in body.iter(f"{T}note")),
        "quotations": Counter(
            f"{etree.QName(q).localname} {_words(q, 4)}"
            for q in body.iter(f"{T}q", f"{T}quote")
            if q.get("type") != "interview"
        ),
        "interview": Counter(f"{s.get('who')} {_words(s, 4)}" for s in body.iter(f"{T}said")),
        "names": Counter(
            f"{etree.QName(e).localname} {_diplomatic(e)}"
            for e in body.iter(f"{T}persName", f"{T}placeName", f"{T}orgName")
        ),
        "paragraphs": Counter(_words(p, 5) for p in body.iter(f"{T}p")),
        "divisions": Counter(
            f"div {_words(h, 6)}"
            for h in body.iter(f"{T}head")
            if etree.QName(h.getparent()).localname == "div"
        ),
        "pages": Counter(etree.QName(e).localname for e in body.iter(f"{T}pb", f"{T}gap")),
        "bibl": Counter(
            f"{etree.QName(e).localname}{('/' + e.get('level')) if e.get('level') else ''} {_diplomatic(e)}"
            for b in body.iter(f"{T}bibl")
            for e in b
            if etree.QName(e).localname != "choice"
        ),
        "header": Counter(
            p
            for p in (
                "fileDesc/titleStmt/title",
                "fileDesc/titleStmt/respStmt",
                "fileDesc/publicationStmt",
                "fileDesc/sourceDesc/bibl/idno",
                "encodingDesc/appInfo/application",
                "encodingDesc/editorialDecl/correction",
                "profileDesc/langUsage/language",
                "revisionDesc/change",
            )
            if tei.find("t:teiHeader/" + "/".join(f"t:{step}" for step in p.split("/")), NS)
            is not None
        ),
        "pointers": Counter(["resolve"] if all(p[1:] in ids for p in pointers) else []),
    }
    return found


def f1(expected: Counter[str], actual: Counter[str]) -> float:
    if not expected and not actual:
        return 1.0
    matched = sum((expected & actual).values())
    if not matched:
        return 0.0
    precision, recall = matched / sum(actual.values()), matched / sum(expected.values())
    return 2 * precision * recall / (precision + recall)


def load_reference(path: Path) -> dict[str, Counter[str]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {feature: Counter(items) for feature, items in data["expected"].items()}


def score(reference: dict[str, Counter[str]], tei: etree._Element) -> dict[str, float]:
    actual = features(tei)
    return {
        feature: f1(expected, actual.get(feature, Counter()))
        for feature, expected in reference.items()
    }
