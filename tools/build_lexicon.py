"""Build the OCR corrector's lexicon: src/teiforge/data/ocr/lexicon.tsv.gz.

    apt-get install hunspell-fr-comprehensive   # the "toutes variantes" French dictionary
    pip install wordfreq
    python tools/build_lexicon.py

Sources, both maintained and offline once installed:
- hunspell-fr (Grammalecte's dictionary, "toutes variantes": classical and reformed
  spellings): every inflected form, expanded here from its affix rules, and which words
  are proper nouns (po:npr, po:prn, po:patr or a capital in the dictionary);
- wordfreq: French frequencies (Zipf scale) for the prior, words it attests that hunspell
  does not know (names, rare and old words, but also accentless misspellings: attested
  words are never proposed as corrections), and the frequent words of English, German,
  Italian, Spanish and Portuguese, which the corrector leaves alone.

The file groups the forms, lowercased, by frequency and kind, so that loading is one
dict.fromkeys per group (0.2 s for 650,000 forms): one line per group,
`zipf*10<TAB>flags<TAB>form form ...`; flags: h hunspell knows the form, p only as a
proper noun, u only in capitals (an acronym), a wordfreq attests it (French) but
hunspell does not, f a common word of another language that French does not know.
"""

from __future__ import annotations

import argparse
import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import wordfreq

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "src" / "teiforge" / "data" / "ocr" / "lexicon.tsv.gz"
HUNSPELL = Path("/usr/share/hunspell/fr")
FOREIGN = ("en", "de", "it", "es", "pt")
FOREIGN_MIN_ZIPF = 3.0  # a word of another language must be common there to be spared
ATTESTED_MIN_ZIPF = 1.5  # below this, wordfreq's French list is mostly noise
PROPER = re.compile(r"po:(?:npr|prn|patr)\b")
# Plain words: letters with inner hyphens or apostrophes, no chemistry (AgBrO₂) or units (kA).
VOWEL = re.compile(r"[aeiouyàâäéèêëîïôöùûü]")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


@dataclass(frozen=True)
class Affix:
    strip: str
    add: str
    continuation: tuple[str, ...]
    condition: re.Pattern[str] | None


def _flags(text: str) -> tuple[str, ...]:
    """FLAG long: every flag is two characters."""
    return tuple(text[i : i + 2] for i in range(0, len(text), 2))


def parse_affixes(path: Path) -> tuple[dict[str, tuple[str, list[Affix]]], dict[str, str]]:
    rules: dict[str, tuple[str, list[Affix]]] = {}
    options: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        parts = lines[index].split()
        if len(parts) == 2 and parts[0] in {"NEEDAFFIX", "FORBIDDENWORD"}:
            options[parts[0]] = parts[1]
        if len(parts) == 4 and parts[0] in {"PFX", "SFX"}:
            kind, flag, count = parts[0], parts[1], int(parts[3])
            entries = []
            for line in lines[index + 1 : index + 1 + count]:
                fields = line.split()
                add, _, continuation = fields[3].partition("/")
                condition = fields[4] if len(fields) > 4 else "."
                pattern = condition + "$" if kind == "SFX" else "^" + condition
                entries.append(
                    Affix(
                        strip="" if fields[2] == "0" else fields[2],
                        add="" if add == "0" else add,
                        continuation=_flags(continuation),
                        condition=None if condition == "." else re.compile(pattern),
                    )
                )
            rules[flag] = (kind, entries)
            index += count
        index += 1
    return rules, options


def _suffixed(
    word: str, flags: tuple[str, ...], rules: dict[str, tuple[str, list[Affix]]], need: str
) -> Iterator[str]:
    for flag in flags:
        kind, entries = rules.get(flag, ("", []))
        if kind != "SFX":
            continue
        for affix in entries:
            if not word.endswith(affix.strip):
                continue
            if affix.condition is not None and not affix.condition.search(word):
                continue
            form = word[: len(word) - len(affix.strip)] + affix.add
            if need not in affix.continuation:
                yield form
            yield from _suffixed(form, affix.continuation, rules, need)  # twofold suffixes


def _inner_capital(form: str) -> bool:
    """AgBrO, kA: chemistry and units, not words."""
    return any(ch.isupper() for ch in form[1:])


