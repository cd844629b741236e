"""Helpers shared by tests: paths, the golden-file switch, word comparisons."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "cases"
REGENERATE = os.environ.get("TEIFORGE_REGENERATE") == "1"  # rewrite golden files

_LINE_END_HYPHEN = re.compile(r"(?<=\w)[-\u00ad¬][ \t]*\n\s*(?=[a-zà-ÿœæ])")
_LINE_END_COMPOUND = re.compile(r"(?<=\w)-[ \t]*\n\s*(?=[A-ZÀ-ÞŒ])")


def source_words(text: str) -> list[str]:
    """The words of an OCR text, layout aside: line ends, blank lines, form feeds and
    hyphens that break a word at a line end."""
    text = _LINE_END_COMPOUND.sub(
        "-", _LINE_END_HYPHEN.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    )
    return text.split()


def missing_words(source: str, reading: str) -> Counter[str]:
    """Words of the source that the reading lacks (with multiplicity): empty when lossless."""
    return Counter(source_words(source)) - Counter(source_words(reading))


def golden(path: Path, actual: bytes) -> bytes:
    """The expected bytes; with TEIFORGE_REGENERATE=1, `actual` becomes the expectation."""
    if REGENERATE:
        path.write_bytes(actual)
    return path.read_bytes()


def bracketed(text: str, spans: list) -> str:  # type: ignore[type-arg]
    """Spans over a text as nested brackets, `[tag key=value|covered text]`, in the order
    the serializer nests them: a readable dump for annotator tests."""
    from teiforge.tei.inline import nestable

    ordered = nestable(spans)

    def render(start: int, end: int, inner: list) -> str:  # type: ignore[type-arg]
        out, cursor, index = [], start, 0
        while index < len(inner):
            span = inner[index]
            children = []
            for other in inner[index + 1 :]:
                if span.start != span.end and other.start >= span.start and other.end <= span.end:
                    children.append(other)
                else:
                    break
            out.append(text[cursor : span.start])
            attrs = "".join(
                f" {k}={v}" for k, v in sorted(span.attrs.items()) if k not in ("resp",)
            )
            out.append(f"[{span.tag}{attrs}|{render(span.start, span.end, children)}]")
            cursor = max(cursor, span.end)
            index += 1 + len(children)
        out.append(text[cursor:end])
        return "".join(out)

    return render(0, len(text), ordered)
