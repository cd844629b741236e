"""teiforge html: exact rendering of each TEI family, the invariants on every fixture (no
text lost in either reading, deterministic, structurally valid HTML, nothing loaded but
the site's own files) and the input errors. The site, its indexes and the HTML validator
are in test_html_site.py; the browser in test_html_browser.py."""

from __future__ import annotations

import copy
import sys
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teiforge.errors import InputError
from teiforge.html import render_document
from teiforge.html.quotes import added_marks, printed_label
from teiforge.html.quotes import parts as quote_parts
from teiforge.tei.load import readable_tei
from teiforge.tei.ns import TEI_NS, XML_ID
from teiforge.tei.readings import reading as tei_reading
from teiforge.xmlsafe import parse_bytes, parse_file

FIXTURES = Path(__file__).parent / "html"
# fragments, P4, a transcription of the source: rendered, kept out of the site tests' site
ANY_TEI = FIXTURES / "anytei"
ALL = sorted(FIXTURES.glob("*.xml")) + sorted(ANY_TEI.glob("*.xml"))
BLOCKS = {
    "address",
    "article",
    "blockquote",
    "details",
    "div",
    "dl",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "ul",
}
PHRASING_ONLY = {"p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "i", "em", "a", "sup", "abbr"}
VOID = {"br", "meta", "link", "hr", "img", "wbr"}


class NestingChecker(HTMLParser):
    """The page's tags exactly as written (a browser's parser would silently close a <p>
    that meets a <div>): every end tag closes the innermost open element, no block opens
    inside an element that may only hold phrasing content, and no link holds a link."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS and PHRASING_ONLY & set(self.stack):
            self.problems.append(f"<{tag}> inside {'/'.join(self.stack)}")
        if tag == "a" and "a" in self.stack:
            self.problems.append(f"<a> inside {'/'.join(self.stack)}")
        if tag in ("li",) and self.stack[-1:] not in (["ul"], ["ol"]):
            self.problems.append(f"<li> outside a list: {'/'.join(self.stack)}")
        if self.stack[-1:] in (["ul"], ["ol"]) and tag != "li":
            self.problems.append(f"<{tag}> directly in <{self.stack[-1]}>")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {'/'.join(self.stack)}")
        else:
            self.stack.pop()


def page(name: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_document(parse_file(FIXTURES / name)))


def page_of(tei: str) -> lxml.html.HtmlElement:
    """The page of a small TEI document given as its <text> content and standOff."""
    xml = (
        f'<TEI xmlns="{TEI_NS}" xml:lang="fr"><teiHeader><fileDesc><titleStmt><title>t</title>'
        "</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc>"
        f"</fileDesc></teiHeader>{tei}</TEI>"
    )
    return lxml.html.document_fromstring(render_document(parse_bytes(xml.encode())))


def one(root: lxml.html.HtmlElement, css_xpath: str) -> lxml.html.HtmlElement:
    found = root.xpath(css_xpath)
    assert len(found) == 1, (css_xpath, len(found))
    return found[0]


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def shown(element: lxml.html.HtmlElement) -> str:
    """The text of `element` in the corrected reading (the source's forms are hidden)."""
    element = copy.deepcopy(element)
    for source in element.xpath(".//*[@class='reading-source']"):
        source.drop_tree()
    return text(element)


def tei_words(path: Path) -> list[str]:
    """Every word of the TEI text: text nodes under TEI/text or TEI/sourceDoc (of each
    corpus member), or under the root of a fragment; P4 read as P5."""
    root = readable_tei(parse_file(path).getroot())
    if etree.QName(root).localname in ("TEI", "teiCorpus"):
        path_ = "//tei:text//text() | //tei:sourceDoc//text()"
        nodes = root.xpath(path_, namespaces={"tei": TEI_NS})
    else:
        nodes = root.xpath("//text()")
    return " ".join(" ".join(nodes).split()).split()


def page_text(root: lxml.html.HtmlElement) -> str:
    """What a reader can get from the page: its text in both readings, and the readings
    kept in title and data-* attributes."""
    kept = [root.body.text_content()]
    for element in root.body.iter():
        kept += [v for k, v in element.attrib.items() if k == "title" or k.startswith("data-")]
    return " ".join(" ".join(kept).split())


def reading_words(html: str, kind: str) -> list[str]:
    """The words of the page's text as a reader sees them in one reading (what the script
    hides removed: the source's forms in the corrected reading, the editor's in the
    original one), without the page's own labels (note and page numbers, gap marks) and
    without the note list."""
    root = lxml.html.document_fromstring(html)
    hidden = "reading-source" if kind == "corrected" else "reading-edited"
    labels = ("noteref", "pb", "note-place", "gap", "notes", hidden)
    for css in labels:
        for element in root.xpath(f"//*[contains(concat(' ', @class, ' '), ' {css} ')]"):
            element.drop_tree()
    return text(one(root, "//main")).split()


def without_notes(tree: etree._ElementTree) -> etree._Element:
    """A copy of the TEI with its notes taken out (the text after each one kept)."""
    root = copy.deepcopy(tree.getroot())
    for note in list(root.iter(f"{{{TEI_NS}}}note")):
        parent, previous = note.getparent(), note.getprevious()
        assert parent is not None
        if previous is not None:
            previous.tail = (previous.tail or "") + (note.tail or "")
        else:
            parent.text = (parent.text or "") + (note.tail or "")
        parent.remove(note)
    return root


# --- invariants on every fixture ---------------------------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_no_text_lost(path: Path) -> None:
    text = page_text(lxml.html.document_fromstring(render_document(parse_file(path))))
    missing = [word for word in tei_words(path) if word not in text]
    assert missing == []


@pytest.mark.parametrize(
    ("kind", "switched"), [("corrected", "corrected"), ("diplomatic", "original")]
)
def test_each_reading_is_the_tei_reading(kind: str, switched: str) -> None:
    """The page's text in each reading is word for word teiforge's own reading of the TEI
    (the text command's), notes aside."""
    tree = parse_file(FIXTURES / "ours.xml")
    expected = tei_reading(without_notes(tree), kind).split()  # type: ignore[arg-type]
    if kind == "diplomatic":  # a printed page number is text of the source there
        expected = [w for w in expected if w not in ("14", "15")]
    assert reading_words(render_document(tree), switched) == expected


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_rendering_is_deterministic(path: Path) -> None:
    first = render_document(parse_file(path)).encode()
    assert render_document(parse_file(path)).encode() == first


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_html_structure_is_valid(path: Path) -> None:
    html = render_document(parse_file(path))
    assert html.startswith("<!DOCTYPE html>\n<html")
    checker = NestingChecker()
    checker.feed(html)
    checker.close()
    assert (checker.problems, checker.stack) == ([], [])
    root = lxml.html.document_fromstring(html)
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    for href in root.xpath("//a/@href[starts-with(., '#')]"):
        assert href[1:] in ids, href


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.relative_to(FIXTURES).as_posix())
def test_nothing_is_loaded_but_the_sites_own_files(path: Path) -> None:
    root = lxml.html.document_fromstring(render_document(parse_file(path)))
    assert root.xpath("//img | //iframe | //object | //embed | //@srcset | //@style") == []
    # a document with page images has the facsimile's script and stylesheet too
    facsimile = ["static/facsimile.js"] if root.xpath("//aside") else []
    assert root.xpath("//@src") == ["static/teiforge.js", *facsimile]
    css = ["static/facsimile.css"] if facsimile else []
    assert root.xpath("//link/@href") == ["data:,", "static/teiforge.css", *css]
    assert root.xpath("//@href[not(parent::link)][not(parent::a)]") == []
    # links out are plain anchors; links in the site are relative
    for href in root.xpath("//a/@href"):
        assert href.startswith(("#", "https://", "index", "search.html")) or href.endswith(
            ".xml"
        ), href


def test_script_and_stylesheet_are_self_contained() -> None:
    static = Path(__file__).parents[1] / "src" / "teiforge" / "html" / "static"
    css = (static / "teiforge.css").read_text("utf-8")
    assert "max-width" in css and "@media print" in css and "serif" in css
    for name in ("teiforge.css", "facsimile.css"):
        css = (static / name).read_text("utf-8")
        assert ("@import" in css, "url(" in css, "http" in css) == (False, False, False), name
    for name in ("teiforge.js", "facsimile.js"):
        js = (static / name).read_text("utf-8")
        for network in ("fetch(", "XMLHttpRequest", "import ", "http", "src =", ".src"):
            assert network not in js, (name, network)


# --- our own output ----------------------------------------------------------------------


def test_title_lang_and_header_panel() -> None:
    root = page("ours.xml")
    assert root.get("lang") == "fr"
    assert root.findtext("head/title") == "La prévention de la délinquance à Grenoble"
    assert one(root, "//h1").text_content() == "La prévention de la délinquance à Grenoble"
    panel = one(root, "//details[@class='about']")
    facts = [(text(dt), text(dt.getnext())) for dt in panel.xpath("dl/dt")]
    assert facts == [
        ("Source", "OCR text rapport-grenoble.txt"),
        ("Extent", "2 pages"),
        ("SHA-256", "9de8f81969a03aea0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6"),
        ("Automatic encoding", "teiforge 0.3.1"),
        ("Review of the corrections", "Marie Dupont"),
        ("Encoded with", "teiforge 0.3.1"),
        ("Publication", "Unpublished working copy."),
        ("2026-01-01", "encoded from OCR"),
        ("Language", "fr"),
    ]
    assert [text(li) for li in panel.xpath(".//ul[@class='decisions']/li")] == [
        "correction: OCR errors are kept in sic beside their correction.",
        "hyphenation: Words broken at line ends were joined.",
        "quotation: Quotation marks, garbled or not, are kept in the text.",
    ]
    assert one(panel, ".//p[@class='legend']").text.startswith("The text is shown in its")


def test_the_printed_work_titles_the_page() -> None:
    from teiforge.encode import EncodeOptions, encode
    from teiforge.model import PrintedWork
    from teiforge.read import source_from_bytes

    work = PrintedWork(
        title="Germinal",
        authors=("Zola, Émile", "Autre, Anne"),
        date="1885",
        pub_place="Paris",
        idnos=(("ark", "ark:/12148/cb1"),),
    )
    source = source_from_bytes(b"Un paragraphe de texte.\n", "germinal.txt")
    tei = parse_bytes(encode(source, EncodeOptions(work=work)))
    root = lxml.html.document_fromstring(render_document(tei))
    assert root.findtext("head/title") == "Germinal — Zola, Émile; Autre, Anne, 1885"
    assert text(one(root, "//h1")) == "Germinal"
    assert text(one(root, "//p[@class='byline']")) == "Zola, Émile; Autre, Anne, 1885"
    assert text(one(root, "//dd[@class='source']")) == (
        "Zola, Émile; Autre, Anne. Germinal. Paris, 1885. — germinal.txt, OCR text, decoded "
        "as utf-8"
    )


def test_a_page_without_author_or_date_has_no_byline() -> None:
    root = page("ours.xml")
    assert root.xpath("//p[@class='byline']") == []


def test_table_of_contents_nests_like_the_divisions() -> None:
    root = page("ours.xml")
    toc = one(root, "//nav[@class='toc']")
    assert [(a.get("href"), a.text) for a in toc.xpath(".//a")] == [
        ("#sec-1", "B. Les impasses du partenariat officiel"),
        ("#sec-2", "1. Une collaboration hors cadre"),
    ]
    assert toc.xpath("ol/li/ol/li/a/@href") == ["#sec-2"]
    heads = root.xpath("//main//*[self::h2 or self::h3]")
    assert [(h.tag, h.get("id"), text(h)) for h in heads] == [
        ("h2", "sec-1", "B. Les impasses du partenariat officiel"),
        ("h3", "sec-2", "1. Une collaboration hors cadre"),
        ("h2", "notes-title", "Notes"),
    ]


def test_no_table_of_contents_without_headings() -> None:
    assert page("letter.xml").xpath("//nav[@class='toc']") == []


def test_notes_references_and_list() -> None:
    root = page("ours.xml")
    refs = root.xpath("//main//sup[@class='noteref']/a")
    assert [(a.text, a.get("href"), a.get("id"), a.get("role")) for a in refs] == [
        ("13", "#note-13", "noteref-13", "doc-noteref"),
        ("14", "#note-14", "noteref-14", "doc-noteref"),
        ("15", "#note-15", "noteref-15", "doc-noteref"),
    ]
    # the garbled anchor is kept just before the reference, in the original reading only
    anchor = refs[0].getparent().getprevious()
    assert (anchor.get("class"), text(anchor)) == ("choice corr removal", "l3")
    # a note whose anchor was not found stays between the paragraphs of its page
    assert text(one(root, "//p[@class='note-place']")) == "note 14"
    items = root.xpath("//section[@class='notes']/ol/li")
    assert [(li.get("id"), li.xpath("a[@class='backlink']/@href")[0]) for li in items] == [
        ("note-13", "#noteref-13"),
        ("note-14", "#noteref-14"),
        ("note-15", "#noteref-15"),
    ]
    assert [text(li.xpath("span[@class='note-body']")[0]) for li in items][1:] == [
        "to Bousquet, R., op.cit., p. 193.",
        "6 Sans numéro dans la source.",
    ]


def test_bibl_in_a_note() -> None:
    bibl = one(page("ours.xml"), "//li[@id='note-13']//span[@class='bibl']")
    parts = [(child.tag, child.get("class"), text(child)) for child in bibl]
    assert parts == [
        ("span", "author", "Gautron V."),
        ("i", "title title-m", "La ville sûre"),
        ("span", "pubPlace", "Grenoble"),
        ("span", "publisher", "PUG"),
        ("span", "date", "1998"),
        ("span", "biblScope", "p. 12"),
    ]


def test_corrections_show_the_corrected_reading_and_keep_the_source() -> None:
    root = page("ours.xml")
    shown = []
    for choice in root.xpath("//main//span[starts-with(@class, 'choice corr')]")[:9]:
        source, edited = choice.xpath("span")
        assert (source.get("class"), source.get("hidden"), edited.get("class")) == (
            "reading-source",
            "",
            "reading-edited",
        )
        shown.append((source.text_content(), edited.text_content(), choice.get("data-cert")))
    assert shown == [
        ("l3", "", None),
        ("professiôns", "professions", "high"),
        ("médiotion", "médiation", "medium"),
        ("<", "«", "medium"),
        ("n", "»", "medium"),
        (".,", "", "low"),
        ("<", "«", "high"),
        ("2s", "", None),
        ("))", "»", "high"),
    ]
    titles = root.xpath("//main//span[starts-with(@class, 'choice corr')]/@title")
    assert titles[1:3] == [
        "OCR: professiôns → professions; certainty: high; by: teiforge 0.3.1 (automatic encoding)",
        "OCR: médiotion → médiation; certainty: medium; by: Marie Dupont (review of the corrections)",
    ]
    assert titles[0] == "OCR: l3 → (removed); by: teiforge 0.3.1 (automatic encoding)"


def test_reading_switch_is_there_for_the_script_only() -> None:
    root = page("ours.xml")
    switch = one(root, "//div[@class='reading-switch']")
    assert switch.get("hidden") == ""  # shown by the script; without it, nothing to press
    button = one(switch, "button")
    assert (button.get("type"), button.get("aria-pressed"), button.text) == (
        "button",
        "false",
        "Original reading",
    )
    assert page("play.xml").xpath("//div[@class='reading-switch']") == []  # nothing to switch


NAME, CORR, SIC = ("legend-name", "Name"), ("legend-corr", "word"), ("legend-sic", "word")


@pytest.mark.parametrize(
    ("name", "legend"),
    [("ours.xml", [NAME, CORR, SIC]), ("letter.xml", [NAME, CORR]), ("novel.xml", [])],
)
def test_the_legend_explains_the_marks_the_page_uses(
    name: str, legend: list[tuple[str, str]]
) -> None:
    root = page(name)
    samples = root.xpath("//p[@class='marks-legend']/span[@class='legend-item']/span")
    assert [(s.get("class"), s.text) for s in samples] == legend


def test_flagged_word_and_gap() -> None:
    root = page("ours.xml")
    sic = one(root, "//main//span[@class='sic flagged']")
    assert (sic.text, sic.get("title")) == (
        "arbitrer",
        "sic: as the source has it, though probably wrong (not corrected)",
    )
    gap = one(root, "//span[@class='gap']")
    assert (gap.text, gap.get("title")) == ("[…]", "gap: missing")


def test_page_breaks_are_margin_marks() -> None:
    marks = page("ours.xml").xpath("//div[@class='pb']")
    assert [(pb.get("id"), pb.get("title"), text(pb)) for pb in marks] == [
        ("page-14", "page 14 of the source", "p. 14"),
        ("page-15", "page 15 of the source", "p. 15"),
        ("page-16", "page 16 of the source, counted on: its number was not read", "[p. 16]"),
    ]
    inline = page("corpus.xml").xpath("//span[@class='pb']")
    assert [(pb.get("id"), text(pb)) for pb in inline] == [("page-2", "p. 2")]


def test_unnumbered_pages_are_counted() -> None:
    root = page_of("<text><body><pb/><p>un</p><pb/><p>deux</p></body></text>")
    assert [text(pb) for pb in root.xpath("//div[@class='pb']")] == ["[page 1]", "[page 2]"]
    root = page_of("<text><body><p>un</p><pb/><p>deux</p></body></text>")
    assert [text(pb) for pb in root.xpath("//div[@class='pb']")] == ["[page 2]"]


def test_quotations_keep_the_sources_marks() -> None:
    root = page("ours.xml")
    # quotation marks="all": the marks are the text's own (here corrected), none added
    assert root.xpath("//span[@class='qmark']") == []
    assert shown(one(root, "//span[@class='q']")) == "« réinvestir »"
    assert shown(one(root, "//span[@class='quote']")) == (
        "« la continuité d'une présence sociale15 »"
    )


QUOTES = [
    # (quotation/@marks, xml:lang, the paragraph, marks added)
    (None, "fr", "dit <q>oui</q> hier", ("«\u00a0", "\u00a0»")),
    (None, "fr", "dit « <q>oui</q> » hier", None),
    (None, "fr", "dit <q>« oui »</q> hier", None),
    (None, "fr", "dit <q>&lt; oui n</q> hier", None),  # a garbled mark at one edge
    (None, "en", "said <q>yes</q>", ("“", "”")),
    (None, "de", "sagte <q>ja</q>", ("„", "“")),
    (None, "fr", "dit <q>il a dit <q>non</q> hier</q>", ("«\u00a0", "\u00a0»")),
    ("all", "fr", "dit <q>oui</q> hier", None),
    ("none", "fr", "dit « <q>oui</q> » hier", ("«\u00a0", "\u00a0»")),
]


@pytest.mark.parametrize(("declared", "lang", "paragraph", "expected"), QUOTES)
def test_quotation_marks_rule(
    declared: str | None, lang: str, paragraph: str, expected: tuple[str, str] | None
) -> None:
    p = etree.fromstring(f'<p xmlns="{TEI_NS}" xml:lang="{lang}">{paragraph}</p>')
    q = p.find(f"{{{TEI_NS}}}q")
    assert added_marks(q, declared) == expected


def test_inner_quotation_gets_the_inner_marks() -> None:
    p = etree.fromstring(f'<p xmlns="{TEI_NS}" xml:lang="fr">a <q>b <q>c</q> d</q></p>')
    assert added_marks(p.find(f".//{{{TEI_NS}}}q/{{{TEI_NS}}}q"), None) == ("“", "”")


def test_third_party_quotation_gets_marks() -> None:
    q = one(page("novel.xml"), "//span[@class='q']")
    assert text(q) == "“over here”"
    assert [m.text for m in q.xpath("span[@class='qmark']")] == ["“", "”"]


QUOTATION_OVER_PARAGRAPHS = (
    '<text><body><div><p>Il écrit : <quote xml:id="quote1-1" next="#quote1-2">{o}Les premiers'
    ' mois.</quote></p><pb n="2"/><p><quote xml:id="quote1-2" prev="#quote1-1"'
    ' next="#quote1-3">{o}Puis les réunions.</quote></p><p><quote xml:id="quote1-3"'
    ' prev="#quote1-2">{o}Enfin le maire.{c}</quote> Nul ne répond.</p></div></body></text>'
)


def _quote_parts(root: lxml.html.HtmlElement) -> list[tuple[str, str, str, list[str]]]:
    """(class, data-quotation, title, marks added) of each part, in order."""
    return [
        (
            part.get("class"),
            part.get("data-quotation"),
            part.get("title"),
            [m.text for m in part.xpath("span[@class='qmark']")],
        )
        for part in root.xpath("//span[contains(@class, 'quote-part')]")
    ]


def test_quotation_over_paragraphs_renders_as_one() -> None:
    # the source's marks, as teiforge keeps them: « at each paragraph, » once; none added
    root = page_of(QUOTATION_OVER_PARAGRAPHS.format(o="« ", c=" »"))
    title = "one quotation over 3 paragraphs: part {}"
    assert _quote_parts(root) == [
        ("quote quote-part quote-first", "quote1-1", title.format(1), []),
        ("quote quote-part quote-middle", "quote1-1", title.format(2), []),
        ("quote quote-part quote-last", "quote1-1", title.format(3), []),
    ]
    assert [text(p) for p in root.xpath("//p[span[contains(@class, 'quote-part')]]")] == [
        "Il écrit : « Les premiers mois.",
        "« Puis les réunions.",
        "« Enfin le maire. » Nul ne répond.",
    ]


def test_quotation_over_paragraphs_gets_its_marks_as_print_sets_them() -> None:
    # no marks in the text: the opening mark at each paragraph, the closing one once
    root = page_of(QUOTATION_OVER_PARAGRAPHS.format(o="", c=""))
    assert [marks for *_, marks in _quote_parts(root)] == [
        ["«\u00a0"],
        ["«\u00a0"],
        ["«\u00a0", "\u00a0»"],
    ]


def test_quotation_parts_follow_only_pointers_to_quotations() -> None:
    p = etree.fromstring(
        f'<p xmlns="{TEI_NS}" xmlns:xml="http://www.w3.org/XML/1998/namespace">'
        '<q xml:id="a" next="#b">un</q><q xml:id="b" prev="#a" next="#a">deux</q>'
        '<q xml:id="c" next="#n">trois</q><note xml:id="n">note</note></p>'
    )
    ids = {el.get(XML_ID): el for el in p.iter() if el.get(XML_ID)}
    a, b, c = p.findall(f"{{{TEI_NS}}}q")
    assert quote_parts(b, ids) == [a, b]  # the loop back to the first part ends the chain
    assert quote_parts(c, ids) == [c]  # a note is not a part of a quotation


def test_interview_turns_link_their_printed_label() -> None:
    root = page("ours.xml")
    turns = root.xpath("//blockquote[@class='quote interview']/p[@class='said']")
    found = [
        (
            t.get("id"),
            t.get("data-who"),
            [(a.text, a.get("href"), a.get("title")) for a in t.xpath("a")],
        )
        for t in turns
    ]
    assert found == [
        ("m-7", "#sp-RT", [("R.T.", "index-people.html#n-rene_tardieu", "René Tardieu")]),
        ("m-8", "#sp-JL", [("J.L.", "index-people.html#n-j.l.", None)]),
    ]
    # the printed label is not repeated
    assert shown(turns[0]) == "« R.T. : Et comment ça se pose dans ces CISPD ?"


def test_a_turn_without_printed_label_gets_one() -> None:
    root = page_of(
        '<standOff><listPerson><person xml:id="am"><persName>Anne Martin</persName></person>'
        '</listPerson></standOff><text><body><quote type="interview">'
        '<said who="#am">Bonjour.</said><said who="#zz">Au revoir.</said></quote></body></text>'
    )
    turns = root.xpath("//p[@class='said']")
    assert [text(t) for t in turns] == ["Anne Martin : Bonjour.", "zz : Au revoir."]
    assert one(turns[0], "a[@class='who']").get("href") == "index-people.html#n-anne_martin"
    assert one(turns[1], "span[@class='who']").text == "zz"


@pytest.mark.parametrize(
    ("opening", "before", "first"),
    [
        # an opening mark alone before the first turn goes into it
        ("« ", "", "« A.M. : Bonjour."),
        ("<choice><sic>tc</sic><corr>«</corr></choice> ", "", "« A.M. : Bonjour."),
        # words before the first turn are not a mark: they stay where they are
        ("Elle dit : ", "Elle dit :", "A.M. : Bonjour."),
    ],
)
def test_an_opening_mark_goes_into_the_first_turn(opening: str, before: str, first: str) -> None:
    root = page_of(
        f'<text><body><div><quote type="interview">{opening}<said who="#am">A.M. : Bonjour.'
        '</said><said who="#am">A.M. : Au revoir. »</said></quote></div></body></text>'
    )
    quote = one(root, "//blockquote[@class='quote interview']")
    assert " ".join((quote.text or "").split()) == before
    assert [shown(t) for t in quote.xpath("p[@class='said']")] == [first, "A.M. : Au revoir. »"]


@pytest.mark.parametrize(
    ("turn", "expected"),
    [
        ("M.D. : Et vous ?", ("", "M.D.", " : Et vous ?")),
        ("tc R.T. : Et comment", ("tc ", "R.T.", " : Et comment")),
        ("M. X : oui", ("", "M. X", " : oui")),
        ("Jean de La Fontaine: non", ("", "Jean de La Fontaine", ": non")),
        ("Nous avons dit : oui", None),
        ("Et vous ?", None),
        ("", None),
    ],
)
def test_printed_speaker_label(turn: str, expected: tuple[str, str, str] | None) -> None:
    assert printed_label(turn) == expected


def test_names_link_to_their_index_entry() -> None:
    names = page("ours.xml").xpath("//*[starts-with(@class, 'name ')]")
    found = [(n.tag, n.get("id"), n.get("href"), n.get("title"), text(n)) for n in names]
    # in the page's order: mentions m-1 and m-2 are in note 13, in the note list
    assert found == [
        ("a", "m-3", "index-places.html#wikidata-Q643409", "Échirolles", "Echirolles"),
        (
            "a",
            "m-4",
            "index-organisations.html#n-centre_communal_d_action_sociale",
            "Centre communal d'action sociale",
            "CCAS",
        ),
        ("a", "m-5", "index-places.html#wikidata-Q643409", None, "Échirolles"),
        ("a", "m-6", "index-people.html#wikidata-Q98765432", "Virginie Gautron", "Gautron"),
        (
            "a",
            "m-9",
            "index-organisations.html#n-observatoire_regional",
            None,
            "Observatoire régional",
        ),
        ("a", "m-1", "index-people.html#wikidata-Q98765432", "Virginie Gautron", "Gautron V."),
        ("a", "m-2", "index-places.html#wikidata-Q1289", None, "Grenoble"),
    ]


def test_a_name_is_never_a_link_inside_a_link() -> None:
    root = page_of(
        '<text><body><p><ref target="https://example.org"><persName>Anne</persName></ref> et '
        '<persName>Paul<note n="1">un ami</note></persName> et '
        "<orgName>Mairie de <placeName>Lyon</placeName></orgName>.</p></body></text>"
    )
    found = [(n.tag, n.get("href"), text(n)) for n in root.xpath("//*[contains(@class, 'name ')]")]
    assert found == [
        ("span", None, "Anne"),  # inside a web link
        ("span", None, "Paul1"),  # holds a note reference
        ("a", "index-organisations.html#n-mairie_de_lyon", "Mairie de Lyon"),
        ("span", None, "Lyon"),  # inside the organisation's link
    ]
    assert one(root, "//p/a[@href='https://example.org']").text_content() == "Anne"


# --- third-party shapes ------------------------------------------------------------------


def test_play() -> None:
    root = page("play.xml")
    assert [c.text_content() for c in root.xpath("//p[@class='castItem']")] == [
        "Alcandre, amant de Lucile",
        "Lucile, fille de Géronte",
    ]
    speeches = root.xpath("//div[@class='sp']")
    assert [(s.get("data-who"), s.xpath("p[@class='speaker']")[0].text) for s in speeches] == [
        ("#alcandre", "Alcandre"),
        ("#lucile", "Lucile"),
    ]
    assert one(root, "//p[@class='stage']").text == "Un jardin. Alcandre entre, seul."
    assert one(root, "//div[@data-n='1']/span[@class='stage']").text == "il soupire"
    assert [
        (h.tag, h.text) for h in root.xpath("//main//section[@class='div']/*[self::h2 or self::h3]")
    ] == [
        ("h2", "Acte premier"),
        ("h3", "Scène première"),
    ]


def test_novel_chapters() -> None:
    root = page("novel.xml")
    assert root.get("lang") == "en"
    assert root.findtext("head/title") == "The Lighthouse Keeper"
    chapters = root.xpath("//section[@data-type='chapter']")
    assert [c.xpath("h2")[0].text_content() for c in chapters] == [
        "Chapter I. The Storm",
        "Chapter II",
    ]
    assert "a comment" not in root.body.text_content()
    assert one(root, "//span[@class='foreign']").get("lang") == "la"
    # a paragraph holding verse becomes a div; the verse a blockquote
    holder = one(root, "//div[@class='p']")
    assert [c.tag for c in holder] == ["blockquote", "em"]
    assert [li.text_content() for li in root.xpath("//ul[@class='list']/li")] == [
        "a lamp",
        "a bell",
    ]


def test_letter_abbreviations_and_regularisations_switch_too() -> None:
    root = page("letter.xml")
    pairs = [
        (c.get("class"), c.xpath("span/@class"), [s.text_content() for s in c.xpath("span")])
        for c in root.xpath("//main//span[starts-with(@class, 'choice')]")
    ]
    both = ["reading-source", "reading-edited"]
    assert pairs == [
        ("choice expan", both, ["7bre", "septembre"]),
        ("choice reg", both, ["scay", "sais"]),
        ("choice expan", both, ["M.", "mère"]),
    ]
    assert root.xpath("//main//span[starts-with(@class, 'choice')]/@title") == [
        "abbreviation: 7bre → septembre",
        "original: scay → sais",
        "abbreviation: M. → mère",
    ]
    assert one(root, "//p[@class='dateline']").text_content() == "Grenoble, ce 12 mars 1789"
    assert one(root, "//p[@class='signed']").text == "Sophie"
    assert len(root.xpath("//br[@class='lb']")) == 1


def test_apparatus() -> None:
    apps = page("apparatus.xml").xpath("//span[@class='app']")
    assert [(a.text, a.get("data-rdg"), a.get("title")) for a in apps] == [
        ("ou", "en quel pays", "variant #B: en quel pays"),
        ("belle", "bele", "variant #B: bele"),
    ]


def test_notes_in_back_linked_by_target() -> None:
    root = page("backnotes.xml")
    refs = root.xpath("//div[@class='tei-body']//sup/a")
    assert [(a.text, a.get("href"), a.get("id")) for a in refs] == [
        ("1", "#note-1", "noteref-1"),
        ("2", "#note-2", "noteref-2"),
        ("3", "#note-3", "noteref-3"),
    ]
    # the anchor's reference stands right after it
    assert refs[0].getparent().getprevious().get("class") == "tei-anchor"
    # notes linked from the body are not repeated in the back; the unlinked one stays there
    assert [a.text for a in root.xpath("//div[@class='tei-back']//sup/a")] == ["4"]
    items = root.xpath("//section[@class='notes']/ol/li")
    assert [(li.get("id"), li.xpath("a[@class='backlink']/@href")[0]) for li in items] == [
        ("note-1", "#noteref-1"),
        ("note-2", "#noteref-2"),
        ("note-3", "#noteref-3"),
        ("note-4", "#noteref-4"),
    ]


def test_periodical() -> None:
    root = page("periodical.xml")
    assert [text(p) for p in root.xpath("//div[@class='titlePage']/p")] == [
        "Le Courrier de l'IsèreJournal politique et littéraire",
        "Jeudi 2 mars 1848",
    ]
    assert one(root, "//p[@class='fw']").text == "Le Courrier de l'Isère — 2"
    article = one(root, "//section[@data-type='article']")
    assert [(c.tag, c.get("class")) for c in article] == [
        ("h2", "head"),
        ("p", "byline"),
        ("p", "dateline"),
        ("p", None),
    ]
    assert [(n.get("class"), n.get("href")) for n in article.xpath(".//a")] == [
        ("name name-person", "index-people.html#n-m._arnaud"),
        ("name name-place", "index-places.html#n-paris"),
        ("name name-org", "index-organisations.html#n-gardes_nationaux"),
        ("name name-place", "index-places.html#n-vienne"),
    ]
    assert len(article.xpath(".//span[@class='tei-cb']")) == 1


def test_xinclude_is_a_placeholder_never_fetched() -> None:
    root = page("xinclude.xml")
    includes = root.xpath("//*[@class='xinclude']")
    assert [(i.tag, i.get("data-href"), i.xpath("span/a/@href")) for i in includes] == [
        ("div", "chapter2.xml", ["chapter2.xml"]),
        ("div", "javascript:alert(1)", []),  # never a link to a script
        ("span", "https://example.org/snippet.xml", ["https://example.org/snippet.xml"]),
    ]
    assert text(includes[0]) == (
        "[included, not shown: chapter2.xml]Chapter two is kept in another file."
    )


def test_corpus_and_unknown_elements() -> None:
    root = page("corpus.xml")
    assert [h.text for h in root.xpath("//article/h2")] == ["Pièce 1", "Pièce 2"]
    assert one(root, "//article//section/h3").text == "Procès-verbal"
    # two notes numbered 1: both linked, ids kept unique
    assert root.xpath("//main//p//sup/a/@href | //main//div[@class='p']//sup/a/@href") == [
        "#note-1",
        "#note-1-2",
    ]
    assert one(root, "//span[@class='tei-mystery']").text == "mot inconnu"
    assert one(root, "//span[@class='tei-desc']").text == "texte étranger"


# --- templates and errors ----------------------------------------------------------------


def test_user_templates_override_a_family(tmp_path: Path) -> None:
    (tmp_path / "generic.html").write_text(
        '{% macro element(el, doc) %}<b class="mine">{{ content(el, doc) }}</b>{% endmacro %}'
    )
    html = render_document(parse_file(FIXTURES / "corpus.xml"), templates=tmp_path)
    assert '<b class="mine">mot inconnu</b>' in html


def test_broken_user_template_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "generic.html").write_text("{% macro element(el, doc) %}{% if %}{% endmacro %}")
    with pytest.raises(InputError) as caught:
        render_document(parse_file(FIXTURES / "corpus.xml"), templates=tmp_path)
    assert (
        caught.value.problem
        == "template error in generic.html (line 1): Expected an expression, got 'end of statement block'"
    )


