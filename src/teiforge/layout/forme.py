"""Forme work: what the printer sets on every page around the text, told from the text.

A page's furniture stands at its edges: a running head at the top (often with the page
number at its outer end, `334 LE PARFAIT`, `BOULANGER 395`, alternating between verso
and recto), a page number alone (`— 157 —`, `( 12 )`, `vij`), at the foot a running
foot, a signature mark (`N° 5.`, `B ij`) and a catchword (the next page's first word).
None of it is body text nor a heading: each becomes an `<fw>` after its page's `<pb>`.

What a line is, is read from the whole document, not from the line alone:
- a page number is the numeral that fits the sequence of the pages around it
  (page_numbers.py); a misread one (`11` between 16 and 18) keeps its printed form in
  `fw` while `pb/@n` takes the number its neighbours imply, and a short wordless line
  where the number should be (`= SU`, `24h`) is that number garbled;
- a running head is a short line at a page's edge whose text recurs, with small OCR
  variations, on pages nearby; or, printed once, one in capitals that carries the page's
  number at one end (the first page of a short extract);
- a catchword is a last line of a word or two that the next page begins with.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from ..model import Forme, Line
from .headings import division_number
from .measure import ends_sentence
from .page_numbers import Numeral, PageNumber, infer_numbers, numeral_at_edge, whole_numeral

EDGE_LINES = 2  # lines at each edge of a page that may be furniture
WINDOW = 12  # a running head recurs within this many pages (a chapter's, a section's)
SIMILAR = 0.75  # SequenceMatcher ratio from which two heads are one, OCR noise aside
MAX_HEAD = 70  # characters: a longer line is text
MAX_HEAD_SHARE = 0.8  # of the page's measure: running heads are set short
MAX_HEAD_WORDS = 8
NOISE_LINES = 3  # wordless lines at a page's foot, below its text
GARBLED_NUMBER = 8  # non-space characters: a garbled page number is a short line
# A signature mark: `N° 5.`, `Nº 5 11`, or a letter and a small roman numeral (`B ij`).
_SIGNATURE = re.compile(
    r"^(?:N\s?[°ºo]\s?\d{1,3}\.?(?:\s+\d{1,3}\.?)?|[A-Za-z]{1,2}\s+[ivj]{1,4})$"
)
_WORD = re.compile(r"[^\W\d_]{3,}")
_LETTERS = re.compile(r"[^\W\d_]+")
# A signature mark alone at the foot: a letter, a capital and a numeral (`b`, `B`, `A2`).
_LONE_SIGNATURE = re.compile(r"[A-Za-z]|[A-Z]{1,2}\d?")


@dataclass(frozen=True)
class PageForme:
    """A page's furniture, the lines left for its text, and the page's number."""

    forme: tuple[Forme, ...]
    lines: tuple[Line, ...]
    number: PageNumber | None


@dataclass(frozen=True)
class _EdgeLine:
    """A line at a page's edge that may be a running head or foot."""

    page: int
    index: int  # in the page's lines
    top: bool
    key: str  # its letters, see head_key
    numeral: Numeral | None  # a numeral at one end of it
    division: str | None = None  # `CHAPITRE IX`: a numbered division's heading, not a head


def head_key(text: str) -> str:
    """What stays of a running head through OCR noise: its letters, in capitals, without
    accents (`AVANT-PROPOSs.` and `AVANT-PROPOS` give nearly the same key)."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isalpha() and c.isascii()).upper()


def edge_indexes(count: int) -> list[int]:
    """The indexes of the lines at a page's top and bottom edges, top first."""
    top = list(range(min(EDGE_LINES, count)))
    return top + [i for i in range(max(0, count - EDGE_LINES), count) if i not in top]


