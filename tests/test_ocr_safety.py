"""The corrector never damages what it has no resources for: text in another language,
typography, a word the document makes its own (issue 18, items 5 and 6)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from lxml import etree

from teiforge.encode import EncodeOptions, encode
from teiforge.ocr import Passage, load_corrector
from teiforge.ocr.language import clearly_other, corrects, declared_french
from teiforge.ocr.model import HIGH_FLOOR, Model
from teiforge.ocr.own_words import key, own_word
from teiforge.ocr.typography import fold, normalisation_only, restore
from teiforge.read import source_from_bytes
from teiforge.tei.header import NO_CORRECTION
from teiforge.tei.ns import tei

ENGLISH = (
    "The can of worms hereof and thereof was opened by the man who said so, and the rest "
    "of it is not here, for he would have it that they were wrong."
)
GERMAN = (
    "Er faßt den Mann, und die Frau geht nach Hause, aber er ist nicht mit ihr auf dem Weg "
    "zu den Kindern, die sich auch nach ihr sehnen."
)
SPANISH = (
    "Los dialectos de la provincia son muchos y muy diversos, y el pueblo es por la mayor "
    "parte muy pobre y sin escuelas para sus hijos."
)
FRENCH = (
    "Les postes de médiotion ou de médiation sont rares dans cette ville, et les "
    "habitants ne les connaissent pas: ils vont au centre pour leurs affaires."
)


def _found(texts: list[str]) -> list[tuple[int, str, str | None]]:
    return [
        (p.passage, p.sic, p.corr) for p in load_corrector().propose([Passage(t) for t in texts])
    ]


def test_the_language_of_a_text_clearly_not_french() -> None:
    assert clearly_other(ENGLISH) == "en"
    assert clearly_other(GERMAN) == "de"
    assert clearly_other(SPANISH) == "es"
    assert clearly_other(FRENCH) is None
    assert clearly_other("The man and the dog.") is None  # five words say too little
    # A French page quoting a Latin tag stays French.
    assert clearly_other(FRENCH + " Comme dit le proverbe, errare humanum est.") is None


def test_declared_language() -> None:
    assert declared_french("fr") and declared_french("fr-FR") and declared_french("FR")
    assert not declared_french("en") and not declared_french("de") and not declared_french("frm")
    assert corrects("fr", [FRENCH]) and not corrects("en", [FRENCH])
    assert not corrects("fr", [ENGLISH, GERMAN])


def test_no_french_correction_of_other_languages() -> None:
    # Before: can -> c'an, hereof flagged, faßt -> fait, provincia flagged.
    assert _found([ENGLISH]) == []
    assert _found([GERMAN]) == []
    assert _found([SPANISH]) == []
    # A passage in another language inside a French document is left alone; the French
    # passages are corrected as before.
    assert _found([FRENCH, GERMAN]) == [(0, "médiotion", "médiation")]


def _encoded(text: str, language: str) -> etree._Element:
    source = source_from_bytes(text.encode(), "t.txt")
    return etree.fromstring(encode(source, EncodeOptions(language=language)))


def _correction_text(root: etree._Element) -> str:
    return "".join(root.find(f".//{tei('correction')}").itertext())


def test_lang_en_makes_no_corrections_and_says_so() -> None:
    text = FRENCH + "\n"
    french = _encoded(text, "fr")
    assert [c.findtext(f"{tei('corr')}") for c in french.iter(tei("choice"))] == ["médiation"]
    assert NO_CORRECTION not in _correction_text(french)
    assert "P(error)" in _correction_text(french)
    for language in ("en", "de", "es"):
        root = _encoded(text, language)
        assert list(root.iter(tei("choice"))) == [] and list(root.iter(tei("sic"))) == []
        assert NO_CORRECTION in _correction_text(root)
        assert "P(error)" not in _correction_text(root)
    # Declared French (the default) but clearly English: no corrections, and the header says so.
    root = _encoded(ENGLISH + "\n", "fr")
    assert list(root.iter(tei("choice"))) == [] and list(root.iter(tei("sic"))) == []
    assert NO_CORRECTION in _correction_text(root)


def test_typographic_apostrophes_are_not_errors() -> None:
    # Before: aujourd’hui -> aujourd'hui (cert medium), a straightened apostrophe.
    assert _found(["L’homme qu’il aimait n’était pas là, aujourd’hui c’est fini."]) == []
    # A real error next to one keeps the page's apostrophe in its correction.
    assert _found(["qu’iI est là"]) == [(0, "qu’iI", "qu’il")]
    assert fold("aujourd’hui l‘an ʼx") == "aujourd'hui l'an 'x"
    assert restore("qu’iI", "qu'il") == "qu’il"
    assert restore("quiI", "qui'l") == "qui'l"


def test_normalisations_are_not_corrections() -> None:
    assert normalisation_only("aujourd’hui", "aujourd'hui")
    assert normalisation_only("ſoleil", "soleil")
    assert normalisation_only("œuvre", "oeuvre")
    assert normalisation_only("ﬁn", "fin")
    assert not normalisation_only("oeuvre", "oeuvre")  # the same: no proposal to judge
    assert not normalisation_only("ſoleil", "sommeil")


def test_a_word_the_document_prints_often_is_its_own() -> None:
    three = "La médiotion est utile. Une médiotion aide. La médiotion paie."
    four = three + " Cette médiotion dure."
    # Three times: still a misreading of médiation (flagged); four times, the document's word.
    found = load_corrector().propose([Passage(three)])
    assert [(p.sic, p.corr, p.suggestion) for p in found] == [("médiotion", None, "médiation")] * 3
    assert _found([four]) == []
    counts = Counter(key(w) for w in ["Carie", "carie", "carie", "carie", "carte", "cœur"])
    assert own_word("carie", "carte", counts)
    assert not own_word("carte", "carie", counts)  # once
    assert counts[key("coeur")] == 1  # print's variants are one word


def test_cert_high_only_for_an_unknown_word_corrected_past_the_floor() -> None:
    model = Model.load()
    assert model.thresholds.high == 0.9327 and model.high == HIGH_FLOOR == 0.95
    assert model.cert(0.96) == "high"
    assert model.cert(0.947) == "medium"  # médiotion -> médiation in the sample
    assert model.cert(0.3) is None
    # A word of the lexicon corrected in context is never high, however sure.
    assert model.cert_in_context(0.999) == "medium"
    assert model.cert_in_context(0.5) is None
    # The sample's OCR habits (o for a) make `se posæ dons ces` -> `dans` 0.999 sure.
    sample = Path(__file__).parent / "ocr" / "sample.txt"
    found = load_corrector().propose([Passage(sample.read_text(encoding="utf-8"))])
    assert [(p.sic, p.corr, p.cert) for p in found if p.proposer == "context"] == [
        ("dons", "dans", "medium")
    ]
    assert [p.cert for p in found if p.corr] == ["medium"] * 6


def test_a_long_s_read_as_f_makes_an_old_text_whose_accents_are_kept() -> None:
    guarding = load_corrector().guarding
    assert guarding._long_s("Hiftorien") and guarding._long_s("établiffements")
    assert guarding._long_s("eftoit")  # estoit: an old spelling under the long s
    assert not guarding._long_s("fable")  # a word as it is
    assert not guarding._long_s("ccssf")  # the long s was never last
    assert not guarding._long_s("xfz")
    # Before: fidele -> fidèle, carriere -> carrière, caractere -> caractère (modernised).
    text = (
        "L'Hiftorien, fidele à fon deffein, fuit la carriere de ces établiffements avec un "
        "caractere égal."
    )
    assert _found([text]) == [
        (0, "L'Hiftorien", "L'Historien"),
        (0, "fon", "son"),
        (0, "deffein", "dessein"),
        (0, "établiffements", "établissements"),
    ]
