"""Printed page numbers: the numerals at a page's edges, and the sequence they make.

A page number is framed by ornaments in many styles (`— 157 —`, `( 12 )`, `⁓ 3 ⁓`,
`[12]`, `vij`, `— XII —`) or set at one end of the running head (`334 LE PARFAIT`,
`AVANT-PROPOS. xij`). OCR misreads some (`11` for 17, `24h` for 244) and loses others.
Which numeral is the page's number, and what number a page bears when its own is
misread, is read from the sequence: pages run on by one, in arabic or in roman
numerals, with breaks where pages are missing or a new part begins.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..lang import fr
from ..lang.numerals import roman_value, to_roman

# What frames a page number: dashes, parentheses, brackets, ornaments, stray stops.
_FRAME = "\\s\\-–—―=~⁓∼·•.,:;*'\"«»()\\[\\]{}|"
# What OCR makes of a figure in a page number (old-style figures: `23h` for 234, `5o`
# for 50): read only in a number with two true digits at least and one such letter.
NUMBER_LOOKALIKES = {"h": "4", "o": "0", "O": "0"}
# Letters OCR reads for figures that still parse as a numeral (roman: `l`, `I`, `li`),
# read as figures where the sequence says which number stands there.
DIGIT_LOOKALIKES = {"l": "1", "I": "1"}
_GARBLED_FIGURES = rf"(?=(?:[^\d\s]*\d){{2}})\d*[{''.join(NUMBER_LOOKALIKES)}]\d*"
_NUMERAL = rf"\d{{1,4}}|[ivxlcjIVXLCJ]{{1,8}}|{_GARBLED_FIGURES}"
# What OCR makes of the final `j` of an old print's roman numeral (`XV]` for `xvj`).
_FINAL_J = "]})"
_WHOLE = re.compile(rf"^[{_FRAME}]*(?P<n>{_NUMERAL})(?P<j>[{_FINAL_J}])?[{_FRAME}]*$")
# at the start of a running head, a numeral with a stop or a parenthesis after it
# (`1. Voici`, `2) la suite`) enumerates; `]` and `}` are what OCR makes of a final `j`
# (`— 279 —    MAIS IL N'Y A`: the number's frame closes apart from it, before the head)
_DASHES = "\\-–—―=~⁓∼•"
_AT_START = re.compile(
    rf"^[{_FRAME}]*(?P<n>{_NUMERAL})(?P<j>[\]}}])?(?:\s+[{_DASHES})\]]+)?\s+(?P<rest>\S.*)$"
)
MAX_HEAD_WORDS = 6
_AT_END = re.compile(
    rf"^(?P<rest>.*?\S)\s+(?:[{_DASHES}\[({{]+\s*)?(?P<n>{_NUMERAL})(?P<j>[{_FINAL_J}])?[{_FRAME}]*$"
)

# Costs of the sequence: a page whose numeral disagrees with its run, a page that shows
# none inside a run, one outside any run, and a new run starting.
DISAGREES = 1.5
MISSING = 1.0
UNNUMBERED = 0.3
RUNNING_ONLY = 1.5  # outside any run, a page whose running head ends with a numeral
IGNORED = 2.5  # a numeral alone on a line at a page's edge, left out of every run
NEW_RUN = 2.0
NEAR = 2  # pages: a misread number next to a page of its run that agrees


@dataclass(frozen=True)
class Numeral:
    text: str  # as printed, frame removed: `157`, `vij`, `XII`
    value: int
    roman: bool
    alone: bool = True  # on a line of its own, not at the end of a running head
    final_j: bool = False  # a roman numeral followed by what OCR makes of a final `j`
    garbled: bool = False  # a figure misread as a letter (`23h`): @n gives the number

    def readings(self) -> tuple[int, ...]:
        """The values it may stand for: `XV]` is 15, or 16 read `xvj`."""
        return (self.value, self.value + 1) if self.final_j else (self.value,)

    def text_for(self, value: int) -> str:
        if self.garbled:
            return str(value)
        return self.text if value == self.value else self.text.lower() + "j"


@dataclass(frozen=True)
class PageNumber:
    value: int
    text: str  # what pb/@n says: the printed numeral, or one written in the run's style
    printed: bool  # a numeral on the page says it


def parse_numeral(text: str, final_j: bool = False) -> Numeral | None:
    """An arabic or roman numeral; `final_j`: OCR's `]`, `}` or `)` stood after it."""
    if text.isdigit() and text.isascii():
        number = int(text)
        return Numeral(text, number, False) if number > 0 else None
    read = "".join(NUMBER_LOOKALIKES.get(c, c) for c in text)
    if read.isdigit() and read.isascii() and len(read) <= 4 and sum(c.isdigit() for c in text) >= 2:
        if len(text) - sum(c.isdigit() for c in text) == 1 and int(read) > 0:
            return Numeral(text, int(read), False, garbled=True)
        return None
    roman = roman_value(text)
    if not roman:
        return None
    return Numeral(text, roman, True, final_j=final_j and not text.endswith(("j", "J")))


