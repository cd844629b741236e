"""Quotation marks as OCR reads them, and how they pair into quotations.

Finding. A clean mark (« » “ ” „ ‘ ’ ") plays the role its place gives it (lang/fr.py,
QUOTE_MARKS): glued to the word after it, it opens (`«Les`, `"Les`); glued to the word or
punctuation before it, it closes (`fait.»`, `fait?"`); between spaces, a guillemet says
which it is and a straight mark is either (paired by alternation). Glued on both sides
(`l’homme`, `aujourd’hui`) it is no mark, nor is an apostrophe after an elided word set
apart by OCR (`jusqu’ à`); a straight mark after a digit is an inch mark (`12"`) unless a
quotation of its own is open. The guillemets' garbled forms (`<`, `>`, `>r`, `))`, `n`,
`(`, `tc`) count between spaces only, and some of them only beside a sure mark.

Pairing. A closing mark closes the innermost open quotation of its family (« with », “ with
” and, in German, „ with “); a real parenthesis, an unsure mark with no sure partner, an
opening never closed and a closing whose opening is not in the text make no quotation.
A quotation may run over lines and paragraphs (Pairing, fed the paragraphs in order):
  - a mark of the open quotation at a line's start, or a paragraph's, continues it
    (`« cette peinture étoit faite en dé-` / `« rision des peuples`; French print's `«`
    opening each paragraph of a long quotation): it stays in the text, it opens nothing;
    a closing mark there (`» rision`) continues it only if another closes it later;
  - a paragraph left with a quotation open carries it on to the next paragraphs (pages
    and footnotes between them do not matter; a heading or missing text ends it). Where
    no continuation mark opens the next paragraph (`«` at the first paragraph's start, `»`
    at the last's end), the carried quotation must end its paragraph, may not hold another
    of its own family, must be introduced (open its first paragraph, or follow a colon)
    and gives up after MAX_BARE_PARAGRAPHS: an unclosed mark must not swallow the rest of
    the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..lang.fr import (
    CLOSE,
    CONTINUATION_MARKS,
    EITHER,
    ELISIONS,
    GARBLED_GUILLEMETS,
    GUILLEMETS,
    MEASURE_MARKS,
    OPEN,
    QUOTATION_INTRODUCERS,
    QUOTE_MARKS,
    QUOTE_PAIRS,
    SURE,
    UNSURE,
)

__all__ = [
    "CLOSE",
    "EITHER",
    "GUILLEMETS",
    "OPEN",
    "SURE",
    "UNSURE",
    "Mark",
    "Pairing",
    "Quotation",
    "find_marks",
    "pair_marks",
]

# A quotation carried over paragraphs with no continuation mark gives up after this many.
MAX_BARE_PARAGRAPHS = 6
_GARBLED = re.compile(
    r"(?<!\S)("
    + "|".join(re.escape(f) for f in sorted(GARBLED_GUILLEMETS, key=len, reverse=True))
    + r")(?=[\s.,;:!?]|$)"
)
# Garbled guillemets set tight against a word (`gardés))`, `<Harnachés`): unsure, so they
# pair only with a clean mark (a `))` may close a parenthesis within one).
_GARBLED_TIGHT_CLOSE = re.compile(r"(?<=[^\W\d_])(\)\)|>>|>)(?=[\s.,;:!?]|$)")
_GARBLED_TIGHT_OPEN = re.compile(r"(?<!\S)(<<|<)(?=[^\W\d_])")
_CLEAN = re.compile("[" + re.escape("".join(QUOTE_MARKS)) + "]")
_APART_BEFORE = "([{—–-/'’"  # what may stand before an opening mark as a space does (`d'"`)
_APART_AFTER = ".,;:!?…)]}"  # and after a closing one
_LAST_WORD = re.compile(r"(\w+)$")
_WORD = re.compile(r"\w")
# What may follow the closing mark of a quotation that ends its paragraph: punctuation, a
# note call, a reference in brackets.
_ENDS_PARAGRAPH = re.compile(r"[\s\d.,;:!?…*)\]]*(?:\([^()]*\)[\s.,;:]*)?$")


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    text: str  # as read
    role: str  # OPEN, CLOSE or EITHER (a straight mark between spaces)
    certainty: str  # SURE or UNSURE
    form: str  # the clean mark it stands for: « for `<`, » for `n`
    block: int = 0

    @property
    def is_parenthesis(self) -> bool:
        return self.text in ("(", ")")


def _glued(char: str, apart: str) -> bool:
    return bool(char) and not char.isspace() and char not in apart and char not in QUOTE_MARKS


def _clean_mark(text: str, index: int) -> Mark | None:
    char = text[index]
    previous, following = text[index - 1 : index], text[index + 1 : index + 2]
    before = _glued(previous, _APART_BEFORE)
    # a note call glued after a closing mark (`fait. »12`, `fait.»1`) leaves it closing
    after = _glued(following, _APART_AFTER) and not (following.isdigit() and not previous.isdigit())
    if before and after:
        return None  # inside a word: an apostrophe, an inch mark between digits
    opens, closes, apart = QUOTE_MARKS[char]
    role = opens if after else closes if before else apart
    if role is None:
        return None
    certainty = SURE
    if role == CLOSE and char == "’":
        word = _LAST_WORD.search(text, max(0, index - 12), index)  # elisions are short
        if word is not None and word.group(1).lower() in ELISIONS:
            return None
    if role == CLOSE and char in MEASURE_MARKS and text[index - 1 : index].isdigit():
        certainty = UNSURE  # `12"`: a closing mark only for a quotation already open
    return Mark(index, index + 1, char, role, certainty, char)


def find_marks(text: str, block: int = 0) -> list[Mark]:
    marks = [
        mark for m in _CLEAN.finditer(text) if (mark := _clean_mark(text, m.start())) is not None
    ]
    for m in _GARBLED.finditer(text):
        role, certainty = GARBLED_GUILLEMETS[m.group(1)]
        marks.append(Mark(m.start(1), m.end(1), m.group(1), role, certainty, GUILLEMETS[role]))
    for pattern, role in ((_GARBLED_TIGHT_CLOSE, CLOSE), (_GARBLED_TIGHT_OPEN, OPEN)):
        for m in pattern.finditer(text):
            marks.append(Mark(m.start(1), m.end(1), m.group(1), role, UNSURE, GUILLEMETS[role]))
    return sorted((replace(mark, block=block) for mark in marks), key=lambda mark: mark.start)


def closes(opening: Mark, closing: Mark) -> bool:
    return closing.form in QUOTE_PAIRS.get(opening.form, "")


@dataclass(frozen=True)
class Quotation:
    """An opening and its closing mark, with the marks that continue it at the start of
    its later lines or paragraphs; `blocks` are the paragraphs it spans, first to last."""

    opening: Mark
    closing: Mark
    continuations: tuple[Mark, ...] = ()
    blocks: tuple[int, ...] = ()

    @property
    def sure(self) -> bool:
        return self.opening.certainty == SURE and self.closing.certainty == SURE


@dataclass
class _Open:
    mark: Mark
    continuations: list[Mark] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)
    marked_paragraphs: int = 0  # later paragraphs opened by a continuation mark
    bare_paragraphs: int = 0  # later paragraphs without one
    closing_continues: bool = False  # seen: a closing mark at a line's start continues it
    holds_own_kind: bool = False  # an opening of its own form inside it
    introduced: bool = False  # it opens its paragraph, or follows a colon

    @property
    def carried(self) -> bool:
        return len(self.blocks) > 1


class Pairing:
    """Pairs the marks of a run of paragraphs, fed in reading order; `interrupt` where
    something that is not a paragraph of the same text comes between two (a heading)."""

    def __init__(self) -> None:
        self.carried: _Open | None = None

    def interrupt(self) -> None:
        self.carried = None

    def paragraph(
        self, block: int, text: str, line_starts: frozenset[int] = frozenset({0})
    ) -> list[Quotation]:
        marks = find_marks(text, block)
        stack = self._enter(block, marks)
        found: list[Quotation] = []
        for position, mark in enumerate(marks):
            if stack and mark.start in line_starts and self._continues(stack[0], marks, position):
                stack[0].continuations.append(mark)
                stack[0].closing_continues |= mark.role == CLOSE
                continue
            role = mark.role
            if role == EITHER:
                role = CLOSE if any(closes(o.mark, mark) for o in stack) else OPEN
            if role == OPEN:
                if stack and mark.form == stack[0].mark.form and not mark.is_parenthesis:
                    stack[0].holds_own_kind = True
                    if stack[0].carried and not stack[0].marked_paragraphs:
                        stack.pop(0)  # a bare carried quotation holds none of its kind
                lead = text[: mark.start].rstrip()
                introduced = not lead or lead.endswith(QUOTATION_INTRODUCERS)
                stack.append(_Open(mark, blocks=[block], introduced=introduced))
                continue
            quotation = self._close(stack, mark, text)
            if quotation is not None:
                found.append(quotation)
        self.carried = self._leave(stack)
        return sorted(found, key=lambda q: (q.opening.block, q.opening.start, -q.closing.end))

    def _enter(self, block: int, marks: list[Mark]) -> list[_Open]:
        carried, self.carried = self.carried, None
        if carried is None:
            return []
        marked = bool(marks) and marks[0].start == 0 and self._continues(carried, marks, 0)
        # One convention throughout: a continuation mark at every paragraph's start, or
        # at none (a bare quotation, which must be introduced and hold none of its kind).
        if marked and not carried.bare_paragraphs:
            carried.marked_paragraphs += 1
        elif (
            not marked
            and not carried.marked_paragraphs
            and carried.introduced
            and not carried.holds_own_kind
            and carried.bare_paragraphs < MAX_BARE_PARAGRAPHS
        ):
            carried.bare_paragraphs += 1
        else:
            return []  # not one quotation: its opening mark was never closed
        carried.blocks.append(block)
        return [carried]

    @staticmethod
    def _leave(stack: list[_Open]) -> _Open | None:
        """The outermost quotation left open at a paragraph's end, if it may go on."""
        if not stack:
            return None
        outer = stack[0]
        if outer.mark.certainty != SURE or outer.mark.is_parenthesis:
            return None
        return outer

    @staticmethod
    def _continues(outer: _Open, marks: list[Mark], position: int) -> bool:
        mark = marks[position]
        if mark.text not in CONTINUATION_MARKS:
            return False
        if mark.role == EITHER and mark.start != 0:
            return False  # a straight mark at a line's start may as well close (`" dit-il`)
        if mark.role in (OPEN, EITHER):
            return mark.form == outer.mark.form or (
                mark.form in QUOTE_PAIRS and QUOTE_PAIRS[mark.form] == QUOTE_PAIRS[outer.mark.form]
            )
        if not closes(outer.mark, mark):
            return False
        # A closing mark at a line's start ends the quotation there (`» dit-il`) unless
        # the quotation goes on: it did so before, or another mark closes it later.
        if mark.start == 0 or outer.closing_continues:
            return True
        for later in marks[position + 1 :]:
            if later.role in (OPEN, EITHER) and later.form == outer.mark.form:
                return False
            if later.role == CLOSE and closes(outer.mark, later):
                return True
        return False

    @staticmethod
    def _close(stack: list[_Open], mark: Mark, text: str) -> Quotation | None:
        target = next(
            (
                i
                for i in reversed(range(len(stack)))
                if closes(stack[i].mark, mark) and not _empty(stack[i], mark, text)
            ),
            None,
        )
        if target is None:
            return None
        opening = stack[target]
        if mark.text == ")" and opening.mark.text == "(":
            del stack[target:]  # a parenthesis, not a quotation
            return None
        if mark.certainty == UNSURE and opening.mark.certainty == UNSURE:
            return None
        if mark.text == ")" or (mark.certainty == UNSURE and opening.mark.is_parenthesis):
            return None
        del stack[target:]  # what opened inside and never closed is no quotation
        bare = opening.carried and not opening.marked_paragraphs
        if bare and _ENDS_PARAGRAPH.match(text, mark.end) is None:
            return None  # a bare carried quotation ends its paragraph
        return Quotation(opening.mark, mark, tuple(opening.continuations), tuple(opening.blocks))


def _empty(opening: _Open, closing: Mark, text: str) -> bool:
    """Nothing but punctuation between the marks (`( .»`): no quotation, they are not a
    pair."""
    if opening.carried:
        return False
    return _WORD.search(text, opening.mark.end, closing.start) is None


def pair_marks(text: str) -> list[Quotation]:
    """The quotations of one text on its own (a note, a heading, a short paragraph)."""
    return Pairing().paragraph(0, text)
