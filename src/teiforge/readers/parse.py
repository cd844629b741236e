"""XML of an OCR format -> a tree, with the safe parser; its problems as InputError."""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

from ..errors import InputError
from ..xmlsafe import XmlProblem, parse_bytes
from . import schemas


def parse_xml(data: bytes, where: object) -> etree._ElementTree:
    try:
        return parse_bytes(data)
    except XmlProblem as problem:
        raise InputError(where, problem.message) from None


def parse_versioned(
    data: bytes, where: object, namespaces: Collection[str], kind: str
) -> tuple[etree._Element, str]:
    """The root of a format that names its version by its namespace (ALTO, PAGE), and the
    `{namespace}` prefix of its elements; another namespace is an unsupported version.
    A version whose schema teiforge ships is checked against it (a warning: schemas.py)."""
    root = parse_xml(data, where).getroot()
    namespace = etree.QName(root).namespace or ""
    if namespace not in namespaces:
        raise InputError(
            where, f"{kind} of an unsupported version (namespace {namespace or 'none'})"
        )
    schemas.check(root, namespace, where)
    return root, f"{{{namespace}}}"
