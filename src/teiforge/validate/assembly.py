"""An XInclude driver checked as the edition it assembles. Each local `xi:include` is made
as XInclude 1.0 says, read with the safe parser, at any depth (at most MAX_DEPTH, never in
a loop):

- `parse="xml"` (the default): the root of the file it names, or with `xpointer` the element
  it points at: a shorthand id (`xpointer="ch1"`), `element(ch1)`, a child sequence
  (`element(/1/2)`, `element(ch1/3)`) or `xpointer(id('ch1'))`;
- `parse="text"`: the file's text (in its `encoding`, else UTF-8);
- an include that cannot be made (a missing file, a pointer that points at nothing) is
  replaced by the content of its `xi:fallback` when it has one.

Nothing on the network is included. What cannot be included stays an `xi:include` element,
which the schema reports. A finding about an included element is reported in its own file,
at its line and column there.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from .document import Document, parse
from .lent_ids import XINCLUDE_NS, local_target

MAX_DEPTH = 10
_XI = f"{{{XINCLUDE_NS.decode()}}}"
_INCLUDE = f"{_XI}include"
_FALLBACK = f"{_XI}fallback"

# the XPointer schemes a TEI edition uses: element() (an id and/or a child sequence) and the
# id() of the xpointer() scheme; a bare NCName is a shorthand pointer (an id)
_SHORTHAND = re.compile(r"^[^\s()/:]+$")
_ELEMENT_SCHEME = re.compile(r"^element\(\s*([^\s()/]*)((?:/\d+)*)\s*\)$")
_ID_SCHEME = re.compile(r"""^xpointer\(\s*id\(\s*(["'])([^"']+)\1\s*\)\s*\)$""")

Made = list[etree._Element | str]


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
        if include.getparent() is None:
            continue
        made = _made(include, document, parts, seen, depth)
        if made is None:
            made = _fallback(include)
        if made is not None:
            _replace(include, made)


def _made(
    include: etree._Element,
    document: Document,
    parts: list[Document],
    seen: set[Path],
    depth: int,
) -> Made | None:
    """What the include stands for, or None when it cannot be made here."""
    href = include.get("href", "")
    if not href or depth >= MAX_DEPTH:
        return None
    target = local_target(href, Path(document.file).absolute())
    if target is None or not target.is_file():
        return None
    how = include.get("parse", "xml")
    if how == "text":
        try:
            return [target.read_bytes().decode(include.get("encoding") or "utf-8")]
        except (OSError, UnicodeDecodeError, LookupError):
            return None
    if how != "xml" or target in seen:
        return None
    try:
        data = target.read_bytes()
    except OSError:
        return None
    part = parse(data, _shown(target, document.file), document.lent)
    if not isinstance(part, Document):
        return None  # not well-formed, or not safe: the include stays, and is reported
    part.locator  # noqa: B018 (positions read before the part's elements move)
    pointer = include.get("xpointer")
    node = part.root if pointer is None else pointed(part.tree, pointer)
    if node is None:
        return None
    parts.append(part)
    _include(part, node, parts, seen | {target}, depth + 1)
    return [node]


def pointed(tree: etree._ElementTree, pointer: str) -> etree._Element | None:
    """The element an XPointer of a scheme TEI editions use points at, or None."""
    pointer = pointer.strip()
    if _SHORTHAND.match(pointer):
        return _by_id(tree, pointer)
    by_id = _ID_SCHEME.match(pointer)
    if by_id:
        return _by_id(tree, by_id.group(2))
    scheme = _ELEMENT_SCHEME.match(pointer)
    if scheme is None:
        return None
    name, steps = scheme.groups()
    numbers = [int(step) for step in steps.split("/")[1:]]
    node: etree._Element | None
    if name:
        node = _by_id(tree, name)
    else:  # /1 is the document's root element
        node = tree.getroot() if numbers and numbers.pop(0) == 1 else None
    for number in numbers:
        if node is None:
            return None
        children = [child for child in node if isinstance(child.tag, str)]
        node = children[number - 1] if 0 < number <= len(children) else None
    return node


def _by_id(tree: etree._ElementTree, name: str) -> etree._Element | None:
    found = tree.xpath("//*[@xml:id = $name]", name=name)
    return found[0] if isinstance(found, list) and found else None  # type: ignore[return-value]


def _fallback(include: etree._Element) -> Made | None:
    fallback = include.find(_FALLBACK)
    if fallback is None:
        return None
    made: Made = [fallback.text] if fallback.text else []
    for child in fallback:
        tail, child.tail = child.tail, None
        made.append(child)
        if tail:
            made.append(tail)
    return made


def _replace(include: etree._Element, made: Made) -> None:
    """Put `made` (elements and text) where the include is, keeping the text after it."""
    parent = include.getparent()
    assert parent is not None
    before = include.getprevious()
    tail = include.tail
    anchor: etree._Element | None = before  # the node whose tail takes the next text
    position = parent.index(include)
    parent.remove(include)
    for item in [*made, tail or ""]:
        if isinstance(item, str):
            if not item:
                continue
            if anchor is None:
                parent.text = (parent.text or "") + item
            else:
                anchor.tail = (anchor.tail or "") + item
            continue
        item.tail = None
        parent.insert(position, item)
        position += 1
        anchor = item


def _shown(target: Path, driver: str) -> str:
    """The part's name as the run would give it: beside the driver's, as the driver's is."""
    folder = Path(driver).parent
    try:
        return str(folder / target.relative_to(Path(driver).absolute().parent))
    except ValueError:
        return str(target)
