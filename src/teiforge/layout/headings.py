"""Headings: a short line, or two or three, that opens a division.

What makes a heading, in the order the rules are asked (the first that decides wins):
- never: a list item (`1° À mon amie`), a date line (`Paris, le 12 mars 1890.`), a
  signature (`J. DUPONT.`, `Jules FERRY.`), a byline (`PAR M. DUPONT.`), a speaker's
  turn (`M. X : ...`), a line that breaks off (`,` `;` `:` or a hyphen at its end) or
  fills the measure (its margins aside: a centred title does not; a line all in
  capitals may come near it);
- a roman numeral alone (`II`, `XIV.`) or a section sign and a number (`§ 3.`);
- a division word and its number (`Chapitre XIII. Premières tentatives.`, `ARTICLE
  PREMIER`, `Livre II`), with or without a full stop;
- an enumerator and a title (`II. Méthode`, `B. Les impasses`, `3.2 Résultats`); with a
  final full stop only after a roman numeral or a capital letter (`1. Voici une liste.`
  is a numbered paragraph);
- a heading word standing alone (`AVANT-PROPOS.`, `Introduction`);
- a line in capitals (capitals.py: `COUR DE CASSATION.`; not `RE CE`, what OCR makes of
  an ornament), unless a sentence runs on from it (`L'ANCIENNE FORÊT` / `appartient`);
- a short line set apart by blank lines above and below, or centred, neither a sentence
  nor a name (a centred title over lines, or one in capitals, is judged with its next
  line: `Qui les` / `faisait couler`, `CE N'EST` / `PAS FAIT POUR`; three short words in
  capitals, `À CE QUE JE TE.`); a roman numeral OCR garbled (`Il.`, `IT`, `11.`), set
  apart or centred.
A heading runs on to a second or third line: a numbered line to its title (centred, a
long one too, or any set solid under it with a blank line below), capitals to capitals
however short (`UN FROID` / `SEC ET`), a centred line to a centred line, a title to its
lowercase end. The style of its enumerator decides its level. Running heads are told
apart before (running_heads.py, openings.py); two chapters' headings alike but for their
numbers are no recurring running head (running_heads.py)."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..lang import fr
from ..lang.numerals import numeral_value
from ..model import Line
from .capitals import LONG_WORD, all_capitals, in_capitals, short_capital_words
from .measure import (
    carries_on_sentence,
    ends_sentence,
    is_full_width,
    is_noise,
    starts_lowercase,
)

_ENUMERATOR = re.compile(
    r"^(?P<enum>(?:[IVX]{1,5}|[A-L]|\d{1,2}(?:\.\d{1,2}){0,3}|[a-h]))[.)]\s+(?P<title>\S.*)$"
)
_ROMAN_ALONE = re.compile(r"^(?P<enum>[IVXLC]{1,7})\.?$")
# What OCR makes of a lone `II.` or `III`: `Il.`, `IT.`, `11.`, `lI`, `1II` (a heading only
# where it stands apart or centred: alone, `11.` may be anything)
_GARBLED_ROMAN = re.compile(r"^(?=.*[Il1T])[IVXlT1]{2,5}\.?$")
# A number sign and a number (`N°. IV.`, `No 12`; OCR reads the raised o as `e` too:
# `Ne. IV.`, with a roman numeral only): an act's or an item's number, standing alone.
_NUMBER_SIGN = re.compile(
    r"^N[°ºo0]\.?\s*(?P<n>[IVXLC]{1,7}|\d{1,3})\.?$|^Ne\.?\s*(?P<r>[IVXLC]{1,7})\.?$"
)
_SECTION_SIGN = re.compile(r"^§\s*\d{1,3}\.?(?:\s+\S.*)?$")
_NAMED = re.compile(
    rf"^(?P<word>{'|'.join(fr.DIVISION_WORDS)})\s+"
    rf"(?P<number>[IVXLC]+|\d{{1,3}}|{'|'.join(fr.ORDINAL_WORDS)})\b\.?(?:\s*[.:—–-]?\s*\S.*)?$",
    re.IGNORECASE,
)
# A division word OCR garbled (`Chapiire XIII.`, `CHAPlTRE IV`): a word like one, and a
# roman numeral in capitals.
_GARBLED_NAMED = re.compile(
    r"^(?P<word>[^\W\d_]{5,10})\s+(?P<number>[IVXLC]+)\b\.?(?:\s*[.:—–-]?\s*\S.*)?$"
)
GARBLED_WORD = 0.8  # SequenceMatcher ratio from which a word is a division word misread
_SPEAKER = re.compile(r"^\S{1,8}\s*:")  # "M. X :" opens an interview turn, not a heading
_TITLE_WORD = re.compile(r"^[«“\"]?[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*[.,»”\"]?$")
_TITLELONG_WORD = re.compile(r"[^\W\d_]{5,}")
MAX_HEADING_LINES = 3
SHORT = 0.6  # of the measure: a title set apart is shorter than this
MAX_TITLE_WORDS = 12
SHORT_TITLE = 0.45  # of the measure, and at most so many words: `Du levain.`
MAX_SHORT_TITLE_WORDS = 7
CENTRED_INDENT = 0.12  # of the measure: a centred line is indented at least this much
CENTRED_SLACK = 0.15  # of the measure: how far from the middle a centred line may stand
CENTRED_MARGIN = 4  # spaces: a centred line leaves at least this much on either side


def _folded(text: str) -> str:
    return " ".join(text.lower().rstrip(".").split())


def _named(text: str) -> tuple[str, str] | None:
    """A division word and its number at a line's start (`Chapitre XIII.`, OCR's
    `Chapiire XIII.` too): (the word, lowercase, as the language spells it; the number)."""
    named = _NAMED.match(text)
    if named is not None:
        return named.group("word").lower(), named.group("number")
    garbled = _GARBLED_NAMED.match(text)
    if garbled is None:
        return None
    word = garbled.group("word").lower()
    for division in fr.DIVISION_WORDS:
        if word[0] == division[0] and SequenceMatcher(None, word, division).ratio() >= GARBLED_WORD:
            return division, garbled.group("number")
    return None


def heading_style(text: str) -> str | None:
    """The style of the heading a line opens (its enumerator's kind, which decides its
    level), or None when the line alone does not make a heading."""
    text = text.strip()
    if not text or _never(text) or _breaks_off(text):
        return None
    if _ROMAN_ALONE.match(text) and numeral_value(text.rstrip(".")):
        return "roman"
    if _SECTION_SIGN.match(text):
        return "section"
    if _number_sign(text):
        return "number"
    named = _named(text)
    if named is not None:
        return "named:" + named[0]
    enumerated = _ENUMERATOR.match(text)
    if enumerated is not None:
        return _enumerated_style(enumerated.group("enum"), enumerated.group("title"), text)
    if _folded(text) in fr.HEADING_WORDS:
        return "unnumbered"
    if ends_sentence(text) and not text.endswith("."):
        return None
    if in_capitals(text):
        return "capitals"
    return None


def _number_sign(text: str) -> bool:
    """`N°. IV.`, `No 12`: a number sign and a number alone (a roman one a numeral)."""
    found = _NUMBER_SIGN.match(text)
    if found is None:
        return False
    number = found.group("n") or found.group("r")
    return number.isdigit() or bool(numeral_value(number))


def _never(text: str) -> bool:
    return bool(
        fr.LIST_ITEM.match(text)
        or fr.DATE_LINE.search(text)
        or fr.SIGNATURE_LINE.match(text)
        or fr.BYLINE.match(text)
        or _SPEAKER.match(text)
    )


def _breaks_off(text: str) -> bool:
    """A line that ends as no heading does: on a colon, a semicolon, a hyphen, or a comma
    (a title in capitals may end with one before its second line)."""
    if text.endswith(",") and in_capitals(text):
        return False
    return text.endswith((",", ";", ":", "-", "\u00ad", "¬"))


def _enumerated_style(enum: str, title: str, text: str) -> str | None:
    if not title[:1].isupper() or title.startswith(tuple(t + " " for t in fr.NAME_TITLES)):
        return None
    if re.fullmatch(r"[IVX]+", enum):
        style = "roman"
    elif enum[0].isdigit():
        style = f"digits.{enum.count('.')}" if "." in enum else "digits"
    else:
        style = "upper" if enum.isupper() else "lower"
    if ends_sentence(text) and (not text.endswith(".") or style not in ("roman", "upper")):
        return None  # `1. Voici une liste numérotée.` is a numbered paragraph
    return style


def indent(line: Line) -> int:
    return len(line.text) - len(line.text.lstrip(" "))


def is_centred(line: Line, width: int, least: float = CENTRED_INDENT) -> bool:
    """A line set in the middle of the measure, as titles are (where the OCR text keeps the
    print's spacing): indented by a good share of the measure (`least`), about as much as
    its end falls short of it."""
    left = indent(line)
    right = width - left - len(line.text.strip())
    return (
        left >= max(CENTRED_MARGIN, least * width)
        and right >= CENTRED_MARGIN
        and abs(left - right) <= max(3, CENTRED_SLACK * width)
    )


def _fills_measure(line: Line, width: int) -> bool:
    """A line as long as the measure, its margins aside (a centred title is not)."""
    return is_full_width(line, width) and not is_centred(line, width)


def is_heading_line(line: Line, width: int) -> bool:
    style = heading_style(line.text)
    if style is None:
        return False
    # a heading numbered in roman numerals, capitals or a division word may fill the
    # measure and run on; one numbered in digits that does is a numbered paragraph or note;
    # a title all in capitals may come near a narrow measure (no paragraph's line is in
    # capitals, and one that opens in them runs into its sentence: runs_into_sentence)
    wide = style in ("roman", "upper", "section") or style.startswith("named:")
    wide = wide or (style == "capitals" and all_capitals(line.text))
    return wide or not _fills_measure(line, width)


def runs_into_sentence(heading: list[Line], following: Line | None) -> bool:
    """A line in capitals that a sentence carries on below, unfinished (`L'ANCIENNE FORÊT
    DE L'ABBAYE` / `appartient à un riche propriétaire`): a paragraph's opening words set in
    capitals, not a title (a title's lowercase end, short, is taken into the heading)."""
    return (
        len(heading) == 1
        and following is not None
        and heading_style(heading[0].text) == "capitals"
        and not ends_sentence(heading[0].text)
        and starts_lowercase(following.text)
    )


def set_apart_style(
    previous: Line | None,
    line: Line,
    following: Line | None,
    width: int,
    extra: int,
    blank_marked: bool = True,
) -> str | None:
    """A short line set apart or centred, starting with a capital, that is neither a
    sentence nor a name (`Premières tentatives sur Jérusalem`): a title set on its own,
    centred in print ("unnumbered"); or a roman numeral OCR garbled (`Il.`, `IT`, `11.`),
    set apart or centred ("roman"). Set apart: between blank lines (beyond the page's
    `extra` spacing); in a text that never sets lines apart, between a finished sentence
    and the start of a new one. None when the line is no such title."""
    text = line.text.strip()
    centred = is_centred(line, width)
    if following is None and not centred:
        return None
    if blank_marked:
        apart = following is not None and min(line.blank_before, following.blank_before) > extra
    else:
        apart = (previous is None or ends_sentence(previous.text)) and (
            following is None or following.text.strip()[:1].isupper()
        )
    if not (apart or centred):
        return None
    if _GARBLED_ROMAN.match(text):
        return "roman"
    sentence = ends_sentence(text) and not all_capitals(text)  # `À CE QUE JE TE.` is none
    if not text[:1].isupper() or _never(text) or _breaks_off(text) or sentence:
        return None
    title = text  # with the next line of a centred title over lines (`Qui les` / `faisait`)
    if (
        following is not None
        and following.blank_before <= extra
        and not _never(following.text.strip())
        and (
            (centred and is_centred(following, width))
            # a title in capitals whose first line is short (`CE N'EST` / `PAS FAIT POUR`)
            or (all_capitals(text) and all_capitals(following.text))
        )
    ):
        title = f"{text} {following.text.strip()}"
    if title == text and following is not None and carries_on_sentence(following.text):
        return None  # a fragment whose sentence goes on below (`Vue caractér` / `les vieux`)
    words = title.split()
    if len(words) > MAX_TITLE_WORDS or len(text) > SHORT * width:
        return None
    long_word = LONG_WORD if all_capitals(title) else _TITLELONG_WORD  # `FAIT`, `POUR`
    worded = long_word.search(title) or short_capital_words(words)
    if not all(_TITLE_WORD.match(word) for word in words) or not worded:
        return None  # a verse, a reference, a garbled line: digits, brackets, no real word
    # `Jean Dupont` signs a letter: every word capitalised and no small word among them (a
    # name is signed on one line)
    named = all(w[:1].isupper() for w in words) and title == text  # `À CE QUE JE TE` is none
    named = named and not short_capital_words(words)
    return None if named and _folded(text) not in fr.HEADING_WORDS else "unnumbered"


def _bare_number(text: str) -> bool:
    """A heading line that holds only a number: `II`, `§ 3.`, `CHAPITRE XIII.`"""
    text = text.strip()
    named = _named(text)
    return bool(
        _ROMAN_ALONE.match(text)
        or re.fullmatch(r"§\s*\d{1,3}\.?", text)
        or _number_sign(text)
        or (named is not None and len(text.split()) <= 2)
    )


def heads_what_follows(line: Line, following: Line | None) -> bool:
    """A bare number (`II.`, `X`, `§ 3.`) heads what comes after it: a title or a
    paragraph, which hold words. Before stray marks (`=`, `%,`: what OCR reads from a
    stain or the gutter; measure.is_noise) a lone `X` is no heading. Any other heading
    passes."""
    return following is None or not _bare_number(line.text) or not is_noise(following.text)


def heading_continues(
    first: Line, line: Line, following: Line | None, width: int, extra: int = 0
) -> bool:
    """Whether `line` carries on the heading that `first` opens: its title after a bare
    number (`CHAPITRE XIII.` / `Premières tentatives`), capitals after capitals, or a
    lowercase end too long for the first line. `extra`: the page's own spacing."""
    text = line.text.strip()
    spacing = line.blank_before - extra
    if spacing > 1 or _never(text) or not text:
        return False
    if _breaks_off(first.text.strip()) and not first.text.rstrip().endswith(","):
        return False
    if heading_style(text) not in (None, "capitals"):
        return False  # a line that opens a numbered heading of its own (ARTICLE PREMIER)
    if _bare_number(first.text) and _titles_number(first, line, spacing, width):
        return True
    if _bare_number(first.text) and _one_block(line, following, spacing, extra):
        return True
    if _fills_measure(line, width):
        return False
    if all_capitals(first.text) and all_capitals(text) and LONG_WORD.search(first.text + text):
        return True  # `UN FROID` / `SEC ET` / `UN VENT`
    if is_centred(first, width) and spacing <= 0:
        # a centred title over lines (`Je connais` / `le brigadier`), or below its number
        # (a long one may come near the margins)
        if _bare_number(first.text) and text[:1].isupper() and is_centred(line, width, 0):
            return True
        if is_centred(line, width):
            return not ends_sentence(first.text)
    if _bare_number(first.text) and text[:1].isupper() and len(text) <= SHORT * width:
        # a title below its number: set solid it may end with a full stop; set apart by a
        # blank line, only a short one does (`Du levain.`): a sentence is the first paragraph
        if not ends_sentence(text):
            return True
        short = len(text) <= SHORT_TITLE * width and len(text.split()) <= MAX_SHORT_TITLE_WORDS
        return text.endswith(".") and (spacing <= 0 or short)
    if not starts_lowercase(text) or ends_sentence(text) or len(text) > 0.7 * width:
        return False
    return following is None or not starts_lowercase(following.text)


def _one_block(line: Line, following: Line | None, spacing: int, extra: int) -> bool:
    """A line set solid under a bare number, a blank line below it, is the number's title
    however long (`§ 10.` / `Chasseurs sellèrent leurs chevaux descendirent.`): set apart
    from the text, the two are one block. A dialogue's turn (`– Oui.`) opens no title."""
    return (
        spacing <= 0
        and following is not None
        and following.blank_before > extra
        and line.text.strip()[:1].isupper()
    )


def _titles_number(first: Line, line: Line, spacing: int, width: int) -> bool:
    """A title below its bare number however near the measure it comes (a long title in a
    narrow one): in capitals, which no paragraph's line is (`CHAPITRE IV` / `FIXA AVEC
    ATTENTION ET COMME ENTRAÎNÉE`); or set solid under a centred number and centred itself,
    its margins even (`§ 5.` / `Elle l'étonnait davantage encore.`), which a paragraph's
    first line, filling the measure, is not."""
    text = line.text.strip()
    if all_capitals(text) and LONG_WORD.search(text):
        return True
    return (
        spacing <= 0
        and text[:1].isupper()
        and is_centred(first, width)
        and is_centred(line, width, 0)
    )
