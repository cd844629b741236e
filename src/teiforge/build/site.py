"""The site of an incremental build: the pages of the documents rendered in this run, and
the index pages always (they list every document), made by html.site.index_pages from the
facts the cache keeps of the others. The result is the site html.render_site makes of the
same editions, byte for byte (tests/test_build_scale.py holds the two together); files
whose bytes are the same are left untouched.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from ..html.site import SiteDocument, index_pages, make_folder
from .cache import PageFacts


def make_site_folder(out_dir: Path) -> None:
    make_folder(out_dir)


def site_files(
    out_dir: Path,
    documents: Sequence[tuple[Path, str, PageFacts]],
    rendered: Mapping[str, str],
) -> dict[Path, str]:
    """Every file of the site that this run has the text of: the pages `rendered` (by page
    name), given with each document's (edition, page name, facts), and the index and
    static files."""
    listed = [
        SiteDocument(facts.title, page, edition.name, facts.lang, facts.mentions)
        for edition, page, facts in documents
    ]
    return {
        **{out_dir / name: html for name, html in rendered.items()},
        **index_pages(out_dir, listed),
    }
