"""TF103 choice.sic-corr: a correction offers one error and one correction.

A TEI `<choice>` that holds a `<sic>` must hold exactly one `<sic>` and exactly one `<corr>`
(as children), so that the diplomatic and the corrected readings are each one text.
`<sic>` alone, outside any `<choice>`, is allowed: it flags an error with no sure fix.

passes:
    <choice><sic>rnaisons</sic><corr>maisons</corr></choice>
    <sic>rnaisons</sic>
fails:
    <choice><sic>rnaisons</sic></choice>
    <choice><sic>rn</sic><corr>m</corr><corr>rn</corr></choice>
"""

from __future__ import annotations

from collections.abc import Iterator

from ...model import Diagnostic, Severity
from ...tei.ns import tei
from ..document import Document

CODE = "TF103"
NAME = "choice.sic-corr"
SEVERITY = Severity.ERROR


def check(document: Document) -> Iterator[Diagnostic]:
    for choice in document.root.iter(tei("choice")):
        sics = len(choice.findall(tei("sic")))
        corrs = len(choice.findall(tei("corr")))
        if sics and (sics, corrs) != (1, 1):
            yield document.diagnostic(
                CODE,
                choice,
                f'"choice" holds {sics} "sic" and {corrs} "corr"; '
                'a "choice" with a "sic" must hold exactly one "sic" and one "corr"',
            )
