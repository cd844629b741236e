"""What an XSD simple type accepts, in words: `one of: high, medium, low`, `a number from
0 to 1`, `a date (YYYY-MM-DD), a year (YYYY) or ...`. Used to say what a value should be."""

from __future__ import annotations

from typing import Any

from ..words import or_list

XSD_NS = "http://www.w3.org/2001/XMLSchema"

# Built-in types, nearest first when a type derives from another (the first match wins).
BUILTIN_WORDS = {
    "positiveInteger": "a whole number (1 or more)",
    "nonNegativeInteger": "a whole number (0 or more)",
    "integer": "a whole number",
    "decimal": "a number",
    "double": "a number",
    "float": "a number",
    "boolean": "true or false",
    "date": "a date (YYYY-MM-DD)",
    "gYear": "a year (YYYY)",
    "gYearMonth": "a year and month (YYYY-MM)",
    "gMonth": "a month (--MM)",
    "gMonthDay": "a month and day (--MM-DD)",
    "gDay": "a day (---DD)",
    "time": "a time (hh:mm:ss)",
    "dateTime": "a date and time (YYYY-MM-DDThh:mm:ss)",
    "duration": "a duration (e.g. P1Y2M)",
    "language": "a language code (e.g. fr, en-GB)",
    "anyURI": "a URI",
    "ID": "a name with no spaces or colons",
    "NCName": "a name with no spaces or colons",
    "Name": "a name with no spaces",
    "NMTOKEN": "a word with no spaces",
}


def describe_type(simple_type: Any) -> str:
    """Words for the values an xmlschema simple type accepts."""
    if simple_type.is_union():
        return or_list([describe_type(member) for member in simple_type.member_types])
    if simple_type.is_list():
        return f"a list, separated by spaces, of {describe_type(simple_type.item_type)}"
    enumeration = getattr(simple_type, "enumeration", None)
    if enumeration:
        if list(enumeration) == [""]:
            return "empty"
        return "one of: " + ", ".join(str(value) if value != "" else '""' for value in enumeration)
    word = _builtin_word(simple_type)
    low, high = getattr(simple_type, "min_value", None), getattr(simple_type, "max_value", None)
    if low is not None and high is not None:
        return f"{word} from {_number(low)} to {_number(high)}"
    if low is not None:
        return f"{word} of at least {_number(low)}"
    if high is not None:
        return f"{word} of at most {_number(high)}"
    patterns = getattr(simple_type, "patterns", None)
    if word == "text" and patterns:
        return f"text matching the pattern {' or '.join(patterns.regexps)}"
    return word


def _builtin_word(simple_type: Any) -> str:
    node = simple_type
    while node is not None:
        name = node.name or ""
        if name.startswith(f"{{{XSD_NS}}}") and name[len(XSD_NS) + 2 :] in BUILTIN_WORDS:
            return BUILTIN_WORDS[name[len(XSD_NS) + 2 :]]
        node = getattr(node, "base_type", None)
    return "text"


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)
