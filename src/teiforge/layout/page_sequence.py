"""The sequence of printed page numbers: which numeral is a page's number, and what number
a page bears where OCR misread or lost its own, read from the pages around it. Pages run
on by one, in arabic or in roman numerals, with breaks where pages are missing or a new
part begins; a run prints its numbers in one place (alone on a line, or at one end of the
running head), where a garbled one still says that a number stands.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from ..lang.numerals import to_roman
from .page_numbers import DIGIT_LOOKALIKES, Numeral, PageNumber

# Costs of the sequence: a page whose numeral disagrees with its run, a page that shows
# none inside a run, one outside any run, and a new run starting.
DISAGREES = 1.5
MISSING = 1.0
UNNUMBERED = 0.3
RUNNING_ONLY = 1.5  # outside any run, a page whose running head ends with a numeral
IGNORED = 2.5  # a numeral alone on a line at a page's edge, left out of every run
NEW_RUN = 2.0
UNREAD_IN_RUN = 0.1  # a page number OCR garbled, set where the run prints its numbers
UNREAD_OUTSIDE = 0.5  # the same, outside any run: a number no run explains
MISREAD = 0.75  # a numeral with one figure misread (`15` for 13, `11` for 17)
INNER_DISAGREES = 1.0  # a framed number inside the text that is not the run's
NEAR = 2  # pages: a misread number next to a page of its run that agrees


_State = tuple[bool, int] | None  # (roman, offset: value - page index), or no run
UNREAD_ALONE, UNREAD_HEAD = "alone", "head"  # where a page shows a number OCR garbled


def infer_numbers(
    numerals: Sequence[Sequence[Numeral]], unread: Sequence[str | None] | None = None
) -> list[PageNumber | None]:
    """Each page's number from the numerals found on it: the cheapest sequence of runs
    (value = page index + offset) that explains them (Viterbi over the offsets seen).
    A run bridges a few pages that show no number, and a numeral that disagrees with both
    sides of its run is a misreading, not a new run. `unread`: pages that show a number
    OCR garbled (`==`, `ST`), alone on its line or at one end of the running head: a run
    that prints its numbers there gives it, at almost no cost."""
    unread = list(unread) if unread is not None else [None] * len(numerals)
    states: list[_State] = [None]
    states += sorted(
        {
            (n.roman, v - page)
            for page, own in enumerate(numerals)
            for n in own
            for v in n.readings()
        }
    )
    alone = _alone_style(states, numerals)
    cost = {state: 0.0 for state in states}
    back: list[dict[_State, _State]] = []
    for page, own in enumerate(numerals):
        best_state = min(cost, key=lambda s: cost[s])
        best = cost[best_state]
        step: dict[_State, _State] = {}
        new_cost = {}
        for state in states:
            # rounded: a tie between two paths is a tie (it keeps the run it is in, so a
            # garbled page between two runs goes with the one that follows)
            stay, switch = cost[state], round(best + NEW_RUN, 6)
            step[state] = state if stay <= switch or page == 0 else best_state
            page_cost = _page_cost(state, page, own, unread[page], alone.get(state, True))
            new_cost[state] = round(
                (stay if stay <= switch or page == 0 else switch) + page_cost, 6
            )
        back.append(step)
        cost = new_cost
    state = min(cost, key=lambda s: (cost[s], s is not None))
    path: list[_State] = []
    for step in reversed(back):
        path.append(state)
        state = step[state]
    path.reverse()
    agreeing = _agreeing_pages(path, numerals)
    states = _cut_at_printed(
        path,
        [_misread_inside(path, p, numerals, agreeing) for p in range(len(path))],
        numerals,
        unread,
    )
    forms = _roman_forms(numerals)
    return [
        _number(state, page, numerals[page], forms.get(state, (False, False)))
        for page, state in enumerate(states)
    ]


def _roman_forms(numerals: Sequence[Sequence[Numeral]]) -> dict[_State, tuple[bool, bool]]:
    """How each roman run writes its numerals, by those it reads: (in capitals, `XII`;
    with the old print's final j, `xij`). A number the run implies is written so."""
    texts: dict[_State, list[str]] = {}
    for page, own in enumerate(numerals):
        for n in own:
            for value in n.readings() if n.roman else ():
                texts.setdefault((True, value - page), []).append(n.text)
    return {
        state: (_mostly_upper(found), any(t.lower().endswith("j") for t in found))
        for state, found in texts.items()
    }


def _alone_style(
    states: Sequence[_State], numerals: Sequence[Sequence[Numeral]]
) -> dict[_State, bool]:
    """For each run, whether it prints its numbers alone on their line (`— 157 —`) rather
    than at one end of the running head (`AVANT-PROPOS. xij`), by most numerals it reads."""
    votes: dict[_State, list[bool]] = {}
    for page, own in enumerate(numerals):
        for n in own:
            for value in n.readings():
                votes.setdefault((n.roman, value - page), []).append(n.alone)
    return {s: sum(v) * 2 >= len(v) for s, v in votes.items() if s in set(states)}


def _cut_at_printed(
    path: Sequence[_State],
    states: list[_State],
    numerals: Sequence[Sequence[Numeral]],
    unread: Sequence[str | None],
) -> list[_State]:
    """A run bridges pages that show no number only up to a numeral taken as printed: the
    pages beyond it are no longer known to be the run's. A page that shows a number OCR
    garbled goes with the run that follows it, as the sequence does with a garbled page
    between two runs: the one a printed numeral after it opens, or its own where a page
    after it agrees; else the run the printed numeral before it closes."""
    result = list(states)
    for page, state in enumerate(states):
        if state is None or _agrees(state, page, numerals[page]):
            continue
        if any(n.alone and not n.inner for n in numerals[page]):
            continue  # a misreading its run's pages imply (_misread_inside)
        (before, at_before), (after, at_after) = (
            _reach(path, states, numerals, page, step) for step in (-1, 1)
        )
        if "printed" not in (before, after):
            continue
        if unread[page] is None:
            result[page] = None
        elif after == "printed":
            result[page] = _opened_by(at_after, numerals[at_after])
        elif after != "agrees":
            result[page] = _opened_by(at_before, numerals[at_before])
    return result


def _reach(
    path: Sequence[_State],
    states: Sequence[_State],
    numerals: Sequence[Sequence[Numeral]],
    page: int,
    step: int,
) -> tuple[str, int]:
    """What a walk from a page through its run meets first: a page that agrees with the
    run ("agrees"), a numeral taken as printed ("printed"), or the run's end ("end")."""
    state, other = path[page], page + step
    while 0 <= other < len(path) and path[other] == state:
        if _agrees(state, other, numerals[other]):
            return "agrees", other
        if states[other] is None:
            return "printed", other
        other += step
    return "end", other


def _opened_by(page: int, own: Sequence[Numeral]) -> _State:
    """The run a numeral taken as printed opens (or closes)."""
    alone = [n for n in own if n.alone and not n.inner]
    return (alone[0].roman, alone[0].value - page) if alone else None


def _agrees(state: _State, page: int, own: Sequence[Numeral]) -> bool:
    return state is not None and any(
        n.roman == state[0] and page + state[1] in n.readings() for n in own
    )


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
    it has as many figures as the run's number and one of them in its place (`935` or
    `915` for 245): else, at a run's end, it is taken as printed (no run). One read
    inside the text is never taken against its run."""
    state = path[page]
    own = [n for n in numerals[page] if n.alone and not n.inner]
    if state is None or not own or _agrees(state, page, numerals[page]):
        return state
    pages = agreeing.get(state, [])
    at = bisect.bisect_left(pages, page)
    nearest = pages[max(at - 1, 0) : at + 1]  # the agreeing pages just before and after
    if 0 < at < len(pages):
        return state
    near = any(abs(p - page) <= NEAR for p in nearest)
    value = page + state[1]
    if not state[0] and any(_reads_as(n.text, value) for n in own):
        return state  # `l` for 1, `li` for 11: the figures OCR read as letters
    misread = not state[0] and any(_figures_misread(n.text, str(value)) for n in own)
    return state if near and misread else None


def _reads_as(printed: str, value: int) -> bool:
    """Whether a numeral printed in figures, read as letters (`l` for 1, `li` for 11), is
    this number: said only where the sequence gives the number."""
    read = "".join(DIGIT_LOOKALIKES.get(c, c) for c in printed)
    return read != printed and read == str(value)


def _figures_misread(printed: str, number: str) -> bool:
    """Two numbers of two figures or more, as many, one figure at least in its place
    (`15` for 13, `915` for 245): a misreading; a one-figure number differs from every
    other one by a figure (no evidence), and `234` for 158 shares none (a new run)."""
    if len(printed) != len(number) or len(number) < 2:
        return False
    return any(a == b for a, b in zip(printed, number))


def _page_cost(
    state: _State, page: int, own: Sequence[Numeral], unread: str | None, alone: bool
) -> float:
    inner = [n for n in own if n.inner]
    own = [n for n in own if not n.inner or _agrees(state, page, [n])]
    if state is None:
        if any(n.alone for n in own):
            return IGNORED
        if own:
            return RUNNING_ONLY
        return UNREAD_OUTSIDE if unread else UNNUMBERED
    roman, offset = state
    if any(n.roman == roman and page + offset in n.readings() for n in own):
        return 0.0
    if own:
        value = str(page + offset)
        # figures misread are a run of figures' own (`15` is no roman run's xij misread)
        misread = not roman and any(_one_figure(n.text, value) for n in own)
        return MISREAD if misread else DISAGREES
    if inner:
        return INNER_DISAGREES
    if unread is not None and (unread == UNREAD_ALONE) == alone:
        return UNREAD_IN_RUN
    return MISSING


def _one_figure(printed: str, number: str) -> bool:
    """Two numbers of two figures or more that differ in one."""
    if len(printed) != len(number) or len(number) < 2 or not printed.isdigit():
        return False
    return sum(a != b for a, b in zip(printed, number)) == 1


def _number(
    state: _State, page: int, own: Sequence[Numeral], form: tuple[bool, bool]
) -> PageNumber | None:
    if state is None:
        # outside any run, a numeral alone on its line is taken as printed
        alone = [n for n in own if n.alone and not n.inner]
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
    upper, final_j = form
    text = to_roman(value, lower=not upper)
    if final_j and text.endswith(("i", "I")):
        text = text[:-1] + ("J" if upper else "j")
    return PageNumber(value, text, False)


def _mostly_upper(texts: Iterable[str]) -> bool:
    cases = [text.isupper() for text in texts]
    return sum(cases) * 2 > len(cases)
