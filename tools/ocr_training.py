"""The decision model, learned on the tuning split: logistic P(error) and P(fix) over the
corrector's features, then the thresholds.

Every word the corrector would examine (not in the lexicon, not guarded) is a sample;
it is an error when it overlaps a token the alignment finds wrong, and its best candidate
is a fix when its words are the gold's in the token's place (a split word, etde: et de,
aligns one gold word by replacement and the other by insertion: both count). Thresholds:
- medium: the lowest confidence P(error) * P(fix) whose corrections, taken together,
  change at most HARM_BUDGET of the right tokens, where they remove the most character
  errors;
- high: the lowest confidence above medium whose corrections are right 95% of the time;
- flag: the P(error) that gives the best detection F1 (corrections count as detections).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import devdata
from rapidfuzz.distance import Levenshtein

from teiforge.ocr.corrector import Corrector, Passage

HARM_BUDGET = 0.002  # of right tokens; the promise is 0.005 on data we did not tune on
HIGH_PRECISION = 0.95
L2 = 3.0


@dataclass(frozen=True)
class Sample:
    features: tuple[float, ...]
    document: int
    error: bool
    fix: bool  # the best candidate is what the gold has
    has_candidate: bool
    gain: int  # character errors the best candidate removes from the token (< 0: adds)


def samples(corrector: Corrector, split: str = "tune") -> tuple[list[Sample], int, int]:
    """The samples of a split, its wrong and its right tokens."""
    found: list[Sample] = []
    wrong = right = 0
    for pair in devdata.pairs(split):
        aligned = devdata.align(pair.ocr, pair.gold)
        wrong += sum(not a.right for a in aligned)
        right += sum(a.right for a in aligned)
        starts = [a.token.start for a in aligned]
        regions = devdata.stretches(pair.ocr, pair.gold)
        offsets = devdata.lines(pair.ocr)
        passages = [Passage(line) for _, line in offsets]
        for item in corrector.examine(passages):
            if item.guard is not None:
                continue
            start = offsets[item.passage][0] + item.word.start
            end = start + len(item.word.text)
            touched = [
                a for a in aligned[max(0, _index(starts, start) - 1) :] if a.token.start < end
            ]
            touched = [a for a in touched if a.token.end > start]
            error = any(not a.right for a in touched)
            best = item.candidates[0].text if item.candidates else None
            fix, gain = False, 0
            if best is not None and len(touched) == 1:
                token = touched[0].token
                after = devdata.corrected_token(pair.ocr, token, [devdata.Change(start, end, best)])
                gold = regions.get(token.start, (devdata.key(touched[0].gold),))
                fix, gain = _judge(token.core, after, gold)
            elif best is not None and len(touched) > 1:
                # A join (con templaient): its tokens wrong, in one stretch of the gold.
                stretches = {id(regions.get(a.token.start)) for a in touched}
                if all(not a.right for a in touched) and len(stretches) == 1:
                    first, last = touched[0].token, touched[-1].token
                    span = devdata.Token(first.start, last.end, pair.ocr[first.start : last.end])
                    after = devdata.corrected_token(
                        pair.ocr, span, [devdata.Change(start, end, best)]
                    )
                    before = " ".join(a.token.core for a in touched)
                    fix, gain = _judge(before, after, regions[first.start])
            found.append(Sample(item.features, pair.number, error, fix, best is not None, gain))
    return found, wrong, right


def _judge(before: str, after: str, gold: tuple[str, ...]) -> tuple[bool, int]:
    """Whether a corrected token is the gold's reading in its place (its words, in
    order, among the gold's words of its stretch), and the character errors it removes
    from the stretch."""
    words = tuple(devdata.key(w) for w in after.split())
    fix = devdata.reads_as_gold(after, gold)
    target = " ".join(gold)
    gain = Levenshtein.distance(devdata.key(before), target) - Levenshtein.distance(
        " ".join(words), target
    )
    return fix, gain


def _index(starts: Sequence[int], offset: int) -> int:
    from bisect import bisect_right

    return bisect_right(starts, offset)


def document_weights(found: Sequence[Sample]) -> list[float]:
    """Each sample weighs 1/sqrt(samples of its document): a few long books must not
    teach the model their own peculiarities."""
    sizes = Counter(s.document for s in found)
    return [1 / math.sqrt(sizes[s.document]) for s in found]


def fit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[bool],
    weights_of_rows: Sequence[float],
    iterations: int = 25,
) -> list[float]:
    """Weighted logistic regression by Newton's method, L2 penalty (not on the bias)."""
    size = len(rows[0])
    weights = [0.0] * size
    for _ in range(iterations):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for row, label, weight in zip(rows, labels, weights_of_rows):
            z = sum(w * x for w, x in zip(weights, row))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            error, curvature = weight * (p - label), weight * p * (1 - p)
            for i, xi in enumerate(row):
                if xi:
                    gradient[i] += error * xi
                    hi = hessian[i]
                    for j in range(i, size):
                        if row[j]:
                            hi[j] += curvature * xi * row[j]
        for i in range(1, size):
            gradient[i] += L2 * weights[i]
            hessian[i][i] += L2
        for i in range(size):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
        step = _solve(hessian, gradient)
        weights = [w - s for w, s in zip(weights, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return weights


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the system is small)."""
    size = len(vector)
    rows = [row[:] + [value] for row, value in zip(matrix, vector)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(rows[r][col]))
        rows[col], rows[pivot] = rows[pivot], rows[col]
        if abs(rows[col][col]) < 1e-12:
            continue
        for r in range(col + 1, size):
            factor = rows[r][col] / rows[col][col]
            for c in range(col, size + 1):
                rows[r][c] -= factor * rows[col][c]
    solution = [0.0] * size
    for r in range(size - 1, -1, -1):
        if abs(rows[r][r]) < 1e-12:
            continue
        total = rows[r][size] - sum(rows[r][c] * solution[c] for c in range(r + 1, size))
        solution[r] = total / rows[r][r]
    return solution


def _logistic(weights: Sequence[float], row: Sequence[float]) -> float:
    z = sum(w * x for w, x in zip(weights, row))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class Learned:
    error: list[float]
    fix: list[float]
    thresholds: dict[str, float]
    report: dict[str, float]


def learn(found: Sequence[Sample], wrong: int, right: int) -> Learned:
    error_weights = fit(
        [s.features for s in found], [s.error for s in found], document_weights(found)
    )
    with_candidate = [s for s in found if s.has_candidate and s.error]
    fix_weights = fit(
        [s.features for s in with_candidate],
        [s.fix for s in with_candidate],
        document_weights(with_candidate),
    )
    scored = [
        (_logistic(error_weights, s.features), _logistic(fix_weights, s.features), s) for s in found
    ]
    # Corrections, most confident first: the harm and the gain as the threshold goes down.
    corrections = sorted(
        ((pe * pf, s) for pe, pf, s in scored if s.has_candidate), key=lambda item: -item[0]
    )
    budget = HARM_BUDGET * right
    harm = gain = 0
    best_gain, medium = 0, 1.0
    fixed = 0
    high = 1.0
    for changed, (confidence, sample) in enumerate(corrections, start=1):
        harm += not sample.error
        gain += sample.gain
        fixed += sample.fix
        if harm > budget:
            break
        if gain > best_gain:
            best_gain, medium = gain, confidence
        if fixed / changed >= HIGH_PRECISION:
            high = confidence
    high = max(high, medium)
    # Flags: the rest, by P(error), for the best F1 over all wrong tokens.
    corrected = {id(s) for c, s in corrections if c >= medium}
    true_corrections = sum(1 for c, s in corrections if c >= medium and s.error)
    false_corrections = sum(1 for c, s in corrections if c >= medium and not s.error)
    flags = sorted(
        ((pe, s) for pe, _, s in scored if id(s) not in corrected), key=lambda item: -item[0]
    )
    tp, fp = true_corrections, false_corrections
    best_f1, flag = 2 * tp / (tp + fp + wrong) if tp else 0.0, 1.0
    for p_error, sample in flags:
        tp += sample.error
        fp += not sample.error
        f1 = 2 * tp / (tp + fp + wrong)
        if f1 > best_f1:
            best_f1, flag = f1, p_error
    report = {"tune_f1": round(best_f1, 4), "tune_gain_chars": best_gain, "samples": len(found)}
    thresholds = {"high": round(high, 4), "medium": round(medium, 4), "flag": round(flag, 4)}
    return Learned(error_weights, fix_weights, thresholds, report)


CONTEXT_HARM_BUDGET = 0.0005  # of right tokens: real words are right far more often
CONTEXT_FLOOR = 0.8  # a real word is corrected only when the other reading is far likelier


def context_threshold(
    corrector: Corrector, right: int, split: str = "tune"
) -> tuple[float, dict[str, int]]:
    """The posterior from which a real word is corrected: the one that fixes the most
    words net of harm, within CONTEXT_HARM_BUDGET, and never below CONTEXT_FLOOR."""
    scored: list[tuple[float, bool, bool]] = []  # posterior, word right, candidate = gold
    for pair in devdata.pairs(split):
        aligned = devdata.align(pair.ocr, pair.gold)
        by_start = {a.token.start: a for a in aligned}
        offsets = devdata.lines(pair.ocr)
        for item in corrector.examine([Passage(line) for _, line in offsets]):
            if item.real_word is None:
                continue
            start = offsets[item.passage][0] + item.word.start
            token = by_start.get(start)
            if token is None:
                continue
            fix = not token.right and devdata.key(item.candidates[0].text) == devdata.key(
                token.gold
            )
            scored.append((item.real_word, token.right, fix))
    scored.sort(key=lambda s: -s[0])
    harm = fixed = 0
    best, threshold = 0, 1.0
    for posterior, is_right, fix in scored:
        harm += is_right
        fixed += fix
        if harm > CONTEXT_HARM_BUDGET * right:
            break
        if fixed - harm > best:
            best, threshold = fixed - harm, posterior
    threshold = max(threshold, CONTEXT_FLOOR)
    net = sum(fix - is_right for posterior, is_right, fix in scored if posterior >= threshold)
    return round(threshold, 4), {"context_candidates": len(scored), "context_net_fixes": net}
