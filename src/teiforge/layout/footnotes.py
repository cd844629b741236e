"""The footnote zone at the bottom of a page, and the note bodies in it.

A note body starts with its label, in any of the kinds printers use (`12`, `12.`, `(12)`,
`[12]`, `¹`, `*`, `(a)`: notemarks), often garbled by OCR (`to` for 14, `(@)` for `(1)`).
A zone starts at the first label line below which every line belongs to notes:
- below a rule;
- on a double-spaced page, where the lines are set solid (no blank between them), which
  is what tells the zone from body text that happens to start with a number; or at a
  label in brackets or a symbol that the text calls, clean or garbled;
- after a blank line, at a clean label (or two label lines);
- with no blank line before it (notes set solid after the text), at a label the page's
  text calls (`constat12` ... `12 Voir`, `(1)` ... `(1) Voir`), or of a kind the
  document's other pages use for their notes.
A garbled label alone counts only where the page or the document supports its kind: a
call of the kind in the text, or the document's notes.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..digits import GARBLED_DIGIT_CHARS, readings
from ..model import Line
from ..notecalls import find_calls
from ..notemarks import Mark, MarkKind, opens_like_a_note, parse_label
from .lettered import calls_a_letter, letter_label, letter_sequence
from .measure import ends_sentence, starts_lowercase
from .note_labels import (
    kind_below,
    label_lost_above,
    lone_sign,
    lost_brackets,
    opened_label,
    reference_alone,
    sign_above,
    sign_label,
    unclosed_opening,
)

_SEPARATOR = re.compile(r"^\s*[_\-—–]{3,}\s*$")
_TAIL_CHARS = re.escape("".join(sorted(GARBLED_DIGIT_CHARS)))
# a word of two letters or more ending in up to three digits or lookalikes, one a digit
_GLUED_TAIL = re.compile(
    rf"(?<![\w])[^\W\d_]{{2,}}?(?P<tail>[{_TAIL_CHARS}]{{0,2}}\d[{_TAIL_CHARS}]{{0,2}})(?=[\s.,;:!?»)]|$)"
)
MAX_ZONE_SHARE = 0.6  # a footnote zone never fills most of a page
CONTINUATION_LINES = 6  # a note carried over, set solid with the text: lines it may take
DOCUMENT_KIND_PAGES = 2  # a label kind seen at this many pages' feet is the document's


@dataclass(frozen=True)
class NoteBody:
    label: str  # as printed, possibly garbled
    lines: tuple[Line, ...]  # the body's lines, the label removed from the first
    first_line: int
    mark: Mark | None = None  # the label read as a note mark


@dataclass(frozen=True)
class PageCalls:
    """The note calls a page's text holds (outside line starts, where labels stand):
    clean numbers by kind, and the kinds of garbled ones."""

    numbers: frozenset[tuple[MarkKind, str]]
    kinds: frozenset[MarkKind]
    garbled: frozenset[int]  # what numbers glued to words and garbled (constatl3) may read

    @classmethod
    def of(cls, lines: Sequence[Line]) -> PageCalls:
        numbers, kinds, garbled = set(), set(), set()
        for line in lines:
            for call in find_calls(line.text):
                if call.start == 0 or call.mark.kind is MarkKind.GARBLED_SUPERSCRIPT:
                    continue
                kinds.add(call.mark.kind)
                if call.mark.clean:
                    numbers.add((call.mark.kind, call.mark.core))
            for tail in _garbled_tails(line.text):
                garbled |= readings(tail)
        return cls(frozenset(numbers), frozenset(kinds), frozenset(garbled))

    def calls(self, mark: Mark) -> bool:
        """Whether the text calls the note this label opens: the same number in a call of
        its kind, or for a garbled label, any call of its kind. A number label (`12`,
        `12.`) is called by a number glued to a word, raised, or garbled (`constatl3`)."""
        if mark.clean:
            if mark.kind is MarkKind.DIGITS and mark.number in self.garbled:
                return True
            return (mark.kind, mark.core) in self.numbers
        return mark.kind in self.kinds


def _garbled_tails(text: str) -> list[str]:
    """The tails of digits and their lookalikes glued to words, read with one digit at
    least and one lookalike (`constatl3` -> `l3`, `tl3`); a clean number is a call
    find_calls reads."""
    tails = []
    for match in _GLUED_TAIL.finditer(text):
        tail = match.group("tail")
        for size in range(2, len(tail) + 1):
            if not tail[-size:].isdigit():
                tails.append(tail[-size:])
    return tails


def document_kinds(pages: Sequence[Sequence[Line]]) -> frozenset[MarkKind]:
    """The kinds of label a document's notes use: those seen after a blank line in the
    lower part of at least DOCUMENT_KIND_PAGES pages whose text calls them. One pass over
    the lines, so that a page's garbled label may be read by the others' evidence."""
    seen: Counter[MarkKind] = Counter()
    for lines in pages:
        calls: PageCalls | None = None
        kinds = set()
        for index in range(_lower_part(len(lines)), len(lines)):
            found = parse_label(lines[index].text)
            if found is None or lines[index].blank_before < 1:
                continue
            calls = calls or PageCalls.of(lines)
            if found[0].kind in calls.kinds:
                kinds.add(found[0].kind)
        seen.update(kinds)
    return frozenset(kind for kind, pages_seen in seen.items() if pages_seen >= DOCUMENT_KIND_PAGES)


def _lower_part(size: int) -> int:
    return max(1, size - max(1, math.ceil(size * MAX_ZONE_SHARE)))


def find_zone_start(
    lines: list[Line],
    double_spaced: bool,
    note_open: bool = False,
    kinds: frozenset[MarkKind] = frozenset(),
) -> int | None:
    """Index of the first line of the footnote zone, or None when the page has none.
    `note_open`: the previous page's last note breaks off in mid-sentence; `kinds`: the
    kinds of label the document's notes use (document_kinds)."""
    start = _zone_start(lines, double_spaced, note_open, kinds)
    if start is None and not note_open and _called_but_unlabelled(lines):
        return len(lines) - 1
    if start is not None and start > 0 and _SEPARATOR.match(lines[start - 1].text):
        return start - 1  # the rule above the notes is theirs (zone_rules)
    if start is not None and start > 1 and opened_label(lines, start):
        return start - 1
    if start is not None and start > 1 and sign_above(lines, start):
        return start - 1
    if start is not None and not note_open and label_lost_above(lines, start):
        return start - 1
    return start


