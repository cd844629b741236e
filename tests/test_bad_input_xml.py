"""The bad-input matrix of the commands that read XML (validate, html, text), and what the
safe parser promises: nothing it reads can make it open a file, fetch a URL or expand an
entity, whatever the document's encoding.

For `validate`, a file that is not well-formed or not safe to parse is an invalid file like
any other (exit 1, its findings on stdout); `html` and `text` cannot work on it (exit 2, one
line). The fixtures are in tests/reliability/xml/; their UTF-16 and UTF-7 variants hide
`<!ENTITY` and `<!DOCTYPE` from a search of the bytes.
"""

from __future__ import annotations

import http.server
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from support import REPO
from teiforge import xmlsafe
from teiforge.errors import InputError
from teiforge.tei.load import load_tei
from teiforge.validate import validate_paths
from teiforge.xmlsafe import XmlProblem, parse_bytes
from test_bad_input import side_by_side, teiforge

XML = Path("tests/reliability/xml")  # relative to the repository: messages name it so
SECRET = (REPO / "tests" / "reliability" / "secret.txt").read_text("utf-8").split(":")[0]
TEI_NS = "http://www.tei-c.org/ns/1.0"

ENTITY = "3:3: entity declarations are not allowed (XXE and entity-expansion risk)"
EXTERNAL = "2:1: a DOCTYPE pointing to an external DTD is not allowed (it is never fetched)"
NOT_WELL_FORMED = "2:78: not well-formed: Opening and ending tag mismatch: p line 2 and body"
# fixture -> (what validate finds, one line each; why html and text cannot work on it)
XML_BAD = {
    "binary": (["TF002 1:1: not XML: binary content"], "not XML: binary content"),
    "bomb": ([f"TF003 {ENTITY}"], ENTITY),
    "bomb_utf16": ([f"TF003 {ENTITY}"], ENTITY),
    "not_well_formed": ([f"TF001 {NOT_WELL_FORMED}"], NOT_WELL_FORMED),
    "remote_dtd": ([f"TF004 {EXTERNAL}"], EXTERNAL),
    "remote_dtd_utf16": ([f"TF004 {EXTERNAL}"], EXTERNAL),
    "xxe": ([f"TF003 {ENTITY}"], ENTITY),
    "xxe_utf16": ([f"TF003 {ENTITY}"], ENTITY),
    "xxe_utf7": ([f"TF003 {ENTITY}"], ENTITY),
    "not_tei": (
        [
            (
                'RNG 2:1: element "{http://www.w3.org/1999/xhtml}html" is not allowed as the '
                "root; expected one of: TEI, teiCorpus [/html]"
            ),
            (
                'TF105 2:1: root element "html" is in namespace "http://www.w3.org/1999/xhtml"; '
                'expected "TEI" or "teiCorpus" in the TEI namespace (http://www.tei-c.org/ns/1.0) '
                "[/html]"
            ),
        ],
        (
            "not TEI: the root element is <html> in namespace http://www.w3.org/1999/xhtml, "
            f"expected <TEI> or <teiCorpus> in {TEI_NS}"
        ),
    ),
}


def _finding_line(path: Path, finding: str) -> str:
    """`CODE L:C: message` -> the text format's `path:L:C: error CODE message`."""
    code, rest = finding.split(" ", 1)
    position, _, message = rest.partition(": ") if rest[:1].isdigit() else ("", "", rest)
    where = f"{path}:{position}:" if position else f"{path}:"
    return f"{where} error {code} {message}"


