"""French print's conventions, as data read by layout and annotators alike.

Each constant names what it is in the printer's terms; the modules that use them hold
the logic (how a mark is paired, how a zone is found), not the forms.
"""

from __future__ import annotations

import re

# --- quotation marks -------------------------------------------------------------------
OPEN, CLOSE, EITHER = "open", "close", "either"
SURE, UNSURE = "sure", "unsure"
GUILLEMETS = {OPEN: "«", CLOSE: "»"}
# Clean marks, each a character, by the role it plays where it stands: glued to the word
# after it (`«Les`, `“the`), glued to the word before it (`fait.»`, `end”`), or set apart by
# spaces on both sides (`« Les ... »`, `" Les ... "`). None: not a mark there. A mark
# glued on both sides (`l’homme`, `aujourd’hui`, `a"b`) is never one.
#            mark: (before a word, after a word, between spaces)
QUOTE_MARKS: dict[str, tuple[str | None, str | None, str | None]] = {
    "«": (OPEN, None, OPEN),  # French
    "»": (None, CLOSE, CLOSE),
    "“": (OPEN, CLOSE, EITHER),  # English opening, German closing
    "”": (OPEN, CLOSE, CLOSE),  # OCR often sets ” for “: glued to a word, it opens
    "„": (OPEN, None, OPEN),  # German
    "‘": (OPEN, None, OPEN),  # English single
    "’": (None, CLOSE, None),  # also the apostrophe: only after a word, and see ELISIONS
    '"': (OPEN, CLOSE, EITHER),  # straight: paired by alternation where spacing says nothing
}
# What closes each opening mark: the families of marks, as print sets them.
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”“", "”": "”“", "„": "“”", "‘": "’", '"': '"'}
# Marks that, right after a digit, are a measure (inches, seconds: `12"`, `5’`) unless a
# quotation of theirs is open.
MEASURE_MARKS = '"’'
# Words an apostrophe ends by elision (`jusqu’ à`, set apart by OCR): never a closing mark.
ELISIONS = frozenset(
    ["c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
     "presqu", "quelqu", "aujourd"]
)  # fmt: skip
# What OCR makes of the guillemets in print of poor quality, set apart by spaces, by role
# and certainty. "(" and "n" are also a parenthesis and a letter: they count only when
# paired with a sure mark.
GARBLED_GUILLEMETS: dict[str, tuple[str, str]] = {
    "<<": (OPEN, SURE),
    "<": (OPEN, SURE),
    "tc": (OPEN, UNSURE),
    "(": (OPEN, UNSURE),
    "((": (OPEN, UNSURE),
    ">>": (CLOSE, SURE),
    ">": (CLOSE, SURE),
    ">r": (CLOSE, SURE),
    "))": (CLOSE, SURE),
    "n": (CLOSE, UNSURE),
    ")": (CLOSE, UNSURE),
}
# A quotation over several lines or paragraphs: French print repeats the opening mark at
# the start of each paragraph (`«` ... `«` ... `»`), older print at the start of every
# line (`« cette peinture étoit faite en dé-` / `« rision des peuples`), some of it the
# closing mark (`» rision des peuples`). Such a mark continues the open quotation.
CONTINUATION_MARKS = frozenset('«»“”"') | frozenset(("<<", "<", ">>", ">", "tc"))
# A quotation long enough to run over paragraphs is introduced: it opens its paragraph, or
# follows one of these (`Le rapport conclut : « Les premiers mois...`).
QUOTATION_INTRODUCERS = (":",)
# The OCR forms of a closing guillemet at a line's end, after a space.
GARBLED_CLOSING_ENDS = (" n", " >", " >r", "))")

# --- sentences -------------------------------------------------------------------------
SENTENCE_END_MARKS = '.!?:…»"”'
# What a sentence (or a paragraph) may open with besides a capital or a digit.
SENTENCE_OPENERS = '«<"“—–-('
# What cannot open a sentence: a line starting so carries on the one before.
MID_SENTENCE_OPENERS = ",;)]"
# The words of one lowercase letter (`a`, `à`, `y`); another letter alone opening a line is
# a misread mark (`n` for `»`), not a sentence going on.
ONE_LETTER_WORDS = frozenset("aàyô")
# Subject pronouns that open a sentence: capitalised, they never stand inside one, so a
# word followed by one without a stop lost its stop, and often the raised call before it
# (`Valdez, de Sicua Je sais`).
SENTENCE_PRONOUNS = ("Je", "Il", "Elle", "Ils", "Elles", "On", "Nous", "Vous")

