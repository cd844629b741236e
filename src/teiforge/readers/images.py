"""Where a page image is, as the edition names it. An OCR file names its page image
relative to itself (ALTO's `fileName` `../images/001.jpg`, hOCR's `image`, PAGE's
`imageFilename`); the edition is written elsewhere (`tei/`, or wherever `-o` says), and a
relative path must hold from there. So a reader names an image that exists beside its OCR
file by its absolute path (`located`), and the encoder names it relative to the edition's
folder (`relocate`). A web address, or an image that is not there, is kept as written.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from ..model import Source
from .pages import OcrPage


def located(page: OcrPage, file: Path) -> OcrPage:
    """The page with its image named by its absolute path when it is a file beside `file`."""
    if not page.image or urlsplit(page.image).scheme not in ("", "file"):
        return page
    written = unquote(urlsplit(page.image).path) if page.image.startswith("file:") else page.image
    image = (file.parent / written).resolve()
    return replace(page, image=str(image)) if image.is_file() else page


def relocate(source: Source, folder: Path) -> Source:
    """The source with each located image named relative to `folder` (the edition's)."""
    facsimile = source.facsimile
    if facsimile is None:
        return source
    surfaces = tuple(
        replace(surface, image=_relative(surface.image, folder))
        if surface.image and os.path.isabs(surface.image)
        else surface
        for surface in facsimile.surfaces
    )
    return replace(source, facsimile=replace(facsimile, surfaces=surfaces))


def _relative(image: str, folder: Path) -> str:
    return str(PurePosixPath(*Path(os.path.relpath(image, folder.resolve())).parts))
