"""OCR correction: find the words the OCR got wrong, correct them when the evidence is
strong, flag them when it is not, and never touch what is right.

lexicon.py (which words exist) + channel.py (what the OCR does to them) ->
candidates.py (what a printed word may have been; screen.py rules out most strings
first) + guards.py (what is never an error; oldtext.py: an old text, and in one read
cleanly, the words that look spelled) ->
features.py + model.py (how sure we are) + adapt.py (the document's OCR habits) +
context.py (the neighbouring words) -> corrector.py (the proposals);
punctuation.py: a `!` that OCR read as a standalone 1, l or I; lookalikes.py: a rare word
misread for a common one (dé for de) in any document; capitals.py: a capital misread as a
small letter at a sentence start (le for Je); hyphens.py: a hyphen between two words
(industrielle- de, avec-une); alphanumeric.py: a word OCR mixed digits into (n08, i857),
flagged; inner_capitals.py: a word with a capital after a small letter (étaiS), flagged;
stray_stops.py and elisions.py: a stop inside a sentence (de la. main) and an apostrophe
of elision read as a space (d une), decided by the word trigram model (ngrams.py);
engine.py: the OCR engine's confidence in a word (ALTO, PAGE, hOCR, TSV) in P(error).
The data are package data (data/ocr/), built by tools/build_lexicon.py and
tools/learn_ocr_model.py; benchmarks/ocr_quality.py measures the result.
"""

from __future__ import annotations

from functools import lru_cache

from . import in_context
from .capitals import Capitals, LowercaseStarts
from .channel import Channel
from .context import Bigrams
from .corrector import Corrector, Passage, Proposal
from .engine import EngineModel
from .features import Trigrams
from .hyphens import Hyphens
from .in_context import InContext, confusions, decisive
from .lexicon import Lexicon
from .line_ends import LineEnds
from .lookalikes import Lookalikes
from .model import Model
from .ngrams import shipped
from .punctuation import Punctuation
from .splits import Splits

__all__ = ["Corrector", "Passage", "Proposal", "load_corrector"]


@lru_cache(maxsize=1)
def load_corrector() -> Corrector:
    """The corrector with its shipped data, loaded once per process (about 0.3 s)."""
    lexicon, channel, bigrams = Lexicon.load(), Channel.load(), Bigrams.load()
    ngrams = shipped()  # the trigram model: glued and split words, and `lm` when on
    return Corrector(
        lexicon,
        channel,
        Model.load(),
        Trigrams.load(),
        bigrams,
        punctuation=Punctuation.load(),
        lookalikes=Lookalikes.load(lexicon, channel, bigrams),
        capitals=Capitals(lexicon, channel, bigrams, LowercaseStarts.load()),
        hyphens=Hyphens(lexicon),
        in_context=(
            InContext(ngrams, decisive(confusions()))
            if ngrams is not None and in_context.ENABLED
            else None
        ),
        line_ends=LineEnds(lexicon, ngrams.knows if ngrams is not None else None),
        splits=Splits(lexicon, ngrams) if ngrams is not None else None,
        spacing=True,
        engine=EngineModel.load(),
    )
