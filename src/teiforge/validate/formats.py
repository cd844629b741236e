"""Report formats, picked by name (the dict is also the CLI's list of choices). Each is a
pure function of the Report, and its output ends with a newline (the CLI echoes it as is)."""

from __future__ import annotations

import json
from collections.abc import Callable

from ..model import Diagnostic, Severity
from .report import Report


def text(report: Report) -> str:
    """`file:line:col: error CODE message [xpath]` per diagnostic, then a summary line."""
    lines = [_line(diagnostic) for diagnostic in report.diagnostics]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def json_report(report: Report) -> str:
    document = {
        "files": list(report.files),
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "message": d.message,
                "file": d.file,
                "line": d.line,
                "column": d.column,
                "xpath": d.xpath,
            }
            for d in report.diagnostics
        ],
        "summary": summary(report),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def summary(report: Report) -> dict[str, int]:
    severities = [d.severity for d in report.diagnostics]
    return {
        "files": len(report.files),
        "invalid": len(report.invalid_files),
        "errors": severities.count(Severity.ERROR),
        "warnings": severities.count(Severity.WARNING),
    }


def summary_line(report: Report) -> str:
    counts = summary(report)
    line = (
        f"{_count(counts['files'], 'file')} checked, {counts['invalid']} invalid, "
        f"{_count(counts['errors'], 'error')}"
    )
    return line + (f", {_count(counts['warnings'], 'warning')}" if counts["warnings"] else "")


def _line(d: Diagnostic) -> str:
    where = f"{d.file}:{d.line}:{d.column}:" if d.line else f"{d.file}:"
    xpath = f" [{d.xpath}]" if d.xpath else ""
    return f"{where} {d.severity.value} {d.code} {d.message}{xpath}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


FORMATS: dict[str, Callable[[Report], str]] = {"text": text, "json": json_report}
