"""A long book, generated: the edition of a 600-page book as teiforge would encode it
(chapters and sections with headings, a page break every page, notes, names), to test
what only a long document shows (the edition in parts, the search index)."""

from __future__ import annotations

from lxml import etree

from teiforge.tei.ns import TEI_NS, XML_ID, E

PLACES = ("Grenoble", "Lyon", "Valence", "Chambéry", "Annecy")
SENTENCE = (
    "le quartier change avec les saisons et les habitants parlent de la ville comme "
    "d'une maison commune où chacun garde sa place"
)
WORDS = tuple(SENTENCE.split())


def long_book(pages: int = 600, per_chapter: int = 20) -> bytes:
    """A TEI book of `pages` pages, a chapter every `per_chapter` pages, two sections per
    chapter; each page has three paragraphs, a note, a place and a person."""
    people = E.listPerson(
        *(E.person(E.persName(f"Personne {n}"), **{XML_ID: f"pers-{n}"}) for n in range(10))
    )
    body = E.body()
    page = 0
    for chapter in range(pages // per_chapter):
        div = E.div(E.head(f"Chapitre {chapter + 1}"), type="chapter")
        for section in range(2):
            sub = E.div(E.head(f"Section {chapter + 1}.{section + 1}"), type="section")
            for _ in range(per_chapter // 2):
                page += 1
                sub.append(E.pb(n=str(page)))
                for paragraph in range(3):
                    start = (page * 7 + paragraph) % len(WORDS)
                    words = " ".join((WORDS * 8)[start : start + 60])
                    p = E.p(f"Page {page} mot{page}x{paragraph} {words} à ")
                    p.append(E.placeName(PLACES[page % len(PLACES)]))
                    p[-1].tail = " avec "
                    p.append(E.persName(f"Personne {page % 10}", ref=f"#pers-{page % 10}"))
                    p[-1].tail = f" {words}."
                    if paragraph == 1:
                        p.append(E.note(f"Note de la page {page}.", n=str(page), place="foot"))
                    sub.append(p)
            div.append(sub)
        body.append(div)
    tei = E.TEI(
        E.teiHeader(
            E.fileDesc(
                E.titleStmt(E.title("Un long livre")),
                E.publicationStmt(E.p("test")),
                E.sourceDesc(E.p("généré")),
            )
        ),
        E.standOff(people),
        E.text(body),
        **{"{http://www.w3.org/XML/1998/namespace}lang": "fr"},
    )
    assert tei.nsmap[None] == TEI_NS
    return etree.tostring(tei, encoding="utf-8", xml_declaration=True)
