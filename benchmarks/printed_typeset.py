"""Novels printed as OCR pages: passages of public-domain text typeset as plain-text pages
(form feeds between pages, as Tesseract's tesseract.txt) in a style drawn at random over
issue 17's conventions, with the structure entry of each page (docs/layout.md, "The
structure files") taken from what was printed, and an OCR-noise channel for a noisy
variant of the same layout. Used by benchmarks/printed_pages.py; no fixed text: every
heading, note, date line and signature is made of the source's words.
"""

from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field
from pathlib import Path

# --- the conventions (one registry per kind; a document's STYLE draws one of each) ---------

SPACINGS = ("single", "double", "blank")  # blank: a blank line between paragraphs only
RUNNING_HEADS = ("none", "same", "alternate")
NUMBER_PLACES = ("head", "top", "bottom")  # at the running head's outer end, or a line
NUMBER_FORMS = {"plain": "{}", "emdash": "— {} —", "dash": "- {} -", "bracket": "[{}]"}
HEADINGS = ("chapitre", "titled", "roman", "section", "capitals", "multiline")
CALLS = ("glued", "paren", "bracket", "super", "symbol", "letter")
NUMBERINGS = ("through", "page")
QUOTES = ("french", "tight", "straight", "english", "single")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SYMBOLS = ("*", "**", "†", "‡", "***", "††")
LETTERS = "abcdefghij"
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def roman(value: int, final_j: bool = False) -> str:
    out = ""
    for number, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while value >= number:
            out, value = out + letters, value - number
    return out[:-1] + "j" if final_j and out.endswith("i") and len(out) > 1 else out


@dataclass
class Style:
    """One document's conventions."""

    measure: int
    lines: int  # lines a page holds, everything counted
    spacing: str
    indent: bool
    hyphenate: float  # share of overlong words cut at the line end
    running_head: str
    head_texts: tuple[str, str]
    head_caps: bool
    number_place: str
    number_form: str
    centred: bool
    front_matter: int  # pages numbered in roman before the arabic ones
    final_j: bool
    first_number: int
    opening_head: bool  # the running head printed on a chapter's opening page
    heading: str
    call: str
    numbering: str
    call_space: bool  # "mot (1)" rather than "mot(1)"
    note_blank: bool
    note_rule: bool
    quote: str

    def key(self) -> dict[str, str]:
        """The conventions the benchmark breaks its figures down by."""
        number = "roman+" + self.number_form if self.front_matter else self.number_form
        return {
            "spacing": self.spacing + ("+indent" if self.indent else ""),
            "running_head": self.running_head
            + ("" if self.head_caps or self.running_head == "none" else "+lower"),
            "page_number": f"{number}@{self.number_place}",
            "heading": self.heading,
            "call": self.call,
            "numbering": self.numbering,
            "notes_foot": ("blank" if self.note_blank else "tight")
            + ("+rule" if self.note_rule else ""),
            "quote": self.quote,
        }


def draw_style(rng: random.Random, words: list[str], title: str, author: str) -> Style:
    spacing = rng.choice(SPACINGS)
    call = rng.choice(CALLS)
    numbering = "page" if call in ("symbol", "letter") else rng.choice(NUMBERINGS)
    front = rng.choice((0, 0, 0, rng.randint(2, 5)))
    heads = rng.choice(((author, title), (title, "")))  # "" : the chapter's title
    return Style(
        measure=rng.randint(40, 75),
        lines=rng.randint(28, 42) * (2 if spacing == "double" else 1),
        spacing=spacing,
        indent=spacing != "blank" or rng.random() < 0.5,
        hyphenate=rng.choice((0.0, 0.5, 0.9)),
        running_head=rng.choice(RUNNING_HEADS),
        head_texts=heads,
        head_caps=rng.random() < 0.6,
        number_place=rng.choice(NUMBER_PLACES),
        number_form=rng.choice(tuple(NUMBER_FORMS)),
        centred=rng.random() < 0.6,
        front_matter=front,
        final_j=rng.random() < 0.5,
        first_number=rng.randint(1, 400),
        opening_head=rng.random() < 0.5,
        heading=rng.choice(HEADINGS),
        call=call,
        numbering=numbering,
        call_space=call in ("paren", "bracket", "symbol") and rng.random() < 0.5,
        note_blank=rng.random() < 0.5,
        note_rule=rng.random() < 0.5,
        quote=rng.choice(QUOTES),
    )


