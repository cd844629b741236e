"""The page images of a TEI <facsimile> in the reading edition (html/facsimile.py): which
image each page shows, the zones of its lines, local images copied into the site, web
images left to the reader's browser, a missing image reported."""

from __future__ import annotations

import logging
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from lxml import etree, html

from teiforge.html import render_site
from teiforge.html.facsimile import read_facsimile

FIXTURES = Path(__file__).parent / "html"
TEI = "http://www.tei-c.org/ns/1.0"
CLASS = "contains(concat(' ', @class, ' '), ' %s ')"


def png(width: int, height: int, grey: int) -> bytes:
    """A grey PNG image of that size."""
    rows = b"".join(b"\0" + bytes([grey]) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


@pytest.fixture
def edition(tmp_path: Path) -> Path:
    """The fixture beside its two page images."""
    shutil.copy(FIXTURES / "facsimile.xml", tmp_path / "port.xml")
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "p1.png").write_bytes(png(80, 120, 200))
    (tmp_path / "images" / "p2.png").write_bytes(png(80, 120, 150))
    return tmp_path / "port.xml"


def test_each_page_its_image_and_zones(edition: Path) -> None:
    facsimile = read_facsimile(etree.parse(str(edition)).getroot(), edition, "port")
    assert facsimile is not None
    assert [(s.id, s.label, s.image, s.width, s.height) for s in facsimile.surfaces] == [
        ("f1", "page 11", "facsimile/port/1.png", 800.0, 1200.0),
        ("f2", "page 12", "facsimile/port/2.png", 800.0, 1200.0),  # size from its graphic
    ]
    zones = facsimile.surfaces[0].zones[:4]  # and ten more lines
    assert [(z.anchor, z.x, z.y, z.width, z.height, z.points) for z in zones] == [
        ("zone-f1-h", 200.0, 100.0, 400.0, 60.0, None),
        ("zone-f1-l1", 100.0, 200.0, 600.0, 40.0, None),
        ("zone-f1-l2", 100.0, 250.0, 600.0, 40.0, None),
        ("zone-f1-l3", 100.0, 300.0, 600.0, 40.0, "100,300 700,300 700,340 100,340"),
    ]
    assert facsimile.images == {
        edition.parent / "images" / "p1.png": "facsimile/port/1.png",
        edition.parent / "images" / "p2.png": "facsimile/port/2.png",
    }
    assert facsimile.missing == ()


def test_the_page_shows_the_images_and_links_lines_both_ways(edition: Path) -> None:
    out = edition.parent / "site"
    written = render_site([edition], out)
    assert out / "facsimile" / "port" / "1.png" in written
    assert (out / "facsimile" / "port" / "2.png").read_bytes() == png(80, 120, 150)
    page = html.parse(str(out / "port.html")).getroot()
    assert [
        (pb.get("data-surface"), pb.text_content())
        for pb in page.xpath(f"//main//*[{CLASS % 'pb'}]")
    ] == [
        ("facs-f1", "p. 11"),
        ("facs-f2", "p. 12"),
    ]
    starts = page.xpath(f"//main//*[{CLASS % 'line-start'}]")
    assert [s.get("id") for s in starts] == [
        *(f"line-zone-f1-l{n}" for n in range(1, 14)),
        *(f"line-zone-f2-l{n}" for n in range(1, 43)),
    ]
    assert {s.getparent().tag for s in starts} == {"p"}
    assert page.xpath("//main//h2")[0].get("data-zone") == "zone-f1-h"
    figures = page.xpath("//aside//figure")
    assert [(f.get("id"), f.get("data-label")) for f in figures] == [
        ("facs-f1", "page 11"),
        ("facs-f2", "page 12"),
    ]
    svg = figures[0][0]
    assert svg.get("viewbox") == "0.0 0.0 800.0 1200.0"
    image = svg[0]
    assert (image.tag, image.get("href"), image.get("width")) == (
        "image",
        "facsimile/port/1.png",
        "800.0",
    )
    links = [(a.get("href"), a[0].tag, a[0].get("id")) for a in svg.iter("a")]
    assert len(links) == 14
    assert links[:4] == [
        ("#sec-1", "rect", "zone-f1-h"),  # the heading it frames
        ("#line-zone-f1-l1", "rect", "zone-f1-l1"),
        ("#line-zone-f1-l2", "rect", "zone-f1-l2"),
        ("#line-zone-f1-l3", "polygon", "zone-f1-l3"),
    ]
    assert page.xpath('//script[@src="static/facsimile.js"]')
    assert (out / "static" / "facsimile.js").is_file()


