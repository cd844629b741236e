"""RELAX NG with libxml2, compiled for the elements the documents use.

libxml2 takes 5-7 s to compile tei_all (jing: about 1 s), nearly all of it on the content
models of the ~580 elements it declares; a run's documents use a few dozen of them. So the
schema is specialised to the local names the run's documents use before it is compiled:

1. every element pattern with another name keeps its name and loses its content (a stub);
2. a choice drops the alternatives that can match none of the documents' elements (a stub,
   a ref to a define that is nothing else, a group that requires one), when it keeps one.

A pattern that can match no element of a document changes nothing of whether the document
matches (RELAX NG 4.19 drops such alternatives the same way), so each document gets the
verdict the full schema gives; on every test document and edition libxml2 also gives the
same errors, word for word. Replacing an optional part that cannot match by <empty/> would
be as correct, but makes libxml2's compiler loop: it is not done. Compiling tei_all for our
2,145-file benchmark corpus (42 element names) takes 0.02 s instead of 5-7 s.

The specialisation is made once per run for the names its documents use; a document with a
name outside them (a file changed under us) gets a larger one, so the argument always
holds. Not specialised: element patterns in files the schema includes. Not reported: errors
in parts of the schema no document uses (jing would report them).
"""

from __future__ import annotations

import copy
from collections.abc import Collection

from lxml import etree

from ...model import Diagnostic
from ..document import Document
from . import rng_messages
from .errors import SchemaError, parse_schema
from .rng_model import Grammar
from .rng_names import rng
from .rng_patterns import pattern_children
from .source import SchemaSource, local_target


class RngSchema:
    def __init__(self, source: SchemaSource, names: Collection[str] = ()) -> None:
        self.source = source
        self._tree = parse_schema(source)  # kept whole: each specialisation works on a copy
        _check(self._tree, source)
        self._names: frozenset[str] = frozenset()
        self._known: set[object] = set()  # tags (and comment, PI) whose names are compiled for
        self._compiled: etree.RelaxNG | None = None
        self._grammar: Grammar | None = None
        if names:
            self.prepare(names)

    def prepare(self, names: Collection[str]) -> None:
        """Compile (again) for documents whose elements' local names are all in `names`
        or among those already prepared for."""
        wanted = self._names | frozenset(names)
        if self._compiled is not None and wanted == self._names:
            return  # compiled for these names, or more
        tree = copy.deepcopy(self._tree)
        specialise(tree.getroot(), wanted)
        try:
            self._compiled = etree.RelaxNG(tree)
        except etree.RelaxNGParseError as error:
            raise SchemaError(_first_error(error)) from None
        self._names = wanted

    def check(self, document: Document) -> list[Diagnostic]:
        tags = {e.tag for e in document.root.iter()} - self._known  # mostly none
        if self._compiled is None or tags:
            used = {_local(tag) for tag in tags if isinstance(tag, str)}
            if self._compiled is None or not used <= self._names:
                self.prepare(used)
            self._known |= {t for t in tags if not isinstance(t, str) or _local(t) in self._names}
        assert self._compiled is not None
        if self._compiled.validate(document.tree):
            return []
        return rng_messages.diagnostics(document, self._compiled.error_log, self.grammar())

    def grammar(self) -> Grammar:
        """The full schema's model, for what messages say was expected (built once)."""
        if self._grammar is None:
            self._grammar = Grammar(self._tree.getroot())
        return self._grammar


def specialise(root: etree._Element, names: Collection[str]) -> None:
    """Stub the element patterns of other names, then drop the choices' dead alternatives."""
    for node in list(root.iter(rng("element"))):
        if _unused(node, names):
            for child in list(node):
                node.remove(child)
            etree.SubElement(node, rng("empty"))
    dead = _Dead(root, names)
    for choice in list(root.iter(rng("choice"))):
        alternatives = list(pattern_children(choice))
        gone = [c for c in alternatives if dead(c)]
        if gone and len(gone) < len(alternatives):
            for child in gone:
                choice.remove(child)


def _local(tag: str) -> str:
    return tag[tag.find("}") + 1 :]


def _unused(node: etree._Element, names: Collection[str]) -> bool:
    name = node.get("name")
    return name is not None and name.rsplit(":", 1)[-1] not in names


class _Dead:
    """Can a pattern match none of the documents' elements (and so no document content)?"""

    def __init__(self, root: etree._Element, names: Collection[str]) -> None:
        self._names = names
        self._defines: dict[str, list[etree._Element]] = {}
        for define in root.iter(rng("define")):
            self._defines.setdefault(define.get("name", ""), []).append(define)
        self._refs: dict[str, bool] = {}

    def __call__(self, node: etree._Element) -> bool:
        tag = node.tag
        if tag == rng("element"):
            return _unused(node, self._names)
        if tag == rng("notAllowed"):
            return True
        if tag == rng("ref"):
            return self._ref(node.get("name", ""))
        if tag == rng("choice"):
            children = list(pattern_children(node))
            return bool(children) and all(self(c) for c in children)
        if tag in (rng("group"), rng("interleave"), rng("oneOrMore"), rng("mixed")):
            return any(self(c) for c in pattern_children(node))
        return False  # optional, zeroOrMore, text, data, attributes...: can match nothing

    def _ref(self, name: str) -> bool:
        if name not in self._refs:
            self._refs[name] = False  # a loop (through elements) is alive until shown dead
            defines = self._defines.get(name, [])
            verdicts = [any(self(c) for c in pattern_children(d)) for d in defines]
            interleaved = any(d.get("combine") == "interleave" for d in defines)
            self._refs[name] = bool(verdicts) and (any if interleaved else all)(verdicts)
        return self._refs[name]


def _check(tree: etree._ElementTree, source: SchemaSource) -> None:
    """What stubbing could hide from libxml2, and what must never be fetched: a ref with no
    define, an include or externalRef outside the local file system."""
    root = tree.getroot()
    defined = {d.get("name") for d in root.iter(rng("define"))}
    included = any(True for _ in root.iter(rng("include")))  # defines may come from there
    for ref in [] if included else root.iter(rng("ref")):
        if ref.get("name") not in defined:
            raise SchemaError(
                f'ref "{ref.get("name")}" has no matching define (line {ref.sourceline})'
            )
    for node in root.iter(rng("include"), rng("externalRef")):
        href = node.get("href", "")
        if local_target(href, source.path) is None:
            raise SchemaError(
                f'{etree.QName(node).localname} "{href}" is not a local file '
                "(schemas are never fetched from the network)"
            )


def _first_error(error: etree.RelaxNGParseError) -> str:
    entries = [e for e in error.error_log if e.message]
    if not entries:
        return str(error)
    entry = entries[0]
    return f"{entry.message.strip()}, line {entry.line}" if entry.line else entry.message.strip()
