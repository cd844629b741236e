"""libxml2's RELAX NG errors in plain words, each placed on the element it is about, saying
what the schema expected there.

libxml2 reports a node path (`/*/*[2]/*[1]`), no column, and terse messages, some empty of
names ("Expecting an element , got nothing"). Each error names an element whose content or
attributes are wrong (the node itself, or its parent when the message is about a child);
that element is then explained from the schema (rng_model): the child that may not stand
where it does and what may, what is missing, which attribute is not declared or has a value
outside its list. When the model finds nothing to say, libxml2's message is rewritten by
the table below (any message not in it passes through unchanged).
"""

from __future__ import annotations

import re

from lxml import etree

from ...model import Diagnostic
from ..document import Document
from ..words import display_name, expected, or_list
from .rng_model import NOT_ALLOWED, Grammar
from .rng_names import matches, split

CODE = "RNG"

# libxml2 message -> ours, tried in order. `{here}` is the element libxml2 points at; the
# other fields are the message's named groups.
REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), words)
    for p, words in [
        (
            r"Expecting an element , got nothing",
            'element "{here}" is incomplete: a required child element is missing',
        ),
        (
            r"Expecting an element (?P<a>\S+), got nothing",
            'element "{here}" is incomplete: expected "{a}"',
        ),
        (
            r"Expecting element (?P<a>\S+), got (?P<b>\S+)",
            'element "{b}" is not allowed here; expected "{a}"',
        ),
        (r"Did not expect element (?P<a>\S+) there", 'element "{a}" is not allowed here'),
        (r"Extra element (?P<a>\S+) in interleave", 'element "{a}" is not allowed here'),
        (
            r"Element (?P<a>\S+) has extra content: (?P<b>\S+)",
            'element "{b}" is not allowed in "{a}"',
        ),
        (
            r"Did not expect text in element (?P<a>\S+) content",
            'element "{a}" cannot hold text here, only child elements',
        ),
        (
            r"Element (?P<a>\S+) failed to validate attributes",
            'an attribute of "{a}" is not allowed or has a value that is not valid',
        ),
        (r"Element (?P<a>\S+) failed to validate content", 'the content of "{a}" is not valid'),
        (
            r"Invalid sequence in interleave",
            'the child elements of "{here}" are not in an allowed order',
        ),
        (
            r"Expecting a namespace for element (?P<a>\S+)",
            'element "{a}" is in no namespace; it should be in one',
        ),
        (
            r"Element (?P<a>\S+) has wrong namespace: expecting (?P<b>\S+)",
            'element "{a}" is in the wrong namespace; expected {b}',
        ),
    ]
]
_INVALID_ATTRIBUTE = re.compile(r"Invalid attribute (?P<a>\S+) for element (?P<b>\S+)")
# Messages about a child of the node's parent: the parent is the element to explain.
_ABOUT_A_CHILD = re.compile(
    r"Did not expect element |Expecting element |Extra element |Element \S+ has extra content"
)
# Messages libxml2 repeats on every ancestor of a problem: dropped when a descendant has one.
_NCNAME = re.compile(r"[^\W\d][\w.-]*")
_CASCADE = re.compile(r"Element \S+ failed to validate (content|attributes)")


