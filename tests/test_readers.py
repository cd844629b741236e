"""Input formats: ALTO, PAGE, hOCR and Tesseract TSV read into the same Source (its text as
the layout reads it, the zone of each line), recognised by content; bad input refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiforge.errors import InputError
from teiforge.model import Box, Source
from teiforge.readers import read_document, sniff

HERE = Path(__file__).parent / "readers"


def read(*names: str) -> Source:
    return read_document([HERE / name for name in names])


def zones(source: Source) -> list[tuple[int, int, tuple[int, int, int, int] | None, str | None]]:
    assert source.facsimile is not None
    return [
        (
            z.line,
            z.surface,
            (z.box.ulx, z.box.uly, z.box.lrx, z.box.lry) if z.box else None,
            z.region,
        )
        for z in source.facsimile.zones
    ]


def test_alto_lines_hyphen_regions_and_confidences() -> None:
    source = read("page1.alto.xml")
    assert source.format == "alto"
    # blocks apart by a blank line; HYP kept as printed; CONTENT, not SUBS_CONTENT; a line
    # without a String leaves no line
    assert source.text == "AVANT-PROPOS.\n\nLes maisons du dévelop-\npés quartier.\n\nvij\n"
    assert zones(source) == [
        (1, 0, (300, 40, 700, 80), "header"),
        (3, 0, (100, 200, 900, 250), None),
        (4, 0, (100, 270, 490, 320), None),  # no box of its own: its words'
        (6, 0, (480, 1420, 520, 1450), "pageNum"),
    ]
    assert source.facsimile is not None
    words = source.facsimile.zones[1].words
    assert [(w.text, w.confidence) for w in words] == [
        ("Les", 0.96),
        ("maisons", 0.5),
        ("du", None),
        ("dévelop", 0.8),
    ]
    assert words[0].box == Box(100, 200, 190, 250)
    assert [(s.image, s.width, s.height) for s in source.facsimile.surfaces] == [
        ("images/p1.jpg", 1000, 1500)
    ]


def test_page_reading_order_right_to_left_and_region_types() -> None:
    source = read("rtl.page.xml")
    assert source.format == "page"
    # the ReadingOrder puts the right-hand region first; the lowest TextEquiv/@index wins;
    # a region without lines gives nothing; Words' text is in logical order
    assert source.text == "ספר ראשון\n\nשלום עולם\n\n12\n"
    assert zones(source) == [
        (1, 0, (1100, 100, 1900, 180), "heading"),
        (3, 0, (100, 100, 900, 160), None),
        (5, 0, (950, 2900, 1050, 2950), "pageNum"),
    ]
    assert source.facsimile is not None
    assert [(w.text, w.confidence) for w in source.facsimile.zones[1].words] == [
        ("שלום", 0.9),
        ("עולם", 0.6),
    ]
    surface = source.facsimile.surfaces[0]
    assert surface.image == "https://iiif.example.org/iiif/ms1/f1/full/full/0/default.jpg"
    assert (surface.width, surface.height) == (2000, 3000)


def test_page_without_image_and_an_empty_page_in_a_list() -> None:
    source = read("empty.page.xml", "noimage.page.xml")
    # the empty page is a surface without lines; the form feed still separates the pages
    assert source.text == "\fUne ligne sans image.\n"
    assert source.facsimile is not None
    assert [(s.image, s.width) for s in source.facsimile.surfaces] == [
        ("blank.png", 800),
        (None, 800),
    ]
    assert zones(source) == [(1, 1, (10, 10, 790, 50), None)]


def test_hocr_words_paragraphs_and_image() -> None:
    source = read("page1.hocr")  # its DOCTYPE names the XHTML DTD by URL: never loaded
    assert source.format == "hocr"
    assert source.text == "L'été rnaisons\n&c.\n\nCHAPITRE\n"
    assert zones(source) == [
        (1, 0, (100, 200, 900, 250), None),
        (2, 0, (100, 270, 500, 320), None),
        (4, 0, (100, 400, 900, 450), None),
    ]
    assert source.facsimile is not None
    assert [(w.text, w.confidence) for w in source.facsimile.zones[0].words] == [
        ("L'été", 0.96),
        ("rnaisons", 0.34),
    ]
    assert source.facsimile.surfaces[0].image == "../images/001.png"


def test_tsv_words_blocks_and_confidences() -> None:
    source = read("page1.tsv")
    assert source.format == "tsv"
    # a quote inside a word is text (no CSV quoting); a blank word leaves nothing
    assert source.text == 'Les "rnaisons\nfin.\n\n12\n'
    assert zones(source) == [
        (1, 0, (100, 200, 900, 250), None),
        (2, 0, (100, 270, 500, 320), None),
        (4, 0, (480, 1420, 520, 1450), None),
    ]
    assert source.facsimile is not None
    assert [(w.text, w.confidence) for w in source.facsimile.zones[0].words] == [
        ("Les", 0.965),
        ('"rnaisons', 0.34),
    ]
    assert source.facsimile.surfaces[0].image is None


def test_a_folder_is_one_document_in_natural_order(tmp_path: Path) -> None:
    alto = (HERE / "page1.alto.xml").read_bytes()
    for name, old, new in (("p10.xml", b"AVANT", b"DIXIEME"), ("p2.xml", b"AVANT", b"SECONDE")):
        (tmp_path / name).write_bytes(alto.replace(old, new))
    (tmp_path / "p2.jpg").write_bytes(b"\xff\xd8 an image, skipped")
    source = read_document([tmp_path])
    assert source.name == tmp_path.name
    assert source.text.split("\n")[0] == "SECONDE-PROPOS."
    assert source.text.split("\n")[6] == "\fDIXIEME-PROPOS."
    assert source.facsimile is not None
    assert [z.surface for z in source.facsimile.zones] == [0, 0, 0, 0, 1, 1, 1, 1]


def test_plain_text_is_read_as_before() -> None:
    source = read_document([Path(__file__).parent / "cases" / "scholarly" / "input.txt"])
    assert (source.format, source.facsimile) == ("text", None)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (
            b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n",
            "tsv",
        ),
        (
            b'<?xml version="1.0"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#"/>',
            "alto",
        ),
        (
            b"<pc:PcGts xmlns:pc='http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15'/>",
            "page",
        ),
        (b"<html><body><div class='ocr_page' title='bbox 0 0 1 1'></div></body></html>", "hocr"),
        (b"< r\xc3\xa9investir n l'espace public", "text"),
        (b"Le texte <b> brut", "text"),
    ],
)
def test_recognised_by_content_not_by_name(data: bytes, code: str) -> None:
    assert sniff(data, "x.txt") == code


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<TEI xmlns='http://www.tei-c.org/ns/1.0'/>",
            "XML of an unsupported kind (root element TEI); teiforge reads ALTO, PAGE, hOCR, Tesseract TSV and plain text",
        ),
        (b"<html><body><p>x</p></body></html>", "HTML without hOCR pages (no class ocr_page)"),
        (
            b"<alto xmlns='http://www.loc.gov/standards/alto/ns-v9#'><Layout/></alto>",
            "ALTO of an unsupported version (namespace http://www.loc.gov/standards/alto/ns-v9#)",
        ),
        (b"<alto><Layout/></alto>", "ALTO of an unsupported version (namespace none)"),
        (
            b"<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout/></alto>",
            "ALTO without a Page",
        ),
        (
            b"<PcGts xmlns='http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19'/>",
            "PAGE of an unsupported version (namespace http://schema.primaresearch.org/PAGE/gts/pagecontent/2010-03-19)",
        ),
        (
            b'<!DOCTYPE alto [<!ENTITY x SYSTEM "file:///etc/passwd">]><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">&x;</alto>',
            "entity declarations are not allowed (XXE and entity-expansion risk)",
        ),
        (
            b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\n",
            "row 2: 3 fields, not 12",
        ),
        (
            b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n5\t1\t1\t1\t1\t1\t0\t0\t9\t9\t90\tmot\n",
            "row 2: before the first page row (level 1)",
        ),
        (
            b"level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\tx\t9\t-1\t\n",
            "row 2: a number was expected",
        ),
        (
            b"<alto xmlns='http://www.loc.gov/standards/alto/ns-v4#'><Layout><Page/></Layout></alto>",
            "no text on any page",
        ),
    ],
)
def test_bad_input_is_one_message(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_document([path])
    assert str(caught.value) == f"{path}: {message}"


def test_malformed_alto_names_the_position(tmp_path: Path) -> None:
    path = tmp_path / "cut.xml"
    path.write_bytes((HERE / "page1.alto.xml").read_bytes()[:600])
    with pytest.raises(InputError) as caught:
        read_document([path])
    assert str(caught.value).startswith(f"{path}: not well-formed: ")


def test_a_folder_mixing_formats_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_bytes((HERE / "page1.alto.xml").read_bytes())
    (tmp_path / "b.tsv").write_bytes((HERE / "page1.tsv").read_bytes())
    with pytest.raises(InputError) as caught:
        read_document([tmp_path])
    assert str(caught.value) == f"{tmp_path}: pages in several formats (alto, tsv)"


def test_a_folder_without_ocr_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "p1.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError) as caught:
        read_document([tmp_path])
    assert (
        str(caught.value) == f"{tmp_path}: a folder without OCR files (.xml, .hocr, .tsv, .txt...)"
    )


def test_a_folder_of_text_pages_is_one_text_with_form_feeds(tmp_path: Path) -> None:
    (tmp_path / "p1.txt").write_bytes("Première page.\n".encode())
    (tmp_path / "p2.txt").write_bytes("Seconde\r\npage.\n\n".encode("cp1252"))
    source = read_document([tmp_path])
    assert (source.format, source.facsimile) == ("text", None)
    assert source.text == "Première page.\fSeconde\npage.\n"


def test_hocr_entities_are_never_expanded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("motdepasse", encoding="utf-8")
    path = tmp_path / "x.hocr"
    path.write_bytes(
        f'<!DOCTYPE html [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        "<html><body><div class='ocr_page' title='bbox 0 0 10 10'>"
        "<span class='ocr_line' title='bbox 0 0 10 5'>"
        "<span class='ocrx_word' title='bbox 0 0 5 5'>mot&x;</span></span></div></body></html>".encode()
    )
    source = read_document([path])
    assert source.text == "mot&x;\n"  # the reference stays as it was written


def test_utf16_alto_is_alto(tmp_path: Path) -> None:
    text = (HERE / "page1.alto.xml").read_text(encoding="utf-8")
    path = tmp_path / "p.xml"
    path.write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    source = read_document([path])
    assert (source.format, source.text) == ("alto", read("page1.alto.xml").text)
