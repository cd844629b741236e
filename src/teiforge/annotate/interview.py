"""Interview excerpts: a paragraph of turns introduced by speaker initials (`R.T. : ...`,
`M. X : ...`) becomes <quote type="interview"> with one <said who="#..."> per turn; each
speaker is a person of the document's standOff."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..lang import fr
from ..model import Annotation, BlockKind, Entity, Layout, Span
from .context import Context
from .marks import OPEN, find_marks
from .quotes import mark_correction

_SPEAKER = fr.SPEAKER_LABEL
_FIRST_TURN = re.compile(rf"^(?P<mark>\S{{1,2}}\s+)?{_SPEAKER}")
_LATER_TURN = re.compile(rf"(?<=[.?!…]\s){_SPEAKER}")


def speaker_id(label: str) -> str:
    return "sp-" + "".join(c for c in label if c.isalnum())


def annotate_interviews(
    layout: Layout, found: Sequence[Annotation], context: Context
) -> Iterable[Annotation]:
    speakers: dict[str, Entity] = {}
    for index, block in enumerate(layout.blocks):
        if block.kind is not BlockKind.PARAGRAPH:
            continue
        first = _FIRST_TURN.match(block.text)
        if first is None:
            continue
        starts = [first.start("speaker")] + [
            m.start("speaker") for m in _LATER_TURN.finditer(block.text, first.end())
        ]
        labels = [first.group("speaker")] + [
            m.group("speaker") for m in _LATER_TURN.finditer(block.text, first.end())
        ]
        yield Span(index, 0, len(block.text), "quote", {"type": "interview"}, "interview")
        if first.group("mark"):
            opening = [m for m in find_marks(block.text[: first.end("mark")]) if m.role == OPEN]
            correction = mark_correction(index, opening[0], sure=False) if opening else None
            if correction is not None:
                yield correction
        for position, (start, label) in enumerate(zip(starts, labels)):
            end = starts[position + 1] if position + 1 < len(starts) else len(block.text)
            label = label.strip()
            who = speaker_id(label)
            speakers.setdefault(
                who,
                Entity(
                    "person",
                    who,
                    ((label, None),),
                    note="speaker in an interview, named as in the source",
                ),
            )
            yield Span(
                index,
                start,
                len(block.text[:end].rstrip()),
                "said",
                {"who": f"#{who}"},
                "interview",
            )
    yield from speakers.values()
