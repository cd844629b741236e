"""`file:line:col: severity CODE message [xpath]`, one line per diagnostic, then the counts:
the format of compilers, which editors and terminals turn into links."""

from __future__ import annotations

from ...model import Diagnostic
from ..report import Report
from .summary import summary_line


def text(report: Report) -> str:
    lines = [line(diagnostic) for diagnostic in report.diagnostics]
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def line(d: Diagnostic) -> str:
    where = f"{d.file}:{d.line}:{d.column}:" if d.line else f"{d.file}:"
    xpath = f" [{d.xpath}]" if d.xpath else ""
    return f"{where} {d.severity.value} {d.code} {d.message}{xpath}"
