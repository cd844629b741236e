"""The site of an incremental build: the pages of the documents rendered in this run, and
the index pages always (they list every document), made from the facts the cache keeps
of the others. The result is the site html.render_site makes of the same editions, byte
for byte (tests/test_build_scale.py holds the two together); files whose bytes are the
same are left untouched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from ..html.env import environment
from ..html.nameindex import DocumentMentions, build_indexes
from ..html.site import INDEX, SITE_TITLE, STATIC, IndexEntry, _make_folder, _static
from .cache import PageFacts


def index_pages(out_dir: Path, documents: Sequence[tuple[Path, str, PageFacts]]) -> dict[Path, str]:
    """The index of documents, the indexes of names and the static files, for documents
    given as (edition, page name, facts)."""
    entries = sorted(
        (IndexEntry(facts.title, quote(page), edition.name) for edition, page, facts in documents),
        key=lambda entry: (entry.href, entry.title),
    )
    mentions = sorted(
        (
            DocumentMentions(facts.title, quote(page), facts.mentions)
            for _, page, facts in documents
        ),
        key=lambda document: (document.href, document.title),
    )
    indexes = build_indexes(mentions)
    langs = {facts.lang for _, _, facts in documents}
    lang = next(iter(langs)) if len(langs) == 1 else None
    env = environment(None)
    counts = [(i.kind, i.page, i.title, len(i.entries)) for i in indexes]
    pages = {
        out_dir / INDEX: env.get_template(INDEX).render(
            entries=entries, title=SITE_TITLE, lang=lang, name_counts=counts
        )
    }
    for index in indexes:
        pages[out_dir / index.page] = env.get_template("name_index.html").render(
            entries=index.entries,
            letters=index.letters,
            title=index.title,
            page=index.page,
            lang=lang,
        )
    for name in STATIC:
        pages[out_dir / "static" / name] = _static(name, None)
    return pages


def make_site_folder(out_dir: Path) -> None:
    _make_folder(out_dir)


def site_files(
    out_dir: Path,
    documents: Sequence[tuple[Path, str, PageFacts]],
    rendered: Mapping[str, str],
) -> dict[Path, str]:
    """Every file of the site that this run has the text of: the pages `rendered` (by page
    name) and the index and static files."""
    return {
        **{out_dir / name: html for name, html in rendered.items()},
        **index_pages(out_dir, documents),
    }
