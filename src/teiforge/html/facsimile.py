"""The page images of a document (TEI `<facsimile>`) as the reading edition shows them.

A `<surface>` is a page: its coordinate space (@ulx @uly @lrx @lry, else its graphic's
@width and @height), its image (`<graphic @url>`: a file beside the TEI file, or a web
address such as a IIIF image), and its zones (`<zone>`: @ulx @uly @lrx @lry, or @points).
The text points at them with @facs: `<pb facs="#f12"/>` opens the page whose image is
shown beside the text, `<lb facs="#f12-l3"/>` starts the line the zone frames, and any
other element with @facs is framed by its zone.

Images: a local image is copied into the site (`facsimile/<page stem>/<n>.<ext>`), so the
edition works from disk with no network; a web address is left for the reader's browser to
load (nothing is fetched when the site is built). A IIIF Image API address (one ending in
`info.json`, or a service base with no file extension) becomes its full-size image. A local
image that is missing leaves the page's zones on a blank page, and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from lxml import etree

from ..tei.ns import XML_ID, tei
from .tree import pointers, safe_id, tei_name

# what a browser shows in an <image>: anything else is not copied
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"})
_LENGTH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")
_POINT = re.compile(r"(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)")


@dataclass(frozen=True)
class Zone:
    """A region of a page, in the page's coordinates; `points` for a polygon."""

    id: str  # the TEI xml:id
    anchor: str  # its HTML id (for the link from the image to the text)
    x: float
    y: float
    width: float
    height: float
    points: str | None = None  # "x,y x,y ..." when the zone is a polygon


@dataclass(frozen=True)
class Surface:
    id: str  # the TEI xml:id
    anchor: str  # its HTML id
    label: str  # "page 12" (its pb's number) or "image 3"
    x: float  # the coordinate space the zones use
    y: float
    width: float
    height: float
    image: str | None  # the href the page uses: a copy in the site, or a web address
    zones: tuple[Zone, ...]


@dataclass(frozen=True)
class Facsimile:
    surfaces: tuple[Surface, ...]
    images: dict[Path, str]  # local image -> its path in the site (relative, posix)
    missing: tuple[str, ...]  # local images named but not found
    surface_of: dict[str, Surface]  # a surface's or one of its zones' TEI id -> the surface
    zone_of: dict[str, Zone]

    def page(self, pb: etree._Element) -> Surface | None:
        """The page image a page break opens."""
        for target in pointers(pb.get("facs")):
            if target in self.surface_of:
                return self.surface_of[target]
        return None

    def zone(self, element: etree._Element) -> Zone | None:
        """The zone that frames an element (a line begun by an lb, a word, a block)."""
        for target in pointers(element.get("facs")):
            if target in self.zone_of:
                return self.zone_of[target]
        return None


def read_facsimile(root: etree._Element, source: Path | None, stem: str) -> Facsimile | None:
    """The page images of the document at `root` (read from the file `source`, whose folder
    a relative image address is resolved against; None when the tree was not read from a
    file), or None when it has none. `stem` names the site folder the images are copied to."""
    surfaces = [s for s in root.iter(tei("surface")) if _in_facsimile(s)]
    if not surfaces:
        return None
    labels = _page_labels(root)
    found: list[Surface] = []
    images: dict[Path, str] = {}
    missing: list[str] = []
    for index, surface in enumerate(surfaces, 1):
        surface_id = surface.get(XML_ID) or f"surface-{index}"
        graphic = surface.find(tei("graphic"))
        url = (graphic.get("url") or "").strip() if graphic is not None else ""
        x, y, width, height = _space(surface, graphic)
        image = None
        if url:
            image = _web_image(url)
            if image is None and source is not None:
                local = _local_image(url, source)
                if local is None or not local.is_file():
                    missing.append(url)
                else:
                    target = images.setdefault(
                        local, f"facsimile/{safe_id(stem)}/{len(images) + 1}{local.suffix.lower()}"
                    )
                    image = quote(target)
        zones = tuple(
            zone
            for number, element in enumerate(surface.iter(tei("zone")), 1)
            if (zone := _zone(element, surface_id, number)) is not None
        )
        label = labels.get(surface_id) or f"image {index}"
        found.append(
            Surface(
                surface_id, f"facs-{safe_id(surface_id)}", label, x, y, width, height, image, zones
            )
        )
    surface_of = {s.id: s for s in found}
    zone_of: dict[str, Zone] = {}
    for surface in found:
        for zone in surface.zones:
            surface_of.setdefault(zone.id, surface)
            zone_of[zone.id] = zone
    return Facsimile(tuple(found), images, tuple(missing), surface_of, zone_of)


def _in_facsimile(surface: etree._Element) -> bool:
    """A surface of the document's facsimile (a sourceDoc's surfaces are its text)."""
    return any(tei_name(a) == "facsimile" for a in surface.iterancestors())


