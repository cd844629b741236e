"""A progress bar on stderr for long builds, and when not to show one: asked to be quiet,
under CI (CI=true, as GitHub, GitLab and most services set it), or when stderr is not a
terminal (a log file, a pipe), where a bar is noise."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

import click

# Advance by this many finished documents.
Advance = Callable[[int], None]


def wants_progress(quiet: bool, stream: TextIO | None = None) -> bool:
    stream = stream if stream is not None else sys.stderr
    if quiet or os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


def _ignore(count: int) -> None:
    pass


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
