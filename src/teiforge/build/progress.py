"""Progress bars on stderr for long builds and encodings, and when not to show one: asked to be quiet,
under CI (CI=true, as GitHub, GitLab and most services set it), or when stderr is not a
terminal (a log file, a pipe), where a bar is noise."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

import click

# Advance by this many finished documents.
Advance = Callable[[int], None]
# Told the stage an encoding starts and the source's pages (encode.Watch)
Watch = Callable[[str, int | None], None]
# What the bar says a stage of an encoding does (encode.STAGES)
STAGE_NAMES = {
    "layout": "pages and paragraphs",
    "notes": "notes",
    "bibl": "references",
    "quotes": "quotations",
    "interview": "interviews",
    "names": "names",
    "ocr": "OCR corrections",
    "tei": "TEI",
}


def wants_progress(quiet: bool, stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if quiet or os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _ignore(count: int) -> None:
    pass


def _unwatched(stage: str, pages: int | None) -> None:
    pass


def _shown(item: str | None) -> str | None:
    return item


@contextmanager
def progress_bar(total: int, label: str, shown: bool) -> Iterator[Advance]:
    """Yield the function that advances the bar; a bar is drawn only when `shown`."""
    if not shown or total == 0:
        yield _ignore
        return
    with click.progressbar(
        length=total, label=label, file=sys.stderr, show_pos=True, show_eta=True
    ) as bar:
        yield bar.update


@contextmanager
def encoding_bar(
    files: int, stages: Sequence[str], shown: bool
) -> Iterator[Callable[[int, str], Watch]]:
    """Yield `watch(index, name)`, what tells the bar of the stages of the `index`th file,
    `name`: the bar moves a step per stage and says the file, its pages and the stage."""
    if not shown or files == 0:
        yield lambda index, name: _unwatched
        return
    with click.progressbar(
        length=files * len(stages),
        label="encoding",
        file=sys.stderr,
        show_eta=False,  # the stages are not of a length: OCR correction is most of a book's time
        item_show_func=_shown,
    ) as bar:

        def watch(index: int, name: str) -> Watch:
            def started(stage: str, pages: int | None) -> None:
                where = name if pages is None else f"{name}, {_pages(pages)}"
                done = index * len(stages) + stages.index(stage)
                bar.update(done - bar.pos, f"{where}: {STAGE_NAMES.get(stage, stage)}")
                if done == bar.pos:  # a file's first stage moves nothing: say it all the same
                    bar.render_progress()

            return started

        yield watch
        bar.update(files * len(stages) - bar.pos, None)


def _pages(count: int) -> str:
    return f"{count} page" + ("" if count == 1 else "s")
