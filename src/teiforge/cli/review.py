"""`teiforge review` and `teiforge explain`: the OCR corrections put before an editor."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import replace
from pathlib import Path

import click

from ..config import language_problem, load_config
from .options import PATH, checked_option, count


@click.command("review")
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
    from ..corpus import options_from
    from ..encode import EncodeOptions
    from ..names.suggest import available
    from ..review import review, write_names

    options = options_from(load_config(config_file)) if config_file else EncodeOptions()
    rows = review(files, output, options)
    if names_output is not None:
        if not available():
            logging.getLogger("teiforge").warning(
                "no statistical recogniser installed (pip install 'teiforge-tei[ner]')"
            )
        named = write_names(files, names_output, options)
        click.echo(f"{count(named, 'name')} proposed written to {names_output}")
    decided = sum(1 for row in rows if row.decision)
    proposed = sum(1 for row in rows if not row.status)
    kept = Counter(row.status for row in rows if row.status)
    listed = ", ".join(f"{number} {status}" for status, number in sorted(kept.items()))
    click.echo(
        f"{count(proposed, 'proposal')} ({decided} decided) written to {output}"
        + (f"; earlier rows kept: {listed}" if kept else "")
    )


@click.command("explain")
@click.argument("file", type=PATH)
@click.argument("word")
@click.option("--lang", help="Language of the text (default: fr, or the configuration's).")
@click.option("--config", "config_file", type=PATH, help="teiforge.toml or pyproject.toml.")
def explain_command(file: Path, word: str, lang: str | None, config_file: Path | None) -> None:
    """Say why each occurrence of WORD in FILE was or was not corrected."""
    from ..corpus import options_from
    from ..encode import EncodeOptions
    from ..explain import explain

    options = options_from(load_config(config_file)) if config_file else EncodeOptions()
    lang = checked_option("--lang", lang, language_problem)
    if lang:
        options = replace(options, language=lang)
    for line in explain(file, word, options) or [f"{file}: {word}: not in the text"]:
        click.echo(line)
