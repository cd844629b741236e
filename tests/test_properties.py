"""Properties of `encode` on generated OCR-like text (Hypothesis): it never crashes, its output
is valid against our schema (and tei_all), its diplomatic reading holds every word of the
input (layout aside) and adds none, and the same input gives the same bytes.

The texts are built like the OCR of French reports: garbled guillemets (`<`, `>r`, `))`,
`tc`), digits glued to words (`instantl3`), note zones with garbled labels (`to`, `l3`),
runs of blank lines and form feeds between pages, double spacing, hyphens at line ends,
enumerated headings, interview turns, accents and ligatures, CR and CRLF line ends. The
examples are derandomized: CI sees the same ones on every run.
"""

from __future__ import annotations

import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from support import missing_words
from teiforge.encode import EncodeOptions, encode
from teiforge.read import source_from_bytes
from teiforge.tei.ns import TEI_NS
from teiforge.tei.readings import reading

OPTIONS = EncodeOptions(date="2026-01-01")
PROPERTIES = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

WORDS = [
    "le", "la", "les", "de", "des", "du", "et", "à", "en", "un", "une", "que", "qui", "dans",
    "conseil", "général", "quartier", "ville", "maire", "prévention", "délinquance",
    "sécurité", "rapport", "médiation", "partenariat", "comités", "acteurs", "jeunes",
    "œuvre", "cœur", "État", "élèves", "naïf", "où", "déjà", "ça", "l'État", "qu'il",
    "aujourd'hui", "ﬁnancement", "eﬀet", "Œdipe", "Grenoble", "Lyon", "CAF", "CNRS",
    "XIV", "op.", "cit.", "éd.", "p.", "1998", "2008", "12,5", "%", "n°", "&", "€",
]  # fmt: skip
GARBLED = [
    "instantl3", "fermésla", "déficient2s", "rnaisons", "professiôns", "médiotion", "1'État",
    "ancienl2", "l3", "c0mme", "tc", "Ies", "i1", "'s", "-", "—", "–", "·", "¬",
]  # fmt: skip
MARKS = [
    "<", ">", "n", ">r", "))", "(", "«", "»", '"', "“", "”", "<<", ">>", ":", ";", ",",
    ".", "…", "?", "!", "[", "]", "(1)", "*",
]  # fmt: skip
BROKEN = [("dévelop", "pés"), ("diversi", "fiés"), ("commu", "nes"), ("Jean", "Pierre")]
LABELS = ["1", "2", "6", "13", "to", "l3", "Il", "*", "a", "12"]
ENUMERATORS = ["I.", "II.", "A.", "B.", "1.", "2)", "3.2", "a)", "IV."]
SPEAKERS = ["R.T. :", "M.D. :", "M. Dupont :", "Mme Martin :", "Q :", "tc R.T. :", "<< M.D. :"]


token = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(GARBLED),
    st.sampled_from(MARKS),
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        min_size=1,
        max_size=6,
    ),
)
spaces = st.sampled_from([" ", " ", " ", "  ", "\t", " \u00a0"])


@st.composite
def prose(draw: st.DrawFn, min_size: int = 1) -> str:
    words = draw(st.lists(token, min_size=min_size, max_size=14))
    separators = draw(st.lists(spaces, min_size=len(words), max_size=len(words)))
    line = "".join(w + s for w, s in zip(words, separators)).strip()
    return line + draw(st.sampled_from(["", "", ".", " .", ",", " :", "-", " >r", "))"]))


@st.composite
def page_lines(draw: st.DrawFn) -> list[str]:
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["14", "xii", "  7  "])))
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["prose"] * 6 + ["broken", "heading", "turn", "caps"]))
        if kind == "broken":
            left, right = draw(st.sampled_from(BROKEN))
            lines.append(f"{draw(prose())} {left}-")
            lines.append(f"{right} {draw(prose())}")
        elif kind == "heading":
            title = draw(prose()).rstrip(".").capitalize() or "Titre"
            lines.append(f"{draw(st.sampled_from(ENUMERATORS))} {title}")
        elif kind == "turn":
            lines.append(f"{draw(st.sampled_from(SPEAKERS))} {draw(prose())}")
        elif kind == "caps":
            lines.append(draw(prose()).upper())
        else:
            lines.append(draw(prose()))
    if draw(st.booleans()):  # a footnote zone, perhaps under a separator
        if draw(st.booleans()):
            lines.append("____________")
        for _ in range(draw(st.integers(1, 3))):
            body = draw(prose()).capitalize()
            lines.append(f"{draw(st.sampled_from(LABELS))} {body}")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(["15", "xiii"])))
    return lines


