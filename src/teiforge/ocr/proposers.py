"""The proposers that follow the model, in order: each sees the words the ones before it
took. A proposer is a module with a code, a docstring of what passes and fails, and a
function of the corrector and the round; PROPOSERS is their table, which
Corrector.propose loops over."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .alphanumeric import digit_flags
from .inner_capitals import inner_capital_flags
from .oldtext import old_text
from .strays import stray_flags
from .words import Word

if TYPE_CHECKING:
    from .corrector import Corrector

Fields = (
    tuple[int, int, int, str, str | None, str, str | None, float]
    | tuple[int, int, int, str, str | None, str, str | None, float, str]
)


@dataclass
class Round:
    """What a proposer after the model sees: the passages' texts and cuts, every word with
    its guard's code (None: examined), and the words already proposed (passage, start)."""

    texts: list[str]
    cuts: list[frozenset[int]]
    found: list[tuple[int, Word, str | None]]
    taken: set[tuple[int, int]]


def _lookalikes(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A rare word for a common one, dé for de (lookalikes.py)."""
    if corrector.lookalikes is None:
        return ()
    return corrector.lookalikes.proposals(state.found, state.taken)


def _capitals(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A capital misread at a sentence start, le for Je (capitals.py)."""
    if corrector.capitals is None:
        return ()
    return corrector.capitals.proposals(state.texts, state.found, state.taken)


def _in_context(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A real word for another, decided by the trigram model (in_context.py)."""
    if corrector.in_context is None:
        return ()
    return corrector.in_context.proposals(state.texts, state.found, state.taken)


def _hyphens(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A hyphen between two words (hyphens.py)."""
    if corrector.hyphens is None:
        return ()
    return corrector.hyphens.proposals(state.texts, state.cuts, state.found, state.taken)


def _digits(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """Digits in a word, n08, i857: flagged (alphanumeric.py)."""
    return digit_flags(state.found, state.taken, corrector.candidates)


def _inner_capitals(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A capital inside a word, étaiS: flagged (inner_capitals.py)."""
    return inner_capital_flags(state.found, state.taken, corrector.lexicon)


def _strays(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A lone letter that is no word, f, r: flagged (strays.py)."""
    old = old_text(code for _, _, code in state.found)
    return stray_flags(state.found, state.taken, state.texts, old)


# code -> proposer. The model's own codes (model, context, punctuation) are given in the
# loop over the examined words, before these.
PROPOSERS: tuple[tuple[str, Callable[[Corrector, Round], Iterable[Fields]]], ...] = (
    ("lookalike", _lookalikes),
    ("capital", _capitals),
    ("lm", _in_context),
    ("hyphen", _hyphens),
    ("digits", _digits),
    ("inner-capital", _inner_capitals),
    ("stray", _strays),
)
