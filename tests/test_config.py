"""Configuration: teiforge.toml and [tool.teiforge]; unknown keys and wrong types name the
key and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiforge.config import Config, find_config, load_config
from teiforge.errors import InputError
from teiforge.model import PrintedWork


def test_teiforge_toml(tmp_path: Path) -> None:
    path = tmp_path / "teiforge.toml"
    path.write_text(
        'sources = ["ocr/*.txt"]\ntei_dir = "editions"\nlanguage = "fr"\ndate = "2026-02-03"\n',
        encoding="utf-8",
    )
    assert load_config(path) == Config(
        root=tmp_path, sources=("ocr/*.txt",), tei_dir="editions", date="2026-02-03"
    )


def test_pyproject_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(
        '[project]\nname = "x"\n[tool.teiforge]\nsite_dir = "public"\n', encoding="utf-8"
    )
    assert find_config(tmp_path) == Config(root=tmp_path, site_dir="public")


def test_teiforge_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.teiforge]\nsite_dir = "a"\n', encoding="utf-8")
    (tmp_path / "teiforge.toml").write_text('site_dir = "b"\n', encoding="utf-8")
    assert find_config(tmp_path).site_dir == "b"


def test_defaults_without_configuration(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert find_config(tmp_path) == Config(root=tmp_path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "teiforge.toml",
            'source = ["a"]\n',
            (
                "{path}: unknown key 'source' (known keys: authority, corrections, date, "
                "disable_rules, language, licence, publisher, rule_severity, shared_ids, site_dir, "
                "sources, tei_dir, works)"
            ),
        ),
        (
            "teiforge.toml",
            'sources = "a/*.txt"\n',
            "{path}: key 'sources' must be a list of strings",
        ),
        ("teiforge.toml", "tei_dir = 3\n", "{path}: key 'tei_dir' must be a string, not int"),
        (
            "pyproject.toml",
            "[tool.teiforge]\nlanguage = true\n",
            "{path} [tool.teiforge]: key 'language' must be a string, not bool",
        ),
        (
            "teiforge.toml",
            "sources = [\n",
            "{path}: not valid TOML (Invalid value (at end of document))",
        ),
    ],
    ids=["unknown-key", "list-type", "string-type", "pyproject-type", "bad-toml"],
)
def test_errors_name_key_and_file(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    assert str(raised.value) == message.format(path=path)


WORKS = """
[works."seeds/germinal.txt"]
title = "Germinal"
author = "Zola, Émile"
date = "1885"
publisher = "G. Charpentier"
pub_place = "Paris"
edition = "Édition définitive"
idno = { ark = "ark:/12148/bpt6k5843395", isbn = "978-2-07-036002-4" }

[works."seeds/manifeste-*.txt"]
author = ["Marx, Karl", "Engels, Friedrich"]
"""


def test_works_and_rule_severity(tmp_path: Path) -> None:
    path = tmp_path / "teiforge.toml"
    path.write_text(
        'rule_severity = { TF106 = "error", "pb.order" = "warning" }\n' + WORKS, encoding="utf-8"
    )
    assert load_config(path) == Config(
        root=tmp_path,
        rule_severity=(("TF106", "error"), ("pb.order", "warning")),
        works=(
            (
                "seeds/germinal.txt",
                PrintedWork(
                    title="Germinal",
                    authors=("Zola, Émile",),
                    date="1885",
                    publisher="G. Charpentier",
                    pub_place="Paris",
                    edition="Édition définitive",
                    idnos=(("ark", "ark:/12148/bpt6k5843395"), ("isbn", "978-2-07-036002-4")),
                ),
            ),
            ("seeds/manifeste-*.txt", PrintedWork(authors=("Marx, Karl", "Engels, Friedrich"))),
        ),
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('works = ["a"]\n', "key 'works' must be a table such as [works.\"seeds/a.txt\"]"),
        ('[works]\n"a.txt" = "Germinal"\n', "works 'a.txt' must be a table of title, author..."),
        (
            '[works."/a.txt"]\ntitle = "Germinal"\n',
            "works '/a.txt' must be a path or glob relative to the configuration",
        ),
        (
            '[works."a.txt"]\ntitel = "Germinal"\n',
            (
                "works 'a.txt': unknown key 'titel' (known keys: author, date, edition, idno, "
                "pub_place, publisher, title)"
            ),
        ),
        ('[works."a.txt"]\ntitle = 3\n', "works 'a.txt': key 'title' must be a string, not int"),
        (
            '[works."a.txt"]\nauthor = ["Zola", 3]\n',
            "works 'a.txt': key 'author' must be a string or a list of strings",
        ),
        ('[works."a.txt"]\nedition = " "\n', "works 'a.txt': key 'edition' must not be empty"),
        (
            '[works."a.txt"]\nidno = "ark:/1"\n',
            (
                "works 'a.txt': key 'idno' must be a table of TYPE = VALUE such as "
                '{ ark = "ark:/12148/cb1" }'
            ),
        ),
        (
            '[works."a.txt"]\nidno = { "a b" = "1" }\n',
            (
                "works 'a.txt': key 'idno': identifier type 'a b' must be one word such as ark, "
                "isbn or url"
            ),
        ),
        (
            'rule_severity = { TF106 = "fatal" }\n',
            "key 'rule_severity': TF106 must be \"error\" or \"warning\", not 'fatal'",
        ),
        (
            'rule_severity = ["TF106"]\n',
            "key 'rule_severity' must be a table such as { TF106 = \"error\" }",
        ),
    ],
    ids=[
        "works-list",
        "entry-string",
        "absolute",
        "unknown-key",
        "title-type",
        "author-type",
        "empty",
        "idno-type",
        "idno-kind",
        "severity-value",
        "severity-type",
    ],
)
def test_bad_works_and_severities_name_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "teiforge.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_config(path)
    assert str(raised.value) == f"{path}: {message}"