# --- the source -----------------------------------------------------------------------------

_PROSE_END = re.compile(r"[.!?…»:;)\]]$")


def novels(path: Path) -> list[list[str]]:
    """The corpus's novels (an empty line between two), each a list of paragraphs; headings
    and other display lines of the source (short, no final punctuation, or in capitals)
    are left out: the typesetter prints its own; a line that starts in lower case goes on
    the paragraph before it."""
    import gzip

    out: list[list[str]] = [[]]
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for raw in handle:
            if raw == "\n":
                if out[-1]:
                    out.append([])
                continue
            line = " ".join(raw.split())
            if line[:1].islower() and out[-1] and is_prose(line):
                out[-1][-1] += " " + line  # the source broke a paragraph (at a page end)
            elif line and is_prose(line):
                out[-1].append(line)
    return [n for n in out if len(n) > 200]


def is_prose(line: str) -> bool:
    return bool(_PROSE_END.search(line)) and not line.isupper() and len(line.split()) >= 2


# --- blocks: what is printed, before it is set in lines ------------------------------------


@dataclass
class Call:
    note: int  # index of the note in the document


@dataclass
class Block:
    kind: str  # "heading", "p" (any paragraph, short ones too), "neutral"
    words: list[str | Call]  # a heading: its lines joined by "\n" words
    first: str = ""  # the structure's text: a heading's, a paragraph's first words
    quote: str = ""  # the first words of a quotation that starts in this block
    quote_open: str = ""  # the word that opens it, with its mark
    centred: bool = False
    chapter: str = ""  # a heading: the title a running head may print


@dataclass
class NoteText:
    body: str
    before: str = ""  # the words just before its call


