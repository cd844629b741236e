"""The per-document work of a build, as one pure function an executor can run anywhere:
a source (or an edition already made) in, the edition's bytes and its HTML page out.
Nothing here reads or writes the corpus's files.

The page is rendered in the same task as the edition is encoded, from the tree parsed
once, so that rendering spreads over the workers too; it is written only if the build
finds every edition valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..encode import EncodeOptions, encode
from ..html import render_page
from ..html.names import Mention
from ..html.search import index_file, search_index
from ..html.site import in_parts
from ..html.split import split_edition
from ..model import Source
from ..xmlsafe import XmlProblem, parse_bytes


@dataclass(frozen=True)
class DocumentTask:
    edition_file: str  # the edition's path, as messages name it
    options: EncodeOptions
    source: Source | None = None  # to encode; None when `edition` is already made
    edition: bytes | None = None


@dataclass(frozen=True)
class DocumentResult:
    edition: bytes
    page: str | None  # the HTML page; None when the edition cannot be rendered
    problem: str | None  # why it cannot
    title: str = ""
    lang: str | None = None
    mentions: tuple[Mention, ...] = ()
    # (file, text) of the other files of the document: a long edition's parts, its search index
    parts: tuple[tuple[str, str], ...] = ()
    # (file in the site, image file) of the local page images its page shows (the facsimile)
    images: tuple[tuple[str, str], ...] = ()


def build_document(task: DocumentTask) -> DocumentResult:
    if task.edition is not None:
        edition = task.edition
    elif task.source is not None:
        edition = encode(task.source, task.options)
    else:
        raise ValueError("a document task needs a source or an edition")
    try:
        tree = parse_bytes(edition, base_url=task.edition_file)
        html, view = render_page(tree, source=Path(task.edition_file))
    except XmlProblem as problem:
        return DocumentResult(edition, None, problem.message)
    except ValueError as error:  # not TEI
        return DocumentResult(edition, None, str(error))
    except RecursionError:
        return DocumentResult(edition, None, "elements nested too deeply to render")
    # the page's name is the site's (html.site): the edition's stem
    page_file = f"{Path(task.edition_file).stem}.html"
    pages = split_edition(html, page_file)
    page, *parts = pages.pages.values()
    return DocumentResult(
        edition,
        page,
        None,
        view.header.title,
        view.header.lang,
        in_parts(view, pages),
        (
            *zip(list(pages.pages)[1:], parts),
            (index_file(page_file), search_index(pages, view.header.title)),
        ),
        tuple(
            (target, str(image))
            for image, target in (view.facsimile.images if view.facsimile else {}).items()
        ),
    )
