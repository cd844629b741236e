"""The bad-input matrix of `encode` and `build`, as a user meets it: each case is golden, its
exact one-line message and exit code 2, no traceback, no file left behind, the input
untouched. And what is accepted: the encodings and line ends OCR software writes.

Each case runs `python -m teiforge` in a folder of its own; the cases of a table run side by
side (a module fixture), and each test reads its case's result. The XML commands' matrix is
in test_bad_input_xml.py.
"""

from __future__ import annotations

import codecs
import ctypes
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from lxml import etree

from support import REPO
from teiforge.encode import encode
from teiforge.read import source_from_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
K = TypeVar("K")
T = TypeVar("T")
EPOCH = "1767225600"  # 2026-01-01


def teiforge(
    *args: str | Path | bytes,
    cwd: Path = REPO,
    env: Mapping[str, str] | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run the command as a user does, in a fresh process."""
    environment = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "teiforge", *(a if isinstance(a, bytes) else str(a) for a in args)],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        preexec_fn=preexec_fn,
        timeout=120,
    )


def side_by_side(jobs: Mapping[K, Callable[[], T]]) -> dict[K, T]:
    """Run independent commands at the same time (each spends most of its time importing)."""
    with ThreadPoolExecutor(max_workers=max(2, (os.cpu_count() or 1) * 2)) as pool:
        futures = {name: pool.submit(job) for name, job in jobs.items()}
    return {name: future.result() for name, future in futures.items()}


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file and folder under `folder`: its mode and content (b"" for folders)."""
    found: dict[str, tuple[int, bytes]] = {}
    for path in sorted(folder.rglob("*")):
        mode = path.lstat().st_mode
        readable = stat.S_ISREG(mode) and mode & stat.S_IRUSR
        found[str(path.relative_to(folder))] = (mode, path.read_bytes() if readable else b"")
    return found


@dataclass(frozen=True)
class Outcome:
    folder: Path
    result: subprocess.CompletedProcess[str]
    before: dict[str, tuple[int, bytes]]
    after: dict[str, tuple[int, bytes]]


# --------------------------------------------------------------------------- encode

OK_TEXT = "Le conseil a décidé.\n"


def make_workspace(folder: Path) -> Path:
    """A folder with a good text, bad ones, a sub-folder and configurations."""
    (folder / "ok.txt").write_text(OK_TEXT, encoding="utf-8")
    (folder / "doc.xml").write_text(OK_TEXT, encoding="utf-8")  # a text with an .xml name
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b" \n\n \t\r\n\f\n")
    (folder / "image.png").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
    )
    (folder / "sub").mkdir()
    (folder / "out").mkdir()
    (folder / "unknown.toml").write_text('sources = ["*.txt"]\nsource_dir = "x"\n')
    (folder / "typed.toml").write_text("language = 3\n")
    (folder / "dated.toml").write_text('date = "26/11/2026"\n')
    return folder


KNOWN_KEYS = (
    "known keys: authority, corrections, date, disable_rules, language, licence, publisher, "
    "rule_severity, shared_ids, site_dir, sources, tei_dir, works"
)
DATE = "must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY"
LANGUAGE = "must be a language code such as fr or en-GB"
EPOCH_PROBLEM = "SOURCE_DATE_EPOCH: must be a number of seconds since 1970-01-01"