def test_a_web_image_is_left_to_the_browser_and_a_missing_one_reported(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = (FIXTURES / "facsimile.xml").read_text("utf-8")
    text = text.replace("images/p1.png", "https://iiif.example.org/iiif/book/p1/info.json")
    (tmp_path / "port.xml").write_text(text, "utf-8")
    with caplog.at_level(logging.WARNING):
        written = render_site([tmp_path / "port.xml"], tmp_path / "site")
    missing = "page image images/p2.png not found (its zones are shown on a blank page)"
    assert caplog.messages == [f"{tmp_path / 'port.xml'}: {missing}"]
    assert not any("facsimile" in p.parts for p in written)
    page = html.parse(str(tmp_path / "site" / "port.html")).getroot()
    first, second = page.xpath("//aside//svg")
    assert first[0].get("href") == "https://iiif.example.org/iiif/book/p1/full/max/0/default.jpg"
    assert (second[0].tag, second[0].get("class")) == ("rect", "no-image")


def test_a_document_without_a_facsimile_has_no_panel(tmp_path: Path) -> None:
    render_site([FIXTURES / "ours.xml"], tmp_path / "site")
    page = html.parse(str(tmp_path / "site" / "ours.html")).getroot()
    assert (
        page.xpath(f"//aside | //*[{CLASS % 'line-start'}] | //*[@data-surface] | //*[@data-zone]")
        == []
    )
    assert page.xpath('//script[@src="static/facsimile.js"]') == []


def test_a_sourcedoc_surface_is_no_page_image() -> None:
    root = etree.fromstring(
        f'<TEI xmlns="{TEI}"><sourceDoc><surface xml:id="s1" ulx="0" uly="0" lrx="10" lry="10">'
        '<zone xml:id="z" ulx="1" uly="1" lrx="5" lry="5"/></surface></sourceDoc></TEI>'
    )
    assert read_facsimile(root, None, "x") is None


def test_a_part_of_a_long_edition_shows_the_images_of_its_own_pages(edition: Path) -> None:
    from teiforge.html.render import render_page
    from teiforge.html.split import split_edition

    page, _ = render_page(etree.parse(str(edition)), source=edition)
    parts = split_edition(page, "port.html", bound=1500).pages
    shown = {
        name: [f.get("id") for f in html.fromstring(text).xpath("//aside//figure")]
        for name, text in parts.items()
    }
    # the contents page none; a part its pages' images, and that of the page it begins in
    assert shown == {
        "port.html": [],
        "port.1.html": ["facs-f1"],
        "port.2.html": ["facs-f1", "facs-f2"],  # the end of page 11, then page 12
        **{f"port.{n}.html": ["facs-f2"] for n in range(3, 7)},  # the rest of page 12
    }


def _ocr_with_image(root: Path) -> Path:
    """An ALTO page in ocr/ whose image, images/p1.jpg beside it, exists."""
    (root / "ocr" / "images").mkdir(parents=True)
    alto = root / "ocr" / "page1.alto.xml"
    shutil.copy(Path(__file__).parent / "readers" / "page1.alto.xml", alto)
    (root / "ocr" / "images" / "p1.jpg").write_bytes(png(60, 90, 120))
    return alto


def test_an_encoded_page_image_is_named_from_the_edition_and_copied_into_the_site(
    tmp_path: Path,
) -> None:
    alto = _ocr_with_image(tmp_path)
    (tmp_path / "tei").mkdir()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "teiforge",
            "encode",
            str(alto),
            "-o",
            str(tmp_path / "tei" / "p.xml"),
        ],
        capture_output=True,
        check=False,
        text=True,
    )
    assert (done.returncode, done.stderr) == (0, "")
    graphic = etree.parse(str(tmp_path / "tei" / "p.xml")).find(f".//{{{TEI}}}graphic")
    assert graphic is not None
    assert graphic.get("url") == "../ocr/images/p1.jpg"  # from tei/, where the edition is
    render_site([tmp_path / "tei" / "p.xml"], tmp_path / "site")
    copied = tmp_path / "site" / "facsimile" / "p" / "1.jpg"
    assert copied.read_bytes() == (tmp_path / "ocr" / "images" / "p1.jpg").read_bytes()


def test_build_copies_the_page_images_into_its_site(tmp_path: Path) -> None:
    _ocr_with_image(tmp_path)
    (tmp_path / "teiforge.toml").write_text(
        'sources = ["ocr/*.alto.xml"]\ndate = "2026-01-01"\n', encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "teiforge", "build", "-q"],
        capture_output=True,
        check=False,
        text=True,
        cwd=tmp_path,
    )
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    graphic = etree.parse(str(tmp_path / "tei" / "page1.alto.xml")).find(f".//{{{TEI}}}graphic")
    assert graphic is not None and graphic.get("url") == "../ocr/images/p1.jpg"
    page = html.parse(str(tmp_path / "site" / "page1.alto.html")).getroot()
    assert page.xpath("//aside//image/@href") == ["facsimile/page1.alto/1.jpg"]
    copied = tmp_path / "site" / "facsimile" / "page1.alto" / "1.jpg"
    assert copied.read_bytes() == png(60, 90, 120)
