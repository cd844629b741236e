"""`teiforge explain FILE WORD`: why each occurrence of a word was or was not corrected.

For every place the OCR text prints WORD (as the corrector cuts words), one line:
`FILE:LINE:COLUMN WORD: what happened`: corrected (the correction, its cert, the
proposer and what decided, as the review file's `why` says), flagged, kept by a guard
(its code: `known` for a word of the lexicon, `name`, `old`...), examined and left (no
candidate sure enough), or not examined (inside a name, an anchor, a passage in another
language; the whole document when it is not French).
"""

from __future__ import annotations

from pathlib import Path

from .annotate import ANNOTATORS, Context, annotate
from .annotate.ocr import passages
from .annotate.reanchor import Locator
from .encode import EncodeOptions
from .layout import segment
from .model import Annotation
from .ocr import load_corrector
from .ocr.language import clearly_other, declared_french
from .ocr.typography import fold
from .ocr.words import words
from .read import read_source


def explain(path: Path, word: str, options: EncodeOptions | None = None) -> list[str]:
    """One line per occurrence of `word` in the source at `path`."""
    options = options or EncodeOptions()
    layout = segment(read_source(path))
    context = Context(language=options.language, authority=options.authority)
    before = annotate(layout, context, [code for code in ANNOTATORS if code != "ocr"])
    found: list[Annotation] = [*before.spans, *before.entities, *before.responsibilities]
    parts = passages(layout, found)
    locator = Locator(layout)
    wanted = fold(word)
    places = [
        (index, w)
        for index, passage in enumerate(parts)
        for w in words(fold(passage.text), passage.cuts)
        if w.text == wanted
    ]
    if not declared_french(options.language):
        why = f"not examined: the document's language is {options.language}, not French"
        return [_line(path, locator, index, w.start, w.end, word, why) for index, w in places]
    other = clearly_other("\n".join(p.text for p in parts))
    if other:
        why = f"not examined: the document reads as another language ({other})"
        return [_line(path, locator, index, w.start, w.end, word, why) for index, w in places]
    corrector = load_corrector()
    proposed = {(p.passage, p.start): p for p in corrector.propose(parts)}
    examined = {(e.passage, e.word.start): e for e in corrector.examine(parts)}
    lines = []
    for index, w in places:
        proposal = proposed.get((index, w.start))
        item = examined.get((index, w.start))
        if proposal is not None and proposal.corr is not None:
            why = f"corrected to {proposal.corr} (cert {proposal.cert}; {proposal.why})"
        elif proposal is not None:
            suggestion = f", suggested {proposal.suggestion}" if proposal.suggestion else ""
            why = f"flagged in sic{suggestion} ({proposal.why})"
        elif item is None:
            language = clearly_other(parts[index].text)
            why = (
                f"not examined: its passage reads as another language ({language})"
                if language
                else "not examined: inside a name, a note anchor or an earlier span"
            )
        elif item.guard is not None:
            why = f"left alone: guard {item.guard}"
        else:
            best = f" (best candidate {item.candidates[0].text})" if item.candidates else ""
            why = f"left alone: examined, not sure enough to flag or correct{best}"
        lines.append(_line(path, locator, index, w.start, w.end, word, why))
    return lines


def _line(
    path: Path, locator: Locator, block: int, start: int, end: int, word: str, why: str
) -> str:
    place = locator.place(block, start, end)
    return f"{path}:{place.line}:{place.column} {word}: {why}"
