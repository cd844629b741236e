"""The facsimile in TEI: a surface per page with its image and size, a zone per line,
pb/@facs, fw/@facs and lb/@facs (break="no" where a word was broken); and the CLI on
formats with coordinates: a folder or --pages as one document, bad input refused."""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from support import teiforge
from teiforge.encode import EncodeOptions, encode
from teiforge.model import Facsimile, Source, Surface, Zone
from teiforge.readers import read_document, source_from_parts
from teiforge.tei.ns import tei

HERE = Path(__file__).parent / "readers"
OPTIONS = EncodeOptions(date="2026-01-01")


def _encoded(source: Source) -> etree._Element:
    return etree.fromstring(encode(source, OPTIONS))


def _xml(element: etree._Element | None) -> str:
    assert element is not None
    text = etree.tostring(element, encoding="unicode", with_tail=False)
    return text.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def test_alto_facsimile_and_its_pointers() -> None:
    root = _encoded(read_document([HERE / "page1.alto.xml"]))
    assert _xml(root.find(tei("facsimile"))).split("\n") == [
        "<facsimile>",
        '    <surface xml:id="f1" ulx="0" uly="0" lrx="1000" lry="1500">',
        '      <graphic url="images/p1.jpg" width="1000px" height="1500px"/>',
        '      <zone xml:id="f1-l1" ulx="300" uly="40" lrx="700" lry="80"/>',
        '      <zone xml:id="f1-l2" ulx="100" uly="200" lrx="900" lry="250"/>',
        '      <zone xml:id="f1-l3" ulx="100" uly="270" lrx="490" lry="320"/>',
        '      <zone xml:id="f1-l4" ulx="480" uly="1420" lrx="520" lry="1450"/>',
        "    </surface>",
        "  </facsimile>",
    ]
    div = root.find(f"{tei('text')}/{tei('body')}/{tei('div')}")
    assert [_xml(child) for child in div] == [  # type: ignore[union-attr]
        '<pb n="vij" facs="#f1"/>',
        # the engine labelled the first line a running title (TAGREFS): forme work
        '<fw type="header" facs="#f1-l1">AVANT-PROPOS.</fw>',
        '<fw type="pageNum" facs="#f1-l4">vij</fw>',
        (  # `maisons`, which the engine read at 0.5, is flagged (ocr/engine.py)
            '<p><lb facs="#f1-l2"/>Les <sic resp="#teiforge">maisons</sic> du dévelop'
            '<lb facs="#f1-l3" break="no"/>pés quartier.</p>'
        ),
    ]


def test_a_iiif_image_and_an_image_path_to_escape() -> None:
    source = read_document([HERE / "rtl.page.xml"])
    graphic = _encoded(source).find(f".//{tei('graphic')}")
    assert graphic is not None
    assert graphic.get("url") == "https://iiif.example.org/iiif/ms1/f1/full/full/0/default.jpg"
    local = Source(
        "x",
        "Une ligne.\n",
        "0" * 64,
        "utf-8",
        Facsimile((Surface("mes images/pé 1.jpg", None, None),), (Zone(1, 0, None),)),
    )
    surface = _encoded(local).find(f".//{tei('surface')}")
    # no size: neither the surface's corners nor the graphic's; a zone without a box
    assert _xml(surface).split("\n") == [
        '<surface xml:id="f1">',
        '      <graphic url="mes%20images/p%C3%A9%201.jpg"/>',
        '      <zone xml:id="f1-l1"/>',
        "    </surface>",
    ]


def test_a_page_that_turns_inside_a_paragraph_points_to_its_surface(tmp_path: Path) -> None:
    alto = (HERE / "page1.alto.xml").read_bytes()
    (tmp_path / "p1.xml").write_bytes(alto.replace(b'"quartier."', b'"quartier"'))
    second = alto.replace(b'"Les"', b'"et"').replace(b'"maisons"', b'"rues"')
    (tmp_path / "p2.xml").write_bytes(
        second.replace(b'"vij"', b'"viij"').replace(b"quartier", b"bourg")
    )
    body = _xml(_encoded(read_document([tmp_path])).find(f".//{tei('body')}"))
    paragraph = body.split("<p>")[1].split("</p>")[0]
    assert paragraph == (
        '<lb facs="#f1-l2"/>Les <sic resp="#teiforge">maisons</sic> du dévelop'
        '<lb facs="#f1-l3" break="no"/>pés quartier '
        '<pb n="viij" facs="#f2"/><fw type="header" facs="#f2-l1">AVANT-PROPOS.</fw>'
        '<fw type="pageNum" facs="#f2-l4">viij</fw>'
        '<lb facs="#f2-l2"/>et <sic resp="#teiforge">rues</sic> du dévelop'
        '<lb facs="#f2-l3" break="no"/>pés bourg.'
    )


