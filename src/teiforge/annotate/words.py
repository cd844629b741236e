"""The French lexicon, loaded once per process for the annotators that ask what a word is."""

from __future__ import annotations

from functools import lru_cache

from ..ocr.lexicon import Lexicon


@lru_cache(maxsize=1)
def french() -> Lexicon:
    return Lexicon.load()
