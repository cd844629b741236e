"""The built-in base for French: the places of INSEE's Code officiel géographique
(communes, départements, régions: data/authority/places.tsv.gz, made by
tools/build_places.py), countries and regions abroad by their French names
(data/authority/world.tsv.gz, made by tools/build_world.py), the traditional names no
gazetteer gives in French (data/authority/traditional.tsv, by hand: Angleterre, Indes,
Provence) and common institutions
(data/authority/institutions.xml, a TEI authority list written by hand). Loaded once
per process."""

from __future__ import annotations

import gzip
import re
from functools import lru_cache
from importlib.resources import files

from ..model import Entity
from ..xmlsafe import parse_bytes
from .authority import authority_from_tree
from .matcher import Matcher, keys_of
from .model import BASE, Authority, Name
from .normalise import fold, slug

_DATA = files("teiforge") / "data" / "authority"
# Kinds of place, plural, for the note on a name several bear.
PLACE_KINDS = {
    "c": "communes",
    "d": "départements",
    "r": "régions",
    "n": "countries",
    "s": "regions",
    "k": "continents",
    "g": "cities",
    "a": "cities",
    "h": "places",
}
# The identifier each kind of place carries: INSEE's code, else (world.tsv.gz, made by
# tools/build_world.py) a continent's, a country's or a city's GeoNames id, a region's (or a
# city that is its own council's) ISO 3166-2 code; a traditional name (h) has none.
IDNO_TYPES = {"k": "geonames", "n": "geonames", "a": "geonames", "s": "iso3166-2", "g": "iso3166-2"}
# A commune's article, and the contracted forms it takes after "de" and "à" (du Mans).
_CONTRACTED = {"Le ": frozenset({"du", "au"}), "Les ": frozenset({"des", "aux"})}
NO_CONTEXT: frozenset[str] = frozenset()


_KEYS = re.compile(r"[^\W\d_]+|\d+")


def _place_names(text: str) -> tuple[list[tuple[tuple[str, ...], Name]], dict[str, list[str]]]:
    """(keys, name) of each place, and the rows by entry key. The keys of all names are
    computed from the whole table folded at once (the slow part of loading, else)."""
    names: list[tuple[tuple[str, ...], Name]] = []
    rows: dict[str, list[str]] = {}
    make = tuple.__new__  # a NamedTuple without its Python-level constructor
    for line, folded in zip(text.splitlines(), fold(text).splitlines()):
        row = line.split("\t")
        kind, code, name, flags, _ = row
        key = kind + code
        rows[key] = row
        keys = tuple(_KEYS.findall(folded.split("\t", 3)[2]))
        names.append((keys, make(Name, (name, key, "place", False, flags, NO_CONTEXT, BASE))))
        contracted = _CONTRACTED.get(name[: name.find(" ") + 1]) if kind == "c" else None
        if contracted:  # Le Mans: also Mans after du, au
            bare = name[name.find(" ") + 1 :]
            names.append(
                (keys[1:], make(Name, (bare, key, "place", False, flags, contracted, BASE)))
            )
    return names, rows


def _place_entity(key: str, row: list[str]) -> Entity:
    kind, _, name, _, homonyms = row
    note = None
    if int(homonyms) > 1:
        note = f"{homonyms} {PLACE_KINDS[kind]} bear this name; the most populous is assumed."
    idnos = () if kind == "h" else ((IDNO_TYPES.get(kind, "insee"), key[1:]),)
    return Entity(
        "place",
        f"pl-{slug(name)}",
        ((name, None),),
        idnos,
        cert="low" if note else None,
        note=note,
    )


@lru_cache(maxsize=1)
def load_base() -> tuple[Authority, Matcher]:
    """The built-in base and its matcher. The places' entry keys (c38151, d38, r84) cannot
    clash with the institutions' xml:ids (org-...)."""
    # France's places, then the world's (whose names France's do not bear).
    text = "".join(
        gzip.decompress((_DATA / table).read_bytes()).decode("utf-8")
        for table in ("places.tsv.gz", "world.tsv.gz")
    )
    traditional = (_DATA / "traditional.tsv").read_text(encoding="utf-8")
    text += "".join(line + "\n" for line in traditional.splitlines() if line[:1] != "#")
    place_names, rows = _place_names(text)
    institutions_file = _DATA / "institutions.xml"
    institutions = authority_from_tree(
        parse_bytes(institutions_file.read_bytes()), institutions_file
    )

    def entity(key: str) -> Entity:
        row = rows.get(key)
        return _place_entity(key, row) if row else institutions.entity(key)

    org_names = [n._replace(origin=BASE) for n in institutions.names]
    matcher = Matcher.indexed([*((keys_of(n.text), n) for n in org_names), *place_names])
    return Authority((*org_names, *(name for _, name in place_names)), entity), matcher