def _edge_lines(pages: Sequence[Sequence[Line]], width: int) -> list[_EdgeLine]:
    found = []
    for page, lines in enumerate(pages):
        if len(lines) < 3:
            continue  # a page of a line or two (a title, a plate): nothing to tell apart
        for index in edge_indexes(len(lines)):
            text = lines[index].text.strip()
            if len(text) > MAX_HEAD or (width and len(text) > MAX_HEAD_SHARE * width):
                continue
            if len(text.split()) > MAX_HEAD_WORDS:  # a verse's refrain, not a head
                continue
            if whole_numeral(text) is not None or _continues_text(lines, index):
                continue
            numeral, rest = numeral_at_edge(text)
            key = head_key(rest)
            if len(key) >= 3:
                top = index < EDGE_LINES
                found.append(_EdgeLine(page, index, top, key, numeral, division_number(text)))
    return found


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= SIMILAR
        and matcher.quick_ratio() >= SIMILAR
        and matcher.ratio() >= SIMILAR
    )


def _recurrence(lines: list[_EdgeLine]) -> dict[_EdgeLine, list[_EdgeLine]]:
    """For each edge line, the other edge lines nearby like it (OCR may read a running head
    last, after the page's text: recurrence is counted across edges)."""
    by_page: dict[int, list[_EdgeLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    fellows: dict[_EdgeLine, list[_EdgeLine]] = {line: [] for line in lines}
    for line in lines:
        for other_page in range(line.page + 1, line.page + WINDOW + 1):
            for other in by_page.get(other_page, ()):
                if _similar(line.key, other.key) and line.division == other.division:
                    fellows[line].append(other)
                    fellows[other].append(line)
    return fellows


def _is_capitals(key_source: str) -> bool:
    letters = [c for c in key_source if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def _running_lines(
    pages: Sequence[Sequence[Line]],
    lines: list[_EdgeLine],
    recurring: dict[_EdgeLine, list[_EdgeLine]],
    numbers: list[PageNumber | None],
) -> dict[tuple[int, int], str]:
    """The running heads and feet: {(page, line index): "header" or "footer"}."""
    found: dict[tuple[int, int], str] = {}
    for line in lines:
        fellows = recurring[line]
        if not _is_running(line, fellows, pages, numbers[line.page]):
            continue
        tops = sum(fellow.top for fellow in fellows) + line.top
        # a running head that OCR read after the page's text is still a head
        found[(line.page, line.index)] = "header" if tops * 2 > len(fellows) + 1 else "footer"
    _between_heads(pages, lines, found)
    return found


def _is_running(
    line: _EdgeLine,
    fellows: list[_EdgeLine],
    pages: Sequence[Sequence[Line]],
    number: PageNumber | None,
) -> bool:
    """A line recurring on two other pages nearby; or on one, at the top or with a page
    number; or printed once, at the top, in capitals, with the page's own number."""
    other_pages = {fellow.page for fellow in fellows}
    numbered = line.numeral is not None or any(fellow.numeral for fellow in fellows)
    if len(other_pages) >= 2 or (other_pages and (numbered or line.top or len(pages) <= 6)):
        return not (
            line.top and line.numeral is None and _title_alone(line, fellows, pages, number)
        )
    fits = (
        line.numeral is not None and number is not None and number.value in line.numeral.readings()
    )
    return line.top and fits and _is_capitals(pages[line.page][line.index].text)


def _between_heads(
    pages: Sequence[Sequence[Line]], lines: list[_EdgeLine], found: dict[tuple[int, int], str]
) -> None:
    """A page's first line in capitals, between two pages that have running heads, is its
    running head too: the verso's (`DISCOURS` / `PRÉLIMINAIRE.`) when heads alternate and
    one side's text is printed too seldom nearby to recur."""
    headed = {page for (page, index), kind in found.items() if kind == "header"}
    for line in lines:
        if line.index != 0 or line.page in headed or (line.page, 0) in found:
            continue
        rest = numeral_at_edge(pages[line.page][0].text.strip())[1]
        if {line.page - 1, line.page + 1} <= headed and _is_capitals(rest):
            found[(line.page, 0)] = "header"


def _continues_text(lines: Sequence[Line], index: int) -> bool:
    """Whether a page's last lines carry on the sentence above them, set solid: the end of
    a note or a paragraph (`l'avant-propos.`), not a running foot."""
    if index < EDGE_LINES or lines[index].blank_before:
        return False
    return not ends_sentence(lines[index - 1].text)


def _title_alone(
    line: _EdgeLine,
    fellows: list[_EdgeLine],
    pages: Sequence[Sequence[Line]],
    number: PageNumber | None,
) -> bool:
    """Whether a line like the running heads is the title they repeat, on the first page
    of its section (`AVANT-PROPOS.` above the text): its fellows carry the page number,
    this page prints none, and the line holds the title alone, without even a misread
    numeral beside it (`| v11} AVANT-PROPOS.` is a head)."""
    numbered = [fellow for fellow in fellows if fellow.numeral is not None]
    if (number is not None and number.printed) or len(numbered) * 2 <= len(fellows):
        return False
    words = sorted(len(pages[f.page][f.index].text.split()) for f in numbered)
    return len(pages[line.page][line.index].text.split()) < words[len(words) // 2]


def _catchword(lines: Sequence[Line], following: Sequence[Line]) -> bool:
    """Whether a page's last line is a catchword: a word or two the next page opens with."""
    words = lines[-1].text.split()
    if not following or not 1 <= len(words) <= 2 or len(lines) < 3:
        return False
    keys = [head_key(word) for word in words]
    opening = [head_key(word) for word in following[0].text.split()[: len(words)]]
    return keys == opening and any(keys)


def _garbled_number(text: str) -> bool:
    """A short line with no word in it: what OCR makes of a page number in ornaments."""
    compact = "".join(text.split())
    return 0 < len(compact) <= GARBLED_NUMBER and _WORD.search(text) is None


def _garbled_number_line(text: str) -> bool:
    """A short line with no word in small letters where the page number stands: OCR reads
    ornaments and figures as capitals too (`AQU >` for `— XIII —`, `= SU`, `ST`)."""
    compact = "".join(text.split())
    if not 0 < len(compact) <= GARBLED_NUMBER:
        return False
    return not any(len(word) >= 3 and not word.isupper() for word in _LETTERS.findall(text))


def _after_hyphen(lines: Sequence[Line], index: int) -> bool:
    """A number on the line after a hyphen ends a broken word, not a page."""
    return index > 0 and lines[index - 1].text.rstrip().endswith(("-", "\u00ad", "¬"))


def _alone_numerals(lines: Sequence[Line]) -> dict[int, Numeral]:
    found = {}
    for index in edge_indexes(len(lines)) if len(lines) > 1 else ():
        numeral = whole_numeral(lines[index].text)
        if numeral is not None and not _after_hyphen(lines, index):
            found[index] = numeral
    return found


def _page_kinds(
    lines: Sequence[Line],
    following: Sequence[Line],
    alone: dict[int, Numeral],
    running: dict[int, str],
    number: PageNumber | None,
    number_edge: bool | None,
) -> dict[int, str]:
    """What each furniture line of one page is: {line index: fw type}. `number_edge`: where
    the document prints its numbers alone (True: at the top), if it does."""
    kinds: dict[int, str] = {}
    for index, numeral in alone.items():
        # the page's number; another numeral alone at the foot is a signature mark
        agrees = number is not None and number.value in numeral.readings()
        if agrees or len(alone) == 1:
            kinds[index] = "pageNum"
        elif index >= EDGE_LINES:  # at the top, a numeral that is not the page's: a heading
            kinds[index] = "sig"
    for index, kind in running.items():
        kinds.setdefault(index, kind)
    on_heads = [numeral_at_edge(lines[i].text.strip())[0] for i in running]
    shown = "pageNum" in kinds.values() or any(
        n is not None and number is not None and number.value in n.readings() for n in on_heads
    )
    if number_edge is not None and not shown and not running:
        # the page number is where the document prints it, read as a short wordless line
        # (a line of capitals too: `AQU >`), even where the sequence cannot say which
        for index in edge_indexes(len(lines)):
            if (index < EDGE_LINES) != number_edge:
                continue
            if index not in kinds and _garbled_number_line(lines[index].text):
                kinds[index] = "pageNum"
                break
    for index in range(max(2, len(lines) - EDGE_LINES), len(lines)):
        if index not in kinds and _SIGNATURE.match(lines[index].text.strip()):
            kinds[index] = "sig"
    # the catchword is the last line but a signature mark under it
    last = max((i for i in range(len(lines)) if kinds.get(i) != "sig"), default=-1)
    if last >= 2 and last not in kinds and following and _catchword(lines[: last + 1], following):
        kinds[last] = "catch"
    _edge_noise(lines, kinds)
    return kinds


def _edge_noise(lines: Sequence[Line], kinds: dict[int, str]) -> None:
    """Short wordless lines at a page's edges, beyond its text: what OCR reads of an
    ornament, a rule, a stamp or a speck (`RE CE` above a running head, `——` below the
    text). A lone letter at the foot is a signature mark (`b`, `B`). They are kept as `fw`,
    so they neither open a paragraph nor cut one that runs on to the next page."""
    if len(lines) < 3:
        return
    top = max((i for i in kinds if i <= EDGE_LINES), default=-1)
    for index in range(top):
        if index not in kinds and _garbled_number(lines[index].text):
            kinds[index] = "other"
    for index in range(len(lines) - 1, max(len(lines) - 1 - NOISE_LINES, 1), -1):
        if index in kinds:
            continue
        text = lines[index].text.strip()
        if not _garbled_number(text):
            break
        kinds[index] = "sig" if _LONE_SIGNATURE.fullmatch(text) else "other"


def _final_j_lost(numerals: list[list[Numeral]]) -> list[list[Numeral]]:
    """In a document that prints its roman numerals with a final j (`vij`, `xiij`), a small
    one ending in i may have lost its j to OCR (`PRÉLIMINAIRE. vi` for vij): it reads as
    itself or the next number, as after OCR's `]` for j."""
    if not any(n.roman and n.text.endswith("j") for own in numerals for n in own):
        return numerals
    return [
        [
            replace(n, final_j=True) if n.roman and n.text.endswith("i") and not n.final_j else n
            for n in own
        ]
        for own in numerals
    ]


def find_forme(pages: Sequence[Sequence[Line]], width: int) -> list[PageForme]:
    """Each page's furniture, the lines left for its text, and its number."""
    alone = [_alone_numerals(lines) for lines in pages]
    edge = _edge_lines(pages, width)
    recurring = _recurrence(edge)
    # a numeral at one end of a line counts as a page number in a running head only: at
    # the top, the rest in capitals or recurring (`334 LE PARFAIT`, `AVANT-PROPOS. xij`)
    at_edges: list[list[Numeral]] = [[] for _ in pages]
    for line in edge:
        text = pages[line.page][line.index].text
        head = numeral_at_edge(text.strip())[1]  # the head's words, its numeral aside
        if line.numeral and line.top and (recurring[line] or _is_capitals(head)):
            at_edges[line.page].append(line.numeral)
    numerals = [[*alone[p].values(), *at_edges[p]] for p in range(len(pages))]
    numbers = infer_numbers(_final_j_lost(numerals))
    running = _running_lines(pages, edge, recurring, numbers)
    at_top = [index < EDGE_LINES for own in alone for index in own]
    number_edge = sum(at_top) * 2 >= len(at_top) if at_top else None
    result: list[PageForme] = []
    following: Sequence[Line] = ()  # the next page's text, its furniture aside
    for page in range(len(pages) - 1, -1, -1):  # backwards: a catchword looks ahead
        lines = pages[page]
        own_running = {index: kind for (p, index), kind in running.items() if p == page}
        kinds = _page_kinds(lines, following, alone[page], own_running, numbers[page], number_edge)
        forme = tuple(
            Forme(kinds[i], lines[i].text.strip(), lines[i].number) for i in sorted(kinds)
        )
        rest = [line for index, line in enumerate(lines) if index not in kinds]
        if rest and 0 in kinds:
            rest[0] = Line(rest[0].number, rest[0].text, 0)  # the page's first line of text
        result.append(PageForme(forme, tuple(rest), numbers[page]))
        following = rest
    return result[::-1]
