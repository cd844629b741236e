"""Telling a binary file from a text: by what it starts with, then by its share of control
bytes. OCR exports do carry a stray NUL or Ctrl-Z; one of them does not make a book binary."""

from __future__ import annotations

import codecs

# What the files mistaken for OCR text most often are, by their first bytes (the formats'
# own signatures): scans, PDFs, word-processor files and archives.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x00\x0cjP  \r\n\x87\n", "JPEG 2000 image"),
    (b"AT&TFORM", "DjVu document"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP archive, DOCX, ODT or EPUB"),
    (b"PK\x05\x06", "ZIP archive, DOCX, ODT or EPUB"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office file (DOC, XLS)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"(\xb5/\xfd", "zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "program"),
)
# WebP's signature has the file size in its middle: RIFF....WEBP
_RIFF = (b"RIFF", b"WEBP", "WebP image")

# Bytes that are control characters in every text encoding we accept: C0 but tab, line
# feed, form feed (a page break) and carriage return.
CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
# the same as bytes, for bytes.translate, which counts them at C speed (a loop in Python
# over every byte was a third of the time a build spent reading 715 texts)
_CONTROL_BYTES = bytes(sorted(CONTROL))
SAMPLE = 65536  # bytes looked at
# A text has fewer control bytes than this share of its bytes (and at most 2 in a short
# one); random bytes (compressed data, images) have about 11 %.
SHARE = 100  # 1 %


def binary_kind(data: bytes) -> str | None:
    """What binary file `data` is ("PDF", "PNG image"..., or "binary" when only its control
    bytes tell), or None for a text, stray control characters and all."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None  # NUL bytes are half of UTF-16: decoding will tell
    for signature, kind in MAGIC:
        if data.startswith(signature):
            return kind
    if data.startswith(_RIFF[0]) and data[8:12] == _RIFF[1]:
        return _RIFF[2]
    sample = data[:SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return "binary" if controls > max(2, len(sample) // SHARE) else None
