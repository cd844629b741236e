"""`teiforge validate`: every file through three layers, every finding in one run.

well-formedness (safe parsing; TF001-TF004) -> schema(s) (XSD, RNG, SCH; TF005 when a
declared one cannot be used) -> integrity rules (TF101...). A file that is not well-formed
gets that one diagnostic and the run goes on. `validate_paths` is the one entry point:
plan.py reads each file once and looks its result up in the cache, check.py checks what is
left (in parallel when asked), formats/ renders the Report.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..model import Diagnostic
from . import rules
from .cache import ResultCache, result_key
from .check import check_all
from .document import Document
from .files import collect, collect_files
from .plan import Planner
from .report import Report, exit_code, graded
from .schemas import Schema

__all__ = ["Report", "check_document", "collect_files", "exit_code", "validate_paths"]

COMPILE_TIMEOUT = 120.0  # seconds a schema may take to compile (tei_all, whole: 5-7 s)


def validate_paths(
    paths: Sequence[Path],
    schemas: Sequence[Path] = (),
    disabled_rules: Collection[str] = (),
    *,
    rule_severity: Iterable[tuple[str, str]] = (),
    strict: bool = False,
    jobs: int = 1,
    cache_dir: Path | None = None,
    compile_timeout: float = COMPILE_TIMEOUT,
    shared_ids: Sequence[Path] = (),
) -> Report:
    """Check every file under `paths` against `schemas` (else what each file declares in
    its xml-model, else ours for a file teiforge made, else TEI's tei_all) and the integrity rules not disabled (by code or
    name). `rule_severity`: (rule code or name, "error" | "warning") changing a rule's own
    severity; `strict`: every warning is an error. `jobs`: worker processes (0: one per processor); `cache_dir`: where results are
    kept between runs (None: nowhere); `shared_ids`: files whose
    xml:ids every document's pointers may name. Raises InputError for a missing path, an unreadable
    file, a schema that cannot be loaded or an unknown rule."""
    files = collect(paths)
    selected = rules.select(disabled_rules)
    severities = rules.severities(rule_severity)
    cache = ResultCache(cache_dir)
    planner = Planner(schemas, [rule.CODE for rule in selected], cache, shared_ids)
    for path in files:
        planner.add(path)
    plan = planner.finish()
    for task, (content, outcome) in zip(plan.tasks, check_all(plan, jobs, compile_timeout)):
        if isinstance(outcome, str):
            raise InputError(task.file, outcome)
        plan.results[task.file] = outcome
        # keyed by the bytes the checker read (the planner's, unless the file just changed)
        if not task.assembles:  # a driver's findings name its parts' files too: not cached
            cache.put(result_key(task.fingerprints, plan.rules, content), outcome)
    cache.save()
    diagnostics: list[Diagnostic] = []
    for file in files:
        diagnostics += plan.notes.get(file, []) + plan.results.get(file, [])
    # by file (an edition's findings name its parts' files), then by position
    order = {file: index for index, file in enumerate(files)}
    diagnostics.sort(key=lambda d: (order.get(d.file, len(order)), d.line, d.column))
    return Report(tuple(files), graded(diagnostics, severities, strict), plan.used)


def check_document(
    document: Document, schemas: Sequence[Schema], selected: Sequence[rules.Rule]
) -> list[Diagnostic]:
    """The schema and rule findings for one well-formed document, by position (a schema's
    finding before a rule's at the same place)."""
    found: list[Diagnostic] = []
    for schema in schemas:
        found.extend(schema.check(document))
    for rule in selected:
        found.extend(replace(d, severity=rule.SEVERITY) for d in rule.check(document))
    return sorted(found, key=lambda d: (d.line, d.column))
