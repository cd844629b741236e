"""GitHub Actions workflow commands: each finding an annotation on its file and line.

GitHub shows at most 10 error and 10 warning annotations per step (and 50 per job);
further ones are dropped without a word (actions/toolkit, docs/problem-matchers.md,
"Limitations"). So when a kind has more, the first 9 are annotated and the 10th says how
many more there are; those are then listed in the log, as text lines, with the counts.
Values are escaped as the runner reads them (actions/toolkit, core/src/command.ts).
"""

from __future__ import annotations

from ...model import Diagnostic, Severity
from ..report import Report
from .summary import count, summary_line
from .text import line, schema_line

MAX_ANNOTATIONS = 10  # per kind and step


def github(report: Report) -> str:
    commands: list[str] = []
    rest: list[Diagnostic] = []
    for severity in (Severity.ERROR, Severity.WARNING):
        found = [d for d in report.diagnostics if d.severity is severity]
        shown = found if len(found) <= MAX_ANNOTATIONS else found[: MAX_ANNOTATIONS - 1]
        commands.extend(annotation(d) for d in shown)
        more = found[len(shown) :]
        if more:
            files = len({d.file for d in more})
            message = (
                f"{count(len(more), f'more {severity.value}')} in {count(files, 'file')}, not "
                f"annotated (GitHub shows {MAX_ANNOTATIONS} {severity.value} annotations per "
                "step): see the step's log"
            )
            commands.append(
                f"::{severity.value} title={_property('teiforge validate')}::{_data(message)}"
            )
            rest.extend(more)
    groups = [
        schema_line(schemas, len(files)) for schemas, files in report.schema_groups() if schemas
    ]
    lines = commands + [line(d) for d in rest] + groups + [summary_line(report)]
    return "\n".join(lines) + "\n"


def annotation(d: Diagnostic) -> str:
    properties = [f"file={_property(d.file)}"]
    if d.line:
        properties += [f"line={d.line}", f"col={d.column}"]
    properties.append(f"title={_property(f'teiforge {d.code}')}")
    xpath = f" [{d.xpath}]" if d.xpath else ""
    return f"::{d.severity.value} {','.join(properties)}::{_data(d.message + xpath)}"


def _data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")
