"""The pure core of `teiforge encode`: Source -> TEI bytes. CLI, build and cache wrap it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .annotate import Context, annotate
from .layout import segment
from .model import PrintedWork, Source
from .tei.build import build_tei, serialize
from .tei.header import HeaderFacts


@dataclass(frozen=True)
class EncodeOptions:
    language: str = "fr"
    date: str | None = None
    publisher: str | None = None
    licence: str | None = None
    authority: Path | None = None
    corrections: Path | None = None
    work: PrintedWork | None = None  # the printed work the source was made from


def encode(source: Source, options: EncodeOptions = EncodeOptions()) -> bytes:
    layout = segment(source)
    context = Context(
        language=options.language, authority=options.authority, corrections=options.corrections
    )
    annotations = annotate(layout, context)
    facts = HeaderFacts(
        version=__version__,
        language=options.language,
        work=options.work,
        date=options.date,
        publisher=options.publisher,
        licence=options.licence,
    )
    return serialize(build_tei(layout, annotations, facts))
