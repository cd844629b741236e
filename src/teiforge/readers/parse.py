"""XML of an OCR format -> a tree, with the safe parser; its problems as InputError."""

from __future__ import annotations

from lxml import etree

from ..errors import InputError
from ..xmlsafe import XmlProblem, parse_bytes


def parse_xml(data: bytes, where: object) -> etree._ElementTree:
    try:
        return parse_bytes(data)
    except XmlProblem as problem:
        raise InputError(where, problem.message) from None
