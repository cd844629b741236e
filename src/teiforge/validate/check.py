"""Checking the planned files: in this process, or in worker processes.

Each process has the run's schemas compiled once, then checks file after file: parse
safely -> schemas -> rules. An XML Schema is compiled before the workers are forked, which
inherit it. libxml2's RELAX NG compiler can loop on some schemas and holds the GIL while it
compiles, so nothing in its own process can stop it: a run that has a RELAX NG schema to
compile always compiles it in the workers (for the element names the run's documents use,
see schemas/rng.py), and the parent stops them when a compile takes longer than
`compile_timeout`. A run with one worker and no RELAX NG schema stays in this process (no
fork for a pre-commit hook's three files). Workers are forked where the system can
(Linux), else spawned (each then compiles every schema itself); spawned too once this
process has loaded Saxon, whose runtime does not survive a fork.
"""

from __future__ import annotations

import hashlib
import logging
import os
import signal
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Diagnostic
from . import rules
from .assembly import assemble
from .association import CODE as ASSOCIATION
from .document import parse
from .plan import Plan, Task
from .schemas import Schema, compile_schema

if TYPE_CHECKING:
    from concurrent.futures import Future

logger = logging.getLogger(__name__)

MIN_FILES_PER_WORKER = 100  # below this, another worker costs more than it saves
CHUNK = 32  # files sent to a worker at a time

# A file's outcome: (sha256 of the bytes checked, its findings or why it cannot be read).
Outcome = tuple[str, list[Diagnostic] | str]


# Schemas compiled in this process, by what they are (kind and fingerprint): a process that
# validates again (a build, a test session) compiles each schema once.
_COMPILED: dict[tuple[str, str], Schema] = {}


