"""The user's documents: README and docs/. Every relative link names a file of the
repository (never one beside it, such as ../shared) and every #anchor a heading there."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from support import REPO

DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)


def _links(text: str) -> list[str]:
    return LINK.findall(FENCE.sub("", text))  # a code block's brackets are code


def _slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation out, spaces as hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    return {_slug(h) for h in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}


def test_slugs_are_github_s() -> None:
    assert _slug("Speed against jing (moved from the README)") == (
        "speed-against-jing-moved-from-the-readme"
    )
    assert _slug("The editor's loop") == "the-editors-loop"
    assert _links("[a](b.md#c) `x` [d](https://e)\n```\n[f](g)\n```\n") == ["b.md#c", "https://e"]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_link_resolves_inside_the_repository(document: Path) -> None:
    broken = []
    for link in _links(document.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", link):  # https:, mailto:
            continue
        target, _, anchor = link.partition("#")
        path = (document.parent / target).resolve() if target else document
        found = path.is_relative_to(REPO.resolve()) and path.exists()
        if not found or (anchor and path.suffix == ".md" and anchor not in _anchors(path)):
            broken.append(link)
    assert broken == []


def test_readme_is_the_user_s_document_and_docs_has_one_page_per_subject() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    pages = {p.name for p in (REPO / "docs").glob("*.md")}
    assert {"encoding.md", "configuration.md", "performance.md", "validation.md"} <= pages
    linked = {Path(link.partition("#")[0]).name for link in _links(readme)}
    assert pages <= linked  # README leads to every page
