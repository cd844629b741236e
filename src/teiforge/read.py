"""bytes -> Source: decoding, line ends, and refusing what is not text."""

from __future__ import annotations

import codecs
import hashlib
import logging
import re
from pathlib import Path

from .binary import binary_kind
from .errors import InputError
from .model import Source

# Bytes that cp1252 leaves undefined: a text that has them is Latin-1 (ISO 8859-1).
_CP1252_HOLES = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})
# the same as bytes, for bytes.translate (C speed)
_CP1252_HOLE_BYTES = bytes(sorted(_CP1252_HOLES))
# Characters XML 1.0 cannot hold: C0 controls but tab, line ends and form feed (a page break,
# which the layout takes out), lone surrogates, U+FFFE and U+FFFF.
NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
STRAY_SHOWN = 5  # the stray characters a warning names; it counts the others

logger = logging.getLogger(__name__)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). UTF-8 with or without BOM, UTF-16 with BOM, then
    cp1252, then Latin-1: an 8-bit file that is not UTF-8 is nearly always one of those
    for French OCR, and UTF-8 is strict enough that a cp1252 file never passes as it."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # NUL bytes are half of UTF-16: decoded by any other codec they would be text
        return data.decode("utf-16", errors="replace"), "utf-16"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(data.translate(None, _CP1252_HOLE_BYTES)) != len(data):
        return data.decode("latin-1"), "latin-1"
    return data.decode("cp1252"), "cp1252"


def is_binary(data: bytes) -> bool:
    return binary_kind(data) is not None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def xml_characters(text: str) -> str:
    """The text with what XML cannot hold replaced: a vertical tab is a line break (word
    processors export them), any other such character U+FFFD, so that the words around it
    keep their place and their edges (a stray Ctrl-Z, an unpaired surrogate in a name)."""
    return NOT_XML.sub("\ufffd", text.replace("\x0b", "\n"))


def stray_characters(text: str) -> str | None:
    """What XML cannot hold in `text` and xml_characters keeps as U+FFFD (a stray NUL or
    Ctrl-Z of an OCR export), said with its lines; None when there is none."""
    found = list(NOT_XML.finditer(text))
    if not found:
        return None
    lines = [text.count("\n", 0, match.start()) + 1 for match in found[:STRAY_SHOWN]]
    places = ", ".join(
        f"line {line} (U+{ord(match.group()):04X})" for line, match in zip(lines, found)
    )
    more = f" and {len(found) - STRAY_SHOWN} more" if len(found) > STRAY_SHOWN else ""
    noun = "a control character" if len(found) == 1 else f"{len(found)} control characters"
    return f"{noun} kept as U+FFFD: {places}{more}"


def source_from_bytes(data: bytes, name: str, where: object = None) -> Source:
    """`name` is recorded in the header; `where` (default: name) is what errors name."""
    where = name if where is None else where
    if not data:
        raise InputError(where, "empty file")
    kind = binary_kind(data)
    if kind is not None:
        shown = "" if kind == "binary" else f" ({kind})"  # the kind its signature tells
        raise InputError(where, f"binary file{shown}, not text")
    text, encoding = decode(data)
    text = normalise_newlines(text)
    stray = stray_characters(text)
    text = xml_characters(text)
    if not text.strip():
        raise InputError(where, "no text (whitespace only)")
    if stray:
        logger.warning("%s: %s", where, stray)
    return Source(
        name=xml_characters(name),  # a file name may hold bytes that are not UTF-8
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=encoding,
    )


def read_source(path: Path) -> Source:
    """Read an OCR text file. Every failure is an InputError naming the file (asking the
    system first, e.g. with is_dir(), can itself fail: reading says everything)."""
    return source_from_bytes(read_bytes(path), path.name, path)


def read_bytes(path: Path) -> bytes:
    """The bytes of a file, or an InputError naming it (a build keys a source by its bytes
    before it decodes them, and decodes only the sources that changed)."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise InputError(path, "is a folder, not a text file") from None
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "cannot read file (permission denied)") from None
    except OSError as error:
        raise InputError(path, f"cannot read file ({error.strerror})") from None
