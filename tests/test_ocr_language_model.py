"""The word trigram model (ocr/ngrams.py) and the real words it decides in context
(ocr/in_context.py, proposer "lm")."""

from __future__ import annotations

from array import array

import pytest

from teiforge.ocr import Corrector, Passage, in_context, load_corrector
from teiforge.ocr.in_context import confusions, decisive, needed, noise
from teiforge.ocr.model import correction_method
from teiforge.ocr.ngrams import STEP, NGrams, shipped, tokens
from teiforge.ocr.words import Word, words


def test_tokens() -> None:
    assert tokens("L’homme qu'il vit, en 1857 : peut-être.") == [
        "l'", "homme", "qu'", "il", "vit", ",", "en", "<num>", ":", "peut", "être", "."
    ]  # fmt: skip


def _tiny() -> NGrams:
    """Three words; every value a multiple of STEP, to be read back exactly."""
    vocabulary = ["<unk>", "a", "b"]
    size = 3

    def q(*values: float) -> array:
        return array("B", (round(-v / STEP) for v in values))

    arrays = {
        "unigram": q(-2.0, -0.5, -1.0),
        "unigram_backoff": q(0.0, -0.25, -0.5),
        "bigram_keys": array("Q", [1 * size + 2, 2 * size + 1]),  # a b, b a
        "bigram": q(-0.2, -0.3),
        "bigram_backoff": q(-0.1, -0.15),
        "trigram_keys": array("Q", [(1 * size + 2) * size + 1]),  # a b a
        "trigram": q(-0.05),
    }
    return NGrams.from_bytes(NGrams.to_bytes(vocabulary, arrays))


def test_backoff_as_in_an_arpa_file() -> None:
    model = _tiny()
    a, b = model.id("a"), model.id("b")
    assert model.id("zzz") == 0
    assert model.logp(a, b, a) == pytest.approx(-0.05)  # the trigram
    assert model.logp(b, a, b) == pytest.approx(-0.15 + -0.2)  # (b a)'s backoff, then a b
    assert model.logp(a, b, b) == pytest.approx(-0.1 + -0.5 + -1.0)  # b b unseen: two backoffs
    assert model.logp(None, a, b) == pytest.approx(-0.2)
    assert model.logp(None, None, a) == pytest.approx(-0.5)
    assert model.score(["a", "b", "a"]) == pytest.approx(-0.5 - 0.2 - 0.05)


def test_the_shipped_model_prefers_french() -> None:
    model = shipped()
    assert model is not None
    assert model.score(tokens("je ne veux pas")) > model.score(tokens("le ne veux pas")) + 3
    assert model.score(tokens("à la maison")) > model.score(tokens("a la maison")) + 2
    assert model.score(tokens("il a dit")) > model.score(tokens("il à dit")) + 3


def test_confusions_learned_on_the_tuning_split() -> None:
    table = confusions()
    assert dict(table["font"])["sont"] == pytest.approx(-0.426, abs=0.001)  # log10(33 / (87 + 1))
    assert dict(table["celte"])["cette"] == 0.0  # 12 to 0 on the tuning split: even odds at most
    assert "le" not in dict(table["Le"])  # a case change alone is no confusion (Le: le, 4)
    assert dict(table["Le"])["La"] == pytest.approx(-2.777, abs=0.001)  # log10(2 / 1195)


def test_confusions_rarer_than_one_in_316_are_not_weighed() -> None:
    table = {"de": (("des", -3.57),), "a": (("à", -1.33), ("sa", -2.75)), "ta": (("la", -0.2),)}
    assert decisive(table) == {"a": (("à", -1.33),), "ta": (("la", -0.2),)}
    judge = load_corrector().in_context
    assert judge is not None
    shipped_table = judge.table
    assert "de" not in shipped_table and "les" not in shipped_table
    assert dict(shipped_table["font"])["sont"] == pytest.approx(-0.426, abs=0.001)


def _with_lm() -> Corrector:
    """The shipped corrector: the lm proposer is on (in_context.ENABLED)."""
    return load_corrector()


NOISE = " Les postes de médiotion."  # a garbled word: one in 5, a noisy OCR


