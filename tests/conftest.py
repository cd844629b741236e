"""Session fixtures shared by the test modules: the official TEI schema and ours, each
compiled once per test session (tei_all.rng takes about 7 s)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

# The official TEI P5 schemas live in the folder `shared` beside the repository root
# (/work/main -> /work/shared/tei-p5), or where TEIFORGE_TEI_P5 says; they are used to
# check, never shipped.
TEI_P5 = Path(
    os.environ.get("TEIFORGE_TEI_P5")
    or Path(__file__).resolve().parents[1].parent / "shared" / "tei-p5"
)
TEIFORGE_XSD = Path(__file__).resolve().parents[1] / "src" / "teiforge" / "data" / "teiforge.xsd"


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """The official tei_all schema (RELAX NG; its embedded Schematron is not run)."""
    if not (TEI_P5 / "tei_all.rng").is_file():
        pytest.fail(
            f"the official TEI schemas are not at {TEI_P5}: put shared/ beside the repository or set TEIFORGE_TEI_P5"
        )
    return etree.RelaxNG(etree.parse(str(TEI_P5 / "tei_all.rng")))


@pytest.fixture(scope="session")
def teiforge_schema() -> xmlschema.XMLSchema:
    """Our customisation, as shipped in the package data."""
    return xmlschema.XMLSchema(str(TEIFORGE_XSD))
