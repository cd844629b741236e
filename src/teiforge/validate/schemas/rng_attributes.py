"""What a RELAX NG schema says of an element's attributes, in names and words: which it
declares and whether each is required, the data types and values each accepts. Read from
the schema's XML as it is (the content model, rng_model, does not follow attributes)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .rng_names import NameClass, matches, of_pattern, rng
from .rng_patterns import CONTAINERS, content_nodes, pattern_children
from .types import BUILTIN_WORDS

# Between an element and an attribute, these keep it required (optional, zeroOrMore and
# choice make it optional).
_KEEP_REQUIRED = {rng("group"), rng("interleave"), rng("oneOrMore"), rng("mixed")}


@dataclass(frozen=True)
class Attribute:
    name_class: NameClass | None
    pattern: etree._Element  # the attribute pattern (its children say its values)
    required: bool


class Attributes:
    """The attribute declarations of one schema."""

    def __init__(
        self, elements: list[etree._Element], defines: dict[str, list[etree._Element]]
    ) -> None:
        """`elements`: the schema's element patterns; `defines`: its top grammar's."""
        self._elements = elements
        self._defines = defines
        # worked out once per element name: a large document asks for every element it has
        self._declared: dict[tuple[str, str], tuple[Attribute, ...]] = {}
        self._words: dict[etree._Element, tuple[tuple[str, ...], tuple[str, ...]]] = {}

    def declared(self, ns: str, local: str) -> tuple[Attribute, ...]:
        """The attributes element patterns so named declare (required when no optional,
        zeroOrMore or choice stands between the element and the attribute)."""
        key = (ns, local)
        if key not in self._declared:
            found: list[Attribute] = []
            for node in self._elements:
                if matches(of_pattern(node), ns, local):
                    found.extend(self._attributes(list(content_nodes(node)), True, set()))
            self._declared[key] = tuple(found)
        return self._declared[key]

    def _attributes(
        self, nodes: list[etree._Element], required: bool, refs: set[str]
    ) -> Iterator[Attribute]:
        for node in nodes:
            tag = node.tag
            if tag == rng("attribute"):
                yield Attribute(of_pattern(node), node, required)
            elif tag == rng("ref"):
                name = node.get("name", "")
                if name not in refs:
                    refs.add(name)
                    for define in self._defines.get(name, []):
                        yield from self._attributes(list(pattern_children(define)), required, refs)
            elif tag in CONTAINERS:
                keeps = tag in _KEEP_REQUIRED
                yield from self._attributes(list(pattern_children(node)), required and keeps, refs)

    def datatypes(self, pattern: etree._Element) -> set[str]:
        """The data types (`ID`, `decimal`...) an attribute pattern's values may have."""
        found: set[str] = set()
        pending = list(pattern_children(pattern))
        refs: set[str] = set()
        while pending:
            node = pending.pop()
            if node.tag == rng("data"):
                found.add(node.get("type", ""))
            elif node.tag == rng("ref") and node.get("name", "") not in refs:
                refs.add(node.get("name", ""))
                for define in self._defines.get(node.get("name", ""), []):
                    pending.extend(pattern_children(define))
            elif node.tag in CONTAINERS:
                pending.extend(pattern_children(node))
        return found

    def value_words(self, pattern: etree._Element) -> tuple[list[str], list[str]]:
        """What an attribute (or a value pattern) accepts: (listed values, other words)."""
        found = self._words.get(pattern)
        if found is None:
            values: list[str] = []
            words: list[str] = []
            nodes = list(pattern_children(pattern)) or [etree.Element(rng("text"))]
            self._values(nodes, values, words, set())
            found = self._words[pattern] = (tuple(values), tuple(words))
        return list(found[0]), list(found[1])

    def _values(
        self, nodes: list[etree._Element], values: list[str], words: list[str], refs: set[str]
    ) -> None:
        for node in nodes:
            tag = node.tag
            if tag == rng("value"):
                values.append(node.text or "")
            elif tag == rng("data"):
                words.append(_data_words(node))
            elif tag == rng("text"):
                words.append("any text")
            elif tag == rng("empty"):
                values.append("")
            elif tag == rng("list"):
                inner_values: list[str] = []
                inner_words: list[str] = []
                self._values(list(pattern_children(node)), inner_values, inner_words, refs)
                items = [*(f'"{v}"' for v in inner_values), *inner_words]
                words.append("a list, separated by spaces, of " + " or ".join(items))
            elif tag == rng("ref"):
                name = node.get("name", "")
                if name not in refs:
                    refs.add(name)
                    for define in self._defines.get(name, []):
                        self._values(list(pattern_children(define)), values, words, refs)
            elif tag in CONTAINERS:
                self._values(list(pattern_children(node)), values, words, refs)


def _data_words(node: etree._Element) -> str:
    word = BUILTIN_WORDS.get(node.get("type", ""), f"a value of type {node.get('type')}")
    params = {p.get("name"): (p.text or "") for p in node if p.tag == rng("param")}
    low, high = params.get("minInclusive"), params.get("maxInclusive")
    if low is not None and high is not None:
        return f"{word} from {low} to {high}"
    if low is not None:
        return f"{word} of at least {low}"
    if high is not None:
        return f"{word} of at most {high}"
    if "pattern" in params:
        return f"text matching the pattern {params['pattern']}"
    return word
