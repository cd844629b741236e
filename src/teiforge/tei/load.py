"""Reading a TEI file (to render it, or print a reading): every way it can fail becomes one
InputError naming the file."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..xmlsafe import XmlProblem, parse_file
from .legacy import as_p5, is_legacy
from .ns import TEI_NS

TEI_ROOTS = frozenset({"TEI", "teiCorpus"})


def tei_problem(root: etree._Element, *, fragment: bool = False) -> str | None:
    """Why `root` is not the root of a TEI document, or None when it is; with `fragment`,
    any TEI element (a <div>, a <noteGrp>, an XInclude'd part) is one."""
    if not isinstance(root.tag, str):
        return "not TEI: the document has no root element"
    name = etree.QName(root)
    if name.namespace == TEI_NS and (fragment or name.localname in TEI_ROOTS):
        return None
    if root.tag in ("TEI.2", "teiCorpus.2"):
        return f"TEI P4 (root <{root.tag}>, no namespace): teiforge reads TEI P5; convert it first"
    where = f"in namespace {name.namespace}" if name.namespace else "in no namespace"
    expected = "a TEI element" if fragment else "<TEI> or <teiCorpus>"
    return (
        f"not TEI: the root element is <{name.localname}> {where}, expected {expected} in {TEI_NS}"
    )


def _read_problem(error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "file not found"
    if isinstance(error, IsADirectoryError):
        return "is a folder, not a TEI file"
    if isinstance(error, PermissionError):
        return "cannot read (permission denied)"
    return f"cannot read ({error.strerror or error})"


def readable_tei(root: etree._Element) -> etree._Element:
    """`root` as the edition reads it: a legacy document (P4, or TEI without its namespace)
    read as P5, any TEI element as the fragment it is; ValueError if it is not TEI."""
    if is_legacy(root):
        root = as_p5(root)
    problem = tei_problem(root, fragment=True)
    if problem is not None:
        raise ValueError(problem)
    return root


def load_tei(path: Path, *, any_tei: bool = False) -> etree._ElementTree:
    """Parse `path` safely and check it is TEI; raise InputError(path, ...) otherwise. With
    `any_tei`, the tree is read as readable_tei reads it (for the edition)."""
    try:
        tree = parse_file(path)
    except OSError as error:
        raise InputError(path, _read_problem(error)) from None
    except XmlProblem as problem:
        where = f"{problem.line}:{problem.column}: " if problem.line else ""
        raise InputError(path, f"{where}{problem.message}") from None
    if any_tei:
        try:
            return etree.ElementTree(readable_tei(tree.getroot()))
        except ValueError as problem:
            raise InputError(path, str(problem)) from None
    not_tei = tei_problem(tree.getroot())
    if not_tei is not None:
        raise InputError(path, not_tei)
    return tree
