"""Pages of OCR lines -> the Source every later stage reads: the lines as text (a blank
line between two regions, a form feed before each page after the first, as Tesseract
writes its text) and the zone of each source line on its page.

The layout then reads this text exactly as it reads a plain one; the facsimile is keyed
by source line number, which the layout keeps on every Line, so nothing after `read`
knows which format a page came from."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from ..model import Facsimile, Source, Surface, Zone
from ..read import xml_characters
from .pages import OcrPage


def assemble(pages: Sequence[OcrPage], name: str, data: Sequence[bytes], code: str) -> Source:
    lines: list[str] = []
    zones: list[Zone] = []
    surfaces: list[Surface] = []
    for index, page in enumerate(pages):
        surfaces.append(Surface(page.image, page.width, page.height, page.pixels))
        feed = "\f" if index else ""
        block = None
        for line in page.lines:
            if block is not None and line.block != block:
                lines.append("")
            block = line.block
            lines.append(feed + xml_characters(line.text))
            feed = ""
            zones.append(Zone(len(lines), index, line.box, line.words, line.region))
        if feed:
            lines.append(feed)  # an empty page: its form feed alone
    digest = hashlib.sha256()
    for part in data:
        digest.update(part)
    return Source(
        name=xml_characters(name),
        text="\n".join(lines) + "\n",
        sha256=digest.hexdigest(),
        encoding="utf-8",
        facsimile=Facsimile(tuple(surfaces), tuple(zones)),
        format=code,
    )
