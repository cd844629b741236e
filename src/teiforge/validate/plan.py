"""What a run has to do, decided before anything is compiled: each file read once, its
schemas chosen, its result looked up in the cache; what is left becomes Tasks for the
checkers (check.py).

A file's schemas: every --schema; else the local schemas its xml-model declares; else
teiforge's own when the file says teiforge made it (its teiHeader's
`<application ident="teiforge">`); else TEI's tei_all. A declared schema that cannot be
loaded is a finding for that file (TF005), never the end of the run.

A warm run ends here for every file: no schema is compiled, nothing parsed.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError
from ..model import Diagnostic, Severity
from . import lent_ids
from .association import CODE as ASSOCIATION
from .association import declared_schemas
from .cache import ResultCache, result_key
from .schemas import SchemaSource, default_schema, locate, tei_all_schema

# The start tags of a document's elements, for the local names it uses (a superset is fine:
# one in a comment only makes the RELAX NG stub a little larger).
_START_TAG = re.compile(rb"<([^\s/>!?][^\s/>]*)")
# How a teiforge encoding says so, in its teiHeader's appInfo.
_MADE_BY_TEIFORGE = re.compile(
    rb"""<(?:[\w.-]+:)?application\b[^>]*\bident\s*=\s*["']teiforge["']"""
)
OURS_SHOWN = "teiforge.xsd (teiforge's own)"
# A TEI P4 document's root (no namespace): no P5 schema applies, none for P4 is shipped.
_P4_ROOT = re.compile(rb"<(?:TEI|teiCorpus)\.2[\s>/]")


@dataclass(frozen=True)
class Task:
    """One file to check: where it is, how it is reported, against which schemas."""

    file: str  # its name, as given or found: where it is read, how it is reported
    schemas: tuple[int, ...]  # indices into Plan.sources
    fingerprints: str  # of those schemas, for the cache key
    # where each schema is declared (line, column of its xml-model); (0, 0) when it is not
    positions: tuple[tuple[int, int], ...] = ()
    lent: frozenset[str] = frozenset()  # ids its pointers may name beyond its own (lent_ids)
    assembles: bool = False  # an XInclude driver: checked with its parts, never cached


@dataclass
class Plan:
    sources: list[SchemaSource] = field(default_factory=list)
    rules: tuple[str, ...] = ()  # codes of the integrity rules that run, in order
    names: dict[int, set[str]] = field(default_factory=dict)  # RELAX NG source -> names used
    tasks: list[Task] = field(default_factory=list)
    results: dict[str, list[Diagnostic]] = field(default_factory=dict)  # shown -> cached result
    notes: dict[str, list[Diagnostic]] = field(default_factory=dict)  # shown -> TF005 findings
    explicit: frozenset[int] = frozenset()  # sources given with --schema
    failed: dict[int, str] = field(default_factory=dict)  # declared source -> why it cannot run
    used: dict[str, tuple[str, ...]] = field(default_factory=dict)  # file -> its schemas' names