def diagnostics(
    document: Document, errors: etree._ListErrorLog, grammar: Grammar | None = None
) -> list[Diagnostic]:
    found: list[tuple[etree._Element | None, bool, Diagnostic]] = []
    explained: set[etree._Element] = set()
    for entry in errors:
        message = entry.message.strip()
        node = _node(document.tree, entry.path)
        if node is None:  # nowhere to explain it: libxml2's words, at its line
            where = (entry.line or 1, 1)
            found.append((None, False, Diagnostic(CODE, message, document.file, *where)))
            continue
        parent = node.getparent()
        subject = parent if _ABOUT_A_CHILD.match(message) and parent is not None else node
        if subject in explained:
            continue
        hint = _INVALID_ATTRIBUTE.fullmatch(message)
        if hint and grammar is not None and _repeated_id(grammar, node, hint["a"]):
            continue  # the rule id.unique (TF102) says it, for every kind of schema
        explanation = (
            explain(document, grammar, subject, hint["a"] if hint else None) if grammar else []
        )
        if explanation:
            explained.add(subject)
            found.extend((subject, False, d) for d in explanation)
            continue
        text, attribute = rewrite(message, node)
        cascade = _CASCADE.fullmatch(message) is not None
        found.append((node, cascade, document.diagnostic(CODE, node, text, attribute)))
    if grammar is not None:  # libxml2 stops inside an element at its first error: go on
        for element in document.root.iter():
            if element in explained or not isinstance(element.tag, str):
                continue
            alike = signature(element)
            if alike in grammar.sound:
                continue  # most of a large document: explained once per kind of element
            more = explain(document, grammar, element)
            if more:
                found.extend((element, False, d) for d in more)
            else:
                grammar.sound.add(alike)
    located = [element for element, cascade, _ in found if element is not None and not cascade]
    result: list[Diagnostic] = []
    for element, cascade, diagnostic in found:
        if cascade and any(element in other.iterancestors() for other in located):
            continue
        if diagnostic not in result:
            result.append(diagnostic)
    return result


def signature(element: etree._Element) -> tuple[object, ...]:
    """All that explain() reads of an element: its name, attributes and values, its
    children's names in order, whether it holds text, whether it is the root."""
    children = tuple(child.tag for child in element if isinstance(child.tag, str))
    attributes = tuple(sorted(element.attrib.items()))
    return (element.tag, attributes, children, _has_text(element), element.getparent() is None)


def explain(
    document: Document, grammar: Grammar, element: etree._Element, flagged: str | None = None
) -> list[Diagnostic]:
    """What is wrong with this element's attributes and content, as the schema says.
    `flagged` is the local name of an attribute libxml2 found invalid."""
    if not isinstance(element.tag, str):
        return []
    ns, local = split(element.tag)
    content = grammar.content(ns, local)
    if content is None:
        return []
    found = _attribute_problems(document, grammar, element, flagged)
    if element.getparent() is None and grammar.derive(grammar.start(), ns, local) == NOT_ALLOWED:
        roots = grammar.expected(grammar.start())
        tail = f"; {expected(roots)}" if roots else ""
        message = f'element "{display_name(element.tag)}" is not allowed as the root{tail}'
        found.append(document.diagnostic(CODE, element, message))
    name = display_name(element.tag)
    state = content
    misplaced = False
    for child in element:
        if not isinstance(child.tag, str):
            continue
        after = grammar.derive(state, *split(child.tag))
        if after != NOT_ALLOWED:
            state = after
            continue
        misplaced = True
        wanted = grammar.expected(state)
        if wanted:
            tail = f"; {expected(wanted)}"
        elif not grammar.expected(content):
            tail = f'; "{name}" holds no child elements'
        else:
            tail = ""
        message = f'element "{display_name(child.tag)}" is not allowed here{tail}'
        found.append(document.diagnostic(CODE, child, message))
    if not misplaced and not grammar.nullable(state):
        wanted = grammar.required(state) or grammar.expected(state)
        tail = f": {expected(wanted)}" if wanted else ""
        found.append(document.diagnostic(CODE, element, f'element "{name}" is incomplete{tail}'))
    if _has_text(element) and not grammar.allows_text(content):
        message = f'element "{name}" cannot hold text here, only child elements'
        found.append(document.diagnostic(CODE, element, message))
    return found


