"""The editor's corrections file: every correction and flag teiforge proposed, with its
context, and a decision column the editor fills. Tab-separated, UTF-8, one row per
proposal, comment lines first:

    # teiforge corrections: in "decision" write accept, reject or the right reading ...
    # editor-id: jdupont
    # editor-name: Jeanne Dupont
    document  block  start  end  page  line  sic  proposed  cert  left  right  decision

- accept: the proposed reading is right (for a flag without a proposal: the word is an
  error, left in sic);
- reject: the word is right as the OCR read it;
- any other text: the right reading;
- empty: teiforge decides, as without the file.

A row is located by document (the source file's name), block (its index in reading
order) and the offsets of the word in that block's text; `sic` must still be the word
there, else the row is stale and ignored (with a warning).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

COLUMNS = (
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
_NCNAME = re.compile(r"[^\W\d][\w.-]*")
_META = re.compile(r"#\s*editor-(id|name):(.*)")


@dataclass(frozen=True)
class Row:
    document: str
    block: int
    start: int
    end: int
    page: str
    line: int
    sic: str
    proposed: str  # the correction, or the best candidate of a flag ("" when none)
    cert: str  # high, medium (corrections made), low (a flag)
    left: str
    right: str
    decision: str = ""


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

    def for_document(self, name: str) -> dict[tuple[int, int, int], Row]:
        """The decided rows of one document, by (block, start, end)."""
        return {
            (row.block, row.start, row.end): row
            for row in self.rows
            if row.document == name and row.decision
        }


def read_corrections(path: Path) -> Corrections:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read the corrections file ({error})") from None
    meta: dict[str, str] = {}
    lines = text.splitlines()
    body_start = 0
    for number, line in enumerate(lines):
        if not line.startswith("#"):
            body_start = number
            break
        match = _META.match(line)
        if match:
            meta[match.group(1)] = match.group(2).strip()
    else:
        body_start = len(lines)
    xml_id = meta.get("id", "")
    if xml_id and not _NCNAME.fullmatch(xml_id):
        raise InputError(path, f"editor-id '{xml_id}' is not a valid identifier (an xml:id)")
    editor = Editor(xml_id, meta.get("name") or xml_id) if xml_id else None
    reader = csv.DictReader(io.StringIO("\n".join(lines[body_start:])), dialect="excel-tab")
    if reader.fieldnames is None or tuple(reader.fieldnames) != COLUMNS:
        raise InputError(path, f"the columns must be: {' '.join(COLUMNS)}")
    rows = []
    for number, record in enumerate(reader, start=body_start + 2):
        try:
            rows.append(
                Row(
                    **{
                        k: record[k] or ""
                        for k in COLUMNS
                        if k not in ("block", "start", "end", "line")
                    },
                    block=int(record["block"]),
                    start=int(record["start"]),
                    end=int(record["end"]),
                    line=int(record["line"]),
                )
            )
        except (TypeError, ValueError):
            raise InputError(
                path, f"line {number}: block, start, end and line must be numbers"
            ) from None
    return Corrections(editor, tuple(rows))


def write_corrections(rows: list[Row], editor: Editor | None = None) -> str:
    out = io.StringIO()
    out.write(HEADER)
    out.write(f"# editor-id: {editor.xml_id if editor else ''}\n")
    out.write(f"# editor-name: {editor.name if editor else ''}\n")
    writer = csv.writer(out, dialect="excel-tab", lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([getattr(row, column) for column in COLUMNS])
    return out.getvalue()
