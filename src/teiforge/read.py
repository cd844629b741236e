"""bytes -> Source: decoding, line ends, and refusing what is not text."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from .errors import InputError
from .model import Source

# Bytes that are control characters in every text encoding we accept; a few of them mean
# the file is binary (an image, a PDF, a word-processor file), not OCR text.
_CONTROL = frozenset(range(9)) | {
    11,
    14,
    15,
    16,
    17,
    18,
    19,
    20,
    21,
    22,
    23,
    24,
    25,
    26,
    27,
    28,
    29,
    30,
    31,
}
# Bytes that cp1252 leaves undefined: a text that has them is Latin-1 (ISO 8859-1).
_CP1252_HOLES = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 with or without BOM, UTF-16 with BOM, then
    cp1252, then Latin-1: an 8-bit file that is not UTF-8 is nearly always one of those
    for French OCR, and UTF-8 is strict enough that a cp1252 file never passes as it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(byte in _CP1252_HOLES for byte in data):
        return data.decode("latin-1"), "latin-1"
    return data.decode("cp1252"), "cp1252"


def is_binary(data: bytes) -> bool:
    sample = data[:65536]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False  # NUL bytes are expected there; decoding will tell
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte in _CONTROL)
    return controls > max(2, len(sample) // 100)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def source_from_bytes(data: bytes, name: str, where: object = None) -> Source:
    """`name` is recorded in the header; `where` (default: name) is what errors name."""
    where = name if where is None else where
    if not data:
        raise InputError(where, "empty file")
    if is_binary(data):
        raise InputError(where, "binary file, not text")
    text, encoding = decode(data)
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(where, "no text (whitespace only)")
    return Source(name=name, text=text, sha256=hashlib.sha256(data).hexdigest(), encoding=encoding)


def read_source(path: Path) -> Source:
    """Read an OCR text file. Every failure is an InputError naming the file."""
    if path.is_dir():
        raise InputError(path, "is a folder, not a text file")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "cannot read file (permission denied)") from None
    except OSError as error:
        raise InputError(path, f"cannot read file ({error.strerror})") from None
    return source_from_bytes(data, path.name, path)
