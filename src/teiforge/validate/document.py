"""The first layer: a file read and parsed safely becomes a Document, or one Diagnostic that
says why it is not well-formed XML (or not XML at all). Later layers only see Documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..model import Diagnostic
from ..xmlsafe import XmlProblem, parse_bytes
from .locate import Locator, xpath_of

# XmlProblem.code -> stable diagnostic code. A code never changes meaning once published.
WELL_FORMEDNESS_CODES = {
    "not-well-formed": "TF001",
    "binary": "TF002",
    "entity": "TF003",
    "external-dtd": "TF004",
}


@dataclass(frozen=True)
class Document:
    """One well-formed file: its name as reported, its tree, and its bytes (from which the
    positions of its elements are found, only when a finding needs one)."""

    file: str
    tree: etree._ElementTree
    data: bytes = field(repr=False)
    lent: frozenset[str] = frozenset()  # xml:ids of other files its pointers may name
    parts: tuple[Document, ...] = ()  # the files an XInclude driver assembles (assembly.py)

    @cached_property
    def locator(self) -> Locator:
        return Locator(self.tree, self.data)

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()

    def diagnostic(
        self, code: str, element: etree._Element, message: str, attribute: str | None = None
    ) -> Diagnostic:
        """A Diagnostic about `element` (or one of its attributes, given as a Clark name)."""
        where = next((p for p in self.parts if p.locator.knows(element)), self)
        line, column = where.locator.position(element, attribute)
        return Diagnostic(code, message, where.file, line, column, xpath_of(element))


def load(path: Path) -> Document | Diagnostic:
    """Read and parse one file. An unreadable file is an InputError (nothing can be said
    about its content); a file that is not well-formed XML is a finding."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read ({error.strerror or error})") from None
    return parse(data, str(path))


def parse(data: bytes, file: str, lent: frozenset[str] = frozenset()) -> Document | Diagnostic:
    """The content of `file` as a Document, or the one Diagnostic that says why it is not."""
    try:
        tree = parse_bytes(data, base_url=file)
    except XmlProblem as problem:
        code = WELL_FORMEDNESS_CODES.get(problem.code, "TF001")
        # a binary or empty file has no position: its first character (CI annotations need one)
        return Diagnostic(code, problem.message, file, problem.line or 1, problem.column or 1)
    return Document(file, tree, data, lent)
