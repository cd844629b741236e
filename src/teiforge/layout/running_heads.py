"""Running heads and feet: which lines at a page's edges are a head the printer repeats
from page to page, told from the whole document (forme.py sets them among the page's
other furniture).

A running head is a short line at a page's edge whose text recurs, with small OCR
variations, on pages nearby; or, printed once, one in capitals that carries the page's
number at one end (the first page of a short extract). Set in lower case, it may come
near the measure in a narrow one; then only its recurring, whole, at the top of other
pages tells it from text. Two divisions' headings alike but for their numbers (`CHAPITRE
IX`, `CHAPITRE XI`) are no running head, nor is a division's title on its opening page,
though the heads after it repeat it (openings.py).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..lang import fr
from ..lang.numerals import numeral_value
from ..model import Line
from ..notemarks import parse_label
from . import openings
from .measure import ends_sentence
from .page_numbers import Numeral, PageNumber, garbled_at_edge, numeral_at_edge, whole_numeral

EDGE_LINES = 2  # lines at each edge of a page that may be furniture
# A running head in capitals with its number may stand lower, under lines that OCR read
# out of an ornament, a rule or a stain above it (`PTE ER OR T ET EEE`): so many lines.
DEEP_TOP = 4
WINDOW = 12  # a running head recurs within this many pages (a chapter's, a section's)
MAX_HEAD = 70  # characters: a longer line is text
MAX_HEAD_SHARE = 0.8  # of the page's measure: running heads are set short
MAX_HEAD_WORDS = 8


@dataclass(frozen=True)
class _EdgeLine:
    """A line at a page's edge that may be a running head or foot."""

    page: int
    index: int  # in the page's lines
    top: bool
    key: str  # its letters, see head_key
    numeral: Numeral | None  # a numeral at one end of it
    words: tuple[str, ...] = ()  # its words' keys, numerals as they are printed
    unread: bool = False  # a page number OCR garbled at one end of it (`PRÉLIMINAIRE. à`)
    deep: bool = False  # below the page's top lines, under lines OCR read out of ornaments
    long: bool = False  # in lower case, near the measure: a head only if it recurs at the top


def head_key(text: str) -> str:
    """What stays of a running head through OCR noise: its letters, in capitals, without
    accents (`AVANT-PROPOSs.` and `AVANT-PROPOS` give nearly the same key)."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if c.isalpha() and c.isascii()).upper()


# headings that stand for themselves (`CONCLUSION.`), as head_key reads them
_HEADING_KEYS = frozenset(head_key(word) for word in fr.HEADING_WORDS)


def edge_indexes(count: int) -> list[int]:
    """The indexes of the lines at a page's top and bottom edges, top first."""
    top = list(range(min(EDGE_LINES, count)))
    return top + [i for i in range(max(0, count - EDGE_LINES), count) if i not in top]


def edge_lines(pages: Sequence[Sequence[Line]], width: int) -> list[_EdgeLine]:
    found = []
    for page, lines in enumerate(pages):
        if len(lines) < 3:
            continue  # a page of a line or two (a title, a plate): nothing to tell apart
        deep = range(EDGE_LINES, min(DEEP_TOP, len(lines) - EDGE_LINES))
        for index in [*edge_indexes(len(lines)), *deep]:
            text = lines[index].text.strip()
            if whole_numeral(text) is not None:
                continue
            if index not in deep and _continues_text(lines, index):
                continue
            if 0 < index < EDGE_LINES and _ends_broken_word(lines[index - 1]):
                continue  # the line above broke a word into this one: text, not a head
            if index >= EDGE_LINES and _note_body(text):
                continue
            numeral, rest = numeral_at_edge(text)
            if index in deep and (numeral is None or not is_capitals(rest)):
                continue  # below a page's top lines, only a head in capitals with a number
            garbled = garbled_at_edge(text) if numeral is None else None
            if garbled is not None:
                rest = garbled[1]
            if len(rest.split()) > MAX_HEAD_WORDS:  # a verse's refrain, not a head
                continue
            long = not _head_length(rest, width)
            if long and not (_topmost(lines, index) and len(" ".join(rest.split())) <= width):
                continue
            key = head_key(rest)
            if len(key) >= 3:
                words = tuple(_word_key(word) for word in rest.split())
                top = index < EDGE_LINES or index in deep
                line = _EdgeLine(page, index, top, key, numeral, words, bool(garbled))
                found.append(replace(line, deep=index in deep, long=long))
    return found


