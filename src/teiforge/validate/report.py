"""What a validation run found, and the exit code it means (decided here, nowhere else)."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import EXIT_INVALID, EXIT_OK
from ..model import Diagnostic, Severity


@dataclass(frozen=True)
class Report:
    files: tuple[str, ...]  # every file checked, in order, as given or found
    diagnostics: tuple[Diagnostic, ...]  # by file, then by position in the file

    @property
    def invalid_files(self) -> tuple[str, ...]:
        """Files with at least one error (warnings alone leave a file valid), in order."""
        invalid = {d.file for d in self.diagnostics if d.severity is Severity.ERROR}
        return tuple(file for file in self.files if file in invalid)


def exit_code(report: Report) -> int:
    return EXIT_INVALID if report.invalid_files else EXIT_OK
