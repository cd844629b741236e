"""The source's page images -> <facsimile>: a <surface> per page (its <graphic> when the
format names an image), a <zone> per line; and the ids that pb, fw and lb point to."""

from __future__ import annotations

from urllib.parse import quote

from lxml import etree

from ..model import Box, Facsimile, Page
from .ns import XML_ID, E

# What an image's path keeps as it is; anything else (a space, a letter with an accent,
# a colon that would read as a scheme) is percent-escaped, so that the path is one RFC
# 3986 allows. A web address (a IIIF image) is kept whole but for what it may not hold.
_PATH_SAFE = "/@!$&'()*+,;=~"
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def image_url(image: str) -> str:
    if image.startswith(("http://", "https://")):
        head, hash_, fragment = image.partition("#")
        return (
            quote(head, safe=_URL_SAFE.replace("#", ""))
            + hash_
            + quote(fragment, safe=_PATH_SAFE + ":?")
        )
    return quote(image, safe=_PATH_SAFE)


def _coordinates(box: Box) -> dict[str, str]:
    return {"ulx": str(box.ulx), "uly": str(box.uly), "lrx": str(box.lrx), "lry": str(box.lry)}


class FacsimileIds:
    """The xml:id of each page's surface ("f1", "f2"...) and each line's zone ("f1-l3",
    the third line of the first page), by source line number."""

    def __init__(self, facsimile: Facsimile) -> None:
        self.facsimile = facsimile
        self.surfaces = [f"f{index + 1}" for index in range(len(facsimile.surfaces))]
        self.zones: dict[int, str] = {}
        self._surface_of_line: dict[int, int] = {}
        ranks = [0] * len(facsimile.surfaces)
        for zone in facsimile.zones:
            ranks[zone.surface] += 1
            self.zones[zone.line] = f"{self.surfaces[zone.surface]}-l{ranks[zone.surface]}"
            self._surface_of_line[zone.line] = zone.surface

    def page(self, page: Page) -> str | None:
        """The surface of a page of the layout: that of its first line."""
        numbers = [line.number for line in (*page.body, *page.footnote_zone)]
        numbers += [forme.line for forme in page.forme]
        if not numbers:
            return None
        surface = self._surface_of_line.get(min(numbers))
        return None if surface is None else self.surfaces[surface]

    def build(self) -> etree._Element:
        facsimile = E.facsimile()
        by_surface: list[list[etree._Element]] = [[] for _ in self.surfaces]
        for zone in self.facsimile.zones:
            coordinates = _coordinates(zone.box) if zone.box else {}
            by_surface[zone.surface].append(E.zone({XML_ID: self.zones[zone.line], **coordinates}))
        for xml_id, surface, zones in zip(self.surfaces, self.facsimile.surfaces, by_surface):
            attributes = {XML_ID: xml_id}
            if surface.width is not None and surface.height is not None:
                attributes.update(_coordinates(Box(0, 0, surface.width, surface.height)))
            element = E.surface(attributes)
            if surface.image:
                graphic = E.graphic(url=image_url(surface.image))
                if surface.pixels and surface.width is not None and surface.height is not None:
                    graphic.set("width", f"{surface.width}px")
                    graphic.set("height", f"{surface.height}px")
                element.append(graphic)
            element.extend(zones)
            facsimile.append(element)
        return facsimile