def _zone_start(
    lines: list[Line],
    double_spaced: bool,
    note_open: bool,
    kinds: frozenset[MarkKind],
) -> int | None:
    # a zone opens with a note that starts like one, not with a call at a line's start
    labelled = [
        (index, found[0])
        for index in range(_lower_part(len(lines)), len(lines))
        if (found := parse_label(lines[index].text)) is not None and opens_like_a_note(found[1])
    ]
    lower = _lower_part(len(lines))
    lettered = letter_sequence(lines, lower, calls_a_letter(lines))
    if lettered and (not labelled or lettered[0] < labelled[0][0]):
        return lettered[0]
    if not labelled:
        return None
    calls = PageCalls.of(lines)
    # whether the text calls this label or one below it of its kind: the zone's first
    # note may have lost its call to OCR (`coordonnatricel2`) where the next kept its own
    called_below: list[bool] = []
    seen: set[MarkKind] = set()
    for _, mark in reversed(labelled):
        if calls.calls(mark):
            seen.add(mark.kind)
        called_below.append(mark.kind in seen)
    called_below.reverse()
    for (index, mark), called in zip(labelled, called_below):
        if mark.kind is MarkKind.SYMBOL and not (called or mark.kind in kinds):
            continue  # an asterisk opening a line is as often a speck read as one
        if _SEPARATOR.match(lines[index - 1].text):
            return index
        if double_spaced and _set_solid(lines[index:]):
            return _take_continuation(lines, index) if note_open else index
        if double_spaced:
            # a label in brackets or a symbol, clean or garbled (`()`, `@)`), that the text
            # or the document's notes back needs no solid setting
            if (called or mark.kind in kinds) and mark.kind is not MarkKind.DIGITS:
                return index
            continue
        if lines[index].blank_before >= 1 and _opens_zone(mark, called, lines[index:]):
            return index
        # set solid after the text: the label's call, or the document's notes, back it
        if called and _labels_follow(mark, lines[index:]) or _document_label(mark, kinds):
            return _take_solid_continuation(lines, index) if note_open else index
    return None


