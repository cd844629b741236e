"""Forme work: what the printer sets on every page around the text, told from the text.

A page's furniture stands at its edges: a running head at the top (often with the page
number at its outer end, `334 LE PARFAIT`, `BOULANGER 395`, alternating between verso
and recto), a page number alone (`— 157 —`, `( 12 )`, `vij`), at the foot a running
foot, a signature mark (`N° 5.`, `B ij`) and a catchword (the next page's first word).
None of it is body text nor a heading: each becomes an `<fw>` after its page's `<pb>`.

What a line is, is read from the whole document, not from the line alone:
- a page number is the numeral that fits the sequence of the pages around it
  (page_numbers.py, page_sequence.py); a misread one (`11` between 16 and 18) keeps its printed form in
  `fw` while `pb/@n` takes the number its neighbours imply, and a short wordless line
  where the number should be (`= SU`, `24h`) is that number garbled;
- a running head is a short line at a page's edge whose text recurs on pages nearby
  (running_heads.py);
- a catchword is a last line of a word or two that the next page begins with.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..model import Forme, Line
from .page_numbers import (
    Numeral,
    PageNumber,
    framed_numeral,
    garbled_at_edge,
    numeral_at_edge,
    stray_numeral,
    whole_numeral,
)
from .page_sequence import UNREAD_ALONE, UNREAD_HEAD, infer_numbers
from .running_heads import (
    DEEP_TOP,
    EDGE_LINES,
    _EdgeLine,
    edge_indexes,
    edge_lines,
    head_key,
    is_capitals,
    recurrence,
    running_lines,
)

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
# a short word in small letters alone, set apart from the text: a number OCR read as one
_SMALL_WORD = re.compile(r"[a-zà-ÿ]{1,4}")


@dataclass(frozen=True)
class PageForme:
    """A page's furniture, the lines left for its text, and the page's number."""

    forme: tuple[Forme, ...]
    lines: tuple[Line, ...]
    number: PageNumber | None


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


def _unread_number_line(lines: Sequence[Line], index: int) -> bool:
    """Whether a line at the page's edge where the document prints its numbers is one OCR
    garbled: a short line with no word in small letters (`==`, `ST`, `Cr)`, `0e`), or a
    lone short word in small letters set apart from the text by a blank line, that ends
    no sentence (`hote` for `— 8 —`; a paragraph's last word carried over ends with its
    stop)."""
    text = lines[index].text.strip()
    if _garbled_number_line(text):
        return True
    apart = index + 1 < len(lines) and lines[index + 1].blank_before > 0
    return apart and (index == 0 or index == len(lines) - 1) and bool(_SMALL_WORD.fullmatch(text))


def _after_hyphen(lines: Sequence[Line], index: int) -> bool:
    """A number on the line after a hyphen ends a broken word, not a page."""
    return index > 0 and lines[index - 1].text.rstrip().endswith(("-", "\u00ad", "¬"))


def _alone_numerals(lines: Sequence[Line]) -> dict[int, Numeral]:
    found = {}
    for index in edge_indexes(len(lines)) if len(lines) > 1 else ():
        numeral = whole_numeral(lines[index].text) or stray_numeral(lines[index].text.strip())
        if numeral is not None and not _after_hyphen(lines, index):
            found[index] = numeral
    return found


def _inner_numerals(lines: Sequence[Line]) -> dict[int, Numeral]:
    """Numbers in a frame alone on a line inside the page's text (`(12)`): where OCR put a
    page number it read out of place; the sequence says whether one is."""
    edges = set(edge_indexes(len(lines)))
    found = {}
    for index, line in enumerate(lines):
        numeral = framed_numeral(line.text.strip()) if index not in edges else None
        if numeral is not None and not _after_hyphen(lines, index):
            found[index] = numeral
    return found


def _unread(
    lines: Sequence[Line], shown: bool, in_head: bool, number_edge: bool | None
) -> str | None:
    """Where a page shows a number OCR garbled, if it shows no numeral: in its running
    head, or alone on a line at the edge where the document prints its numbers."""
    if shown or len(lines) < 2:
        return None
    if in_head:
        return UNREAD_HEAD
    if number_edge is None:
        return None
    edge = [i for i in edge_indexes(len(lines)) if (i < EDGE_LINES) == number_edge]
    return UNREAD_ALONE if any(_unread_number_line(lines, i) for i in edge) else None


def _page_kinds(
    lines: Sequence[Line],
    following: Sequence[Line],
    alone: dict[int, Numeral],
    running: dict[int, str],
    number: PageNumber | None,
    number_edge: bool | None,
    inner: dict[int, Numeral] | None = None,
) -> dict[int, str]:
    """What each furniture line of one page is: {line index: fw type}. `number_edge`: where
    the document prints its numbers alone (True: at the top), if it does."""
    kinds: dict[int, str] = {}
    for index, numeral in alone.items():
        # the page's number; another numeral alone at the foot is a signature mark, and
        # one at the top, under the number, a division's heading (`V`)
        agrees = number is not None and number.value in numeral.readings()
        if agrees or len(alone) == 1:
            kinds[index] = "pageNum"
        elif index >= len(lines) - EDGE_LINES:
            kinds[index] = "sig"
    for index, kind in running.items():
        kinds.setdefault(index, kind)
        if kind == "header" and EDGE_LINES <= index < DEEP_TOP:
            # nothing is printed above a running head but forme work: what OCR read
            # above one set lower (`PTE ER OR T ET EEE`) is an ornament's or a stain's
            for above in range(index):
                kinds.setdefault(above, "other")
    for index, numeral in (inner or {}).items():
        if number is not None and number.value in numeral.readings() and not alone:
            kinds[index] = "pageNum"  # the page's number, read out of place
            break
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
            if index not in kinds and _unread_number_line(lines, index):
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


def _numbered(text: str) -> bool:
    """Whether a short line is a numeral or a section's mark (`III.`, `2.`, `§ 3`)."""
    return whole_numeral(text) is not None or "§" in text or any(c.isdigit() for c in text[:1])


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
    if 0 <= top < EDGE_LINES - 1 and kinds[top] == "pageNum" and top + 1 not in kinds:
        # under the page number, the rest of its ornaments as OCR read them (`BC) nt`
        # for `⁓ 3 ⁓`, `2 {4`); a numeral or a section mark there is a heading (`III.`)
        text = lines[top + 1].text.strip()
        if _garbled_number(text) and not _numbered(text) and len(lines) > top + 2:
            kinds[top + 1] = "other"
    for index in range(len(lines) - 1, max(len(lines) - 1 - NOISE_LINES, 1), -1):
        if index in kinds:
            continue
        text = lines[index].text.strip()
        if not _garbled_number(text):
            break
        kinds[index] = "sig" if _LONE_SIGNATURE.fullmatch(text) else "other"


