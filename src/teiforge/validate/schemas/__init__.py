"""The schema layer: each schema of a run located once (read, fingerprinted), compiled once
per process, then asked about each Document.

`.xsd` -> libxml2, explained by xmlschema (xsd.py); `.rng` -> libxml2 compiled for the
elements the documents use (rng.py); `.sch`, or the Schematron a .rng embeds -> lxml (XPath
1) or Saxon (XPath 2, the optional `schematron` extra) (schematron.py). Every schema file
is read with the safe parser first. A schema that cannot be used is an InputError: nothing
can be validated against it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Protocol

from ...errors import InputError
from ...model import Diagnostic
from ..document import Document
from .errors import SchemaError
from .source import DEFAULT_SCHEMA, KINDS, SchemaSource, default_schema, locate, tei_all_schema

__all__ = [
    "DEFAULT_SCHEMA",
    "KINDS",
    "Schema",
    "SchemaSource",
    "compile_schema",
    "default_schema",
    "load_schema",
    "locate",
    "tei_all_schema",
]


class Schema(Protocol):
    source: SchemaSource

    def check(self, document: Document) -> list[Diagnostic]: ...


def _xsd(source: SchemaSource, names: Collection[str]) -> Schema:
    from .xsd import XsdSchema

    return XsdSchema(source)


def _rng(source: SchemaSource, names: Collection[str]) -> Schema:
    from .rng import RngSchema

    return RngSchema(source, names)


def _sch(source: SchemaSource, names: Collection[str]) -> Schema:
    from .schematron import load

    return load(source)


COMPILERS: dict[str, Callable[[SchemaSource, Collection[str]], Schema]] = {
    "xsd": _xsd,
    "rng": _rng,
    "sch": _sch,
}


def compile_schema(source: SchemaSource, names: Collection[str] = ()) -> Schema:
    """The compiled schema; `names`, the local names of the elements the documents to check
    use, lets a RELAX NG schema compile only what they need (see rng.py)."""
    try:
        return COMPILERS[source.kind](source, names)
    except SchemaError as error:
        raise InputError(source.shown, f"cannot load schema: {error}") from None


def load_schema(path: Path) -> Schema:
    """Locate and compile one schema (the library's shortcut; a run uses plan.py)."""
    return compile_schema(locate(path))
