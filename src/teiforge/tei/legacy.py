"""TEI P4 read as P5, in memory: what lets the edition render a legacy document.

A P4 document (root <TEI.2> or <teiCorpus.2>, or a <TEI> written without its namespace)
has P5's elements under the same names but for case and a few renamings, in no
namespace. Each element is moved into the TEI namespace under P5's spelling of its name
(the names come from the shipped tei_all schema, matched without case: SGML-era P4 wrote
`teiheader`); `id` and `lang` become xml:id and xml:lang; a pointer attribute's IDREFs
become the `#id` pointers P5 uses; P4's one-element readings (<sic corr="">, <abbr
expan="">...) become P5's <choice>. Nothing else is changed: an element P5 does not know
keeps its name, and is rendered generically with its text.
"""

from __future__ import annotations

import copy
import gzip
import re
from functools import lru_cache
from importlib import resources

from lxml import etree

from .ns import XML_ID, XML_LANG, tei

# the roots that say "this is TEI without a namespace"
LEGACY_ROOTS = frozenset({"tei.2", "teicorpus.2", "tei", "teicorpus"})
# P4 names that P5 renamed (keys casefolded)
RENAMED = {"tei.2": "TEI", "teicorpus.2": "teiCorpus", "div0": "div", "xref": "ref", "xptr": "ptr"}
# attributes holding IDREFs in P4, pointers in P5
POINTERS = ("target", "targets", "who", "corresp", "sameAs", "copyOf", "next", "prev", "ref")
# P4's reading attributes: <sic corr="x"> is P5's <choice><sic/><corr>x</corr></choice>
READINGS = {"sic": "corr", "corr": "sic", "abbr": "expan", "expan": "abbr", "orig": "reg"}
READINGS["reg"] = "orig"
_ELEMENT_NAME = re.compile(rb'<element name="([^"]+)"')


@lru_cache(maxsize=1)
def p5_names() -> dict[str, str]:
    """P5's element names, keyed by their casefolded form."""
    data = resources.files("teiforge.data").joinpath("tei_all.rng.gz").read_bytes()
    names = {name.decode() for name in _ELEMENT_NAME.findall(gzip.decompress(data))}
    return {name.casefold(): name for name in names}


def is_legacy(root: etree._Element) -> bool:
    """Whether `root` is a TEI document's root in no namespace (P4, or P5 without xmlns)."""
    return isinstance(root.tag, str) and root.tag.casefold() in LEGACY_ROOTS


def _p5_name(name: str) -> str:
    folded = name.casefold()
    return RENAMED.get(folded) or p5_names().get(folded, name)


def _reading(element: etree._Element, name: str) -> None:
    """<sic corr="x">y</sic> -> <choice><sic>y</sic><corr>x</corr></choice>, in place."""
    other = READINGS[name]
    value = element.attrib.pop(other, None)
    if value is None or element.getparent() is None:
        return
    choice = etree.Element(tei("choice"))
    element.addprevious(choice)
    choice.tail, element.tail = element.tail, None
    choice.append(element)
    partner = etree.SubElement(choice, tei(other))
    partner.text = value


def as_p5(root: etree._Element) -> etree._Element:
    """A copy of the legacy document `root` with P5's names (see the module's docstring)."""
    root = copy.deepcopy(root)
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    ids: set[str] = set()
    for element in elements:
        if etree.QName(element).namespace is None:
            element.tag = tei(_p5_name(element.tag))
        for attribute, clark in (("id", XML_ID), ("lang", XML_LANG)):
            if attribute in element.attrib and clark not in element.attrib:
                element.set(clark, element.attrib.pop(attribute))
        if element.get(XML_ID):
            ids.add(element.get(XML_ID, ""))
    for element in elements:
        for attribute in POINTERS:
            value = element.get(attribute)
            if value and not value.startswith(("#", "http:", "https:")):
                tokens = value.split()
                if all(token in ids for token in tokens):
                    element.set(attribute, " ".join(f"#{token}" for token in tokens))
        name = etree.QName(element).localname
        if name in READINGS:
            _reading(element, name)
    etree.cleanup_namespaces(root)
    return root