class Planner:
    def __init__(
        self,
        schemas: Sequence[Path],
        rules: Sequence[str],
        cache: ResultCache,
        shared_ids: Sequence[Path] = (),
    ) -> None:
        self.plan = Plan(rules=tuple(rules))
        self._shared = lent_ids.shared(shared_ids)
        self._lent: dict[Path, set[str]] = {}  # file (resolved) -> ids an assembly lends it
        self._drivers: dict[Path, str] = {}  # a part (resolved) -> the driver that includes it
        self._pending: list[tuple[str, bytes, tuple[int, ...], Task]] = []
        self._cache = cache
        self._indices: dict[tuple[Path, str], int] = {}
        self._explicit = tuple(self._index(locate(path)) for path in schemas)
        self.plan.explicit = frozenset(self._explicit)
        self._shown: dict[int, str] = {}  # source -> its name in reports
        self._positions: dict[int, tuple[int, int]] = {}  # source -> where this file declares it
        self._defaults: dict[Callable[[], SchemaSource], int] = {}
        self._usable: dict[int, str | None] = {}  # source -> why it cannot run, if it cannot

    def add(self, file: str) -> None:
        """Plan one file (its name as the run reports it)."""
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise InputError(file, f"cannot read ({error.strerror or error})") from None
        self._positions = {}
        schemas = self._explicit or self._declared(data, file)
        self.plan.used[file] = tuple(self.shown(index) for index in schemas)
        positions = tuple(self._positions.get(index, (0, 0)) for index in schemas)
        content = hashlib.sha256(data).hexdigest()
        fingerprints = "+".join(self.plan.sources[i].fingerprint for i in schemas)
        fingerprints += lent_ids.referenced_digest(data, Path(file))  # file.xml#id pointers
        parts: list[Path] = []
        if lent_ids.XINCLUDE_NS in data:  # a driver: it and its parts are one document
            ids, parts = lent_ids.assembly(data, Path(file))
            whole = ids | (lent_ids.ids_of(Path(file)) or frozenset())
            self._lent.setdefault(Path(file).resolve(), set()).update(ids)
            for part in parts:
                self._lent.setdefault(part, set()).update(whole)
                self._drivers.setdefault(part, file)
        task = Task(file, schemas, fingerprints, positions, assembles=bool(parts))
        self._pending.append((content, data, schemas, task))

    def finish(self) -> Plan:
        """The plan, once every file is added (a part's ids come from its driver, which may
        come after it): each file's result from the cache, or a Task."""
        for content, data, schemas, task in self._pending:
            driver = self._drivers.get(Path(task.file).resolve())
            if driver is not None and driver != task.file:
                # a part of an edition in the run: checked there, its findings reported here
                self.plan.used[task.file] = self.plan.used[driver]
                self.plan.results[task.file] = []
                continue
            lent = self._shared | self._lent.get(Path(task.file).resolve(), set())
            if lent:
                listed = "\0".join(sorted(lent)).encode()
                fingerprints = f"{task.fingerprints}|{hashlib.sha256(listed).hexdigest()}"
                task = replace(task, fingerprints=fingerprints, lent=frozenset(lent))
            cached = self._cache.get(
                result_key(task.fingerprints, self.plan.rules, content), task.file
            )
            if cached is not None:
                self.plan.results[task.file] = cached
                continue
            relax_ng = [i for i in schemas if self.plan.sources[i].kind == "rng"]
            if relax_ng:
                names = element_names(data)
                if task.assembles:  # the parts' elements are the edition's too
                    for part, of in self._drivers.items():
                        if of == task.file:
                            names |= element_names(lent_ids.read(part))
                for index in relax_ng:
                    self.plan.names.setdefault(index, set()).update(names)
            self.plan.tasks.append(task)
        self._pending = []
        return self.plan

    def _declared(self, data: bytes, file: str) -> tuple[int, ...]:
        declared, notes = declared_schemas(data, file)
        indices: list[int] = []
        for declaration in declared:
            key = (declaration.path, declaration.kind)
            index = self._indices.get(key)
            line, column = declaration.line, declaration.column
            if index is None:  # read and fingerprinted once, whatever the files declaring it
                where = f"{declaration.href} (the xml-model of {file})"
                try:
                    index = self._index(locate(declaration.path, where, declaration.kind))
                except InputError as error:  # this file's problem, not the run's
                    why = error.problem.removeprefix("cannot load schema: ")
                    message = f'xml-model schema "{declaration.href}" cannot be loaded: {why}'
                    notes.append(Diagnostic(ASSOCIATION, message, file, line, column))
                    continue
                self._shown.setdefault(index, _relative(declaration.path))
            problem = self._problem(index)
            if problem is None:
                indices.append(index)
                self._positions[index] = (line, column)
            else:
                message = f'xml-model schema "{declaration.href}" {problem}'
                notes.append(
                    Diagnostic(ASSOCIATION, message, file, line, column, "", Severity.WARNING)
                )
        if notes:
            self.plan.notes[file] = notes
        if indices:
            return tuple(indices)
        if _P4_ROOT.search(data[: 1 << 16]):
            return ()  # checked by the rules alone; TF105 names it P4
        if _MADE_BY_TEIFORGE.search(data[: 1 << 16]):
            return (self._default(default_schema, OURS_SHOWN),)
        return (self._default(tei_all_schema, None),)

    def _default(self, source: Callable[[], SchemaSource], shown: str | None) -> int:
        """One of the default schemas, located once per run."""
        if source not in self._defaults:
            located = source()
            self._defaults[source] = index = self._index(located)
            self._shown[index] = shown or located.shown
        return self._defaults[source]

    def shown(self, index: int) -> str:
        """A schema's name in reports: as given, or where it is, or which default it is."""
        return self._shown.get(index) or self.plan.sources[index].shown

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


def _relative(path: Path) -> str:
    """A declared schema's path as reports show it: relative to the working folder when
    it is below it (the same for every file that declares it)."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


def element_names(data: bytes) -> set[str]:
    """The local names of the start tags in a document's bytes (any ASCII-compatible
    encoding; for UTF-16 or UTF-32 the checker finds the names when it parses)."""
    return {
        name.rsplit(b":", 1)[-1].decode("utf-8", "replace") for name in _START_TAG.findall(data)
    }
