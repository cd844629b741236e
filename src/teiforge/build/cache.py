"""The incremental build's memory: for each source, the key it was built with and what the
build made of it (the edition's and the page's digests, what the site's indexes need), in
`.teiforge-cache/build.json` beside the configuration. (Verdicts are remembered by
validate's own cache, results.json in the same folder.)

A source is skipped only when its key is the same (same bytes, same configuration, same
teiforge, see fingerprint.py) and the files on disk are still the ones the build wrote
(their sha256 is checked, so an edition edited or deleted by hand is made again). A cache
that is missing, unreadable or from another teiforge counts as empty: the build is then a
full one, never a wrong one. JSON, never a pickle: a cache restored in CI is data, not code
to run.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import write_bytes
from ..errors import InputError
from ..html.authority import Identifier
from ..html.names import Entity, Mention

log = logging.getLogger(__name__)

CACHE_DIR = ".teiforge-cache"
CACHE_FILE = "build.json"
FORMAT = 1


def source_key(code: str, config: str, name: str, source_sha256: str) -> str:
    return hashlib.sha256(f"{code}\0{config}\0{name}\0{source_sha256}".encode()).hexdigest()


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_matches(path: Path, sha256: str | None) -> bool:
    """Whether `path` still holds the bytes the build wrote there."""
    if sha256 is None:
        return False
    try:
        return digest(path.read_bytes()) == sha256
    except OSError:
        return False


@dataclass(frozen=True)
class PageFacts:
    """What the site's indexes need of a document's page, so an unchanged document need
    not be rendered again to list it."""

    sha256: str
    title: str
    lang: str | None
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Entry:
    key: str
    edition_sha256: str
    page: PageFacts | None = None  # None until the site has been written with this edition


def _mention(data: dict[str, Any]) -> Mention:
    entity = data["entity"]
    identifiers = tuple(Identifier(**found) for found in entity["identifiers"])
    return Mention(
        **{
            **data,
            "entity": Entity(
                **{**entity, "variants": tuple(entity["variants"]), "identifiers": identifiers}
            ),
        }
    )


def _entry(data: dict[str, Any]) -> Entry:
    page = data["page"]
    facts = None
    if page is not None:
        mentions = tuple(_mention(found) for found in page["mentions"])
        facts = PageFacts(page["sha256"], page["title"], page["lang"], mentions)
    return Entry(data["key"], data["edition_sha256"], facts)


@dataclass
class Manifest:
    path: Path | None  # None: remembered nowhere
    code: str  # the code fingerprint the entries were made with
    entries: dict[str, Entry] = field(default_factory=dict)  # by source path, as configured
    # the entries as read, with their JSON: unchanged ones are written back as they came
    _read: dict[str, tuple[Entry, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path, code: str) -> Manifest:
        path = root / CACHE_DIR / CACHE_FILE
        empty = cls(path, code)
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            return empty
        except (OSError, ValueError) as error:
            log.warning("%s: unreadable build cache (%s); building everything", path, error)
            return empty
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code:
            log.info("%s: made by another teiforge; building everything", path)
            return empty
        try:
            read = {name: (_entry(raw), raw) for name, raw in data["entries"].items()}
        except (KeyError, TypeError, AttributeError) as error:
            log.warning("%s: damaged build cache (%s); building everything", path, error)
            return empty
        return cls(path, code, {name: entry for name, (entry, _) in read.items()}, read)

    def save(self) -> None:
        """Written atomically, unless nothing changed; a folder that cannot hold the cache
        costs the next build its speed, not its result."""
        if self.path is None:
            return
        if self.entries.keys() == self._read.keys() and all(
            self.entries[name] is entry for name, (entry, _) in self._read.items()
        ):
            return
        entries = {name: self._json(name, entry) for name, entry in self.entries.items()}
        data = json.dumps({"format": FORMAT, "code": self.code, "entries": entries})
        try:
            self.path.parent.mkdir(exist_ok=True)
            write_bytes(self.path, data.encode("utf-8"))
        except (OSError, InputError) as error:
            log.warning("%s: cannot write the build cache (%s)", self.path, error)

    def _json(self, name: str, entry: Entry) -> Any:
        read = self._read.get(name)
        return read[1] if read is not None and read[0] is entry else asdict(entry)
