"""The proposers, in order: each sees the words the ones before it took. A proposer is a
module with a code, a docstring of what passes and fails, and a function of the corrector
and the round. BEFORE_MODEL is the table of those that read a word before the model does
(a lost line end, glued words: the model would take them for misread words); PROPOSERS
the table of those that follow it. Corrector.propose loops over both."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .alphanumeric import digit_flags
from .elisions import proposals as elision_proposals
from .inner_capitals import inner_capital_flags
from .oldtext import old_text
from .spacing import lost_spaces
from .spacing import proposals as spacing_proposals
from .stray_marks import proposals as stray_mark_proposals
from .stray_stops import proposals as stray_stop_proposals
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


def _line_ends(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A hyphen inside a line where a line end was lost, con-trées (line_ends.py)."""
    if corrector.line_ends is None:
        return ()
    return corrector.line_ends.proposals(state.texts, state.cuts, state.found, state.taken)


def _splits(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """Words glued by a lost space, delaville (splits.py)."""
    if corrector.splits is None:
        return ()
    return corrector.splits.split_proposals(
        state.texts, state.found, state.taken, corrector.candidates
    )


def _elisions(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """An apostrophe of elision lost, d une (elisions.py)."""
    if corrector.splits is None:
        return ()
    return elision_proposals(
        corrector.splits.ngrams,
        corrector.lexicon,
        state.texts,
        state.cuts,
        state.found,
        state.taken,
    )


def _joins(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A word cut by a space, su jets (splits.py)."""
    if corrector.splits is None:
        return ()
    return corrector.splits.join_proposals(state.texts, state.cuts, state.found, state.taken)


def _spacing(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """The document's habit of a space before , . ) (spacing.py)."""
    return spacing_proposals(state.texts, state.cuts) if corrector.spacing else ()


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


def _lost_spaces(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """The document's habit of a space before ? !, lost by the OCR (spacing.py)."""
    return lost_spaces(state.texts, state.cuts) if corrector.spacing else ()


def _stray_marks(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A speck read as a mark: francs' Je, Hier,, au (stray_marks.py)."""
    return stray_mark_proposals(state.texts, state.cuts, state.found)


def _stray_stops(corrector: Corrector, state: Round) -> Iterable[Fields]:
    """A speck read as a full stop inside a sentence: de la. main (stray_stops.py)."""
    if corrector.splits is None:
        return ()
    return stray_stop_proposals(corrector.splits.ngrams, state.texts, state.cuts, state.found)


Proposer = Callable[["Corrector", Round], Iterable[Fields]]
# code -> proposer, before the model.
BEFORE_MODEL: tuple[tuple[str, Proposer], ...] = (
    ("line-end", _line_ends),
    ("split", _splits),
)
# code -> proposer, after it. The model's own codes (model, context, punctuation) are given
# in the loop over the examined words, between the two tables.
PROPOSERS: tuple[tuple[str, Proposer], ...] = (
    ("elision", _elisions),
    ("join", _joins),
    ("lookalike", _lookalikes),
    ("capital", _capitals),
    ("lm", _in_context),
    ("hyphen", _hyphens),
    ("digits", _digits),
    ("inner-capital", _inner_capitals),
    ("stray", _strays),
    ("spacing", _spacing),
    ("lost-space", _lost_spaces),
    ("stray-mark", _stray_marks),
    ("stray-stop", _stray_stops),
)