class Checker:
    """Everything one process needs to check files of a plan; schemas compiled on first use."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.rules = [rules.RULES[code] for code in plan.rules]
        self.failed: dict[int, str] = {}  # declared schema -> why it cannot be compiled

    def schema(self, index: int) -> Schema:
        problem = self.failed.get(index) or self.plan.failed.get(index)
        if problem is not None:
            raise InputError(self.plan.sources[index].shown, problem)
        source = self.plan.sources[index]
        key = (source.kind, source.fingerprint)
        names = self.plan.names.get(index, set())
        schema = _COMPILED.get(key)
        if schema is None:
            schema = _COMPILED[key] = compile_schema(source, names)
        elif names and hasattr(schema, "prepare"):  # RELAX NG: specialised for more names
            schema.prepare(names)  # nothing to do when it was compiled for them already
        return schema

    def check(self, task: Task) -> Outcome:
        from . import check_document

        try:
            with open(task.file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            return "", f"cannot read ({error.strerror or error})"
        content = hashlib.sha256(data).hexdigest()
        loaded = parse(data, task.file, task.lent)
        if isinstance(loaded, Diagnostic):
            return content, [loaded]
        loaded = assemble(loaded)  # an XInclude driver: checked as the edition it makes
        schemas: list[Schema] = []
        unusable: list[Diagnostic] = []
        for index, (line, column) in zip(task.schemas, task.positions or _nowhere(task)):
            try:
                schemas.append(self.schema(index))
            except InputError as error:
                if index in self.plan.explicit:
                    raise  # the run's own schema: nothing can be checked (exit 2)
                self.failed[index] = error.problem
                problem = error.problem.removeprefix("cannot load schema: ")
                message = (
                    f'schema "{self.plan.sources[index].path.name}" cannot be loaded: {problem}'
                )
                unusable.append(Diagnostic(ASSOCIATION, message, task.file, line or 1, column or 1))
        found = check_document(loaded, schemas, self.rules)
        return content, sorted(unusable + found, key=lambda d: (d.line, d.column))


def _nowhere(task: Task) -> list[tuple[int, int]]:
    return [(0, 0)] * len(task.schemas)


def default_jobs() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def check_all(plan: Plan, jobs: int, compile_timeout: float) -> list[Outcome]:
    """The outcome of each task of the plan, in order."""
    tasks = plan.tasks
    if not tasks:
        return []
    workers = max(1, min(jobs or default_jobs(), -(-len(tasks) // MIN_FILES_PER_WORKER)))
    needs_limit = any(plan.sources[i].kind == "rng" for task in tasks for i in task.schemas)
    if workers == 1 and not needs_limit:
        checker = Checker(plan)
        return [checker.check(task) for task in tasks]
    return _in_workers(plan, workers, compile_timeout)


# ------------------------------------------------------------------------ the workers

_WORKER: dict[str, Any] = {}  # this worker's Checker, or the error that stops it


def _start_worker(plan: Plan, events: Any) -> None:
    """Compile every schema of the plan, telling the parent when each starts and ends."""
    checker = Checker(plan)
    _WORKER["checker"] = checker
    pid = os.getpid()
    used = sorted({i for task in plan.tasks for i in task.schemas})
    for index in used:
        events.put(("compiling", pid, index, None))
        try:
            checker.schema(index)
        except InputError as error:
            if index in plan.explicit:
                _WORKER["error"] = error
                events.put(("error", pid, index, (str(error.path), error.problem)))
                return
            checker.failed[index] = error.problem  # a finding for the files declaring it
    events.put(("ready", pid, -1, None))


class SchemaFailure(Exception):
    """A schema a worker could not compile: (the schema as named, the problem)."""


def _check_chunk(tasks: Sequence[Task]) -> list[Outcome]:
    if "error" in _WORKER:
        error: InputError = _WORKER["error"]
        raise SchemaFailure(str(error.path), error.problem)
    checker: Checker = _WORKER["checker"]
    return [checker.check(task) for task in tasks]


class _TooLong(Exception):
    """A declared schema whose compiling was stopped: (its index, the problem)."""


def _in_workers(plan: Plan, workers: int, compile_timeout: float) -> list[Outcome]:
    """The outcomes, from worker processes; a declared schema that takes too long to
    compile is marked failed (a TF005 of the files declaring it) and the work starts again
    without it."""
    while True:
        try:
            return _in_pool(plan, workers, compile_timeout)
        except _TooLong as stopped:
            index, problem = stopped.args
            plan.failed[index] = problem
            logger.warning("%s: %s", plan.sources[index].shown, problem)


def _in_pool(plan: Plan, workers: int, compile_timeout: float) -> list[Outcome]:
    # imported here: most runs (a few files, our schema) never start a worker
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Saxon's runtime (GraalVM) does not survive a fork: once loaded here, workers are spawned
    forkable = "fork" in multiprocessing.get_all_start_methods() and "saxonche" not in sys.modules
    context = multiprocessing.get_context("fork" if forkable else "spawn")
    if context.get_start_method() == "fork":  # compiled once here, inherited by every worker
        checker = Checker(plan)
        for index in sorted({i for task in plan.tasks for i in task.schemas}):
            if plan.sources[index].kind == "xsd":  # libxml2's XSD compiler does not loop
                try:
                    checker.schema(index)
                except InputError:
                    if index in plan.explicit:
                        raise
                    # a declared one: each worker finds it again, a finding for its files
    events = context.Queue()
    size = max(1, min(CHUNK, -(-len(plan.tasks) // (workers * 4))))
    chunks = [plan.tasks[i : i + size] for i in range(0, len(plan.tasks), size)]
    executor = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(plan, events)
    )
    try:
        futures = [executor.submit(_check_chunk, chunk) for chunk in chunks]
        _watch(plan, futures, events, compile_timeout)
        outcomes: list[Outcome] = []
        for future, chunk in zip(futures, chunks):
            try:
                outcomes.extend(future.result())
            except SchemaFailure as failure:
                raise InputError(*failure.args) from None
            except BrokenProcessPool:
                files = ", ".join(task.file for task in chunk[:3])
                raise RuntimeError(f"a worker process died while checking {files}...") from None
        return outcomes
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _watch(plan: Plan, futures: list[Future[list[Outcome]]], events: Any, timeout: float) -> None:
    """Wait for the work, stopping it when a worker fails to compile a schema or takes
    longer than `timeout` seconds to compile one."""
    from concurrent.futures import FIRST_COMPLETED, wait
    from queue import Empty

    compiling: dict[int, tuple[int, float]] = {}  # pid -> (schema index, started)
    pending = set(futures)
    while pending:
        _, pending = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
        while True:
            try:
                kind, pid, index, value = events.get_nowait()
            except Empty:
                break
            if kind == "compiling":
                compiling[pid] = (index, time.monotonic())
            elif kind == "ready":
                compiling.pop(pid, None)
            else:
                _stop(compiling.keys() | {pid})
                raise InputError(*value)
        for pid, (index, started) in compiling.items():
            if time.monotonic() - started > timeout:
                _stop(compiling.keys())
                problem = (
                    f"cannot load schema: compiling it took more than {timeout:g} s "
                    "(libxml2 can loop on some RELAX NG schemas)"
                )
                if index not in plan.explicit:
                    raise _TooLong(index, problem)  # a finding of the files declaring it
                raise InputError(plan.sources[index].shown, problem)


def _stop(pids: Any) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
