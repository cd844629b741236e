"""A division's opening page: the rules of layout/openings.py that tell its title from the
running heads that repeat it (goldens: tests/layout/running_heads_opening_*,
running_heads_side_known_*, running_heads_title_*)."""

from __future__ import annotations

import pytest

from teiforge.layout.openings import (
    alike,
    names_its_division,
    opens_new_run,
    side_known,
    title_of,
    under_a_head,
)


@pytest.mark.parametrize(
    ("a", "b", "least", "expected"),
    [
        ("AVANTPROPOS", "AVANTPROPOS", 0.75, True),
        ("RPANAEPROPOSPR", "AVANTPROPOS", 0.75, False),  # 0.64
        ("RPANAEPROPOSPR", "AVANTPROPOS", 0.5, True),  # a garbled reading of the head
        ("QUELESERGENT", "CACESTDUFROMAGECACE", 0.5, False),  # 0.32: another text
    ],
)
def test_alike(a: str, b: str, least: float, expected: bool) -> None:
    assert alike(a, b, least) is expected


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Chapitre XIII. Pas bien.", "Pas bien."),
        ("CHAPITRE IX — LA FORGE", "LA FORGE"),
        ("CHAPITRE IX", "CHAPITRE IX"),  # no title: the line as it is
        ("Les moulins de la rivière", "Les moulins de la rivière"),
    ],
)
def test_title_of(text: str, title: str) -> None:
    assert title_of(text) == title


@pytest.mark.parametrize(
    ("text", "fellows", "expected"),
    [
        ("Chapitre VII. Peut-être rêvait-elle à ses.", ["PEUT-ÊTRE RÊVAIT-ELLE À SES"], True),
        # heads that name the chapter too (`CHAP. II`) are one running head
        ("CHAPITRE II. LA FORGE", ["CHAPITRE II. LA FORGE  12"], False),
        ("PEUT-ÊTRE RÊVAIT-ELLE À SES", ["Chapitre VII. Peut-être rêvait-elle"], False),
    ],
)
def test_names_its_division(text: str, fellows: list[str], expected: bool) -> None:
    assert names_its_division(text, fellows) is expected


@pytest.mark.parametrize(
    ("fellows", "heads", "printed", "expected"),
    [
        ([3, 4], {1: "LAFORGE", 3: "LEMOULIN", 4: "LEMOULIN"}, False, True),
        ([3, 4], {1: "LAFORGE", 3: "LEMOULIN", 4: "LEMOULIN"}, True, False),  # printed before
        ([1, 3], {1: "LEMOULIN", 3: "LEMOULIN"}, False, False),  # repeated before: a head
        ([4], {1: "LAFORGE", 3: "AUTEUR", 4: "LEMOULIN"}, False, False),  # next page: another
        ([3, 4], {3: "LEMOULIN", 4: "LEMOULIN"}, False, False),  # the page before: no head
        ([3], {1: "LEMOULIN", 3: "LEMOULIN"}, False, False),  # the same as the page before
        # the head before comes back: heads alternating, two pages in a row alike
        ([3, 5], {1: "LAFORGE", 3: "LEMOULIN", 4: "LAFORGE", 5: "LEMOULIN"}, False, False),
    ],
)
def test_opens_new_run(
    fellows: list[int], heads: dict[int, str], printed: bool, expected: bool
) -> None:
    assert opens_new_run(2, "LEMOULIN", fellows, heads, printed) is expected


@pytest.mark.parametrize(
    ("key", "heads", "expected"),
    [
        # heads alike on every page: a page between them printing another line opens
        ("LESVENDANGES", {0: "LAFORGE", 1: "LAFORGE", 3: "LAFORGE", 4: "LAFORGE"}, True),
        ("LAFORQE", {0: "LAFORGE", 1: "LAFORGE", 3: "LAFORGE", 4: "LAFORGE"}, False),
        ("RPANAEPROPOSPR", {0: "AVANTPROPOS", 1: "AVANTPROPOS", 3: "AVANTPROPOS"}, False),
        # alternating: the side's head, two pages before and after, is another
        ("TOUTLEMONDE", {0: "MPINSONNEAU", 1: "LAFORGE", 3: "LAFORGE", 4: "MPINSONNEAU"}, True),
        # the side's head changes around the page (a new chapter's): not known
        ("CINQUANTELIVRES", {1: "ILYAVAIT", 3: "ILYAVAIT", 4: "DITQUESESYEUX"}, False),
        ("CINQUANTELIVRES", {0: "LAFORGE", 1: "ILYAVAIT", 3: "ILYAVAIT", 4: "DITQUE"}, False),
        ("BETEILFAUT", {0: "TAFILLEEST", 1: "TAFILLEEST", 3: "TAFILLEEST"}, True),
        # alternating, this side printed once (a new recto head after an opening page)
        ("BETEILFAUT", {1: "TAFILLEEST", 3: "TAFILLEEST"}, False),
        ("BETEILFAUT", {1: "TAFILLEEST", 3: "TAFILLEEST", 4: "BETEILFAUT"}, False),
        ("LEMOULIN", {1: "LAFORGE", 3: "LEMOULIN"}, False),  # neighbours differ
    ],
)
def test_side_known(key: str, heads: dict[int, str], expected: bool) -> None:
    assert side_known(2, key, heads) is expected


def test_under_a_head() -> None:
    found = {(0, 0): "header", (1, 0): "other"}
    assert under_a_head(1, 0, found) is True
    assert under_a_head(0, 0, found) is False
    assert under_a_head(1, 1, found) is False  # fw other above (ornament debris): no head
