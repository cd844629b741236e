"""Which printed work each source is ([works] entries, paths or globs), and the work
`encode`'s options state over the configured one."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiforge.errors import InputError
from teiforge.model import PrintedWork
from teiforge.works import assign_works, identifier, merged, work_from_options

GERMINAL = PrintedWork(title="Germinal", authors=("Zola, Émile",), date="1885")
MARX = PrintedWork(authors=("Marx, Karl",))


def _sources(root: Path, *names: str) -> list[Path]:
    (root / "seeds").mkdir()
    paths = [root / "seeds" / name for name in names]
    for path in paths:
        path.write_text("texte\n", encoding="utf-8")
    return paths


def test_each_source_gets_the_entry_that_matches_it(tmp_path: Path) -> None:
    germinal, capital, other = _sources(tmp_path, "germinal.txt", "capital-1.txt", "other.txt")
    works = [("seeds/germinal.txt", GERMINAL), ("seeds/capital-*.txt", MARX)]
    assert assign_works(works, tmp_path, [germinal, capital, other]) == {
        germinal: GERMINAL,
        capital: MARX,
    }


def test_a_source_two_entries_describe_is_an_error(tmp_path: Path) -> None:
    (capital,) = _sources(tmp_path, "capital-1.txt")
    works = [("seeds/capital-*.txt", MARX), ("seeds/capital-1.txt", GERMINAL)]
    with pytest.raises(InputError) as raised:
        assign_works(works, tmp_path, [capital])
    assert str(raised.value) == (
        f"{capital}: described by two [works] entries: 'seeds/capital-*.txt' and "
        "'seeds/capital-1.txt'"
    )


def test_an_entry_that_matches_no_source_is_an_error_for_a_corpus_only(tmp_path: Path) -> None:
    (germinal,) = _sources(tmp_path, "germinal.txt")
    works = [("seeds/germinal.txt", GERMINAL), ("seeds/germinale.txt", MARX)]
    assert assign_works(works, tmp_path, [germinal]) == {germinal: GERMINAL}
    with pytest.raises(InputError) as raised:
        assign_works(works, tmp_path, [germinal], every_entry_used=True)
    assert str(raised.value) == (
        f"{tmp_path / 'seeds/germinale.txt'}: a [works] entry that matches no source file"
    )


def test_options_replace_the_configured_fields_they_state() -> None:
    given = work_from_options(
        title="Germinal (2e partie)", idnos=["ark:ark:/12148/cb1", "url:https://x.org/a"]
    )
    assert merged(GERMINAL, given) == PrintedWork(
        title="Germinal (2e partie)",
        authors=("Zola, Émile",),
        date="1885",
        idnos=(("ark", "ark:/12148/cb1"), ("url", "https://x.org/a")),
    )
    assert merged(None, work_from_options(authors=["A", "B"])) == PrintedWork(authors=("A", "B"))
    assert merged(None, work_from_options()) is None


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("ark", "--idno: must be TYPE:VALUE such as ark:ark:/12148/cb1, not 'ark'"),
        ("ark:", "--idno: must be TYPE:VALUE such as ark:ark:/12148/cb1, not 'ark:'"),
        (
            "no type:1",
            "--idno: identifier type 'no type' must be one word such as ark, isbn or url",
        ),
    ],
)
def test_a_bad_identifier_names_the_option(given: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        identifier(given)
    assert str(raised.value) == message


def test_a_bad_option_value_names_the_option() -> None:
    with pytest.raises(InputError) as raised:
        work_from_options(authors=["Zola", "\x01"])
    assert str(raised.value) == "--author: holds a character XML cannot hold (U+0001)"
