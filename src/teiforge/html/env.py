"""The Jinja2 environment and the table that picks a macro for each TEI element.

Templates are grouped by element family (structure, notes, editorial, quotes, names,
bibl, drama, phrase); any element not in the table, or not in the TEI namespace, goes to
generic.html, which keeps its text in a <span class="tei-NAME"> (or a <div>). A template
folder given by the user is searched first, so a project can override one family.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from lxml import etree

from .layout import DIVS
from .tree import tei_name, xi_name
from .view import DocView

GENERIC = ("generic.html", "element")
XINCLUDE = {"include": ("generic.html", "xinclude"), "fallback": GENERIC}
# template, macro, the TEI elements it renders, in template order
# fmt: off
_ROWS = (
    ("structure.html", "text_part", "text front body back group"),
    ("structure.html", "div", " ".join(sorted(DIVS))),
    ("structure.html", "head", "head"),
    ("structure.html", "p", "p ab"),
    ("structure.html", "flow", "lg opener closer epigraph argument postscript"),
    ("structure.html", "flow", "floatingText figure titlePage listBibl"),
    ("structure.html", "para", "trailer byline dateline salute signed address label fw"),
    ("structure.html", "para", "docTitle titlePart docAuthor docImprint docDate"),
    ("structure.html", "line", "l"),
    ("structure.html", "flow", "sourceDoc surfaceGrp zone"),
    ("structure.html", "surface", "surface"),
    ("structure.html", "source_line", "line"),
    ("structure.html", "list", "list"),
    ("structure.html", "item", "item"),
    ("structure.html", "pb", "pb"),
    ("structure.html", "lb", "lb"),
    ("notes.html", "note", "note"),
    ("editorial.html", "alternation", "choice app"),
    ("editorial.html", "sic", "sic"),
    ("editorial.html", "corr", "corr"),
    ("editorial.html", "gap", "gap"),
    ("quotes.html", "quote", "quote q"),
    ("quotes.html", "said", "said"),
    ("quotes.html", "cit", "cit"),
    ("names.html", "name", "persName placeName orgName name rs"),
    ("bibl.html", "bibl", "bibl"),
    ("bibl.html", "title", "title"),
    ("bibl.html", "part", "author editor pubPlace publisher date biblScope"),
    ("bibl.html", "part", "idno edition series imprint"),
    ("drama.html", "cast_list", "castList castGroup"),
    ("drama.html", "cast_item", "castItem"),
    ("drama.html", "sp", "sp"),
    ("drama.html", "speaker", "speaker"),
    ("drama.html", "stage", "stage"),
    ("phrase.html", "hi", "hi"),
    ("phrase.html", "emph", "emph"),
    ("phrase.html", "foreign", "foreign"),
    ("phrase.html", "ref", "ref ptr"),
)
# fmt: on
FAMILIES: dict[str, tuple[str, str]] = {
    name: (template, macro) for template, macro, names in _ROWS for name in names.split()
}


def family(element: etree._Element) -> tuple[str, str]:
    """(template, macro) that renders `element`."""
    xi = xi_name(element)
    if xi is not None:
        return XINCLUDE.get(xi, GENERIC)
    return FAMILIES.get(tei_name(element) or "", GENERIC)


def _globals(env: jinja2.Environment) -> dict[str, Callable[..., Any]]:
    """macro_for, node and content for every template. node and content are looked up when
    called: a template module copies the globals when it is first built, so the modules
    must not be built before these globals exist."""

    def module(template: str) -> Any:
        return env.get_template(template).module

    def macro_for(element: etree._Element, doc: DocView) -> Any:
        template, name = family(element)
        macro = getattr(module(template), name, None)
        if macro is None:
            raise jinja2.TemplateRuntimeError(f"{template} defines no macro {name}()")
        return macro

    def node(element: etree._Element, doc: DocView) -> Any:
        return module("content.html").node(element, doc)

    def content(element: etree._Element, doc: DocView) -> Any:
        return module("content.html").content(element, doc)

    return {"macro_for": macro_for, "node": node, "content": content}


@lru_cache(maxsize=8)
def environment(templates: str | None = None) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("teiforge.html", "templates")]
    if templates is not None:
        loaders.insert(0, jinja2.FileSystemLoader(str(Path(templates))))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are looked up once per element
    )
    env.globals.update(_globals(env))
    return env
