"""XPath 2+ Schematron (TEI's own rules) with Saxon, from the optional saxonche wheel (no
Java needed).

The Schematron is compiled here into an XSLT 3.0 stylesheet, built with lxml: one mode
per pattern, one template per rule (earlier rules take priority, so a node is checked by
the first rule of a pattern whose context it matches, as ISO Schematron says), lets as
variables, each failed assert or fired report as a <finding> carrying path() of its node,
its role and its message. Saxon compiles that stylesheet once and runs it per document.
Abstract rules (`extends`) are inlined; abstract patterns (`is-a`) have their parameters
substituted. Phases are not selected: every pattern runs.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree
from lxml.builder import ElementMaker

from ...model import Diagnostic
from ..document import Document
from .errors import SchemaError
from .schematron import CODE, SCH_NS, with_role
from .source import SchemaSource

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_PATH_STEP = re.compile(r"/(?:Q\{(?P<ns>[^}]*)\})?(?P<local>[^/\[]+)\[(?P<index>\d+)\]")

_PROCESSOR: list[Any] = []  # one Saxon processor per process, made on first use


def available() -> bool:
    try:
        import saxonche  # noqa: F401
    except ImportError:
        return False
    return True


def _processor() -> Any:
    if not _PROCESSOR:
        from saxonche import PySaxonProcessor

        _PROCESSOR.append(PySaxonProcessor(license=False))
    return _PROCESSOR[0]


def sch(local: str) -> str:
    return f"{{{SCH_NS}}}{local}"


class SaxonSchematron:
    def __init__(self, source: SchemaSource, schema: etree._Element) -> None:
        self.source = source
        stylesheet = to_xslt(schema)
        text = etree.tostring(stylesheet, encoding="unicode")
        compiler = _processor().new_xslt30_processor()
        try:
            self._executable = compiler.compile_stylesheet(stylesheet_text=text)
        except Exception as error:  # noqa: BLE001 - saxonche raises its own PySaxonApiError
            raise SchemaError(f"Saxon cannot compile its rules: {_first_line(error)}") from None
        if self._executable is None:
            raise SchemaError("Saxon cannot compile its rules")

    def check(self, document: Document) -> list[Diagnostic]:
        processor = _processor()
        try:
            node = processor.parse_xml(xml_text=etree.tostring(document.tree, encoding="unicode"))
            result = self._executable.transform_to_string(xdm_node=node)
        except Exception as error:  # noqa: BLE001 - a dynamic XPath error on this document
            message = f"the schema could not check this document: {_first_line(error)}"
            return [document.diagnostic(CODE, document.root, message)]
        findings = etree.fromstring((result or "<findings/>").encode())
        return [self._diagnostic(document, finding) for finding in findings]

    @staticmethod
    def _diagnostic(document: Document, finding: etree._Element) -> Diagnostic:
        element, attribute = _located(document, finding.get("path", ""))
        message = " ".join("".join(finding.itertext()).split())
        return with_role(
            document.diagnostic(CODE, element, message, attribute), finding.get("role")
        )


def _located(document: Document, path: str) -> tuple[etree._Element, str | None]:
    """The element (and attribute) an XPath 3 path() names: /Q{ns}TEI[1]/Q{ns}text[1]/@n."""
    element = document.root
    attribute = None
    path, _, tail = path.partition("/@")
    if tail:
        found = re.fullmatch(r"(?:Q\{(?P<ns>[^}]*)\})?(?P<local>.+)", tail)
        if found:
            attribute = f"{{{found['ns']}}}{found['local']}" if found["ns"] else found["local"]
    steps = list(_PATH_STEP.finditer(path))
    node: etree._Element | None = None
    for step in steps:
        tag = f"{{{step['ns']}}}{step['local']}" if step["ns"] else step["local"]
        candidates = [document.root] if node is None else [c for c in node if c.tag == tag]
        index = int(step["index"]) - 1
        if node is None and document.root.tag != tag or index >= len(candidates):
            break
        node = candidates[index]
    if node is not None:
        element = node
    return element, attribute if attribute is not None and attribute in element.attrib else None


# ------------------------------------------------------------- Schematron -> XSLT 3


def to_xslt(schema: etree._Element) -> etree._Element:
    """The XSLT 3.0 stylesheet that runs the schema's patterns over one document."""
    namespaces = {"xsl": XSL_NS}
    for ns in schema.iter(sch("ns")):
        if ns.get("prefix") and ns.get("uri") is not None:
            namespaces[ns.get("prefix", "")] = ns.get("uri", "")
    xsl = ElementMaker(namespace=XSL_NS, nsmap=namespaces)
    stylesheet = xsl.stylesheet(version="3.0", **{"exclude-result-prefixes": "#all"})
    stylesheet.append(xsl.output(method="xml", indent="no"))
    for let in schema.findall(sch("let")):
        stylesheet.append(_variable(xsl, let))
    abstract_rules = {
        r.get("id"): r for r in schema.iter(sch("rule")) if r.get("abstract") == "true"
    }
    abstract_patterns = {
        p.get("id"): p for p in schema.iter(sch("pattern")) if p.get("abstract") == "true"
    }
    patterns = [p for p in schema.iter(sch("pattern")) if p.get("abstract") != "true"]
    root = xsl.template(match="/")
    findings = etree.SubElement(root, "findings")
    for number, pattern in enumerate(patterns):
        mode = f"p{number}"
        findings.append(xsl("apply-templates", select="/", mode=mode))
        for let in pattern.findall(sch("let")):
            stylesheet.append(_variable(xsl, let))
        rules = _rules(pattern, abstract_patterns)
        for order, rule in enumerate(rules):
            stylesheet.append(_template(xsl, rule, mode, len(rules) - order, abstract_rules))
        walk = xsl.template(match="@*|node()", mode=mode, priority="-10")
        walk.append(xsl("apply-templates", select="@*|node()", mode=mode))
        stylesheet.append(walk)
    stylesheet.append(root)
    return stylesheet


