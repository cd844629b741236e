"""JUnit XML, which CI servers (GitLab, Jenkins, Azure, CircleCI...) show as test results:
one testcase per file, a failure holding every error of an invalid file (a file with
warnings only passes, its warnings in system-out). Built with lxml, never with strings."""

from __future__ import annotations

from lxml import etree

from ...model import Diagnostic, Severity
from ..report import Report
from .summary import count
from .text import line

SUITE = "teiforge validate"
CLASS = "teiforge.validate"


def junit(report: Report) -> str:
    by_file: dict[str, list[Diagnostic]] = {file: [] for file in report.files}
    for diagnostic in report.diagnostics:
        by_file.setdefault(diagnostic.file, []).append(diagnostic)
    failures = len(report.invalid_files)
    counts = {"tests": str(len(by_file)), "failures": str(failures), "errors": "0"}
    suites = etree.Element("testsuites", name=SUITE, **counts)
    suite = etree.SubElement(suites, "testsuite", name=SUITE, **counts, skipped="0")
    for file, found in by_file.items():
        case = etree.SubElement(suite, "testcase", classname=CLASS, name=file, file=file)
        if report.schemas.get(file):
            properties = etree.SubElement(case, "properties")
            for schema in report.schemas[file]:
                etree.SubElement(properties, "property", name="schema", value=schema)
        errors = [d for d in found if d.severity is Severity.ERROR]
        if errors:
            codes = ", ".join(dict.fromkeys(d.code for d in errors))
            failure = etree.SubElement(
                case, "failure", message=f"{count(len(errors), 'error')}: {codes}", type="invalid"
            )
            failure.text = "\n".join(line(d) for d in found)
        elif found:
            etree.SubElement(case, "system-out").text = "\n".join(line(d) for d in found)
    data = etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode("utf-8")
