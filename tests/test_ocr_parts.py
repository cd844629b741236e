"""The corrector's parts, each on its own: lexicon, words, old spellings, channel,
document habits, context, the corrections file."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiforge.ocr import Passage, adapt, load_corrector
from teiforge.ocr.alphanumeric import misread_digits
from teiforge.ocr.candidates import Candidate
from teiforge.ocr.capitals import end_kind
from teiforge.ocr.decisions import Editor, Row, read_corrections, write_corrections
from teiforge.ocr.inner_capitals import folded, inner_capital
from teiforge.ocr.oldspell import OldSpelling, modern_form
from teiforge.ocr.oldtext import clean_print, garbled, old_text, spelled
from teiforge.ocr.punctuation import Punctuation, dialogue, left_class, right_class, standalone
from teiforge.ocr.strays import stray
from teiforge.ocr.words import shape, words


@pytest.fixture(scope="module")
def corrector():  # type: ignore[no-untyped-def]
    return load_corrector()


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("maisons", True),
        ("l'instant", True),
        ("jusqu'à", True),
        ("an-née", True),  # a hyphen of layout: a line end the text lost
        ("s'é-criait-elle", True),
        ("dit-on", True),
        ("porte-monnaie", True),
        ("CNRS", True),
        ("cnrs", False),  # an acronym only in capitals
        ("cepen-dall", False),
        ("médiotion", False),
        ("l,instant", False),
    ],
)
def test_lexicon_knows(corrector, word: str, known: bool) -> None:  # type: ignore[no-untyped-def]
    assert corrector.lexicon.is_known(word) is known


@pytest.mark.parametrize(
    ("word", "misread"),
    [
        ("n08", True),  # nos
        ("1G55", True),  # 1655
        ("M110", True),
        ("in-80", True),  # in-8o: no book has 80 leaves to a sheet
        ("Grand-9", True),
        ("2465-2483", False),  # digits only
        ("XIXe", False),  # letters only
        ("France1", False),  # a note call
        ("in-12", False),  # a book format
        ("0m,03", False),  # a measure
        ("10h30", False),
        ("km²", False),  # a superscript digit is printed as such
        ("2me", False),  # an old ordinal
        ("p.12", False),  # a reference
        ("J.1", True),  # ... but J is no abbreviation
        ("C8H7N2O3", False),  # a chemical formula
        ("H22J", True),  # J is no element
        ("4ÉTUDES", False),  # a running head's page number and title
        ("6ANDARA", True),  # ... but no title
    ],
)
def test_digits_in_a_word(corrector, word: str, misread: bool) -> None:  # type: ignore[no-untyped-def]
    assert misread_digits(word, corrector.lexicon) is misread


@pytest.mark.parametrize(
    ("word", "inner", "reading"),
    [
        ("étaiS", True, "étais"),
        ("éleVés", True, "élevés"),
        ("nOS", True, "nos"),  # a capital after a small letter, and the one after it
        ("DanieL", True, "Daniel"),  # the first letter keeps its case
        ("AthaLie", True, "Athalie"),
        ("ANimÉ", True, "ANIMÉ"),  # a word in capitals stays in capitals
        ("MAISoN", True, "MAISON"),
        ("MANŒUVRES", False, "MANŒUVRES"),  # Œ is a capital
        ("FeO", False, "Feo"),  # a chemical formula
        ("NaCl", False, "Nacl"),
        ("LaFontaine", True, "Lafontaine"),  # a name that joins two: flagged if a guard kept it
        ("Paris", False, "Paris"),
        ("CNRS", False, "CNRS"),  # capitals after a capital
        ("l'État", False, "l'état"),  # the class strips an elision first
        ("peut-Être", False, "peut-être"),
    ],
)
def test_capital_inside_a_word(word: str, inner: bool, reading: str) -> None:
    assert inner_capital(word) is inner
    assert folded(word) == reading


@pytest.mark.parametrize(
    ("first", "second", "breaks_nothing"),
    [
        ("avec", "une", True),
        ("l'ombre", "de", True),
        ("pro", "messe", False),  # a word broken at a line end
        ("peut", "être", False),  # a compound the lexicon lists
        ("dit", "il", False),  # a pronoun after a verb
        ("celui", "ci", False),
        ("très", "vif", False),  # très begins compounds the lexicon lists
        ("sous", "marin", False),
    ],
)
def test_hyphen_between_words(corrector, first: str, second: str, breaks_nothing: bool) -> None:  # type: ignore[no-untyped-def]
    assert corrector.hyphens.breaks_nothing(first, second) is breaks_nothing


@pytest.mark.parametrize(
    ("text", "old_text", "is_stray"),
    [
        ("le fait [f] de la question", False, True),
        ("la salle [é] du trône", False, True),
        ("il [a] parlé", False, False),  # a, à, y, ô, o, x are words
        ("il [y] va", False, False),
        ("[ô] gloire", False, False),
        ("il en [i] ot plus", True, False),  # in an old text, i is y
        ("il en [i] ot plus", False, True),
        ("le fait [d]' armes", False, False),  # an elided word
        ("Despinelle, [f]° 348", False, False),  # a folio
        ("la note [c]. du texte", False, False),  # an abbreviation
        ("les sels ([b]) sont rares", False, False),  # an enumeration
        ("une longueur de 5 [m] environ", False, False),  # a unit
        ("l'urine. [b] Les phosphates", False, False),  # an enumeration's letter
        ("l'urine. [b] les phosphates", False, True),
        ("le [F] de la question", False, True),  # a capital that is no word
        ("[A] partir de demain", False, False),  # à, its accent not printed
        ("par [J]. Dupont", False, False),  # an initial
        ("les points [B], C et D", False, False),  # an enumeration
        ("[E] Plus tard encore", False, False),  # an enumeration's letter
        ("dénigre ce qui [p] t bien", False, True),  # p, no stop, a small word after
        ("voir [p]. 12", False, False),  # page
        ("in-8°, [t] II", False, False),  # tome
        ("au tableau [n] 15", False, False),  # numéro
    ],
)
def test_stray_letters(text: str, old_text: bool, is_stray: bool) -> None:
    found = words(text.replace("[", "").replace("]", ""))
    start = text.index("[")
    (word,) = [w for w in found if w.start == start]
    assert stray(word, text.replace("[", "").replace("]", ""), old_text) is is_stray


@pytest.mark.parametrize(
    ("word", "is_garbled"),
    [
        ("n08", True),  # a digit against a letter
        ("i857", True),
        ("l,instant", True),  # a mark inside a word
        ("so!eil", True),
        ("coMmuru", True),  # a capital after a small letter
        ("3e", False),  # an ordinal
        ("1er", False),
        ("1857", False),
        ("estoit", False),
        ("DESGOFFES", False),
        ("l'Estat", False),
    ],
)
def test_garbled_words(word: str, is_garbled: bool) -> None:
    assert garbled(word) is is_garbled


@pytest.mark.parametrize(
    ("word", "looks_spelled"),
    [
        ("pensers", True),
        ("domté", True),
        ("l'espesseur", True),  # after the elided article
        ("Souuien-toy", True),  # each part; u for v (souvien)
        ("treuue", True),  # treuve
        ("estendars", True),
        ("atttibue", False),  # ttt: no French word has it
        ("eslongnees", False),  # ngn
        ("reçoy", False),  # çoy
        ("n08", False),
        ("l,iure", False),
    ],
)
def test_words_that_look_spelled(corrector, word: str, looks_spelled: bool) -> None:  # type: ignore[no-untyped-def]
    assert spelled(word, corrector.trigrams) is looks_spelled


def test_an_old_text_and_a_clean_print() -> None:
    assert old_text(["old", "known", "old"] + ["known"] * 197)  # 2 in 200
    assert not old_text(["old"] + ["known"] * 99)  # one old spelling is not enough
    assert not old_text(["old", "old"] + ["known"] * 298)  # 2 in 300: under 1%
    clean = words("Il estoit " * 100)
    assert clean_print(clean)
    assert not clean_print(words("Il estoit " * 99 + "n08 l,iure"))  # 2 in 200
    assert clean_print(words("Il estoit " * 200 + "n08"))  # 1 in 401


def test_lexicon_frequencies_and_kinds(corrector) -> None:  # type: ignore[no-untyped-def]
    lexicon = corrector.lexicon
    assert (lexicon.zipf("de"), lexicon.zipf("médiotion")) == (7.7, 0.0)
    assert lexicon.is_proper("Grenoble") and not lexicon.is_proper("maison")
    assert lexicon.is_attested("mediation") and not lexicon.is_word("mediation")
    assert lexicon.is_foreign("with") and not lexicon.is_foreign("avec")


def test_words_stop_at_cuts_and_know_sentence_starts() -> None:
    found = words("Il le dit. lls pâr l,instantl3 (so!eil)", cuts=[28])
    assert [(w.text, w.start, w.sentence_start) for w in found] == [
        ("Il", 0, True),
        ("le", 3, False),
        ("dit", 6, False),
        ("lls", 11, True),
        ("pâr", 15, False),
        ("l,instant", 19, False),
        ("l3", 28, False),
        ("so!eil", 32, True),
    ]
    assert [shape(t) for t in ("maison", "Maison", "CNRS", "nOS", "l'État", "A")] == [
        "lower",
        "title",
        "upper",
        "mixed",
        "title",
        "title",
    ]


@pytest.mark.parametrize(
    ("old", "expected"),
    [
        ("estoit", OldSpelling("était", True)),
        ("faict", OldSpelling("fait", True)),
        ("tousiours", OldSpelling("toujours", True)),
        ("beautez", OldSpelling("beautés", True)),
        ("enfans", OldSpelling("enfants", True)),
        ("luy", OldSpelling("lui", True)),
        ("vn", OldSpelling("un", True)),
        ("i'aime", OldSpelling("j'aime", True)),
        ("auecques", OldSpelling("avec", True)),
        ("doncques", OldSpelling("donc", True)),
        ("neantmoins", OldSpelling("néanmoins", True)),
        ("soubs", OldSpelling("sous", True)),
        ("doubte", OldSpelling("doute", True)),
        ("responce", OldSpelling("réponse", True)),
        ("desrobe", OldSpelling("dérobe", True)),
        ("receu", OldSpelling("reçu", True)),
        ("reçeu", OldSpelling("reçu", True)),
        ("veuë", OldSpelling("vue", True)),
        ("sceut", OldSpelling("sut", True)),
        ("cognoissances", OldSpelling("connaissances", True)),
        ("eschole", OldSpelling("école", True)),
        ("sepulchres", OldSpelling("sépulcres", True)),
        ("recerche", OldSpelling("recherche", True)),
        ("adiouster", OldSpelling("ajouter", True)),
        ("baulme", OldSpelling("baume", True)),
        ("hayr", OldSpelling("haïr", False)),  # y for ï: an old text's, or OCR's
        ("armee", OldSpelling("armée", False)),  # an accent only: an old text's, or OCR's
        ("volunté", OldSpelling("volonté", False)),  # u for o: an old text's, or OCR's
        ("gueres", OldSpelling("guère", False)),
        ("dévoûment", OldSpelling("dévouement", True)),  # spellings reformed since 1835
        ("remercîment", OldSpelling("remerciement", True)),
        ("rhythme", OldSpelling("rythme", True)),
        ("hémorrhagie", OldSpelling("hémorragie", True)),
        ("goëmons", OldSpelling("goémons", True)),
        ("polychrôme", OldSpelling("polychrome", True)),
        ("médiotion", None),
        ("trovail", None),
    ],
)
def test_old_spellings(corrector, old: str, expected: OldSpelling | None) -> None:  # type: ignore[no-untyped-def]
    assert modern_form(old, corrector.lexicon.is_word) == expected


def test_channel_candidates(corrector) -> None:  # type: ignore[no-untyped-def]
    ranked = corrector.candidates.ranked
    assert [c.text for c in ranked("cornrne")[:1]] == ["comme"]  # rn for m, twice: one misreading
    assert [c.text for c in ranked("lls")[:1]] == ["Ils"]
    assert [c.text for c in ranked("Vll")[:1]] == ["VII"]
    assert [c.text for c in ranked("l,instant")[:1]] == ["l'instant"]
    assert ranked("zqxwv") == ()


def test_a_documents_habits_need_several_words() -> None:
    def likely(word: str, seen: str, meant: str, confidence: float) -> tuple[str, Candidate, float]:
        return word, Candidate(word, ((seen, meant, -9.0),), -9.0, -10.0), confidence

    one = adapt.evidence([likely("trovail", "o", "a", 0.9), likely("trovail", "o", "a", 0.9)])
    assert dict(one) == {("o", "a"): 0.9}  # the same word twice is one piece of evidence
    assert adapt.adapted(one, "a" * 100) == {}
    two = adapt.evidence([likely("trovail", "o", "a", 0.9), likely("sociole", "o", "a", 0.8)])
    assert adapt.adapted(two, "a" * 100) == {("o", "a"): pytest.approx(-4.0745, abs=1e-4)}


def test_context_prefers_the_usual_neighbours(corrector) -> None:  # type: ignore[no-untyped-def]
    score = corrector.bigrams.score
    lexicon = corrector.lexicon
    assert score("pose", "dans", "ces", lexicon) - score("pose", "dons", "ces", lexicon) > 5
    assert score("les", "dons", "de", lexicon) < score("les", "dans", "de", lexicon) + 5


def test_the_corrections_file_round_trip(tmp_path: Path) -> None:
    row = Row("a.txt", "xii", 3, 15, "médiotion", "médiation", "medium", "Les\t«", "de", "accept")
    undecided = Row("a.txt", "xii", 4, 1, "lls", "Ils", "medium", "", "remplissent")
    path = tmp_path / "c.tsv"
    text = write_corrections([row, undecided], Editor("jd", "Jeanne Dupont"))
    path.write_text(text, encoding="utf-8")
    read = read_corrections(path)
    assert read.editor == Editor("jd", "Jeanne Dupont")
    assert read.rows == (row, undecided)
    assert [r.file_line for r in read.rows] == [7, 8]
    assert read.decided("a.txt") == [row]
    assert read.decided("b.txt") == []


def test_a_corrections_file_without_an_editor(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text(write_corrections([]), encoding="utf-8")
    read = read_corrections(path)
    assert (read.editor, read.responsible.xml_id) == (None, "editor")


@pytest.mark.parametrize(
    ("text", "classes"),
    [
        ("- Ah 1 mon Dieu", ("interjection", "lower")),
        ("Que tout le monde y passe 1 Pressez-le", ("word", "capital")),
        ("le tableau 1 - la suite", ("word", "dash")),
        ("le chapitre 1 - la suite", ("numeral", "dash")),  # the grammar's, not learned
        ("près de Thiers 1 -20, par M. Giroux", ("word", "digit")),
        ("à la page 1 du livre", ("numeral", "lower")),
        ("le n° 1 de la rue", ("abbreviation", "lower")),
        ("souffrances 1 . On fit", ("word", "punctuation")),
        ("1 vol. in-8", ("start", "counted")),
        ("Fin. 1", ("punctuation", "end")),
    ],
)
def test_the_context_of_a_standalone_mark(text: str, classes: tuple[str, str]) -> None:
    marks = Punctuation.load()
    (mark,) = [w for w in words(text) if standalone(w, text)]
    left = left_class(text, mark.start, marks.lists)
    assert (left, right_class(text, mark.end, marks.lists)) == classes


def test_dialogue_is_a_dash_that_opens_a_sentence() -> None:
    assert dialogue(["- Ah 1 mon Dieu", "dit-il."]) == "dialogue"
    assert dialogue(["Fin. - Ah 1 mon Dieu"]) == "dialogue"
    assert dialogue(["le chapitre 1 - la suite, dit-il."]) == "prose"


def test_a_protected_mark_is_left_alone(corrector) -> None:  # type: ignore[no-untyped-def]
    text = "- Eh bien 1 c'est sans titre"
    found = corrector.propose([Passage(text)])
    assert [(p.start, p.sic, p.corr, p.cert) for p in found] == [(10, "1", "!", "medium")]
    assert corrector.propose([Passage(text, protected=((10, 11),))]) == []


@pytest.mark.parametrize(
    ("before", "kind"),
    [
        ("", "start"),
        ("Il y pense. ", "stop"),
        ("DANIEL. ", "upper"),
        ("Il y pense . ", "loose"),
        ("Il y pense.. ", "loose"),
        ("Madame !. ", "loose"),
        ("Paris, 1527. ", "number"),
        ("Ah ! ", "exclaim"),
        ("Vraiment ? ", "question"),
        ("Il dit : ", None),
        ("Il dit, ", None),
        ("« ", None),
    ],
)
def test_end_kind(before: str, kind: str | None) -> None:
    """The kind of sentence end before a word, which sets how often a small letter is right."""
    assert end_kind(before) == kind