def _called_but_unlabelled(lines: list[Line]) -> bool:
    """A page whose text calls a note in a clean call (`Nègres (1),`) and has no label
    at its foot, and whose last line is a reference alone (note_labels.reference_alone):
    that line is the note, its label lost."""
    return reference_alone(lines) and bool(PageCalls.of(lines[:-1]).numbers)


def _take_solid_continuation(lines: list[Line], start: int) -> int:
    """On a single-spaced page, the lines set solid just above the first label continue
    the previous page's last note when they open in mid-sentence and the text above them
    is finished (else they carry on the text: `Phéni-` `ciens`): after a blank line, or,
    where nothing sets the notes apart, from the nearest such line above the label."""
    top = start
    while top > 1 and lines[top].blank_before == 0:
        top -= 1
    if top < start and lines[top].blank_before >= 1 and _opens_continuation(lines, top):
        return top
    for index in range(start - 1, max(0, start - CONTINUATION_LINES - 1), -1):
        if _opens_continuation(lines, index):
            return index
        if lines[index].blank_before >= 1:
            break
    return start


def _opens_continuation(lines: list[Line], index: int) -> bool:
    """A line in lowercase after a finished sentence: where a note carried over from the
    previous page starts, below the page's text."""
    return (
        index > 0 and starts_lowercase(lines[index].text) and ends_sentence(lines[index - 1].text)
    )


def _document_label(mark: Mark, kinds: frozenset[MarkKind]) -> bool:
    """A label in brackets or a symbol of the kind the document's notes use, set solid
    after the text (its call unread): body text rarely opens a line so."""
    return mark.kind in kinds and mark.kind is not MarkKind.DIGITS


def _take_continuation(lines: list[Line], start: int) -> int:
    """On a double-spaced page, lines set solid just above the first label continue the
    previous page's last note: they belong to the zone."""
    while start > 1 and lines[start].blank_before == 0:
        start -= 1
    return start


def _set_solid(zone: list[Line]) -> bool:
    if len(zone) == 1:
        found = parse_label(zone[0].text)
        return found is not None and found[0].number is not None
    if zone[1].blank_before != 0:
        return False
    solid = sum(1 for line in zone[1:] if line.blank_before == 0)
    return solid >= 0.5 * (len(zone) - 1)


def _opens_zone(mark: Mark, called: bool, zone: list[Line]) -> bool:
    """After a blank line a zone opens with a clean label (a printed number, symbol or
    bracketed mark), a garbled one the text calls (`(@)` below `(1)`), or with two or
    more lines that start like note bodies (`to Dhume F.`, `6 Gautron V.`)."""
    if mark.clean or called:
        return True
    return sum(1 for line in zone if parse_label(line.text) is not None) >= 2


def _labels_follow(mark: Mark, zone: list[Line]) -> bool:
    """Below a label set solid after the text, most other label lines are of its kind (a
    line of a note may happen to start like another kind's label)."""
    kinds = [found[0].kind for line in zone[1:] if (found := parse_label(line.text)) is not None]
    return 2 * sum(1 for kind in kinds if kind is mark.kind) >= len(kinds)


