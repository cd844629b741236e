"""The command line: parse, call the library, format, exit. Nothing else lives here."""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from . import __version__
from .build import EXECUTORS
from .config import date_problem, find_config, language_problem, load_config
from .errors import EXIT_INVALID, EXIT_OK, EXIT_USAGE, InputError
from .tei.readings import READINGS, Reading
from .validate.formats import AUTO, FORMATS, pick

# Each command imports what it runs when it runs: starting teiforge loads the command
# line alone (a warm `validate` in CI is mostly start-up).

EXIT_INTERNAL = 3  # a bug of teiforge's own: reported in one line, never a traceback
EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it (128 + SIGINT)
# Paths are checked by the commands themselves, so that a file that cannot be read is one
# line `teiforge: error: FILE: problem` like any other bad input, not click's own message.
PATH = click.Path(path_type=Path, readable=False)


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
        problem = "is a file, not a folder" if out_dir.exists() else "output folder does not exist"
        raise InputError(out_dir, problem)
    targets: list[Path | None] = (
        [output] if output else [out_dir / f"{f.stem}.xml" if out_dir else None for f in files]
    )
    for source, target in zip(files, targets):
        if target is not None and target.resolve() == source.resolve():
            raise InputError(target, "output path is the input file")
    return targets


def _checked_option(
    option: str, value: str | None, problem: Callable[[str], str | None]
) -> str | None:
    why = None if value is None else problem(value)
    if why is not None:
        raise InputError(option, why)
    return value


def _work_options(command: Callable[..., None]) -> Callable[..., None]:
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


@main.command("encode")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("-o", "--output", type=PATH, help="Write the TEI here (one input).")
@click.option("--out-dir", type=PATH, help="Write DIR/<stem>.xml for each input.")
@click.option(
    "--config",
    "config_file",
    type=PATH,
    help="teiforge.toml or pyproject.toml.",
)
@click.option("--lang", help="Language of the text (default: fr, or the configuration's).")
@click.option(
    "--date", help="Encoding date for the header (default: SOURCE_DATE_EPOCH, else none)."
)
@click.option("--authority", type=PATH, help="A TEI authority list of names.")
@click.option("--corrections", type=PATH, help="An editor's corrections file.")
@click.option(
    "--pages", is_flag=True, help="FILES are the pages of one document, in the order given."
)
@_work_options
def encode_command(
    files: tuple[Path, ...],
    output: Path | None,
    out_dir: Path | None,
    config_file: Path | None,
    lang: str | None,
    date: str | None,
    authority: Path | None,
    corrections: Path | None,
    pages: bool,
    **work: Any,
) -> None:
    """Encode OCR FILES as TEI: plain text, ALTO, PAGE, hOCR or Tesseract TSV (recognised by
    content); a folder is one document, its files its pages. Without --config, no corpus
    file is used (a blind encoding)."""
    from .atomic import write_bytes
    from .build.progress import encoding_bar, wants_progress
    from .corpus import encoding_date, options_from
    from .encode import STAGES, EncodeOptions, encode
    from .readers import read_document
    from .works import assign_works, merged, work_from_options

    date = _checked_option("--date", date, date_problem)
    lang = _checked_option("--lang", lang, language_problem)
    given = work_from_options(**work)
    config = load_config(config_file) if config_file else None
    base = options_from(config, date) if config else EncodeOptions(date=encoding_date(date))
    works = assign_works(config.works, config.root, files) if config else {}
    options = replace(
        base,
        language=lang or base.language,
        authority=authority or base.authority,
        corrections=corrections or base.corrections,
    )
    documents = [list(files)] if pages else [[path] for path in files]
    files = tuple(document[0] for document in documents)
    targets = _encode_targets(files, output, out_dir)
    # all refused before anything is written
    sources = [read_document(document) for document in documents]
    with encoding_bar(len(files), STAGES, wants_progress(quiet=False)) as watch:
        for index, (path, source, target) in enumerate(zip(files, sources, targets)):
            work_options = replace(
                options,
                work=merged(works.get(path), given),
                edition_dir=target.parent if target is not None else None,
            )
            data = encode(source, work_options, watch(index, path.name))
            if target is None:
                sys.stdout.buffer.write(data)
            else:
                write_bytes(target, data)


@main.command("validate")
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
    from .validate import exit_code, validate_paths
    from .validate.codes import listing

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


