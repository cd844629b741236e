"""Footnotes anchored and numbered: small cases in tests/annotate/notes.toml, the number
reading model, and the notes as the TEI shows them."""

from __future__ import annotations

import tomllib

import pytest
from lxml import etree

from support import REPO
from teiforge.annotate import annotate
from teiforge.annotate.context import Context
from teiforge.annotate.notes import annotate_notes
from teiforge.annotate.numbering import misreading_cost, readings
from teiforge.encode import encode
from teiforge.layout import segment
from teiforge.model import Span
from teiforge.notecalls import find_calls
from teiforge.notemarks import parse_label
from teiforge.read import source_from_bytes

CASES = tomllib.loads((REPO / "tests" / "annotate" / "notes.toml").read_text(encoding="utf-8"))[
    "case"
]
TEI = {"t": "http://www.tei-c.org/ns/1.0"}


def _describe(text: str) -> list[str]:
    layout = segment(source_from_bytes(text.lstrip("\n").encode(), "case.txt"))
    lines = []
    for span in annotate_notes(layout, (), Context()):
        assert isinstance(span, Span)
        if span.block == int(span.attrs["block"]) or span.start == span.end:
            # left at its page: at the end of the page's text, or in its own place
            lines.append(f"n={span.attrs['n']} unanchored")
        else:
            lines.append(
                f"n={span.attrs['n']} anchor={layout.blocks[span.block].text[span.start : span.end]}"
            )
    return lines


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_notes(case: dict[str, object]) -> None:
    assert _describe(str(case["text"])) == case["expected"]


@pytest.mark.parametrize(
    ("number", "printed", "cost"),
    [
        (13, "13", 0.0),
        (13, "l3", 0.3),
        (14, "la", 0.6),
        (25, "2s", 0.3),
        (26, "6", 0.8),
        (14, "xy", 2.0),
    ],
)
def test_misreading_cost(number: int, printed: str, cost: float) -> None:
    assert misreading_cost(number, printed) == pytest.approx(cost)


def test_readings_of_a_garbled_label() -> None:
    assert sorted(readings("l3")) == [13]
    assert sorted(readings("6")) == [6, 16, 26, 36, 46, 56, 66, 76, 86, 96]


def test_note_moves_to_its_anchor_and_keeps_the_marks_as_read() -> None:
    text = "Le rapport de 1998 en faisait le constatl2 et proposait une réforme des contrats de ville.\n\n12 Voir le rapport.\n"
    tei = etree.fromstring(encode(source_from_bytes(text.encode(), "t.txt")))
    paragraph = tei.find(".//t:body//t:p", TEI)
    assert etree.tostring(paragraph, encoding="unicode").split(">", 1)[1].rsplit("<", 1)[0] == (
        'Le rapport de 1998 en faisait le constat<choice><sic>l2</sic><corr resp="#teiforge"/></choice>'
        '<note place="foot" n="12" xml:id="note12"><choice><sic>12</sic><corr resp="#teiforge"/></choice>'
        " Voir le rapport.</note> et proposait une réforme des contrats de ville."
    )
    assert len(tei.findall(".//t:body//t:note", TEI)) == 1


def test_a_call_lost_to_ocr_leaves_its_gap_before_the_stop() -> None:
    """`canardières .`: OCR lost the raised `(2)` and kept the space it stood in; the
    note stands after the word, the text kept as read."""
    text = (
        "Les villes ont des murailles basses (1). Comme les Foulahs, ils bâtissent des\n"
        "murailles flanquées de tours et de canardières .\n\n"
        "(1) Cf. Proceedings of the Association, t. V, p. 329.\n"
        "@ Cp. Winterbottom, p. 121.\n"
    )
    tei = etree.fromstring(encode(source_from_bytes(text.encode(), "t.txt")))
    notes = tei.findall(".//t:body//t:p/t:note", TEI)
    assert [(note.get("n"), note.tail) for note in notes] == [
        (
            "1",
            ". Comme les Foulahs, ils bâtissent des murailles flanquées de tours et de canardières",
        ),
        ("2", " ."),
    ]


