"""Schematron: XPath 1 rules with lxml's ISO Schematron, XPath 2+ rules (TEI's own) with
Saxon when the optional `schematron` extra (saxonche) is installed.

A Schematron may be a file of its own (.sch) or the rules a RELAX NG schema embeds (as TEI's
ODD-made schemas do: a document declares them with an xml-model whose schematypens is
Schematron's and whose href is the .rng). Failed asserts and fired reports are both
findings; `role="warning"` (or `info`) on them, or on their rule, makes a warning.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from lxml import etree, isoschematron

from ...model import Diagnostic, Severity
from ..document import Document
from .errors import SchemaError, one_line, parse_schema
from .rng_names import RNG_NS
from .source import SchemaSource

SCH_NS = "http://purl.oclc.org/dsdl/schematron"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
CODE = "SCH"
XPATH1 = {"xslt", "xpath", "exslt", "xslt1"}
XPATH2 = {"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"}
WARNING_ROLES = {"warning", "warn", "info", "information"}
EXTRA = 'pip install "saxonche>=12.5"'  # the extra [schematron] of this package


class Schematron(Protocol):
    source: SchemaSource

    def check(self, document: Document) -> list[Diagnostic]: ...


def load(source: SchemaSource) -> Schematron:
    """A checker for the Schematron `source` holds (a .sch, or the rules a .rng embeds)."""
    tree = parse_schema(source)
    root = tree.getroot()
    if root.tag.startswith(f"{{{RNG_NS}}}"):
        root = embedded(root)
        if root is None:
            raise SchemaError("this RELAX NG schema embeds no Schematron rules")
    elif root.tag != f"{{{SCH_NS}}}schema":
        raise SchemaError(
            f"not an ISO Schematron schema (expected a schema element in the namespace {SCH_NS})"
        )
    binding = (root.get("queryBinding") or "xslt").lower()
    if binding in XPATH1:
        return SchematronSchema(source, root)
    if binding in XPATH2:
        from . import saxon

        if not saxon.available():
            raise SchemaError(f'it needs XPath 2 (queryBinding="{binding}"): {EXTRA}')
        return saxon.SaxonSchematron(source, root)
    raise SchemaError(f'unknown queryBinding "{binding}"')


def needs_xpath2(source: SchemaSource) -> bool:
    """Does this Schematron need XPath 2 (Saxon)? Rules a RELAX NG schema embeds do (TEI
    writes them so); a .sch says so in its queryBinding."""
    if source.embedded:
        return True
    try:
        root = parse_schema(source).getroot()
    except SchemaError:
        return False  # compiling it will say what is wrong
    return (root.get("queryBinding") or "xslt").lower() in XPATH2


def embedded(grammar: etree._Element) -> etree._Element | None:
    """The Schematron rules of a RELAX NG schema as one schema (XPath 2, as TEI writes them):
    its ns declarations, lets and patterns, in document order."""
    parts = [
        node
        for node in grammar.iter(f"{{{SCH_NS}}}ns", f"{{{SCH_NS}}}pattern", f"{{{SCH_NS}}}let")
        if not any(etree.QName(a).namespace == SCH_NS for a in node.iterancestors())
    ]
    if not any(etree.QName(p).localname == "pattern" for p in parts):
        return None
    schema = etree.Element(f"{{{SCH_NS}}}schema", queryBinding="xslt2", nsmap={"sch": SCH_NS})
    for part in parts:
        schema.append(_copy(part))
    return schema


def _copy(node: etree._Element) -> etree._Element:
    """A copy that keeps the namespace declarations in scope (XPath in the rules uses them)."""
    return etree.fromstring(etree.tostring(node))


class SchematronSchema:
    """XPath 1 Schematron, compiled by lxml's ISO Schematron (XSLT 1)."""

    def __init__(self, source: SchemaSource, schema: etree._Element) -> None:
        self.source = source
        try:
            self._schema = isoschematron.Schematron(schema, store_report=True)
        except etree.LxmlError as error:
            raise SchemaError(one_line(error)) from None

    def check(self, document: Document) -> list[Diagnostic]:
        try:
            self._schema.validate(document.tree)
        except etree.LxmlError as error:  # the schema's XSLT failed on this document
            message = f"the schema could not check this document: {one_line(error)}"
            return [document.diagnostic(CODE, document.root, message)]
        report = self._schema.validation_report
        found = report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report")
        return [self._diagnostic(document, item) for item in found]

    @staticmethod
    def _diagnostic(document: Document, item: etree._Element) -> Diagnostic:
        message = " ".join("".join(item.itertext()).split())
        try:
            located = document.tree.xpath(item.get("location", "/*"))
        except etree.XPathError:
            located = []
        element = (
            located[0] if located and isinstance(located[0], etree._Element) else document.root
        )
        return with_role(document.diagnostic(CODE, element, message), item.get("role"))


def with_role(diagnostic: Diagnostic, role: str | None) -> Diagnostic:
    if role is not None and role.lower() in WARNING_ROLES:
        return replace(diagnostic, severity=Severity.WARNING)
    return diagnostic
