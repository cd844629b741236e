"""The development data (../shared/data/ocr-fr-dev): its split, and OCR tokens aligned to
the gold. Shared by the benchmark and by the script that learns the OCR model; never
shipped.

Split: document NNN is held out when NNN % 4 == 3 (a quarter of the documents, spread
over every book and century of the set), else it is for tuning. Nothing learned or
tuned may read a held-out document.

Alignment: the gold is aligned document by document, not line by line. Both texts are
cut into whitespace tokens; a token's core is the token without the punctuation around
it (a token with no letter or digit, "-" or "?", is punctuation, not a word). The two
sequences of cores are aligned with a minimal token edit distance (Levenshtein opcodes,
rapidfuzz); an OCR token is right when it falls in an equal run, wrong when it is
replaced or deleted.

Conventions of the gold are not OCR errors, and the corrector must not imitate them:
- hyphenation is layout: the data set flattened its lines, leaving the hyphens of words
  broken at line ends inside the lines ("an-née"); its gold joins them in some documents
  and keeps them in others (two thirds of them, over the whole set), sometimes with the
  flattened line break after the hyphen ("an- née");
- the gold writes superscripts apart ("M lle", "XIX e", "n os") where the OCR reads the
  word as printed ("Mlle");
- the gold of some old texts modernises u/v and i/j (vn: un, iour: jour), which the
  corrector must not do (an old spelling is not an error).
A word broken at a line end and a word with its superscript are therefore one token, and
tokens are compared by a key without hyphens or spaces, with v read as u and j as i
(`key`); the benchmark reports the character error rate on the raw texts and on texts
normalised the same way (`normalise`).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
DEV_DATA = Path(
    os.environ.get("TEIFORGE_OCR_DEV") or ROOT.parent / "shared" / "data" / "ocr-fr-dev"
)
SPLITS = ("tune", "heldout", "all")

# A word broken at a line end is one token, its hyphen followed by the flattened line
# break or not (an-née, an- née).
_TOKEN = re.compile(r"(?:\S*[^\W\d_]-\s(?=[^\W\d_]))*\S+")
_HYPHEN = re.compile(r"-\s?")
# The gold writes a superscript apart (M lle, 2 e, XIX e, n os): one word, as printed.
_SUPERSCRIPT = re.compile(r"(?:er|re|ère|e|me|mes|lle|lles|os|o)")
_BEFORE_SUPERSCRIPT = re.compile(r"(?:M|N|n|\d+|[IVXLC]+)")
_LAYOUT_HYPHEN = re.compile(r"(?<=[^\W\d_])-\s?(?=[^\W\d_])")
_OUTER = re.compile(r"^[^\w]+|[^\w]+$")


_OLD_LETTERS = str.maketrans("vjVJ", "uiUI")


def key(core: str) -> str:
    """What two cores are compared by: the same word, hyphenated or not, u or v, i or j."""
    return _HYPHEN.sub("", core).replace(" ", "").translate(_OLD_LETTERS)


def normalise(text: str) -> str:
    return _LAYOUT_HYPHEN.sub("", text).translate(_OLD_LETTERS)


def split_of(number: int) -> str:
    return "heldout" if number % 4 == 3 else "tune"


@dataclass(frozen=True)
class Pair:
    number: int
    ocr: str
    gold: str


def pairs(split: str, folder: Path = DEV_DATA) -> Iterator[Pair]:
    """The documents of a split, in order of their number."""
    if not folder.is_dir():
        raise SystemExit(f"no development data at {folder} (set TEIFORGE_OCR_DEV)")
    for path in sorted(folder.glob("*.ocr.txt")):
        number = int(path.name.split(".")[0])
        if split != "all" and split_of(number) != split:
            continue
        gold = path.with_name(path.name.replace(".ocr.", ".gold."))
        yield Pair(number, path.read_text(encoding="utf-8"), gold.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Token:
    start: int  # of the core, in the document
    end: int
    core: str


def tokens(text: str) -> list[Token]:
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        raw = match.group()
        core = _OUTER.sub("", raw)
        if not core:
            continue
        start = match.start() + len(raw) - len(raw.lstrip(_punctuation(raw)))
        last = found[-1] if found else None
        if (
            last is not None
            and _SUPERSCRIPT.fullmatch(core)
            and _BEFORE_SUPERSCRIPT.fullmatch(last.core)
            and text[last.end : start] == " "
        ):
            found[-1] = Token(last.start, start + len(core), text[last.start : start + len(core)])
        else:
            found.append(Token(start, start + len(core), core))
    return found


def _punctuation(raw: str) -> str:
    return "".join({ch for ch in raw if not (ch.isalnum() or ch == "_")})


@dataclass(frozen=True)
class Run:
    """A run of OCR tokens and the gold's in their place: equal (right tokens), or an
    error (replaced: a garbled word, a split or merged word; deleted; inserted)."""

    tag: str  # equal, replace, delete, insert
    ocr: tuple[Token, ...]
    gold: tuple[Token, ...]


def runs(ocr: str, gold: str) -> list[Run]:
    source, target = tokens(ocr), tokens(gold)
    return [
        Run(
            op.tag,
            tuple(source[op.src_start : op.src_end]),
            tuple(target[op.dest_start : op.dest_end]),
        )
        for op in Levenshtein.opcodes([key(t.core) for t in source], [key(t.core) for t in target])
    ]


@dataclass(frozen=True)
class Aligned:
    """One OCR token, whether it is right, and what the gold has in its place ("" when
    nothing; several words for a split word)."""

    token: Token
    right: bool
    gold: str


def align(ocr: str, gold: str) -> list[Aligned]:
    aligned: list[Aligned] = []
    for run in runs(ocr, gold):
        if run.tag == "equal":
            aligned.extend(Aligned(o, True, g.core) for o, g in zip(run.ocr, run.gold))
        else:
            expected = " ".join(g.core for g in run.gold)
            aligned.extend(Aligned(o, False, expected) for o in run.ocr)
    return aligned


def stretches(ocr: str, gold: str) -> dict[int, tuple[str, ...]]:
    """Each wrong OCR token (by its start) -> the keys of the gold's words in its place:
    those of its stretch of replaced, deleted and inserted tokens between two right ones.
    A split word (etde: et de) aligns one of its words by replacement, the other by
    insertion: the stretch holds both."""
    return {start: words for start, (words, _) in _stretches(ocr, gold).items()}


def _stretches(ocr: str, gold: str) -> dict[int, tuple[tuple[str, ...], str]]:
    """Each wrong OCR token (by its start) -> the keys of the gold's words in its stretch,
    and the gold's punctuation from the right token before to the right token after: what
    a token read for a mark (`1` for `!`) is compared with."""
    found: dict[int, tuple[tuple[str, ...], str]] = {}
    stretch: list[Token] = []
    words: list[str] = []
    gold_from = 0  # the end of the gold's last right token
    for run in [*runs(ocr, gold), Run("equal", (), ())]:
        if run.tag != "equal":
            stretch += run.ocr
            words += [key(t.core) for t in run.gold]
            continue
        gold_to = run.gold[0].start if run.gold else len(gold)
        marks = "".join(ch for ch in gold[gold_from:gold_to] if not (ch.isalnum() or ch.isspace()))
        shared = (tuple(words), marks)  # one tuple per stretch: its tokens share it
        for token in stretch:
            found[token.start] = shared
        stretch, words = [], []
        if run.gold:
            gold_from = run.gold[-1].end
    return found


def reads_as_gold(after: str, stretch: tuple[str, ...]) -> bool:
    """Whether a corrected token is the gold's reading in its place: its words, in order,
    among the gold's words of its stretch."""
    words = tuple(key(w) for w in after.split())
    size = len(words)
    return size > 0 and any(stretch[i : i + size] == words for i in range(len(stretch) - size + 1))