def _rules(
    pattern: etree._Element, abstract_patterns: dict[str | None, etree._Element]
) -> list[etree._Element]:
    """A pattern's rules; an instance of an abstract pattern has its parameters written in."""
    if pattern.get("is-a") is None:
        return [r for r in pattern.findall(sch("rule")) if r.get("abstract") != "true"]
    template = abstract_patterns.get(pattern.get("is-a"))
    if template is None:
        raise SchemaError(f'pattern is-a "{pattern.get("is-a")}": no such abstract pattern')
    params = {p.get("name", ""): p.get("value", "") for p in pattern.findall(sch("param"))}
    rules = []
    for rule in template.findall(sch("rule")):
        copy = etree.fromstring(etree.tostring(rule))
        for node in copy.iter():
            for key, value in node.attrib.items():
                for name in sorted(params, key=len, reverse=True):
                    value = value.replace(f"${name}", params[name])
                node.set(key, value)
        rules.append(copy)
    return rules


def _template(
    xsl: ElementMaker,
    rule: etree._Element,
    mode: str,
    priority: int,
    abstract_rules: dict[str | None, etree._Element],
) -> etree._Element:
    template = xsl.template(match=rule.get("context", "*"), mode=mode, priority=str(priority))
    checks: list[etree._Element] = []
    for part in rule:
        if part.tag == sch("extends"):
            base = abstract_rules.get(part.get("rule"))
            if base is None:
                raise SchemaError(f'extends rule "{part.get("rule")}": no such abstract rule')
            checks.extend(c for c in base if isinstance(c.tag, str))
        elif isinstance(part.tag, str):
            checks.append(part)
    for check in checks:
        if check.tag == sch("let"):
            template.append(_variable(xsl, check))
        elif check.tag in (sch("assert"), sch("report")):
            test = check.get("test", "true()")
            condition = f"not({test})" if check.tag == sch("assert") else test
            finding = etree.Element("finding")
            finding.set("path", "{path()}")
            finding.set("role", check.get("role") or rule.get("role") or "")
            _message(xsl, check, finding)
            template.append(xsl("if", finding, test=condition))
    template.append(xsl("apply-templates", select="@*|node()", mode=mode))
    return template


def _variable(xsl: ElementMaker, let: etree._Element) -> etree._Element:
    return xsl.variable(name=let.get("name", ""), select=let.get("value", "()"))


def _message(xsl: ElementMaker, check: etree._Element, into: etree._Element) -> None:
    """The assert's text, with <name/> and <value-of/> as their values."""
    into.text = check.text
    for child in check:
        if child.tag == sch("name"):
            piece = xsl("value-of", select=f"name({child.get('path', '.')})")
        elif child.tag == sch("value-of"):
            piece = xsl("value-of", select=child.get("select", "."))
        else:  # emph, dir, span, foreign markup: their text
            piece = xsl.text("".join(child.itertext()))
        piece.tail = child.tail
        into.append(piece)


def _first_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text[:300]
