"""teiforge html: exact rendering of each TEI family, the invariants on every fixture (no
text lost, deterministic, structurally valid HTML, nothing from the network) and the
input errors."""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from teiforge.errors import InputError
from teiforge.html import render_document, render_site
from teiforge.tei.ns import TEI_NS
from teiforge.xmlsafe import parse_file

FIXTURES = Path(__file__).parent / "html"
ALL = sorted(FIXTURES.glob("*.xml"))
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
PHRASING_ONLY = {"p", "span", "h1", "h2", "h3", "h4", "h5", "h6", "i", "em", "a", "sup"}


VOID = {"br", "meta", "link", "hr", "img", "wbr"}


class NestingChecker(HTMLParser):
    """The page's tags exactly as written (a browser's parser would silently close a <p>
    that meets a <div>): every end tag closes the innermost open element, and no block
    opens inside an element that may only hold phrasing content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS and PHRASING_ONLY & set(self.stack):
            self.problems.append(f"<{tag}> inside {'/'.join(self.stack)}")
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


def one(root: lxml.html.HtmlElement, css_xpath: str) -> lxml.html.HtmlElement:
    found = root.xpath(css_xpath)
    assert len(found) == 1, (css_xpath, len(found))
    return found[0]


def tei_words(path: Path) -> list[str]:
    """Every word of the TEI text: text nodes under TEI/text (of each corpus member)."""
    tree = parse_file(path)
    nodes = tree.xpath("//tei:text//text()", namespaces={"tei": TEI_NS})
    return " ".join(" ".join(nodes).split()).split()


def page_text(root: lxml.html.HtmlElement) -> str:
    """What a reader can get from the page: its text, and the readings kept in title and
    data-* attributes."""
    kept = [root.body.text_content()]
    for element in root.body.iter():
        kept += [v for k, v in element.attrib.items() if k == "title" or k.startswith("data-")]
    return " ".join(" ".join(kept).split())


# --- invariants on every fixture ---------------------------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_no_text_lost(path: Path) -> None:
    text = page_text(lxml.html.document_fromstring(render_document(parse_file(path))))
    missing = [word for word in tei_words(path) if word not in text]
    assert missing == []


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_rendering_is_deterministic(path: Path) -> None:
    first = render_document(parse_file(path)).encode()
    assert render_document(parse_file(path)).encode() == first


def test_site_is_identical_in_a_fresh_interpreter(tmp_path: Path) -> None:
    here = render_site(ALL, tmp_path / "a")
    script = (
        "import sys; from pathlib import Path; from teiforge.html import render_site; "
        "render_site([Path(a) for a in sys.argv[2:]], Path(sys.argv[1]))"
    )
    env = {
        **os.environ,
        "PYTHONHASHSEED": "12345",
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
    }
    subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "b"), *map(str, ALL)], check=True, env=env
    )
    for path in here:
        assert (tmp_path / "b" / path.relative_to(tmp_path / "a")).read_bytes() == path.read_bytes()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
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


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_nothing_is_loaded_from_the_network(path: Path) -> None:
    root = lxml.html.document_fromstring(render_document(parse_file(path)))
    assert root.xpath("//script | //img | //iframe | //@src | //@srcset") == []
    assert root.xpath("//link/@href") == ["static/teiforge.css"]


def test_stylesheet_is_self_contained(tmp_path: Path) -> None:
    render_site([FIXTURES / "novel.xml"], tmp_path)
    css = (tmp_path / "static" / "teiforge.css").read_text("utf-8")
    assert ("@import" in css, "url(" in css, "http" in css) == (False, False, False)
    assert "max-width" in css and "@media print" in css and "serif" in css


# --- our own output ----------------------------------------------------------------------


def test_title_lang_and_header_panel() -> None:
    root = page("teiforge.xml")
    assert root.get("lang") == "fr"
    assert root.findtext("head/title") == "La prévention de la délinquance à Grenoble"
    assert one(root, "//h1").text_content() == "La prévention de la délinquance à Grenoble"
    panel = one(root, "//details[@class='about']")
    assert one(panel, ".//dd[@class='source']").text_content() == "OCR text rapport-grenoble.txt"
    assert one(panel, ".//dd[@class='sha256']").text_content() == (
        "9de8f81969a03aea0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6"
    )
    assert [li.text_content() for li in panel.xpath(".//ul[@class='decisions']/li")] == [
        "correction: OCR errors are kept in sic beside their correction.",
        "hyphenation: Words broken at line ends were joined.",
        "quotation: Quotation marks, garbled or not, are kept in the text.",
    ]
    assert one(panel, ".//dd[@class='application']").text_content() == "teiforge 0.3.1"


def test_notes_references_and_list() -> None:
    root = page("teiforge.xml")
    refs = root.xpath("//main//p//sup/a")
    assert [(a.text_content(), a.get("href"), a.get("id")) for a in refs] == [
        ("13", "#note-13", "noteref-13"),
        ("2", "#note-2", "noteref-2"),
    ]
    items = root.xpath("//section[@class='notes']/ol/li")
    assert [li.get("id") for li in items] == ["note-13", "note-2"]
    assert [li.xpath("a[@class='backlink']")[0].get("href") for li in items] == [
        "#noteref-13",
        "#noteref-2",
    ]
    assert items[0].xpath("a[@class='backlink']")[0].text == "↩"
    assert " ".join(items[1].text_content().split()) == "2 Sans numéro dans la source. ↩"


def test_bibl_in_a_note() -> None:
    bibl = one(page("teiforge.xml"), "//li[@id='note-13']/span[@class='bibl']")
    parts = [(child.tag, child.get("class"), child.text_content()) for child in bibl]
    assert parts == [
        ("span", "author", "J. Martin"),
        ("i", "title title-m", "La ville sûre"),
        ("span", "pubPlace", "Paris"),
        ("span", "publisher", "Seuil"),
        ("span", "date", "1998"),
        ("span", "biblScope", "p. 12"),
    ]


def test_ocr_corrections_and_flags() -> None:
    root = page("teiforge.xml")
    corr = root.xpath("//span[@class='corr']")
    assert [(c.text_content(), c.get("data-sic"), c.get("title")) for c in corr] == [
        ("professions", "professiôns", "OCR: professiôns; cert high; resp #teiforge"),
        ("médiation", "médiotion", "OCR: médiotion; cert medium; resp #teiforge"),
        ("", ".,", "OCR: .,; cert low; resp #teiforge"),
    ]
    sic = one(root, "//span[@class='sic']")
    assert (sic.text_content(), sic.get("title")) == ("arbitrer", "flagged OCR error")
    gap = one(root, "//span[@class='gap']")
    assert (gap.text_content(), gap.get("title")) == ("[…]", "gap: missing")


def test_pages() -> None:
    pages = page("teiforge.xml").xpath("//span[contains(@class, 'pb')]")
    assert [(pb.get("id"), pb.text_content()) for pb in pages] == [
        ("page-14", "[p. 14]"),
        (None, "[page]"),
    ]


def test_quotations_and_interview() -> None:
    root = page("teiforge.xml")
    # the source's own marks are kept, none added; a quote without marks gets « »
    assert one(root, "//span[@class='q']").text_content() == "« réinvestir » l'espace"
    assert one(root, "//span[@class='quote']").text_content() == (
        "«\u00a0la sécurité est devenue un métier\u00a0»"
    )
    turns = root.xpath("//blockquote[@class='quote interview']/p[@class='said']")
    assert [(t.get("data-who"), t.xpath("span[@class='who']")[0].text) for t in turns] == [
        ("#MD", "Marie Durand"),
        ("#JL", "Jean Lefort"),
    ]
    assert turns[0].text_content() == "Marie Durand\u00a0: M.D. : Et vous, qu'en pensez-vous ?"


def test_names() -> None:
    names = page("teiforge.xml").xpath("//span[starts-with(@class, 'name ')]")
    assert [(n.get("class"), n.get("data-ref"), n.text_content()) for n in names] == [
        ("name name-place", "#pl-echirolles", "Echirolles"),
        ("name name-org", "#org-ccas", "CCAS"),
    ]


def test_titles_in_italics() -> None:
    titles = page("teiforge.xml").xpath("//i[starts-with(@class, 'title')]")
    assert [(t.get("class"), t.text_content()) for t in titles] == [
        ("title title-j", "Revue urbaine"),
        ("title title-m", "La ville sûre"),
    ]


def test_headings_by_depth() -> None:
    heads = page("teiforge.xml").xpath("//main//*[self::h2 or self::h3]")
    assert [(h.tag, h.text_content()) for h in heads] == [
        ("h2", "La professionnalisation de la sécurité"),
        ("h3", "Les nouveaux métiers"),
        ("h2", "Notes"),
    ]


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
    assert [(h.tag, h.text) for h in root.xpath("//main//h2 | //main//h3")] == [
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


def test_letter_abbreviations_and_regularisations() -> None:
    root = page("letter.xml")
    expans = root.xpath("//span[@class='expan']")
    assert [(e.text, e.get("data-abbr"), e.get("title")) for e in expans] == [
        ("septembre", "7bre", "abbreviation: 7bre"),
        ("mère", "M.", "abbreviation: M."),
    ]
    reg = one(root, "//span[@class='reg']")
    assert (reg.text, reg.get("data-orig")) == ("sais", "scay")
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


# --- the site and its errors -------------------------------------------------------------


def test_site_pages_index_and_stylesheet(tmp_path: Path) -> None:
    out = tmp_path / "site"
    written = render_site([FIXTURES / "play.xml", FIXTURES / "letter.xml"], out)
    assert written == sorted(
        [
            out / "index.html",
            out / "letter.html",
            out / "play.html",
            out / "static" / "teiforge.css",
        ]
    )
    index = lxml.html.document_fromstring((out / "index.html").read_text("utf-8"))
    assert index.get("lang") == "fr"
    assert [(a.get("href"), a.text) for a in index.xpath("//ul[@class='documents']/li/a")] == [
        ("letter.html", "Lettre de Sophie à son frère, 12 mars 1789"),
        ("play.html", "Le Dépit des amants"),
    ]


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
    with pytest.raises(ValueError, match=r"^not TEI: the root element is <html> in no namespace"):
        render_document(etree.fromstring("<html/>"))


def errors_for(tmp_path: Path, name: str, content: str | None) -> str:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, "utf-8")
    with pytest.raises(InputError) as caught:
        render_site([path], tmp_path / "site")
    assert not (tmp_path / "site").exists()  # nothing written for a bad input
    return str(caught.value)


def test_not_well_formed_file(tmp_path: Path) -> None:
    message = errors_for(tmp_path, "bad.xml", f'<TEI xmlns="{TEI_NS}">\n<text><body></TEI>\n')
    assert message == (
        f"{tmp_path / 'bad.xml'}: 2:20: not well-formed: "
        "Opening and ending tag mismatch: body line 2 and TEI"
    )


def test_entity_declaration_is_refused(tmp_path: Path) -> None:
    content = f'<!DOCTYPE TEI [<!ENTITY x "y">]>\n<TEI xmlns="{TEI_NS}"/>'
    message = errors_for(tmp_path, "xxe.xml", content)
    assert message == (
        f"{tmp_path / 'xxe.xml'}: 1:16: entity declarations are not allowed "
        "(XXE and entity-expansion risk)"
    )


def test_not_tei_file(tmp_path: Path) -> None:
    message = errors_for(tmp_path, "page.xml", '<html xmlns="http://www.w3.org/1999/xhtml"/>')
    assert message == (
        f"{tmp_path / 'page.xml'}: not TEI: the root element is <html> in "
        f"namespace http://www.w3.org/1999/xhtml, expected <TEI> or <teiCorpus> "
        f"in {TEI_NS}"
    )


def test_tei_without_namespace(tmp_path: Path) -> None:
    message = errors_for(tmp_path, "old.xml", "<TEI><text/></TEI>")
    assert message == (
        f"{tmp_path / 'old.xml'}: not TEI: the root element is <TEI> in no "
        f"namespace, expected <TEI> or <teiCorpus> in {TEI_NS}"
    )


def test_missing_file(tmp_path: Path) -> None:
    assert errors_for(tmp_path, "gone.xml", None) == f"{tmp_path / 'gone.xml'}: file not found"


def test_output_folder_without_parent(tmp_path: Path) -> None:
    out = tmp_path / "no" / "site"
    with pytest.raises(InputError) as caught:
        render_site([FIXTURES / "play.xml"], out)
    assert str(caught.value) == f"{out}: cannot create output folder"


def test_two_inputs_with_one_page_name(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    twin = tmp_path / "a" / "play.xml"
    twin.write_bytes((FIXTURES / "play.xml").read_bytes())
    with pytest.raises(InputError) as caught:
        render_site([FIXTURES / "play.xml", twin], tmp_path / "site")
    assert (
        str(caught.value)
        == f"{twin}: its page play.html would overwrite the page of {FIXTURES / 'play.xml'}"
    )


def test_deepest_nesting_the_parser_allows_renders(tmp_path: Path) -> None:
    limit = sys.getrecursionlimit()
    depth = 250  # libxml2 refuses more than 256 levels without its "huge" option
    path = tmp_path / "deep.xml"
    path.write_text(
        f'<TEI xmlns="{TEI_NS}"><text><body><p>{"<hi>" * depth}abyss'
        f"{'</hi>' * depth}</p></body></text></TEI>",
        "utf-8",
    )
    render_site([path], tmp_path / "site")
    root = lxml.html.document_fromstring((tmp_path / "site" / "deep.html").read_text("utf-8"))
    assert one(root, "//main//p").text_content() == "abyss"
    assert sys.getrecursionlimit() == limit  # lifted while rendering only