@dataclass(frozen=True)
class Change:
    """A proposal in document coordinates: corr None for a word only flagged."""

    start: int
    end: int
    corr: str | None


def lines(text: str) -> list[tuple[int, str]]:
    """The document's lines with their offsets: the passages given to the corrector."""
    found, offset = [], 0
    for line in text.split("\n"):
        found.append((offset, line))
        offset += len(line) + 1
    return found


def apply(text: str, changes: list[Change]) -> str:
    """The corrected reading."""
    parts, cursor = [], 0
    for change in sorted(changes, key=lambda c: c.start):
        if change.corr is None or change.start < cursor:
            continue
        parts += [text[cursor : change.start], change.corr]
        cursor = change.end
    return "".join(parts + [text[cursor:]])


@dataclass
class Tally:
    """Token-level detection and harm, character errors before and after."""

    wrong: int = 0  # OCR tokens the alignment finds wrong
    right: int = 0
    flagged_wrong: int = 0  # wrong tokens a proposal (correction or flag) touches
    flagged_right: int = 0
    harmed: int = 0  # right tokens whose text a correction changed
    fixed: int = 0  # wrong tokens a correction made the gold's reading (its words or its mark)
    corrected: int = 0  # tokens a correction changed
    errors_before: int = 0  # character edit distance to the gold
    errors_after: int = 0
    gold_chars: int = 0
    normalised_before: int = 0  # the same, both texts normalised
    normalised_after: int = 0
    normalised_chars: int = 0
    joined_convention: int = 0  # documents whose gold joins lost line ends (`convention`)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.flagged_wrong / max(1, self.flagged_wrong + self.flagged_right)

    @property
    def recall(self) -> float:
        return self.flagged_wrong / max(1, self.wrong)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def harm(self) -> float:
        return self.harmed / max(1, self.right)

    @property
    def cer_before(self) -> float:
        return self.errors_before / max(1, self.gold_chars)

    @property
    def cer_after(self) -> float:
        return self.errors_after / max(1, self.gold_chars)

    @property
    def normalised_cer_before(self) -> float:
        return self.normalised_before / max(1, self.normalised_chars)

    @property
    def normalised_cer_after(self) -> float:
        return self.normalised_after / max(1, self.normalised_chars)