def test_render_document_refuses_what_is_not_tei() -> None:
    with pytest.raises(ValueError) as caught:
        render_document(etree.fromstring("<html/>"))
    assert str(caught.value) == (
        f"not TEI: the root element is <html> in no namespace, expected a TEI element in {TEI_NS}"
    )


# --- any TEI: fragments, P4, transcriptions of the source ----------------------------------


def test_a_fragment_renders_as_what_it_is() -> None:
    root = page("anytei/fragment.xml")
    assert one(root, "//main/section[@class='div']/@data-type") == "entities"
    assert one(root, "//main/section[@class='div']/h2").text == "Personnes citées"
    assert (
        text(one(root, "//main/section[@class='div']/p")) == "Le témoin Jeanne Dupont, née à Lyon1."
    )
    assert text(one(root, "//li[@id='note-1']/*[@class='note-body']")) == "Selon l'état civil."
    assert one(root, "//title").text == "Untitled document"


def test_a_group_of_notes_renders_its_notes() -> None:
    root = page("anytei/notegrp.xml")
    assert root.xpath("//main/div[@class='tei-noteGrp']/p[@class='note-place']/sup/a/@href") == [
        "#note-a",
        "#note-b",
    ]
    bodies = [text(b) for b in root.xpath("//li/*[@class='note-body']")]
    assert bodies == ["Première note du groupe.", "Seconde note, avec un mot."]


