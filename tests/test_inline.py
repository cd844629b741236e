"""The serializer's nesting of spans: what goes inside what."""

from __future__ import annotations

from lxml import etree

from teiforge.model import Span
from teiforge.tei.inline import fill
from teiforge.tei.ns import E


def test_a_page_break_at_a_corrected_word_stands_before_the_choice() -> None:
    """A page that opens on a word the corrector changed: the <pb/> is not in the <sic>,
    so the corrected reading keeps the page break."""
    paragraph = E.p()
    text = "dans ee son"
    spans = [
        Span(0, 5, 7, "choice", {"corr": "ce", "resp": "#teiforge", "cert": "medium"}),
        Span(0, 5, 5, "pb", {"n": "3"}),
    ]
    fill(paragraph, text, spans)
    assert etree.tostring(paragraph, encoding="unicode") == (
        '<p xmlns="http://www.tei-c.org/ns/1.0">dans <pb n="3"/><choice><sic>ee</sic>'
        '<corr cert="medium" resp="#teiforge">ce</corr></choice> son</p>'
    )
