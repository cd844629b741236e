"""The command line: the `teiforge` group, its commands, and the process's one way out.

Each command lives in its own module and imports what it runs when it runs: starting
teiforge loads the command line alone (a warm `validate` in CI is mostly start-up).
`run` is the entry point (`teiforge.cli:run`): every failure becomes one line and a
named exit code.
"""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable

import click

from .. import __version__
from ..errors import EXIT_OK, EXIT_USAGE, InputError
from .build import build_command
from .edition import html_command, text_command
from .encode import encode_command
from .review import explain_command, review_command
from .validate import validate_command

EXIT_INTERNAL = 3  # a bug of teiforge's own: reported in one line, never a traceback
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it (128 + SIGINT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiforge")
def main() -> None:
    """OCR text to archival TEI P5: encode, validate, render as HTML, build a corpus."""
    logging.basicConfig(level=logging.WARNING, format="teiforge: %(levelname)s: %(message)s")


# The commands, in the order they were written; `teiforge --help` lists them by name.
COMMANDS = (
    encode_command,
    validate_command,
    html_command,
    text_command,
    review_command,
    explain_command,
    build_command,
)
for _command in COMMANDS:
    main.add_command(_command)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM (a timeout, a service stopping) unwinds like Ctrl-C: temporary files go."""
    sys.exit(128 + signum)


def run(entry: Callable[..., object] = main) -> None:
    """Turn every failure into one line and a named exit code."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        code = entry(standalone_mode=False)
    except InputError as error:
        click.echo(f"teiforge: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:  # click's word for Ctrl-C (we ask no questions)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        click.echo(f"teiforge: error: {error.format_message()}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - a bug of ours still gets one line, not a traceback
        click.echo(f"teiforge: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
