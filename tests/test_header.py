"""The teiHeader for each combination of what a corpus may state about itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiforge.encode import EncodeOptions, encode
from teiforge.model import PrintedWork
from teiforge.read import source_from_bytes

NS = {"t": "http://www.tei-c.org/ns/1.0"}
SOURCE = source_from_bytes(b"Un paragraphe de texte.\n", "rapport.txt")


@pytest.mark.parametrize(
    ("options", "publication"),
    [
        (EncodeOptions(), "p"),
        (EncodeOptions(licence="CC BY 4.0"), "p"),
        (EncodeOptions(publisher="Archives de Lyon"), "publisher"),
        (
            EncodeOptions(publisher="Archives de Lyon", licence="CC BY 4.0"),
            "publisher availability",
        ),
    ],
    ids=["none", "licence", "publisher", "both"],
)
def test_publication_statement(
    options: EncodeOptions, publication: str, teiforge_schema, tei_all
) -> None:
    tei = etree.fromstring(encode(SOURCE, options))
    statement = tei.find(".//t:publicationStmt", NS)
    assert " ".join(etree.QName(child).localname for child in statement) == publication
    assert list(teiforge_schema.iter_errors(tei)) == []
    assert tei_all.validate(tei), str(tei_all.error_log)


def test_header_facts() -> None:
    tei = etree.fromstring(
        encode(
            SOURCE,
            EncodeOptions(language="en", date="2026-05-06", work=PrintedWork(title="Rapport")),
        )
    )
    assert tei.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert tei.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Rapport"
    assert tei.find(".//t:revisionDesc/t:change", NS).get("when") == "2026-05-06"
    assert tei.find(".//t:language", NS).attrib == {"ident": "en"}
    assert tei.findtext(".//t:language", namespaces=NS) == "English"
    assert tei.findtext(".//t:sourceDesc//t:idno[@type='sha256']", namespaces=NS) == SOURCE.sha256
    assert tei.find(".//t:extent/t:measure", NS).attrib == {"unit": "page", "quantity": "1"}
    from teiforge import __version__

    assert tei.find(".//t:application", NS).attrib == {"ident": "teiforge", "version": __version__}


def test_the_version_is_the_installed_package_s() -> None:
    """teiforge.__version__ is written in the header; the package installed says the same,
    under the distribution name of pyproject.toml (PyPI's "teiforge" is another project)."""
    import tomllib
    from importlib.metadata import packages_distributions, version

    from teiforge import __version__

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    name = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["name"]
    assert name == "teiforge-tei"
    assert set(packages_distributions()["teiforge"]) == {name}  # no other project's teiforge
    assert version(name) == __version__ == "0.1.0"


GERMINAL = PrintedWork(
    title="Germinal",
    authors=("Zola, Émile", "Autre, Anne"),
    date="1885",
    publisher="G. Charpentier",
    pub_place="Paris",
    edition="Édition définitive",
    idnos=(("ark", "ark:/12148/bpt6k5843395"), ("isbn", "978-2-07-036002-4")),
)


def _part(tei: etree._Element, path: str) -> str:
    element = tei.find(path, NS)
    etree.cleanup_namespaces(element)
    return etree.tostring(element, encoding="unicode", with_tail=False)


def test_the_printed_work_in_title_statement_and_source(teiforge_schema, tei_all) -> None:
    tei = etree.fromstring(encode(SOURCE, EncodeOptions(work=GERMINAL)))
    assert _part(tei, ".//t:titleStmt").split("<respStmt")[0] == (
        '<titleStmt xmlns="http://www.tei-c.org/ns/1.0">\n'
        "        <title>Germinal</title>\n"
        "        <author>Zola, Émile</author>\n"
        "        <author>Autre, Anne</author>\n        "
    )
    assert _part(tei, ".//t:sourceDesc") == (
        '<sourceDesc xmlns="http://www.tei-c.org/ns/1.0">\n'
        "        <bibl><author>Zola, Émile</author>; <author>Autre, Anne</author>. "
        '<title level="m">Germinal</title>. <edition>Édition définitive</edition>. '
        "<pubPlace>Paris</pubPlace>: <publisher>G. Charpentier</publisher>, "
        '<date when="1885">1885</date>. <idno type="ark">ark:/12148/bpt6k5843395</idno>, '
        '<idno type="isbn">978-2-07-036002-4</idno></bibl>\n'
        "        <bibl><title>rapport.txt</title>, <note>OCR text, decoded as utf-8</note>, "
        f'<idno type="sha256">{SOURCE.sha256}</idno></bibl>\n'
        "      </sourceDesc>"
    )
    assert list(teiforge_schema.iter_errors(tei)) == []
    assert tei_all.validate(tei), str(tei_all.error_log)


@pytest.mark.parametrize(
    ("work", "bibl"),
    [
        (
            PrintedWork(date="[ca 1885]", pub_place="Paris"),
            "<bibl><pubPlace>Paris</pubPlace>, <date>[ca 1885]</date></bibl>",
        ),
        (
            PrintedWork(authors=("Autre, A.",), edition="2e éd.", title="T"),
            (
                '<bibl><author>Autre, A.</author> <title level="m">T</title>. '
                "<edition>2e éd.</edition></bibl>"
            ),
        ),
        (
            PrintedWork(title="Germinal", publisher="Charpentier"),
            '<bibl><title level="m">Germinal</title>. <publisher>Charpentier</publisher></bibl>',
        ),
    ],
    ids=["date-as-printed", "title-publisher", "no-double-full-stop"],
)
def test_a_work_partly_known(work: PrintedWork, bibl: str, teiforge_schema, tei_all) -> None:
    """A date that is not ISO has no @when; each part ends its sentence."""
    tei = etree.fromstring(encode(SOURCE, EncodeOptions(work=work)))
    assert _part(tei, ".//t:sourceDesc/t:bibl").replace(f' xmlns="{NS["t"]}"', "") == bibl
    assert len(tei.findall(".//t:sourceDesc/t:bibl", NS)) == 2
    assert list(teiforge_schema.iter_errors(tei)) == []
    assert tei_all.validate(tei), str(tei_all.error_log)


BODY = "\n\nLe texte de la page continue ici avec des mots ordinaires et se termine.\n"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("I. Introduction" + BODY, "I. Introduction"),
        (
            "I.   Une   introduction" + " très longue" * 20 + BODY,
            "I. Une introduction" + " très longue" * 10 + " très…",
        ),
        (BODY.lstrip(), "rapport"),
    ],
    ids=["first-heading", "long-heading", "no-heading"],
)
def test_without_a_work_the_title_is_the_first_heading_else_the_stem(text: str, title: str) -> None:
    tei = etree.fromstring(encode(source_from_bytes(text.encode(), "rapport.txt")))
    assert tei.findtext(".//t:titleStmt/t:title", namespaces=NS) == title
    assert len(title) <= 150
    assert tei.findall(".//t:titleStmt/t:author", NS) == []
    assert [etree.QName(b).localname for b in tei.find(".//t:sourceDesc", NS)] == ["bibl"]
