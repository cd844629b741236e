"""What the schema loaders share: the error that says a schema cannot be used, and the safe
parse every schema file goes through before a compiler sees it."""

from __future__ import annotations

import gzip

from lxml import etree

from ...xmlsafe import XmlProblem, parse_bytes
from .source import SchemaSource


class SchemaError(Exception):
    """A schema that cannot be compiled; the message says why in one line. The caller turns
    it into an InputError naming the schema."""


def parse_schema(source: SchemaSource) -> etree._ElementTree:
    """The schema file's tree, once the safe parser has accepted it (no DTD, no entity).
    The tree itself comes from a parser that lets the compilers load the local files the
    schema includes or imports (the safe parser's resolver would hand them nothing), with
    its base URL kept so that relative references resolve. Raises SchemaError when the
    file cannot be read or is not safe XML."""
    try:
        data = source.path.read_bytes()
        if source.path.suffix == ".gz":  # tei_all, as the package ships it
            data = gzip.decompress(data)
    except OSError as error:
        raise SchemaError(error.strerror or str(error)) from None
    try:
        parse_bytes(data, base_url=str(source.path))
    except XmlProblem as problem:
        where = f" (line {problem.line}, column {problem.column})" if problem.line else ""
        raise SchemaError(f"{problem}{where}") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(data, parser, base_url=str(source.path)).getroottree()


def one_line(error: BaseException) -> str:
    """An exception's reason on one line (xmlschema's `message` is the reason alone: its
    str() adds the schema's source)."""
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return " ".join(str(message).split())
