"""TF108 tei.p4: the document is TEI P4, named so (a warning).

A root `<TEI.2>` or `<teiCorpus.2>` in no namespace is TEI P4, the TEI before P5: not "not
TEI", and no P5 schema applies. It is checked against the schemas it declares (xml-model,
or --schema), and by the rules; without a declaration, against no schema (none for P4 is
shipped). Convert it to P5 (the TEI's p4top5 stylesheet) to check it as P5.

passes:
    <TEI xmlns="http://www.tei-c.org/ns/1.0">...</TEI>
fails:
    <TEI.2><teiHeader>...</teiHeader><text>...</text></TEI.2>
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Diagnostic, Severity
from ..document import Document

CODE = "TF108"
NAME = "tei.p4"
SEVERITY = Severity.WARNING

P4_ROOTS = ("TEI.2", "teiCorpus.2")


def check(document: Document) -> Iterator[Diagnostic]:
    root = document.root
    if root.tag in P4_ROOTS:
        message = (
            f'a TEI P4 document (root "{root.tag}", no namespace), not TEI P5: checked against '
            "the schemas it declares, if any"
        )
        yield document.diagnostic(CODE, root, message)
