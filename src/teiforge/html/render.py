"""render_document: one TEI tree -> one HTML5 page (pure). render_site: TEI files -> a
folder of pages, an index and the stylesheet; every input is read and rendered before
anything is written, so a bad input leaves the output folder untouched."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from urllib.parse import quote

import jinja2
from lxml import etree

from ..atomic import write_text
from ..errors import InputError
from ..tei.load import load_tei, tei_problem
from .env import environment
from .header import read_header
from .view import DocView

INDEX = "index.html"
STYLESHEET = "teiforge.css"
SITE_TITLE = "Documents"
RECURSION_LIMIT = 8000


@dataclass(frozen=True)
class IndexEntry:
    title: str
    href: str
    file: str


def _root(tree: etree._ElementTree | etree._Element) -> etree._Element:
    return tree.getroot() if isinstance(tree, etree._ElementTree) else tree


def _template_error(templates: Path | None, error: jinja2.TemplateError) -> InputError:
    where = getattr(error, "filename", None) or getattr(error, "name", None) or "templates"
    line = getattr(error, "lineno", None)
    at = f" (line {line})" if line else ""
    return InputError(
        templates or where,
        f"template error in {Path(str(where)).name}{at}: {error.message or type(error).__name__}",
    )


@contextmanager
def _deep_recursion() -> Iterator[None]:
    """Each level of TEI nesting costs about 16 Python frames through the Jinja macros, and
    the parser allows 256 levels: lift the default limit of 1000 while rendering."""
    previous = sys.getrecursionlimit()
    sys.setrecursionlimit(max(previous, RECURSION_LIMIT))
    try:
        yield
    finally:
        sys.setrecursionlimit(previous)


def render_document(
    tree: etree._ElementTree | etree._Element, *, templates: Path | None = None
) -> str:
    """The HTML page of one TEI document. ValueError if the tree is not TEI; InputError
    (naming the template folder) if a template is broken."""
    root = _root(tree)
    problem = tei_problem(root)
    if problem is not None:
        raise ValueError(problem)
    try:
        with _deep_recursion():
            doc = DocView(root)
            page = environment(str(templates) if templates else None).get_template("page.html")
            return page.render(doc=doc, title=doc.header.title, lang=doc.header.lang)
    except jinja2.TemplateError as error:
        raise _template_error(templates, error) from None


def _page_names(tei_files: Sequence[Path]) -> dict[Path, str]:
    """<stem>.html per input; two inputs with one page name (the index's included, and
    names that differ only in case) are an error rather than a silently lost page."""
    names: dict[Path, str] = {}
    taken = {INDEX.casefold(): Path(INDEX)}
    for path in tei_files:
        name = f"{path.stem}.html"
        if name.casefold() in taken:
            raise InputError(
                path, f"its page {name} would overwrite the page of {taken[name.casefold()]}"
            )
        taken[name.casefold()] = path
        names[path] = name
    return names


def _make_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(exist_ok=True)
        (out_dir / "static").mkdir(exist_ok=True)
    except OSError:
        raise InputError(out_dir, "cannot create output folder") from None


def render_site(
    tei_files: Sequence[Path], out_dir: Path, templates: Path | None = None
) -> list[Path]:
    """Write out_dir/<stem>.html per document, out_dir/index.html and
    out_dir/static/teiforge.css; return the written paths, sorted."""
    if templates is not None and not templates.is_dir():
        raise InputError(templates, "template folder not found")
    names = _page_names(tei_files)
    pages: dict[Path, str] = {}
    entries: list[IndexEntry] = []
    langs: set[str | None] = set()
    for path in tei_files:
        tree = load_tei(path)
        try:
            pages[out_dir / names[path]] = render_document(tree, templates=templates)
        except RecursionError:
            raise InputError(path, "elements nested too deeply to render") from None
        doc_header = read_header(tree.getroot())
        entries.append(IndexEntry(doc_header.title, quote(names[path]), path.name))
        langs.add(doc_header.lang)
    entries.sort(key=lambda entry: (entry.href, entry.title))
    lang = next(iter(langs)) if len(langs) == 1 else None
    try:
        index = environment(str(templates) if templates else None).get_template(INDEX)
        pages[out_dir / INDEX] = index.render(entries=entries, title=SITE_TITLE, lang=lang)
    except jinja2.TemplateError as error:
        raise _template_error(templates, error) from None
    css = resources.files("teiforge.html").joinpath("static", STYLESHEET).read_text("utf-8")
    pages[out_dir / "static" / STYLESHEET] = css

    _make_folder(out_dir)
    for target, text in pages.items():
        write_text(target, text)
    return sorted(pages)
