"""Reading a TEI file (to render it, or print a reading): every way it can fail becomes one
InputError naming the file."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..xmlsafe import XmlProblem, parse_file
from .ns import TEI_NS

TEI_ROOTS = frozenset({"TEI", "teiCorpus"})


def tei_problem(root: etree._Element) -> str | None:
    """Why `root` is not the root of a TEI document, or None when it is."""
    if not isinstance(root.tag, str):
        return "not TEI: the document has no root element"
    name = etree.QName(root)
    if name.localname in TEI_ROOTS and name.namespace == TEI_NS:
        return None
    if root.tag in ("TEI.2", "teiCorpus.2"):
        return f"TEI P4 (root <{root.tag}>, no namespace): teiforge reads TEI P5; convert it first"
    where = f"in namespace {name.namespace}" if name.namespace else "in no namespace"
    return (
        f"not TEI: the root element is <{name.localname}> {where}, "
        f"expected <TEI> or <teiCorpus> in {TEI_NS}"
    )


def _read_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a TEI file"
    if isinstance(error, PermissionError):
        return "cannot read (permission denied)"
    return f"cannot read ({error.strerror or error})"


def load_tei(path: Path) -> etree._ElementTree:
    """Parse `path` safely and check it is TEI; raise InputError(path, ...) otherwise."""
    try:
        tree = parse_file(path)
    except OSError as error:
        raise InputError(path, _read_problem(error)) from None
    except XmlProblem as problem:
        where = f"{problem.line}:{problem.column}: " if problem.line else ""
        raise InputError(path, f"{where}{problem.message}") from None
    not_tei = tei_problem(tree.getroot())
    if not_tei is not None:
        raise InputError(path, not_tei)
    return tree
