"""The OCR formats' own schemas, shipped in the package: a file is checked against the
schema of its namespace (a warning, read all the same), and nothing is ever fetched."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from lxml import etree

from support import teiforge
from teiforge.readers import read_document, schemas
from test_readers_books import BOOKS

HERE = Path(__file__).parent / "readers"
PAGE_2019 = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
ALTO_3 = "http://www.loc.gov/standards/alto/ns-v3#"
ALTO_4 = "http://www.loc.gov/standards/alto/ns-v4#"
NO_COORDS = (
    "not valid PAGE 2019-07-15 (line 8: Element 'TextEquiv': This element is not expected. "
    "Expected is one of ( AlternativeImage, Coords ).); read as far as it goes"
)


def root(path: Path) -> etree._Element:
    return etree.parse(str(path)).getroot()


def test_catalog_names_shipped_schemas_that_compile_offline() -> None:
    entries = schemas.catalog()
    assert sorted((e.name, e.file.name) for e in entries.values()) == [
        ("ALTO 2.0", "alto-2-0.xsd"),
        ("ALTO 3.1", "alto-3-1.xsd"),
        ("ALTO 4.3", "alto-4-3.xsd"),
        ("PAGE 2016-07-15", "page-2016-07-15.xsd"),
        ("PAGE 2017-07-15", "page-2017-07-15.xsd"),
        ("PAGE 2018-07-15", "page-2018-07-15.xsd"),
        ("PAGE 2019-07-15", "page-2019-07-15.xsd"),
        ("XLink (METS profile, v2)", "xlink.xsd"),
    ]
    # every one compiles with its imports (ALTO's xlink) from the catalog, none fetched
    assert all(isinstance(schemas._schema(ns), etree.XMLSchema) for ns in entries)


def test_a_location_outside_the_catalog_is_refused_not_fetched() -> None:
    with pytest.raises(LookupError, match="not in the catalog: http://www.w3.org/1999/xlink.xsd"):
        schemas._Local().resolve("http://www.w3.org/1999/xlink.xsd", None, None)


def test_valid_page_has_no_problem() -> None:
    assert schemas.problems(root(HERE / "noimage.page.xml"), PAGE_2019) == []


def test_valid_alto_2_and_4_have_no_problem() -> None:
    for name in ("page1.alto.xml", "page1.alto2.xml"):
        tree = root(HERE / name)
        assert schemas.problems(tree, etree.QName(tree).namespace) == [], name


def test_no_schema_shipped_no_check() -> None:
    # PAGE 2013: no schema in the package, nothing is checked, even of a file that is not
    # valid (a PAGE 2013 TextRegion with no Coords)
    tree = root(HERE / "rtl.page.xml")
    assert etree.QName(tree).namespace not in schemas.catalog()
    region = tree.find(".//{*}TextRegion")
    region.remove(region.find("{*}Coords"))
    assert schemas.problems(tree, etree.QName(tree).namespace) == []


def test_invalid_alto_is_a_warning_and_is_read(caplog: pytest.LogCaptureFixture) -> None:
    path = HERE / "emptyline.alto.xml"
    with caplog.at_level(logging.WARNING):
        source = read_document([path])
    assert source.text == "Une ligne.\n"
    problem = (
        "line 15: Element 'TextLine': Missing child element(s). "
        "Expected is one of ( Shape, String )."
    )
    assert caplog.messages == [f"{path}: not valid ALTO 4.3 ({problem}); read as far as it goes"]


def test_invalid_page_is_a_warning_and_is_read(caplog: pytest.LogCaptureFixture) -> None:
    path = HERE / "nocoords.page.xml"
    with caplog.at_level(logging.WARNING):
        source = read_document([path])
    assert source.text == "Une ligne sans coordonnées.\n"
    assert caplog.messages == [f"{path}: {NO_COORDS}"]


def test_invalid_page_encodes_with_one_warning_line(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    done = teiforge("encode", HERE / "nocoords.page.xml", "-o", out)
    assert done.returncode == 0
    assert done.stderr.splitlines() == [
        f"teiforge: WARNING: {HERE / 'nocoords.page.xml'}: {NO_COORDS}"
    ]
    assert "Une ligne sans coordonnées." in out.read_text(encoding="utf-8")


@pytest.mark.skipif(not BOOKS.is_dir(), reason="../shared/data/books is absent")
def test_every_ground_truth_page_file_is_valid() -> None:
    files = sorted(BOOKS.glob("*/gt-page/*.xml"))
    assert len(files) == 74
    assert [f.name for f in files if schemas.problems(root(f), PAGE_2019)] == []


@pytest.mark.skipif(not BOOKS.is_dir(), reason="../shared/data/books is absent")
def test_every_ground_truth_alto_file_is_valid() -> None:
    files = sorted(BOOKS.glob("*/gt/*.xml"))
    assert len(files) == 74
    assert {etree.QName(root(f)).namespace for f in files} == {ALTO_4}
    assert [f.name for f in files if schemas.problems(root(f), ALTO_4)] == []


@pytest.mark.skipif(not BOOKS.is_dir(), reason="../shared/data/books is absent")
def test_every_tesseract_alto_file_is_valid_alto_3() -> None:
    # Tesseract writes ALTO v3 (it names alto-3-0.xsd; 3.1 is the same namespace, a superset)
    files = sorted(BOOKS.glob("*/tesseract/*.alto.xml"))
    assert len(files) == 74
    assert {etree.QName(root(f)).namespace for f in files} == {ALTO_3}
    assert [f.name for f in files if schemas.problems(root(f), ALTO_3)] == []


def test_alto_3_string_without_content_is_a_problem() -> None:
    tree = etree.fromstring(
        b'<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"><Layout>'
        b'<Page ID="p1" HEIGHT="10" WIDTH="10" PHYSICAL_IMG_NR="1"><PrintSpace>'
        b'<TextBlock ID="b1"><TextLine ID="l1"><String ID="s1"/></TextLine></TextBlock>'
        b"</PrintSpace></Page></Layout></alto>"
    )
    assert schemas.problems(tree, ALTO_3) == [
        "line 1: Element 'String': The attribute 'CONTENT' is required but missing."
    ]
