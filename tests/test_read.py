"""Decoding OCR files: encodings, byte-order marks, line ends, and what is refused."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from teiforge.errors import InputError
from teiforge.read import read_source, source_from_bytes

TEXT = "Le conseil général a décidé, à l'été 2008 : « œuvre » — fin.\nDeuxième ligne.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("cp1252"), "cp1252"),
        (TEXT.replace("œ", "oe").replace("—", "-").encode("latin-1") + b"\x81", "latin-1"),
        (TEXT.encode("utf-16"), "utf-16"),
    ],
    ids=["utf8", "utf8-bom", "cp1252", "latin1", "utf16"],
)
def test_decodes(data: bytes, encoding: str) -> None:
    source = source_from_bytes(data, "x.txt")
    assert source.encoding == encoding
    assert source.text.startswith("Le conseil général a décidé, à l'été 2008 : «")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"], ids=["crlf", "cr", "lf"])
def test_line_ends_become_lf(newline: str) -> None:
    source = source_from_bytes(TEXT.replace("\n", newline).encode(), "x.txt")
    assert source.text == TEXT


def test_sha256_is_of_the_raw_bytes() -> None:
    assert (
        source_from_bytes(b"abc", "x.txt").sha256
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \r\n", "no text (whitespace only)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file (PNG image), not text"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nune page de texte\n", "binary file (PDF), not text"),
        (
            b"PK\x03\x04" + TEXT.encode() * 3,
            "binary file (ZIP archive, DOCX, ODT or EPUB), not text",
        ),
        (b"\x1f\x8b\x08\x00" + TEXT.encode(), "binary file (gzip archive), not text"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + TEXT.encode(), "binary file (WebP image), not text"),
        # no signature: 5 control bytes in 180 (2.8 %) are more than a text has
        (
            TEXT.encode()[:100] + b"\x01\x02\x03\x04\x05" + TEXT.encode()[:75],
            "binary file, not text",
        ),
    ],
    ids=["empty", "whitespace", "png", "pdf", "zip", "gzip", "webp", "controls"],
)
def test_refuses(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_source(path)
    assert str(raised.value) == f"{path}: {message}"


def test_refuses_folder_and_missing(tmp_path: Path) -> None:
    with pytest.raises(InputError) as raised:
        read_source(tmp_path)
    assert str(raised.value) == f"{tmp_path}: is a folder, not a text file"
    with pytest.raises(InputError) as raised:
        read_source(tmp_path / "nope.txt")
    assert str(raised.value) == f"{tmp_path / 'nope.txt'}: no such file"


def test_a_stray_nul_in_a_long_text_is_kept_as_u_fffd_with_its_line(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One NUL in a long OCR text is not a binary file: the text is read, the NUL kept as
    U+FFFD (nothing of the source is lost) and said with the line it is on."""
    lines = [f"Ligne {n} du rapport, avec ses mots." for n in range(1, 301)]
    lines[199] = "Ligne 200 du\x00 rapport, avec ses mots."
    data = ("\n".join(lines) + "\n").encode()
    with caplog.at_level("WARNING", logger="teiforge.read"):
        source = source_from_bytes(data, "x.txt", "ocr/x.txt")
    assert source.text.splitlines()[199] == "Ligne 200 du\ufffd rapport, avec ses mots."
    assert source.text.count("\ufffd") == 1 and len(source.text) == len(data.decode())
    assert caplog.messages == ["ocr/x.txt: a control character kept as U+FFFD: line 200 (U+0000)"]


def test_many_stray_characters_are_counted_beyond_the_first_five(
    caplog: pytest.LogCaptureFixture,
) -> None:
    lines = [
        f"Ligne {n} du rapport, assez longue pour tenir sept caractères de contrôle."
        for n in range(1, 201)
    ]
    for n in (3, 9, 27, 81, 90, 100, 150):
        lines[n - 1] += "\x1a"
    with caplog.at_level("WARNING", logger="teiforge.read"):
        source_from_bytes("\n".join(lines).encode(), "x.txt")
    (message,) = caplog.messages
    assert message == (
        "x.txt: 7 control characters kept as U+FFFD: line 3 (U+001A), line 9 (U+001A), "
        "line 27 (U+001A), line 81 (U+001A), line 90 (U+001A) and 2 more"
    )


def test_a_clean_text_says_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("WARNING", logger="teiforge.read"):
        source_from_bytes(TEXT.encode("utf-16"), "x.txt")
    assert caplog.messages == []