# name -> (arguments, extra environment, the one line on stderr after "teiforge: error: ")
ENCODE_BAD: dict[str, tuple[list[str], dict[str, str], str]] = {
    "empty": (["encode", "empty.txt"], {}, "empty.txt: empty file"),
    "whitespace": (["encode", "blank.txt"], {}, "blank.txt: no text (whitespace only)"),
    "binary": (["encode", "image.png"], {}, "image.png: binary file (PNG image), not text"),
    "missing": (["encode", "nope.txt"], {}, "nope.txt: no such file"),
    "folder": (
        ["encode", "sub"],
        {},
        "sub: a folder without OCR files (.xml, .hocr, .tsv, .txt...)",
    ),
    "path-through-a-file": (
        ["encode", "ok.txt/x.txt"],
        {},
        "ok.txt/x.txt: cannot read file (Not a directory)",
    ),
    "out-dir-missing": (
        ["encode", "ok.txt", "--out-dir", "nowhere"],
        {},
        "nowhere: output folder does not exist",
    ),
    "out-dir-is-a-file": (
        ["encode", "ok.txt", "--out-dir", "doc.xml"],
        {},
        "doc.xml: is a file, not a folder",
    ),
    "output-folder-missing": (
        ["encode", "ok.txt", "-o", "nowhere/x.xml"],
        {},
        "nowhere: output folder does not exist",
    ),
    "output-under-a-file": (
        ["encode", "ok.txt", "-o", "doc.xml/x.xml"],
        {},
        "doc.xml: is a file, not a folder",
    ),
    "output-is-a-folder": (
        ["encode", "ok.txt", "-o", "sub"],
        {},
        "sub: cannot write (Is a directory)",
    ),
    "output-is-input": (
        ["encode", "ok.txt", "-o", "ok.txt"],
        {},
        "ok.txt: output path is the input file",
    ),
    "output-is-input-via-out-dir": (
        ["encode", "doc.xml", "--out-dir", "."],
        {},
        "doc.xml: output path is the input file",
    ),
    "several-to-stdout": (["encode", "ok.txt", "ok.txt"], {}, "several inputs need --out-dir"),
    "several-one-bad": (
        ["encode", "ok.txt", "empty.txt", "--out-dir", "out"],
        {},
        "empty.txt: empty file",
    ),
    "config-unknown-key": (
        ["encode", "ok.txt", "--config", "unknown.toml"],
        {},
        f"unknown.toml: unknown key 'source_dir' ({KNOWN_KEYS})",
    ),
    "config-wrong-type": (
        ["encode", "ok.txt", "--config", "typed.toml"],
        {},
        "typed.toml: key 'language' must be a string, not int",
    ),
    "config-bad-date": (
        ["encode", "ok.txt", "--config", "dated.toml"],
        {},
        f"dated.toml: key 'date' {DATE}, not '26/11/2026'",
    ),
    "config-missing": (
        ["encode", "ok.txt", "--config", "none.toml"],
        {},
        "none.toml: no such configuration file",
    ),
    "bad-date": (
        ["encode", "ok.txt", "--date", "2026-13-45"],
        {},
        f"--date: {DATE}, not '2026-13-45'",
    ),
    "bad-lang": (["encode", "ok.txt", "--lang", "fr_FR"], {}, f"--lang: {LANGUAGE}, not 'fr_FR'"),
    "empty-lang": (["encode", "ok.txt", "--lang", ""], {}, f"--lang: {LANGUAGE}, not ''"),
    "bad-source-date-epoch": (
        ["encode", "ok.txt"],
        {"SOURCE_DATE_EPOCH": "1.5e9"},
        f"{EPOCH_PROBLEM}, not '1.5e9'",
    ),
    "source-date-epoch-out-of-range": (
        ["encode", "ok.txt"],
        {"SOURCE_DATE_EPOCH": "99999999999999999999"},
        f"{EPOCH_PROBLEM}, not '99999999999999999999'",
    ),
}


@pytest.fixture(scope="module")
def encode_outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    workspaces = {name: make_workspace(tmp_path_factory.mktemp(name)) for name in ENCODE_BAD}
    before = {name: snapshot(folder) for name, folder in workspaces.items()}

    def job(name: str) -> Callable[[], subprocess.CompletedProcess[str]]:
        args, env, _ = ENCODE_BAD[name]
        return lambda: teiforge(*args, cwd=workspaces[name], env=env)

    results = side_by_side({name: job(name) for name in ENCODE_BAD})
    return {
        name: Outcome(folder, results[name], before[name], snapshot(folder))
        for name, folder in workspaces.items()
    }