def _sentences(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        for s in re.split(r"(?<=[.!?])\s+", p):
            s = s.strip(" «»—-\"'")
            if 4 <= len(s.split()) <= 30 and s[:1].isupper() and "«" not in s and "»" not in s:
                out.append(s)
    return out


def _names(paragraphs: list[str]) -> list[str]:
    names = {
        w.strip(".,;:!?»«()")
        for p in paragraphs
        for w in p.split()[1:]
        if w[:1].isupper() and w[1:].islower() and len(w) > 3
    }
    return sorted(n for n in names if n.isalpha()) or ["Durand", "Lyon"]


def compose(paragraphs: list[str], style: Style, rng: random.Random, target: int):
    """Blocks and notes of a document of about `target` characters of paragraphs."""
    sentences = _sentences(paragraphs[:400]) or ["Voir plus haut la page citée."]
    names = _names(paragraphs[:400])
    blocks: list[Block] = []
    notes: list[NoteText] = []
    chapter = rng.randint(1, 12)
    size = 0
    i = rng.randrange(max(1, len(paragraphs) - 300))

    def title_words(n: int) -> str:
        s = rng.choice(sentences).rstrip(".!?…").split()
        start = rng.randrange(max(1, len(s) - n))
        t = " ".join(w.strip(",;:«»—()") for w in s[start : start + n] if w.strip(",;:«»—()"))
        return t[:1].upper() + t[1:]

    def heading() -> None:
        nonlocal chapter
        chapter += 1
        r = roman(chapter).upper()
        t = title_words(rng.randint(2, 6))
        form = style.heading
        if form == "chapitre":
            lines = [f"CHAPITRE {r}"] + ([t.upper()] if rng.random() < 0.5 else [])
        elif form == "titled":
            lines = [f"Chapitre {r}. {t}."]
        elif form == "roman":
            lines = [r]
        elif form == "section":
            lines = [f"§ {chapter}."] + ([f"{t}."] if rng.random() < 0.5 else [])
        elif form == "capitals":
            lines = [t.upper() + rng.choice(("", "."))]
        else:  # multiline: a title over two or three lines
            ws = title_words(rng.randint(6, 11)).split()
            parts = rng.randint(2, 3)
            cuts = [round(len(ws) * k / parts) for k in range(parts + 1)]
            lines = [" ".join(ws[a:b]) for a, b in itertools.pairwise(cuts) if b > a]
            lines = [x.upper() for x in lines] if rng.random() < 0.5 else lines
        text = " ".join(lines)
        blocks.append(Block("heading", ["\n".join(lines)], text, centred=True, chapter=t))
        if rng.random() < 0.25:
            byline = f"PAR M. {rng.choice(names).upper()}."
            blocks.append(Block("neutral", [byline], byline, centred=True))

    def short() -> None:
        kind = rng.choice(("date", "place", "signature", "list"))
        if kind == "date":
            month = rng.choice(MONTHS.split())
            text = f"{rng.choice(names)}, le {rng.randint(1, 28)} {month} 18{rng.randint(10, 99)}."
            blocks.append(Block("p", text.split(), " ".join(text.split()[:5])))
        elif kind == "place":
            text = f"{rng.choice(('Au château de', 'À', 'Près de'))} {rng.choice(names)}."
            blocks.append(Block("p", text.split(), " ".join(text.split()[:5])))
        elif kind == "signature":
            text = f"{rng.choice(names)} {rng.choice(names).upper()}."
            blocks.append(Block("p", text.split(), text, centred=rng.random() < 0.5))  # short
        else:
            for k in range(1, rng.randint(2, 4) + 1):
                text = f"{k}° {title_words(rng.randint(3, 9))}{rng.choice((';', '.', ','))}"
                blocks.append(Block("p", text.split(), " ".join(text.split()[:5])))

    def call_in(ws: list[str | Call], nwords: int) -> None:
        """A note call after a word of the paragraph (not among its first words)."""
        if nwords < 8:
            return
        at = rng.randrange(5, nwords)
        pos = [k for k, w in enumerate(ws) if isinstance(w, str)][at]
        plain: list[str] = []
        for w in reversed(ws[: pos + 1]):
            if not isinstance(w, str) or len(plain) == 4:
                break
            plain.insert(0, w)
        if len(plain) < 3 or any(isinstance(w, Call) for w in ws[pos + 1 : pos + 6]):
            return  # too near another call
        note = len(notes)
        if rng.random() < 0.5:
            body = rng.choice(sentences)
        else:
            body = (
                f"{rng.choice(names)}, {title_words(rng.randint(2, 5))}, "
                f"t. {roman(rng.randint(1, 4)).upper()}, p. {rng.randint(2, 480)}."
            )
            if rng.random() < 0.3:
                body += " " + " ".join(rng.choice(sentences) for _ in range(2))
        notes.append(NoteText(body, " ".join(plain)))
        ws.insert(pos + 1, Call(note))

    heading()
    while size < target and i < len(paragraphs):
        if blocks and rng.random() < 0.04:
            heading()
        if rng.random() < 0.07:
            short()
        text = paragraphs[i]
        quote = opening_word = ""
        group = [text]
        marked = any(c in text for c in '«»"“”‘’')
        if rng.random() < 0.07 and not any(c in "".join(paragraphs[i : i + 3]) for c in "«»"):
            if style.quote == "french":
                group = paragraphs[i : i + rng.randint(2, 3)]
                i += len(group) - 1
                group = [f"« {g}" for g in group]
                group[-1] += " »"
                quote = " ".join(group[0].split()[1:5])
                opening_word = "«"
            else:
                ws = text.split()
                if len(ws) > 10 and not marked:
                    a = rng.randrange(0, len(ws) - 6)
                    b = min(len(ws) - 1, a + rng.randint(4, 14))
                    opening, closing = {
                        "tight": ("«", "»"),
                        "straight": ('"', '"'),
                        "english": ("“", "”"),
                        "single": ("‘", "’"),
                    }[style.quote]
                    ws[a] = opening + ws[a][:1].upper() + ws[a][1:]
                    ws[b] = ws[b] + closing
                    quote = " ".join(ws[a : a + 4])
                    opening_word = ws[a]
                    group = [" ".join(ws)]
        i += 1
        for k, g in enumerate(group):
            ws: list[str | Call] = list(g.split())
            nwords = len(ws)
            for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
                call_in(ws, nwords)
            first = " ".join(w for w in ws[:5] if isinstance(w, str))
            opens = (quote, opening_word) if k == 0 else ("", "")
            blocks.append(Block("p", ws, first, *opens))
            size += len(g)
    return blocks, notes


# --- lines and pages ----------------------------------------------------------------------


@dataclass
class Line:
    parts: list[str | Call]  # words and calls, as set
    indent: int = 0
    starts: Block | None = None  # the block that starts on this line
    quote: str = ""  # a quotation that starts on this line
    blank: bool = False


_VOWELS = "aeiouyéèêëàâîïôûùœæ"
_ONSETS = {"ch", "ph", "th", "gn", "bl", "br", "cl", "cr", "dr", "fl", "fr", "gl", "gr"}
_ONSETS |= {"pl", "pr", "tr", "vr"}


def _cut(word: str, room: int) -> tuple[str, str] | None:
    """A word cut before a syllable (V-CV, VC-CV, not inside ch, bl, tr...) so that its
    first part and a hyphen fit in `room` characters."""
    if not word.isalpha() or len(word) < 7:
        return None
    w = word.lower()
    for at in range(min(room - 1, len(word) - 3), 2, -1):
        if w[at] in _VOWELS or w[at + 1] not in _VOWELS:
            continue
        if w[at - 1] in _VOWELS or (w[at - 2] in _VOWELS and w[at - 1 : at + 1] not in _ONSETS):
            return word[:at] + "-", word[at:]
    return None


def set_lines(blocks: list[Block], style: Style, rng: random.Random, mark_width: int) -> list[Line]:
    """The blocks set in lines of the measure (calls counted `mark_width` wide)."""
    out: list[Line] = []
    for block in blocks:
        if block.kind != "p" or block.centred:
            lines = str(block.words[0]).split("\n") if block.kind != "p" else [block.first]
            if block.kind == "heading" and out:
                out.append(Line([], blank=True))
            for k, text in enumerate(lines):
                pad = max(0, (style.measure - len(text)) // 2)
                out.append(Line([text], pad, block if k == 0 else None))
            out.append(Line([], blank=True))
            continue
        if style.spacing == "blank" and out and not out[-1].blank:
            out.append(Line([], blank=True))
        indent = 3 if style.indent else 0
        line = Line([], indent, block)
        width = indent
        queue = list(block.words)
        opened = not block.quote
        while queue:
            w = queue.pop(0)
            size = mark_width if isinstance(w, Call) else len(w) + (1 if line.parts else 0)
            glued = isinstance(w, Call) or not any(c.isalnum() or c in "«—–" for c in w)
            fits = glued or width + size <= style.measure or not line.parts
            cut = None
            if not fits and rng.random() < style.hyphenate:
                cut = _cut(w, style.measure - width - 1)
            part = w if fits else cut[0] if cut else None
            if not opened and isinstance(part, str) and part[:1] == block.quote_open[:1]:
                opened = True  # the word that opens the quotation, or its first part
                line.quote = block.quote
            if fits:
                line.parts.append(w)
                width += size
                continue
            if cut:
                line.parts.append(cut[0])
                queue.insert(0, cut[1])
            else:
                queue.insert(0, w)
            out.append(line)
            line, width = Line([]), 0
        out.append(line)
    if style.spacing == "double":
        spaced: list[Line] = []
        for line in out:
            if not line.blank:
                spaced += [line, Line([], blank=True)]
        out = spaced
    return out


@dataclass
class Page:
    lines: list[Line] = field(default_factory=list)
    notes: list[tuple[int, list[str], bool]] = field(default_factory=list)  # note, lines, cont.
    opening: bool = False  # a chapter opens on it


def _note_lines(text: str, measure: int) -> list[str]:
    out, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > measure:
            out.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    return out + [line]


def paginate(lines: list[Line], notes: list[NoteText], style: Style, rng: random.Random):
    room = style.lines - 4  # running head or number, its blank line, a margin
    pages = [Page()]
    carried: list[str] = []

    def used(page: Page) -> int:
        foot = sum(len(x[1]) for x in page.notes)
        return len(page.lines) + foot + (bool(foot) * (style.note_blank + style.note_rule))

    for line in lines:
        page = pages[-1]
        if line.blank and not page.lines:
            continue
        if (
            line.starts is not None
            and line.starts.kind == "heading"
            and page.lines
            and rng.random() < 0.5
        ):
            pages.append(Page())
            page = pages[-1]
        if carried and not page.notes:
            page.notes.append((-1, carried, True))
            carried = []
        called = [p.note for p in line.parts if isinstance(p, Call)]
        need = 1 + sum(len(_note_lines(notes[n].body, style.measure)) + 0 for n in called)
        extra = (style.note_blank + style.note_rule) if called and not page.notes else 0
        if used(page) + need + extra > room and page.lines:
            left = room - used(page) - 1 - extra
            body = _note_lines(notes[called[-1]].body, style.measure) if called else []
            first_need = sum(len(_note_lines(notes[n].body, style.measure)) for n in called[:-1])
            if len(called) and len(body) >= 3 and 2 <= left - first_need < len(body):
                cut = left - first_need
                page.lines.append(line)
                for n in called[:-1]:
                    page.notes.append((n, _note_lines(notes[n].body, style.measure), False))
                page.notes.append((called[-1], body[:cut], False))
                carried = body[cut:]
                pages.append(Page())
                continue
            pages.append(Page())
            page = pages[-1]
            if carried:
                page.notes.append((-1, carried, True))
                carried = []
            if line.blank:
                continue
        if line.starts is not None and line.starts.kind == "heading":
            page.opening = page.opening or not page.lines
        page.lines.append(line)
        for n in called:
            page.notes.append((n, _note_lines(notes[n].body, style.measure), False))
    if carried:
        pages.append(Page(notes=[(-1, carried, True)]))
    while pages and not pages[-1].lines and not pages[-1].notes:
        pages.pop()
    return pages


# --- printing --------------------------------------------------------------------------------


@dataclass
class Document:
    name: str
    style: Style
    clean: str
    noisy: str
    structure: dict


class Noise:
    """The OCR-noise channel: letter confusions (teiforge's learned table when given, else
    classic ones), lost accents, misread calls, guillemets and page numbers, broken words."""

    CLASSIC = (("e", "c"), ("m", "rn"), ("l", "1"), ("l", "I"), ("n", "u"), ("u", "n"))
    ACCENTS = str.maketrans("éèêàùûôîç", "eeeauuoic")

    def __init__(self, rng: random.Random, confusions: list[tuple[str, str]] | None = None):
        self.rng = rng
        self.pairs = [*(confusions or []), *self.CLASSIC]

    def word(self, w: str, rate: float = 0.2) -> str:
        r = self.rng
        if r.random() < rate:
            a, b = r.choice(self.pairs)
            if a in w:
                w = w.replace(a, b, 1)
        if r.random() < rate / 2:
            w = w.translate(self.ACCENTS)
        if len(w) > 6 and r.random() < rate / 5:
            at = r.randrange(2, len(w) - 2)
            w = w[:at] + " " + w[at:]
        if ("«" in w or "»" in w) and r.random() < 0.3:
            w = w.replace("«", r.choice(("<", "«<", "«"))).replace("»", r.choice(("))", "n")))
        return w

    def call(self, mark: str) -> str:
        r = self.rng
        if r.random() < 0.03:
            return ""
        if any(c in "¹²³⁴⁵⁶⁷⁸⁹⁰" for c in mark) and r.random() < 0.4:
            plain = mark.translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789"))
            return r.choice((plain, "'", "°")) if len(plain) == 1 else plain
        if mark.startswith("(") and r.random() < 0.2:
            return "(" + r.choice(("4", "l", "I")) + ")" if mark == "(1)" else mark
        return mark

    def number(self, text: str) -> str:
        if self.rng.random() < 0.1:
            return text.translate(str.maketrans("1056", "lOS8"))
        return text


def _mark(style: Style, number: int) -> tuple[str, str]:
    """The call as printed in the text and its label at the page foot."""
    if style.call == "symbol":
        s = SYMBOLS[(number - 1) % len(SYMBOLS)]
        return s, s
    if style.call == "letter":
        s = LETTERS[(number - 1) % len(LETTERS)]
        return f"({s})", f"({s})"
    d = str(number)
    return {
        "glued": (d, d),
        "paren": (f"({d})", f"({d})"),
        "bracket": (f"[{d}]", f"[{d}]"),
        "super": (d.translate(SUPERSCRIPT), d.translate(SUPERSCRIPT)),
    }[style.call]


def _call_value(style: Style, number: int) -> str:
    if style.call == "symbol":
        return SYMBOLS[(number - 1) % len(SYMBOLS)]
    if style.call == "letter":
        return LETTERS[(number - 1) % len(LETTERS)]
    return str(number)


def typeset(
    name: str,
    paragraphs: list[str],
    title: str,
    author: str,
    rng: random.Random,
    split: str,
    confusions: list[tuple[str, str]] | None = None,
    pages_wanted: int | None = None,
    style: Style | None = None,
) -> Document:
    words = [w for p in paragraphs[:20] for w in p.split()]
    drawn = draw_style(rng, words, title, author)
    style = style or drawn
    wanted = pages_wanted or rng.randint(8, 20)
    per_page = (style.lines - 6) * style.measure * (0.5 if style.spacing == "double" else 0.85)
    blocks, notes = compose(paragraphs, style, rng, int(wanted * per_page * 1.3))
    start = style.first_number if style.numbering == "through" and style.call == "glued" else 1
    if style.call == "glued" and style.numbering == "through" and rng.random() < 0.3:
        start = rng.randint(90, 480)  # a passage late in a book: calls of three digits
    width = len(_mark(style, start + len(notes))[0]) + style.call_space
    lines = set_lines(blocks, style, rng, width)
    pages = paginate(lines, notes, style, rng)[:wanted]  # an excerpt: it may end mid-sentence
    noise = Noise(random.Random(rng.random()), confusions)
    clean, noisy, entries = [], [], []
    chapter = ""
    arabic = 1 if style.front_matter else style.first_number
    roman_start = rng.randint(3, 9)
    through = start
    for k, page in enumerate(pages):
        if k < style.front_matter:
            value = roman_start + k
            digits = roman(value, style.final_j)
        else:
            value = arabic + k - style.front_matter
            digits = str(value)
        printed = NUMBER_FORMS[style.number_form].format(digits)
        opening_block = next(
            (ln.starts for ln in page.lines if ln.starts and ln.starts.kind == "heading"), None
        )
        if opening_block is not None and page.opening:
            chapter = opening_block.chapter
        head = None
        if style.running_head != "none" and (style.opening_head or not page.opening):
            a, b = style.head_texts
            b = b or chapter or a
            use_b = style.running_head == "same" or value % 2
            head = b if use_b else a
            head = head.upper() if style.head_caps else head
            if not head or (page.opening and use_b and not style.head_texts[1]):
                head = None  # a chapter's title is not repeated above its own heading
        # the calls of this page
        numbers: dict[int, int] = {}
        for ln in page.lines:
            for p in ln.parts:
                if isinstance(p, Call):
                    if style.numbering == "page":
                        numbers[p.note] = len(numbers) + 1
                    else:
                        numbers[p.note] = through
                        through += 1
        for variant, out in ((None, clean), (noise, noisy)):
            rows: list[str] = []
            num = printed if variant is None else variant.number(printed)

            def centred(text: str) -> str:
                return " " * max(0, (style.measure - len(text)) // 2) + text

            top = None
            if head is not None:
                h = (
                    head
                    if variant is None
                    else " ".join(variant.word(w, 0.1) for w in head.split())
                )
                if style.number_place == "head":
                    gap = " " * max(4, style.measure - len(h) - len(num))
                    top = f"{num}{gap}{h}" if value % 2 == 0 else f"{h}{gap}{num}"
                else:
                    top = centred(h)
            elif style.number_place in ("head", "top"):
                top = centred(num) if style.centred else num
            if top is not None:
                rows += [top, ""]
            if head is not None and style.number_place == "top":
                rows[0:0] = [centred(num) if style.centred else num]
            for ln in page.lines:
                if ln.blank:
                    rows.append("")
                    continue
                text = ""
                for p in ln.parts:
                    if isinstance(p, Call):
                        mark = _mark(style, numbers[p.note])[0]
                        mark = mark if variant is None else variant.call(mark)
                        text += (" " if style.call_space else "") + mark
                    else:
                        w = p if variant is None else variant.word(p)
                        text += (" " if text else "") + w
                rows.append(" " * ln.indent + text)
            if page.notes:
                if rows and rows[-1] != "" and style.note_blank:
                    rows.append("")
                if style.note_rule:
                    rows.append("_" * 12)
                for n, body, cont in page.notes:
                    for j, text in enumerate(body):
                        if variant is not None:
                            text = " ".join(variant.word(w) for w in text.split())
                        if j == 0 and not cont:
                            label = _mark(style, numbers[n])[1]
                            text = f"{label} {text}"
                        rows.append(text)
            if style.number_place == "bottom":
                rows += ["", centred(num) if style.centred else num]
            out.append("\n".join(rows) + "\n")
        entries.append(
            {
                "seq": f"{k + 1:03d}",
                "printed_number": {"printed": printed, "value": value},
                "running_head": head,
                "headings": [
                    ln.starts.first
                    for ln in page.lines
                    if ln.starts and ln.starts.kind == "heading"
                ],
                "neutral": [
                    ln.starts.first
                    for ln in page.lines
                    if ln.starts and ln.starts.kind == "neutral"
                ],
                "notes": [
                    {
                        "call": _call_value(style, numbers[n]) if not cont else "",
                        "before": notes[n].before if not cont else "",
                        "body": " ".join(" ".join(body).split()[:6]),
                        **({"continued": True} if cont else {}),
                    }
                    for n, body, cont in page.notes
                ],
                "paragraphs": [
                    ln.starts.first for ln in page.lines if ln.starts and ln.starts.kind == "p"
                ],
                "quotations": [ln.quote for ln in page.lines if ln.quote],
                "split": split,
            }
        )
    structure = {
        "book": name,
        "title": f"{author}, {title} (typeset by benchmarks/printed_typeset.py)",
        "conventions": style.key(),
        "source": f"{name}.txt",
        "page_count": len(pages),
        "pages": entries,
    }
    return Document(name, style, "\f".join(clean), "\f".join(noisy), structure)
