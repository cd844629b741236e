"""A long document's edition in parts: a contents page and pages of about PART_BOUND bytes.

The page of a document (render.render_page) is cut where its divisions are: the rendered
text is taken apart into units, a division whole when it fits the bound, else its
children (its subdivisions, or its paragraphs when it has none), and consecutive units
are packed into parts up to the bound. A part keeps the divisions it is in (a division
cut in two is opened again, without its id, on the next part), so the stylesheet and the
headings' levels hold. Each note goes to the part of its first reference; every link to
an id on another part (a note, its reference, a heading of the contents) is pointed at
that part; a part shows the page images of its own pages only (the facsimile). `stem.html`
becomes the contents page: the header, the table of contents and the list of parts; the
parts are `stem.1.html`, `stem.2.html`... A page within the bound is left as it was
rendered, byte for byte.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import TypeAlias
from urllib.parse import quote

import lxml.html
from lxml import etree
from lxml.html import builder as E

PART_BOUND = 200_000  # bytes of HTML per part, about: a chapter or two of a book
DIVISIBLE = frozenset({"div", "section", "article"})
DOCTYPE = "<!DOCTYPE html>"


# a unit of a part: (the divisions it stands in, the element, its size in bytes)
Unit: TypeAlias = tuple[tuple[lxml.html.HtmlElement, ...], lxml.html.HtmlElement, int]


@dataclass(frozen=True)
class Edition:
    """The pages of one document, by file name (the first is the document's own), and the
    page each id stands on when there are several."""

    pages: dict[str, str]
    where: dict[str, str]  # id -> the file of its page


def _size(element: lxml.html.HtmlElement) -> int:
    return len(etree.tostring(element, encoding="utf-8"))


def _units(
    container: lxml.html.HtmlElement,
    chain: tuple[lxml.html.HtmlElement, ...],
    bound: int,
    found: list[Unit],
) -> None:
    """(the divisions it is in, unit, its size) in document order."""
    for child in container:
        if not isinstance(child.tag, str):
            continue
        size = _size(child)
        if size > bound and child.tag in DIVISIBLE and len(child):
            _units(child, (*chain, child), bound, found)
        else:
            found.append((chain, child, size))


def _parts(units: list[Unit], bound: int) -> list[list[Unit]]:
    """Consecutive units packed up to `bound` (a unit larger than it is a part alone)."""
    parts: list[list[Unit]] = [[]]
    size = 0
    for unit in units:
        if parts[-1] and size + unit[2] > bound:
            parts.append([])
            size = 0
        parts[-1].append(unit)
        size += unit[2]
    return parts


def _fill(
    main: lxml.html.HtmlElement, part: list[Unit], opened: set[lxml.html.HtmlElement]
) -> None:
    """Put the units of `part` in `main`, each in shallow copies of its divisions."""
    clones: dict[lxml.html.HtmlElement, lxml.html.HtmlElement] = {}
    for chain, unit, _ in part:
        parent = main
        for division in chain:
            if division not in clones:
                first = division not in opened
                attrib = dict(division.attrib)
                if not first:
                    attrib.pop("id", None)  # it stands on the part where it opens
                clone = division.makeelement(division.tag, attrib)
                if first:
                    clone.text = division.text
                    opened.add(division)
                parent.append(clone)
                clones[division] = clone
            parent = clones[division]
        parent.append(unit)  # moved: each unit stands on one part


def _ids(page: lxml.html.HtmlElement) -> set[str]:
    return {str(value) for value in page.xpath("//@id")}


def _label(part: list[Unit], number: int) -> str:
    """A part's first heading and its pages (as the margin marks them)."""
    heads = [h for _, unit, _ in part for h in unit.iter("h2", "h3", "h4", "h5", "h6")]
    pages = [p for _, unit, _ in part for p in unit.iter() if p.get("class") == "pb-label"]
    head = " ".join(heads[0].text_content().split()) if heads else f"Part {number}"
    span = ""
    if pages:
        first, last = pages[0].text_content(), pages[-1].text_content()
        span = f" ({first})" if first == last else f" ({first} – {last})"
    return head + span


def _nav(files: list[str], number: int, contents: str) -> lxml.html.HtmlElement:
    """Previous, the contents page, next."""
    items = []
    if number > 1:
        items.append(E.LI(E.A("← Previous", href=quote(files[number - 2]), rel="prev")))
    items.append(E.LI(E.A(f"Contents (part {number} of {len(files)})", href=quote(contents))))
    if number < len(files):
        items.append(E.LI(E.A("Next →", href=quote(files[number]), rel="next")))
    return E.NAV(E.UL(*items), E.CLASS("parts-nav"), lang="en", **{"aria-label": "Parts"})


def _place_notes(
    notes: lxml.html.HtmlElement, pages: dict[str, lxml.html.HtmlElement], last: str
) -> None:
    """Each note of the note list to the part of its first reference (else the last)."""
    where = {i: name for name, page in pages.items() for i in _ids(page)}
    lists: dict[str, lxml.html.HtmlElement] = {}
    for item in notes.xpath("ol/li"):
        back = (item.xpath("a[@role='doc-backlink']/@href") or ["#"])[0][1:]
        name = where.get(back, last)
        if name not in lists:
            section = notes.makeelement("section", dict(notes.attrib))
            section.text = notes.text
            for heading in notes.iterchildren("h2"):
                section.append(copy.deepcopy(heading))
            lists[name] = etree.SubElement(section, "ol")
            main = pages[name].find(".//main")
            main.insert(len(main) - 1, section)  # before the navigation at its foot
        lists[name].append(item)


def _keep_images(page: lxml.html.HtmlElement, shown: str | None) -> str | None:
    """Keep on a part only the page images of its pages (that of the page it begins on
    too, `shown`); return the last, shown where the next part begins."""
    wanted = {shown} if shown else set()
    for pb in page.xpath("//main//*[@data-surface]"):
        shown = pb.get("data-surface")
        wanted.add(shown)
    for figure in page.xpath("//aside[@class='facsimile']/figure"):
        if figure.get("id") not in wanted:
            figure.getparent().remove(figure)
    return shown


def _contents(
    skeleton: lxml.html.HtmlElement, files: list[str], labels: list[str]
) -> lxml.html.HtmlElement:
    """The contents page: the header (with the table of contents) and the parts."""
    for switch in skeleton.xpath("//div[@class='reading-switch'] | //aside[@class='facsimile']"):
        switch.getparent().remove(switch)
    main = skeleton.find(".//main")
    main.set("class", "contents")
    main.append(
        E.NAV(
            E.H2("Parts", id="parts-title"),
            E.OL(*(E.LI(E.A(label, href=quote(f))) for f, label in zip(files, labels))),
            E.CLASS("parts"),
            lang="en",
            **{"aria-labelledby": "parts-title"},
        )
    )
    return skeleton


def _point_links(page: lxml.html.HtmlElement, where: dict[str, str]) -> None:
    """A link to an id of another part points at that part."""
    here = _ids(page)
    for link in page.xpath("//a[starts-with(@href, '#')]"):
        target = link.get("href")[1:]
        if target not in here and target in where:
            link.set("href", f"{quote(where[target])}#{target}")


def _serialize(page: lxml.html.HtmlElement) -> str:
    text = lxml.html.tostring(page, encoding="unicode", doctype=DOCTYPE, method="html")
    return text if text.endswith("\n") else text + "\n"


def split_edition(html: str, file: str, bound: int = PART_BOUND) -> Edition:
    """The pages of one rendered document (see the module's docstring)."""
    if len(html.encode("utf-8")) <= bound:
        return Edition({file: html}, {})
    whole = lxml.html.document_fromstring(html)
    main = whole.find(".//main")
    if main is None or whole.find(".//header") is None:  # a page.html of the user's own
        return Edition({file: html}, {})
    notes = main.find("section[@class='notes']")
    if notes is not None:
        main.remove(notes)
    units: list[Unit] = []
    _units(main, (), bound, units)
    parts = _parts(units, bound)
    if len(parts) < 2:
        return Edition({file: html}, {})
    stem = file.removesuffix(".html")
    files = [f"{stem}.{n}.html" for n in range(1, len(parts) + 1)]
    labels = [_label(part, n) for n, part in enumerate(parts, 1)]

    skeleton = copy.deepcopy(whole)
    skeleton_main = skeleton.find(".//main")
    for child in list(skeleton_main):
        skeleton_main.remove(child)
    title = skeleton.findtext(".//title") or ""

    pages: dict[str, lxml.html.HtmlElement] = {}
    opened: set[lxml.html.HtmlElement] = set()
    surface: str | None = None  # the page image shown where a part begins
    for number, part in enumerate(parts, 1):
        page = copy.deepcopy(skeleton)
        header = page.find(".//header")
        for extra in header.xpath("details[@class='about'] | nav[@class='toc']"):
            header.remove(extra)
        header.append(_nav(files, number, file))
        page.find(".//title").text = f"{title} — {labels[number - 1]}"
        _fill(page.find(".//main"), part, opened)
        page.find(".//main").append(_nav(files, number, file))
        surface = _keep_images(page, surface)
        pages[files[number - 1]] = page

    if notes is not None:
        _place_notes(notes, pages, files[-1])
    where = {i: name for name, page in pages.items() for i in _ids(page)}
    contents = _contents(skeleton, files, labels)
    for page in [contents, *pages.values()]:
        _point_links(page, where)
    texts = {file: _serialize(contents)}
    texts.update({name: _serialize(page) for name, page in pages.items()})
    return Edition(texts, where)
