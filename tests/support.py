"""Helpers shared by tests: paths, the golden-file switch, word comparisons."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "cases"
REGENERATE = os.environ.get("TEIFORGE_REGENERATE") == "1"  # rewrite golden files


def teiforge(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own, its dates fixed (2026-01-01)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    return subprocess.run(
        [sys.executable, "-m", "teiforge", *map(str, args)],
        check=False,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
    )


_HYPHENS = ("-", "\u00ad", "¬")


def _words(text: str) -> tuple[list[str], list[tuple[str, str, str]]]:
    """The words of a text, layout aside (line ends, blank lines, form feeds, hyphens that
    break a word at a line end), and the words joined at a line end as (joined, left, right).

    A word broken at a line end is joined as the layout joins it: `dévelop-` `pés` ->
    `développés` (a lowercase start after a letter), `Jean-` `Pierre` -> `Jean-Pierre`."""
    words: list[str] = []
    joins: list[tuple[str, str, str]] = []
    broken = False  # the last word ended a line with a hyphen
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        tokens = line.split()
        if not tokens:
            continue
        if broken:
            left, right = words.pop(), tokens.pop(0)
            if left[-2:-1].isalpha() and right[:1].islower():
                joined = left[:-1] + right
            elif left.endswith("-") and left[-2:-1].isalpha() and right[:1].isupper():
                joined = left + right
            else:
                joined = ""
            if joined:
                words.append(joined)
                joins.append((joined, left, right))
            else:
                words += [left, right]
        words += tokens
        broken = bool(words) and words[-1].endswith(_HYPHENS) and len(words[-1]) >= 2
    return words, joins


def source_words(text: str) -> list[str]:
    """The words of an OCR text, layout aside: line ends, blank lines, form feeds and
    hyphens that break a word at a line end."""
    return _words(text)[0]


def missing_words(source: str, reading: str) -> Counter[str]:
    """Words of the source that the reading lacks (with multiplicity): empty when lossless.

    A word broken at a line end is one word where the text runs on, and two where it does
    not (the next line began another paragraph, a note, a heading) or where something
    stood between its halves (a page number, a footnote zone): either form counts."""
    (source_list, source_joins), (reading_list, reading_joins) = _words(source), _words(reading)
    missing = Counter(source_list) - Counter(reading_list)
    extra = Counter(reading_list) - Counter(source_list)
    _pair_halves(missing, extra)
    _pair_halves(extra, missing)
    if +missing and +extra:
        # forme work moved after its page's pb (a footer `LIVRE-` set before the text it
        # stood under) can join other halves than the source did: compare the halves
        _split_joins(missing, source_joins)
        _split_joins(extra, reading_joins)
        missing, extra = missing - extra, extra - missing
        _pair_halves(missing, extra)
        _pair_halves(extra, missing)
    return +missing


def _split_joins(words: Counter[str], joins: list[tuple[str, str, str]]) -> None:
    """Each word of `words` that was joined at a line end, back into its two halves."""
    for joined, left, right in joins:
        if words[joined] > 0:
            words[joined] -= 1
            words[left] += 1
            words[right] += 1


def _pair_halves(halves: Counter[str], joined: Counter[str]) -> None:
    """Take out of both counters each `left-` and `right` of `halves` that make a word of
    `joined` (`dévelop-` `pés` -> `développés`; `Jean-` `Pierre` -> `Jean-Pierre`), and each
    `left-` that stands as `left` in `joined`: its halves were joined, then set apart by
    what the reading puts between them (a page number where the page turned)."""
    for left in [word for word in halves if word.endswith(_HYPHENS) and len(word) >= 2]:
        for right in list(halves):
            for word in (left[:-1] + right, left + right):
                while halves[left] > 0 and halves[right] > 0 and joined[word] > 0:
                    halves[left] -= 1
                    halves[right] -= 1
                    joined[word] -= 1
        while halves[left] > 0 and joined[left[:-1]] > 0:
            halves[left] -= 1
            joined[left[:-1]] -= 1


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


def fill_corrections(
    path: Path,
    decisions: Mapping[str, str],
    editor: tuple[str, str] = ("jdupont", "Jeanne Dupont"),
) -> None:
    """Fill a corrections file as an editor would: who, then a decision on the rows named
    in `decisions`, by their sic, or by "sic@line" where a word is proposed on several
    lines."""
    lines = []
    columns: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# editor-id:"):
            line = f"# editor-id: {editor[0]}"
        elif line.startswith("# editor-name:"):
            line = f"# editor-name: {editor[1]}"
        elif line.startswith("#"):
            pass
        elif not columns:
            columns = line.split("\t")
        else:
            cells = dict(zip(columns, line.split("\t"), strict=True))
            for key in (f"{cells['sic']}@{cells['line']}", cells["sic"]):
                if key in decisions:
                    cells["decision"] = decisions[key]
                    break
            line = "\t".join(cells.values())
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def tei_corrections(root: Any) -> list[tuple[str, str, str | None, str | None]]:
    """The corrections of a TEI document: (sic, corr, corr/@resp, corr/@cert) in order."""
    from teiforge.tei.ns import tei

    found = []
    for choice in root.iter(tei("choice")):
        corr = choice.find(tei("corr"))
        if corr.text:  # not an emptied note mark
            found.append(
                (choice.findtext(tei("sic")), corr.text, corr.get("resp"), corr.get("cert"))
            )
    return found
