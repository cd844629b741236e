"""The edition of a long document in parts (html/split.py), on a generated 600-page book:
a contents page, parts within the size bound, previous/next, the text whole and in order,
every note on the part of its reference, the name indexes pointing at the right part.
Every link of the site resolving and the pages' validity are checked with the other sites
(tests/test_html_site.py: long_site)."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html
import pytest

from longbook import long_book
from teiforge.build.document import DocumentTask, build_document
from teiforge.encode import EncodeOptions
from teiforge.errors import InputError
from teiforge.html import render_document, render_site
from teiforge.html.split import PART_BOUND, split_edition
from teiforge.xmlsafe import parse_bytes
from test_html_site import long_site  # noqa: F401 (a fixture)

PARTS = [f"long.{n}.html" for n in range(1, 11)]


def html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_text("utf-8"))


def words(element: lxml.html.HtmlElement) -> list[str]:
    return element.text_content().split()


def blocks(page: lxml.html.HtmlElement) -> list[str]:
    """The text of each paragraph, heading and page mark of a page's text, in order."""
    path = "//main//*[self::p or self::h2 or self::h3 or @class='pb']"
    found = page.xpath(f"{path}[not(ancestor::section[@class='notes'])]")
    return [" ".join(words(block)) for block in found]


def test_a_long_book_is_a_contents_page_and_parts(long_site: Path) -> None:  # noqa: F811
    pages = sorted(p.name for p in long_site.glob("long*.html"))
    assert pages == sorted(["long.html", *PARTS])
    sizes = [(long_site / name).stat().st_size for name in PARTS]
    assert max(sizes) < PART_BOUND * 1.15  # the bound, and the notes of the part
    assert min(sizes) > PART_BOUND * 0.8  # packed, not one division a page
    contents = html(long_site / "long.html")
    parts = contents.xpath("//nav[@class='parts']/ol/li/a")
    assert [(a.get("href"), a.text) for a in parts[:2]] == [
        ("long.1.html", "Chapitre 1 (p. 1 – p. 60)"),
        ("long.2.html", "Chapitre 4 (p. 61 – p. 120)"),
    ]
    assert len(parts) == 10
    toc = contents.xpath("//nav[@class='toc']//a/@href")
    assert (len(toc), toc[0], toc[9], toc[-1]) == (
        90,
        "long.1.html#sec-1",
        "long.2.html#sec-10",
        "long.10.html#sec-90",
    )


def test_previous_and_next(long_site: Path) -> None:  # noqa: F811
    for number, name in enumerate(PARTS, 1):
        page = html(long_site / name)
        for nav in page.xpath("//nav[@class='parts-nav']"):  # above and below the text
            links = {a.get("rel") or "contents": a.get("href") for a in nav.xpath(".//a")}
            expected = {"contents": "long.html"}
            if number > 1:
                expected["prev"] = PARTS[number - 2]
            if number < len(PARTS):
                expected["next"] = PARTS[number]
            assert links == expected


def test_the_parts_hold_the_whole_text_in_order(long_site: Path) -> None:  # noqa: F811
    whole = lxml.html.document_fromstring(render_document(parse_bytes(long_book(600))))
    in_parts = [block for name in PARTS for block in blocks(html(long_site / name))]
    assert in_parts == blocks(whole)
    assert len(in_parts) == 600 * 4 + 90


def test_each_note_is_on_the_part_of_its_reference(long_site: Path) -> None:  # noqa: F811
    count = 0
    for name in PARTS:
        page = html(long_site / name)
        refs = page.xpath("//main//sup[@class='noteref']/a/@href")
        notes = page.xpath("//section[@class='notes']/ol/li/@id")
        assert [f"#{note}" for note in notes] == refs
        count += len(notes)
    assert count == 600


def test_name_index_points_at_the_part(long_site: Path) -> None:  # noqa: F811
    places = html(long_site / "index-places.html")
    lyon = places.xpath("//section[@id='n-lyon']//a[@class='mention']/@href")
    assert (len(lyon), lyon[0], lyon[-1]) == (360, "long.1.html#m-1", "long.10.html#m-3575")
    assert html(long_site / "long.10.html").xpath("//a[@id='m-3575']/text()") == ["Lyon"]


@pytest.mark.parametrize("bound", [PART_BOUND, 10**9])
def test_a_short_page_stays_one_page_byte_for_byte(bound: int) -> None:
    page = render_document(parse_bytes(long_book(20)))
    if bound == PART_BOUND:
        assert len(page.encode()) < bound
    edition = split_edition(page, "short.html", bound)
    assert (edition.pages, edition.where) == ({"short.html": page}, {})


def test_build_makes_the_same_parts_as_the_site(long_site: Path) -> None:  # noqa: F811
    """`teiforge build` renders each document in its own task: the same pages come out."""
    task = DocumentTask("tei/long.xml", EncodeOptions(), edition=long_book(600))
    result = build_document(task)
    assert result.page == (long_site / "long.html").read_text("utf-8")
    assert [name for name, _ in result.parts] == [*PARTS, "long.search.js"]
    for name, page in result.parts:
        assert page == (long_site / name).read_text("utf-8"), name
    assert {m.part for m in result.mentions} == set(PARTS)


def test_search_index_of_the_parts(long_site: Path) -> None:  # noqa: F811
    """Each page mark, heading and note is a place; a word's places are the gaps between
    them, in base 36; words are folded (case and accents aside)."""
    script = (long_site / "long.search.js").read_text("utf-8")
    prefix = "(window.teiforgeSearch = window.teiforgeSearch || []).push("
    assert script.startswith(prefix) and script.endswith(");\n")
    data = json.loads(script[len(prefix) : -3])
    targets = data["targets"]
    assert len(targets) == 600 + 90 + 600  # pages, headings, notes
    assert targets[:3] == [
        ["long.1.html", "sec-1", "Chapitre 1"],
        ["long.1.html", "sec-2", "Section 1.1"],
        ["long.1.html", "page-1", "p. 1"],
    ]
    places = [int(gap, 36) for gap in data["words"]["mot300x1"].split()]
    assert [targets[p] for p in places] == [["long.5.html", "page-300", "p. 300"]]
    chambery = [int(gap, 36) for gap in data["words"]["chambery"].split()]
    assert len(chambery) == 120  # pages 3, 8, 13...
    assert "Chambéry" not in data["words"]


def test_a_part_never_overwrites_another_page(tmp_path: Path) -> None:
    (tmp_path / "long.xml").write_bytes(long_book(600))
    (tmp_path / "long.1.xml").write_bytes(long_book(20))
    with pytest.raises(InputError) as caught:
        render_site([tmp_path / "long.xml", tmp_path / "long.1.xml"], tmp_path / "site")
    assert str(caught.value) == (
        f"{tmp_path / 'long.xml'}: its part long.1.html would overwrite another page"
    )
    assert not (tmp_path / "site").exists()


def test_a_part_is_titled_by_its_first_heading_and_pages(long_site: Path) -> None:  # noqa: F811
    titles = [html(long_site / name).findtext(".//title") for name in (PARTS[0], PARTS[-1])]
    assert titles == [
        "Un long livre — Chapitre 1 (p. 1 – p. 60)",
        "Un long livre — Chapitre 28 (p. 541 – p. 600)",
    ]
