"""`teiforge html` and `teiforge text`: an encoded edition read back, as a site or as text."""

from __future__ import annotations

from pathlib import Path

import click

from ..tei.readings import READINGS, Reading
from .options import PATH


@click.command("html")
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
    from ..html import render_site

    written = render_site(files, out_dir, templates)
    click.echo(f"{len(written)} files written to {out_dir}")


@click.command("text")
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
    from ..tei.load import load_tei
    from ..tei.readings import reading as text_reading

    click.echo(text_reading(load_tei(file, any_tei=True).getroot(), reading), nl=False)
