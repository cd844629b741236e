"""`teiforge build`: encode a corpus's sources, validate the editions, render the site."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .atomic import write_bytes
from .config import Config
from .errors import InputError
from .model import PrintedWork
from .readers import read_document
from .works import assign_works

if TYPE_CHECKING:
    from .encode import EncodeOptions

log = logging.getLogger(__name__)


def encoding_date(configured: str | None) -> str | None:
    """The date a header states: configured, else SOURCE_DATE_EPOCH, else none (never the
    clock, so that the same input gives the same bytes). A SOURCE_DATE_EPOCH that is not a
    number of seconds is an error, as reproducible-builds.org asks."""
    if configured:
        return configured
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if not epoch:
        return None
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        return datetime.fromtimestamp(int(epoch), tz=UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        raise InputError(
            "SOURCE_DATE_EPOCH",
            f"must be a number of seconds since 1970-01-01, not '{epoch}'",
        ) from None


def options_from(
    config: Config, date: str | None = None, work: PrintedWork | None = None
) -> EncodeOptions:
    """The options a configuration gives; `date`, when given, wins over the configured one.
    `work`: the printed work of the source to encode (see works_of)."""
    # imported here: a build with nothing to encode does without the encoder's modules
    from .encode import EncodeOptions

    return EncodeOptions(
        language=config.language,
        date=encoding_date(date or config.date),
        publisher=config.publisher,
        licence=config.licence,
        authority=config.path(config.authority) if config.authority else None,
        corrections=config.path(config.corrections) if config.corrections else None,
        work=work,
    )


def works_of(config: Config, sources: list[Path]) -> dict[Path, PrintedWork]:
    """The printed work of each source of the corpus that the configuration describes; an
    entry of [works] that matches none of them is an error."""
    return assign_works(config.works, config.root, sources, every_entry_used=True)


def find_sources(config: Config) -> list[Path]:
    found: dict[Path, None] = {}
    for pattern in config.sources:
        for path in sorted(config.root.glob(pattern)):
            if path.is_file() or path.is_dir():  # a folder: the pages of one document
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


def tei_folder(config: Config) -> Path:
    """The folder of the editions, made if it is missing."""
    tei_dir = config.path(config.tei_dir)
    try:
        tei_dir.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(tei_dir, "is a file, not a folder") from None
    except OSError as error:
        raise InputError(tei_dir, f"cannot create folder ({error.strerror})") from None
    return tei_dir


def encode_corpus(config: Config) -> list[Encoded]:
    """Encode every source, in this process (`teiforge build` itself runs build.build_corpus,
    which also validates, renders, runs in parallel and skips what has not changed)."""
    from .encode import encode

    paths = find_sources(config)
    works = works_of(config, paths)
    # every source is read (and refused, if it must be) before anything is written
    sources = [(path, read_document([path])) for path in paths]
    tei_dir = tei_folder(config)
    results = []
    for source_path, source in sources:
        edition = tei_dir / f"{source_path.stem}.xml"
        options = options_from(config, work=works.get(source_path))
        changed = write_if_changed(edition, encode(source, options))
        log.info("%s -> %s%s", source_path, edition, "" if changed else " (unchanged)")
        results.append(Encoded(source_path, edition, changed))
    return results
