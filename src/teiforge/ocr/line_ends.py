"""Line ends the OCR text lost (proposer "line-end"): a word broken by a hyphen at a line
end, whose line end the text no longer has, so that the hyphen stands inside a line,
glued (`con-trées`) or before a space (`remanie- ments`). Print breaks a word at a line
end with a hyphen; when the line end is lost, the hyphen stays. It is layout, not the
word: the diplomatic reading keeps it (the `sic`), the corrected reading joins the word,
as the encoder joins a word broken at a line end it sees (layout/joining.py), so that
either convention of a gold text is served (docs/ocr-correction.md).

A hyphen is taken for a lost line end when the word joined is a word (of the lexicon, or
of the language model's vocabulary), the hyphenated form is no compound the lexicon lists
(`porte-monnaie`, `peut-être`), and what follows the hyphen starts with a small letter and
is no enclitic (`dit-il`, `celui-ci`, `eux-mêmes`).

passes (left alone): "peut-être", "dit-il", "Jean- Pierre", "porte-monnaie", "très-vif"
(trèsvif is no word), "long-temps" (an old spelling, OLD_COMPOUNDS); fails (joined): "con-trées" -> "contrées", "remanie- ments" ->
"remaniements", "l'ad-ministration" -> "l'administration".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from .hyphens import ENCLITICS
from .lexicon import Lexicon
from .words import ELISION, Fields, Found

# Spellings of the 17th to 19th centuries that print joined since (long-temps, Académie
# 1798): the book's own, never a line end it lost.
OLD_COMPOUNDS = frozenset(
    """long-temps par-tout sur-tout aussi-tôt bien-tôt quelque-fois quelques-fois
    tout-à-fait""".split()  # noqa: SIM905 - a list of words reads better as one text
)
# Every such hyphen the tuning split's gold joins or keeps as printed (a layout choice):
# the share of those proposed that were line ends (docs/ocr-correction.md).
CONFIDENCE = 0.95


def joined(first: str, second: str, lexicon: Lexicon, known: Callable[[str], bool]) -> bool:
    """Whether `first-second` is a word broken at a line end: joined, a word; hyphenated,
    no compound."""
    head = ELISION.sub("", first, count=1)
    if not (head.isalpha() and second.isalpha() and second[:1].islower()):
        return False
    hyphenated = f"{head}-{second}"
    if second.lower() in ENCLITICS or lexicon.is_listed(hyphenated):
        return False
    if hyphenated.lower() in OLD_COMPOUNDS:
        return False
    whole = head + second
    return lexicon.is_listed(whole) or known(whole.lower())


class LineEnds:
    def __init__(self, lexicon: Lexicon, known: Callable[[str], bool] | None = None) -> None:
        self.lexicon = lexicon
        self.known = known or (lambda _: False)

    def proposals(
        self,
        texts: Sequence[str],
        cuts: Sequence[frozenset[int]],
        found: Found,
        taken: AbstractSet[tuple[int, int]],
    ) -> list[Fields]:
        chosen: list[Fields] = []
        skip = -1
        for n, (passage, word, _) in enumerate(found):
            if n == skip or (passage, word.start) in taken:
                continue
            parts = word.text.split("-")
            if len(parts) == 2 and joined(parts[0], parts[1], self.lexicon, self.known):
                chosen.append(self._fields(passage, word.start, word.end, word.text, parts))
                continue
            following = found[n + 1] if n + 1 < len(found) else None
            if following is None or following[0] != passage or "-" in word.text:
                continue
            second = following[1]
            text = texts[passage]
            if text[word.end : second.start] != "- " or (passage, second.start) in taken:
                continue
            if any(word.end <= cut <= second.start for cut in cuts[passage]):
                continue
            if joined(word.text, second.text, self.lexicon, self.known):
                sic = text[word.start : second.end]
                chosen.append(
                    self._fields(passage, word.start, second.end, sic, [word.text, second.text])
                )
                skip = n + 1
        return chosen

    @staticmethod
    def _fields(passage: int, start: int, end: int, sic: str, parts: list[str]) -> Fields:
        whole = "".join(parts)
        reason = f"a line end the OCR text lost: {whole} is a word, {'-'.join(parts)} no compound"
        return (passage, start, end, sic, whole, "medium", whole, CONFIDENCE, reason)


def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A hyphen inside a line between two parts that make a word together and no listed "
        "compound was read as a line end the OCR text lost: the sic keeps it, the correction "
        "joins the word as a word broken at a line end is joined (cert medium)."
    )