def test_p4_is_read_as_p5() -> None:
    root = page("anytei/p4.xml")
    assert (one(root, "//title").text, one(root, "/html/@lang")) == ("Un texte P4 — Anonyme", "fr")
    assert [
        text(h) for h in root.xpath("//main//section[@class='div']/*[self::h2 or self::h3]")
    ] == [
        "Chapitre premier",
        "Section",
    ]
    # <sic corr=""> and <abbr expan=""> are P5 choices; an IDREF target a pointer
    assert [shown(e) for e in root.xpath("//main//span[starts-with(@class, 'choice')]")] == [
        "fois",
        "Monsieur",
    ]
    assert one(root, "//main//p//sup/a/@href") == "#note-1"
    assert text(one(root, "//li[@id='note-1']/*[@class='note-body']")) == "La note du chapitre."


def test_p4_names_are_p5_names_whatever_their_case() -> None:
    legacy = etree.fromstring(
        "<TEI.2><teiheader/><text><body><DIV0 id='d'><P>mot</P></DIV0></body></text></TEI.2>"
    )
    read = readable_tei(legacy)
    names = [etree.QName(el).localname for el in read.iter()]
    assert names == ["TEI", "teiHeader", "text", "body", "div", "p"]
    assert {etree.QName(el).namespace for el in read.iter()} == {TEI_NS}
    assert read.find(f".//{{{TEI_NS}}}div").get(XML_ID) == "d"
    assert legacy.tag == "TEI.2"  # the caller's tree is untouched


