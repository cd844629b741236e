"""The editor's corrections file: every correction and flag teiforge proposed, with its
context, and a decision column the editor fills. Tab-separated, UTF-8, one row per
proposal, comment lines first:

    # teiforge corrections: in "decision" write accept, reject or the right reading ...
    # editor-id: jdupont
    # editor-name: Jeanne Dupont
    document  page  line  column  sic  proposed  cert  why  confidence  zone  left  right
    decision  status

- document: the source file's name; page: the printed page number (else its position);
- line, column: where the word (`sic`) starts in the source file, both 1-based, the
  column counting characters of the decoded line (a word broken by a line-end hyphen
  starts on the first line); a column of 0 or empty: not known, the row is found by its
  words;
- sic: the word as the OCR read it (rejoined where a line end broke it); proposed: the
  correction, or a flag's best candidate (empty when none); cert: high, medium
  (corrections made) or low (a flag);
- why: the proposer's code (model, lm, line-end, split, join, spacing, hyphen, stray...) and
  what decided (its probability, the odds in context); for the editor, ignored when read
  (a file without this column, from an earlier version, still loads);
- confidence, zone: for a source with coordinates (ALTO, PAGE, hOCR, TSV), the OCR
  engine's confidence in the word (0 to 1) and where it is on the page image: the TEI
  zone of its line and the word's box in the image's pixels (`f1-l3 212,402,388,460`), so
  the editor can look at the region; empty for plain text; ignored when read;
- left, right: the text on each side, which finds the word again if the source moves;
- decision: accept (the proposed reading is right; for a flag without a proposal: the
  word is an error, left in sic), reject (the word is right as the OCR read it), any
  other text (the right reading), or empty (teiforge decides, as without the file);
- status: written by `teiforge review` for the editor, ignored by encoding: empty for a
  current proposal, else why review kept an earlier row: not proposed, duplicate, not
  found, ambiguous (review.py says what each means).

The source anchor outlives any change of the layout rules (which lines make a block,
what is taken out as a running head or a page number): rows hold no block index or
offset. A file written before the anchor (columns OLD_COLUMNS: block, start, end in a
block's text, line the block's first line) still loads; its rows are placed by their
block offsets where those still hold the word, else by their word and context
(annotate/reanchor.py). The next review rewrites it with the anchor.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError

COLUMNS = (
    "document",
    "page",
    "line",
    "column",
    "sic",
    "proposed",
    "cert",
    "why",
    "confidence",
    "zone",
    "left",
    "right",
    "decision",
    "status",
)
# Before the engine's columns (confidence, zone), and before `why` too: still read.
ENGINE_COLUMNS = ("confidence", "zone")
WHY_COLUMNS = tuple(column for column in COLUMNS if column not in ENGINE_COLUMNS)
PREVIOUS_COLUMNS = tuple(column for column in WHY_COLUMNS if column != "why")
OLD_COLUMNS = (
    "document",
    "block",
    "start",
    "end",
    "page",
    "line",
    "sic",
    "proposed",
    "cert",
    "left",
    "right",
    "decision",
)
HEADER = (
    '# teiforge corrections: in "decision" write accept, reject or the right reading; leave\n'
    "# it empty to let teiforge decide. Say who you are below (editor-id: letters, digits,\n"
    "# - _ .), then encode with --corrections FILE (or corrections = FILE in teiforge.toml).\n"
)
DEFAULT_EDITOR = "editor"
ACCEPT, REJECT = "accept", "reject"
# Why `teiforge review` kept an earlier row that is not a current proposal.
NOT_PROPOSED = "not proposed"  # the word is still there; a decision still applies
NOT_FOUND = "not found"  # the word is no longer there: the decision is not applied
AMBIGUOUS = "ambiguous"  # the word and its context are at several places: not applied
DUPLICATE = "duplicate"  # another row decides the same word, and wins
STATUSES = ("", NOT_PROPOSED, NOT_FOUND, AMBIGUOUS, DUPLICATE)
_NCNAME = re.compile(r"[^\W\d][\w.-]*")
_META = re.compile(r"#\s*editor-(id|name):(.*)")


@dataclass(frozen=True)
class Row:
    document: str
    page: str
    line: int  # source line where the sic starts (an old file: where its block starts)
    column: int  # 1-based source column where the sic starts; 0 when not known
    sic: str
    proposed: str  # the correction, or the best candidate of a flag ("" when none)
    cert: str  # high, medium (corrections made), low (a flag)
    left: str
    right: str
    decision: str = ""
    status: str = ""
    why: str = ""  # the proposer's code and what decided (written by review, never read back)
    # the OCR engine's confidence in the word (0 to 1) and its zone on the page image,
    # "f1-l3 212,402,388,460" (from ALTO, PAGE, hOCR or TSV; written by review, never read back)
    confidence: str = ""
    zone: str = ""
    block_anchor: tuple[int, int, int] | None = None  # an old file's (block, start, end)
    file_line: int = field(default=0, compare=False)  # the row's line in the file


@dataclass(frozen=True)
class Editor:
    xml_id: str
    name: str


@dataclass(frozen=True)
class Corrections:
    editor: Editor | None  # as the file declares it
    rows: tuple[Row, ...]

    @property
    def responsible(self) -> Editor:
        """Who the decisions are attributed to: the declared editor, else "editor"."""
        return self.editor or Editor(DEFAULT_EDITOR, "editor (not named in the corrections file)")

    def decided(self, document: str) -> list[Row]:
        """The rows of one document that carry a decision, in the file's order."""
        return [row for row in self.rows if row.document == document and row.decision]


