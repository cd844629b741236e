"""Full-text search over the site, offline and from disk: an index of its own per document.

A browser refuses fetch() and XHR on pages opened from disk (file://), so the index is a
script, `<stem>.search.js`, that the search page (search.html) loads with a <script> tag
like any other; static/search.js looks words up in it as the reader types. The index of
a document is the places a result can lead to (the page marks, the headings, the notes:
what has an id a link can name) and, for each word of the text in its corrected reading,
the places it stands in. Words are folded as the name indexes fold them (case and accents
aside), so "echirolles" finds "Échirolles"; the script folds the query the same way.
A place list is written as the gaps between place numbers, in base 36, separated by
spaces: the index of a 600-page book is about a fifth of its pages' size.
"""

from __future__ import annotations

import json
import re

import lxml.html

from .names import fold
from .split import Edition

INDEX_SUFFIX = ".search.js"
_WORD = re.compile(r"\w+")
# what a result can lead to: page marks, headings, notes (and the parts of a split page)
_PLACE = re.compile(r"^(page-|sec-|note-)")
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def index_file(page: str) -> str:
    """The search index's file of the document whose page is `page` (stem.html)."""
    return page.removesuffix(".html") + INDEX_SUFFIX


def _base36(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = _DIGITS[digit] + digits
        if not number:
            return digits


def _gaps(places: list[int]) -> str:
    previous = 0
    gaps = []
    for place in places:
        gaps.append(_base36(place - previous))
        previous = place
    return " ".join(gaps)


def _label(element: lxml.html.HtmlElement) -> str:
    if "pb" in (element.get("class") or "").split():
        return " ".join(element.text_content().split())
    if element.tag == "li":  # a note of the note list
        return f"note {element.findtext('span') or ''}".strip()
    return " ".join(element.text_content().split())[:80]


def _places(
    page: lxml.html.HtmlElement,
) -> list[tuple[str, str, list[str]]]:
    """(anchor, label, words) for each place of the page, in document order; the words
    before the first place belong to the page's top (anchor "")."""
    main = page.find(".//main")
    if main is None:  # a page.html of the user's own
        main = page.body
    for hidden in main.xpath(".//*[contains(concat(' ', @class, ' '), ' reading-source ')]"):
        hidden.drop_tree()  # the corrected reading, as the page opens
    for nav in main.xpath(".//nav"):
        nav.drop_tree()
    places: list[tuple[str, str, list[str]]] = [("", "", [])]

    def visit(element: lxml.html.HtmlElement) -> None:
        anchor = element.get("id") or ""
        if _PLACE.match(anchor):
            places.append((anchor, _label(element), []))
        if element.text:
            places[-1][2].extend(_WORD.findall(element.text))
        for child in element:
            if isinstance(child.tag, str):
                visit(child)
            if child.tail:
                places[-1][2].extend(_WORD.findall(child.tail))

    visit(main)
    return places


def search_index(edition: Edition, title: str) -> str:
    """The search index of one document's pages, as the script that registers it."""
    targets: list[tuple[str, str, str]] = []
    words: dict[str, list[int]] = {}
    for file, html in edition.pages.items():
        page = lxml.html.document_fromstring(html)
        for anchor, label, found in _places(page):
            if not found:
                continue
            number = len(targets)
            targets.append((file, anchor, label))
            for word in {fold(w) for w in found}:
                words.setdefault(word, []).append(number)
    data = {
        "title": title,
        "targets": targets,
        "words": {word: _gaps(places) for word, places in sorted(words.items())},
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"(window.teiforgeSearch = window.teiforgeSearch || []).push({text});\n"