def _topmost(lines: Sequence[Line], index: int) -> bool:
    """A page's first line, or its second under a page number standing alone (OCR may
    misread it: `— 7S —`, a short line with a digit)."""
    if index != 1:
        return index == 0
    above = lines[0].text.strip()
    return whole_numeral(above) is not None or (len(above) <= 9 and any(c.isdigit() for c in above))


def _head_length(head: str, width: int) -> bool:
    """Whether a head's words, its page number aside, are short enough to be a running
    head: a head set at one end of the measure and its number at the other
    (`334    LE PARFAIT`) is as short as its words; a head in capitals, which no line of
    text is, may fill a narrow measure."""
    set_text = " ".join(head.split())
    if len(set_text) > MAX_HEAD:
        return False
    share = 1.0 if is_capitals(head) else MAX_HEAD_SHARE
    return not width or len(set_text) <= share * width


def _word_key(word: str) -> str:
    stripped = word.strip(".,;:()[]-–—")
    return stripped if numeral_value(stripped) is not None else head_key(word)


def _numbered_apart(a: _EdgeLine, b: _EdgeLine) -> bool:
    """Whether two lines are the same words but for their numbers (`CHAPITRE IX`,
    `CHAPITRE XI`): the headings of two divisions, not one running head."""
    if len(a.words) != len(b.words) or a.words == b.words:
        return False
    apart = [(x, y) for x, y in zip(a.words, b.words) if x != y]
    return all(
        numeral_value(x) is not None
        and numeral_value(y) is not None
        and numeral_value(x) != numeral_value(y)
        for x, y in apart
    )


