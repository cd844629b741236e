"""`teiforge build`: encode a corpus's sources, validate the editions, render the site."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .atomic import write_bytes
from .config import Config
from .encode import EncodeOptions, encode
from .errors import InputError
from .read import read_source

log = logging.getLogger(__name__)


def encoding_date(configured: str | None) -> str | None:
    """The date a header states: configured, else SOURCE_DATE_EPOCH, else none (never the
    clock, so that the same input gives the same bytes)."""
    if configured:
        return configured
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    return None


def options_from(config: Config) -> EncodeOptions:
    return EncodeOptions(
        language=config.language,
        date=encoding_date(config.date),
        publisher=config.publisher,
        licence=config.licence,
        authority=config.path(config.authority) if config.authority else None,
        corrections=config.path(config.corrections) if config.corrections else None,
    )


def find_sources(config: Config) -> list[Path]:
    found: dict[Path, None] = {}
    for pattern in config.sources:
        for path in sorted(config.root.glob(pattern)):
            if path.is_file():
                found[path] = None
    if not found:
        raise InputError(config.root, f"no source file matches {', '.join(config.sources)}")
    stems: dict[str, Path] = {}
    for path in found:
        if path.stem in stems:
            raise InputError(
                path, f"same name as {stems[path.stem]}: both would be {path.stem}.xml"
            )
        stems[path.stem] = path
    return list(found)


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write only when the bytes differ, so an unchanged edition keeps its file untouched."""
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_bytes(path, data)
    return True


@dataclass(frozen=True)
class Encoded:
    source: Path
    edition: Path
    changed: bool


def encode_corpus(config: Config) -> list[Encoded]:
    tei_dir = config.path(config.tei_dir)
    tei_dir.mkdir(parents=True, exist_ok=True)
    options = options_from(config)
    results = []
    for source_path in find_sources(config):
        edition = tei_dir / f"{source_path.stem}.xml"
        changed = write_if_changed(edition, encode(read_source(source_path), options))
        log.info("%s -> %s%s", source_path, edition, "" if changed else " (unchanged)")
        results.append(Encoded(source_path, edition, changed))
    return results