@pytest.fixture(scope="module")
def outcomes(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[tuple[str, str], tuple[subprocess.CompletedProcess[str], Path]]:
    """Each fixture through each command, side by side; html writes into a folder of its own."""
    jobs: dict[tuple[str, str], Callable[[], subprocess.CompletedProcess[str]]] = {}
    sites: dict[tuple[str, str], Path] = {}
    for name in XML_BAD:
        path = XML / f"{name}.xml"
        site = sites[(name, "html")] = tmp_path_factory.mktemp(f"html-{name}")
        jobs[(name, "validate")] = lambda p=path: teiforge("validate", p)
        jobs[(name, "text")] = lambda p=path: teiforge("text", p)
        jobs[(name, "html")] = lambda p=path, s=site: teiforge("html", p, "-o", s / "site")
    before = {name: (REPO / XML / f"{name}.xml").read_bytes() for name in XML_BAD}
    results = side_by_side(jobs)
    for name, data in before.items():
        assert (REPO / XML / f"{name}.xml").read_bytes() == data  # untouched
    return {key: (result, sites.get(key, Path())) for key, result in results.items()}


def test_every_fixture_has_its_expectations() -> None:
    assert sorted(path.stem for path in (REPO / XML).glob("*.xml")) == sorted(XML_BAD)


@pytest.mark.parametrize("name", sorted(XML_BAD))
def test_validate_reports_a_bad_file_as_an_invalid_file(
    outcomes: dict[tuple[str, str], tuple[subprocess.CompletedProcess[str], Path]], name: str
) -> None:
    result, _ = outcomes[(name, "validate")]
    findings = XML_BAD[name][0]
    path = XML / f"{name}.xml"
    errors = f"{len(findings)} error{'s' if len(findings) > 1 else ''}"
    expected = [_finding_line(path, finding) for finding in findings]
    assert (result.returncode, result.stderr) == (1, "")
    schema = "checked against tei_all.rng (TEI P5 4.12.0): 1 file"  # none declared, not ours
    assert result.stdout.splitlines() == [
        schema,
        *expected,
        f"1 file checked, 1 invalid, {errors}",
    ]


def _refusal(name: str, command: str) -> str:
    """The edition and `text` read any TEI element (a fragment), `validate` asks for a
    TEI document."""
    if name == "not_tei":
        return XML_BAD[name][1].replace("<TEI> or <teiCorpus>", "a TEI element")
    return XML_BAD[name][1]


@pytest.mark.parametrize("command", ["html", "text"])
@pytest.mark.parametrize("name", sorted(XML_BAD))
def test_html_and_text_refuse_a_bad_file(
    outcomes: dict[tuple[str, str], tuple[subprocess.CompletedProcess[str], Path]],
    command: str,
    name: str,
) -> None:
    result, site = outcomes[(name, command)]
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"teiforge: error: {XML / f'{name}.xml'}: {_refusal(name, command)}\n",
    )
    if command == "html":
        assert not (site / "site").exists()  # no site, not even its folder


MISSING = {
    "text-missing": (["text", "tests/nope.xml"], "tests/nope.xml: file not found"),
    "text-folder": (
        ["text", "tests/reliability"],
        "tests/reliability: is a folder, not a TEI file",
    ),
    "validate-missing": (["validate", "tests/nope.xml"], "tests/nope.xml: no such file or folder"),
    "html-missing": (["html", "tests/nope.xml", "-o", "{site}"], "tests/nope.xml: file not found"),
}


@pytest.mark.parametrize("name", sorted(MISSING))
def test_xml_commands_refuse_missing_paths(tmp_path: Path, name: str) -> None:
    args, message = MISSING[name]
    result = teiforge(*(arg.format(site=tmp_path / "site") for arg in args))
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"teiforge: error: {message}\n",
    )
    assert list(tmp_path.iterdir()) == []


def test_external_entity_content_never_appears(
    outcomes: dict[tuple[str, str], tuple[subprocess.CompletedProcess[str], Path]],
) -> None:
    names = ["xxe", "xxe_utf16", "xxe_utf7"]
    json_report = teiforge("validate", "--format", "json", *(XML / f"{n}.xml" for n in names))
    assert json_report.returncode == 1
    texts = [json_report.stdout + json_report.stderr]
    texts += [r.stdout + r.stderr for (name, _), (r, _) in outcomes.items() if name in names]
    assert len(texts) == 1 + 3 * len(names)
    assert [text for text in texts if SECRET in text] == []


@pytest.mark.parametrize("name", ["bomb", "bomb_utf16"])
def test_an_entity_bomb_is_refused(name: str) -> None:
    path = REPO / XML / f"{name}.xml"
    report = validate_paths([path])
    with pytest.raises(InputError) as refused:
        load_tei(path)  # what html and text read with
    assert [d.code for d in report.diagnostics] == ["TF003"]
    assert refused.value.problem == ENTITY


