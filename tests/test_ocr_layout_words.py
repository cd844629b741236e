"""The proposers of lost line ends (ocr/line_ends.py), glued and split words
(ocr/splits.py) and a document's spacing habit (ocr/spacing.py), on the shipped data."""

from __future__ import annotations

from teiforge.ocr import Passage, load_corrector
from teiforge.ocr.corrector import Proposal
from teiforge.ocr.proposers import BEFORE_MODEL, PROPOSERS
from teiforge.ocr.spacing import habit


def _proposals(*texts: str) -> list[Proposal]:
    return load_corrector().propose([Passage(text) for text in texts])


def _by(code: str, *texts: str) -> list[tuple[str, str | None]]:
    return [(p.sic, p.corr) for p in _proposals(*texts) if p.proposer == code]


def test_the_registry_holds_the_new_proposers_in_order() -> None:
    assert [code for code, _ in BEFORE_MODEL] == ["line-end", "split"]
    codes = [code for code, _ in PROPOSERS]
    assert codes[:2] == ["elision", "join"] and codes[-4:] == [
        "spacing", "lost-space", "stray-mark", "stray-stop",
    ]  # fmt: skip


def test_a_lost_line_end_is_joined_in_the_corrected_reading() -> None:
    found = _proposals("les vastes con-trées du nord et les remanie- ments du texte")
    assert [(p.sic, p.corr, p.cert, p.proposer) for p in found] == [
        ("con-trées", "contrées", "medium", "line-end"),
        ("remanie- ments", "remaniements", "medium", "line-end"),
    ]
    assert (
        found[0].why
        == "line-end: a line end the OCR text lost: contrées is a word, con-trées no compound"
    )


def test_compounds_and_names_are_no_line_ends() -> None:
    text = "il dit-il peut-être, Jean- Pierre et le porte-monnaie, très-vif, celui-ci, long-temps"
    assert _by("line-end", text) == []


def test_an_elided_article_stays_with_the_word_it_joins() -> None:
    assert _by("line-end", "pour l'ad-ministration de la ville") == [
        ("l'ad-ministration", "l'administration")
    ]


def test_glued_words_are_split_when_the_model_prefers_them() -> None:
    assert _by("split", "Voilà plus dedeux ans que la prison") == [("dedeux", "de deux")]
    assert _by("split", "donner des soins à lajeune fille") == [("lajeune", "la jeune")]


def test_a_capitalised_word_is_not_split() -> None:
    assert _by("split", "MM. Baltard, Lacroix et Leroux") == []


def test_a_word_cut_by_a_space_is_joined_in_context() -> None:
    assert _by("join", "il s'est borné à traiter des su jets de sainteté") == [
        ("su jets", "sujets")
    ]
    assert _by("join", "exécutés avec une grande liberté de main. Le dessin") == []


def test_a_spacing_habit_is_corrected() -> None:
    text = "la ville , le port ( 1857 ) . Les maisons , les rues ."
    assert habit([text]) == (5, 5)  # `) .`: a space after a mark, not after a word
    assert _by("spacing", text) == [
        (" ,", ","), ("( ", "("), (" )", ")"), (" ,", ","), (" .", "."),
    ]  # fmt: skip


def test_a_space_now_and_then_is_no_habit_and_french_typography_is_kept() -> None:
    text = "la ville, le port, les rues, les maisons, les quais , le fleuve."
    assert habit([text]) == (1, 6)
    assert _by("spacing", text) == []
    assert _by("spacing", "il dit : non ; oui ! quoi ? et alors : rien ; enfin !") == []


def test_a_space_before_a_question_or_exclamation_mark_the_document_sets_is_given_back() -> None:
    text = "Quoi ? Eh bien ! Non ! Et alors? Oui ?"
    assert _by("lost-space", text) == [("?", " ?")]
    found = [p for p in _proposals(text) if p.proposer == "lost-space"]
    assert found[0].why == "lost-space: the document spaces 4 of 5 places before ? !"


def test_glued_marks_a_document_prints_and_marks_inside_words_are_left_alone() -> None:
    assert _by("lost-space", "Quoi? Eh bien! Non? Et alors? Oui!") == []
    assert _by("lost-space", "quoi ? non ! Eh bien!") == []  # two places: no habit
    assert _by("lost-space", "Quoi ? Eh bien ! Non ! le n?pro et ma!t ici") == []


def test_a_speck_read_as_a_mark_beside_a_word_is_taken_away() -> None:
    assert _by("stray-mark", "les premiers trois cents francs' Je vous dis") == [("'", "")]
    assert _by("stray-mark", "Nerveuse, Maud enfonce’ ses ongles") == [("’", "")]
    assert _by("stray-mark", "Hier,, au soir il alla") == [(",,", ",")]


def test_elisions_names_and_old_texts_keep_their_apostrophes() -> None:
    text = "il alla jusqu' à la grand' mère, au Vel' d'Hiv' et vit l' homme dire 'oui'"
    assert _by("stray-mark", text) == []
    assert _by("stray-mark", "il dit , , la ville") == []
    old = "Le bon Dieu gard' ma commère, car il estoit tousiours avecques elle"
    assert _by("stray-mark", old) == []


def test_a_speck_read_as_a_full_stop_inside_a_sentence_is_taken_away() -> None:
    found = _proposals("la présence de la. main de Moscou dans toute l'affaire")
    assert [(p.sic, p.corr, p.cert, p.proposer) for p in found] == [
        (".", "", "medium", "stray-stop")
    ]
    assert found[0].start == 17  # the stop, not the word before it
    assert _by("stray-stop", "nos sous-marins ont. envoyé par le fond 19 navires") == [(".", "")]


def test_stops_of_sentences_abbreviations_headings_and_old_texts_are_left() -> None:
    # the model not sure enough (a sentence may end there), an abbreviation, a heading in
    # capitals, a capital after the stop, an ellipsis's stop
    for text in (
        "Il est parti. nous le suivons.",
        "il parut en 1826, 6 vol. in-8, chez Didot.",
        "QU'ON PEUT VOIR DANS UNE RUE. me tenez rigueur",
        "la présence de la. Main de Moscou",
        "un ami. qui vous souhaite bonne chance",
    ):
        assert _by("stray-stop", text) == [], text
    old = "la présence de la. main de Dieu, car il estoit tousiours avecques elle"
    assert _by("stray-stop", old) == []


def test_a_lost_apostrophe_of_elision_is_given_back_in_context() -> None:
    found = _proposals("le projet d une ville nouvelle")
    assert [(p.sic, p.corr, p.cert, p.proposer) for p in found] == [
        ("d une", "d'une", "medium", "elision")
    ]
    assert found[0].why == "elision: d'une 630,957 times likelier in context than two words"
    assert _by("elision", "il dit qu il viendra demain") == [("qu il", "qu'il")]
    assert _by("elision", "Le chef n est pas venu") == [("n est", "n'est")]


def test_letters_standing_alone_numbers_and_names_keep_their_space() -> None:
    for text in (
        "les points c et d en rouge",  # an enumeration: the model finds d'en unlikely
        "la note s ici",
        "il a vu t Alger",  # a capital after the letter
        "France 1 an",  # a number, not an l
        "le projet d la ville",  # no elision before a consonant
    ):
        assert _by("elision", text) == [], text
