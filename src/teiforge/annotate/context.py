"""What an annotator may know beyond the text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Context:
    """The corpus's files and the language. Annotators load (and cache) the files they
    need themselves."""

    language: str = "fr"
    authority: Path | None = None  # a TEI authority list of names (listPerson/listPlace/listOrg)
    corrections: Path | None = None  # an editor's decisions on OCR corrections
