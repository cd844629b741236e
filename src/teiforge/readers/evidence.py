"""What the OCR engine says of a word of the source: its confidence and where it is on the
page image, for the editor's corrections file (review.py). A word is found by where it
starts in the source (1-based line and column, as the corrections file names it); the
source's line is the engine's line, its words in order, one space apart (assemble.py).
A plain text has no such evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..model import Box, Source, Word, Zone, placed_words
from ..tei.facsimile import FacsimileIds


@dataclass(frozen=True)
class Evidence:
    confidence: float | None  # the engine's, from 0 to 1
    zone: str  # the TEI zone of its line, and its box on the image: "f1-l3 212,402,388,460"


class EngineWords:
    """The engine's words of one source, looked up by where they start."""

    def __init__(self, source: Source) -> None:
        self.source = source

    @cached_property
    def _lines(self) -> list[str]:
        return self.source.text.split("\n")

    @cached_property
    def _ids(self) -> FacsimileIds | None:
        facsimile = self.source.facsimile
        return FacsimileIds(facsimile) if facsimile is not None else None

    @cached_property
    def _zones(self) -> dict[int, Zone]:
        facsimile = self.source.facsimile
        return facsimile.by_line() if facsimile is not None else {}

    def at(self, line: int, column: int) -> Evidence | None:
        """The evidence of the word that holds `column` of source line `line`."""
        zone = self._zones.get(line)
        if zone is None or self._ids is None or not 0 < line <= len(self._lines):
            return None
        word = _word_at(self._lines[line - 1], zone.words, column - 1)
        box = word.box if word is not None and word.box is not None else zone.box
        where = self._ids.zones[line] + (f" {_box(box)}" if box is not None else "")
        return Evidence(word.confidence if word is not None else None, where)


def _word_at(text: str, words: tuple[Word, ...], offset: int) -> Word | None:
    for start, end, word in placed_words(text, words):
        if start <= offset < end:
            return word
    return None


def _box(box: Box) -> str:
    return f"{box.ulx},{box.uly},{box.lrx},{box.lry}"
