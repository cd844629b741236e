"""Every file and every diagnostic as one JSON document, keys sorted, for other tools."""

from __future__ import annotations

import json

from ..report import Report
from .summary import summary


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
        "schemas": {file: list(report.schemas.get(file, ())) for file in report.files},
        "summary": summary(report),
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
