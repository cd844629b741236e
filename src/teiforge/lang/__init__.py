"""A language's print conventions, as data: one module per language, chosen by its code.

Layout and annotators read quotation marks, speaker labels, note-call styles, numerals,
ordinals and heading words from here instead of writing their own patterns. A second
language is a second module in LANGUAGES, not a flag in the code that uses it.
"""

from __future__ import annotations

from types import ModuleType

from . import fr

LANGUAGES: dict[str, ModuleType] = {"fr": fr}
DEFAULT = "fr"


def conventions(language: str = DEFAULT) -> ModuleType:
    """The conventions of `language` (an xml:lang code such as `fr`, `fr-FR`); the default
    language's for one we have none for: its layout rules (numerals, notes, page numbers)
    hold in most European print."""
    return LANGUAGES.get(language.split("-")[0].lower(), LANGUAGES[DEFAULT])