def split_notes(zone: list[Line]) -> list[NoteBody]:
    """The zone's note bodies: each label line of the zone's kind (its first label's)
    starts one; lines before the first label continue the previous page's last note."""
    notes: list[NoteBody] = []
    kind: MarkKind | None = None
    apart = _set_apart(zone)
    lettered = set(letter_sequence(zone, 0, alone=not _labelled(zone)))
    if lettered and _labelled(zone[: min(lettered)]):
        lettered = set()  # a zone of other labels: a line of a note may open `a Paris`
    for at, line in enumerate(zone):
        if not notes and _SEPARATOR.match(line.text):
            continue  # the rule that sets the notes apart from the text: zone_rules
        if at in lettered:
            letter, body = letter_label(line.text) or (None, line.text)
            opening = Line(line.number, body, line.blank_before)
            notes.append(NoteBody(line.text.split()[0], (opening,), line.number, letter))
            continue
        # a rule inside a zone (below its first note) is kept as text: nothing is lost
        found = parse_label(line.text)
        if found is not None and kind is not None and found[0].kind is not kind:
            found = lost_brackets(found, kind)
        if found is not None and notes and _out_of_sequence(found[0], notes):
            found = None  # `412.` below `¹ Alfortville, ..., t. III, p.`: the note's page
        if found is None and kind is MarkKind.BRACKETED:
            found = lone_sign(line.text)
        if (
            found is None
            and kind in (MarkKind.DIGITS, None)
            and kind_below(zone) is MarkKind.DIGITS
        ):
            found = sign_label(line.text)
        if found is None and not notes and kind_below(zone) is MarkKind.BRACKETED:
            found = unclosed_opening(line.text)  # the zone's first note: `(Mohammed`
        if found is None and apart and notes and _lost_label(line, notes[-1]):
            notes.append(NoteBody("", (line,), line.number, None))
            continue
        if found is not None or not notes:
            mark, rest = found if found is not None else (None, line.text)
            kind = kind or (mark.kind if mark is not None else None)
            first = (Line(line.number, rest, line.blank_before),) if rest else ()
            label = mark.printed if mark is not None else ""
            notes.append(NoteBody(label, first, line.number, mark))
        else:
            last = notes[-1]
            notes[-1] = NoteBody(last.label, last.lines + (line,), last.first_line, last.mark)
    return notes


MAX_LABEL_STEP = 4  # a zone's next number: the one after, or a few on where OCR lost some


def _out_of_sequence(mark: Mark, notes: Sequence[NoteBody]) -> bool:
    """A number at a line's start that cannot be the next note's, below notes numbered
    clean: a note's line that opens with a number (`412.`, `1793, à Paris`)."""
    numbered = [note.mark for note in notes if note.mark is not None and note.mark.number]
    if mark.kind is not MarkKind.DIGITS or mark.number is None or not numbered:
        return False
    last = numbered[-1]
    if last.kind is not MarkKind.DIGITS or last.number is None:
        return False
    step = mark.number - last.number
    return not 0 < step <= MAX_LABEL_STEP


def zone_rules(zone: Sequence[Line]) -> list[Line]:
    """The rule that sets the notes apart from the text (`____________`), at the zone's
    top: no note's words; the page keeps it as forme work (`fw`), nothing being lost."""
    rules = []
    for line in zone:
        if not _SEPARATOR.match(line.text):
            break
        rules.append(line)
    return rules


def _labelled(zone: Sequence[Line]) -> bool:
    return any(parse_label(line.text) is not None for line in zone)


def _lost_label(line: Line, last: NoteBody) -> bool:
    """In a zone of notes set apart, after a labelled note, a line after a blank that
    opens like a sentence: a note whose label OCR lost (`P ë T agebuch`)."""
    return last.mark is not None and line.blank_before >= 1 and line.text.lstrip()[:1].isupper()


def _set_apart(zone: list[Line]) -> bool:
    """Whether the zone's notes are set apart, a blank line before each (two or more
    labels, each after a blank; the lines of a note set solid: a blank before one line in
    four notes at most): then a line after a blank that opens like a sentence opens a note
    whose label OCR lost."""
    labelled = [line for line in zone if parse_label(line.text) is not None]
    if len(labelled) < 2 or any(line.blank_before < 1 for line in labelled[1:]):
        return False
    inside = [line for line in zone if parse_label(line.text) is None]
    return sum(line.blank_before >= 1 for line in inside) <= max(1, len(labelled) // 4)
