"""xmlschema's validation errors in plain words, each placed on the element it is about.

The reasons xmlschema gives are for schema authors (`'bar' attribute not allowed for
element`, `Unexpected child with tag '{http://...}foo' at position 3.`); the messages here
name the element or attribute and say what the schema expects there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from lxml import etree
from xmlschema.validators import XsdFacet, XsdSimpleType
from xmlschema.validators.exceptions import (
    XMLSchemaChildrenValidationError,
    XMLSchemaValidationError,
)

from ...model import Diagnostic
from ..document import Document
from ..words import display_name, expected
from .types import describe_type

CODE = "XSD"

_ATTRIBUTE_VALUE = re.compile(r"attribute (?P<name>[^=\s]+)=")
_NOT_ALLOWED = re.compile(r"'(?P<name>[^']+)' attribute not allowed")
_MISSING = re.compile(r"missing required attribute '(?P<name>[^']+)'")
_ATTRIBUTE_VALUE_PREFIX = re.compile(r"^attribute [^=\s]+=.*?: ")
_CLARK = re.compile(r"\{[^}]*\}[\w.-]+")
_DUPLICATE_ID = "duplicated xs:ID value"  # TF102 id.unique reports it, for every schema kind


def diagnostics(
    document: Document,
    errors: Iterable[XMLSchemaValidationError],
    declarations: Mapping[etree._Element, Any],
) -> Iterator[Diagnostic]:
    """One Diagnostic per problem; a value that fails several member types of a union is
    one problem. `declarations` maps elements to the XsdElement that validated them."""
    seen: set[tuple[etree._Element, str | None]] = set()
    for error in errors:
        element = error.elem if error.elem is not None else document.root
        reason = error.reason or ""
        if _DUPLICATE_ID in reason:
            continue
        if isinstance(error, XMLSchemaChildrenValidationError):
            yield _children(document, error, element)
            continue
        if isinstance(error.validator, (XsdSimpleType, XsdFacet)):
            found = _ATTRIBUTE_VALUE.match(reason)
            attribute = found.group("name") if found else None
            if (element, attribute) not in seen:
                seen.add((element, attribute))
                message = _bad_value(element, attribute, declarations.get(element), reason)
                yield document.diagnostic(CODE, element, message, attribute)
            continue
        name = display_name(element.tag)
        if found := _NOT_ALLOWED.match(reason):
            attribute = found.group("name")
            message = f'attribute "{display_name(attribute)}" is not allowed on "{name}"'
            yield document.diagnostic(CODE, element, message, attribute)
        elif found := _MISSING.search(reason):
            missing = display_name(found.group("name"))
            message = f'element "{name}" lacks the required attribute "{missing}"'
            yield document.diagnostic(CODE, element, message)
        elif "character data between child elements not allowed" in reason:
            message = f'element "{name}" cannot hold text here, only child elements'
            yield document.diagnostic(CODE, element, message)
        elif "is not an element of the schema" in reason:
            message = f'element "{name}" is not declared in the schema as a root element'
            yield document.diagnostic(CODE, element, message)
        else:  # a reason not met yet: xmlschema's words, with names shown as elsewhere
            message = _CLARK.sub(lambda m: display_name(m.group(0)), reason)
            yield document.diagnostic(CODE, element, f'element "{name}": {message}')


def _bad_value(
    element: etree._Element, attribute: str | None, declaration: Any, reason: str
) -> str:
    if attribute is not None:
        owner, text = f'attribute "{display_name(attribute)}"', element.get(attribute, "")
    else:
        owner, text = f'element "{display_name(element.tag)}"', element.text or ""
    wanted = _value_type(declaration, attribute)
    if wanted is None:  # not validated through a declaration we saw: say what xmlschema says
        return f'value "{text}" of {owner} is not valid: {_ATTRIBUTE_VALUE_PREFIX.sub("", reason)}'
    return f'value "{text}" of {owner} is not {describe_type(wanted)}'


def _children(
    document: Document, error: XMLSchemaChildrenValidationError, parent: etree._Element
) -> Diagnostic:
    name = display_name(parent.tag)
    if error.invalid_tag is None:
        names = [getattr(element, "name", None) for element in error.expected or ()]
        wanted = [display_name(name) for name in names if name]
        tail = f": {expected(wanted)}" if wanted else ""
        return document.diagnostic(CODE, parent, f'element "{name}" is incomplete{tail}')
    child = parent[error.index]
    group: Any = error.validator  # the XsdGroup of the parent's content model
    possible = _possible(group, parent, error.index)
    if possible:
        tail = f"; {expected(possible)}"
    elif not any(True for _ in group.iter_elements()):
        tail = f'; "{name}" holds no child elements'
    else:
        tail = ""
    return document.diagnostic(
        CODE, child, f'element "{display_name(child.tag)}" is not allowed here{tail}'
    )


def _possible(group: Any, parent: etree._Element, index: int) -> list[str]:
    """The elements the content model would accept at `index`, after the children before it."""
    before = [child.tag for child in parent[:index] if isinstance(child.tag, str)]
    names = {element.name for element in group.iter_elements() if getattr(element, "name", None)}
    return [display_name(name) for name in names if _accepts(group, [*before, name])]


def _accepts(group: Any, tags: list[str]) -> bool:
    """Would the content model take these children, in this order (as a prefix)? The same
    walk xmlschema makes when it validates, on a fresh model visitor."""
    model = group.get_model_visitor()
    for tag in tags:
        while model.element is not None:
            if model.match_element(tag) is None:
                if any(True for _ in model.advance(False)):
                    return False
                continue
            if any(True for _ in model.advance(True)):
                return False
            break
        else:
            return False
    return True


def _value_type(declaration: Any, attribute: str | None) -> Any:
    """The simple type a value was checked against: an attribute's, or the element's own."""
    if declaration is None:
        return None
    if attribute is not None:
        used = declaration.attributes.get(attribute)
        return used.type if used is not None else None
    xsd_type = declaration.type
    if xsd_type.is_simple():
        return xsd_type
    return xsd_type.content if xsd_type.has_simple_content() else None
