"""teiforge.xsd, our TEI customisation: it loads offline, it says what the ODD documenting it
says, it is stricter than tei_all, and it never accepts what tei_all rejects.

Data: tests/schema/valid/*.xml are valid against both schemas; tests/schema/invalid/*.xml are
accepted by tei_all and rejected by ours (what makes ours stricter); tests/schema/not-tei/*.xml
are rejected by both. Each rejected file names, in its first comment, the one place where our
schema finds an error: `xsd-error: /TEI/...`.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import xmlschema
from lxml import etree
from xmlschema.validators import XsdAttribute, XsdComplexType, XsdElement, XsdGroup

from support import REPO

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSD = REPO / "src" / "teiforge" / "data" / "teiforge.xsd"
ODD = REPO / "tei" / "teiforge.odd"
SAMPLES = REPO / "tests" / "schema"
NS = {"tei": TEI_NS}


def samples(folder: str) -> list[Path]:
    return sorted((SAMPLES / folder).glob("*.xml"))


def declared(schema: xmlschema.XMLSchema) -> dict[str, list[XsdElement]]:
    """Every declaration of each TEI element name (local declarations may repeat a name)."""
    found: dict[str, list[XsdElement]] = {}
    for component in schema.iter_components(XsdElement):
        if isinstance(component, XsdElement) and component.target_namespace == TEI_NS:
            found.setdefault(str(component.local_name), []).append(component)
    return found


def xsd_errors(schema: xmlschema.XMLSchema, path: Path) -> list[tuple[str | None, str | None]]:
    """(where, why) for each error our schema finds in the file."""
    return [(error.path, error.reason) for error in schema.iter_errors(str(path))]


def expected_error(path: Path) -> str:
    match = re.search(r"xsd-error: (\S+)", path.read_text(encoding="utf-8"))
    assert match is not None, f"{path.name} does not say where the XSD error is"
    return match.group(1)


# ----------------------------------------------------------------------------- the files


def test_xsd_loads_offline_with_tei_as_only_root() -> None:
    # "sandbox": no network, no file outside the schema's folder (xml.xsd comes bundled).
    schema = xmlschema.XMLSchema(str(XSD), allow="sandbox")
    assert schema.target_namespace == TEI_NS
    assert sorted(schema.elements) == ["TEI"]


def test_archival_folder_links_to_the_packaged_xsd() -> None:
    link = REPO / "tei" / "teiforge.xsd"
    assert link.is_symlink()
    assert str(link.readlink()) == "../src/teiforge/data/teiforge.xsd"
    assert link.resolve() == XSD.resolve()


# ---------------------------------------------------------------- the ODD and the XSD agree


def test_odd_is_valid_tei(tei_all: etree.RelaxNG) -> None:
    assert tei_all.validate(etree.parse(str(ODD))) is True, str(tei_all.error_log)


def test_odd_includes_exactly_the_elements_the_xsd_declares(
    teiforge_schema: xmlschema.XMLSchema,
) -> None:
    odd = etree.parse(str(ODD))
    included = [
        name
        for ref in odd.iterfind(".//tei:schemaSpec/tei:moduleRef", NS)
        for name in ref.get("include", "").split()
    ]
    assert len(included) == len(set(included)), "an element is included twice"
    assert sorted(included) == sorted(declared(teiforge_schema))


def odd_attribute_rules(odd: etree._ElementTree) -> Iterator[tuple[str, str, bool, set[str]]]:
    """(element or attribute class, attribute, required?, closed values) for each attDef."""
    for spec in odd.iterfind(".//tei:schemaSpec/*", NS):
        for att_def in spec.iterfind("tei:attList/tei:attDef", NS):
            name = att_def.get("ident", "").replace("xml:", f"{{{XML_NS}}}")
            values = {
                item.get("ident", "")
                for item in att_def.iterfind("tei:valList[@type='closed']/tei:valItem", NS)
            }
            yield spec.get("ident", ""), name, att_def.get("usage") == "req", values


def test_odd_attribute_constraints_are_the_xsd_ones(teiforge_schema: xmlschema.XMLSchema) -> None:
    elements = declared(teiforge_schema)
    checked = []
    for owner, name, required, values in odd_attribute_rules(etree.parse(str(ODD))):
        # A class (att.global.responsibility) constrains its attribute on every element.
        if owner in elements:
            decls = elements[owner]
        else:
            decls = [
                decl for group in elements.values() for decl in group if name in decl.attributes
            ]
        assert decls, f"{owner}/@{name}: no such element or attribute in the XSD"
        for decl in decls:
            attribute = decl.attributes[name]
            assert isinstance(attribute, XsdAttribute)
            where = f"{decl.local_name}/@{name}"
            assert (attribute.use == "required") is required, where
            if values:
                assert set(attribute.type.enumeration or ()) == values, where
        checked.append(f"{owner}/@{name}".replace(f"{{{XML_NS}}}", "xml:"))
    # fmt: off
    assert sorted(checked) == [  # every attDef of the ODD was compared
        "TEI/@xml:lang", "att.global.linking/@next", "att.global.linking/@prev",
        "att.global.responsibility/@cert", "biblScope/@unit", "corr/@resp",
        "foreign/@xml:lang", "fw/@place", "fw/@type", "gap/@reason", "hi/@rend", "idno/@type",
        "note/@place", "org/@xml:id", "person/@xml:id", "place/@xml:id", "said/@who",
        "title/@level",
    ]
    # fmt: on


# ---------------------------------------------------------- stricter than tei_all, conformant


@pytest.mark.parametrize("path", samples("valid"), ids=lambda p: p.stem)
def test_valid_against_both(
    path: Path, teiforge_schema: xmlschema.XMLSchema, tei_all: etree.RelaxNG
) -> None:
    assert xsd_errors(teiforge_schema, path) == []
    assert tei_all.validate(etree.parse(str(path))) is True, str(tei_all.error_log)


@pytest.mark.parametrize("path", samples("invalid"), ids=lambda p: p.stem)
def test_stricter_than_tei_all(
    path: Path, teiforge_schema: xmlschema.XMLSchema, tei_all: etree.RelaxNG
) -> None:
    errors = xsd_errors(teiforge_schema, path)
    assert [where for where, _ in errors] == [expected_error(path)], errors
    assert tei_all.validate(etree.parse(str(path))) is True, str(tei_all.error_log)


@pytest.mark.parametrize("path", samples("not-tei"), ids=lambda p: p.stem)
def test_what_tei_all_rejects_we_reject(
    path: Path, teiforge_schema: xmlschema.XMLSchema, tei_all: etree.RelaxNG
) -> None:
    errors = xsd_errors(teiforge_schema, path)
    assert [where for where, _ in errors] == [expected_error(path)], errors
    document = etree.parse(str(path))
    assert tei_all.validate(document) is False
    # tei_all objects at the same element (same line) as we do, not somewhere else.
    steps = expected_error(path).strip("/").split("/")
    (element,) = document.xpath("/" + "/".join(f"tei:{step}" for step in steps), namespaces=NS)
    assert tei_all.error_log[0].line == element.sourceline, str(tei_all.error_log)


def test_samples_exist() -> None:
    assert [len(samples(folder)) for folder in ("valid", "invalid", "not-tei")] == [2, 21, 8]


# ------------------------------------------- conformance over documents we did not write


# Attribute values to try: each attribute gets those its XSD type accepts (at least one).
# fmt: off
CANDIDATES = (
    "high", "medium", "low", "unknown", "maybe", "other", "0.5", "missing", "illegible",
    "foot", "end", "margin", "top", "bottom", "page", "volume", "issue", "chapter", "line",
    "m", "a", "j", "s", "u", "pageNum", "header", "footer", "true", "false", "inapplicable",
    "silent", "markup", "all", "some", "none", "hard", "Y", "N", "I", "M", "F", "free",
    "restricted", "italic", "interview", "wikidata", "sha256", "fr", "en", "fr-FR", "frp",
    "x-abc", "", " abc ", "a b", "xiv", "12", "1.5", "+.5", "1.", "-0", "1e3", "0.3.1",
    "1a2.3b4", "1998", "1998-05", "1998-05-01", "1998-05-01Z", "1998-05-01+02:00",
    "2026-02-30", "1998-05-01T10:00:00", "#a", "#a #b", "#été", "#1a", "#a:b", "x:y",
    "https://creativecommons.org/licenses/by/4.0/", "http://x.org:8080/a%20b?q=1&r=2#f",
    "https://x.org/a%zz", "https://x.org/a#b#c", "https://[::1]/", "https://x.org/é", "é",
    "\U0001fae0", "a\u00adb", "2480px", "0px", "12 px", "12.5px", "images/p%201.jpg",
    "../a b.jpg",
)
# fmt: on


class RandomDocument:
    """Builds a random document by walking the XSD's own content models: every choice, every
    repetition and every attribute value is drawn at random among those the XSD allows."""

    def __init__(
        self, schema: xmlschema.XMLSchema, seed: int, allowed: dict[XsdAttribute, list[str]]
    ) -> None:
        self.random = random.Random(seed)
        self.ids = 0
        self.allowed = allowed  # attribute -> its candidate values; shared, it is slow to fill
        self.root = self.element(schema.elements["TEI"], depth=0)

    def value(self, attribute: XsdAttribute) -> str:
        if attribute.name == f"{{{XML_NS}}}id":
            self.ids += 1
            return f"id{self.ids}"
        if attribute not in self.allowed:
            values = [value for value in CANDIDATES if attribute.type.is_valid(value)]
            assert values, f"no candidate value for @{attribute.name}: add one to CANDIDATES"
            self.allowed[attribute] = values
        return self.random.choice(self.allowed[attribute])

    def element(self, decl: XsdElement, depth: int) -> etree._Element:
        element = etree.Element(decl.name)
        for name, attribute in decl.attributes.items():
            assert isinstance(attribute, XsdAttribute)  # no xs:anyAttribute in our schema
            if attribute.use == "required" or self.random.random() < 0.4:
                element.set(name, self.value(attribute))
        kind = decl.type
        if kind.has_simple_content():
            element.text = self.random.choice(["texte", "", " é "])
        elif isinstance(kind, XsdComplexType) and isinstance(kind.content, XsdGroup):
            self.text(element, kind.mixed)
            self.group(kind.content, element, depth + 1, kind.mixed)
        return element

    def times(self, particle: XsdElement | XsdGroup, depth: int) -> int:
        low = particle.min_occurs
        if depth > 6 or self.random.random() < 0.3:  # deep down, keep to the minimum
            return low
        high = low + 2 if particle.max_occurs is None else min(particle.max_occurs, low + 2)
        return self.random.randint(low, high)

    def group(self, group: XsdGroup, parent: etree._Element, depth: int, mixed: bool) -> None:
        for _ in range(self.times(group, depth)):
            if group.model == "choice":
                particles = [self.random.choice(list(group))]
            else:
                particles = list(group)
            for particle in particles:
                assert isinstance(particle, (XsdElement, XsdGroup))  # no xs:any in our schema
                for _ in range(self.times(particle, depth)):
                    if isinstance(particle, XsdGroup):
                        self.group(particle, parent, depth, mixed)
                    else:
                        parent.append(self.element(particle, depth))
                        self.text(parent, mixed)

    def text(self, element: etree._Element, mixed: bool) -> None:
        if mixed and self.random.random() < 0.5:
            if len(element):
                element[-1].tail = (element[-1].tail or "") + " mot "
            else:
                element.text = (element.text or "") + " mot "


def test_random_documents_valid_here_are_valid_tei(
    teiforge_schema: xmlschema.XMLSchema, tei_all: etree.RelaxNG
) -> None:
    seen: set[str] = set()
    allowed: dict[XsdAttribute, list[str]] = {}
    for seed in range(200):
        root = RandomDocument(teiforge_schema, seed, allowed).root
        assert list(teiforge_schema.iter_errors(root)) == [], f"seed {seed}: generator bug"
        assert tei_all.validate(root) is True, f"seed {seed}: {tei_all.error_log}"
        seen.update(etree.QName(element).localname for element in root.iter())
    assert seen == set(declared(teiforge_schema))  # every element was exercised
