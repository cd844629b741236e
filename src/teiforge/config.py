"""teiforge.toml or [tool.teiforge] in pyproject.toml -> Config. Unknown keys and wrong
types are errors that name the key and the file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import InputError


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

    def path(self, relative: str) -> Path:
        return self.root / relative


_KEYS = {f.name: f for f in fields(Config) if f.name != "root"}
_LISTS = {"sources", "disable_rules"}


def _checked(values: dict[str, Any], where: str) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for key, value in values.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise InputError(where, f"unknown key '{key}' (known keys: {known})")
        if key in _LISTS:
            if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
                raise InputError(where, f"key '{key}' must be a list of strings")
            checked[key] = tuple(value)
        elif not isinstance(value, str):
            raise InputError(where, f"key '{key}' must be a string, not {type(value).__name__}")
        else:
            checked[key] = value
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
