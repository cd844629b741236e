"""Configuration: teiforge.toml and [tool.teiforge]; unknown keys and wrong types name the
key and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from teiforge.config import Config, find_config, load_config
from teiforge.errors import InputError


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
                "disable_rules, language, licence, publisher, site_dir, sources, tei_dir)"
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
