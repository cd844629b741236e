"""The edition in a real browser: Debian's chromium, headless, driven by Playwright.

On our own fixture (tests/html/ours.xml: notes, quotations, an interview, names, OCR
corrections) and on the seed's edition as teiforge encodes it today: a note reference
shows its note; the button switches to the original reading and back; a name leads to
its index entry and back; no console message; no request leaves the site's folder, from
disk or from a static web server. One browser for the whole module.

Needs the `playwright` package (the test extra) and chromium (not Playwright's download:
`apt-get install chromium`, or TEIFORGE_CHROMIUM=/path). Without them the module is
skipped, except where TEIFORGE_REQUIRE_TOOLS=1 (CI), where it fails.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from longbook import long_book
from support import REPO
from teiforge.encode import EncodeOptions, encode
from teiforge.html import render_site
from teiforge.read import read_source

FIXTURES = Path(__file__).parent / "html"
SEED = REPO / "seeds" / "000_9de8f81969a03aea.txt"
REQUIRED = os.environ.get("TEIFORGE_REQUIRE_TOOLS") == "1"
CHROMIUM = os.environ.get("TEIFORGE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Headless chromium as root, on a machine whose network is closed: no sandbox, and none of
# the background connections (they would be refused, and show as errors).
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} (TEIFORGE_REQUIRE_TOOLS=1)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("browser")
    seed = work / "seed.xml"
    seed.write_bytes(encode(read_source(SEED), EncodeOptions(date="2026-01-01")))
    render_site([FIXTURES / "ours.xml", FIXTURES / "letter.xml", seed], work / "site")
    return work / "site"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    if not Path(CHROMIUM).is_file():
        _unavailable(f"chromium is not installed ({CHROMIUM})")
    # launch() gives chromium a fresh temporary profile (--user-data-dir) of its own
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watch:
    """What a page did that it should not: console messages, script errors, requests for
    anything outside the site's folder (those are refused)."""

    inside: str
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = route.request.url
        self.requested.append(url)
        if url.startswith((self.inside, "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


@contextmanager
def watching(browser: Any, site: Path, height: int = 900) -> Iterator[tuple[Any, Watch, str]]:
    """A page in a fresh context (no storage shared between tests), watched; every test
    ends by checking that nothing went wrong on it."""
    base = site.as_uri() + "/"
    watch = Watch(base)
    context = browser.new_context(viewport={"width": 1280, "height": height})
    context.route("**/*", watch.route)
    page = context.new_page()
    page.on("console", lambda message: watch.console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    yield page, watch, base
    context.close()
    assert (watch.console, watch.errors, watch.outside) == ([], [], [])


@pytest.fixture
def watched(browser: Any, site: Path) -> Iterator[tuple[Any, Watch, str]]:
    with watching(browser, site) as found:
        yield found


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 600-page book (its edition in parts) and our fixture, in one site."""
    work = tmp_path_factory.mktemp("long")
    (work / "long.xml").write_bytes(long_book(600))
    render_site([work / "long.xml", FIXTURES / "ours.xml"], work / "site")
    return work / "site"


@pytest.fixture
def watched_long(browser: Any, long_site: Path) -> Iterator[tuple[Any, Watch, str]]:
    with watching(browser, long_site) as found:
        yield found


def visible_text(locator: Any) -> str:
    return " ".join(locator.inner_text().split())


# --- notes --------------------------------------------------------------------------------


def test_a_note_reference_shows_its_note(watched: tuple[Any, Watch, str]) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    popover = page.locator("#teiforge-popover")
    ref = page.locator("a#noteref-13")
    assert popover.is_hidden()
    ref.hover()
    assert popover.is_visible()
    assert visible_text(popover) == (
        "13 Voir Gautron V., La ville sûre, Grenoble, PUG, 1998, p. 12. in the notes"
    )
    assert ref.get_attribute("aria-describedby") == "teiforge-popover"
    # the copy of the note keeps no id: ids stay unique
    assert page.evaluate("document.querySelectorAll('#teiforge-popover [id]').length") == 0
    page.keyboard.press("Escape")
    assert popover.is_hidden()
    # a click (a tap on a phone) pins it; a click elsewhere closes it
    ref.click()
    page.mouse.move(5, 5)
    page.wait_for_timeout(400)
    assert popover.is_visible()
    assert page.url == base + "ours.html"  # the click did not leave the text
    page.locator("h1").click()
    assert popover.is_hidden()


def test_keyboard_focus_shows_the_note_and_enter_goes_to_it(
    watched: tuple[Any, Watch, str],
) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    page.locator("a#noteref-15").focus()
    assert visible_text(page.locator("#teiforge-popover")) == (
        "15 Sans numéro dans la source. in the notes"
    )
    page.keyboard.press("Enter")
    assert page.url == base + "ours.html#note-15"
    assert page.locator("#teiforge-popover").is_hidden()
    page.locator("#note-15 a.backlink").click()
    assert page.url == base + "ours.html#noteref-15"


def test_a_correction_shows_what_it_replaced(watched: tuple[Any, Watch, str]) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    correction = page.locator("main .choice.corr", has_text="médiation")
    assert correction.get_attribute("title") is None  # moved to the popover
    correction.focus()  # reachable by keyboard
    lines = page.locator("#teiforge-popover .popover-line").all_inner_texts()
    assert lines == [
        "OCR: médiotion → médiation",
        "certainty: medium",
        "by: Marie Dupont (review of the corrections)",
    ]


# --- the two readings --------------------------------------------------------------------


def test_the_button_switches_to_the_original_reading_and_back(
    watched: tuple[Any, Watch, str],
) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    button = page.get_by_role("button", name="Original reading")
    word = page.locator("main .choice.corr").nth(1)
    quotation = page.locator("main span.q")
    assert (button.get_attribute("aria-pressed"), visible_text(word)) == ("false", "professions")
    assert visible_text(quotation) == "« réinvestir »"
    button.click()
    assert (button.get_attribute("aria-pressed"), visible_text(word)) == ("true", "professiôns")
    assert visible_text(quotation) == "< réinvestir n"
    assert visible_text(page.locator("#reading-status")) == "Showing the original reading"
    assert page.url == base + "ours.html"  # no reload, no navigation
    button.focus()
    page.keyboard.press("Space")  # and back, by keyboard
    assert (button.get_attribute("aria-pressed"), visible_text(word)) == ("false", "professions")
    assert visible_text(page.locator("#reading-status")) == "Showing the corrected reading"


def test_the_chosen_reading_follows_the_reader_to_the_next_page(
    watched: tuple[Any, Watch, str],
) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    page.get_by_role("button", name="Original reading").click()
    page.goto(base + "letter.html")
    assert visible_text(page.locator("main .choice.expan").first) == "7bre"
    assert page.get_by_role("button", name="Original reading").get_attribute("aria-pressed") == (
        "true"
    )


# --- names and indexes -------------------------------------------------------------------


def test_a_name_leads_to_its_index_entry_and_back(watched: tuple[Any, Watch, str]) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    page.locator("main a.name", has_text="Echirolles").click()
    assert page.url == base + "index-places.html#wikidata-Q643409"
    entry = page.locator("section.entry:target")
    assert visible_text(entry.locator("h2")) == "Échirolles"
    assert entry.locator("a[href^='https://www.wikidata.org/wiki/Q643409']").count() == 1
    entry.locator("a.mention").first.click()
    assert page.url == base + "ours.html#m-3"
    assert visible_text(page.locator(":target")) == "Echirolles"


def test_a_speaker_label_leads_to_the_speaker(watched: tuple[Any, Watch, str]) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    label = page.locator("blockquote.interview a.who", has_text="R.T.")
    label.hover()
    assert visible_text(page.locator("#teiforge-popover")) == "René Tardieu"
    label.click()
    assert page.url == base + "index-people.html#n-rene_tardieu"
    assert visible_text(page.locator("section.entry:target h2")) == "René Tardieu"


# --- every page, from disk and from a web server -----------------------------------------


def test_every_page_loads_without_a_message_or_a_request_outside(
    watched: tuple[Any, Watch, str], site: Path
) -> None:
    page, watch, base = watched
    for html in sorted(site.glob("*.html")):
        page.goto(base + html.name)
        page.wait_for_load_state("load")
    assert all(url.startswith(base) for url in watch.requested)
    assert {url.removeprefix(base) for url in watch.requested} >= {
        "ours.html",
        "seed.html",
        "static/teiforge.css",
        "static/teiforge.js",
    }


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_from_a_static_web_server_nothing_leaves_the_folder(browser: Any, site: Path) -> None:
    """Served under /edition/: every resource the page fetched (performance entries) is
    under that folder, and the browser asks for nothing else (not even /favicon.ico)."""
    root = site.parent / "served"
    root.mkdir(exist_ok=True)
    if not (root / "edition").exists():
        shutil.copytree(site, root / "edition")
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/edition/"
        context = browser.new_context()
        page = context.new_page()
        requested: list[str] = []
        console: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.on("console", lambda message: console.append(message.text))
        page.goto(base + "ours.html")
        page.wait_for_load_state("networkidle")
        resources = page.evaluate(
            "performance.getEntriesByType('resource').map(entry => entry.name)"
        )
        context.close()
    finally:
        server.shutdown()
        server.server_close()
    assert sorted(resources) == [base + "static/teiforge.css", base + "static/teiforge.js"]
    assert sorted(requested) == sorted([base + "ours.html", *resources])
    assert console == []


# --- the seed's edition, as teiforge encodes it today ------------------------------------


def test_seed_edition_reads_in_both_readings(watched: tuple[Any, Watch, str]) -> None:
    """A smoke test that follows the encoder: whatever the seed's edition holds today."""
    page, _, base = watched
    page.goto(base + "seed.html")
    assert page.locator("main p").count() > 3
    corrected = [
        choice
        for choice in page.locator("main .choice.corr").all()
        if choice.locator(".reading-edited").inner_text().strip()
        and choice.locator(".reading-source").text_content().strip()
    ]
    if corrected:
        word = corrected[0]
        before = word.inner_text()
        source = word.locator(".reading-source").text_content()
        page.get_by_role("button", name="Original reading").click()
        assert word.inner_text() == source
        page.get_by_role("button", name="Original reading").click()
        assert word.inner_text() == before
    refs = page.locator("main a[role=doc-noteref]")
    if refs.count():
        refs.first.hover()
        note = page.locator(refs.first.get_attribute("href") + " .note-body")
        expected = " ".join(note.inner_text().split())
        assert visible_text(page.locator("#teiforge-popover")).startswith(
            f"{refs.first.inner_text()} {expected}".strip()
        )


# --- without script, on a phone, on paper --------------------------------------------------


def test_without_javascript_the_page_is_the_corrected_reading(browser: Any, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.as_uri() + "/ours.html")
    assert page.locator(".reading-switch").is_hidden()
    assert visible_text(page.locator("main .choice.corr").nth(1)) == "professions"
    page.locator("a#noteref-13").click()
    assert page.url.endswith("ours.html#note-13")
    context.close()


def test_on_a_phone_nothing_overflows(browser: Any, site: Path) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    for name in ("ours.html", "seed.html", "index-places.html"):
        page.goto(site.as_uri() + "/" + name)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, name
    page.goto(site.as_uri() + "/ours.html")
    label = page.locator(".pb-label").first
    assert label.evaluate("el => getComputedStyle(el).position") == "static"  # in the line
    assert page.locator(".reading-toggle").bounding_box()["height"] >= 36  # a finger's size
    context.close()


def test_on_paper_the_controls_go_and_the_notes_stay(browser: Any, site: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(site.as_uri() + "/ours.html")
    page.emulate_media(media="print")
    displayed = {
        selector: page.locator(selector).first.evaluate("el => getComputedStyle(el).display")
        for selector in (".reading-switch", "nav.site", "nav.toc", "section.notes", ".backlink")
    }
    assert displayed == {
        ".reading-switch": "none",
        "nav.site": "none",
        "nav.toc": "none",
        "section.notes": "block",
        ".backlink": "none",
    }
    assert len(page.pdf()) > 1000  # prints
    context.close()


# --- the facsimile: page images beside the text -------------------------------------------


@pytest.fixture(scope="module")
def facsimile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_html_facsimile import png

    work = tmp_path_factory.mktemp("facsimile")
    shutil.copy(FIXTURES / "facsimile.xml", work / "port.xml")
    (work / "images").mkdir()
    (work / "images" / "p1.png").write_bytes(png(80, 120, 200))
    (work / "images" / "p2.png").write_bytes(png(80, 120, 150))
    render_site([work / "port.xml"], work / "site")
    return work / "site"


@pytest.fixture
def facsimile_page(browser: Any, facsimile_site: Path) -> Iterator[Any]:
    with watching(browser, facsimile_site, height=600) as (page, watch, base):
        page.goto(base + "port.html")
        yield page
        assert base + "facsimile/port/1.png" in watch.requested  # the copy in the site, from disk


# the text of the line marked in the text, as shown (a hidden reading left out)
LINE_MARKED = """(() => {
  if (!CSS.highlights.has('tf-line')) return null;
  const copy = document.createElement('div');
  copy.append(CSS.highlights.get('tf-line').values().next().value.cloneContents());
  copy.querySelectorAll('[hidden]').forEach((el) => el.remove());
  return copy.textContent;
})()"""


def point_at(page: Any, text: str) -> None:
    """Move the mouse to the middle of the first word `text` of the text."""
    box = page.evaluate(
        """(word) => {
          const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const at = node.data.indexOf(word);
            if (at >= 0 && node.parentElement.getClientRects().length) {
              const range = document.createRange();
              range.setStart(node, at);
              range.setEnd(node, at + word.length);
              const r = range.getBoundingClientRect();
              return [r.left + r.width / 2, r.top + r.height / 2];
            }
          }
          return null;
        }""",
        text,
    )
    assert box is not None, text
    page.mouse.move(box[0], box[1])


def test_the_image_of_the_page_being_read_is_shown(facsimile_page: Any) -> None:
    page = facsimile_page
    panel = page.locator("aside.facsimile")
    assert (panel.get_attribute("data-current"), visible_text(page.locator(".facs-label"))) == (
        "facs-f1",
        "page 11",
    )
    assert page.locator("#facs-f2").is_hidden()
    page.evaluate("document.getElementById('page-12').scrollIntoView()")
    page.wait_for_function(
        "document.querySelector('aside.facsimile').dataset.current === 'facs-f2'"
    )
    assert visible_text(page.locator(".facs-label")) == "page 12"
    assert page.locator("#facs-f1").is_hidden()


def test_pointing_at_a_line_frames_its_zone_in_both_readings(facsimile_page: Any) -> None:
    page = facsimile_page
    point_at(page, "sel")
    assert page.locator("aside.facsimile").get_attribute("data-zone") == "zone-f1-l2"
    assert page.locator("#zone-f1-l2").get_attribute("class") == "zone active"
    assert " ".join(page.evaluate(LINE_MARKED).split()) == "chargés de sel et de morue,"
    point_at(page, "Le port")
    assert page.locator("aside.facsimile").get_attribute("data-zone") == "zone-f1-h"
    page.get_by_role("button", name="Original reading").click()
    point_at(page, "rnorue")
    assert page.locator("aside.facsimile").get_attribute("data-zone") == "zone-f1-l2"
    assert page.locator("#zone-f1-h").get_attribute("class") == "zone"


def test_clicking_a_zone_goes_to_its_line(facsimile_page: Any) -> None:
    page = facsimile_page
    line = "document.getElementById('line-zone-f1-l12').getBoundingClientRect().top"
    assert page.evaluate(line) > 600  # below the window
    page.locator("#zone-f1-l12").click()
    assert page.evaluate("document.documentElement.dataset.line") == "zone-f1-l12"
    assert " ".join(page.evaluate(LINE_MARKED).split()) == (
        "de cuir noir, et le curé bénissait les filets"
    )
    assert 0 < page.evaluate(line) < 600  # the line is in view
    assert page.locator("#zone-f1-l12").get_attribute("class") == "zone active"
    assert page.locator("aside.facsimile").get_attribute("data-current") == "facs-f1"


def test_the_image_zooms_and_comes_back_whole(facsimile_page: Any) -> None:
    page = facsimile_page
    svg = page.locator("#facs-f1 svg")
    page.get_by_role("button", name="Zoom in").click()
    x, y, width, height = (float(v) for v in svg.get_attribute("viewBox").split())
    assert (round(width, 3), round(height, 3)) == (round(800 / 1.5, 3), round(1200 / 1.5, 3))
    assert (round(x + width / 2), round(y + height / 2)) == (400, 600)  # around the middle
    page.get_by_role("button", name="Whole page").click()
    assert svg.get_attribute("viewBox") == "0 0 800 1200"


# --- a long book: its parts, the search -----------------------------------------------------


def part_of(site: Path, anchor: str) -> str:
    """The page of the site that holds `anchor`."""
    return next(
        p.name for p in sorted(site.glob("long.*.html")) if f'id="{anchor}"' in p.read_text()
    )


def test_search_finds_a_word_and_leads_to_its_page(
    watched_long: tuple[Any, Watch, str], long_site: Path
) -> None:
    page, _, base = watched_long
    page.goto(base + "search.html")
    status, results = page.locator("#search-status"), page.locator("#search-results a")
    assert visible_text(status) == "Type a word to search the documents."
    page.locator("#search-box").press_sequentially("mot300x1")
    assert visible_text(status) == "1 place found."
    part = part_of(long_site, "page-300")
    assert part == "long.5.html"
    assert [(visible_text(a), a.get_attribute("href")) for a in results.all()] == [
        ("Un long livre — p. 300", f"{part}#page-300")
    ]
    results.first.click()
    page.wait_for_load_state("load")
    assert page.url == f"{base}{part}#page-300"
    top = page.evaluate("document.getElementById('page-300').getBoundingClientRect().top")
    assert 0 <= top < 900


def test_search_is_blind_to_case_and_accents_and_reads_the_address(
    watched_long: tuple[Any, Watch, str],
) -> None:
    page, _, base = watched_long
    page.goto(base + "search.html?q=ECHIROLLES")
    assert page.locator("#search-box").input_value() == "ECHIROLLES"
    found = [
        (visible_text(a), a.get_attribute("href")) for a in page.locator("#search-results a").all()
    ]
    assert found == [("La prévention de la délinquance à Grenoble — p. 14", "ours.html#page-14")]
    # every word, the last one may be a word's start (Chambéry is on page 3), not the others
    page.locator("#search-box").fill("mot3x0 chamb")
    assert [visible_text(a) for a in page.locator("#search-results a").all()] == [
        "Un long livre — p. 3"
    ]
    page.locator("#search-box").fill("chamb mot3x0")
    assert visible_text(page.locator("#search-status")) == "Nothing found."


def test_the_parts_of_a_long_book_read_in_order(
    watched_long: tuple[Any, Watch, str], long_site: Path
) -> None:
    page, _, base = watched_long
    page.goto(base + "long.html")
    page.locator("nav.parts a").first.click()
    assert page.url == base + "long.1.html"
    page.locator("header nav.parts-nav a[rel=next]").click()
    assert page.url == base + "long.2.html"
    # a note of this part shows beside its reference, and its list is on this part
    page.locator("a#noteref-61").hover()
    assert visible_text(page.locator("#teiforge-popover")).startswith("61 Note de la page 61.")
    page.locator("header nav.parts-nav a[rel=prev]").click()
    assert page.url == base + "long.1.html"


@pytest.mark.parametrize("width", [1280, 380])
def test_a_jump_never_lands_under_the_reading_switch(
    watched: tuple[Any, Watch, str], width: int
) -> None:
    """After following a link to a page mark, a heading, a note reference or a name, the
    target and all it shows stand below the sticky reading switch."""
    page, _, base = watched
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base + "ours.html")
    below = []
    for target in ("page-14", "page-15", "sec-1", "sec-2", "noteref-13", "m-3"):
        page.goto(f"{base}ours.html#{target}")
        below.append(
            page.evaluate(
                """target => {
                  const bar = document.querySelector('.reading-switch').getBoundingClientRect();
                  const el = document.getElementById(target);
                  const tops = [el, ...el.querySelectorAll('*')]
                    .map(e => e.getBoundingClientRect())
                    .filter(r => r.height > 0)
                    .map(r => r.top);
                  return [target, Math.min(...tops) >= bar.bottom, bar.bottom > 0];
                }""",
                target,
            )
        )
    assert below == [[t, True, True] for t, _, _ in below]


def test_names_and_corrections_each_have_their_look_and_the_legend_shows_it(
    watched: tuple[Any, Watch, str],
) -> None:
    page, _, base = watched
    page.goto(base + "ours.html")
    look = """selector => {
      const style = getComputedStyle(document.querySelector(selector));
      return [style.textDecorationLine, style.textDecorationStyle, style.textDecorationColor];
    }"""
    name = page.evaluate(look, "main a.name")
    correction = page.evaluate(look, "main .choice.corr .reading-edited")
    flagged = page.evaluate(look, "main .sic.flagged")
    assert (name, correction, flagged) == (
        ["underline", "solid", "rgb(43, 93, 140)"],
        ["underline", "dotted", "rgb(122, 46, 14)"],
        ["underline", "wavy", "rgb(180, 87, 42)"],
    )
    assert [
        page.evaluate(look, f".marks-legend .{sample}")
        for sample in ("legend-name", "legend-corr", "legend-sic")
    ] == [name, correction, flagged]
