"""render_document: one TEI tree -> one HTML5 page (pure); render_page also returns the
document's view, from which the site gathers its name index."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import jinja2
from lxml import etree

from ..errors import InputError
from ..tei.load import readable_tei
from .env import environment
from .facsimile import read_facsimile
from .view import DocView

RECURSION_LIMIT = 8000


def template_error(templates: Path | None, error: jinja2.TemplateError) -> InputError:
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


def render_page(
    tree: etree._ElementTree | etree._Element,
    *,
    templates: Path | None = None,
    source: Path | None = None,
) -> tuple[str, DocView]:
    """The HTML page of one TEI document (or of a fragment: any TEI element; P4 is read as
    P5, see tei.legacy), and the view it was rendered from (whose facsimile names the
    local page images the page shows, to be copied beside it). `source` is the TEI file the
    tree was read from: the page images it names are found beside it. ValueError if the
    tree is not TEI; InputError (naming the template folder) if a template is broken."""
    root = readable_tei(tree.getroot() if isinstance(tree, etree._ElementTree) else tree)
    facsimile = read_facsimile(root, source, source.stem if source else "document")
    try:
        with _deep_recursion():
            doc = DocView(root, facsimile)
            page = environment(str(templates) if templates else None).get_template("page.html")
            return page.render(doc=doc, title=doc.header.page_title, lang=doc.header.lang), doc
    except jinja2.TemplateError as error:
        raise template_error(templates, error) from None


def render_document(
    tree: etree._ElementTree | etree._Element, *, templates: Path | None = None
) -> str:
    """The HTML page of one TEI document (see render_page)."""
    return render_page(tree, templates=templates)[0]