def _page_labels(root: etree._Element) -> dict[str, str]:
    labels: dict[str, str] = {}
    for pb in root.iter(tei("pb")):
        n = (pb.get("n") or "").strip()
        for target in pointers(pb.get("facs")):
            if n:
                labels.setdefault(target, f"page {n}")
    return labels


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    return float(match.group(1)) if match else None


def _space(
    surface: etree._Element, graphic: etree._Element | None
) -> tuple[float, float, float, float]:
    """The surface's coordinate space: its own corners, else its image's size, else the
    extent of its zones."""
    corners = [_length(surface.get(name)) for name in ("ulx", "uly", "lrx", "lry")]
    if all(c is not None for c in corners):
        ulx, uly, lrx, lry = (float(c or 0) for c in corners)
        if lrx > ulx and lry > uly:
            return ulx, uly, lrx - ulx, lry - uly
    if graphic is not None:
        width, height = _length(graphic.get("width")), _length(graphic.get("height"))
        if width and height:
            return 0.0, 0.0, width, height
    right = bottom = 0.0
    for element in surface.iter(tei("zone")):
        zone = _zone(element, "", 0)
        if zone is not None:
            right = max(right, zone.x + zone.width)
            bottom = max(bottom, zone.y + zone.height)
    return 0.0, 0.0, right or 1.0, bottom or 1.0


def _zone(element: etree._Element, surface_id: str, number: int) -> Zone | None:
    zone_id = element.get(XML_ID) or f"{surface_id}-zone-{number}"
    anchor = f"zone-{safe_id(zone_id)}"
    points = [(float(x), float(y)) for x, y in _POINT.findall(element.get("points") or "")]
    if len(points) >= 3:
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        shown = " ".join(f"{x:g},{y:g}" for x, y in points)
        return Zone(zone_id, anchor, min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys), shown)
    corners = [_length(element.get(name)) for name in ("ulx", "uly", "lrx", "lry")]
    if any(c is None for c in corners):
        return None
    ulx, uly, lrx, lry = (float(c or 0) for c in corners)
    if lrx <= ulx or lry <= uly:
        return None
    return Zone(zone_id, anchor, ulx, uly, lrx - ulx, lry - uly)


def _web_image(url: str) -> str | None:
    """The address a browser loads for a web image; None for a local file."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    path = PurePosixPath(parts.path)
    if path.name == "info.json":  # a IIIF Image API service
        return url[: url.rindex("info.json")] + "full/max/0/default.jpg"
    if not path.suffix:  # a IIIF service base
        return url.rstrip("/") + "/full/max/0/default.jpg"
    return url


def _local_image(url: str, source: Path) -> Path | None:
    """A relative (or file:) address as a file beside the TEI file; None for another
    scheme (data:, javascript:) or a file a browser cannot show."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        path = Path(unquote(parts.path))
    elif parts.scheme and len(parts.scheme) > 1:
        return None
    else:
        path = source.parent / unquote(parts.path)
    return path if path.suffix.lower() in IMAGE_SUFFIXES else None


class FacsimileLinks:
    """What a page's templates ask of its page images (none when `facsimile` is None): the
    image a page break opens, the zone that frames an element, and, once the text is
    rendered, where in it each zone's text is (the image, after the text, links there)."""

    def __init__(self, facsimile: Facsimile | None) -> None:
        self.facsimile = facsimile
        self._targets: dict[str, str] = {}  # zone anchor -> the HTML id of its text

    def page_image(self, pb: etree._Element) -> Surface | None:
        """The page image a page break opens."""
        return self.facsimile.page(pb) if self.facsimile is not None else None

    def zone(self, element: etree._Element) -> Zone | None:
        """The zone of the page image that frames an element (an lb: the line it begins)."""
        if self.facsimile is None or not element.get("facs"):
            return None
        return self.facsimile.zone(element)

    def line_start(self, lb: etree._Element) -> str | None:
        """The HTML id of the mark where a line framed on the page image begins."""
        zone = self.zone(lb)
        if zone is None:
            return None
        self._targets.setdefault(zone.anchor, f"line-{zone.anchor}")
        return f"line-{zone.anchor}"

    def frame(self, element: etree._Element, attributes: dict[str, str]) -> None:
        """An element a zone frames (not a page or line break) gets data-zone, for
        facsimile.js, and an id the image links to (its own, if it has one)."""
        zone = self.zone(element) if tei_name(element) not in ("pb", "lb") else None
        if zone is not None:
            attributes["data-zone"] = zone.anchor
            attributes.setdefault("id", f"at-{zone.anchor}")
            self._targets.setdefault(zone.anchor, attributes["id"])

    def zone_target(self, zone: Zone) -> str | None:
        """Where the text framed by a zone is on the page (asked once the text is rendered);
        None when nothing in the text points at the zone."""
        return self._targets.get(zone.anchor)
