"""The printed works the sources come from: the configuration's `[works]` table, the
`encode` options that say the same, and which work each source file is.

    [works."seeds/germinal.txt"]          # a path or a glob, relative to the configuration
    title = "Germinal"
    author = "Zola, Émile"                # or a list: ["Marx, Karl", "Engels, Friedrich"]
    date = "1885"
    publisher = "G. Charpentier"
    pub_place = "Paris"
    edition = "Édition définitive"
    idno = { ark = "ark:/12148/bpt6k5843395", isbn = "978-2-07-036002-4" }
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import PrintedWork
from .read import NOT_XML

# TOML key -> PrintedWork field
KEYS = {
    "title": "title",
    "author": "authors",
    "date": "date",
    "publisher": "publisher",
    "pub_place": "pub_place",
    "edition": "edition",
    "idno": "idnos",
}
# idno/@type is a TEI word (teidata.enumerated): letters, digits and . _ - , no space
_IDNO_TYPE = re.compile(r"[A-Za-z][A-Za-z0-9._-]*")


class _EntryProblem(Exception):
    """What is wrong with one entry of the table; the caller adds the file and the entry."""


def text_problem(value: str) -> str | None:
    """Why `value` cannot be a part of the work's description, or None when it can."""
    if not value.strip():
        return "must not be empty"
    found = NOT_XML.search(value)
    if found is not None:
        return f"holds a character XML cannot hold (U+{ord(found.group()):04X})"
    return None


def idno_type_problem(kind: str) -> str | None:
    if _IDNO_TYPE.fullmatch(kind):
        return None
    return f"identifier type '{kind}' must be one word such as ark, isbn or url"


def identifier(given: str) -> tuple[str, str]:
    """`TYPE:VALUE` (as `--idno` takes it) -> (type, value); the value may hold colons."""
    kind, colon, value = given.partition(":")
    if not colon or not value:
        raise InputError("--idno", f"must be TYPE:VALUE such as ark:ark:/12148/cb1, not '{given}'")
    problem = idno_type_problem(kind) or text_problem(value)
    if problem is not None:
        raise InputError("--idno", problem)
    return kind, value


def _strings(key: str, value: Any) -> tuple[str, ...]:
    if key == "author" and isinstance(value, list):
        if all(isinstance(item, str) for item in value):
            return tuple(value)
        raise _EntryProblem(f"key '{key}' must be a string or a list of strings")
    if not isinstance(value, str):
        kind = "a string or a list of strings" if key == "author" else "a string"
        raise _EntryProblem(f"key '{key}' must be {kind}, not {type(value).__name__}")
    return (value,)


def _idnos(value: Any) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise _EntryProblem(
            "key 'idno' must be a table of TYPE = VALUE such as { ark = \"ark:/12148/cb1\" }"
        )
    for kind, given in value.items():
        problem = idno_type_problem(kind)
        if problem is not None:
            raise _EntryProblem(f"key 'idno': {problem}")
        problem = text_problem(given)
        if problem is not None:
            raise _EntryProblem(f"key 'idno.{kind}' {problem}")
    return tuple(value.items())


def _work(entry: dict[str, Any]) -> PrintedWork:
    given: dict[str, Any] = {}
    for key, value in entry.items():
        if key not in KEYS:
            raise _EntryProblem(f"unknown key '{key}' (known keys: {', '.join(sorted(KEYS))})")
        if key == "idno":
            given["idnos"] = _idnos(value)
            continue
        strings = _strings(key, value)
        for text in strings:
            problem = text_problem(text)
            if problem is not None:
                raise _EntryProblem(f"key '{key}' {problem}")
        given[KEYS[key]] = strings if key == "author" else strings[0]
    return PrintedWork(**given)


def parse_works(value: Any, where: str) -> tuple[tuple[str, PrintedWork], ...]:
    """The `works` table of a configuration: (path or glob, work), in the file's order."""
    if not isinstance(value, dict):
        raise InputError(where, "key 'works' must be a table such as [works.\"seeds/a.txt\"]")
    works = []
    for pattern, entry in value.items():
        if not pattern or Path(pattern).is_absolute():
            raise InputError(
                where, f"works '{pattern}' must be a path or glob relative to the configuration"
            )
        if not isinstance(entry, dict):
            raise InputError(where, f"works '{pattern}' must be a table of title, author...")
        try:
            works.append((pattern, _work(entry)))
        except _EntryProblem as error:
            raise InputError(where, f"works '{pattern}': {error}") from None
    return tuple(works)


def assign_works(
    works: Iterable[tuple[str, PrintedWork]],
    root: Path,
    sources: Iterable[Path],
    *,
    every_entry_used: bool = False,
) -> dict[Path, PrintedWork]:
    """The work of each source that has one. A source two entries describe is an error; so
    is, when `every_entry_used` (a build, which sees every source), an entry that describes
    no source: a typo would otherwise lose its metadata without a word."""
    wanted = {source.resolve(): source for source in sources}
    assigned: dict[Path, PrintedWork] = {}
    by: dict[Path, str] = {}
    for pattern, work in works:
        matched = [wanted[p] for p in (m.resolve() for m in root.glob(pattern)) if p in wanted]
        if not matched and every_entry_used:
            raise InputError(root / pattern, "a [works] entry that matches no source file")
        for source in matched:
            if source in by:
                raise InputError(
                    source, f"described by two [works] entries: '{by[source]}' and '{pattern}'"
                )
            by[source] = pattern
            assigned[source] = work
    return assigned


def merged(base: PrintedWork | None, given: PrintedWork) -> PrintedWork | None:
    """`base` with every field that `given` states replaced; None when nothing is known."""
    stated = {f.name: getattr(given, f.name) for f in fields(given) if getattr(given, f.name)}
    work = replace(base or PrintedWork(), **stated)
    return None if work == PrintedWork() else work


# `encode`'s options for the printed work: (option, PrintedWork field). --publisher and
# --date would say what the configuration's publisher and date say of the digital edition.
OPTIONS = {
    "title": "--title",
    "authors": "--author",
    "date": "--work-date",
    "publisher": "--work-publisher",
    "pub_place": "--pub-place",
    "edition": "--edition",
}


def work_from_options(
    title: str | None = None,
    authors: Sequence[str] = (),
    work_date: str | None = None,
    work_publisher: str | None = None,
    pub_place: str | None = None,
    edition: str | None = None,
    idnos: Sequence[str] = (),
) -> PrintedWork:
    """The work as `encode`'s options state it (`idnos` as TYPE:VALUE); a value that cannot
    be one is an InputError naming the option."""
    given: dict[str, Any] = {
        "title": title,
        "authors": tuple(authors),
        "date": work_date,
        "publisher": work_publisher,
        "pub_place": pub_place,
        "edition": edition,
    }
    for name, value in given.items():
        for text in value if isinstance(value, tuple) else [value]:
            problem = None if text is None else text_problem(text)
            if problem is not None:
                raise InputError(OPTIONS[name], problem)
    return PrintedWork(**given, idnos=tuple(identifier(idno) for idno in idnos))