def test_tei_without_namespace_is_read_as_tei() -> None:
    root = lxml.html.document_fromstring(
        render_document(etree.fromstring("<TEI><text><body><p>sans espace</p></body></text></TEI>"))
    )
    assert text(one(root, "//main//p")) == "sans espace"


def test_a_source_transcription_renders_its_lines_page_by_page() -> None:
    root = page("anytei/sourcedoc.xml")
    pages = root.xpath("//main//section[contains(@class, 'surface')]")
    assert [p.get("id") for p in pages] == ["page-1r", "page-2"]
    assert [
        (
            text(one(p, ".//span[@class='pb-label']")),
            [text(l) for l in p.xpath(".//div[@class='line']")],
        )
        for p in pages
    ] == [
        ("p. 1r", ["Premiere ligne du feuillet", "seconde ligne"]),
        ("[page 2]", ["Ligne de la page suivante", "note en marge"]),
    ]


def test_deepest_nesting_the_parser_allows_renders() -> None:
    limit = sys.getrecursionlimit()
    depth = 250  # libxml2 refuses more than 256 levels without its "huge" option
    root = page_of(f"<text><body><p>{'<hi>' * depth}abyss{'</hi>' * depth}</p></body></text>")
    assert one(root, "//main//p").text_content() == "abyss"
    assert sys.getrecursionlimit() == limit  # lifted while rendering only
