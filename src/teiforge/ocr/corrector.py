"""The corrector: a document's passages in, proposals out.

1. Each word: a guard may keep it (guarding.py); a word of the lexicon is right (for
   now); any other word gets its candidates and its features.
2. The likely corrections are evidence of the document's OCR habits (adapt.py): its
   unknown words are rescored with the adapted channel, and a real word that the adapted
   channel and the neighbouring words (context.py) say is a misreading becomes a
   candidate too.
3. The model decides: correct, flag, or leave.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from . import adapt
from .candidates import Candidate, Candidates
from .capitals import Capitals
from .channel import Channel, Edit
from .context import Bigrams
from .engine import Confidences, EngineModel
from .features import Document, Trigrams, features
from .guarding import Guarding
from .hyphens import Hyphens
from .in_context import InContext
from .joins import joins
from .lexicon import Lexicon
from .line_ends import LineEnds
from .lookalikes import Lookalikes
from .model import Model
from .oldtext import spelled
from .own_words import key, own_word
from .proposers import BEFORE_MODEL, PROPOSERS, Proposer, Round
from .punctuation import Punctuation, dialogue
from .realword import real_word
from .splits import Splits
from .typography import fold, normalisation_only, restore
from .words import Word, words

# The proposers whose word may be the document's own (the others' proposals are marks or
# garbles that no spelling prints: n08, étaiS, a stray f, a 1 for `!`).
WORD_PROPOSERS = frozenset({"model", "context", "lookalike"})


@dataclass(frozen=True)
class Passage:
    """One block's text as the corrector gets it: `cuts` are offsets no correction may
    run across (the edges of spans found before), `protected` ranges it leaves alone
    (names, note anchors, corrections made before); `confidences` the OCR engine's in
    its words, where the source has them (engine.py)."""

    text: str
    cuts: frozenset[int] = frozenset()
    protected: tuple[tuple[int, int], ...] = ()
    confidences: Confidences = field(default_factory=Confidences)


@dataclass(frozen=True)
class Proposal:
    """A word found wrong: corrected (corr, cert high or medium) or only flagged (corr
    None, cert low), with the best candidate the editor may take."""

    passage: int
    start: int
    end: int
    sic: str
    corr: str | None
    cert: str
    suggestion: str | None
    confidence: float  # P(error) x P(fix) for a correction, P(error) for a flag
    proposer: str = "model"  # the class that proposed it: model, context, lookalike, ...
    reason: str = ""  # what decided, for the editor (the review file's `why`)

    @property
    def why(self) -> str:
        """The proposer's code and what decided: `lm: sont 1000 times likelier in context`."""
        measure = "P(error)" if self.corr is None else "confidence"
        return f"{self.proposer}: {self.reason or f'{measure} {self.confidence:.2f}'}"


@dataclass(frozen=True)
class Examined:
    """A word and what the corrector found: the guard that keeps it ("known" for a word
    of the lexicon), or its candidates and features; for a real word, the probability
    that its best candidate is what the page had."""

    passage: int
    word: Word
    guard: str | None
    candidates: tuple[Candidate, ...] = ()
    features: tuple[float, ...] = ()
    real_word: float | None = None


