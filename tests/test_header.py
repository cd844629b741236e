"""The teiHeader for each combination of what a corpus may state about itself."""

from __future__ import annotations

import pytest
from lxml import etree

from teiforge.encode import EncodeOptions, encode
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
        encode(SOURCE, EncodeOptions(language="en", date="2026-05-06", title="Rapport"))
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
    """teiforge.__version__ is written in the header; the package installed says the same."""
    from importlib.metadata import version

    from teiforge import __version__

    assert version("teiforge") == __version__ == "0.1.0"