@pytest.mark.parametrize("name", sorted(ENCODE_BAD))
def test_encode_refuses_bad_input_in_one_line(
    encode_outcomes: dict[str, Outcome], name: str
) -> None:
    outcome = encode_outcomes[name]
    result = outcome.result
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"teiforge: error: {ENCODE_BAD[name][2]}\n",
    )
    assert outcome.after == outcome.before  # the input untouched, no output, no temporary file


# --------------------------------------------------------------------------- build

BUILD_BAD = {
    "unknown-key": (
        'sources = ["*.txt"]\ntei_folder = "x"\n',
        f"unknown key 'tei_folder' ({KNOWN_KEYS})",
    ),
    "wrong-type": ('sources = "*.txt"\n', "key 'sources' must be a list of strings"),
    "wrong-item-type": (
        'sources = ["*.txt"]\ndisable_rules = [101]\n',
        "key 'disable_rules' must be a list of strings",
    ),
    "bad-language": ('language = "français"\n', f"key 'language' {LANGUAGE}, not 'français'"),
    "bad-date": ("date = '2026-02-30'\n", f"key 'date' {DATE}, not '2026-02-30'"),
    "control-character": (
        'publisher = "Le \\u0001 éditeur"\n',
        "key 'publisher' holds a character XML cannot hold (U+0001)",
    ),
    "noncharacter-in-a-list": (
        'sources = ["*.txt", "\\uFFFE"]\n',
        "key 'sources' holds a character XML cannot hold (U+FFFE)",
    ),
}
BUILD_BAD_SOURCES = {
    # the first source is good, the second bad: nothing is written, not even tei/
    "one-source-empty": ("empty file", b""),
    "one-source-binary": ("binary file, not text", b"\x00\x01\x02PK\x03\x04" * 10),
}


@pytest.fixture(scope="module")
def build_outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    folders = {}
    for name, (content, _) in BUILD_BAD.items():
        folder = folders[name] = tmp_path_factory.mktemp(name)
        (folder / "teiforge.toml").write_text(content, encoding="utf-8")
        (folder / "a.txt").write_text(OK_TEXT, encoding="utf-8")
    for name, (_, data) in BUILD_BAD_SOURCES.items():
        folder = folders[name] = tmp_path_factory.mktemp(name)
        (folder / "teiforge.toml").write_text('sources = ["*.txt"]\n', encoding="utf-8")
        (folder / "a.txt").write_text(OK_TEXT, encoding="utf-8")
        (folder / "b.txt").write_bytes(data)
    before = {name: snapshot(folder) for name, folder in folders.items()}
    results = side_by_side(
        {name: (lambda f=folder: teiforge("build", cwd=f)) for name, folder in folders.items()}
    )
    return {
        name: Outcome(folder, results[name], before[name], snapshot(folder))
        for name, folder in folders.items()
    }


@pytest.mark.parametrize("name", sorted(BUILD_BAD) + sorted(BUILD_BAD_SOURCES))
def test_build_refuses_bad_input_in_one_line(build_outcomes: dict[str, Outcome], name: str) -> None:
    outcome = build_outcomes[name]
    if name in BUILD_BAD:
        where, problem = "teiforge.toml", BUILD_BAD[name][1]
    else:
        where, problem = "b.txt", BUILD_BAD_SOURCES[name][0]
    result = outcome.result
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"teiforge: error: {outcome.folder / where}: {problem}\n",
    )
    assert outcome.after == outcome.before


# ------------------------------------------------ what cannot be read or written

# Root reads and writes anything, so when the tests run as root the command runs without the
# capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH): permissions then apply to
# it as to anyone.
_PR_CAPBSET_DROP = 24
_DAC_CAPABILITIES = (1, 2)


def _drop_dac_capabilities() -> None:  # runs in the child, between fork and exec
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in _DAC_CAPABILITIES:
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            os._exit(97)


