"""What a RELAX NG schema expects of an element, in names: the child elements it may hold
next (its attributes and their values: rng_attributes).

libxml2 says whether a document is valid and where; its words rarely say what was
expected. This model answers that from the schema itself: an element's content becomes a
pattern over child element names (text, data and attributes aside), and the children seen
so far are consumed one by one by derivatives (Brzozowski's, as jing uses). It explains
findings; it never decides validity.

Patterns are interned: each is an int naming a node in a table, so memoising derivatives is
cheap. Parts of a schema not followed (externalRef, nested grammars, includes) accept anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lxml import etree

from .rng_attributes import Attributes
from .rng_names import NameClass, matches, names, of_pattern, rng
from .rng_patterns import CONTAINERS, content_nodes, pattern_children, top_defines

EMPTY, NOT_ALLOWED, TEXT, ANY = 0, 1, 2, 3
_TEXT_LIKE = {rng("text"), rng("data"), rng("value"), rng("list")}


class Grammar:
    """The element patterns of one schema, as far as messages need them."""

    def __init__(self, root: etree._Element) -> None:
        self._nodes: list[tuple[Any, ...]] = [("empty",), ("notAllowed",), ("text",), ("any",)]
        self._ids: dict[tuple[Any, ...], int] = {node: i for i, node in enumerate(self._nodes)}
        self._elements: list[etree._Element] = []
        self._element_ids: dict[etree._Element, int] = {}
        self._defines = top_defines(root)
        self._refs: dict[str, int] = {}
        self._derivatives: dict[tuple[int, str, str], int] = {}
        self._content: dict[tuple[str, str], int] = {}
        self._texts: dict[int, bool] = {}
        # elements found sound, by all that explaining one reads (rng_messages.signature):
        # another element alike is sound too, without being explained again
        self.sound: set[tuple[Any, ...]] = set()
        for node in root.iter(rng("element")):
            self._element_ids[node] = len(self._elements)
            self._elements.append(node)
        self.attributes = Attributes(self._elements, self._defines)  # and their attributes
        starts = [
            s for s in root.iter(rng("start")) if next(s.iterancestors(rng("grammar"))) is root
        ]
        if root.tag != rng("grammar"):
            self._start = self._pattern(root)
        elif starts:
            self._start = self._choice(
                [self._pattern_of(list(pattern_children(s))) for s in starts]
            )
        else:
            self._start = ANY

    # -------------------------------------------------------------- what an element holds

    def content(self, ns: str, local: str) -> int | None:
        """The content pattern of elements so named (a choice when several patterns match),
        or None when no element pattern of the schema accepts the name."""
        key = (ns, local)
        if key not in self._content:
            found = [
                self._pattern_of(list(content_nodes(node)))
                for node in self._elements
                if matches(of_pattern(node), ns, local)
            ]
            self._content[key] = self._choice(found) if found else -1
        result = self._content[key]
        return None if result == -1 else result

    def derive(self, pattern: int, ns: str, local: str) -> int:
        """What is left of `pattern` after a child element so named."""
        key = (pattern, ns, local)
        if key not in self._derivatives:
            self._derivatives[key] = self._derive(pattern, ns, local)
        return self._derivatives[key]

    def nullable(self, pattern: int) -> bool:
        node = self._nodes[pattern]
        kind = node[0]
        if kind in ("empty", "text", "any"):
            return True
        if kind in ("notAllowed", "element"):
            return False
        if kind == "choice":
            return any(self.nullable(p) for p in node[1])
        if kind in ("group", "interleave"):
            return self.nullable(node[1]) and self.nullable(node[2])
        return self.nullable(node[1])  # oneOrMore

    def start(self) -> int:
        """The pattern a document's root element must match."""
        return self._start

    def expected(self, pattern: int) -> list[str]:
        """The names of the elements that may come next, in words."""
        return _words(self._first(pattern, set()))

    def required(self, pattern: int) -> list[str]:
        """The names of the elements of which one must come next (optional ones skipped),
        for a pattern that is not satisfied yet."""
        return _words(self._required(pattern, set()))

    def allows_text(self, pattern: int) -> bool:
        if pattern not in self._texts:
            node = self._nodes[pattern]
            kind = node[0]
            if kind in ("text", "any"):
                result = True
            elif kind in ("empty", "notAllowed", "element"):
                result = False
            elif kind == "choice":
                result = any(self.allows_text(p) for p in node[1])
            else:
                result = any(self.allows_text(p) for p in node[1:])
            self._texts[pattern] = result
        return self._texts[pattern]

    # ---------------------------------------------------------------- building patterns

    def _intern(self, node: tuple[Any, ...]) -> int:
        found = self._ids.get(node)
        if found is None:
            found = self._ids[node] = len(self._nodes)
            self._nodes.append(node)
        return found

    def _choice(self, patterns: list[int]) -> int:
        flat: set[int] = set()
        for p in patterns:
            node = self._nodes[p]
            if node[0] == "choice":
                flat.update(node[1])
            elif p != NOT_ALLOWED:
                flat.add(p)
        if ANY in flat:
            return ANY
        if not flat:
            return NOT_ALLOWED
        if len(flat) == 1:
            return flat.pop()
        return self._intern(("choice", tuple(sorted(flat))))

    def _pair(self, kind: str, a: int, b: int) -> int:
        if NOT_ALLOWED in (a, b):
            return NOT_ALLOWED
        if a == EMPTY:
            return b
        if b == EMPTY:
            return a
        return self._intern((kind, a, b))

    def _sequence(self, kind: str, patterns: list[int]) -> int:
        result = EMPTY
        for p in patterns:
            result = self._pair(kind, result, p)
        return result

    def _pattern_of(self, nodes: list[etree._Element]) -> int:
        return self._sequence("group", [self._pattern(n) for n in nodes])

    def _pattern(self, node: etree._Element) -> int:
        tag = node.tag
        if tag == rng("element"):
            return self._intern(("element", self._element_ids[node]))
        if tag in _TEXT_LIKE:
            return TEXT
        if tag in (rng("attribute"), rng("empty")):
            return EMPTY
        if tag == rng("notAllowed"):
            return NOT_ALLOWED
        if tag == rng("ref"):
            return self._ref(node.get("name", ""))
        if tag not in CONTAINERS:
            return ANY  # externalRef, parentRef, grammar: not followed
        inner = [self._pattern(c) for c in pattern_children(node)]
        local = tag[len(rng("")) :]
        if local == "choice":
            return self._choice(inner)
        if local == "interleave":
            return self._sequence("interleave", inner)
        if local == "mixed":
            return self._pair("interleave", self._sequence("group", inner), TEXT)
        body = self._sequence("group", inner)
        if local == "group":
            return body
        more = self._intern(("oneOrMore", body)) if body not in (EMPTY, NOT_ALLOWED) else body
        if local == "oneOrMore":
            return more
        return self._choice([more if local == "zeroOrMore" else body, EMPTY])

    def _ref(self, name: str) -> int:
        if name not in self._refs:
            self._refs[name] = ANY  # a ref loop that avoids elements is not RELAX NG: cut it
            defines = self._defines.get(name)
            if defines is None:
                return ANY
            bodies = [self._pattern_of(list(pattern_children(d))) for d in defines]
            combine = next((d.get("combine") for d in defines if d.get("combine")), "choice")
            self._refs[name] = (
                self._sequence("interleave", bodies)
                if combine == "interleave"
                else self._choice(bodies)
            )
        return self._refs[name]

    # -------------------------------------------------------------------- derivatives

    def _derive(self, pattern: int, ns: str, local: str) -> int:
        node = self._nodes[pattern]
        kind = node[0]
        if kind == "any":
            return ANY
        if kind == "element":
            return EMPTY if matches(of_pattern(self._elements[node[1]]), ns, local) else NOT_ALLOWED
        if kind == "choice":
            return self._choice([self.derive(p, ns, local) for p in node[1]])
        if kind == "group":
            first = self._pair("group", self.derive(node[1], ns, local), node[2])
            if not self.nullable(node[1]):
                return first
            return self._choice([first, self.derive(node[2], ns, local)])
        if kind == "interleave":
            left = self._pair("interleave", self.derive(node[1], ns, local), node[2])
            right = self._pair("interleave", node[1], self.derive(node[2], ns, local))
            return self._choice([left, right])
        if kind == "oneOrMore":
            again = self._choice([pattern, EMPTY])
            return self._pair("group", self.derive(node[1], ns, local), again)
        return NOT_ALLOWED  # empty, notAllowed, text

    def _first(self, pattern: int, seen: set[int]) -> Iterator[NameClass | None]:
        if pattern in seen:
            return
        seen.add(pattern)
        node = self._nodes[pattern]
        kind = node[0]
        if kind == "element":
            yield of_pattern(self._elements[node[1]])
        elif kind == "any":
            yield None
        elif kind == "choice":
            for p in node[1]:
                yield from self._first(p, seen)
        elif kind == "group":
            yield from self._first(node[1], seen)
            if self.nullable(node[1]):
                yield from self._first(node[2], seen)
        elif kind == "interleave":
            yield from self._first(node[1], seen)
            yield from self._first(node[2], seen)
        elif kind == "oneOrMore":
            yield from self._first(node[1], seen)

    def _required(self, pattern: int, seen: set[int]) -> Iterator[NameClass | None]:
        if pattern in seen or self.nullable(pattern):
            return
        seen.add(pattern)
        node = self._nodes[pattern]
        kind = node[0]
        if kind == "element":
            yield of_pattern(self._elements[node[1]])
        elif kind == "choice":
            for p in node[1]:
                yield from self._required(p, seen)
        elif kind == "group":
            first = node[1] if not self.nullable(node[1]) else node[2]
            yield from self._required(first, seen)
        elif kind == "interleave":
            yield from self._required(node[1], seen)
            yield from self._required(node[2], seen)
        elif kind == "oneOrMore":
            yield from self._required(node[1], seen)


def _words(name_classes: Iterator[NameClass | None]) -> list[str]:
    found: list[str] = []
    for name_class in name_classes:
        found.extend(["any element"] if name_class is None else names(name_class))
    return sorted(set(found))