def _attribute_problems(
    document: Document, grammar: Grammar, element: etree._Element, flagged: str | None
) -> list[Diagnostic]:
    ns, local = split(element.tag)
    declared = grammar.attributes.declared(ns, local)
    name = display_name(element.tag)
    found: list[Diagnostic] = []
    for attribute, value in element.attrib.items():
        attribute_ns, attribute_local = split(attribute)
        matching = [a for a in declared if matches(a.name_class, attribute_ns, attribute_local)]
        shown = display_name(attribute)
        if not matching:
            message = f'attribute "{shown}" is not allowed on "{name}"'
            found.append(document.diagnostic(CODE, element, message, attribute))
            continue
        values: list[str] = []
        words: list[str] = []
        for declaration in matching:
            more_values, more_words = grammar.attributes.value_words(declaration.pattern)
            values += more_values
            words += more_words
        outside_list = bool(values) and not words and " ".join(value.split()) not in values
        if outside_list or attribute_local == flagged:
            listed = [f"one of: {', '.join(v or '(empty)' for v in values)}"] if values else []
            message = f'value "{value}" of attribute "{shown}" is not {or_list(listed + words)}'
            found.append(document.diagnostic(CODE, element, message, attribute))
    present = {split(a) for a in element.attrib}
    for declaration in declared:
        name_class = declaration.name_class
        if not (declaration.required and name_class and name_class[0] == "name"):
            continue
        if (name_class[1], name_class[2]) not in present:
            clark = f"{{{name_class[1]}}}{name_class[2]}" if name_class[1] else name_class[2]
            message = f'element "{name}" lacks the required attribute "{display_name(clark)}"'
            if all(d.message != message for d in found):
                found.append(document.diagnostic(CODE, element, message))
    return found


def _repeated_id(grammar: Grammar, element: etree._Element, local: str) -> bool:
    """Is this "invalid" attribute a well-formed ID that libxml2 saw before?"""
    value = next((v for k, v in element.attrib.items() if split(k)[1] == local), None)
    if value is None or not _NCNAME.fullmatch(value):
        return False
    ns, name = split(element.tag)
    return any(
        "ID" in grammar.attributes.datatypes(a.pattern)
        for a in grammar.attributes.declared(ns, name)
        if a.name_class and a.name_class[0] == "name" and a.name_class[2] == local
    )


def _has_text(element: etree._Element) -> bool:
    if element.text and element.text.strip():
        return True
    return any(child.tail and child.tail.strip() for child in element)


def rewrite(message: str, element: etree._Element) -> tuple[str, str | None]:
    """(readable message, Clark name of the attribute it is about, if any)."""
    message = message.strip()
    found = _INVALID_ATTRIBUTE.fullmatch(message)
    if found is not None:
        return _attribute(found["a"], element)
    for pattern, words in REWRITES:
        found = pattern.fullmatch(message)
        if found is not None:
            return words.format(here=display_name(element.tag), **found.groupdict()), None
    return message, None


def _attribute(local: str, element: etree._Element) -> tuple[str, str | None]:
    """libxml2 says "Invalid attribute" both for an attribute the element may not have and
    for one whose value is wrong, and gives only the local name."""
    name = display_name(element.tag)
    attribute = next((key for key in element.attrib if etree.QName(key).localname == local), None)
    if attribute is None:
        return f'attribute "{local}" is not allowed on "{name}"', None
    value = element.get(attribute)
    message = (
        f'attribute "{display_name(attribute)}" is not allowed on "{name}", '
        f'or its value "{value}" is not valid there'
    )
    return message, attribute


# A step libxml2 writes with the element's prefix (`xi:include`), which XPath cannot resolve
# without the document's bindings: matched by local name instead.
_PREFIXED_STEP = re.compile(r"(?<=/)[\w.-]+:([\w.-]+)")


def _node(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    path = _PREFIXED_STEP.sub(lambda m: f"*[local-name()='{m[1]}']", path)
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    node = found[0] if isinstance(found, list) and found else None
    if isinstance(node, etree._Element) and isinstance(node.tag, str):
        return node
    parent = getattr(node, "getparent", None)
    return parent() if parent is not None else None