def hunspell_forms(base: Path) -> dict[str, bool]:
    """Every form the dictionary accepts -> whether it is a proper noun. Prefixes that
    elide (l', d', qu') are left out: the tokenizer splits them off."""
    rules, options = parse_affixes(base.with_suffix(".aff"))
    need, forbidden = options["NEEDAFFIX"], options["FORBIDDENWORD"]
    forms: dict[str, bool] = {}
    for line in base.with_suffix(".dic").read_text(encoding="utf-8").splitlines()[1:]:
        head, _, morphology = line.replace("\t", " ").partition(" ")
        word, _, flag_text = head.partition("/")
        flags = _flags(flag_text)
        if not word or forbidden in flags:
            continue
        proper = bool(PROPER.search(morphology)) or word[:1].isupper()
        found = [] if need in flags else [word]
        found.extend(_suffixed(word, flags, rules, need))
        for flag in flags:
            kind, entries = rules.get(flag, ("", []))
            if kind != "PFX":
                continue
            for affix in entries:
                if "'" in affix.add or (affix.condition and not affix.condition.search(word)):
                    continue
                form = affix.add + word[len(affix.strip) :]
                if need not in affix.continuation:
                    found.append(form)
                found.extend(_suffixed(form, affix.continuation, rules, need))
        for form in found:
            if WORD.fullmatch(form) and (not _inner_capital(form) or form.isupper() or "-" in form):
                forms[form] = forms.get(form, True) and proper
    return forms


def _zipf(form: str) -> float:
    """wordfreq's French frequency of a form it counts as one token; for a compound
    (coupe-verres) it would guess from the parts, so none is given."""
    if len(wordfreq.tokenize(form, "fr")) != 1:
        return 0.0
    return float(wordfreq.zipf_frequency(form, "fr", wordlist="large"))


def entries(base: Path) -> dict[str, tuple[int, str]]:
    french = wordfreq.get_frequency_dict("fr", "large")
    found: dict[str, tuple[int, str]] = {}
    for form, proper in hunspell_forms(base).items():
        found[form] = (round(_zipf(form) * 10), "hp" if proper else "h")
    for form, entry in list(found.items()):  # texts write the ligatures as two letters
        plain = form.replace("œ", "oe").replace("æ", "ae").replace("Œ", "Oe").replace("Æ", "Ae")
        found.setdefault(plain, entry)
    known = {form.lower() for form in found}
    for word in french:
        zipf = wordfreq.zipf_frequency(word, "fr", wordlist="large")
        if word not in known and zipf >= ATTESTED_MIN_ZIPF and WORD.fullmatch(word):
            found[word] = (round(zipf * 10), "a")
    known |= {word for word in found}
    for language in FOREIGN:
        for word in wordfreq.get_frequency_dict(language, "large"):
            zipf = wordfreq.zipf_frequency(word, language, wordlist="large")
            if zipf < FOREIGN_MIN_ZIPF:
                break  # the list is sorted by frequency
            if not (WORD.fullmatch(word) and VOWEL.search(word)):
                continue  # a vowel: not an abbreviation (German vll.)
            if word not in known:
                found[word] = (0, "f")
                known.add(word)
            elif found.get(word, (0, ""))[1] == "a":
                found[word] = (found[word][0], "af")  # attested in French, but English
    return found


def grouped(found: dict[str, tuple[int, str]]) -> dict[tuple[int, str], list[str]]:
    """Lowercase the forms: a form both common and proper (rose, Rose) is common; a form
    only in capitals (CNRS, IUT) is an acronym, flag u."""
    merged: dict[str, tuple[int, str]] = {}
    lowered: set[str] = set()  # keys with a form not all in capitals
    for form, (zipf, flags) in found.items():
        key = form.lower()
        if not (form.isupper() and len(form) > 1):
            lowered.add(key)
        if key in merged:
            old_zipf, old_flags = merged[key]
            if "h" in old_flags and "h" in flags:
                flags = "h" if "p" not in old_flags or "p" not in flags else "hp"
            elif "h" in old_flags or ("a" in old_flags and "f" in flags and "a" not in flags):
                flags = old_flags
            zipf = max(zipf, old_zipf)
        merged[key] = (zipf, flags)
    groups: dict[tuple[int, str], list[str]] = {}
    for form, (zipf, flags) in sorted(merged.items()):
        if form not in lowered and "h" in flags:
            flags += "u"
        groups.setdefault((zipf, flags), []).append(form)
    return groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--hunspell", type=Path, default=HUNSPELL, help="dictionary base path")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    groups = grouped(entries(args.hunspell))
    lines = [
        f"{zipf}\t{flags}\t{' '.join(forms)}" for (zipf, flags), forms in sorted(groups.items())
    ]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same sources give the same bytes
    with gzip.GzipFile(args.output, "wb", compresslevel=9, mtime=0) as out:
        out.write("\n".join(lines).encode("utf-8"))
    print(f"{sum(map(len, groups.values()))} forms in {len(lines)} groups -> {args.output}")


if __name__ == "__main__":
    main()