def test_clean_labels_read_out_of_order_go_to_the_calls_they_print() -> None:
    """A reading order that puts a page's first note after the others (`(2)`, `(3)`,
    `(1)`, as some ALTO files do): each note goes to the call of its printed number."""
    text = (
        "Les habitants des îles sont d'excellents marins (1), suivant Lopez de Lima. Un\n"
        "agent est chargé de régler les différends (2). M. Caillé (3) raconte le reste.\n\n"
        "(2) Barth, Voyages, t. III, p. 321.\n"
        "(3) T. II, p. 103 et suiv.\n"
        "(1) Bulletin de la Société de Géographie, 1846, t. I, p. 154.\n"
    )
    tei = etree.fromstring(encode(source_from_bytes(text.encode(), "t.txt")))
    notes = tei.findall(".//t:body//t:p/t:note", TEI)
    assert [(note.get("n"), "".join(note.itertext()).split()[1]) for note in notes] == [
        ("1", "Bulletin"),
        ("2", "Barth,"),
        ("3", "T."),
    ]


def test_a_note_without_anchor_stays_before_the_next_page() -> None:
    """A paragraph runs on to the next page; the page's note, its call lost, comes after
    the page's last word and before the page break, not after the paragraph."""
    text = (
        "Le conseil local se réunit deux fois par an en séance plénière, selon les textes\n"
        "officiels que la commune a publiés dans son recueil des\n\n"
        "7 Décret du 17 juillet 2002.\n\f"
        "actes administratifs de l'année, et qu'elle tient à la disposition du public.\n"
    )
    tei = etree.fromstring(encode(source_from_bytes(text.encode(), "t.txt")))
    paragraph = tei.find(".//t:body//t:p", TEI)
    assert [(child.tag.split("}")[1], child.tail) for child in paragraph] == [
        ("note", " "),
        ("pb", "actes administratifs de l'année, et qu'elle tient à la disposition du public."),
    ]
    assert paragraph.text.endswith("dans son recueil des")
    assert paragraph[0].get("n") == "7"


def test_two_pages_of_the_same_text_keep_each_its_notes() -> None:
    """Pages that read alike (a form printed twice, a repeated passage) have alike call
    candidates: each page's notes still go to its own text."""
    page = (
        "Le voyageur arriva au village, où on l'attendait depuis plusieurs jours (1).\n"
        "Il y resta deux semaines (2).\n\n(1) Voir Durand, p. 12.\n(2) Ibid., p. 14.\n"
    )
    tei = etree.fromstring(encode(source_from_bytes(f"{page}\f{page}".encode(), "t.txt")))
    body = tei.find(".//t:body", TEI)
    order = [
        "pb" if element.tag.endswith("pb") else f"note{element.get('n')}"
        for element in body.iter(f"{{{TEI['t']}}}pb", f"{{{TEI['t']}}}note")
    ]
    assert order == ["pb", "note1", "note2", "pb", "note1", "note2"]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("12 Voir le rapport.", ("digits", "12", "12", "Voir le rapport.")),
        ("12. Voir le rapport.", ("digits", "12.", "12", "Voir le rapport.")),
        ("¹ Voir le rapport.", ("digits", "¹", "1", "Voir le rapport.")),
        ("(12) Voir le rapport.", ("bracketed", "(12)", "12", "Voir le rapport.")),
        ("[3] Voir le rapport.", ("bracketed", "[3]", "3", "Voir le rapport.")),
        ("(3) t. II, p. 4.", ("bracketed", "(3)", "3", "t. II, p. 4.")),
        ("(a) Durand, p. 88.", ("bracketed", "(a)", "a", "Durand, p. 88.")),
        ("(@) Sophocle, v. 691.", ("bracketed", "(@)", "@", "Sophocle, v. 691.")),
        ("() Voir Elementos.", ("bracketed", "()", "", "Voir Elementos.")),
        ("G) Moreau, ouvr. cit.", ("bracketed", "G)", "G", "Moreau, ouvr. cit.")),
        ("} Bréal, De la forme.", ("bracketed", "}", "", "Bréal, De la forme.")),
        ("* Voyez la note.", ("symbol", "*", "*", "Voyez la note.")),
        ("# Voyez la note.", ("symbol", "#", "*", "Voyez la note.")),
        ("†† Toutefois, t. IV.", ("symbol", "††", "††", "Toutefois, t. IV.")),
        ("to Bousquet, R.", ("digits", "to", "to", "Bousquet, R.")),
        ("12 ibid., p. 4.", ("digits", "12", "12", "ibid., p. 4.")),
        ("12 heures plus tard.", None),
        ("le Conseil a voté.", None),
        ("I. Introduction", None),
        ("III", None),
        ("13", ("digits", "13", "13", "")),
        ("(Applaudissements.)", None),
        ("a) les communes rurales.", None),
        ("* pour eux rue des Plâtriers.", None),
        # a whole raised (1) read as one sign, a bracket kept alone or with a space
        ("® Voir t. IV, p. 487.", ("bracketed", "®", "®", "Voir t. IV, p. 487.")),
        ("®_ Voyage dans l'Afrique", ("bracketed", "®_", "®", "Voyage dans l'Afrique")),
        ("@ Cf. Proceedings", ("bracketed", "@", "@", "Cf. Proceedings")),
        ("G} Deuxième voyage", ("bracketed", "G}", "G", "Deuxième voyage")),
        ("( Bulletin de la Société", ("bracketed", "(", "", "Bulletin de la Société")),
        # a raised (1) read with a quotation mark and a degree sign for its brackets
        ("‘2° Surtout le drame", ("bracketed", "‘2°", "2", "Surtout le drame")),
        ("2° Surtout le drame", None),
        ("® le chat", None),
        ("( 12 )", None),
    ],
)
def test_note_labels(line: str, label: tuple[str, str, str, str] | None) -> None:
    found = parse_label(line)
    read = (
        None if found is None else (found[0].kind.value, found[0].printed, found[0].core, found[1])
    )
    assert read == label


