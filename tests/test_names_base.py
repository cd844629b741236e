"""The built-in base for French and the authority lists shipped or committed: their data,
their validity as TEI, and the rule for communes whose name
is also a word."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from importlib.resources import files

import pytest
from lxml import etree

from support import REPO
from teiforge.names.base import _place_names, load_base
from teiforge.names.candidates import Words, choose, from_lists
from teiforge.names.known import known_names
from teiforge.names.matcher import keys_of
from teiforge.names.normalise import name_keys

DATA = files("teiforge") / "data" / "authority"
PLACES = gzip.decompress((DATA / "places.tsv.gz").read_bytes()).decode("utf-8").splitlines()
LISTS = [
    REPO / "src" / "teiforge" / "data" / "authority" / "institutions.xml",
    REPO / "tei" / "authority.xml",
]


def test_places_table() -> None:
    rows = [line.split("\t") for line in PLACES]
    assert {len(row) for row in rows} == {5}
    assert Counter(row[0] for row in rows) == {"c": 34852, "d": 101, "r": 18}
    assert all(re.fullmatch(r"\d[\dAB]\d{3}|\d{2,3}|2[AB]", row[1]) for row in rows)
    assert all(re.fullmatch(r"w?p?s?t?x?v?", row[3]) for row in rows)
    assert len({(row[0], row[2]) for row in rows}) == len(rows)  # one line per name
    by_name = {row[2]: row for row in rows if row[0] == "c"}
    assert by_name["Échirolles"] == ["c", "38151", "Échirolles", "", "1"]
    assert by_name["Le Mans"] == ["c", "72181", "Le Mans", "w", "1"]
    assert by_name["Saint-Denis"] == ["c", "97411", "Saint-Denis", "", "5"]
    # A saint's name alone that several villages bear: a church or a school as often.
    assert by_name["Saint-Sulpice"] == ["c", "60598", "Saint-Sulpice", "v", "9"]
    assert sum("v" in row[3] for row in rows) == 162


def test_fast_keys_are_the_tokeniser_keys() -> None:
    """The base is indexed with shortcuts of the tokeniser: all must agree on every name."""
    places, _ = _place_names("\n".join(PLACES))
    assert [n.text for keys, n in places if keys != name_keys(n.text)] == []
    institutions = {n.text for n in load_base()[0].names if n.kind == "org"}
    assert [n for n in sorted(institutions) if keys_of(n) != name_keys(n)] == []


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
def test_lists_are_valid_tei(path, teiforge_schema, tei_all) -> None:  # type: ignore[no-untyped-def]
    document = etree.parse(str(path))
    assert [str(e.reason) for e in teiforge_schema.iter_errors(document)] == []
    assert tei_all.validate(document), str(tei_all.error_log)
    wikidata = [e.text for e in document.iter("{*}idno") if e.get("type") == "wikidata"]
    assert all(re.fullmatch(r"Q[1-9]\d*", value or "") for value in wikidata)


def test_names_of_text_as_dense_as_the_seed() -> None:
    """What benchmarks/names_speed.py times: the seed's paragraphs, forty times."""
    seed = (REPO / "seeds" / "000_9de8f81969a03aea.txt").read_text(encoding="utf-8")
    paragraphs = [" ".join(p.split()) for p in seed.split("\n\n") if p.strip()] * 40
    known = known_names(None, "fr")
    size = sum(len(p.encode()) for p in paragraphs)
    found = sum(len(choose(from_lists(Words.of(p), known), ())) for p in paragraphs)
    assert (size, found) == (220160, 600)


def _places(text: str) -> list[str]:
    known = known_names(None, "fr")
    words = Words.of(text)
    return [text[c.start : c.end] for c in choose(from_lists(words, known), ())]


# Communes whose name is also a word (Vie is not a commune: nothing to fear).
AMBIGUOUS = ["Ham", "Bar", "Eu", "Y", "Sales", "Mer"]


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_ambiguous_communes_need_a_capital_and_a_place(name: str) -> None:
    lower = name.lower()
    assert _places(f"Il dit {lower} et {name} ; {name} aussi. Le {lower} est là.") == []
    assert _places(
        f"la commune {'d’' if name[0] in 'AEIOUY' else 'de '}{name} et la commune de {lower}"
    ) == [name]
    expected = [] if name == "Y" else [name]  # "de X à Y": a one-letter name needs a noun
    assert _places(f"Il habite à {name}.") == expected


WORLD = gzip.decompress((DATA / "world.tsv.gz").read_bytes()).decode("utf-8").splitlines()


def test_world_table() -> None:
    """Places abroad: one line a name, none a French place's, each kind with its id."""
    rows = [line.split("\t") for line in WORLD]
    assert {len(row) for row in rows} == {5}
    names = [row[2] for row in rows]
    assert len(names) == len(set(names)) == 1579
    assert not set(names) & {line.split("\t")[2] for line in PLACES}
    ids = {"k": r"\d+", "n": r"\d+", "a": r"\d+", "s": r"[A-Z]{2}-\w+", "g": r"GB-[A-Z]{3}"}
    assert all(re.fullmatch(ids[kind], code) for kind, code, *_ in rows)
    assert Counter(row[0] for row in rows) == Counter(
        {"a": 1133, "n": 235, "s": 199, "k": 6, "g": 6}
    )
    by_name = {row[2]: (row[0], row[1], row[3]) for row in rows}
    assert by_name["Jamaïque"] == ("n", "3489940", "")
    assert by_name["Bavière"] == ("s", "DE-BY", "")
    assert by_name["Mantoue"] == ("a", "3174051", "a")
    assert by_name["Maurice"] == ("n", "934292", "p")


TRADITIONAL = [
    line
    for line in (DATA / "traditional.tsv").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
]


def test_traditional_table() -> None:
    """Traditional names by hand: kind h, the name's slug as its code (no gazetteer id),
    one line a name, the flags of ambiguous names only."""
    rows = [line.split("\t") for line in TRADITIONAL]
    assert {len(row) for row in rows} == {5}
    assert {row[0] for row in rows} == {"h"}
    assert len({row[1] for row in rows}) == len({row[2] for row in rows}) == len(rows) == 170
    assert all(re.fullmatch(r"[a-z0-9-]+", row[1]) for row in rows)
    assert {row[3] for row in rows} == {"", "w", "p"}
    by_name = {row[2]: row[3] for row in rows}
    assert (by_name["Angleterre"], by_name["Orient"], by_name["Lorraine"]) == ("", "w", "p")


def test_traditional_names_are_places_without_id() -> None:
    text = "En Angleterre, en Provence et aux Indes ; l'Orient."
    assert _places(text) == ["Angleterre", "Provence", "Indes"]
    entity = load_base()[0].entity("hangleterre")
    assert (entity.xml_id, entity.idnos) == ("pl-angleterre", ())


def test_a_country_over_the_commune_of_its_name() -> None:
    """Suisse, a country, over the commune Suisse (Moselle, 100 inhabitants)."""
    assert _places("La Suisse et la Grande-Bretagne ; le Valais.") == [
        "Suisse",
        "Grande-Bretagne",
        "Valais",
    ]
    words = Words.of("La Suisse.")
    assert [c.entry for c in choose(from_lists(words, known_names(None, "fr")), ())] == ["hsuisse"]
