"""`teiforge validate`: check TEI files against their schemas and the integrity rules."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..config import find_config, load_config
from ..validate.formats import AUTO, FORMATS, pick
from .options import PATH


@click.command("validate")
@click.argument("paths", nargs=-1, type=PATH)
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    type=PATH,
    help="An XSD, RELAX NG (.rng) or Schematron (.sch); repeatable. "
    "Default: the schemas a file's xml-model declares, else teiforge's own.",
)
@click.option(
    "--format",
    "format_name",
    default="text",
    show_default=True,
    type=click.Choice([*FORMATS, AUTO]),
    help="Output format (auto: github under GitHub Actions, else text).",
)
@click.option(
    "--disable",
    "disabled",
    multiple=True,
    metavar="RULE",
    help="Switch an integrity rule off, by code or name; repeatable (adds to disable_rules).",
)
@click.option("--list-rules", is_flag=True, help="List the rules and every code, then exit.")
@click.option("--strict", is_flag=True, help="Warnings are errors: a file with one is invalid.")
@click.option(
    "-j",
    "--jobs",
    default=0,
    show_default=True,
    type=click.IntRange(min=0),
    help="Worker processes (0: one per processor).",
)
@click.option(
    "--cache-dir",
    default=Path(".teiforge-cache"),
    show_default=True,
    type=PATH,
    help="Where results are kept between runs.",
)
@click.option("--no-cache", is_flag=True, help="Check every file, keep no result.")
@click.option("--config", "config_file", type=PATH, help="teiforge.toml or pyproject.toml.")
def validate_command(
    paths: tuple[Path, ...],
    schemas: tuple[Path, ...],
    format_name: str,
    disabled: tuple[str, ...],
    list_rules: bool,
    strict: bool,
    jobs: int,
    cache_dir: Path,
    no_cache: bool,
    config_file: Path | None,
) -> None:
    """Validate TEI files, folders (recursively, *.xml) or globs."""
    from ..validate import exit_code, validate_paths
    from ..validate.codes import listing

    if list_rules:
        click.echo(listing(), nl=False)
        return
    if not paths:
        raise click.UsageError("give the files, folders or globs to validate")
    config = load_config(config_file) if config_file else find_config(Path.cwd())
    disabled_rules = (*config.disable_rules, *disabled)
    cache = None if no_cache else cache_dir
    report = validate_paths(
        paths,
        schemas,
        disabled_rules,
        rule_severity=config.rule_severity,
        strict=strict,
        jobs=jobs,
        cache_dir=cache,
        shared_ids=[config.path(name) for name in config.shared_ids],
    )
    click.echo(pick(format_name, os.environ)(report), nl=False)
    sys.exit(exit_code(report))
