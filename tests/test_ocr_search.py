"""The candidate search's short cuts (issue 18's speed): each rules out only what could
never pass, so the corrector's output is the same with and without it."""

from __future__ import annotations

import re

import pytest

from teiforge.ocr import load_corrector
from teiforge.ocr.adapt import own_words, with_own_words
from teiforge.ocr.oldspell import ACCENTS, SPELLINGS, _rewrites, first_characters
from teiforge.ocr.screen import _may_be_listed


@pytest.fixture(scope="module")
def corrector():  # type: ignore[no-untyped-def]
    return load_corrector()


@pytest.mark.parametrize(
    ("word", "target", "reachable"),
    [
        ("Bouvcsse", "Bouvesse", True),  # c for e: one edit
        ("per-lonnages", "personnages", True),  # two edits: - for nothing, l for s
        ("Bouvcsse", "Grenoble", False),  # the same length, too many letters apart
        ("abc", "abcdefghij", False),  # two edits add at most four characters
        ("cornrnencernent", "commencement", False),  # rn for m three times: repeated edits
    ],
)
def test_what_two_edits_may_reach(corrector, word: str, target: str, reachable: bool) -> None:  # type: ignore[no-untyped-def]
    assert corrector.channel.may_reach(word, target) is reachable


@pytest.mark.parametrize("printed", ["Bouvcsse", "cornrnencernent", "Grenohle", "lalouette"])
def test_own_words_out_of_reach_are_not_searched_for(corrector, printed: str) -> None:  # type: ignore[no-untyped-def]
    own = {"Bouvesse", "commencement", "Grenoble", "alouette"}
    channel, screen = corrector.channel, own_words([(w, "known") for w in own for _ in "ab"]).screen

    def known(texts: set[str]) -> set[str]:
        return texts & own

    assert channel.candidates(printed, known, screen, targets=own) == channel.candidates(
        printed, known, screen
    )


def test_a_repeated_confusion_still_reaches_an_own_word(corrector) -> None:  # type: ignore[no-untyped-def]
    logp = dict(corrector.channel.rules["rn"])["m"]
    own = own_words([("commencement", "known")] * 2)
    ranked = with_own_words("cornrnencernent", (), own, corrector.channel, None, {})
    assert [(c.text, c.edits) for c in ranked] == [("commencement", (("rn", "m", logp),))]


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"oi|oy", {"o"}),
        (r"(?<=[vs])eo", {"e"}),  # a look-behind consumes nothing
        (r"([bcd])\1", {"b", "c", "d"}),
        (r"(?:^|(?<=^re))c(?=erch)", {"c"}),
        (r"x?y", {"x", "y"}),
        (r"x?", None),  # may match nothing: always tried
        (r"[^a]b", None),  # a negated class: always tried
        (r"\wb", None),  # a category: always tried
        (r"(?i)ab", None),  # either case: always tried
        (r"(?i:a)b", None),
    ],
)
def test_the_first_characters_of_a_rule(pattern: str, first: set[str] | None) -> None:
    found = first_characters(re.compile(pattern))
    assert found == (None if first is None else frozenset(first))


def test_every_old_spelling_rule_has_its_first_characters() -> None:
    assert [
        rule[0].pattern for rule in SPELLINGS + ACCENTS if first_characters(rule[0]) is None
    ] == []


@pytest.mark.parametrize(
    "word", ["estoit", "connoistre", "faict", "avecques", "rhythme", "grand'mère", "tems", "mn"]
)
def test_old_spelling_rewrites_are_those_of_every_rule(word: str) -> None:
    every = [
        (
            word[: m.start()]
            + (m.expand(template) if literal is None else literal)
            + word[m.end() :],
            strong,
        )
        for rules, strong in ((SPELLINGS, True), (ACCENTS, False))
        for pattern, literal, template in rules
        for m in pattern.finditer(word)
    ]
    assert list(_rewrites(word)) == every


@pytest.mark.parametrize(
    ("lowered", "codes", "may"),
    [
        ("l'arc-en-ciel", {"arc", "ciel"}, True),  # a first and a last run listed
        ("l'abc-def", {"abcdef"}, True),  # elided, two parts, listed as one
        ("qu'ab-cd", {"ab", "cd"}, True),
        ("qu'ab-cd", {"ab"}, False),
        ("x-y-z", {"x"}, False),  # no last run listed (z, yz, xyz)
        ("x-y-z", {"x", "yz"}, True),
        ("ab-c'd", {"ab", "c'd"}, True),  # an apostrophe left: the run looked up as listed
    ],
)
def test_a_compound_may_be_listed(lowered: str, codes: set[str], may: bool) -> None:
    assert _may_be_listed(dict.fromkeys(codes, 0), lowered) is may


@pytest.mark.parametrize(
    ("word", "bare"), [("l'instant", "instant"), ("qu’il", "il"), ("instant", "instant")]
)
def test_a_word_is_looked_up_without_its_elision(corrector, word: str, bare: str) -> None:  # type: ignore[no-untyped-def]
    lexicon = corrector.lexicon
    assert lexicon.zipf(word) == lexicon.zipf(bare) > 0
    assert lexicon.is_listed(word) and lexicon.is_word(word) and lexicon.is_known(word)
