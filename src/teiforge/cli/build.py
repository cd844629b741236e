"""`teiforge build`: a whole corpus encoded, validated and rendered, skipping what is unchanged."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..build import EXECUTORS
from ..config import find_config, load_config
from ..errors import EXIT_INVALID, EXIT_OK
from ..validate.formats import FORMATS
from .options import PATH, count


@click.command("build")
@click.option(
    "--config",
    "config_file",
    type=PATH,
    help="Default: ./teiforge.toml, else [tool.teiforge] in ./pyproject.toml.",
)
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(min=0),
    help="Processes to build documents on; 0: one per processor.",
)
@click.option(
    "--executor",
    default="local",
    show_default=True,
    type=click.Choice(EXECUTORS),
    help="Where documents are built: local processes, or a Dask cluster.",
)
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler (--executor dask).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar (none under CI either).")
def build_command(
    config_file: Path | None, jobs: int, executor: str, scheduler: str | None, quiet: bool
) -> None:
    """Encode a corpus, validate its editions, render its site; skip what has not changed."""
    from ..build.executors import make_executor
    from ..build.pipeline import build_corpus
    from ..build.progress import wants_progress
    from ..validate import exit_code

    config = load_config(config_file) if config_file else find_config(Path.cwd())
    runner = make_executor(executor, jobs, scheduler)
    try:
        result = build_corpus(config, runner, jobs=jobs, progress=wants_progress(quiet))
    finally:
        runner.close()
    editions = count(len(result.editions), "source")
    click.echo(f"encoded {editions} into {config.path(config.tei_dir)} ({result.changed} changed)")
    if result.report.diagnostics:  # errors, or warnings that do not stop the build
        click.echo(FORMATS["text"](result.report), nl=False)
    if exit_code(result.report) != EXIT_OK:
        sys.exit(EXIT_INVALID)
    warnings = count(len(result.report.diagnostics), "warning")
    valid = "all valid" + (f", {warnings}" if result.report.diagnostics else "")
    click.echo(f"validated {count(len(result.editions), 'edition')}: {valid}")
    site = config.path(config.site_dir)
    click.echo(f"rendered {count(len(result.site), 'file')} into {site}")
