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
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file, not text"),
    ],
    ids=["empty", "whitespace", "png"],
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
