"""The teiHeader: what the source was, who encoded it how, and when."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from ..config import date_problem
from ..model import BlockKind, Layout, PrintedWork, Responsibility
from ..ocr import engine
from ..ocr.language import corrects
from ..ocr.model import correction_method
from .ns import XML_ID, E

LANGUAGE_NAMES = {
    "fr": "français",
    "en": "English",
    "de": "Deutsch",
    "it": "italiano",
    "es": "español",
    "la": "latina",
}

SEGMENTATION = (
    "Pages, paragraphs, headings and footnote zones were recovered from the layout of the "
    "OCR text: a run of blank lines or a form feed ends a page; on double-spaced pages a "
    "single blank line is not a paragraph break; a paragraph ends where a short line ends a "
    "sentence; a short enumerated line without a final full stop is a heading. A page that "
    "begins in mid-sentence after a finished paragraph follows missing text, marked as a gap."
)
HYPHENATION = "Words broken at line ends were joined and the line-end hyphen removed; a hyphen before a capital was kept."
QUOTATION = "Quotation marks, garbled or not, are kept in the text as the OCR read them."
NORMALIZATION = "Line ends, blank lines and runs of spaces at line ends are layout and were not kept. What the printer set around the text on every page (running heads, page numbers, catchwords, signature marks) is kept as printed in fw after its page's pb; pb/@n is the page's number, inferred from the pages around it where the printed one was misread or lost."
CORRECTION = (
    "OCR errors are marked with choice/sic/corr; corr/@resp says who decided (#teiforge for "
    "the machine, an editor's id for a reviewed correction), @cert (high, medium, low) its "
    "confidence. A note label or anchor as the OCR read it is kept in sic beside an empty corr, "
    "its number being in note/@n."
)
NO_CORRECTION = (
    "No automatic OCR correction was made: teiforge's corrector has resources for French "
    "only, and this text is not French."
)

# The formats a source may come in, as the header names them.
_FORMAT_NAMES = {"alto": "ALTO", "page": "PAGE XML", "hocr": "hOCR", "tsv": "Tesseract TSV"}


@dataclass(frozen=True)
class HeaderFacts:
    """What the header states beyond the source itself: from options and configuration."""

    version: str
    language: str = "fr"
    work: PrintedWork | None = None  # the printed work the source was made from
    date: str | None = None  # ISO date of the encoding: from the options, never the clock
    publisher: str | None = None
    licence: str | None = None


def _publication(facts: HeaderFacts) -> etree._Element:
    if facts.publisher is None:
        # TEI wants a publisher (or distributor, authority) before an availability statement
        licence = f" Licence: {facts.licence}" if facts.licence else ""
        return E.publicationStmt(
            E.p(f"Encoded by teiforge from an OCR text; not published.{licence}")
        )
    parts = [E.publisher(facts.publisher)]
    if facts.licence:
        parts.append(E.availability(E.licence(facts.licence)))
    return E.publicationStmt(*parts)


TITLE_LENGTH = 150  # a heading taken as the title is cut (at a word) beyond this


def title_of(layout: Layout, work: PrintedWork | None) -> str:
    """The work's title; else the document's first heading, whitespace folded; else the
    source file's stem."""
    if work is not None and work.title:
        return work.title
    heading = next((b.text for b in layout.blocks if b.kind is BlockKind.HEADING), "")
    folded = " ".join(heading.split())
    if len(folded) > TITLE_LENGTH:
        cut = folded[: TITLE_LENGTH - 1]
        folded = (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.") + "…"
    return folded or layout.source.name.rsplit(".", 1)[0]


def _work_bibl(work: PrintedWork) -> etree._Element | None:
    """The printed work as a catalogue gives it, its parts kept apart when read as text
    (bibl holds mixed content): Author; Author. Title. Edition. Place: Publisher, date.
    identifiers. None when the work states nothing."""
    imprint = []
    if work.pub_place:
        imprint.append((E.pubPlace(work.pub_place), ": " if work.publisher else ", "))
    if work.publisher:
        imprint.append((E.publisher(work.publisher), ", "))
    if work.date:
        when = {"when": work.date} if date_problem(work.date) is None else {}
        imprint.append((E.date(work.date, **when), ", "))
    sentences = [
        [(E.author(author), "; ") for author in work.authors],
        [(E.title(work.title, level="m"), "")] if work.title else [],
        [(E.edition(work.edition), "")] if work.edition else [],
        imprint,
        [(E.idno(value, type=kind), ", ") for kind, value in work.idnos],
    ]
    parts = [
        (part, ". " if index + 1 == len(sentence) else separator)
        for sentence in sentences
        for index, (part, separator) in enumerate(sentence)
    ]
    if not parts:
        return None
    for part, separator in parts[:-1]:
        # "A. Autre. Titre", not "A. Autre.. Titre"
        ends_sentence = separator == ". " and (part.text or "").endswith(".")
        part.tail = " " if ends_sentence else separator
    return E.bibl(*(part for part, _ in parts))


def _source_bibl(layout: Layout) -> etree._Element:
    """bibl holds mixed content: the separators keep its parts apart when read as text."""
    source = layout.source
    described = (
        f"OCR text, decoded as {source.encoding}"
        if source.facsimile is None
        else f"OCR with coordinates ({_FORMAT_NAMES.get(source.format, source.format)})"
    )
    bibl = E.bibl(E.title(source.name), E.note(described))
    bibl[0].tail = ", "
    bibl[1].tail = ", "
    bibl.append(E.idno(source.sha256, type="sha256"))
    return bibl


def _resp_statements(facts: HeaderFacts, others: Sequence[Responsibility]) -> list[etree._Element]:
    statements = [
        E.respStmt(
            E.resp("automatic encoding"), E.name(f"teiforge {facts.version}"), {XML_ID: "teiforge"}
        )
    ]
    seen = {"teiforge"}
    for other in others:
        if other.xml_id not in seen:
            seen.add(other.xml_id)
            statements.append(
                E.respStmt(E.resp(other.resp), E.name(other.name), {XML_ID: other.xml_id})
            )
    return statements


def build_header(
    layout: Layout, facts: HeaderFacts, others: Sequence[Responsibility] = ()
) -> etree._Element:
    work = facts.work
    authors = [E.author(author) for author in work.authors] if work else []
    printed = _work_bibl(work) if work else None
    described = [printed, _source_bibl(layout)] if printed is not None else [_source_bibl(layout)]
    pages = len(layout.pages)
    method = (
        correction_method()
        if corrects(facts.language, (block.text for block in layout.blocks))
        else NO_CORRECTION
    )
    if method != NO_CORRECTION and engine.carries_confidences(layout.source):
        method = f"{method} {engine.describe()}"  # ALTO, PAGE, hOCR, TSV: ocr/engine.py
    change = E.change("encoded from OCR by teiforge", who="#teiforge")
    if facts.date:
        change.set("when", facts.date)
    return E.teiHeader(
        E.fileDesc(
            E.titleStmt(
                E.title(title_of(layout, work)), *authors, *_resp_statements(facts, others)
            ),
            E.extent(
                E.measure(
                    f"{pages} page{'s' if pages != 1 else ''}", unit="page", quantity=str(pages)
                )
            ),
            _publication(facts),
            E.sourceDesc(*described),
        ),
        E.encodingDesc(
            E.appInfo(E.application(E.label("teiforge"), ident="teiforge", version=facts.version)),
            E.editorialDecl(
                E.correction(E.p(f"{CORRECTION} {method}"), method="markup"),
                E.normalization(E.p(NORMALIZATION), method="markup"),
                E.hyphenation(E.p(HYPHENATION), eol="none"),
                E.quotation(E.p(QUOTATION), marks="all"),
                E.segmentation(E.p(SEGMENTATION)),
            ),
        ),
        E.profileDesc(
            E.langUsage(
                E.language(LANGUAGE_NAMES.get(facts.language, facts.language), ident=facts.language)
            )
        ),
        E.revisionDesc(change),
    )