def test_the_lm_proposer_questions_only_noisy_modern_documents() -> None:
    assert load_corrector().in_context is not None
    assert in_context.describe() in correction_method()
    # A clean print: no word unknown to the lexicon, so `font` is the author's.
    assert [p.proposer for p in load_corrector().propose([Passage("Ils font venus.")])] == []
    found = load_corrector().propose([Passage("Ils font venus." + NOISE)])
    assert [(p.sic, p.corr, p.proposer) for p in found] == [
        ("font", "sont", "lm"), ("médiotion", "médiation", "model"),
    ]  # fmt: skip


def _proposed(text: str) -> list[tuple[str, str | None, str, str]]:
    return [
        (p.sic, p.corr, p.cert, p.proposer)
        for p in _with_lm().propose([Passage(text + NOISE)])
        if p.proposer == "lm"
    ]


def test_real_words_in_context() -> None:
    assert _proposed("Ils font venus hier. Il a été à ta fin du mois.") == [
        ("font", "sont", "medium", "lm"),  # odds 10^3.0 against 10^2.7 needed (1 word in 16)
        ("ta", "la", "medium", "lm"),
    ]
    # Left alone: the right words, and a confusion the context does not make sure enough
    # (tes amis: odds 10^0.46; ta ville: 10^3.45, taken).
    assert _proposed("Ils font du pain dans la maison. Il a dit que la maison est là.") == []
    assert _proposed("Il est venu dans ta ville avec tes amis.") == [("ta", "la", "medium", "lm")]
    assert _proposed("Ta maison est belle.") == []


def test_the_proposers_after_the_model_are_a_table() -> None:
    from teiforge.ocr.corrector import PROPOSERS

    assert [code for code, _ in PROPOSERS] == [
        "elision", "join", "lookalike", "capital", "lm", "hyphen", "digits", "inner-capital", "stray",
        "spacing", "lost-space", "stray-mark", "stray-stop",
    ]  # fmt: skip
    assert all(proposer.__doc__ for _, proposer in PROPOSERS)
    # Each proposal names its proposer: the lm's, after the model's own.
    found = _with_lm().propose([Passage("Ils font venus." + NOISE)])
    assert [(p.sic, p.proposer) for p in found] == [("font", "lm"), ("médiotion", "model")]


def test_the_odds_needed_grow_as_the_document_is_cleaner() -> None:
    word = Word(0, 3, "mot", False)
    assert noise([(0, word, None)] * 4 + [(0, word, "known")] * 96) == 0.04
    # An old text (1% of its words old spellings, 2 or more): the model knows no old French.
    assert (
        noise([(0, word, None)] * 10 + [(0, word, "old")] * 5 + [(0, word, "known")] * 85) is None
    )
    assert noise([]) == 0.0
    # 10^odds x noise^2.25 >= 1; under 1% of the words unknown, no word is questioned
    assert needed(0.1) == pytest.approx(2.25)
    assert needed(0.04) == pytest.approx(3.145, abs=0.001)
    assert needed(0.01) == needed(0.0) == pytest.approx(4.5)


def test_a_confusion_is_corrected_in_a_noisy_document_and_not_in_a_clean_one() -> None:
    corrector = load_corrector()
    assert corrector.in_context is not None
    text = "Il est venu dans ta ville avec tes amis."
    ta = next(word for word in words(text) if word.text == "ta")
    assert corrector.in_context.odds(text, ta) == ("la", pytest.approx(3.45))
    # one word unknown in 13 (10^2.5 needed): corrected; in none of 14: not questioned
    assert _proposed(text) == [("ta", "la", "medium", "lm")]
    clean = text + " Les postes de médiation."
    assert [p.proposer for p in corrector.propose([Passage(clean)])] == []
    # one in 40 (10^3.6 needed): the print is clean enough for `ta` to be the author's
    longer = text + " Les postes de médiotion" + " et la ville" * 9 + "."
    assert [p.proposer for p in corrector.propose([Passage(longer)])] == ["model"]
    # `ta fin`: odds 10^6.9; one word unknown in 72 (10^4.2 needed): corrected; in 117,
    # under 1%: not questioned
    sure = "Il a été à ta fin du mois. Les postes de médiotion"
    found = corrector.propose([Passage(sure + " et la ville" * 20 + ".")])
    assert [p.proposer for p in found] == ["lm", "model"]
    found = corrector.propose([Passage(sure + " et la ville" * 35 + ".")])
    assert [p.proposer for p in found] == ["model"]
