"""Fingerprints that say when an edition must be made again: the code that makes it, the
configuration it is made with, the source it is made from.

The code's fingerprint is not only teiforge's version number: between two releases (and in
a working copy) the code and the package data change while the version stays, so it hashes
every file of the installed package, with the versions of the libraries that write the
bytes (lxml serialises the TEI, Jinja2 renders the HTML, xmlschema judges validity).
"""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import asdict, fields
from importlib import metadata
from pathlib import Path

import teiforge

from ..config import Config
from ..corpus import encoding_date

LIBRARIES = ("lxml", "jinja2", "markupsafe", "xmlschema", "elementpath")


def _library_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def code_fingerprint() -> str:
    """sha256 of teiforge's version, its files (code, templates, data) and the libraries'
    versions. About 20 ms."""
    digest = hashlib.sha256()
    facts = {
        "teiforge": teiforge.__version__,
        "python": platform.python_version(),
        **{name: _library_version(name) for name in LIBRARIES},
    }
    digest.update(json.dumps(facts, sort_keys=True).encode())
    package = Path(teiforge.__file__).parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def file_digest(path: Path | None) -> str | None:
    """sha256 of a file the encoding reads (authority list, corrections), or why not."""
    if path is None:
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        return f"unreadable: {error.strerror}"


# Where the outputs go is not what they say: moving them costs no rebuild (the build finds
# the files missing at the new place and makes them).
_PLACES = ("root", "tei_dir", "site_dir")


def config_fingerprint(config: Config) -> str:
    """Everything of the configuration the editions, their verdicts and pages depend on:
    every key (but where the outputs go), the date as the headers state it (with
    SOURCE_DATE_EPOCH applied), the content of the files the encoding reads."""
    facts = {
        "config": {
            f.name: getattr(config, f.name) for f in fields(config) if f.name not in _PLACES
        },
        "date": encoding_date(config.date),
        "authority": file_digest(config.path(config.authority) if config.authority else None),
        "corrections": file_digest(config.path(config.corrections) if config.corrections else None),
    }
    data = json.dumps(facts, sort_keys=True, default=asdict)  # default: the PrintedWorks
    return hashlib.sha256(data.encode()).hexdigest()
