"""What is shaped like a person's name and is not one: a fragment of a word the OCR broke,
a word it garbled, a firm's name. Read by the rules that find people (people.py, bare.py).

passes (a name):  M. [Visconti-Ve-nosta] (joined), M. [McLean], J. [Dupont] et Jean
fails (no name):  M. Gall'erond, M. Fran-j klin, le notaire DelapalHie, Otto Beyeler & Cie
"""

from __future__ import annotations

import re

# A capital after three letters in small ones: the OCR's (DelapalHie; not McLean,
# LaFayette, DeVries).
_GARBLED_CAPITAL = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Þ]")
_FIRM = re.compile(r"\s*(?:&|(?:et|and)\s+C(?:ie\b|o\b|'|’|\.))")
# A word the OCR broke inside a name: a hyphen and a line's rest in small letters
# (Visconti-Ve-nosta), or a mark glued to a letter in small letters (Gall'erond, Fran-j
# klin, Gen—ler).
_HYPHENATED_REST = re.compile(r"-([a-zà-ÿ]{2,})(?![\w'’-])")
_BROKEN_AFTER = re.compile(r"[-‐‑'’—–][a-zà-ÿ]")
# A particle between hyphens is a compound's, not a broken word (Vitry-le-François).
_COMPOUND_LINKS = frozenset({"le", "la", "les", "de", "des", "du", "en", "lès", "lez", "sur",
                             "sous", "aux", "et"})  # fmt: skip


def garbled_capital(word: str) -> bool:
    """A capital after three letters in small ones (DelapalHie)."""
    return _GARBLED_CAPITAL.search(word) is not None


def firm(text: str, end: int) -> bool:
    """A name before `&` or `et Cie` (`et C'`, `and Co`): a firm's, not a person's (Otto
    Beyeler & Cie, J. STÔSSEL et C')."""
    return _FIRM.match(text, end) is not None


def across_break(text: str, end: int) -> int | None:
    """Where a name ending at `end` really ends: after the rest of a word the OCR
    hyphenated in small letters (M. Visconti-Ve-nosta); None where a word is broken
    otherwise after it (M. Gall'erond, M. Fran-j klin): a fragment is no name."""
    rest = _HYPHENATED_REST.match(text, end)
    if rest and rest.group(1) in _COMPOUND_LINKS:
        return end  # (Vitry-le-François: a compound's, not a broken word)
    if rest:
        return rest.end(1)
    if _BROKEN_AFTER.match(text, end):
        return None
    return end
