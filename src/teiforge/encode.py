"""The pure core of `teiforge encode`: Source -> TEI bytes. CLI, build and cache wrap it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .annotate import ANNOTATORS, Context, annotate
from .layout import segment
from .model import PrintedWork, Source
from .readers.images import relocate
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
    # the folder the edition is written to: its page images are named relative to it
    # (readers/images.py); None: the current folder (an edition written to stdout)
    edition_dir: Path | None = None


# Told the stage an encoding starts ("layout", an annotator's code, "tei") and, once the
# layout has found them, the source's pages: what a progress bar shows of a long book.
Watch = Callable[[str, int | None], None]
STAGES = ("layout", *ANNOTATORS, "tei")


def _unwatched(stage: str, pages: int | None) -> None:
    pass


def encode(
    source: Source, options: EncodeOptions = EncodeOptions(), watch: Watch = _unwatched
) -> bytes:
    watch("layout", None)
    layout = segment(relocate(source, options.edition_dir or Path.cwd()))
    pages = len(layout.pages)
    context = Context(
        language=options.language, authority=options.authority, corrections=options.corrections
    )
    annotations = annotate(layout, context, watch=lambda code: watch(code, pages))
    watch("tei", pages)
    facts = HeaderFacts(
        version=__version__,
        language=options.language,
        work=options.work,
        date=options.date,
        publisher=options.publisher,
        licence=options.licence,
    )
    return serialize(build_tei(layout, annotations, facts))
