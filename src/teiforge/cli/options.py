"""What several commands share: the path type, checked option values, the work's options."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from ..errors import InputError

# Paths are checked by the commands themselves, so that a file that cannot be read is one
# line `teiforge: error: FILE: problem` like any other bad input, not click's own message.
PATH = click.Path(path_type=Path, readable=False)


def checked_option(
    option: str, value: str | None, problem: Callable[[str], str | None]
) -> str | None:
    """`value`, or an input error naming `option` when `problem` finds one in it."""
    why = None if value is None else problem(value)
    if why is not None:
        raise InputError(option, why)
    return value


def work_options(command: Callable[..., None]) -> Callable[..., None]:
    """What `encode` may say of the printed work, for every FILE (over the configuration's
    [works] entry, field by field)."""
    options = [
        click.option("--title", help="Title of the printed work (default: the first heading)."),
        click.option("--author", "authors", multiple=True, help="An author; repeatable."),
        click.option("--work-date", help="Date of the printed work, as printed (1885, [ca 1885])."),
        click.option("--work-publisher", help="Publisher of the printed work."),
        click.option("--pub-place", help="Where the printed work was published."),
        click.option("--edition", help="Edition of the printed work."),
        click.option(
            "--idno",
            "idnos",
            multiple=True,
            metavar="TYPE:VALUE",
            help="An identifier of the printed work (ark:ark:/12148/cb1, isbn:978...); repeatable.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def count(number: int, noun: str) -> str:
    """`1 file`, `2 files`: a number and its noun, for the commands' one-line summaries."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
