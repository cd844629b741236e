"""What the page says about the document, read from its teiHeader."""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from ..tei.ns import XML_LANG, tei
from .tree import plain_text, tei_name

UNTITLED = "Untitled document"


@dataclass(frozen=True)
class HeaderInfo:
    title: str
    lang: str | None
    source: str | None  # the source file (or the source as the header describes it)
    sha256: str | None  # of the source file
    decisions: tuple[tuple[str, str], ...]  # editorialDecl: (kind, paragraph text)
    applications: tuple[str, ...]  # "teiforge 0.3.1"
    quotation_marks: str | None = None  # editorialDecl/quotation/@marks: all, some, none
    publication: str | None = None  # publicationStmt, as text
    extent: str | None = None
    responsibilities: tuple[tuple[str, str], ...] = ()  # titleStmt/respStmt: (resp, name)
    changes: tuple[tuple[str, str], ...] = ()  # revisionDesc: (date, what)
    authors: tuple[str, ...] = ()  # titleStmt/author
    work_date: str | None = None  # the date of the printed work, in sourceDesc's first bibl

    @property
    def byline(self) -> str:
        """`Dupont, Marie; Durand, Paul, 1898`: who wrote the work and when, as known."""
        return ", ".join(part for part in ("; ".join(self.authors), self.work_date) if part)

    @property
    def page_title(self) -> str:
        """The page's <title>: the work's title, then its byline."""
        return f"{self.title} — {self.byline}" if self.byline else self.title


def _title(header: etree._Element | None) -> str:
    if header is None:
        return UNTITLED
    titles = header.findall(f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('title')}")
    main = [t for t in titles if t.get("type") in (None, "main")] or titles
    text = plain_text(main[0]) if main else ""
    return text or UNTITLED


def _source(source_desc: etree._Element | None) -> tuple[str | None, str | None]:
    """The source as described (ids such as the checksum left out) and its sha256."""
    if source_desc is None:
        return None, None
    sha = source_desc.find(f".//{tei('idno')}[@type='sha256']")
    sha256 = plain_text(sha) or None if sha is not None else None
    described = []  # the printed work and the file, when the header describes both
    for child in source_desc:
        if isinstance(child.tag, str):
            part = copy.deepcopy(child)
            etree.strip_elements(part, tei("idno"), with_tail=False)
            described.append(plain_text(part).strip(" ,;:"))
    return " — ".join(part for part in described if part) or None, sha256


def _decisions(header: etree._Element) -> tuple[tuple[str, str], ...]:
    found = []
    for decl in header.iterfind(f".//{tei('editorialDecl')}"):
        for p in decl.iterfind(f".//{tei('p')}"):
            parent = p.getparent()
            kind = tei_name(parent) if parent is not None and parent is not decl else "editorial"
            found.append((kind or "editorial", plain_text(p)))
    return tuple(found)


def _applications(header: etree._Element) -> tuple[str, ...]:
    found = []
    for app in header.iterfind(f".//{tei('appInfo')}/{tei('application')}"):
        label = app.find(tei("label"))
        name = (plain_text(label) if label is not None else "") or app.get("ident") or "?"
        found.append(f"{name} {app.get('version', '')}".strip())
    return tuple(found)


def _text_of(header: etree._Element, path: str) -> str | None:
    found = header.find(path)
    return (plain_text(found) or None) if found is not None else None


def _responsibilities(header: etree._Element) -> tuple[tuple[str, str], ...]:
    found = []
    for stmt in header.iterfind(f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('respStmt')}"):
        resp = " ".join(plain_text(r) for r in stmt.iterfind(tei("resp")))
        names = [c for c in stmt if isinstance(c.tag, str) and tei_name(c) != "resp"]
        found.append((resp, ", ".join(plain_text(n) for n in names)))
    return tuple(found)


def _changes(header: etree._Element) -> tuple[tuple[str, str], ...]:
    return tuple(
        (change.get("when") or "", plain_text(change))
        for change in header.iterfind(f"{tei('revisionDesc')}//{tei('change')}")
    )


def _authors(header: etree._Element) -> tuple[str, ...]:
    found = header.iterfind(f"{tei('fileDesc')}/{tei('titleStmt')}/{tei('author')}")
    return tuple(text for text in (plain_text(author) for author in found) if text)


def _work_date(source_desc: etree._Element | None) -> str | None:
    bibl = source_desc.find(tei("bibl")) if source_desc is not None else None
    date = bibl.find(tei("date")) if bibl is not None else None
    return (plain_text(date) or None) if date is not None else None


def read_header(root: etree._Element) -> HeaderInfo:
    """Header facts of a TEI (or teiCorpus) element; missing parts are None or empty."""
    header = root.find(tei("teiHeader"))
    text = root.find(tei("text"))
    lang = root.get(XML_LANG) or (text.get(XML_LANG) if text is not None else None)
    if header is None:
        return HeaderInfo(UNTITLED, lang, None, None, (), ())
    source_desc = header.find(f"{tei('fileDesc')}/{tei('sourceDesc')}")
    source, sha256 = _source(source_desc)
    quotation = header.find(f".//{tei('editorialDecl')}/{tei('quotation')}")
    return HeaderInfo(
        _title(header),
        lang,
        source,
        sha256,
        _decisions(header),
        _applications(header),
        quotation.get("marks") if quotation is not None else None,
        _text_of(header, f"{tei('fileDesc')}/{tei('publicationStmt')}"),
        _text_of(header, f"{tei('fileDesc')}/{tei('extent')}"),
        _responsibilities(header),
        _changes(header),
        _authors(header),
        _work_date(source_desc),
    )