def recurrence(lines: list[_EdgeLine]) -> dict[_EdgeLine, list[_EdgeLine]]:
    """For each edge line, the other edge lines nearby like it (OCR may read a running head
    last, after the page's text: recurrence is counted across edges)."""
    by_page: dict[int, list[_EdgeLine]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    fellows: dict[_EdgeLine, list[_EdgeLine]] = {line: [] for line in lines}
    for line in lines:
        for other_page in range(line.page + 1, line.page + WINDOW + 1):
            for other in by_page.get(other_page, ()):
                if openings.alike(line.key, other.key) and not _numbered_apart(line, other):
                    fellows[line].append(other)
                    fellows[other].append(line)
    return fellows


def _note_body(text: str) -> bool:
    """A foot line that reads as a note, its label and a sentence (`¹ Ibid.`, `(2) Voir
    plus haut.`): a note that recurs from page to page is no running foot. A head that OCR
    read last, its number first, is in capitals (`142 HISTOIRE DU SOUDAN`)."""
    found = parse_label(text)
    return found is not None and not is_capitals(found[1])


def is_capitals(key_source: str) -> bool:
    letters = [c for c in key_source if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


def running_lines(
    pages: Sequence[Sequence[Line]],
    lines: list[_EdgeLine],
    recurring: dict[_EdgeLine, list[_EdgeLine]],
    numbers: list[PageNumber | None],
) -> dict[tuple[int, int], str]:
    """The running heads and feet: {(page, line index): "header" or "footer"}."""
    found: dict[tuple[int, int], str] = {}
    titles: set[tuple[int, int]] = set()  # a division's title on its opening page
    for line in lines:
        fellows = recurring[line]
        if line.index == 1 and line.top and _below_heading(pages[line.page], found, line.page):
            continue
        text = pages[line.page][line.index].text
        if fellows and openings.names_its_division(
            text, [pages[f.page][f.index].text for f in fellows]
        ):
            titles.add((line.page, line.index))  # `Chapitre VII. Peut-être` / `PEUT-ÊTRE`
            continue
        if not _is_running(line, fellows, pages, numbers[line.page]):
            if fellows and line.top and not (line.numeral or line.unread or line.long):
                titles.add((line.page, line.index))  # _title_alone: the title the heads repeat
            continue
        if line.deep and len({fellow.page for fellow in fellows if fellow.top}) < 2:
            continue  # a head below the top lines recurs at the top of two pages nearby
        tops = sum(fellow.top for fellow in fellows) + line.top
        # a running head that OCR read after the page's text is still a head
        found[(line.page, line.index)] = "header" if tops * 2 > len(fellows) + 1 else "footer"
    titles |= _opening_titles(pages, lines, recurring, found)
    for title in titles:
        found.pop(title, None)
    _between_heads(pages, lines, found, titles)
    return found


def _opening_titles(
    pages: Sequence[Sequence[Line]],
    lines: list[_EdgeLine],
    recurring: dict[_EdgeLine, list[_EdgeLine]],
    found: dict[tuple[int, int], str],
) -> set[tuple[int, int]]:
    """The lines taken for heads that are a division's title on its opening page
    (openings.py): below the page's running head, or the first of a new run of heads."""
    heads = sorted(
        (line for line in lines if found.get((line.page, line.index)) == "header"),
        key=lambda line: (line.page, line.index),
    )
    head_keys: dict[int, str] = {}
    for line in heads:
        head_keys.setdefault(line.page, line.key)  # the page's topmost head
    titles = set()
    for line in (line for line in heads if line.top):
        if openings.under_a_head(line.index, line.page, found):
            below = not openings.alike(head_keys[line.page], line.key)  # one head per page top
        else:
            others = {p: k for p, k in head_keys.items() if p != line.page}
            fellows = [fellow.page for fellow in recurring[line]]
            below_it = pages[line.page][line.index + 1 :]
            printed = any(openings.alike(line.key, head_key(o.text)) for o in below_it)
            printed = printed or _printed_before(line, pages)
            below = not (line.numeral or line.unread) and openings.opens_new_run(
                line.page, line.key, fellows, others, printed
            )
        if below:
            titles.add((line.page, line.index))
    return titles


def _below_heading(lines: Sequence[Line], found: dict[tuple[int, int], str], page: int) -> bool:
    """Whether a page's second line stands below a heading that names a division
    (`CHAPITRE II.` above `LES VILLES NÈGRES.`, the title the running heads repeat on the
    chapter's later pages): a title, not a running head, which is the page's top line."""
    if (page, 0) in found:
        return False
    words = lines[0].text.strip().lower().split()
    return _names_division(lines[0].text) or words[:1] == ["§"]


def _is_running(
    line: _EdgeLine,
    fellows: list[_EdgeLine],
    pages: Sequence[Sequence[Line]],
    number: PageNumber | None,
) -> bool:
    """A line recurring on two other pages nearby; or on one, at the top or with a page
    number; or printed once, at the top, in capitals, with the page's own number."""
    if line.long:  # a line of text never recurs, whole, at the top of other pages
        text = pages[line.page][line.index].text
        same = [
            f for f in fellows if f.top and abs(len(f.key) - len(line.key)) * 10 <= len(line.key)
        ]
        return line.top and bool(same) and not _names_division(text)
    other_pages = {fellow.page for fellow in fellows}
    numbered = line.numeral is not None or any(fellow.numeral for fellow in fellows)
    if len(other_pages) >= 2 or (other_pages and (numbered or line.top or len(pages) <= 6)):
        return not (
            line.top and line.numeral is None and _title_alone(line, fellows, pages, number)
        )
    fits = (
        line.numeral is not None and number is not None and number.value in line.numeral.readings()
    )
    head = numeral_at_edge(pages[line.page][line.index].text.strip())[1]
    return line.top and fits and is_capitals(head)  # `ET LA   vii`: the numeral aside


def _between_heads(
    pages: Sequence[Sequence[Line]],
    lines: list[_EdgeLine],
    found: dict[tuple[int, int], str],
    titles: set[tuple[int, int]] = frozenset(),  # type: ignore[assignment]
) -> None:
    """A page's first line (under its number, if that stands alone above it), on a page
    whose neighbours have running heads, is its running head too: the verso's
    (`DISCOURS` / `PRÉLIMINAIRE.`) when heads alternate and one side's text is printed too
    seldom nearby to recur; or, at the document's first or last page, one neighbour only,
    a title printed on the pages before (a new chapter's, under its heading); or on the
    page after a division's opening page, which prints no head, the same side two pages
    back headed (a new chapter's title, printed once before the document ends). In
    capitals; in lower case only where the neighbours' heads are too and the line repeats
    a title printed before. Never a division's heading (`CHAPITRE IX`)."""
    headed = {page: index for (page, index), kind in found.items() if kind == "header"}
    keys = {page: _head_of(pages[page][index]) for page, index in headed.items()}
    for line in lines:
        page_lines = pages[line.page]
        if line.page in headed or (line.page, line.index) in found or line.long:
            continue
        if (line.page, line.index) in titles or openings.side_known(line.page, line.key, keys):
            continue
        if line.index != 0 and not (line.index == 1 and whole_numeral(page_lines[0].text)):
            continue
        text = page_lines[line.index].text.strip()
        rest = numeral_at_edge(text)[1]
        if openings.division_heading(text) or head_key(rest) in _HEADING_KEYS:
            continue  # a chapter's heading (`CHAPITRE IX`, `CONCLUSION.`) on its first page
        neighbours = {line.page - 1, line.page + 1} & set(range(len(pages)))
        # the page after a division's opening page (no head; headed before it): its side's
        # head if heads alternate; else a title printed before (`Chapitre XIII. Pas bien.`)
        after_opening = line.page - 1 not in headed and line.page - 2 in headed
        after_opening = after_opening and line.page + 1 in {*headed, len(pages)}
        alternating = after_opening and _alternate(pages, headed, line.page - 2)
        if not (neighbours <= headed.keys() or after_opening):
            continue
        if is_capitals(rest):
            sided = len(neighbours) == 2 or alternating
        else:
            heads = [pages[p][headed[p]].text for p in neighbours & headed.keys()]
            sided = len(heads) == 2 and not any(is_capitals(head) for head in heads)
            sided = sided and len(line.key) >= 6 and _printed_before(line, pages)
        if sided or (is_capitals(rest) and _printed_before(line, pages)):
            found[(line.page, line.index)] = "header"


def _alternate(pages: Sequence[Sequence[Line]], headed: dict[int, int], page: int) -> bool:
    """Whether a page and the one before it carry running heads of two texts (verso and
    recto): then a page two further on is on this page's side. Heads the same on every
    page tell no side (and the page after a one-page chapter opens the next)."""
    if page not in headed or page - 1 not in headed:
        return False
    a, b = (_head_of(pages[p][headed[p]]) for p in (page - 1, page))
    return not openings.alike(a, b)


def _head_of(line: Line) -> str:
    return head_key(numeral_at_edge(line.text.strip())[1])


def _names_division(text: str) -> bool:
    """Whether a line opens with a division's word (`CHAPITRE`, `LIVRE`)."""
    words = text.split()
    return bool(words) and words[0].strip(".,:").lower() in fr.DIVISION_WORDS


def _printed_before(line: _EdgeLine, pages: Sequence[Sequence[Line]]) -> bool:
    """Whether a line's text was printed on one of the pages before it, in their text (a
    chapter's title that the running heads repeat, after its number: `Chapitre XIII. Pas
    bien.` for `PAS BIEN`)."""
    for page in range(max(0, line.page - WINDOW), line.page):
        for other in pages[page]:
            if openings.alike(line.key, head_key(openings.title_of(other.text))):
                return True
    return False


def _continues_text(lines: Sequence[Line], index: int) -> bool:
    """Whether a page's last lines carry on the sentence above them, set solid: the end of
    a note or a paragraph (`l'avant-propos.`), not a running foot."""
    if index < EDGE_LINES or lines[index].blank_before:
        return False
    return not ends_sentence(lines[index - 1].text)


def _ends_broken_word(line: Line) -> bool:
    """Whether a line ends in a word a hyphen breaks (`aujourd'hui-`, `dévelop-`): the
    next line, set solid under it, carries the word on."""
    words = line.text.split()
    return bool(words) and len(words[-1]) > 1 and words[-1][-1] in "-¬" and words[-1][-2].isalpha()


def _title_alone(
    line: _EdgeLine,
    fellows: list[_EdgeLine],
    pages: Sequence[Sequence[Line]],
    number: PageNumber | None,
) -> bool:
    """Whether a line like the running heads is the title they repeat, on the first page
    of its section (`AVANT-PROPOS.` above the text): its fellows carry the page number,
    this page prints none, and the line holds the title
    alone, without even a misread numeral beside it (`| v11} AVANT-PROPOS.` is a head)."""
    numbered = [fellow for fellow in fellows if fellow.numeral is not None]
    if len(numbered) * 2 <= len(fellows):
        return False
    words = sorted(len(pages[f.page][f.index].text.split()) for f in numbered)
    return len(pages[line.page][line.index].text.split()) < words[len(words) // 2]