def _forme_parts(kind: str, line: Line, number: PageNumber | None) -> tuple[Forme, ...]:
    """A line of forme work; a running head with the page's number at one end is two, in
    the order printed: the head (`header`) and the number in its frame (`pageNum`)."""
    text = line.text.strip()
    whole = (Forme(kind, text, line.number),)
    numeral, rest = numeral_at_edge(text)
    garbled = garbled_at_edge(text) if numeral is None else None
    if kind in ("header", "footer") and garbled and number is not None and not number.printed:
        rest = garbled[1]  # the number OCR garbled at the head's end (`PRÉLIMINAIRE. à`)
        return _split_head(kind, text, rest, line.number)
    if kind not in ("header", "footer") or numeral is None or number is None:
        return whole
    if number.printed and number.value not in numeral.readings():
        return whole  # the page prints its number elsewhere: this numeral is the head's
    return _split_head(kind, text, rest, line.number)


def _split_head(kind: str, text: str, rest: str, number: int) -> tuple[Forme, ...]:
    """A head and the number at one of its ends, in the order printed."""
    head = Forme(kind, rest.strip(), number)
    if text.startswith(rest):
        return head, Forme("pageNum", text[len(rest) :].strip(), number)
    return Forme("pageNum", text[: len(text) - len(rest)].strip(), number), head


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


def _unread_in_head(line: _EdgeLine, fellows: Sequence[_EdgeLine]) -> bool:
    """A running head at the top with a garbled token at one end, where most of the heads
    like it carry their page's number: that token is the page's number."""
    numbered = sum(fellow.numeral is not None for fellow in fellows)
    return line.unread and line.top and numbered * 2 > len(fellows) > 0


def find_forme(pages: Sequence[Sequence[Line]], width: int) -> list[PageForme]:
    """Each page's furniture, the lines left for its text, and its number."""
    alone = [_alone_numerals(lines) for lines in pages]
    edge = edge_lines(pages, width)
    recurring = recurrence(edge)
    # a numeral at one end of a line counts as a page number in a running head only: at
    # the top, the rest in capitals or recurring (`334 LE PARFAIT`, `AVANT-PROPOS. xij`)
    at_edges: list[list[Numeral]] = [[] for _ in pages]
    for line in edge:
        text = pages[line.page][line.index].text
        head = numeral_at_edge(text.strip())[1]  # the head's words, its numeral aside
        if line.numeral and line.top and not line.deep and (recurring[line] or is_capitals(head)):
            at_edges[line.page].append(line.numeral)
    at_top = [index < EDGE_LINES for own in alone for index in own]
    number_edge = sum(at_top) * 2 >= len(at_top) if at_top else None
    inner = [_inner_numerals(lines) for lines in pages]
    head_unread = {line.page for line in edge if _unread_in_head(line, recurring[line])}
    unread = [
        _unread(pages[p], bool(alone[p] or at_edges[p]), p in head_unread, number_edge)
        for p in range(len(pages))
    ]
    numerals = [[*alone[p].values(), *at_edges[p], *inner[p].values()] for p in range(len(pages))]
    numbers = infer_numbers(_final_j_lost(numerals), unread)
    running = running_lines(pages, edge, recurring, numbers)
    result: list[PageForme] = []
    following: Sequence[Line] = ()  # the next page's text, its furniture aside
    for page in range(len(pages) - 1, -1, -1):  # backwards: a catchword looks ahead
        lines = pages[page]
        own_running = {index: kind for (p, index), kind in running.items() if p == page}
        kinds = _page_kinds(
            lines, following, alone[page], own_running, numbers[page], number_edge, inner[page]
        )
        forme = tuple(
            part for i in sorted(kinds) for part in _forme_parts(kinds[i], lines[i], numbers[page])
        )
        rest = [line for index, line in enumerate(lines) if index not in kinds]
        if rest and 0 in kinds:
            rest[0] = Line(rest[0].number, rest[0].text, 0)  # the page's first line of text
        result.append(PageForme(forme, tuple(rest), numbers[page]))
        following = rest
    return result[::-1]