def test_cli_reads_a_folder_and_a_list_of_pages_as_one_document(tmp_path: Path) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    for name in ("rtl.page.xml", "noimage.page.xml"):
        (folder / name).write_bytes((HERE / name).read_bytes())
    run = teiforge("encode", folder, "-o", tmp_path / "book.xml")
    assert (run.returncode, run.stderr) == (0, "")
    listed = teiforge(
        "encode",
        "--pages",
        folder / "noimage.page.xml",
        folder / "rtl.page.xml",
        "-o",
        tmp_path / "listed.xml",
    )
    assert (listed.returncode, listed.stderr) == (0, "")
    images = [
        [g.get("url") for g in etree.parse(str(tmp_path / name)).iter(tei("graphic"))]
        for name in ("book.xml", "listed.xml")
    ]
    # the folder in natural order (noimage before rtl); the list in the order given
    assert images == [
        ["https://iiif.example.org/iiif/ms1/f1/full/full/0/default.jpg"],
        ["https://iiif.example.org/iiif/ms1/f1/full/full/0/default.jpg"],
    ]
    surfaces = [
        len(list(etree.parse(str(tmp_path / name)).iter(tei("surface"))))
        for name in ("book.xml", "listed.xml")
    ]
    assert surfaces == [2, 2]
    first_zone = etree.parse(str(tmp_path / "book.xml")).find(f".//{tei('zone')}")
    assert first_zone is not None and first_zone.get("uly") == "10"  # noimage.page.xml's line


def test_cli_refuses_unsupported_markup_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "page.hocr"
    bad.write_bytes(b"<html><body><p>pas de hOCR</p></body></html>")
    run = teiforge("encode", bad, "-o", tmp_path / "out.xml")
    assert (run.returncode, run.stdout) == (2, "")
    assert run.stderr == f"teiforge: error: {bad}: HTML without hOCR pages (no class ocr_page)\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.hocr"]


def test_regions_the_engine_labels_are_headings_and_forme_work() -> None:
    # PAGE: the right-hand region (first in the ReadingOrder) is type="heading", the page
    # number's region type="page-number"; the Hebrew is French to the corrector (fr)
    root = _encoded(read_document([HERE / "rtl.page.xml"]))
    div = root.find(f"{tei('text')}/{tei('body')}/{tei('div')}")
    assert div is not None
    assert [(etree.QName(e).localname, e.get("facs"), "".join(e.itertext())) for e in div] == [
        ("pb", "#f1", ""),
        ("fw", "#f1-l3", "12"),
        ("head", None, "ספר ראשון"),
        ("p", None, "שלום עולם"),
    ]


def test_the_reading_edition_keeps_paragraphs_rejoined(tmp_path: Path) -> None:
    edition = tmp_path / "page1.xml"
    edition.write_bytes(encode(read_document([HERE / "page1.alto.xml"]), OPTIONS))
    run = teiforge("html", edition, "-o", tmp_path / "site")
    missing = "page image images/p1.jpg not found (its zones are shown on a blank page)"
    assert (run.returncode, run.stderr) == (0, f"teiforge: WARNING: {edition}: {missing}\n")
    html = (tmp_path / "site" / "page1.html").read_text(encoding="utf-8")
    # an lb/@facs marks a line of the page image, not a break in the reading
    assert '<br class="lb">' not in html
    # each line of the image an empty mark where it begins (html/facsimile.py), no break
    marks = re.findall(r'<span class="line-start" id="([^"]+)" data-line="[^"]+"></span>', html)
    assert marks[:2] == ["line-zone-f1-l2", "line-zone-f1-l3"]
    text = re.sub(r'<span class="line-start"[^>]*></span>', "", html)
    # `maisons`, read at 0.5, is flagged by the engine's doubt (ocr/engine.py)
    text = re.sub(r'<span class="sic flagged"[^>]*>(maisons)</span>', r"\1", text)
    assert "<p>Les maisons du développés quartier.</p>" in text


def test_alto_in_tenths_of_millimetres_gives_no_pixel_size() -> None:
    alto = (HERE / "page1.alto.xml").read_bytes().replace(b">pixel<", b">mm10<")
    source = read_document([HERE / "page1.alto.xml"])
    assert source.facsimile is not None and source.facsimile.surfaces[0].pixels is True
    mm10 = source_from_parts([(HERE / "mm10.xml", alto)], "mm10.xml", "mm10.xml")
    surface = _encoded(mm10).find(f".//{tei('surface')}")
    assert surface is not None
    # the surface keeps the ALTO's own coordinates; the image's size in pixels is unknown
    assert (surface.get("lrx"), surface.get("lry")) == ("1000", "1500")
    graphic = surface.find(tei("graphic"))
    assert graphic is not None
    assert dict(graphic.attrib) == {"url": "images/p1.jpg"}


def test_build_reads_a_folder_of_pages_as_one_source(tmp_path: Path) -> None:
    book = tmp_path / "ocr" / "book"
    book.mkdir(parents=True)
    alto = (HERE / "page1.alto.xml").read_bytes()
    (book / "p1.xml").write_bytes(alto)
    (tmp_path / "teiforge.toml").write_text(
        'sources = ["ocr/*"]\ntei_dir = "editions"\nsite_dir = "public"\n', encoding="utf-8"
    )
    first = teiforge("build", "-q", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (
        first.stdout.splitlines()[0] == f"encoded 1 source into {tmp_path / 'editions'} (1 changed)"
    )
    edition = etree.parse(str(tmp_path / "editions" / "book.xml"))
    assert len(list(edition.iter(tei("surface")))) == 1
    # a page added to the folder changes the source: the edition is made again
    (book / "p2.xml").write_bytes(alto.replace(b'"vij"', b'"viij"'))
    second = teiforge("build", "-q", cwd=tmp_path)
    assert (
        second.stdout.splitlines()[0]
        == f"encoded 1 source into {tmp_path / 'editions'} (1 changed)"
    )
    edition = etree.parse(str(tmp_path / "editions" / "book.xml"))
    assert len(list(edition.iter(tei("surface")))) == 2