@dataclass
class Corrector:
    lexicon: Lexicon
    channel: Channel
    model: Model
    trigrams: Trigrams
    bigrams: Bigrams
    adapting: bool = True  # off only while a first model is learned
    punctuation: Punctuation | None = None  # a `!` read as 1, l or I (punctuation.py)
    lookalikes: Lookalikes | None = None  # dé for de, in any document (lookalikes.py)
    capitals: Capitals | None = None  # le for Je at a sentence start (capitals.py)
    hyphens: Hyphens | None = None  # a hyphen between two words (hyphens.py)
    in_context: InContext | None = None  # le for Je, decided by the trigram model
    engine: EngineModel | None = None  # the OCR engine's confidence in P(error) (engine.py)
    line_ends: LineEnds | None = None  # con-trées: a line end the OCR text lost
    splits: Splits | None = None  # delaville, su jets: decided by the trigram model
    spacing: bool = False  # the document's habit of a space before , . ) (spacing.py)

    def __post_init__(self) -> None:
        self.candidates = Candidates(self.lexicon, self.channel)
        self.guarding = Guarding(self.lexicon, self.trigrams, self.candidates)

    def examine(self, passages: Sequence[Passage]) -> list[Examined]:
        """Every word of a document with what the corrector knows of it, before deciding."""
        found = self.guarding.found(
            [p.text for p in passages], [p.cuts for p in passages], [p.protected for p in passages]
        )
        codes = Counter(code for _, _, code in found)
        size = max(1, len(found))
        document = Document(Counter(w.text for _, w, _ in found), codes[None] / size)
        own = adapt.own_words((w.text, code) for _, w, code in found if self.adapting)
        seen: dict[str, dict[str, tuple[Edit, ...]]] = {}
        unknown = {
            n: self._ranked(w.text, own, None, seen)
            for n, (_, w, code) in enumerate(found)
            if code is None
        }
        pairs = joins(
            found, unknown, [p.text for p in passages], [p.cuts for p in passages], self.candidates
        )
        likely = []
        for n, ranked in unknown.items():
            if ranked:
                values = features(found[n][1], ranked, self.lexicon, self.trigrams, document)
                confidence = self.model.p_error(values) * self.model.p_fix(values)
                likely.append((found[n][1].text, ranked[0], confidence))
        text = "\n".join(p.text for p in passages)
        adapted = adapt.adapted(adapt.evidence(likely), text) if self.adapting else {}
        examined = []
        consumed = {join.other for join in pairs.values()}
        variants_seen: dict[tuple[str, bool], dict[str, float]] = {}
        for n, (index, word, code) in enumerate(found):
            if n in consumed:
                continue
            if n in pairs:
                join = pairs[n]
                values = features(
                    join.pair, (join.candidate,), self.lexicon, self.trigrams, document
                )
                examined.append(Examined(index, join.pair, None, (join.candidate,), tuple(values)))
            elif code is None:
                ranked = self._ranked(word.text, own, adapted, seen) if adapted else unknown[n]
                values = features(word, ranked, self.lexicon, self.trigrams, document)
                examined.append(Examined(index, word, None, ranked, tuple(values)))
            elif code == "known" and adapted:
                other = real_word(found, n, adapted, self.lexicon, self.bigrams, variants_seen)
                if other is None:
                    examined.append(Examined(index, word, code))
                else:
                    examined.append(
                        Examined(index, word, code, (other.candidate,), (), other.posterior)
                    )
            else:
                examined.append(Examined(index, word, code))
        return examined

    def _ranked(
        self,
        text: str,
        own: adapt.OwnWords,
        adapted: dict[tuple[str, str], float] | None,
        seen: dict[str, dict[str, tuple[Edit, ...]]],
    ) -> tuple[Candidate, ...]:
        """A word's candidates, the document's own words among them."""
        ranked = self.candidates.ranked(text, adapted)
        if not own:
            return ranked
        return adapt.with_own_words(text, ranked, own, self.channel, adapted, seen)

    def propose(self, passages: Sequence[Passage]) -> list[Proposal]:
        """The proposals for a document's passages, in reading order. Typography is not
        an error (typography.py): the passages are read with their apostrophes folded,
        each correction gets back the page's apostrophe, and a proposal that only
        normalises is dropped; a word the document prints often and consistently is its
        own (own_words.py)."""
        folded = [replace(p, text=fold(p.text)) for p in passages]
        printed = [p.text for p in passages]
        counts = Counter(key(w.text) for p in folded for w in words(p.text, p.cuts))
        kept = []
        for proposal in self._propose(folded):
            sic = printed[proposal.passage][proposal.start : proposal.end]
            corr = restore(sic, proposal.corr) if proposal.corr is not None else None
            if corr is not None and normalisation_only(sic, corr):
                continue
            if (
                proposal.proposer in WORD_PROPOSERS
                and own_word(proposal.sic, proposal.corr or proposal.suggestion, counts)
                and (self.lexicon.is_word(proposal.sic) or spelled(proposal.sic, self.trigrams))
            ):
                continue  # the document's word: not a garble it repeats (ejl for est)
            suggestion = proposal.suggestion
            kept.append(
                replace(
                    proposal,
                    sic=sic,
                    corr=corr,
                    suggestion=restore(sic, suggestion) if suggestion is not None else None,
                )
            )
        return kept

    def _propose(self, passages: Sequence[Passage]) -> list[Proposal]:
        proposals: list[Proposal] = []
        kind = dialogue([p.text for p in passages])
        examined = self.examine(passages)
        texts = [p.text for p in passages]
        found = [(e.passage, e.word, e.guard) for e in examined]
        state = Round(texts, [p.cuts for p in passages], found, set())
        starts: dict[int, list[int]] = {}
        for index, word, _ in found:
            starts.setdefault(index, []).append(word.start)

        def run(table: Sequence[tuple[str, Proposer]]) -> None:
            for code, proposer in table:
                for fields in proposer(self, state):
                    proposals.append(
                        Proposal(*fields[:8], proposer=code, reason="".join(fields[8:]))
                    )
                    # every word the proposal covers is taken (a join covers two)
                    index, start, end = fields[0], fields[1], fields[2]
                    line = starts.get(index, [])
                    first = bisect.bisect_left(line, start)
                    last = max(first + 1, bisect.bisect_left(line, end))
                    state.taken.update((index, s) for s in line[first:last])
                    state.taken.add((index, start))

        run(BEFORE_MODEL)  # a lost line end, glued words: before the model reads them
        for item in examined:
            word, text = item.word, passages[item.passage].text
            if (item.passage, word.start) in state.taken:
                continue
            mark = self.punctuation.read(word, text, kind) if self.punctuation else None
            if mark is not None:
                proposals.append(
                    Proposal(
                        item.passage,
                        word.start,
                        word.end,
                        word.text,
                        *mark.fields(),
                        proposer="punctuation",
                    )
                )
            elif item.guard is None or item.real_word is not None:
                engine = passages[item.passage].confidences.of(word.start, word.end)
                proposal = self.decide(item, engine)
                if proposal is not None:
                    proposals.append(proposal)
            elif item.guard == "known" and self.engine is not None:
                engine = passages[item.passage].confidences.of(word.start, word.end)
                doubted = self._doubted(item, engine)
                if doubted is not None:
                    proposals.append(doubted)
        # Then the proposers of the table (PROPOSERS), in order, among the words left alone.
        state.taken.update((p.passage, p.start) for p in proposals)
        run(PROPOSERS)
        return sorted(proposals, key=lambda p: (p.passage, p.start))  # in reading order

    def _doubted(self, item: Examined, engine: float | None) -> Proposal | None:
        """A word of the lexicon flagged when the OCR engine doubted it (engine.py)."""
        if self.engine is None or engine is None:
            return None
        p_error = self.engine.p_error_known(engine)
        if p_error < self.model.thresholds.flag:
            return None
        word = item.word
        reason = f"P(error) {p_error:.2f}, the OCR engine's confidence {engine:.2f}"
        fields = (item.passage, word.start, word.end, word.text, None, "low", None, p_error)
        return Proposal(*fields, proposer="engine", reason=reason)

    def decide(self, item: Examined, engine: float | None = None) -> Proposal | None:
        """Correct, flag or leave a word; `engine` is the OCR engine's confidence in it."""
        word, ranked = item.word, item.candidates
        best = ranked[0].text if ranked else None
        if item.real_word is not None:
            cert = self.model.cert_in_context(item.real_word)
            if best is None or cert is None:
                return None
            return Proposal(
                item.passage,
                word.start,
                word.end,
                word.text,
                best,
                cert,
                best,
                item.real_word,
                proposer="context",
            )
        p_error = self.model.p_error(item.features)
        if self.engine is not None:
            p_error = self.engine.p_error(p_error, engine)
        if best is not None:
            confidence = p_error * self.model.p_fix(item.features)
            cert = self.model.cert(confidence)
            if cert is not None:
                return Proposal(
                    item.passage, word.start, word.end, word.text, best, cert, best, confidence
                )
        if p_error >= self.model.thresholds.flag:
            return Proposal(
                item.passage, word.start, word.end, word.text, None, "low", best, p_error
            )
        return None
