"""The schema layer: load each schema once per run, by its suffix, and check Documents.

`.xsd` -> xmlschema (our customisation, data/teiforge.xsd, when none is given), `.rng` ->
lxml RELAX NG, `.sch` -> lxml ISO Schematron (XPath 1 only). Every schema file is read
with the safe parser, and xmlschema may only open local files for imports. A schema that
cannot be loaded is an InputError: nothing can be validated against it.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import xmlschema
from lxml import etree, isoschematron

from ..errors import InputError
from ..model import Diagnostic, Severity
from ..xmlsafe import XmlProblem, parse_file
from . import rng_messages, xsd_messages
from .document import Document

logger = logging.getLogger(__name__)

DEFAULT_SCHEMA = "teiforge.xsd"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"


class Schema(Protocol):
    def check(self, document: Document) -> list[Diagnostic]: ...


class XsdSchema:
    def __init__(self, path: Path) -> None:
        _parse(path)  # the safe parser's verdict first: xmlschema then reads its own copy
        # (it cannot build from lxml trees), defused, and may open local files only
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            self._schema = xmlschema.XMLSchema(str(path.resolve()), allow="local", defuse="always")
        for warning in caught:  # e.g. an import refused because it is remote: said, not shown raw
            logger.warning("%s: %s", path, warning.message)

    def check(self, document: Document) -> list[Diagnostic]:
        declarations: dict[etree._Element, Any] = {}

        def remember(element: etree._Element, declaration: Any) -> None:
            declarations[element] = declaration

        resource = xmlschema.XMLResource(document.tree, allow="none")
        try:
            errors = list(self._schema.iter_errors(resource, extra_validator=remember))
        except xmlschema.XMLSchemaException as error:
            return [_failed("XSD", document, error)]
        return list(xsd_messages.diagnostics(document, errors, declarations))


class RngSchema:
    def __init__(self, path: Path) -> None:
        self._schema = etree.RelaxNG(_parse(path))

    def check(self, document: Document) -> list[Diagnostic]:
        if self._schema.validate(document.tree):
            return []
        return rng_messages.diagnostics(document, self._schema.error_log)


class SchematronSchema:
    """Asserts that fail and reports that fire are both findings; `role="warning"` (or
    `info`) on them makes a warning instead of an error."""

    def __init__(self, path: Path) -> None:
        self._schema = isoschematron.Schematron(_parse(path), store_report=True)

    def check(self, document: Document) -> list[Diagnostic]:
        try:
            self._schema.validate(document.tree)
        except etree.LxmlError as error:  # the schema's XSLT failed on this document
            return [_failed("SCH", document, error)]
        report = self._schema.validation_report
        found = report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report")
        return [self._diagnostic(document, item) for item in found]

    @staticmethod
    def _diagnostic(document: Document, item: etree._Element) -> Diagnostic:
        message = " ".join("".join(item.itertext()).split())
        severity = Severity.WARNING if item.get("role") in ("warning", "info") else Severity.ERROR
        try:
            located = document.tree.xpath(item.get("location", "/*"))
        except etree.XPathError:
            located = []
        element = (
            located[0] if located and isinstance(located[0], etree._Element) else document.root
        )
        return replace(document.diagnostic("SCH", element, message), severity=severity)


LOADERS: dict[str, Callable[[Path], Schema]] = {
    ".xsd": XsdSchema,
    ".rng": RngSchema,
    ".sch": SchematronSchema,
}


def load_schema(path: Path) -> Schema:
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise InputError(path, "cannot load schema: unknown kind (expected .xsd, .rng or .sch)")
    if not path.is_file():
        raise InputError(path, "cannot load schema: no such file")
    try:
        return loader(path)
    except InputError:
        raise
    except (
        xmlschema.XMLSchemaException,
        etree.LxmlError,
        OSError,
        ValueError,
        LookupError,
    ) as error:
        raise InputError(path, f"cannot load schema: {_one_line(error)}") from None


def load_schemas(paths: Sequence[Path]) -> list[Schema]:
    """The schemas of a run, compiled once; our customisation when none is named."""
    if paths:
        return [load_schema(path) for path in paths]
    with resources.as_file(resources.files("teiforge") / "data" / DEFAULT_SCHEMA) as path:
        return [load_schema(path)]


def _parse(path: Path) -> etree._ElementTree:
    try:
        return parse_file(path)
    except XmlProblem as problem:
        where = f" (line {problem.line}, column {problem.column})" if problem.line else ""
        raise InputError(path, f"cannot load schema: {problem}{where}") from None


def _failed(code: str, document: Document, error: Exception) -> Diagnostic:
    message = f"the schema could not check this document: {_one_line(error)}"
    return document.diagnostic(code, document.root, message)


def _one_line(error: Exception) -> str:
    """xmlschema's `message` is the reason alone (its str() adds the schema source)."""
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return " ".join(str(message).split())