# ----------------------------------------- nothing opened: a FIFO tells when it is opened


def _opened_while(fifo: Path, action: Callable[[], object]) -> bool:
    """Whether `action` opens `fifo`: a writer waits on it, and wakes when a reader opens."""
    os.mkfifo(fifo)
    opened = threading.Event()

    def writer() -> None:
        descriptor = os.open(fifo, os.O_WRONLY)  # blocks until the FIFO is opened to read
        opened.set()
        os.close(descriptor)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    try:
        action()
    except XmlProblem:
        pass
    finally:
        time.sleep(0.05)
        was_opened = opened.is_set()
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # release the writer
        thread.join(5)
    return was_opened


def test_the_fifo_probe_sees_an_open(tmp_path: Path) -> None:
    fifo = tmp_path / "probe.dtd"
    assert _opened_while(fifo, lambda: fifo.open("rb").close()) is True


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32", "utf-7"])
def test_a_local_dtd_is_never_opened(tmp_path: Path, encoding: str) -> None:
    fifo = tmp_path / "tei.dtd"
    document = (
        f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n<!DOCTYPE TEI SYSTEM "{fifo}">\n'
        f'<TEI xmlns="{TEI_NS}"><text><body><p>x</p></body></text></TEI>'
    )
    data = document.encode(encoding)
    if encoding == "utf-7":  # "!" may be written directly or in base64: hide it
        data = data.replace(b"<!", b"<+ACE-")
    assert _opened_while(fifo, lambda: parse_bytes(data)) is False
    with pytest.raises(XmlProblem) as refused:
        parse_bytes(data)
    assert (refused.value.code, refused.value.line) == ("external-dtd", 2)


def test_the_parser_opens_nothing_even_unchecked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: were the checks before parsing fooled (an encoding Python does not
    know), the parser still opens nothing and the tree's DOCTYPE is refused."""
    monkeypatch.setattr(xmlsafe, "check_bytes", lambda data: None)
    fifo = tmp_path / "tei.dtd"
    external = f'<!DOCTYPE TEI SYSTEM "{fifo}"><TEI xmlns="{TEI_NS}"/>'.encode()
    assert _opened_while(fifo, lambda: parse_bytes(external)) is False
    with pytest.raises(XmlProblem) as refused:
        parse_bytes(external)
    assert refused.value.code == "external-dtd"
    # plain-text entities are read (legacy TEI); the parser's own account of any other is
    # refused: an external one, one with markup or a reference in its value
    # (an external one is never loaded, so its reference names nothing the parser knows)
    refusals = [
        ('<!ENTITY x SYSTEM "/etc/hostname">', "not-well-formed"),
        ('<!ENTITY x "<b/>">', "entity"),
    ]
    for declaration, code in refusals:
        internal = f'<!DOCTYPE TEI [{declaration}]><TEI xmlns="{TEI_NS}">&x;</TEI>'.encode()
        with pytest.raises(XmlProblem) as refused:
            parse_bytes(internal)
        assert refused.value.code == code


# ----------------------------------- nothing fetched: a local web server records requests


@pytest.fixture
def web_server() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", hits
    finally:
        server.shutdown()
        server.server_close()