@pytest.mark.parametrize(
    ("text", "calls"),
    [
        ("littéraires (1). Il", [("(1)", "bracketed", 3.0)]),
        ("Lucas(f) a vu", [("(f)", "bracketed", 3.0)]),
        ("Bopp () rapproche", [("()", "bracketed", 2.0)]),
        ("Barth ®) a trouvé", [("®)", "bracketed", 1.5)]),
        ("Rabinal-Achi ), il", [(")", "bracketed", 1.5)]),
        ('chœur sacré ");', [('")', "bracketed", 1.5)]),
        ("Elhauy¹, espèce", [("¹", "digits", 3.0)]),
        ("Elhauy', espèce", [("'", "garbled superscript", 2.0)]),
        ("le célèbre Rhazès? dont", [("?", "garbled superscript", 2.0)]),
        ("rue des Plâtriers!. Il", [("!", "garbled superscript", 2.0)]),
        ("Hélas! Vous", [("!", "garbled superscript", 0.8)]),
        # ... glued to the stop after its word, or to a word elided before it
        ("à tous les trois,' dit", [("'", "garbled superscript", 2.0)]),
        ("rappeler qu'il° avait", [("°", "garbled superscript", 2.0)]),
        ("les maîtres.° Il", [("°", "garbled superscript", 0.8)]),
        ("la page 12,' dit", []),
        ("oui, a,' dit", []),
        ("l'a° dit", []),
        ("vé-rité *, qu'ils", [("*", "symbol", 3.0)]),
        ("la France* ; mais", [("*", "symbol", 3.0)]),
        ("dernières pages.1 Il", [("1", "digits", 3.0)]),
        ("les meilleurs. »91 Le", [("91", "digits", 3.0)]),
        ("de Galilée550 et", [("550", "digits", 3.0)]),
        # a stop between the word and the call; French sets a space before `?`
        ("une douce brebis,* il", [("*", "symbol", 3.0)]),
        ("soupira M.* Harnoy", [("*", "symbol", 3.0)]),
        ("la fin. * * *", []),
        ("il le faut bien, ** pourtant", [("**", "symbol", 3.0)]),
        ("ton cousin :*** il a", [("***", "symbol", 3.0)]),
        ("l'escalier ébranlé †† sur", [("††", "symbol", 3.0)]),
        ("plaindre du sort ?374 demanda", [("374", "digits", 3.0)]),
        # after a word of one letter, or a capital abbreviated
        ("se mit à410 tisonner", [("410", "digits", 3.0)]),
        ("épouser M.397 et", [("397", "digits", 3.0)]),
        ("voir p.12 et H2 ou 12 mai", []),
        ("en 1998, à l'art. 12, la (sic) et l'homme", []),
        # a raised number read as `!` apart from its word, before a stop (weaker before
        # a guillemet, where a quotation may end so)
        ("fisicien ! ».", [("!", "garbled superscript", 0.8)]),
        ("de taureau !.", [("!", "garbled superscript", 2.0)]),
        ("Quel homme ! Il", []),
        # a whole raised (1) read as one sign apart from its word
        ("par M. Clapperton ® à", [("®", "bracketed", 1.5)]),
        # a bracket opened and never closed before a stop or the line's end
        ("visitent ces régions (,", [("(", "bracketed", 1.5)]),
        ("importées par les Américains (9. Chose", [("(9", "bracketed", 1.5)]),
        ("par Mungo-Park (}, nous", [("(}", "bracketed", 1.5)]),
        ("broyée et non moulue(#.", [("(#", "bracketed", 1.5)]),
        # ... or opened onto a space, bare or on a sign, before the next word
        ("Certains auteurs ( racontent que", [("(", "bracketed", 1.5)]),
        ("On nous raconte (® qu'il y a", [("(®", "bracketed", 1.5)]),
        ("un cri ( Rires prolongés ) puis", [(")", "bracketed", 1.5)]),
        ("on voit (a) des (1 mai) fêtes", [("(a)", "bracketed", 3.0)]),
        # a space before a full stop: the gap of a raised mark OCR lost, an empty call
        ("de tours et de canardières . On", [("", "bracketed", 0.8)]),
        ("des fruits, etc . On", []),
        ("voir p. 12 . On", []),
        ("au chapitre XIII . On", []),
        # no stop before a pronoun that opens a sentence: the stop lost, and the call
        ("de Sicua Je sais", [("", "bracketed", 0.8)]),
        ("il le dit. Je sais", []),
        ("il le dit, Il sait", []),
        ("voir M Il sait", []),
        ("et dit Jean qui", []),
        ("voir (p. suiv.)", []),
        ("sont essentiellement commerçan(s, tandis", []),
        # the closing bracket kept alone, glued to its word, closing no parenthesis
        ("de suif et de cire). Le", [(")", "bracketed", 0.8)]),
        ("(voir le texte). Ici", []),
        ("d'excellents marins}, suivant", [("}", "bracketed", 0.8)]),
        ("des bougies de cire l?).", [("l?)", "bracketed", 1.5)]),
    ],
)
def test_note_calls(text: str, calls: list[tuple[str, str, float]]) -> None:
    assert [
        (text[c.start : c.end], c.mark.kind.value, c.evidence) for c in find_calls(text)
    ] == calls


