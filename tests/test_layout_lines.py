"""What a line is, one convention of print at a time (layout/measure.py, headings.py,
paragraphs.py): the small judgements the page layout is built from, with the lines of
real OCR'd books that called for them."""

from __future__ import annotations

import pytest

from teiforge.layout.headings import heading_style, heads_what_follows
from teiforge.layout.measure import (
    carries_on_sentence,
    continues_in_lowercase,
    ends_sentence,
    is_noise,
    numbered_in_turn,
    starts_new_sentence,
)
from teiforge.layout.paragraphs import blanks_mark_breaks
from teiforge.model import Line


@pytest.mark.parametrize(
    ("text", "carries_on"),
    [
        ("tyrans qui les ont répandues pour", True),
        ("& variée, mais sans profondeur. Ce", True),  # an ampersand joins words
        ("» vice ne permet pas non plus de laisser", True),  # past the quotation's mark
        ("» Le Citoyen HILD est provisoirement sus-", False),
        ("; et moi-même", True),
        ("Je suis d'ailleurs trop redevable à", False),
        ("»", False),  # a mark alone is no sentence
        ("— Son nom ?", False),
    ],
)
def test_carries_on_sentence(text: str, carries_on: bool) -> None:
    assert carries_on_sentence(text) is carries_on


@pytest.mark.parametrize(
    ("text", "lowercase"),
    [
        ("tyrans qui les ont répandues pour", True),
        ("& variée, mais sans profondeur. Ce", True),
        ("» vice ne permet pas non plus de laisser", True),
        ("à Paris, où il resta", True),  # a word of one letter
        ("y trouver la paix", True),
        ("n Pia, ma chère Pia, voulez-vous", False),  # `»` misread
        (")) Je vous parle de M. Paul", False),  # `»` misread too: punctuation is weaker
        ("; et moi-même", False),
        ("Je suis d'ailleurs", False),
    ],
)
def test_continues_in_lowercase(text: str, lowercase: bool) -> None:
    assert continues_in_lowercase(text) is lowercase


@pytest.mark.parametrize(
    ("text", "opens"),
    [
        ("» Considérant que si la vindicte", True),
        ("« Les premiers mois", True),
        ("» de ne pas les laisser impunis", False),
        ("Il sera dressé inventaire", True),
        ("1790. Le caractère", True),
        ("de ces frêles embarcations", False),
    ],
)
def test_starts_new_sentence(text: str, opens: bool) -> None:
    assert starts_new_sentence(text) is opens


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("ment en Europe. (Applaudissements.)", True),
        ("C'est les comparer un peu à Attila. (Rires. )", True),
        ("une fonction [sic.]", True),
        ("suivant Lopez de Lima (1)", False),  # a call without a stop
        ("les uns (voyez plus bas :)", False),  # a colon inside brackets announces
        ("quand elle contrarie leurs systèmes.", True),
        ("régions (,", False),
    ],
)
def test_ends_sentence(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("text", "noise"),
    [("»", True), ("=", True), ("%,", True), ("5", True), ("X", True), ("II.", False)]
    + [("(12)", False), ("à", True), ("Ed ; LE:", False), ("de", False)]
    + [("* * *", False), ("⁂", False), ("____________", False), ("= - =", True)],
)
def test_is_noise(text: str, noise: bool) -> None:
    assert is_noise(text) is noise


@pytest.mark.parametrize(
    ("previous", "number", "in_turn"),
    [
        ("243", "244", True),
        ("vij", "viij", True),  # roman numbers, a final j read as i
        ("ix", "x", True),
        ("172", "234", False),  # pages missing between them
        ("244", "244", False),
        (None, "3", False),
        ("5", None, False),
    ],
)
def test_numbered_in_turn(previous: str | None, number: str | None, in_turn: bool) -> None:
    assert numbered_in_turn(previous, number) is in_turn


@pytest.mark.parametrize(
    ("text", "style"),
    [
        ("N°. IV.", "number"),
        ("Ne. IV.", "number"),  # OCR's reading of a raised o
        ("No 12", "number"),
        ("Ne. 12", None),  # `Ne` before digits is no number sign
        ("N°. VV.", None),  # not a numeral
        ("EXT R A TIT", "capitals"),  # letter-spaced EXTRAIT as OCR reads it
        ("E X T R A I T", "capitals"),
        ("RE CE", None),  # an ornament
        ("A B", None),
        ("LE DE LA", None),  # short words, but no single letters among them
        ("ARTICLE PREMIER", "named:article"),
    ],
)
def test_heading_style(text: str, style: str | None) -> None:
    assert heading_style(text) == style


@pytest.mark.parametrize(
    ("text", "following", "heads"),
    [
        ("X", "=", False),
        ("X", "%,", False),
        ("II.", "Le présent arrêté sera imprimé", True),
        ("ARTICLE PREMIER", "» Le Citoyen HILD est", True),
        ("N°. IV.", "EXTRAIT", True),
        ("X", None, True),  # at the page's end: what follows is overleaf
        ("DE LA CLASSIFICATION DES RACES,", "=", True),  # a title, not a bare number
    ],
)
def test_heads_what_follows(text: str, following: str | None, heads: bool) -> None:
    after = Line(2, following, 1) if following is not None else None
    assert heads_what_follows(Line(1, text, 0), after) is heads


def _page(*rows: tuple[int, str]) -> list[Line]:
    return [Line(number, text, blank) for number, (blank, text) in enumerate(rows, start=1)]


def test_blanks_that_fall_in_mid_sentence_mark_nothing() -> None:
    # a page of La Chaumière indienne (1791) as Tesseract reads it: two of its three blank
    # lines fall inside a sentence (a lowercase line, a word broken at a hyphen)
    page = _page(
        (0, "quand elle contrarie leurs systèmes."),
        (1, "Je suis d'ailleurs trop redevable à"),
        (1, "plusieurs savans anglois qui, sans"),
        (0, "des sciences, ont honoré mes Etu-"),
        (1, "des de la Nature de leurs plus glo-"),
    )
    assert blanks_mark_breaks(page, 0) is False


def test_blanks_between_sentences_mark_paragraphs() -> None:
    page = _page(
        (0, "finit par une phrase complète."),
        (1, "Le second paragraphe se poursuit, car les."),
        (1, "mots suivants continuent la phrase."),  # one blank in mid-sentence
        (1, "Le troisième paragraphe commence ici."),
        (1, "Le quatrième aussi."),
    )
    assert blanks_mark_breaks(page, 0) is True
    # on a double-spaced page, a single blank line is the page's own spacing
    assert blanks_mark_breaks(_page((0, "une ligne"), (1, "qui continue"), (1, "et finit")), 1)