@main.command("html")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("-o", "--out-dir", required=True, type=PATH, help="Folder of the site.")
@click.option(
    "--templates",
    type=PATH,
    help="Folder of templates (and static/ files) overriding ours, by name.",
)
def html_command(files: tuple[Path, ...], out_dir: Path, templates: Path | None) -> None:
    """Render TEI FILES as a static HTML reading edition: a page per document, an index,
    indexes of names, static/ (stylesheet, script)."""
    from .html import render_site

    written = render_site(files, out_dir, templates)
    click.echo(f"{len(written)} files written to {out_dir}")


@main.command("text")
@click.argument("file", type=PATH)
@click.option(
    "--reading",
    type=click.Choice(READINGS),
    default="diplomatic",
    show_default=True,
    help="diplomatic: the OCR as read (every sic); corrected: every corr.",
)
def text_command(file: Path, reading: Reading) -> None:
    """Print a TEI document's text in one of its readings."""
    from .tei.load import load_tei
    from .tei.readings import reading as text_reading

    click.echo(text_reading(load_tei(file, any_tei=True).getroot(), reading), nl=False)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@main.command("review")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("-o", "--output", required=True, type=PATH, help="The corrections file to write.")
@click.option("--config", "config_file", type=PATH, help="teiforge.toml or pyproject.toml.")
@click.option(
    "--names",
    "names_output",
    type=PATH,
    help="Also write the names a statistical recogniser proposes (extra [ner]) to this file.",
)
def review_command(
    files: tuple[Path, ...], output: Path, config_file: Path | None, names_output: Path | None
) -> None:
    """List the OCR corrections and flags of FILES for an editor to decide."""
    from .corpus import options_from
    from .encode import EncodeOptions
    from .names.suggest import available
    from .review import review, write_names

    options = options_from(load_config(config_file)) if config_file else EncodeOptions()
    rows = review(files, output, options)
    if names_output is not None:
        if not available():
            logging.getLogger("teiforge").warning(
                "no statistical recogniser installed (pip install 'teiforge-tei[ner]')"
            )
        named = write_names(files, names_output, options)
        click.echo(f"{_count(named, 'name')} proposed written to {names_output}")
    decided = sum(1 for row in rows if row.decision)
    proposed = sum(1 for row in rows if not row.status)
    kept = Counter(row.status for row in rows if row.status)
    listed = ", ".join(f"{number} {status}" for status, number in sorted(kept.items()))
    click.echo(
        f"{_count(proposed, 'proposal')} ({decided} decided) written to {output}"
        + (f"; earlier rows kept: {listed}" if kept else "")
    )


@main.command("explain")
@click.argument("file", type=PATH)
@click.argument("word")
@click.option("--lang", help="Language of the text (default: fr, or the configuration's).")
@click.option("--config", "config_file", type=PATH, help="teiforge.toml or pyproject.toml.")
def explain_command(file: Path, word: str, lang: str | None, config_file: Path | None) -> None:
    """Say why each occurrence of WORD in FILE was or was not corrected."""
    from dataclasses import replace

    from .corpus import options_from
    from .encode import EncodeOptions
    from .explain import explain

    options = options_from(load_config(config_file)) if config_file else EncodeOptions()
    lang = _checked_option("--lang", lang, language_problem)
    if lang:
        options = replace(options, language=lang)
    for line in explain(file, word, options) or [f"{file}: {word}: not in the text"]:
        click.echo(line)


@main.command("build")
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
    from .build.executors import make_executor
    from .build.pipeline import build_corpus
    from .build.progress import wants_progress
    from .validate import exit_code

    config = load_config(config_file) if config_file else find_config(Path.cwd())
    runner = make_executor(executor, jobs, scheduler)
    try:
        result = build_corpus(config, runner, jobs=jobs, progress=wants_progress(quiet))
    finally:
        runner.close()
    editions = _count(len(result.editions), "source")
    click.echo(f"encoded {editions} into {config.path(config.tei_dir)} ({result.changed} changed)")
    if result.report.diagnostics:  # errors, or warnings that do not stop the build
        click.echo(FORMATS["text"](result.report), nl=False)
    if exit_code(result.report) != EXIT_OK:
        sys.exit(EXIT_INVALID)
    warnings = _count(len(result.report.diagnostics), "warning")
    valid = "all valid" + (f", {warnings}" if result.report.diagnostics else "")
    click.echo(f"validated {_count(len(result.editions), 'edition')}: {valid}")
    site = config.path(config.site_dir)
    click.echo(f"rendered {_count(len(result.site), 'file')} into {site}")


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
