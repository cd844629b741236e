"""RELAX NG: the specialised schema gives every document the verdict and the errors the
full schema gives, and the model says what was expected where libxml2 does not."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from conftest import TEI_P5
from support import REPO
from teiforge.validate.document import Document, parse
from teiforge.validate.schemas import load_schema
from teiforge.validate.schemas.rng import specialise
from teiforge.validate.schemas.rng_messages import explain
from teiforge.validate.schemas.rng_model import Grammar

# Every TEI document of the repository's tests and editions that parses.
DOCUMENTS = sorted(
    {
        *REPO.glob("tests/validate/**/*.xml"),
        *REPO.glob("tests/schema/**/*.xml"),
        *REPO.glob("tests/cases/*/expected.xml"),
        *REPO.glob("tei/*.xml"),
    }
)
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, collect_ids=False)


def _tree(path: Path) -> etree._ElementTree | None:
    if b"<!ENTITY" in path.read_bytes() or b"<!DOCTYPE" in path.read_bytes():
        return None
    try:
        return etree.parse(str(path), PARSER)
    except etree.XMLSyntaxError:
        return None


def test_specialised_tei_all_says_what_the_whole_of_it_says(tei_all: etree.RelaxNG) -> None:
    trees = {path: tree for path in DOCUMENTS if (tree := _tree(path)) is not None}
    assert len(trees) > 40
    names = {
        etree.QName(e).localname for t in trees.values() for e in t.iter() if isinstance(e.tag, str)
    }
    schema = etree.parse(str(TEI_P5 / "tei_all.rng"))
    specialise(schema.getroot(), names)
    specialised = etree.RelaxNG(schema)
    for path, tree in trees.items():
        whole = (tei_all.validate(tree), [(e.path, e.message) for e in tei_all.error_log])
        assert (
            specialised.validate(tree),
            [(e.path, e.message) for e in specialised.error_log],
        ) == whole, path


def test_specialising_keeps_names_and_drops_only_dead_alternatives() -> None:
    grammar = etree.fromstring(
        b'<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a">'
        b'<choice><ref name="b"/><ref name="c"/><group><ref name="c"/><ref name="b"/></group></choice>'
        b'<optional><ref name="c"/></optional></element></start>'
        b'<define name="b"><element name="b"><text/></element></define>'
        b'<define name="c"><element name="c"><element name="b"><empty/></element></element></define>'
        b"</grammar>"
    )
    specialise(grammar, {"a", "b"})
    text = etree.tostring(grammar).decode()
    assert '<choice><ref name="b"/></choice>' in text  # c, and the group that needs it, dropped
    assert '<optional><ref name="c"/></optional>' in text  # kept: <empty/> makes libxml2 loop
    assert '<element name="c"><empty/></element>' in text  # a stub keeps its name


# ----------------------------------------------------------------------- the model

SMALL = b"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><element name="doc"><ref name="head"/><ref name="body"/></element></start>
  <define name="head"><element name="head">
    <attribute name="xml:id"><data type="ID"/></attribute>
    <interleave><element name="title"><text/></element><optional><element name="date"><data type="date"/></element></optional></interleave>
  </element></define>
  <define name="body"><element name="body">
    <optional><attribute name="n"><choice><value>one</value><value>two</value></choice></attribute></optional>
    <oneOrMore><ref name="block"/></oneOrMore><zeroOrMore><element><anyName><except><nsName/></except></anyName><empty/></element></zeroOrMore>
  </element></define>
  <define name="block" combine="choice"><element name="p"><text/></element></define>
  <define name="block" combine="choice"><element name="list"><oneOrMore><element name="item"><text/></element></oneOrMore></element></define>
</grammar>"""


def findings(xml: bytes) -> list[str]:
    grammar = Grammar(etree.fromstring(SMALL))
    document = parse(xml, "t.xml")
    assert isinstance(document, Document)
    found = []
    for element in document.root.iter():
        found += [f"{d.line}:{d.column} {d.message}" for d in explain(document, grammar, element)]
    return found


