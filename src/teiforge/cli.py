"""The command line: parse, call the library, format, exit. Nothing else lives here."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import click

from . import __version__
from .atomic import write_bytes
from .config import find_config, load_config
from .corpus import encode_corpus, encoding_date, options_from
from .encode import EncodeOptions, encode
from .errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, InputError
from .html import render_site
from .read import read_source
from .tei.load import load_tei
from .tei.readings import READINGS, Reading
from .tei.readings import reading as text_reading
from .validate import exit_code, validate_paths
from .validate.formats import FORMATS

EXIT_INTERNAL = 3  # a bug of teiforge's own: reported in one line, never a traceback


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiforge")
def main() -> None:
    """OCR text to archival TEI P5: encode, validate, render as HTML, build a corpus."""
    logging.basicConfig(level=logging.WARNING, format="teiforge: %(levelname)s: %(message)s")


def _encode_targets(
    files: Sequence[Path], output: Path | None, out_dir: Path | None
) -> list[Path | None]:
    if output and out_dir:
        raise click.UsageError("give -o or --out-dir, not both")
    if output and len(files) > 1:
        raise click.UsageError("-o takes one input; use --out-dir for several")
    if not output and not out_dir and len(files) > 1:
        raise click.UsageError("several inputs need --out-dir")
    if out_dir is not None and not out_dir.is_dir():
        raise InputError(out_dir, "output folder does not exist")
    targets: list[Path | None] = (
        [output] if output else [out_dir / f"{f.stem}.xml" if out_dir else None for f in files]
    )
    for source, target in zip(files, targets):
        if target is not None and target.resolve() == source.resolve():
            raise InputError(target, "output path is the input file")
    return targets


@main.command("encode")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="Write the TEI here (one input)."
)
@click.option(
    "--out-dir", type=click.Path(path_type=Path), help="Write DIR/<stem>.xml for each input."
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="teiforge.toml or pyproject.toml.",
)
@click.option("--lang", help="Language of the text (default: fr, or the configuration's).")
@click.option(
    "--date", help="Encoding date for the header (default: SOURCE_DATE_EPOCH, else none)."
)
@click.option("--authority", type=click.Path(path_type=Path), help="A TEI authority list of names.")
@click.option(
    "--corrections", type=click.Path(path_type=Path), help="An editor's corrections file."
)
def encode_command(
    files: tuple[Path, ...],
    output: Path | None,
    out_dir: Path | None,
    config_file: Path | None,
    lang: str | None,
    date: str | None,
    authority: Path | None,
    corrections: Path | None,
) -> None:
    """Encode OCR text FILES as TEI. Without --config, no corpus file is used (a blind encoding)."""
    base = (
        options_from(load_config(config_file))
        if config_file
        else EncodeOptions(date=encoding_date(None))
    )
    options = replace(
        base,
        language=lang or base.language,
        date=date or base.date,
        authority=authority or base.authority,
        corrections=corrections or base.corrections,
    )
    targets = _encode_targets(files, output, out_dir)
    for source, target in zip(files, targets):
        data = encode(read_source(source), options)
        if target is None:
            sys.stdout.buffer.write(data)
        else:
            write_bytes(target, data)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--schema",
    "schemas",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An XSD, RELAX NG (.rng) or Schematron (.sch); repeatable. Default: teiforge's own.",
)
@click.option(
    "--format",
    "format_name",
    default="text",
    show_default=True,
    type=click.Choice(sorted(FORMATS)),
    help="Output format.",
)
def validate_command(paths: tuple[Path, ...], schemas: tuple[Path, ...], format_name: str) -> None:
    """Validate TEI files or folders (recursively, *.xml)."""
    report = validate_paths(paths, schemas)
    click.echo(FORMATS[format_name](report), nl=False)
    sys.exit(exit_code(report))


@main.command("html")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--out-dir", required=True, type=click.Path(path_type=Path), help="Folder of the site."
)
@click.option(
    "--templates", type=click.Path(path_type=Path), help="Folder of templates overriding ours."
)
def html_command(files: tuple[Path, ...], out_dir: Path, templates: Path | None) -> None:
    """Render TEI FILES as a static HTML reading edition."""
    written = render_site(files, out_dir, templates)
    click.echo(f"{len(written)} files written to {out_dir}")


@main.command("text")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--reading",
    type=click.Choice(READINGS),
    default="diplomatic",
    show_default=True,
    help="diplomatic: the OCR as read (every sic); corrected: every corr.",
)
def text_command(file: Path, reading: Reading) -> None:
    """Print a TEI document's text in one of its readings."""
    click.echo(text_reading(load_tei(file).getroot(), reading), nl=False)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@main.command("build")
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="Default: ./teiforge.toml, else [tool.teiforge] in ./pyproject.toml.",
)
def build_command(config_file: Path | None) -> None:
    """Encode a corpus, validate its editions, render its site."""
    config = load_config(config_file) if config_file else find_config(Path.cwd())
    encoded = encode_corpus(config)
    changed = sum(1 for item in encoded if item.changed)
    click.echo(
        f"encoded {_count(len(encoded), 'source')} into {config.path(config.tei_dir)} ({changed} changed)"
    )
    editions = [item.edition for item in encoded]
    report = validate_paths(editions, disabled_rules=config.disable_rules)
    if exit_code(report) != EXIT_OK:
        click.echo(FORMATS["text"](report), nl=False)
        sys.exit(EXIT_INVALID)
    click.echo(f"validated {_count(len(editions), 'edition')}: all valid")
    site = config.path(config.site_dir)
    written = render_site(editions, site)
    click.echo(f"rendered {_count(len(written), 'file')} into {site}")


def run(entry: Callable[..., object] = main) -> None:
    """Turn every failure into one line and a named exit code."""
    try:
        code = entry(standalone_mode=False)
    except InputError as error:
        click.echo(f"teiforge: error: {error}", err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        sys.exit(EXIT_USAGE)
    except click.ClickException as error:
        click.echo(f"teiforge: error: {error.format_message()}", err=True)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit:
        raise
    except Exception as error:  # noqa: BLE001 - a bug of ours still gets one line, not a traceback
        click.echo(f"teiforge: internal error: {type(error).__name__}: {error}", err=True)
        sys.exit(EXIT_INTERNAL)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