@pytest.fixture(scope="module")
def unprivileged(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], None] | None:
    """The preexec_fn that makes file permissions apply to the command (None when they do)."""
    if os.geteuid() != 0:
        return None
    probe = tmp_path_factory.mktemp("probe") / "probe"
    probe.write_text("x")
    probe.chmod(0)
    result = subprocess.run(
        [sys.executable, "-c", f"open({str(probe)!r}).read()"],
        preexec_fn=_drop_dac_capabilities,
        capture_output=True,
        check=False,
    )
    if result.returncode == 0 or b"PermissionError" not in result.stderr:
        pytest.skip("running as root and cannot drop the capabilities that bypass permissions")
    return _drop_dac_capabilities


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """secret.txt that nobody may read, locked/ that nobody may enter, unlisted/ that nobody
    may list, readonly/ where nobody may write; permissions restored after the test so that
    the folder can be removed."""
    workspace = make_workspace(tmp_path)
    (workspace / "secret.txt").write_text(OK_TEXT, encoding="utf-8")
    for folder in ("locked", "unlisted"):
        (workspace / folder).mkdir()
        (workspace / folder / "in.txt").write_text(OK_TEXT, encoding="utf-8")
        (workspace / folder / "in.xml").write_text("<TEI/>", encoding="utf-8")
    (workspace / "readonly").mkdir()
    (workspace / "secret.txt").chmod(0)
    (workspace / "locked").chmod(stat.S_IRUSR | stat.S_IWUSR)  # no x: cannot be entered
    (workspace / "unlisted").chmod(stat.S_IXUSR)  # no r: cannot be listed
    (workspace / "readonly").chmod(stat.S_IRUSR | stat.S_IXUSR)
    yield workspace
    for name in ("secret.txt", "locked", "unlisted", "readonly"):
        (workspace / name).chmod(stat.S_IRWXU)


EDITION = REPO / "tests" / "cases" / "heading_levels" / "expected.xml"
UNPRIVILEGED_BAD = {
    "unreadable": (["encode", "secret.txt"], "secret.txt: cannot read file (permission denied)"),
    "in-a-folder-that-cannot-be-entered": (
        ["encode", "locked/in.txt"],
        "locked/in.txt: cannot read file (permission denied)",
    ),
    "output-folder-unwritable": (
        ["encode", "ok.txt", "-o", "readonly/x.xml"],
        "readonly: cannot write here (Permission denied)",
    ),
    "out-dir-unwritable": (
        ["encode", "ok.txt", "--out-dir", "readonly"],
        "readonly: cannot write here (Permission denied)",
    ),
    "config-unreadable": (
        ["encode", "ok.txt", "--config", "secret.txt"],
        "secret.txt: cannot read configuration (Permission denied)",
    ),
    "text-unreadable": (["text", "secret.txt"], "secret.txt: cannot read (permission denied)"),
    "html-unreadable": (
        ["html", "secret.txt", "-o", "site"],
        "secret.txt: cannot read (permission denied)",
    ),
    "html-site-unwritable": (
        ["html", str(EDITION), "-o", "readonly/site"],
        "readonly/site: cannot create output folder",
    ),
    "validate-unreadable": (
        ["validate", "secret.txt"],
        "secret.txt: cannot read (Permission denied)",
    ),
}


@pytest.mark.parametrize("name", sorted(UNPRIVILEGED_BAD))
def test_what_cannot_be_read_or_written_is_one_line(
    locked: Path, unprivileged: Callable[[], None] | None, name: str
) -> None:
    args, message = UNPRIVILEGED_BAD[name]
    before = snapshot(locked)
    result = teiforge(*args, cwd=locked, preexec_fn=unprivileged)
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"teiforge: error: {message}\n",
    )
    assert snapshot(locked) == before


def test_validate_a_file_in_a_folder_that_cannot_be_entered(
    locked: Path, unprivileged: Callable[[], None] | None
) -> None:
    result = teiforge("validate", "locked/in.xml", cwd=locked, preexec_fn=unprivileged)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("teiforge: error: locked/in.xml: cannot read")
    assert result.stderr.count("\n") == 1


def test_validate_a_folder_that_cannot_be_listed(
    locked: Path, unprivileged: Callable[[], None] | None
) -> None:
    result = teiforge("validate", "unlisted", cwd=locked, preexec_fn=unprivileged)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("teiforge: error: unlisted")


