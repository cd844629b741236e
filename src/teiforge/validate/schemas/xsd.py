"""XML Schema: libxml2 decides, xmlschema explains.

libxml2 (lxml's XMLSchema) checks a document in well under a millisecond; xmlschema takes
tens to hundreds of milliseconds, but knows the schema well enough to say what each
position accepts. So every document goes through libxml2, and only those it finds invalid
go through xmlschema, built on first need, for the messages (xsd_messages). When xmlschema
finds nothing libxml2 did, or cannot build the schema, libxml2's own words are used
(libxml2_xsd_messages). libxml2 is given a local schema for the xml: namespace, which our
schemas import without a location; a schema libxml2 cannot compile is run by xmlschema
alone (slower, same messages).
"""

from __future__ import annotations

import logging
import warnings
from importlib import resources
from pathlib import Path
from typing import Any

from lxml import etree

from ...model import Diagnostic
from ..document import Document
from . import libxml2_xsd_messages
from .errors import SchemaError, one_line, parse_schema
from .source import SchemaSource, local_target

logger = logging.getLogger(__name__)

XSD_NS = "http://www.w3.org/2001/XMLSchema"
XML_NS = "http://www.w3.org/XML/1998/namespace"
CODE = "XSD"


class XsdSchema:
    def __init__(self, source: SchemaSource) -> None:
        self.source = source
        tree = parse_schema(source)
        self._fast = _libxml2(tree, source)
        self._detail: Any = None
        self._detail_failed = False
        if self._fast is None:
            self._detail = _xmlschema(source)  # its reason is the one a user is told

    def check(self, document: Document) -> list[Diagnostic]:
        fast_errors: list[etree._LogEntry] = []
        if self._fast is not None:
            try:
                if self._fast.validate(document.tree):
                    return []
                fast_errors = list(self._fast.error_log)
            except etree.LxmlError:
                fast_errors = []
        detail = self._details()
        if detail is not None:
            found = _explain(detail, document)
            if found or self._fast is None:
                return found
        return libxml2_xsd_messages.diagnostics(document, fast_errors)

    def _details(self) -> Any:
        if self._detail is None and not self._detail_failed:
            try:
                self._detail = _xmlschema(self.source)
            except SchemaError as error:
                logger.info("%s: xmlschema cannot explain (%s)", self.source.shown, error)
                self._detail_failed = True
        return self._detail


def _libxml2(tree: etree._ElementTree, source: SchemaSource) -> etree.XMLSchema | None:
    """libxml2's compiled schema, or None when it cannot compile this one."""
    for node in tree.getroot().iter(f"{{{XSD_NS}}}import", f"{{{XSD_NS}}}include"):
        location = node.get("schemaLocation")
        if node.get("namespace") == XML_NS:
            node.set("schemaLocation", xml_namespace_schema().as_uri())
        elif location is not None and local_target(location, source.path) is None:
            if node.tag == f"{{{XSD_NS}}}include":
                raise SchemaError(f'include "{location}" is not a local file')
            del node.attrib["schemaLocation"]  # never fetched: xmlschema will say what is lost
    try:
        return etree.XMLSchema(tree)
    except etree.XMLSchemaParseError as error:
        logger.info("%s: libxml2 cannot compile it (%s)", source.shown, one_line(error))
        return None


def _xmlschema(source: SchemaSource) -> Any:
    """The schema built by xmlschema, which may open local files only (imports included)."""
    import xmlschema  # imported here: a run with no invalid document never needs it

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            schema = xmlschema.XMLSchema(str(source.path), allow="local", defuse="always")
        except (xmlschema.XMLSchemaException, OSError, ValueError, LookupError) as error:
            raise SchemaError(one_line(error)) from None
    for warning in caught:  # e.g. an import refused because it is remote: said, not shown raw
        logger.warning("%s: %s", source.shown, warning.message)
    return schema


def _explain(schema: Any, document: Document) -> list[Diagnostic]:
    import xmlschema

    from . import xsd_messages

    declarations: dict[etree._Element, Any] = {}

    def remember(element: etree._Element, declaration: Any) -> None:
        declarations[element] = declaration

    resource = xmlschema.XMLResource(document.tree, allow="none")
    try:
        errors = list(schema.iter_errors(resource, extra_validator=remember))
    except xmlschema.XMLSchemaException as error:
        message = f"the schema could not check this document: {one_line(error)}"
        return [document.diagnostic(CODE, document.root, message)]
    return list(xsd_messages.diagnostics(document, errors, declarations))


def xml_namespace_schema() -> Path:
    return Path(str(resources.files("teiforge").joinpath("data", "xml.xsd")))
