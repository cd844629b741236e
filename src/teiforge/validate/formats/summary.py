"""The counts every format ends with, in numbers and in words."""

from __future__ import annotations

from ...model import Severity
from ..report import Report


def summary(report: Report) -> dict[str, int]:
    severities = [d.severity for d in report.diagnostics]
    return {
        "files": len(report.files),
        "invalid": len(report.invalid_files),
        "errors": severities.count(Severity.ERROR),
        "warnings": severities.count(Severity.WARNING),
    }


def summary_line(report: Report) -> str:
    """`3 files checked, 2 invalid, 3 errors` (and the warnings, when there are any)."""
    counts = summary(report)
    line = (
        f"{count(counts['files'], 'file')} checked, {counts['invalid']} invalid, "
        f"{count(counts['errors'], 'error')}"
    )
    return line + (f", {count(counts['warnings'], 'warning')}" if counts["warnings"] else "")


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
