"""What a validation run found, how serious each finding is, and the exit code it means
(decided here, nowhere else)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from ..errors import EXIT_INVALID, EXIT_OK
from ..model import Diagnostic, Severity


@dataclass(frozen=True)
class Report:
    files: tuple[str, ...]  # every file checked, in order, as given or found
    diagnostics: tuple[Diagnostic, ...]  # by file, then by position in the file
    # file -> the names of the schemas it was checked against (as given, declared, default)
    schemas: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def schema_groups(self) -> list[tuple[tuple[str, ...], list[str]]]:
        """(schemas, the files checked against them), groups in the order of their first file."""
        groups: dict[tuple[str, ...], list[str]] = {}
        for file in self.files:
            groups.setdefault(tuple(self.schemas.get(file, ())), []).append(file)
        return list(groups.items())

    @property
    def invalid_files(self) -> tuple[str, ...]:
        """Files with at least one error (warnings alone leave a file valid), in order."""
        invalid = {d.file for d in self.diagnostics if d.severity is Severity.ERROR}
        return tuple(file for file in self.files if file in invalid)


def exit_code(report: Report) -> int:
    return EXIT_INVALID if report.invalid_files else EXIT_OK


def graded(
    diagnostics: Iterable[Diagnostic], rules: Mapping[str, Severity], strict: bool = False
) -> tuple[Diagnostic, ...]:
    """Each finding at its severity: a rule's as `rules` says (by code), others as found;
    under `strict` every warning is an error (a compiler's -Werror)."""
    found = []
    for diagnostic in diagnostics:
        severity = rules.get(diagnostic.code, diagnostic.severity)
        if strict:
            severity = Severity.ERROR
        if severity is not diagnostic.severity:
            diagnostic = replace(diagnostic, severity=severity)
        found.append(diagnostic)
    return tuple(found)
