"""Annotators: small units that read a Layout and propose stand-off Spans. They never touch
XML. The registry is an explicit, ordered table: the order in which annotators run, with
their stable codes; later ones may read the spans of earlier ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..model import Layout, Span

# An annotator gets the layout and the spans found so far, and yields new spans.
Annotator = Callable[[Layout, Sequence[Span]], Sequence[Span]]

ANNOTATORS: dict[str, Annotator] = {}


def annotate(layout: Layout, enabled: Sequence[str] | None = None) -> tuple[Span, ...]:
    spans: list[Span] = []
    for code, annotator in ANNOTATORS.items():
        if enabled is None or code in enabled:
            spans.extend(annotator(layout, tuple(spans)))
    return tuple(spans)
