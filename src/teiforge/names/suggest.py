"""Names a statistical recogniser proposes to the editor (issue 22, item 4): spaCy's
`fr_core_news_sm`, an optional extra (`pip install "teiforge-tei[ner]"`). A suggestion is
never tagged nor linked: `teiforge review --names FILE` lists it for the editor, who adds
the name to an authority list if it is one. Without spaCy or its model nothing is
proposed and nothing else changes.

Only French text is read (the model's language), and only what the rules left untagged:
a suggestion that overlaps a name, a note or any span found before is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

MODEL = "fr_core_news_sm"
LANGUAGE = "fr"
# spaCy's French labels -> our types (MISC, works and events, is left out)
LABELS = {"PER": "person", "LOC": "place", "ORG": "org"}


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    text: str
    kind: str  # person, place, org


@cache
def recogniser() -> Any | None:
    """The loaded model, or None when spaCy or the model is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    try:
        return spacy.load(MODEL, exclude=["lemmatizer", "morphologizer", "attribute_ruler"])
    except OSError:  # the model is not installed
        return None


def available() -> bool:
    return recogniser() is not None


def suggest(text: str, taken: Sequence[tuple[int, int]] = ()) -> list[Suggestion]:
    """The names the model finds in `text` outside the ranges `taken`, in reading order."""
    nlp = recogniser()
    if nlp is None or not text.strip():
        return []
    found = []
    for entity in nlp(text).ents:
        kind = LABELS.get(entity.label_)
        start, end = entity.start_char, entity.end_char
        if kind is None or any(s < end and start < e for s, e in taken):
            continue
        if not any(ch.isupper() for ch in entity.text):  # a model's guess on small letters
            continue
        found.append(Suggestion(start, end, entity.text, kind))
    return found
