"""Capitals misread as small letters at a sentence start: a real-word error. A 1605 print
reads the capital of "Ie ne veux", "J'ay" as l, giving "le ne veux", "l'ay": words of
the lexicon, which no other part of the corrector questions.

A sentence in print starts with a capital, so a small letter after a sentence end is
suspect when the channel (channel.py) can read a capital in it and the next word fits
the capitalised reading better (context.py: "ne" follows "je", not "le"). The posterior
weighs three things learned on the tuning split:

- how often the page itself has a small letter after that kind of end (LowercaseStarts,
  tools/learn_capitals.py -> data/ocr/sentence_starts.tsv): often after "!" or a stop
  that stands for an ellipsis, seldom after a word and its full stop;
- the channel's rate for the first letter (l for J), made likelier in a document whose
  own sentence starts show the habit many times (as adapt.py does for other habits);
- the bigrams of the next word (or of the rest of an elided word: l'en, j'en).

passes (left alone): "M. le comte", "S. A. le Prince", "etc. le", after a colon or «
(small letters are French there), "Ah ! le beau temps" (the context prefers "le").
fails (proposed): "Enfin. le ne veux pas" -> Je, a flag; corrected in a document that
shows the habit several times, as "l'en suis sûr" -> J'en there.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .channel import Channel
from .context import Bigrams
from .lexicon import Lexicon
from .realword import MIN_REAL_ZIPF, tokens_of
from .words import ELISION, Word

# The kinds of sentence end a word may follow (what the text before it ends with).
START, STOP, UPPER, LOOSE, NUMBER, EXCLAIM, QUESTION = (
    "start",  # the first word of a block
    "stop",  # a word and its full stop: "fin. Le"
    "upper",  # a word in capitals and its stop: a speaker, a running head ("DANIEL. Je")
    "loose",  # a stop apart from its word, or after other marks ("fin . le", "!.", "..")
    "number",  # a number and its stop: "1527. In-8"
    "exclaim",
    "question",
)
KINDS = (START, STOP, UPPER, LOOSE, NUMBER, EXCLAIM, QUESTION)
_LAST_WORD = re.compile(r"([^\W_]*)(\.+)$")

# Checked on the tuning split (benchmarks/ocr_capitals.py --split tune): its readings
# that reach 0.5 are two, both misreadings (se for Je, in a 16th-century text); its
# readings of right words stay under 0.2. No tuning document has the habit of a whole
# book (a printer's J read as l), so CORRECT, MIN_CONTEXT and MIN_EVIDENCE are set by
# reasoning, not fitted: a correction needs a sure posterior, which only a document's
# habit gives, and a next word that itself prefers the capitalised reading; a flag only
# a likely one.
CORRECT = 0.9
FLAG = 0.5
MIN_CONTEXT = 2.0  # log odds the next word alone gives the capitalised reading
# A document's habit: expected misreadings (sum of posteriors) of one letter for one
# capital before its rate counts, and the most that rate may be.
MIN_EVIDENCE = 3.0
MAX_RATE = 0.5
MIN_LENGTH = 2  # a single letter is left to the guards ("letter")
# The guard codes of the words examined: a word of the lexicon, an old spelling (l'ay).
READ = ("known", "old")


@dataclass(frozen=True)
class LowercaseStarts:
    """P(the page has a small letter | the kind of end before the word), learned on the
    tuning split: kind -> (words with a small letter on the page, words)."""

    counts: dict[str, tuple[int, int]]

    @classmethod
    def load(cls, name: str = "sentence_starts.tsv") -> LowercaseStarts:
        text = resources.files("teiforge").joinpath("data", "ocr", name).read_text("utf-8")
        counts = {}
        for line in text.splitlines():
            if line and not line.startswith("#"):
                kind, lower, total = line.split("\t")
                counts[kind] = (int(lower), int(total))
        return cls(counts)

    def p_lower(self, kind: str) -> float:
        lower, total = self.counts.get(kind, (0, 0))
        return (lower + 1) / (total + 2)


def end_kind(before: str) -> str | None:
    """The kind of sentence end that `before` (a block's text up to a word) ends with,
    or None when the word does not open a sentence (after a comma, a colon, «, a dash:
    a small letter is French there)."""
    before = before.rstrip()
    if not before:
        return START
    last = before[-1]
    if last == "!":
        return EXCLAIM
    if last == "?":
        return QUESTION
    if last != ".":
        return None
    found = _LAST_WORD.search(before.split()[-1])
    if found is None or not found.group(1) or len(found.group(2)) > 1:
        return LOOSE
    word = found.group(1)
    if word[-1].isdigit():
        return NUMBER
    if len(word) > 1 and word.isupper():
        return UPPER
    return STOP


@dataclass(frozen=True)
class Reading:
    """A sentence-initial word and its likeliest capitalised reading."""

    passage: int
    word: Word
    capital: str  # the reading: Je for le
    edit: tuple[str, str]  # the first letter: (printed, page's capital)
    posterior: float  # P(the page had the capitalised reading), in context
    context: float  # log odds the next word alone gives it

    @property
    def corrected(self) -> bool:
        return self.posterior >= CORRECT and self.context >= MIN_CONTEXT

    @property
    def flagged(self) -> bool:
        return self.posterior >= FLAG


@dataclass(frozen=True)
class _Start:
    passage: int
    word: Word
    kind: str
    follow: (
        str | None
    )  # the token after the word's first: the next word, or the rest of an elided word


@dataclass
class Capitals:
    lexicon: Lexicon
    channel: Channel
    bigrams: Bigrams
    starts: LowercaseStarts

    def __post_init__(self) -> None:
        # printed small letter -> (page's capital, log p), by the learned channel only
        self.rates: dict[str, tuple[tuple[str, float], ...]] = {
            seen: tuple((m, logp) for m, logp in readings if len(m) == 1 and m.isupper())
            for seen, readings in self.channel.rules.items()
            if len(seen) == 1 and seen.islower()
        }

    def readings(
        self, passages: Sequence[str], found: Sequence[tuple[int, Word, str | None]]
    ) -> list[Reading]:
        """The capitalised readings of a document's sentence-initial words of the lexicon
        (`found`: passage, word, guard code, as the corrector keeps them; protected words
        are not among them), those that reach FLAG."""
        starts, capitals = self._starts(passages, found)
        first = [self._reading(start, {}) for start in starts]
        evidence: dict[tuple[str, str], float] = {}
        for reading in first:
            if reading is not None and reading.context > 0:
                evidence[reading.edit] = evidence.get(reading.edit, 0.0) + reading.posterior
        adapted = {
            edit: math.log(min(MAX_RATE, count / (count + capitals[edit[1]])))
            for edit, count in evidence.items()
            if count >= MIN_EVIDENCE
        }
        spelled = Counter(w.text for _, w, _ in found)
        chosen = []
        for start, before in zip(starts, first):
            reading = self._reading(start, adapted) if adapted else before
            if reading is not None and reading.flagged:
                chosen.append(_old_spelling(reading, spelled))
        return chosen

    def proposals(
        self,
        passages: Sequence[str],
        found: Sequence[tuple[int, Word, str | None]],
        taken: AbstractSet[tuple[int, int]],
    ) -> list[tuple[int, int, int, str, str | None, str, str, float]]:
        """The corrector's proposals (passage, start, end, sic, corr, cert, suggestion,
        confidence) for the readings, but for the words `taken` by another proposal: a
        correction cert medium, or a flag cert low with the reading as suggestion."""
        found_proposals = []
        for r in self.readings(passages, found):
            if (r.passage, r.word.start) not in taken:
                corr = r.capital if r.corrected else None
                cert = "medium" if corr else "low"
                word = r.word
                found_proposals.append(
                    (r.passage, word.start, word.end, word.text, corr, cert, r.capital, r.posterior)
                )
        return found_proposals

    def _starts(
        self, passages: Sequence[str], found: Sequence[tuple[int, Word, str | None]]
    ) -> tuple[list[_Start], Counter[str]]:
        """The words of the lexicon that open a sentence with a small letter, and how many
        words open one with each capital (the right readings a habit is weighed against)."""
        starts = []
        capitals: Counter[str] = Counter()
        for n, (index, word, code) in enumerate(found):
            if not word.sentence_start or not word.text[:1].isalpha():
                continue
            if word.text[0].isupper():
                capitals[word.text[0]] += 1
                continue
            if code not in READ or len(word.text) < MIN_LENGTH:
                continue
            kind = end_kind(passages[index][: word.start])
            if kind is None or word.text[0] not in self.rates:
                continue
            tokens = tokens_of(word.text)
            if len(tokens) > 1:
                follow: str | None = tokens[1]
            else:
                after = found[n + 1] if n + 1 < len(found) else None
                rest = tokens_of(after[1].text) if after and after[0] == index else []
                follow = rest[0] if rest else None
            starts.append(_Start(index, word, kind, follow))
        return starts, capitals

    def _is_reading(self, text: str, variant: str) -> bool:
        """A common word; or, for an elided word (l'ay), another elided article before the
        same word, which may be an old spelling (J'ay)."""
        if ELISION.match(text):
            return ELISION.match(variant) is not None
        return self.lexicon.is_listed(variant) and self.lexicon.zipf(variant) >= MIN_REAL_ZIPF

    def _fit(self, text: str, follow: str | None) -> float | None:
        """log P(word) + log P(next | word), by the bigrams (lowercased)."""
        tokens = tokens_of(text)
        if not tokens:
            return None
        fit = self.bigrams.log_p(tokens[0], None, self.lexicon)
        if follow is not None:
            fit += self.bigrams.log_p(follow, tokens[0], self.lexicon)
        return fit

    def _reading(self, start: _Start, adapted: dict[tuple[str, str], float]) -> Reading | None:
        text = start.word.text
        as_printed = self._fit(text, start.follow)
        if as_printed is None:
            return None
        p_lower = self.starts.p_lower(start.kind)
        scores = {text: math.log(p_lower) + as_printed}
        contexts: dict[str, tuple[float, tuple[str, str]]] = {}
        for capital, logp in self.rates[text[0]]:
            variant = capital + text[1:]
            if not self._is_reading(text, variant):
                continue
            fit = self._fit(variant, start.follow)
            if fit is None:
                continue
            rate = max(logp, adapted.get((text[0], capital), logp))
            scores[variant] = math.log(1 - p_lower) + rate + fit
            contexts[variant] = (fit - as_printed, (text[0], capital))
        if not contexts:
            return None
        best = max(contexts, key=lambda v: scores[v])
        top = max(scores.values())
        posterior = math.exp(scores[best] - top) / sum(math.exp(s - top) for s in scores.values())
        context, edit = contexts[best]
        return Reading(start.passage, start.word, best, edit, posterior, context)


def _old_spelling(reading: Reading, spelled: Counter[str]) -> Reading:
    """Ie, I'ay for Je, J'ay in a document that prints them so (the old i for j)."""
    if not reading.capital.startswith("J"):
        return reading
    old = "I" + reading.capital[1:]
    if spelled[old] > spelled[reading.capital]:
        return Reading(
            reading.passage,
            reading.word,
            old,
            reading.edit,
            reading.posterior,
            reading.context,
        )
    return reading


@lru_cache(maxsize=1)
def describe() -> str:
    """The method, for the header's editorialDecl/correction."""
    return (
        "A word of the lexicon that opens a sentence with a small letter (after a full stop, "
        "! or ?, not after an abbreviation, a colon or a quotation mark) was read as a "
        "capital misread (le for Je, l'en for J'en) when the learned confusions can make the "
        "capital, the next word fits the capitalised reading better (the bigram model), and "
        "the posterior, weighing how often a small letter follows that kind of end on the "
        "page (learned on the same data) and the document's own habit, reached "
        f"{CORRECT:.2f} (a correction, cert medium) or {FLAG:.2f} (a flag, cert low)."
    )
