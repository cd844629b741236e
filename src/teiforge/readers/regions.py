"""The kinds of region OCR engines label, as teiforge names them (TEI's fw/@type for
what the printer repeats on every page, note and heading for the rest).

ALTO's TAGREFS point to tags whose LABEL is often a SegmOnto zone or line type
(RunningTitleZone, NumberingZone, MarginTextZone, QuireMarksZone, HeadingLine); PAGE's
regions have @type (header, page-number, footnote...) and eScriptorium's @custom
"structure {type:RunningTitleZone;}". Unknown labels mean nothing here.
"""

from __future__ import annotations

import re

KINDS = ("header", "footer", "pageNum", "catch", "sig", "note", "heading")

# Labels, lowercased and without a trailing "zone" or "line", -> kind.
_LABELS = {
    # SegmOnto zones and lines (eScriptorium, Gallicorpora)
    "runningtitle": "header",
    "numbering": "pageNum",
    "quiremarks": "catch",
    "margintext": "note",
    "heading": "heading",
    # PAGE region types
    "header": "header",
    "footer": "footer",
    "page-number": "pageNum",
    "catch-word": "catch",
    "signature-mark": "sig",
    "footnote": "note",
    "footnote-continued": "note",
    "marginalia": "note",
}
_CUSTOM = re.compile(r"structure\s*\{[^}]*?type\s*:\s*([^;}\s]+)")
_SUFFIX = re.compile(r"(?:zone|line)(?:#\d+)?$")


def kind_of(label: str | None) -> str | None:
    """The kind a label means, if any."""
    if not label:
        return None
    key = _SUFFIX.sub("", label.strip().lower())
    return _LABELS.get(key)


def kind_of_custom(custom: str | None) -> str | None:
    """The kind in a PAGE @custom "structure {type:...;}", if any."""
    found = _CUSTOM.search(custom or "")
    return kind_of(found.group(1)) if found else None
