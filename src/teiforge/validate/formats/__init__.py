"""Report formats, picked by name (the dict, with "auto", is the CLI's list of choices).
Each is a pure function of the Report whose output ends with a newline (the CLI echoes it
as is): text.py, json_report.py, junit.py, github.py."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..report import Report
from .github import github
from .json_report import json_report
from .junit import junit
from .summary import summary, summary_line
from .text import text

__all__ = ["AUTO", "FORMATS", "pick", "summary", "summary_line"]

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text,
    "json": json_report,
    "junit": junit,
    "github": github,
}
AUTO = "auto"  # github under GitHub Actions, text elsewhere


def pick(name: str, environ: Mapping[str, str]) -> Callable[[Report], str]:
    """The format a name means; `auto` reads the environment GitHub Actions sets."""
    if name == AUTO:
        name = "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"
    return FORMATS[name]
