"""What a run has to do, decided before anything is compiled: each file read once, its
schemas chosen (--schema, else the local schemas its xml-model declares, else ours), its
result looked up in the cache; what is left becomes Tasks for the checkers (check.py).

A warm run ends here for every file: no schema is compiled, nothing parsed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Diagnostic, Severity
from .association import CODE as ASSOCIATION
from .association import declared_schemas
from .cache import ResultCache, result_key
from .schemas import SchemaSource, default_schema, locate

# The start tags of a document's elements, for the local names it uses (a superset is fine:
# one in a comment only makes the RELAX NG stub a little larger).
_START_TAG = re.compile(rb"<([^\s/>!?][^\s/>]*)")


@dataclass(frozen=True)
class Task:
    """One file to check: where it is, how it is reported, against which schemas."""

    file: str  # its name, as given or found: where it is read, how it is reported
    schemas: tuple[int, ...]  # indices into Plan.sources
    fingerprints: str  # of those schemas, for the cache key


@dataclass
class Plan:
    sources: list[SchemaSource] = field(default_factory=list)
    rules: tuple[str, ...] = ()  # codes of the integrity rules that run, in order
    names: dict[int, set[str]] = field(default_factory=dict)  # RELAX NG source -> names used
    tasks: list[Task] = field(default_factory=list)
    results: dict[str, list[Diagnostic]] = field(default_factory=dict)  # shown -> cached result
    notes: dict[str, list[Diagnostic]] = field(default_factory=dict)  # shown -> TF005 warnings


class Planner:
    def __init__(self, schemas: Sequence[Path], rules: Sequence[str], cache: ResultCache) -> None:
        self.plan = Plan(rules=tuple(rules))
        self._cache = cache
        self._indices: dict[tuple[Path, str], int] = {}
        self._explicit = tuple(self._index(locate(path)) for path in schemas)
        self._default: tuple[int, ...] | None = None
        self._usable: dict[int, str | None] = {}  # source -> why it cannot run, if it cannot

    def add(self, file: str) -> None:
        """Plan one file (its name as the run reports it)."""
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise InputError(file, f"cannot read ({error.strerror or error})") from None
        schemas = self._explicit or self._declared(data, file)
        content = hashlib.sha256(data).hexdigest()
        fingerprints = "+".join(self.plan.sources[i].fingerprint for i in schemas)
        key = result_key(fingerprints, self.plan.rules, content)
        cached = self._cache.get(key, file)
        if cached is not None:
            self.plan.results[file] = cached
            return
        for index in schemas:
            if self.plan.sources[index].kind == "rng":
                self.plan.names.setdefault(index, set()).update(element_names(data))
        self.plan.tasks.append(Task(file, schemas, fingerprints))

    def _declared(self, data: bytes, file: str) -> tuple[int, ...]:
        declared, notes = declared_schemas(data, file)
        indices = []
        for declaration in declared:
            key = (declaration.path, declaration.kind)
            index = self._indices.get(key)
            if index is None:  # read and fingerprinted once, whatever the files declaring it
                where = f"{declaration.href} (the xml-model of {file})"
                index = self._index(locate(declaration.path, where, declaration.kind))
            problem = self._problem(index)
            if problem is None:
                indices.append(index)
            else:
                message = f'xml-model schema "{declaration.href}" {problem}'
                line, column = declaration.line, declaration.column
                notes.append(
                    Diagnostic(ASSOCIATION, message, file, line, column, "", Severity.WARNING)
                )
        if notes:
            self.plan.notes[file] = notes
        if indices:
            return tuple(indices)
        if self._default is None:
            self._default = (self._index(default_schema()),)
        return self._default

    def _problem(self, index: int) -> str | None:
        """Why a declared schema cannot run here (Schematron that needs the extra)."""
        if index not in self._usable:
            source = self.plan.sources[index]
            self._usable[index] = None
            if source.kind == "sch":
                from .schemas import saxon
                from .schemas.schematron import EXTRA, needs_xpath2

                if needs_xpath2(source) and not saxon.available():
                    self._usable[index] = f"holds XPath 2 Schematron rules, not run: {EXTRA}"
        return self._usable[index]

    def _index(self, source: SchemaSource) -> int:
        key = (source.path, source.kind)
        if key not in self._indices:
            self._indices[key] = len(self.plan.sources)
            self.plan.sources.append(source)
        return self._indices[key]


def element_names(data: bytes) -> set[str]:
    """The local names of the start tags in a document's bytes (any ASCII-compatible
    encoding; for UTF-16 or UTF-32 the checker finds the names when it parses)."""
    return {
        name.rsplit(b":", 1)[-1].decode("utf-8", "replace") for name in _START_TAG.findall(data)
    }
