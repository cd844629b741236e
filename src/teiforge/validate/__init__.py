"""`teiforge validate`: every file through three layers, every finding in one run.

well-formedness (safe parsing; TF001-TF004) -> schema(s) (XSD, RNG, SCH) -> integrity rules
(TF101...). A file that is not well-formed gets that one diagnostic and the run goes on.
`validate_paths` is the one entry point; formats.FORMATS renders its Report.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from ..model import Diagnostic
from . import rules
from .document import Document, load
from .files import collect_files
from .report import Report, exit_code
from .schemas import Schema, load_schemas

__all__ = ["Report", "check_document", "collect_files", "exit_code", "validate_paths"]


def validate_paths(
    paths: Sequence[Path], schemas: Sequence[Path] = (), disabled_rules: Collection[str] = ()
) -> Report:
    """Check every file under `paths` against `schemas` (our customisation when empty) and
    the integrity rules not disabled (by code or name). Raises InputError for a missing
    path, an unreadable file, a schema that cannot be loaded or an unknown rule."""
    files = collect_files(paths)
    selected = rules.select(disabled_rules)
    compiled = load_schemas(schemas)
    diagnostics: list[Diagnostic] = []
    for path in files:
        loaded = load(path)
        if isinstance(loaded, Diagnostic):
            diagnostics.append(loaded)
        else:
            diagnostics.extend(check_document(loaded, compiled, selected))
    return Report(tuple(str(path) for path in files), tuple(diagnostics))


def check_document(
    document: Document, schemas: Sequence[Schema], selected: Sequence[rules.Rule]
) -> list[Diagnostic]:
    """The schema and rule findings for one well-formed document, by position (a schema's
    finding before a rule's at the same place)."""
    found: list[Diagnostic] = []
    for schema in schemas:
        found.extend(schema.check(document))
    for rule in selected:
        found.extend(rule.check(document))
    return sorted(found, key=lambda d: (d.line, d.column))
