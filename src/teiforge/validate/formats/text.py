"""`file:line:col: severity CODE message [xpath]`, one line per diagnostic, then the counts:
the format of compilers, which editors and terminals turn into links."""

from __future__ import annotations

from ...model import Diagnostic
from ..report import Report
from .summary import count, summary_line


def text(report: Report) -> str:
    """Each group of files checked against the same schemas: one line naming them, then
    the findings of those files; then the counts."""
    by_file: dict[str, list[Diagnostic]] = {}
    for diagnostic in report.diagnostics:
        by_file.setdefault(diagnostic.file, []).append(diagnostic)
    lines: list[str] = []
    for schemas, files in report.schema_groups():
        if report.schemas:  # known (a report made by validate_paths)
            lines.append(schema_line(schemas, len(files)))
        lines += [line(d) for file in files for d in by_file.pop(file, [])]
    lines += [line(d) for found in by_file.values() for d in found]  # a file not in files
    lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def schema_line(schemas: tuple[str, ...], files: int) -> str:
    """`checked against tei_all.rng (TEI P5 4.12.0): 3 files`"""
    against = " + ".join(schemas) or "no schema"
    return f"checked against {against}: {count(files, 'file')}"


def line(d: Diagnostic) -> str:
    where = f"{d.file}:{d.line}:{d.column}:" if d.line else f"{d.file}:"
    xpath = f" [{d.xpath}]" if d.xpath else ""
    return f"{where} {d.severity.value} {d.code} {d.message}{xpath}"