def test_the_ocr_corrector_leaves_a_call_alone() -> None:
    text = (
        "Ils contiennent l'ouvrage arabe nommé Elhauy¹, espèce d'encyclopédie médicale.\n\n"
        "1. Plus correctement Al-Hâwi.\n"
    )
    layout = segment(source_from_bytes(text.encode(), "t.txt"))
    spans = annotate(layout).spans
    note = next(s for s in spans if s.tag == "note")
    assert layout.blocks[note.block].text[note.start : note.end] == "¹"
    assert [
        s for s in spans if s.source == "ocr" and s.start < note.end and note.start < s.end
    ] == []


def test_a_call_lost_with_its_stop_anchors_its_note_at_the_word() -> None:
    """`de Sicua Je sais`: no stop before a pronoun that opens a sentence; the note's
    anchor is an empty call right after the word (the gap OCR left)."""
    text = (
        "Le Dr Nodal prétend que cette belle pièce date de l'an 1781, et que son auteur est un\n"
        "écrivain nommé Antonia Valdez, de Sicua\n"
        "Je sais bien que M. Tschudi repousse avec indignation l'assertion du docteur de Cuzco,\n"
        "dont il est forcé cependant de louer la connaissance approfondie en quichua.\n\n"
        "(1) Voir Elementos de la gramática quichua, por el D' José Fernandez Nodal.\n"
    )
    layout = segment(source_from_bytes(text.encode(), "case.txt"))
    [span] = list(annotate_notes(layout, (), Context()))
    assert isinstance(span, Span)
    paragraph = layout.blocks[span.block].text
    assert (span.start == span.end, paragraph[: span.start][-12:]) == (
        True,
        "Valdez, de Sicua"[-12:],
    )
    assert span.attrs["n"] == "1"