@pytest.mark.parametrize(
    ("xml", "expected"),
    [
        (
            (
                b'<doc xmlns="http://www.tei-c.org/ns/1.0"><head xml:id="h"><date>2020-01-01</date><title/></head>'
                b'<body n="two"><p/><list><item/></list><x:foreign xmlns:x="urn:x"/></body></doc>'
            ),
            [],
        ),
        (
            b'<doc xmlns="http://www.tei-c.org/ns/1.0"><head><date/></head><body n="three"/></doc>',
            [
                '1:42 element "head" is incomplete: expected "title"',
                '1:42 element "head" lacks the required attribute "xml:id"',
                '1:62 element "body" is incomplete: expected one of: list, p',
                '1:68 value "three" of attribute "n" is not one of: one, two',
            ],
        ),
        (
            (
                b'<doc xmlns="http://www.tei-c.org/ns/1.0"><head xml:id="h" lang="fr"><title/><title/>'
                b"</head><body><p/><list/>text<item/></body></doc>"
            ),
            [
                '1:102 element "list" is incomplete: expected "item"',
                (
                    '1:113 element "item" is not allowed here; expected one of: any element outside '
                    "the namespace http://www.tei-c.org/ns/1.0, list, p"
                ),
                '1:59 attribute "lang" is not allowed on "head"',
                '1:77 element "title" is not allowed here; expected "date"',
                '1:92 element "body" cannot hold text here, only child elements',
            ],
        ),
        (
            b'<body xmlns="http://www.tei-c.org/ns/1.0"><p/></body>',
            ['1:1 element "body" is not allowed as the root; expected "doc"'],
        ),
    ],
)
def test_what_the_model_says_was_expected(xml: bytes, expected: list[str]) -> None:
    assert sorted(findings(xml)) == sorted(expected)


def test_tei_all_messages_for_a_whole_invalid_document() -> None:
    schema = load_schema(TEI_P5 / "tei_all.rng")
    path = Path("tests/validate/layers/mixed.xml")
    document = parse((REPO / path).read_bytes(), str(path))
    assert isinstance(document, Document)
    found = sorted(schema.check(document), key=lambda d: (d.line, d.column))
    assert [f"{d.line}:{d.column} {d.message}" for d in found] == [
        '4:14 element "title" is not allowed here; expected "fileDesc"',
        '4:30 element "respStmt" is not allowed here; expected "fileDesc"',
        '4:30 element "respStmt" is incomplete: expected "resp"',
        '6:5 element "div" cannot hold text here, only child elements',
        '8:10 attribute "colour" is not allowed on "p"',
        (
            '8:27 element "choice" is incomplete: expected one of: abbr, am, choice, corr, ex, '
            "expan, orig, reg, seg, sic, supplied, unclear"
        ),
        (
            '8:85 value "maybe" of attribute "cert" is not one of: high, medium, low, unknown or a '
            "number from 0 to 1"
        ),
        (
            '9:7 element "table" is incomplete: expected one of: binaryObject, formula, graphic, '
            "media, row"
        ),
        '13:17 element "p" is not allowed here; "pb" holds no child elements',
    ]


def test_a_copy_of_the_schema_is_specialised_not_the_schema(tmp_path: Path) -> None:
    schema = load_schema(TEI_P5 / "tei_all.rng")
    before = copy.deepcopy(schema._tree)  # type: ignore[attr-defined]
    document = parse(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "t.xml")
    assert isinstance(document, Document)
    schema.check(document)
    assert etree.tostring(schema._tree) == etree.tostring(before)  # type: ignore[attr-defined]


def test_a_large_document_explains_each_kind_of_element_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The error path of a large file: elements alike (name, attributes, children, text)
    are explained once, not once each (a 1.7 MB novel went from 27 s to 1 s)."""
    from teiforge.validate.schemas import rng_messages

    calls: list[str] = []
    original = rng_messages.explain

    def counting(document: Document, grammar: Grammar, element: etree._Element, *a: object) -> list:  # type: ignore[type-arg]
        calls.append(etree.QName(element).localname)
        return original(document, grammar, element, *a)  # type: ignore[arg-type]

    monkeypatch.setattr(rng_messages, "explain", counting)
    paragraphs = b'<p>Un <hi rend="italic">mot</hi>.</p>' * 200
    xml = (
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
        b"</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>"
        b"</sourceDesc></fileDesc></teiHeader><text><body>" + paragraphs + b"<p><foo/></p>"
        b"</body></text></TEI>"
    )
    document = parse(xml, "big.xml")
    assert isinstance(document, Document)
    schema = load_schema(TEI_P5 / "tei_all.rng")
    found = schema.check(document)
    assert [(d.line, d.column, d.message[:35]) for d in found] == [
        (1, 7616, 'element "foo" is not allowed here; ')
    ]
    assert calls.count("p") <= 4 and calls.count("hi") == 1