def read_corrections(path: Path) -> Corrections:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the corrections file ({error})") from None
    meta: dict[str, str] = {}
    lines = text.splitlines()
    body_start = len(lines)
    for number, line in enumerate(lines):
        if line.strip() and not line.startswith("#"):  # a blank line is no header
            body_start = number
            break
        match = _META.match(line)
        if match:
            meta[match.group(1)] = match.group(2).strip()
    xml_id = meta.get("id", "")
    if xml_id and not _NCNAME.fullmatch(xml_id):
        raise InputError(path, f"editor-id '{xml_id}' is not a valid identifier (an xml:id)")
    editor = Editor(xml_id, meta.get("name") or xml_id) if xml_id else None
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])), dialect="excel-tab")
    columns = tuple(reader.fieldnames or ())
    if columns not in (COLUMNS, WHY_COLUMNS, PREVIOUS_COLUMNS, OLD_COLUMNS):
        raise InputError(path, f"the columns must be: {' '.join(COLUMNS)}")
    rows = []
    for record in reader:
        number = body_start + reader.line_num  # blank lines skipped, this stays right
        cells = {key: record.get(key) or "" for key in columns}
        try:
            rows.append(
                _new_row(cells, number) if columns != OLD_COLUMNS else _old_row(cells, number)
            )
        except ValueError as error:
            raise InputError(path, f"line {number}: {error}") from None
    return Corrections(editor, tuple(rows))


def _number(cells: dict[str, str], names: Sequence[str], empty_is_zero: bool = False) -> list[int]:
    try:
        return [int(cells[n]) if cells[n].strip() or not empty_is_zero else 0 for n in names]
    except ValueError:
        named = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
        raise ValueError(f"{named} must be {'numbers' if len(names) > 1 else 'a number'}") from None


def _row(cells: dict[str, str], number: int, line: int, column: int) -> Row:
    c = cells
    return Row(
        c["document"], c["page"], line, column, c["sic"], c["proposed"], c["cert"], c["left"],
        c["right"], c["decision"], c.get("status", ""), c.get("why", ""), file_line=number,
    )  # fmt: skip


def _new_row(cells: dict[str, str], number: int) -> Row:
    (line,) = _number(cells, ["line"])
    (column,) = _number(cells, ["column"], empty_is_zero=True)
    return _row(cells, number, line, column)


def _old_row(cells: dict[str, str], number: int) -> Row:
    block, start, end, line = _number(cells, ["block", "start", "end", "line"])
    return replace(_row(cells, number, line, 0), block_anchor=(block, start, end))


def write_corrections(rows: Sequence[Row], editor: Editor | None = None) -> str:
    out = io.StringIO()
    out.write(HEADER)
    out.write(f"# editor-id: {editor.xml_id if editor else ''}\n")
    out.write(f"# editor-name: {editor.name if editor else ''}\n")
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, column) for column in COLUMNS])
    return out.getvalue()