def _parse(match: re.Match[str]) -> Numeral | None:
    return parse_numeral(match.group("n"), bool(match.group("j")))


def whole_numeral(text: str) -> Numeral | None:
    """The numeral a line holds alone, in its frame (`— 157 —`, `( 12 )`, `vij`)."""
    match = _WHOLE.match(text)
    return _parse(match) if match else None


def numeral_at_edge(text: str) -> tuple[Numeral | None, str]:
    """(a numeral at either end of a line of other text, the rest of the line)."""
    for pattern in (_AT_START, _AT_END):
        match = pattern.match(text)
        if match is not None:
            numeral, rest = _parse(match), match.group("rest")
            if pattern is _AT_END and _numbers_division(rest):
                continue
            if numeral is not None and len(rest.split()) <= MAX_HEAD_WORDS:
                return replace(numeral, alone=False), rest
    return None, text


def _numbers_division(before: str) -> bool:
    """Whether a numeral after these words is a division's number (`CHAPITRE IX`,
    `Livre 2`), not a page's."""
    words = before.split()
    return bool(words) and words[-1].strip(".,:;").lower() in fr.DIVISION_WORDS


_State = tuple[bool, int] | None  # (roman, offset: value - page index), or no run


def infer_numbers(numerals: Sequence[Sequence[Numeral]]) -> list[PageNumber | None]:
    """Each page's number from the numerals found at its edges: the cheapest sequence of
    runs (value = page index + offset) that explains them (Viterbi over the offsets seen).
    A run bridges a few pages that show no number, and a numeral that disagrees with both
    sides of its run is a misreading, not a new run."""
    states: list[_State] = [None]
    states += sorted(
        {
            (n.roman, v - page)
            for page, own in enumerate(numerals)
            for n in own
            for v in n.readings()
        }
    )
    cost = {state: 0.0 for state in states}
    back: list[dict[_State, _State]] = []
    for page, own in enumerate(numerals):
        best_state = min(cost, key=lambda s: cost[s])
        best = cost[best_state]
        step: dict[_State, _State] = {}
        new_cost = {}
        for state in states:
            stay, switch = cost[state], best + NEW_RUN
            step[state] = state if stay <= switch or page == 0 else best_state
            new_cost[state] = (stay if stay <= switch or page == 0 else switch) + _page_cost(
                state, page, own
            )
        back.append(step)
        cost = new_cost
    state = min(cost, key=lambda s: (cost[s], s is not None))
    path: list[_State] = []
    for step in reversed(back):
        path.append(state)
        state = step[state]
    path.reverse()
    upper = {  # a roman run is written as its printed numerals are: `XII` or `xij`
        state: _mostly_upper(
            n.text for page, on in enumerate(path) if on == state for n in numerals[page] if n.roman
        )
        for state in set(path)
        if state is not None and state[0]
    }
    agreeing = _agreeing_pages(path, numerals)
    states = _cut_at_printed(
        path, [_misread_inside(path, p, numerals, agreeing) for p in range(len(path))], numerals
    )
    return [
        _number(state, page, numerals[page], state is not None and upper.get(state, False))
        for page, state in enumerate(states)
    ]