def _remote_documents(url: str) -> dict[str, bytes]:
    body = "<text><body><p>un paragraphe</p></body></text>"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    relaxng, xsd = "http://relaxng.org/ns/structure/1.0", "http://www.w3.org/2001/XMLSchema"
    documents = {
        "dtd.xml": f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">\n<TEI xmlns="{TEI_NS}">{body}</TEI>',
        "public.xml": (
            f'<!DOCTYPE TEI PUBLIC "-//TEI//DTD TEI P5//EN" "{url}/public.dtd">\n'
            f'<TEI xmlns="{TEI_NS}">{body}</TEI>'
        ),
        "entity.xml": (
            f'<!DOCTYPE TEI [<!ENTITY e SYSTEM "{url}/entity.txt">]>\n'
            f'<TEI xmlns="{TEI_NS}"><text><body><p>&e;</p></body></text></TEI>'
        ),
        "hints.xml": (
            f'<?xml-model href="{url}/model.rng" schematypens="{relaxng}"?>\n'
            f'<?xml-model href="{url}/model.xsd" schematypens="{xsd}"?>\n'
            f'<?xml-stylesheet href="{url}/style.xsl"?>\n'
            f'<TEI xmlns="{TEI_NS}" xmlns:xsi="{xsi}" xsi:schemaLocation="{TEI_NS} {url}/tei.xsd" '
            f'xsi:noNamespaceSchemaLocation="{url}/none.xsd">{body}</TEI>'
        ),
        "xinclude.xml": (
            f'<TEI xmlns="{TEI_NS}" xmlns:xi="http://www.w3.org/2001/XInclude"><text><body>'
            f'<xi:include href="{url}/part.xml"/><p>x</p></body></text></TEI>'
        ),
    }
    encoded = {name: text.encode() for name, text in documents.items()}
    utf16 = '<?xml version="1.0" encoding="UTF-16"?>\n' + documents["dtd.xml"]
    encoded["dtd_utf16.xml"] = utf16.encode("utf-16")
    return encoded


def test_nothing_is_fetched_from_the_network(
    tmp_path: Path, web_server: tuple[str, list[str]]
) -> None:
    url, hits = web_server
    with pytest.raises(urllib.error.HTTPError):  # a control: the recorder records
        urllib.request.urlopen(f"{url}/control")
    assert hits == ["/control"]
    hits.clear()
    names = []
    for name, data in _remote_documents(url).items():
        (tmp_path / name).write_bytes(data)
        names.append(name)
    runs = {"validate": ("validate", *names), "json": ("validate", "--format", "json", *names)}
    runs |= {f"text {name}": ("text", name) for name in names}
    runs |= {f"html {name}": ("html", name, "-o", f"site-{name}") for name in names}
    results = side_by_side(
        {key: (lambda a=args: teiforge(*a, cwd=tmp_path)) for key, args in runs.items()}
    )
    assert {key: r.returncode for key, r in results.items() if r.returncode not in (0, 1, 2)} == {}
    assert [key for key, r in results.items() if "Traceback" in r.stderr] == []
    assert hits == []


# ------------------------------------- legacy TEI: plain-text entities are read, expanded


def test_plain_text_entities_of_the_internal_subset_are_expanded() -> None:
    data = (
        b"<?xml version='1.0'?>\n<!DOCTYPE TEI.2 [\n<!-- dashes -->\n"
        b"<!ENTITY mdash '---'>\n<!ENTITY eacute \"\xc3\xa9\">\n]>\n"
        b"<TEI.2><text><body><p>caf&eacute; &mdash; ok</p></body></text></TEI.2>"
    )
    tree = parse_bytes(data)
    assert "".join(tree.getroot().itertext()) == "caf\u00e9 --- ok"


@pytest.mark.parametrize(
    "subset",
    [
        '<!ENTITY a "x&b;"><!ENTITY b "y">',  # a reference inside: a bomb's vehicle
        '<!ENTITY % p "x">',  # a parameter entity
        '<!ENTITY a SYSTEM "file:///etc/passwd">',  # an external entity
        '<!ENTITY a "<p>markup</p>">',  # markup in a value
        '<!ENTITY a "x"> <!ENTITY b PUBLIC "-//x" "y.ent">',
    ],
)
def test_any_other_entity_declaration_stays_refused(subset: str) -> None:
    data = f'<!DOCTYPE TEI [{subset}]><TEI xmlns="{TEI_NS}">&a;</TEI>'.encode()
    with pytest.raises(XmlProblem) as refused:
        parse_bytes(data)
    assert (refused.value.code, refused.value.line, refused.value.column) == ("entity", 1, 16)


def test_plain_entities_past_the_size_bound_are_refused() -> None:
    value = "x" * 1000
    body = "&a;" * (xmlsafe.MAX_EXPANSION // 1000 + 1)
    data = f'<!DOCTYPE TEI [<!ENTITY a "{value}">]><TEI xmlns="{TEI_NS}">{body}</TEI>'.encode()
    with pytest.raises(XmlProblem) as refused:
        parse_bytes(data)
    assert refused.value.code == "entity"
