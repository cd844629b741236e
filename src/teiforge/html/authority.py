"""Authority identifiers (idno) as links to the authority's own page.

One row per scheme: the URL pattern and the shape of a value it accepts. A value of
another shape, or of a scheme not listed, is shown as text, never turned into a guessed
link. These are plain links out: nothing is loaded from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# scheme (idno/@type, lower case) -> (label, URL pattern, accepted value)
# fmt: off
SCHEMES: dict[str, tuple[str, str, re.Pattern[str]]] = {
    "wikidata": ("Wikidata", "https://www.wikidata.org/wiki/{}", re.compile(r"Q[1-9]\d*")),
    "geonames": ("GeoNames", "https://www.geonames.org/{}", re.compile(r"[1-9]\d*")),
    # a commune's code in INSEE's Code officiel géographique (Corsica: 2A, 2B)
    "insee": ("INSEE", "https://www.insee.fr/fr/statistiques/2011101?geo=COM-{}",
              re.compile(r"(\d{2}|2[AB])\d{3}")),
    "siren": ("SIREN", "https://annuaire-entreprises.data.gouv.fr/entreprise/{}",
              re.compile(r"\d{9}")),
    "viaf": ("VIAF", "https://viaf.org/viaf/{}", re.compile(r"\d+")),
    "isni": ("ISNI", "https://isni.org/isni/{}", re.compile(r"\d{15}[\dX]")),
    "orcid": ("ORCID", "https://orcid.org/{}", re.compile(r"(\d{4}-){3}\d{3}[\dX]")),
}
# fmt: on
_WIKIDATA_URL = re.compile(r"https?://(?:www\.)?wikidata\.org/(?:wiki|entity)/(Q[1-9]\d*)")


@dataclass(frozen=True)
class Identifier:
    scheme: str  # "wikidata", "insee", "uri"...
    label: str  # how the scheme is named on the page
    value: str
    url: str | None


def identifier(scheme: str | None, value: str) -> Identifier:
    """The identifier `value` of `scheme` (an idno's @type), with its link when the scheme
    is known and the value has its shape, or when the value is itself a web address."""
    key = (scheme or "").strip().lower()
    value = value.strip()
    if key == "insee" and re.fullmatch(r"\d{9}|\d{14}", value):
        key = "siren"  # INSEE also numbers companies: SIREN, or SIRET (SIREN + 5 digits)
        value = value[:9]
    if key == "isni":
        value = value.replace(" ", "")
    if key in SCHEMES:
        label, pattern, shape = SCHEMES[key]
        return Identifier(
            key, label, value, pattern.format(value) if shape.fullmatch(value) else None
        )
    if value.startswith(("https://", "http://")):
        return from_url(value)
    return Identifier(key or "id", scheme or "id", value, None)


def from_url(url: str) -> Identifier:
    """A web address given as an identifier (an idno, or a name's @ref)."""
    wikidata = _WIKIDATA_URL.fullmatch(url)
    if wikidata:
        return identifier("wikidata", wikidata.group(1))
    return Identifier("uri", "link", url, url)