# ------------------------------------------------------------------------ accepted

FRENCH = (
    "Le conseil général a décidé, à l'été 2008 : « une œuvre commune » — et l'État suivra.\n"
    "Les élèves ont répondu : « Ça dépend… »\n"
)
LATIN1 = FRENCH.replace("œ", "oe").replace("—", "-").replace("…", "...")
# name -> (bytes of the file, the same text in UTF-8 with LF, the codec the header states)
ACCEPTED = {
    "utf8-bom": (codecs.BOM_UTF8 + FRENCH.encode(), FRENCH, "utf-8-sig"),
    "cp1252-crlf": (FRENCH.replace("\n", "\r\n").encode("cp1252"), FRENCH, "cp1252"),
    "latin1": (LATIN1.encode("latin-1") + b"\x81", LATIN1 + "\x81", "latin-1"),
    "utf8-cr": (FRENCH.replace("\n", "\r").encode(), FRENCH, "utf-8"),
    "utf16-crlf": (FRENCH.replace("\n", "\r\n").encode("utf-16"), FRENCH, "utf-16"),
    "ctrl-z-at-the-end": (FRENCH.encode() + b"\x1a", FRENCH + "\ufffd", "utf-8"),
    "vertical-tabs": (FRENCH.replace("\n", "\x0b", 1).encode(), FRENCH, "utf-8"),
}
# a 10 KB book with one NUL byte about 3,000 bytes in, as OCR exports carry them
_BOOK = (FRENCH * 70).encode()
_NUL_AT = _BOOK.index(b" ", 3000)
ACCEPTED["nul-in-a-book"] = (
    _BOOK[:_NUL_AT] + b"\x00" + _BOOK[_NUL_AT:],
    (_BOOK[:_NUL_AT] + "\ufffd".encode() + _BOOK[_NUL_AT:]).decode(),
    "utf-8",
)
# what is said of the files kept with a stray control character: its line, as U+FFFD
STRAY = {
    "ctrl-z-at-the-end": "a control character kept as U+FFFD: line 3 (U+001A)",
    "nul-in-a-book": "a control character kept as U+FFFD: line 41 (U+0000)",
}


@pytest.fixture(scope="module")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("accepted")
    jobs = {}
    for name, (data, _, _) in ACCEPTED.items():
        (folder / f"{name}.txt").write_bytes(data)
        jobs[name] = lambda n=name: teiforge("encode", f"{n}.txt", "-o", f"{n}.xml", cwd=folder)
    results = side_by_side(jobs)
    assert {n: (r.returncode, r.stdout, r.stderr) for n, r in results.items()} == {
        n: (0, "", f"teiforge: WARNING: {n}.txt: {STRAY[n]}\n" if n in STRAY else "") for n in jobs
    }
    return folder


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_encodings_and_line_ends_are_accepted(accepted: Path, name: str) -> None:
    data, text, encoding = ACCEPTED[name]
    assert (accepted / f"{name}.txt").read_bytes() == data  # untouched
    tei = etree.parse(str(accepted / f"{name}.xml"))
    reference = etree.fromstring(encode(source_from_bytes(text.encode(), f"{name}.txt")))
    body = f"{{{TEI_NS}}}text"
    assert etree.tostring(tei.find(body)) == etree.tostring(reference.find(body))
    note = tei.findtext(f".//{{{TEI_NS}}}sourceDesc//{{{TEI_NS}}}note")
    assert note == f"OCR text, decoded as {encoding}"


def test_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    name = b"rapport-\xe9t\xe9.txt"  # Latin-1 bytes in a file name
    (tmp_path / os.fsdecode(name)).write_text(FRENCH, encoding="utf-8")
    result = teiforge("encode", name, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    title = etree.fromstring(result.stdout.encode()).findtext(
        f".//{{{TEI_NS}}}sourceDesc//{{{TEI_NS}}}title"
    )
    assert title == "rapport-\ufffdt\ufffd.txt"
