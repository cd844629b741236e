"""An XInclude driver checked as the edition it assembles: each local `xi:include` (parse
"xml", no xpointer) replaced by the root of the file it names, read with the safe parser,
at any depth (at most MAX_DEPTH, never in a loop). Nothing on the network is included, and
no text is: what cannot be included stays an `xi:include` element, which the schema
reports. A finding about an included element is reported in its own file, at its line and
column there.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from .document import Document, parse
from .lent_ids import XINCLUDE_NS, local_target

MAX_DEPTH = 10
_INCLUDE = f"{{{XINCLUDE_NS.decode()}}}include"


def assemble(driver: Document) -> Document:
    """The driver with its includes in place (the driver itself when it has none)."""
    if XINCLUDE_NS not in driver.data:
        return driver
    driver.locator  # noqa: B018 (positions read from the driver's own tree, before it grows)
    parts: list[Document] = []
    _include(driver, driver.root, parts, {Path(driver.file).resolve()}, 0)
    if not parts:
        return driver
    return Document(driver.file, driver.tree, driver.data, driver.lent, tuple(parts))


def _include(
    document: Document,
    root: etree._Element,
    parts: list[Document],
    seen: set[Path],
    depth: int,
) -> None:
    for include in list(root.iter(_INCLUDE)):
        href = include.get("href", "")
        if not href or include.get("xpointer") or include.get("parse", "xml") != "xml":
            continue
        target = local_target(href, Path(document.file).absolute())
        if target is None or target in seen or depth >= MAX_DEPTH or not target.is_file():
            continue
        try:
            data = target.read_bytes()
        except OSError:
            continue
        part = parse(data, _shown(target, document.file), document.lent)
        if not isinstance(part, Document):
            continue  # not well-formed, or not safe: the include stays, and is reported
        part.locator  # noqa: B018 (positions read before the part's root moves)
        parts.append(part)
        _include(part, part.root, parts, seen | {target}, depth + 1)
        parent = include.getparent()
        if parent is None:
            continue
        tail = include.tail
        part_root = part.root
        parent.replace(include, part_root)
        part_root.tail = tail


def _shown(target: Path, driver: str) -> str:
    """The part's name as the run would give it: beside the driver's, as the driver's is."""
    folder = Path(driver).parent
    try:
        return str(folder / target.relative_to(Path(driver).absolute().parent))
    except ValueError:
        return str(target)