def convention(pair: Pair) -> str:
    """How the gold writes a word whose hyphen the OCR has inside a line (`con-trées`,
    `remanie- ments`: a line end the OCR text lost): "join" when it joins more of them than
    it keeps, else "keep". Read from the gold and the OCR alone, before and whatever the
    corrector proposes: each OCR token with such a hyphen that the alignment pairs with a
    gold token (the key ignores hyphens) counts for the gold's way of writing it."""
    joined = kept = 0
    for run in runs(pair.ocr, pair.gold):
        if run.tag != "equal":
            continue
        for ocr, gold in zip(run.ocr, run.gold):
            if _LAYOUT_HYPHEN.search(ocr.core):
                if _LAYOUT_HYPHEN.search(gold.core):
                    kept += 1
                else:
                    joined += 1
    return "join" if joined > kept else "keep"


def tally(
    pair: Pair, changes: list[Change], layout: list[Change] | None = None, reading: str = "gold"
) -> Tally:
    """Compare one document's proposals with its gold. `layout`: the line ends the
    corrector found the OCR text lost (`con-trées` -> `contrées`), applied to the reading
    compared when the gold joins such words (`convention`), left out (the diplomatic
    reading, which keeps the hyphen) when it keeps them; they are no claim of an OCR error,
    so they count in neither detection nor harm, only in the character error rate.
    `reading`: "gold" (as the gold's convention says), "corrected" (joined whatever the
    gold does) or "diplomatic" (never joined)."""
    result = Tally(gold_chars=len(pair.gold))
    join = reading == "corrected" or (reading == "gold" and convention(pair) == "join")
    if layout and join:
        result.joined_convention = 1
        corrected = apply(pair.ocr, changes + layout)
    else:
        corrected = apply(pair.ocr, changes)
    result.errors_before = Levenshtein.distance(pair.ocr, pair.gold)
    result.errors_after = Levenshtein.distance(corrected, pair.gold)
    gold = normalise(pair.gold)
    result.normalised_chars = len(gold)
    result.normalised_before = Levenshtein.distance(normalise(pair.ocr), gold)
    result.normalised_after = Levenshtein.distance(normalise(corrected), gold)
    ordered = sorted(changes, key=lambda c: c.start)
    ends = [c.end for c in ordered]
    gold_words = _stretches(pair.ocr, pair.gold)
    for item in align(pair.ocr, pair.gold):
        token = item.token
        touching = []
        for change in ordered[bisect_right(ends, token.start) :]:
            if change.start >= token.end:
                break
            touching.append(change)
        changed = [
            c for c in touching if c.corr is not None and c.corr != pair.ocr[c.start : c.end]
        ]
        if item.right:
            result.right += 1
            result.flagged_right += bool(touching)
            result.harmed += bool(changed)
        else:
            result.wrong += 1
            result.flagged_wrong += bool(touching)
            after = corrected_token(pair.ocr, token, changed)
            words, marks = gold_words[token.start]
            result.fixed += bool(changed) and (
                reads_as_gold(after, words) or bool(after) and _is_mark(after) and after in marks
            )
        result.corrected += bool(changed)
    return result


def _is_mark(text: str) -> bool:
    return not any(ch.isalnum() for ch in text)


def corrected_token(text: str, token: Token, changes: list[Change]) -> str:
    """A token's core after the changes inside it."""
    inside = [
        Change(c.start - token.start, c.end - token.start, c.corr)
        for c in changes
        if token.start <= c.start and c.end <= token.end
    ]
    return apply(text[token.start : token.end], inside)
