"""`teiforge encode`: OCR files in, one TEI document per input (or per list of pages) out."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from ..config import date_problem, language_problem, load_config
from ..errors import InputError
from .options import PATH, checked_option, work_options


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


@click.command("encode")
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
@work_options
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
    from ..atomic import write_bytes
    from ..build.progress import encoding_bar, wants_progress
    from ..corpus import encoding_date, options_from
    from ..encode import STAGES, EncodeOptions, encode
    from ..readers import read_document
    from ..works import assign_works, merged, work_from_options

    date = checked_option("--date", date, date_problem)
    lang = checked_option("--lang", lang, language_problem)
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
            file_options = replace(
                options,
                work=merged(works.get(path), given),
                edition_dir=target.parent if target is not None else None,
            )
            data = encode(source, file_options, watch(index, path.name))
            if target is None:
                sys.stdout.buffer.write(data)
            else:
                write_bytes(target, data)