@st.composite
def ocr_text(draw: st.DrawFn) -> str:
    pages = draw(st.lists(page_lines(), min_size=1, max_size=4))
    parts = []
    for lines in pages:
        spacing = draw(st.sampled_from(["\n", "\n", "\n\n", "\n\n\n"]))
        page = ""
        for line in lines:
            page += line + (draw(st.sampled_from(["\n", "\n\n"])) if spacing == "\n" else spacing)
        parts.append(page)
    separators = st.sampled_from(["\f", "\n" * 6, "\n" * 12, "\n\f\n", " \n \n\n\n\n\n"])
    text = parts[0] + "".join(draw(separators) + part for part in parts[1:])
    return text.replace("\n", draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))


def _encoded(text: str) -> tuple[str, bytes]:
    source = source_from_bytes(text.encode("utf-8"), "generated.txt")
    return source.text, encode(source, OPTIONS)


@PROPERTIES
@given(ocr_text())
def test_generated_ocr_text(teiforge_schema: xmlschema.XMLSchema, text: str) -> None:
    decoded, data = _encoded(text)
    root = etree.fromstring(data)
    assert [str(e.reason) for e in teiforge_schema.iter_errors(root)] == []
    diplomatic = reading(root, "diplomatic")
    assert missing_words(decoded, diplomatic) == {}
    assert missing_words(diplomatic, decoded) == {}  # and adds none
    reading(root, "corrected")  # the other reading exists too
    assert encode(source_from_bytes(text.encode("utf-8"), "generated.txt"), OPTIONS) == data


@settings(PROPERTIES, max_examples=25)
@given(ocr_text())
def test_generated_ocr_text_is_tei(tei_all: etree.RelaxNG, text: str) -> None:
    _, data = _encoded(text)
    assert tei_all.validate(etree.fromstring(data)), str(tei_all.error_log.last_error)


@PROPERTIES
@given(
    st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=400
    )
)
def test_any_text_encodes_or_is_refused_in_one_line(
    teiforge_schema: xmlschema.XMLSchema, text: str
) -> None:
    """Whatever the characters (controls, noncharacters, lone form feeds), a text is encoded
    into valid TEI, or refused as InputError (whitespace only, binary)."""
    from teiforge.errors import InputError

    try:
        decoded, data = _encoded(text)
    except InputError as refused:
        assert refused.problem in {"no text (whitespace only)", "binary file, not text"}
        return
    root = etree.fromstring(data)
    assert [str(e.reason) for e in teiforge_schema.iter_errors(root)] == []
    assert missing_words(decoded, reading(root, "diplomatic")) == {}


# Examples Hypothesis found, kept as plain tests.


def test_form_feeds_within_a_line_separate_pages_and_words() -> None:
    decoded, data = _encoded("Texte.\f0\fAutre 0\f0")
    root = etree.fromstring(data)
    assert missing_words(decoded, reading(root, "diplomatic")) == {}
    assert root.find(".//{http://www.tei-c.org/ns/1.0}measure").get("quantity") == "4"


def test_a_word_broken_over_the_page_turn_stays_one_word() -> None:
    """Found by Hypothesis (`commu-` then blank lines, `xiii`): the page turns in mid-word,
    so its pb says break="no" and no reading cuts the word in two."""
    for text, word in (
        ("Les maisons dévelop-\n\fpés ici.\n", "développés"),
        (".  “. commu-\n\n\n\n\n\nxiii", "commuxiii"),
    ):
        decoded, data = _encoded(text)
        root = etree.fromstring(data)
        (inside,) = root.findall(
            ".//{http://www.tei-c.org/ns/1.0}p/{http://www.tei-c.org/ns/1.0}pb"
        )
        assert inside.get("break") == "no"
        for name in ("diplomatic", "corrected"):
            assert word in reading(root, name).split()
        assert missing_words(decoded, reading(root, "diplomatic")) == {}


def test_a_page_number_with_dashes_is_pb_n_and_kept_in_fw() -> None:
    """A printed page number is the page's pb/@n, and stays as printed in its fw."""
    decoded, data = _encoded("- 15 -\nLe texte de la page.\n")
    root = etree.fromstring(data)
    assert [pb.get("n") for pb in root.iter(f"{{{TEI_NS}}}pb")] == ["15"]
    assert [(fw.get("type"), fw.text) for fw in root.iter(f"{{{TEI_NS}}}fw")] == [
        ("pageNum", "- 15 -")
    ]
    assert missing_words(decoded, reading(root, "diplomatic")) == {}
    normalization = root.find(f".//{{{TEI_NS}}}normalization")
    assert normalization is not None
    assert "kept as printed in fw after its page's pb" in "".join(normalization.itertext())
