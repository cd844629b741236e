"""The OCR engine's confidence in a word, as evidence for the corrector's P(error).

ALTO `WC`, PAGE `TextEquiv/@conf`, hOCR `x_wconf` and Tesseract TSV `conf` say how sure
the engine was of each word it read (0 to 1). The corrector's model (model.py) is learned
on plain texts, which have none; where a source has them, its P(error) of a word and the
engine's confidence are combined by a second logistic model,

    P(error | engine) = logistic(c + a * logit(P(error)) + b * (1 - confidence)),

learned on OCR output aligned with its gold (tools/learn_engine_confidence.py ->
data/ocr/engine.json): no fixed cut-off, and a word without a confidence keeps its P(error).
A word of the lexicon, which the model never sees (a real word is right unless its
context says otherwise), gets P(error) = logistic(c' + b' * (1 - confidence)), learned
likewise: `rnême` is caught by the lexicon, `nous` read for `vous` only by the engine's
doubt. Either is flagged, corrected or left by the corrector's own thresholds.

passes: `maisons` read at 0.31 -> a higher P(error) than the same word read at 0.97;
fails: nothing: a word the engine gave no confidence is decided as in a plain text.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from ..model import Source, Word, placed_words

_EDGE = 1e-6  # a P(error) of 0 or 1 has no logit: kept just inside


@dataclass(frozen=True)
class EngineModel:
    weights: tuple[float, ...]  # bias, logit of P(error), 1 - confidence
    known: tuple[float, ...]  # a word of the lexicon: bias, 1 - confidence

    @classmethod
    def load(cls, name: str = "engine.json") -> EngineModel:
        data = json.loads(resources.files("teiforge").joinpath("data", "ocr", name).read_text())
        return cls(tuple(data["weights"]), tuple(data["known"]))

    def p_error(self, p_error: float, confidence: float | None) -> float:
        if confidence is None:
            return p_error
        return logistic(self.weights, row(p_error, confidence))

    def p_error_known(self, confidence: float) -> float:
        """P(error) of a word of the lexicon the engine read with `confidence`."""
        return logistic(self.known, known_row(confidence))


def row(p_error: float, confidence: float) -> tuple[float, float, float]:
    """What the engine model reads of a word: a bias, its P(error)'s logit, the doubt."""
    p = min(1 - _EDGE, max(_EDGE, p_error))
    return (1.0, math.log(p / (1 - p)), 1 - confidence)


def known_row(confidence: float) -> tuple[float, float]:
    return (1.0, 1 - confidence)


def logistic(weights: Sequence[float], values: Sequence[float]) -> float:
    total = sum(w * v for w, v in zip(weights, values))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


@dataclass(frozen=True)
class Confidences:
    """The engine's words of a passage with their confidence, by their place in its text:
    (start, end, confidence), in order, not overlapping."""

    spans: tuple[tuple[int, int, float], ...] = ()

    @cached_property
    def _ends(self) -> list[int]:
        return [span[1] for span in self.spans]

    def of(self, start: int, end: int) -> float | None:
        """The engine's confidence in the text from start to end: the lowest of the words
        it touches (the corrector's word may be the engine's without its punctuation, or
        two of them joined), None when it touches none that has one."""
        found = []
        for span_start, _, confidence in self.spans[bisect.bisect_right(self._ends, start) :]:
            if span_start >= end:
                break
            found.append(confidence)
        return min(found) if found else None


def line_spans(text: str, words: Sequence[Word], offset: int = 0) -> list[tuple[int, int, float]]:
    """The spans of a source line's engine words, found in order in its text (the line
    is its words one space apart: readers/assemble.py), shifted by `offset`."""
    return [
        (offset + start, offset + end, word.confidence)
        for start, end, word in placed_words(text, words)
        if word.confidence is not None
    ]


def describe() -> str:
    """The method, for the header's editorialDecl/correction of a source whose words carry
    the OCR engine's confidence."""
    known = EngineModel.load().known
    return (
        "The OCR engine's confidence in each word entered the probability that it was "
        "misread (a logistic model learned on OCR output aligned with its gold); a word of "
        "the lexicon was flagged in sic alone with cert low when that probability, "
        f"logistic({known[0]:.2f} + {known[1]:.2f} x (1 - confidence)), reached the "
        "flag threshold."
    )


def carries_confidences(source: Source) -> bool:
    """Whether a source's words carry the OCR engine's confidence."""
    facsimile = source.facsimile
    return facsimile is not None and any(
        word.confidence is not None for zone in facsimile.zones for word in zone.words
    )
