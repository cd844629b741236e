"""render_site: TEI files -> a folder that is the whole edition: a page per document, the
index of documents, the indexes of names, and static/ (stylesheet and script). Every
input is read and rendered before anything is written, so a bad input leaves the output
folder untouched. The pages link to each other and to static/ only: the site opens from
disk or any static host, and loads nothing from anywhere else.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import jinja2

from ..atomic import write_bytes, write_text
from ..errors import InputError
from ..tei.load import load_tei
from .env import environment
from .facsimile import Facsimile
from .nameindex import DocumentMentions, build_indexes
from .names import INDEX_PAGES, Mention
from .render import render_page, template_error
from .search import index_file, search_index
from .split import Edition, split_edition
from .view import DocView

log = logging.getLogger(__name__)

INDEX = "index.html"
SEARCH = "search.html"
STATIC = ("teiforge.css", "teiforge.js", "search.js", "facsimile.css", "facsimile.js")
SITE_TITLE = "Documents"
RESERVED = (INDEX, SEARCH, *INDEX_PAGES.values())


@dataclass(frozen=True)
class IndexEntry:
    title: str
    href: str
    file: str


def _page_names(tei_files: Sequence[Path]) -> dict[Path, str]:
    """<stem>.html per input; two inputs with one page name (the indexes' included, and
    names that differ only in case) are an error rather than a silently lost page."""
    names: dict[Path, str] = {}
    taken = {name.casefold(): Path(name) for name in RESERVED}
    for path in tei_files:
        name = f"{path.stem}.html"
        if name.casefold() in taken:
            raise InputError(
                path, f"its page {name} would overwrite the page of {taken[name.casefold()]}"
            )
        taken[name.casefold()] = path
        names[path] = name
    return names


def in_parts(doc: DocView, edition: Edition) -> tuple[Mention, ...]:
    """The document's mentions, each with the part it stands on."""
    if not edition.where:
        return tuple(doc.mentions)
    return tuple(replace(m, part=edition.where.get(m.anchor)) for m in doc.mentions)


def _static(name: str, templates: Path | None) -> str:
    """A static file: the user's (templates/static/NAME) if there is one, else ours."""
    if templates is not None and (templates / "static" / name).is_file():
        return (templates / "static" / name).read_text("utf-8")
    return resources.files("teiforge.html").joinpath("static", name).read_text("utf-8")


def make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(exist_ok=True)
        (out_dir / "static").mkdir(exist_ok=True)
    except OSError:
        raise InputError(out_dir, "cannot create output folder") from None


@dataclass(frozen=True)
class SiteDocument:
    """What the site's indexes need of a rendered document."""

    title: str
    page: str  # the file name of its page
    file: str  # the name of its TEI file
    lang: str | None
    mentions: tuple[Mention, ...]


def index_pages(
    out_dir: Path, documents: Sequence[SiteDocument], templates: Path | None = None
) -> dict[Path, str]:
    """The pages that list every document (the index, the indexes of names) and the
    static files, by path; an incremental build makes them from what it kept of each
    document, without rendering the documents again."""
    entries = sorted(
        (IndexEntry(d.title, quote(d.page), d.file) for d in documents),
        key=lambda entry: (entry.href, entry.title),
    )
    mentions = sorted(
        (DocumentMentions(d.title, quote(d.page), d.mentions) for d in documents),
        key=lambda document: (document.href, document.title),
    )
    indexes = build_indexes(mentions)
    langs = {d.lang for d in documents}
    lang = next(iter(langs)) if len(langs) == 1 else None
    env = environment(str(templates) if templates else None)
    counts = [(i.kind, i.page, i.title, len(i.entries)) for i in indexes]
    pages: dict[Path, str] = {}
    try:
        pages[out_dir / INDEX] = env.get_template(INDEX).render(
            entries=entries, title=SITE_TITLE, lang=lang, name_counts=counts
        )
        pages[out_dir / SEARCH] = env.get_template(SEARCH).render(
            indexes=[quote(index_file(d.page)) for d in sorted(documents, key=lambda d: d.page)],
            title="Search",
            lang=lang,
        )
        for index in indexes:
            pages[out_dir / index.page] = env.get_template("name_index.html").render(
                entries=index.entries,
                letters=index.letters,
                title=index.title,
                page=index.page,
                lang=lang,
            )
    except jinja2.TemplateError as error:
        raise template_error(templates, error) from None
    for name in STATIC:
        pages[out_dir / "static" / name] = _static(name, templates)
    return pages


def render_site(
    tei_files: Sequence[Path], out_dir: Path, templates: Path | None = None
) -> list[Path]:
    """Write out_dir/<stem>.html per document, out_dir/index.html, the name indexes
    out_dir/index-{people,places,organisations}.html and out_dir/static/; return the
    written paths, sorted."""
    if templates is not None and not templates.is_dir():
        raise InputError(templates, "template folder not found")
    names = _page_names(tei_files)
    taken = {name.casefold() for name in (*RESERVED, *names.values())}  # parts may not take
    pages: dict[Path, str] = {}
    images: dict[Path, Path] = {}  # in the site -> the page image it copies
    documents: list[SiteDocument] = []
    for path in tei_files:
        tree = load_tei(path, any_tei=True)
        try:
            html, doc = render_page(tree, templates=templates, source=path)
        except RecursionError:
            raise InputError(path, "elements nested too deeply to render") from None
        edition = split_edition(html, names[path])
        for name, text in edition.pages.items():
            if name != names[path] and (out_dir / name in pages or name.casefold() in taken):
                raise InputError(path, f"its part {name} would overwrite another page")
            pages[out_dir / name] = text
        pages[out_dir / index_file(names[path])] = search_index(edition, doc.header.title)
        images.update(page_images(path, doc.facsimile, out_dir))
        documents.append(
            SiteDocument(
                doc.header.title, names[path], path.name, doc.header.lang, in_parts(doc, edition)
            )
        )
    pages.update(index_pages(out_dir, documents, templates))

    make_folder(out_dir)
    for target, text in pages.items():
        write_text(target, text)
    for target, image in images.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, image.read_bytes())
    return sorted([*pages, *images])


def page_images(source: Path, facsimile: Facsimile | None, out_dir: Path) -> dict[Path, Path]:
    """The local page images a document's page shows, by their place in the site; a page
    image that is named but missing is reported (its zones are shown on a blank page)."""
    if facsimile is None:
        return {}
    for url in facsimile.missing:
        log.warning(
            "%s: page image %s not found (its zones are shown on a blank page)", source, url
        )
    return {out_dir / PurePosixPath(target): image for image, target in facsimile.images.items()}