def _cut_at_printed(
    path: Sequence[_State], states: list[_State], numerals: Sequence[Sequence[Numeral]]
) -> list[_State]:
    """A run bridges pages that show no number only up to a numeral taken as printed: the
    pages beyond it are no longer known to be the run's."""
    result = list(states)
    for page, state in enumerate(states):
        if state is None or _agrees(state, page, numerals[page]):
            continue
        for step in (-1, 1):
            other = page + step
            while 0 <= other < len(path) and path[other] == state:
                if _agrees(state, other, numerals[other]):
                    break
                if states[other] is None:  # a numeral taken as printed stands between
                    result[page] = None
                    break
                other += step
    return result


def _agrees(state: _State, page: int, own: Sequence[Numeral]) -> bool:
    return state is not None and _page_cost(state, page, own) == 0.0


def _agreeing_pages(
    path: Sequence[_State], numerals: Sequence[Sequence[Numeral]]
) -> dict[_State, list[int]]:
    """For each run's state, the pages (in order) whose own numeral agrees with it."""
    agreeing: dict[_State, list[int]] = {}
    for page, state in enumerate(path):
        if _agrees(state, page, numerals[page]):
            agreeing.setdefault(state, []).append(page)
    return agreeing


def _misread_inside(
    path: Sequence[_State],
    page: int,
    numerals: Sequence[Sequence[Numeral]],
    agreeing: dict[_State, list[int]],
) -> _State:
    """The page's state; but a numeral alone on its line that disagrees with its run is a
    misreading only between two pages of the run that agree with it, or next to one when
    it differs from the run's number by one digit (`935` for 235): else, at a run's end,
    it is taken as printed (no run)."""
    state, own = path[page], numerals[page]
    if state is None or not any(n.alone for n in own) or _agrees(state, page, own):
        return state
    pages = agreeing.get(state, [])
    at = bisect.bisect_left(pages, page)
    nearest = pages[max(at - 1, 0) : at + 1]  # the agreeing pages just before and after
    if 0 < at < len(pages):
        return state
    near = any(abs(p - page) <= NEAR for p in nearest)
    value = page + state[1]
    if not state[0] and any(_reads_as(n.text, value) for n in own if n.alone):
        return state  # `l` for 1, `li` for 11: the figures OCR read as letters
    one_digit = any(_one_digit_apart(n.text, str(value)) for n in own if n.alone and not n.roman)
    return state if near and one_digit else None


def _reads_as(printed: str, value: int) -> bool:
    """Whether a numeral printed in figures, read as letters (`l` for 1, `li` for 11), is
    this number: said only where the sequence gives the number."""
    read = "".join(DIGIT_LOOKALIKES.get(c, c) for c in printed)
    return read != printed and read == str(value)


def _one_digit_apart(printed: str, number: str) -> bool:
    """Two numbers of two digits or more that differ in one (a one-digit number differs
    from every other one by a digit: no evidence)."""
    if len(printed) != len(number) or len(number) < 2:
        return False
    return sum(a != b for a, b in zip(printed, number)) == 1


def _page_cost(state: _State, page: int, own: Sequence[Numeral]) -> float:
    if state is None:
        if any(n.alone for n in own):
            return IGNORED
        return RUNNING_ONLY if own else UNNUMBERED
    roman, offset = state
    if any(n.roman == roman and page + offset in n.readings() for n in own):
        return 0.0
    return DISAGREES if own else MISSING


def _number(state: _State, page: int, own: Sequence[Numeral], upper: bool) -> PageNumber | None:
    if state is None:
        # outside any run, a numeral alone on its line is taken as printed
        alone = [n for n in own if n.alone]
        return PageNumber(alone[0].value, alone[0].text, True) if alone else None
    roman, offset = state
    value = page + offset
    if value <= 0:
        return None
    for numeral in own:
        if numeral.roman == roman and value in numeral.readings():
            return PageNumber(value, numeral.text_for(value), True)
    if not roman:
        return PageNumber(value, str(value), False)
    return PageNumber(value, to_roman(value, lower=not upper), False)


def _mostly_upper(texts: Iterable[str]) -> bool:
    cases = [text.isupper() for text in texts]
    return sum(cases) * 2 > len(cases)