# --- speakers --------------------------------------------------------------------------
# Titles before a name, abbreviated as French print does.
NAME_TITLES = ("M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Me", "Dr")
# A speaker label before a colon: initials (`R.T. :`), a title and a name (`M. X :`), or
# two or three capitals (`JD :`). Interviews and dialogues open their turns with it.
SPEAKER_LABEL = (
    r"(?P<speaker>(?:[A-ZÉ]\.\s?){1,3}|M(?:me|lle)?\.?\s+[A-ZÉ][\w-]*\.?|[A-ZÉ]{2,3})\s*:\s"
)
# A line that opens a turn, possibly behind a garbled guillemet (`tc R.T. :`).
TURN_LINE = re.compile(
    r"^(?:\S{1,3}\s+)?(?:(?:[A-ZÉ]\.\s?){1,3}|M(?:me|lle)?\.?\s+[A-ZÉ][\w.-]*|[A-ZÉ]{1,3})\s*:\s"
)

# --- headings --------------------------------------------------------------------------
# Words that name a division and open its heading (`Chapitre XIII`, `LIVRE PREMIER`).
DIVISION_WORDS = (
    "chapitre",
    "partie",
    "section",
    "titre",
    "annexe",
    "livre",
    "article",
    "tome",
    "appendice",
)
# Headings that stand for themselves, without a number.
HEADING_WORDS = (
    "avant-propos",
    "préface",
    "introduction",
    "conclusion",
    "avertissement",
    "préambule",
    "épilogue",
    "prologue",
    "sommaire",
    "table des matières",
    "bibliographie",
    "index",
    "notes",
    "discours préliminaire",
)
# Ordinal words after a division word (`ARTICLE PREMIER`, `chapitre second`).
ORDINAL_WORDS = (
    "premier",
    "première",
    "second",
    "seconde",
    "deuxième",
    "troisième",
    "quatrième",
    "cinquième",
    "sixième",
    "septième",
    "huitième",
    "neuvième",
    "dixième",
    "unique",
)
# A numbered list item (`1° À mon amie`, `2° Surtout...`), never a heading.
LIST_ITEM = re.compile(r"^(?:\d{1,2}|[a-z])\s?°\s*\S|^\d{1,2}(?:er|re|e|o)\s")

# --- notes -----------------------------------------------------------------------------
# Short words that a garbled note label (digits read as letters) must not be taken for.
SHORT_WORDS = frozenset(
    [
        "a", "à", "le", "la", "les", "un", "une", "de", "du", "des", "et", "en", "il", "on",
        "ou", "sa", "se", "si", "ce", "ne", "y",
    ]
)  # fmt: skip
# What a note body may start with besides a capital: a quotation or a bracket.
# Marks glued to a word's end or start, between it and a note call (`pages.1`, `cire).`,
# `meilleurs. »91`, `« Les`)
WORD_END_MARKS = ".,;:!?’”)»\"'"
WORD_START_MARKS = "«“(\"'"
NOTE_BODY_OPENERS = '«<"“(['
# The words of references that open a note in small letters (`12 ibid., p. 4`).
NOTE_OPENING_WORDS = ("ibid", "ib.", "id.", "idem", "cf.", "op. cit", "loc. cit", "voir", "v.")
# A reference to a page, volume or part of a work (`p. 264`, `t. II`, `vol. 3`, `ch. 21`):
# what a note at a page's foot so often is.
REFERENCE = re.compile(r"\b(?:p|pp|t|vol|liv|ch|chap|col|fol)\.\s?(?:\d|[IVXL]+\b)")
# Note-call marks that are not numbers, in the order printers use them.
NOTE_SYMBOLS = ("*", "**", "***", "†", "‡", "§", "||", "¶", "††", "‡‡")
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"

