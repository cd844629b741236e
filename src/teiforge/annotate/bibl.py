"""References in notes -> <bibl> with author, title (level m, a or j), publisher, pubPlace,
date and biblScope, for the way French scholarship cites: `Dhume F., Titre, éd. A.S.H.,
Paris, 2001`, `Gautron V., « Article », Revue, vol. 7, 2010`, `Bousquet, R., op. cit.,
p. 193`; `cité par` joins two references in one note."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from ..model import Annotation, BlockKind, Layout, Span
from .context import Context
from .marks import CLOSE, OPEN, find_marks

_INITIALS = r"(?:[A-ZÉ][a-z]?\.(?:\s?-?[A-ZÉ]\.){0,2})"
_SURNAME = r"(?:(?:de |du |le |van |von )?[A-ZÉÈ][\w'’-]+(?: [A-ZÉÈ][\w'’-]+)?)"
_AUTHOR = re.compile(rf"{_SURNAME},? {_INITIALS}|{_INITIALS} {_SURNAME}(?=[,.])")
_AUTHOR_JOIN = re.compile(r",\s*|\s+et\s+")
_CITED = re.compile(r",?\s*\b(?:cité|citée|cités) (?:par|dans|in)\s+")
_FIELD_END = re.compile(r",\s*")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_SCOPE = re.compile(r"(?P<label>pp?\.|vol\.|t\.|n°|no)\s*(?P<value>[\w-]+(?:\s?-\s?\d+)?)")
_SCOPE_UNITS = {
    "p.": "page",
    "pp.": "page",
    "vol.": "volume",
    "t.": "volume",
    "n°": "issue",
    "no": "issue",
}
_LOCUS = re.compile(r"(?:op\.\s?cit\.|art\.\s?cit\.|ibid\.?|ibidem|loc\.\s?cit\.)", re.IGNORECASE)
_PUBLISHER = re.compile(r"(?:éd\.|ed\.|éditions|Editions|Éditions)\s+(?P<name>[^,]+)")
_PLACE = re.compile(
    r"(?P<place>[A-ZÉ][\w-]+(?:[- ][A-ZÉ][\w-]+)?)\s*:?\s*(?=(?:1[5-9]\d\d|20\d\d)|$)"
)


def _span(block: int, start: int, end: int, tag: str, **attrs: str) -> Span:
    return Span(block, start, end, tag, attrs, "bibl")


def _authors(text: str, start: int, block: int) -> tuple[list[Span], int]:
    spans, position = [], start
    while (match := _AUTHOR.match(text, position)) is not None:
        spans.append(_span(block, match.start(), match.end(), "author"))
        position = match.end()
        join = _AUTHOR_JOIN.match(text, position)
        if join is None or _AUTHOR.match(text, join.end()) is None:
            break
        position = join.end()
    return spans, position


def _quoted_title(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(title start, title end, end of the closing mark) for a title in quotation marks."""
    marks = find_marks(text[start:end])
    if not marks or marks[0].role != OPEN or text[start : start + marks[0].start].strip(" ,"):
        return None
    closing = next((m for m in marks[1:] if m.role == CLOSE), None)
    if closing is None:
        return None
    inner = text[start + marks[0].end : start + closing.start]
    left = start + marks[0].end + (len(inner) - len(inner.lstrip()))
    return left, start + closing.start - (len(inner) - len(inner.rstrip())), start + closing.end


def _fields(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The comma-separated fields of text[start:end], stripped."""
    position = start
    for match in _FIELD_END.finditer(text, start, end):
        yield position, match.start()
        position = match.end()
    yield position, end


def _field_spans(text: str, start: int, end: int, block: int) -> list[Span]:
    found: list[Span] = []
    field = text[start:end]
    if (scope := _SCOPE.fullmatch(field.strip(" .'’"))) is not None:
        value = scope.group("value")
        attrs = {"unit": _SCOPE_UNITS[scope.group("label")]}
        numbers = re.findall(r"\d+", value)
        if value.replace(" ", "").replace("-", "").isdigit():
            attrs.update({"from": numbers[0], "to": numbers[-1]})
        offset = start + field.index(scope.group())
        return [Span(block, offset, offset + len(scope.group()), "biblScope", attrs, "bibl")]
    if (publisher := _PUBLISHER.match(field)) is not None:
        name = publisher.group("name").rstrip()
        found.append(
            _span(
                block,
                start + publisher.start("name"),
                start + publisher.start("name") + len(name),
                "publisher",
            )
        )
        return found
    if (place := _PLACE.match(field)) is not None:
        found.append(
            _span(block, start + place.start("place"), start + place.end("place"), "pubPlace")
        )
    if (year := _YEAR.search(field)) is not None and not _LOCUS.search(field):
        found.append(
            _span(block, start + year.start(), start + year.end(), "date", when=year.group())
        )
    return found


def reference(text: str, start: int, end: int, block: int) -> list[Span]:
    """The spans of one reference in text[start:end]; [] when it does not read as one."""
    authors, position = _authors(text, start, block)
    parts: list[Span] = list(authors)
    fields = list(_fields(text, position, end))
    title_kind = "m"
    if authors and fields and not text[fields[0][0] : fields[0][1]].strip():
        fields = fields[1:]
    if fields and (quoted := _quoted_title(text, fields[0][0], end)) is not None:
        parts.append(_span(block, quoted[0], quoted[1], "title", level="a"))
        fields = list(_fields(text, quoted[2], end))[1:]
        title_kind = "j"
    if (
        fields
        and not _field_spans(text, *fields[0], block)
        and not _LOCUS.fullmatch(text[slice(*fields[0])].strip())
    ):
        # the title runs on until a field that is a place, publisher, date or scope
        title_start, title_end = fields[0]
        fields = fields[1:]
        while (
            fields
            and not _field_spans(text, *fields[0], block)
            and not _LOCUS.search(text[slice(*fields[0])])
        ):
            title_end = fields[0][1]
            fields = fields[1:]
        parts.append(_span(block, title_start, title_end, "title", level=title_kind))
    details = [span for field in fields for span in _field_spans(text, *field, block)]
    parts += details
    has_locus = bool(_LOCUS.search(text, start, end))
    titled = any(p.tag == "title" for p in parts)
    if not ((authors and (titled or has_locus)) or (titled and details)):
        return []
    bibl_end = end - (len(text[start:end]) - len(text[start:end].rstrip(" .")))
    return [_span(block, start, bibl_end, "bibl"), *parts]


def annotate_bibl(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    for index, block in enumerate(layout.blocks):
        if block.kind is not BlockKind.NOTE:
            continue
        text, position = block.text, 0
        for cited in [*_CITED.finditer(text), None]:
            end = cited.start() if cited else len(text)
            yield from reference(text, position, end, index)
            position = cited.end() if cited else end
