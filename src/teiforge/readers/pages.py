"""What every reader of a format with coordinates yields: pages of lines, each line with
its text, its box, its words and the kind of region it stands in, in reading order."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Box, Word


@dataclass(frozen=True)
class OcrLine:
    text: str
    box: Box | None
    words: tuple[Word, ...] = ()
    region: str | None = None  # a kind from regions.KINDS, when the engine labels it
    block: int = 0  # which region (block, paragraph) of its page: a new one starts a paragraph


@dataclass(frozen=True)
class OcrPage:
    lines: tuple[OcrLine, ...]
    image: str | None = None
    width: int | None = None
    height: int | None = None
    pixels: bool = True  # coordinates in the image's pixels, not in another unit


def union(boxes: Iterable[Box | None]) -> Box | None:
    """The smallest box holding every box given (None when none is)."""
    found = [box for box in boxes if box is not None]
    if not found:
        return None
    return Box(
        min(b.ulx for b in found),
        min(b.uly for b in found),
        max(b.lrx for b in found),
        max(b.lry for b in found),
    )


def number(value: str | None) -> int | None:
    """An integer coordinate or size as formats write them ("12", "12.0", "12.6")."""
    if value is None:
        return None
    try:
        return round(float(value))
    except ValueError:
        return None


def box_from_points(points: Iterable[tuple[float, float]]) -> Box | None:
    """The box around a polygon's points."""
    found = list(points)
    if not found:
        return None
    xs, ys = [round(x) for x, _ in found], [round(y) for _, y in found]
    return Box(min(xs), min(ys), max(xs), max(ys))


def one_line(text: str) -> str:
    """A line's text on one line: tabs, line ends and form feeds inside it become spaces
    (a form feed would start a page), runs of spaces one."""
    return " ".join(text.split())