# --- lines that are never headings ---------------------------------------------------
MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre", "vendémiaire", "brumaire", "frimaire", "nivôse",
    "pluviôse", "ventôse", "germinal", "floréal", "prairial", "messidor", "thermidor",
    "fructidor",
)  # fmt: skip
# A date line: `Paris, le 12 mars 1890.`, `Fait à Mayence, le 3 floréal an VIII.`
DATE_LINE = re.compile(
    rf"\b(?:\d{{1,2}}|1er|premier)\s+(?:{'|'.join(MONTHS)})\b.*(?:\b1[5-9]\d\d\b|\ban\s+[IVXL]+\b)",
    re.IGNORECASE,
)
# A signature: initials and a surname in capitals (`J. DUPONT.`), two initials and a
# surname (`A.-M. Martin`; one initial and a word is `I. Introduction`), or a title, a
# comma and a name (`Le Président, JULES FERRY.`), or a given name and a surname in
# capitals with its full stop (`Jules FERRY.`; not `Chapitre XIII.`).
SIGNATURE_LINE = re.compile(
    r"^(?:(?:[A-ZÉ]\.[\s-]*){1,3}[A-ZÉ][A-ZÉÈ'-]+\.?|(?:[A-ZÉ]\.[\s-]*){2,3}[A-ZÉ][\w'-]+\.?"
    r"|(?:Le|La|Les)\s+[\w' -]{3,40},\s+(?:[A-ZÉ][\w.'-]*\s*){1,4}\.?"
    r"|[A-ZÉ][a-zéèëïç]+(?:-[A-ZÉ][a-zéèëïç]+)?\s+(?![IVXLCD]+\.$)[A-ZÉ][A-ZÉÈ'-]{2,}\.)$"
)
# A byline under a title (`PAR M. DUPONT.`, `par Jules Verne`): neither heading nor text.
BYLINE = re.compile(r"^(?:PAR|Par|par)\s+(?:M\.|MM\.|Mme|Mlle|[A-ZÉ])")

# What OCR makes of a note symbol in small type (a raised asterisk read as a hash).
GARBLED_NOTE_SYMBOLS = {"#": "*", "+": "†", "¥": "*"}
# Letters that number notes (`(a)`, `b)`), in order.
NOTE_LETTERS = "abcdefghijk"
# The brackets around a label or a call: `(1)`, `[1]`, and OCR's half of them (`1)`).
NOTE_BRACKETS = ("()", "[]")
# What OCR reads inside the brackets of a raised `⁽¹⁾` it cannot read: nothing (`()`), or
# a sign, a letter or a digit it looks like (`(@)`, `@)`, `G)`, `&)`, `Q)`, `(°)`).
GARBLED_BRACKET_INNER = frozenset('@&®°#*Q0OGUfi$%"')
# What OCR makes of the closing bracket of a raised label it cannot read (`} Bréal`,
# `G} Deuxième`).
GARBLED_LABEL_CLOSERS = "}"
# What OCR makes of a label's brackets around a clean number (`{2) Sel`, `[3J Arbres`,
# a raised `⁽¹⁾` read `‘2°`: the curve of the bracket as a quotation mark, the closing
# one as a degree sign); both ends read so are needed, `2°` alone is an ordinal.
GARBLED_LABEL_OPENERS = "{‘'"
GARBLED_NUMBER_CLOSERS = "}J|°"
# Signs OCR makes of a whole raised `⁽¹⁾`, brackets and all, as a label (`® Voir`,
# `@ Cf.`) or a call apart from its word (`Clapperton ® à`): they never stand in text.
GARBLED_LONE_MARKS = "@®©"
# A superscript call that OCR read as punctuation glued to its word (`Elhauy'`,
# `Rhazès?`, `Plâtriers!`), by the digit it stands for; weak evidence, used only where a
# page's notes have no better call.
GARBLED_SUPERSCRIPTS = {"'": "1", "’": "1", "!": "1", "?": "2", "°": "3"}
# What a note label may be followed by before the note's text (`1.`, `1)`, `1 `).
NOTE_LABEL_ENDS = ".)"

# The words of people's and institutions' names are in fr_names.py.
