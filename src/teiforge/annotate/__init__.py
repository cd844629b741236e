"""Annotators: small units that read a Layout and propose stand-off annotations (Spans over
the blocks' text, Entities for the standOff, Responsibilities for the header). They never
touch XML. The registry is an explicit, ordered table: the order in which annotators run,
keyed by their stable codes; each gets what the earlier ones found."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..model import Annotation, Entity, Layout, Responsibility, Span
from .bibl import annotate_bibl
from .context import Context
from .interview import annotate_interviews
from .names import annotate_names
from .notes import annotate_notes
from .ocr import annotate_ocr
from .quotes import annotate_quotes

# An annotator gets the layout, the annotations found so far and the context.
Annotator = Callable[[Layout, Sequence[Annotation], Context], Iterable[Annotation]]

ANNOTATORS: dict[str, Annotator] = {
    "notes": annotate_notes,
    "bibl": annotate_bibl,
    "quotes": annotate_quotes,
    "interview": annotate_interviews,
    "names": annotate_names,  # after the spans it must not cross; before "ocr", which skips names
    "ocr": annotate_ocr,  # last: it skips the words inside the spans found before
}


@dataclass(frozen=True)
class Annotations:
    spans: tuple[Span, ...] = ()
    entities: tuple[Entity, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()


def annotate(
    layout: Layout,
    context: Context | None = None,
    enabled: Sequence[str] | None = None,
    watch: Callable[[str], None] | None = None,
) -> Annotations:
    """The annotators' findings; `watch` is told the code of each annotator as it starts."""
    context = context or Context()
    found: list[Annotation] = []
    for code, annotator in ANNOTATORS.items():
        if enabled is None or code in enabled:
            if watch is not None:
                watch(code)
            found.extend(annotator(layout, tuple(found), context))
    return Annotations(
        spans=tuple(a for a in found if isinstance(a, Span)),
        entities=tuple(a for a in found if isinstance(a, Entity)),
        responsibilities=tuple(a for a in found if isinstance(a, Responsibility)),
    )
