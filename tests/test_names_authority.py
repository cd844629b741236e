"""Authority lists in TEI: what is read from them, and every way a file can be refused
(one line naming the file and the problem)."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import REPO
from teiforge.encode import EncodeOptions, encode
from teiforge.errors import InputError
from teiforge.model import Entity
from teiforge.names.authority import load_authority, person_keys
from teiforge.read import source_from_bytes
from test_cli_encode import teiforge

NAMES = REPO / "tests" / "names"
HEADER = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fr"><teiHeader><fileDesc>'
    "<titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt>"
    "<sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>\n"
)


def test_entries_names_and_people() -> None:
    authority = load_authority(NAMES / "authority.xml")
    assert [(n.text, n.entry, n.kind, n.abbr) for n in authority.names] == [
        ("Gautron, Virginie", "vg", "person", False),
        ("Virginie Gautron", "vg", "person", False),
        ("Mer", "pl-mer", "place", False),
        ("agglomération grenobloise", "agglo", "place", False),
        ("Ville Lumière", "pl-paris", "place", False),
        ("Conseil général de l'Isère", "cg38", "org", False),
        ("CG38", "cg38", "org", True),
    ]
    assert authority.entity("cg38") == Entity(
        "org",
        "cg38",
        (("Conseil général de l'Isère", None), ("CG38", "abbr")),
        cert="high",
    )
    assert authority.entity("pl-paris").note == "An entry whose id is also the base's id for Paris."
    assert dict(authority.people) == {("gautron", "v"): "vg"}
    assert authority.ids == {"vg", "pl-mer", "agglo", "pl-paris", "cg38"}


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("Gautron, V.", [("gautron", "v")]),
        ("Gautron V.", [("gautron", "v")]),
        ("V. Gautron", [("gautron", "v")]),
        ("Virginie Gautron", [("gautron", "v")]),
        ("Gautron, Virginie", [("gautron", "v")]),
        ("Le Goff, J.-P.", [("le goff", "j")]),
        ("Gautron", []),
    ],
)
def test_person_keys(name: str, keys: list[tuple[str, str]]) -> None:
    assert person_keys(name) == keys


BAD = {
    "not-well-formed": ("<TEI>", "1:7: not well-formed: Premature end of data in tag TEI line 1"),
    "not-tei": (
        "<list/>",
        (
            "not TEI: the root element is <list> in no namespace, expected <TEI> or "
            "<teiCorpus> in http://www.tei-c.org/ns/1.0"
        ),
    ),
    "no-entry": (
        HEADER + "<text><body><div><p>x</p></div></body></text></TEI>",
        "no person, place or org entry: not an authority list",
    ),
    "no-id": (
        HEADER + "<standOff><listPlace><place><placeName>Lyon</placeName></place>"
        "</listPlace></standOff></TEI>",
        "line 2: <place> without xml:id (every entry must have one)",
    ),
    "no-name": (
        HEADER + '<standOff><listOrg><org xml:id="o"><idno type="x">1</idno></org>'
        "</listOrg></standOff></TEI>",
        'line 2: <org xml:id="o"> has no orgName',
    ),
    "id-twice": (
        HEADER + '<standOff><listPlace><place xml:id="a"><placeName>A</placeName></place>'
        '</listPlace><listOrg><org xml:id="a"><orgName>B</orgName></org></listOrg>'
        "</standOff></TEI>",
        'line 2: xml:id "a" is used twice',
    ),
    "idno-without-type": (
        HEADER + '<standOff><listPlace><place xml:id="a"><placeName>A</placeName>'
        "<idno>1</idno></place></listPlace></standOff></TEI>",
        'line 2: idno of "a" needs a @type and a value',
    ),
}


@pytest.mark.parametrize("case", sorted(BAD), ids=str)
def test_bad_authority_is_an_input_error(case: str, tmp_path: Path) -> None:
    content, problem = BAD[case]
    path = tmp_path / f"{case}.xml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as refused:
        load_authority(path)
    assert (refused.value.path, str(refused.value)) == (path, f"{path}: {problem}")


def test_missing_authority(tmp_path: Path) -> None:
    with pytest.raises(InputError) as refused:
        load_authority(tmp_path / "absent.xml")
    assert str(refused.value) == f"{tmp_path / 'absent.xml'}: file not found"


def test_encode_with_a_bad_authority_fails_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(BAD["no-id"][0], encoding="utf-8")
    source = tmp_path / "in.txt"
    source.write_text("Le maire de Lyon.\n", encoding="utf-8")
    result = teiforge("encode", "--authority", str(bad), str(source), cwd=tmp_path)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"teiforge: error: {bad}: line 2: <place> without xml:id (every entry must have one)\n"
    )


def test_an_edited_authority_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / "a.xml"
    entry = '<standOff><listPlace><place xml:id="{}"><placeName>Lyon</placeName></place>'
    path.write_text(HEADER + entry.format("one") + "</listPlace></standOff></TEI>", "utf-8")
    source = source_from_bytes(b"Le maire de Lyon.\n", "t.txt")
    assert b'ref="#one"' in encode(source, EncodeOptions(authority=path))
    path.write_text(HEADER + entry.format("second") + "</listPlace></standOff></TEI>", "utf-8")
    assert b'ref="#second"' in encode(source, EncodeOptions(authority=path))
