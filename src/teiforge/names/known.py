"""The lists of names a document is read against: the user's authority list (if any), then
the built-in base (French texts only), each with its matcher, built once and cached."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import Entity
from .authority import load_authority
from .base import load_base
from .matcher import Matcher
from .model import AUTHORITY, BASE, NO_LIST, Authority


@dataclass(frozen=True)
class Known:
    lists: tuple[tuple[Authority, Matcher], ...]  # by origin: AUTHORITY, then BASE

    def entity(self, origin: int, entry: str) -> Entity:
        return self.lists[origin][0].entity(entry)

    @property
    def user_ids(self) -> frozenset[str]:
        return self.lists[AUTHORITY][0].ids

    def person(self, surname_key: str, initial_key: str) -> str | None:
        """The user's entry for an author cited by surname and initial, if any."""
        return self.lists[AUTHORITY][0].people.get((surname_key, initial_key))


@lru_cache(maxsize=8)
def _authority_matcher(authority: Authority) -> Matcher:
    return Matcher(authority.names)


def known_names(authority: Path | None, language: str) -> Known:
    """What a document in `language` is read against. The built-in base is French."""
    user = load_authority(authority) if authority else NO_LIST
    lists = [(user, _authority_matcher(user))]
    if language.split("-")[0] == "fr":
        lists.append(load_base())
    assert len(lists) <= BASE + 1
    return Known(tuple(lists))
