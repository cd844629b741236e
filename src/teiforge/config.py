"""teiforge.toml or [tool.teiforge] in pyproject.toml -> Config. Unknown keys and wrong
types are errors that name the key and the file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import PrintedWork
from .read import NOT_XML
from .works import parse_works


@dataclass(frozen=True)
class Config:
    root: Path  # the folder the configuration's relative paths start from
    sources: tuple[str, ...] = ("seeds/*.txt",)  # globs of OCR texts
    tei_dir: str = "tei"
    site_dir: str = "site"
    language: str = "fr"
    authority: str | None = None
    corrections: str | None = None
    date: str | None = None  # the encoding date stated in headers (ISO); never the clock
    publisher: str | None = None
    licence: str | None = None
    disable_rules: tuple[str, ...] = ()  # integrity rules of validate switched off
    shared_ids: tuple[str, ...] = ()  # files whose xml:ids every document may point to
    # (rule code or name, "error" | "warning"): a rule's findings at another severity
    rule_severity: tuple[tuple[str, str], ...] = ()
    works: tuple[tuple[str, PrintedWork], ...] = ()  # (path or glob, the printed work)

    def path(self, relative: str) -> Path:
        return self.root / relative


_KEYS = {f.name: f for f in fields(Config) if f.name != "root"}
_LISTS = {"sources", "disable_rules", "shared_ids"}
SEVERITIES = ("error", "warning")

_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")  # xsd:language, as TEI wants


def date_problem(value: str) -> str | None:
    """Why `value` cannot be the date a header states (TEI @when), or None when it can."""
    if _DATE.fullmatch(value):
        year, month, day = ([int(part) for part in value.split("-")] + [1, 1])[:3]
        try:
            date(year, month, day)
            return None
        except ValueError:
            pass
    return f"must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY, not '{value}'"


def language_problem(value: str) -> str | None:
    """Why `value` cannot be the text's xml:lang, or None when it can."""
    if _LANGUAGE.fullmatch(value):
        return None
    return f"must be a language code such as fr or en-GB, not '{value}'"


# Keys whose values say something TEI constrains: an option that would make an invalid
# document is refused here, where the user can fix it.
_VALUE_CHECKS: dict[str, Callable[[str], str | None]] = {
    "date": date_problem,
    "language": language_problem,
}


def _not_xml(key: str, values: list[str]) -> str | None:
    """A value goes into the TEI header (or names a file): XML must be able to hold it."""
    for value in values:
        found = NOT_XML.search(value)
        if found is not None:
            return f"key '{key}' holds a character XML cannot hold (U+{ord(found.group()):04X})"
    return None


def _rule_severity(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """Which rule is known is for validate to say, as for disable_rules."""
    if not isinstance(value, dict):
        raise InputError(where, "key 'rule_severity' must be a table such as { TF106 = \"error\" }")
    for rule, severity in value.items():
        if severity not in SEVERITIES:
            raise InputError(
                where,
                f'key \'rule_severity\': {rule} must be "error" or "warning", not {severity!r}',
            )
    return tuple(value.items())


def _checked(values: dict[str, Any], where: str) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise InputError(where, f"unknown key '{key}' (known keys: {known})")
        if key == "works":
            checked[key] = parse_works(value, where)
            continue
        if key == "rule_severity":
            checked[key] = _rule_severity(value, where)
            continue
        if key in _LISTS:
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise InputError(where, f"key '{key}' must be a list of strings")
            problem = _not_xml(key, value)
            checked[key] = tuple(value)
        elif not isinstance(value, str):
            raise InputError(where, f"key '{key}' must be a string, not {type(value).__name__}")
        else:
            problem = _not_xml(key, [value])
            if problem is None and key in _VALUE_CHECKS:
                why = _VALUE_CHECKS[key](value)
                problem = None if why is None else f"key '{key}' {why}"
            checked[key] = value
        if problem is not None:
            raise InputError(where, problem)
    return checked


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise InputError(path, "no such configuration file") from None
    except OSError as error:
        raise InputError(path, f"cannot read configuration ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise InputError(path, f"not valid TOML ({error})") from None


def load_config(path: Path) -> Config:
    """Read a teiforge.toml (top-level keys) or a pyproject.toml ([tool.teiforge])."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("teiforge")
        if table is None:
            raise InputError(path, "no [tool.teiforge] table")
        where = f"{path} [tool.teiforge]"
    else:
        table, where = data, str(path)
    if not isinstance(table, dict):
        raise InputError(where, "[tool.teiforge] must be a table")
    return Config(root=path.parent, **_checked(table, where))


def find_config(folder: Path) -> Config:
    """teiforge.toml, else pyproject.toml with [tool.teiforge], else the defaults."""
    for name in ("teiforge.toml", "pyproject.toml"):
        candidate = folder / name
        if candidate.is_file():
            if name == "pyproject.toml" and "teiforge" not in _read_toml(candidate).get("tool", {}):
                continue
            return load_config(candidate)
    return Config(root=folder)
