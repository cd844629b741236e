"""The CI integrations: the GitHub Action (action.yml) and the pre-commit hooks, read as
their runners read them, their commands run, and README's examples checked against them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from support import REPO

CASES = REPO / "tests" / "validate" / "cases"


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _readme_blocks() -> list[Any]:
    """The YAML examples of README's Validation section."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## Validation") : text.index("## Our TEI customisation")]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", section, re.DOTALL)]


@pytest.fixture
def shim(tmp_path: Path) -> dict[str, str]:
    """An environment whose `teiforge` is this checkout's, as `pip install` would make it."""
    folder = tmp_path / "bin"
    folder.mkdir()
    script = folder / "teiforge"
    script.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m teiforge "$@"\n', encoding="utf-8")
    script.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PATH"] = f"{folder}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONPATH"] = str(REPO / "src")
    return env


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project" / "tei"
    folder.mkdir(parents=True)
    shutil.copy(CASES / "valid.xml", folder / "valid.xml")
    shutil.copy(CASES / "missing_child.xml", folder / "missing_child.xml")
    return folder.parent


# --------------------------------------------------------------------------- the action


def test_the_action_is_composite_sets_up_python_and_installs_its_own_checkout() -> None:
    action = _load(REPO / "action.yml")
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert [step.get("uses") for step in steps] == ["actions/setup-python@v5", None, None]
    assert steps[0]["with"] == {"python-version": "${{ inputs.python-version }}"}
    install = steps[1]["run"]
    assert install == (
        'python -m pip install --disable-pip-version-check "${{ github.action_path }}"'
    )
    runs = str(action["runs"]).lower()
    assert "docker" not in runs and "java" not in runs
    assert re.search(r"pip install\s+teiforge", runs) is None  # PyPI's teiforge is not ours
    assert sorted(action["inputs"]) == ["args", "paths", "python-version"]


def test_the_action_validates_with_the_github_format(shim: dict[str, str], project: Path) -> None:
    step = _load(REPO / "action.yml")["runs"]["steps"][2]
    assert step["shell"] == "bash"
    assert step["env"] == {
        "TEIFORGE_PATHS": "${{ inputs.paths }}",
        "TEIFORGE_ARGS": "${{ inputs.args }}",
    }
    # a glob as a workflow writes it: teiforge expands it (the step's shell must not)
    env = {**shim, "TEIFORGE_PATHS": "tei/*.xml", "TEIFORGE_ARGS": "--no-cache"}
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (1, "")
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "::error file=tei/missing_child.xml,line=21,col=16,title=teiforge XSD::"
    )
    assert lines[-2:] == [
        "checked against teiforge.xsd (teiforge's own): 2 files",
        "2 files checked, 1 invalid, 2 errors",
    ]


def test_the_readme_workflow_uses_this_action_with_its_inputs() -> None:
    workflows = [b for b in _readme_blocks() if isinstance(b, dict) and "jobs" in b]
    assert len(workflows) == 1
    steps = workflows[0]["jobs"]["validate"]["steps"]
    action = next(step for step in steps if step.get("uses") == "./")
    assert set(action["with"]) <= set(_load(REPO / "action.yml")["inputs"])
    assert not any("pip install" in step.get("run", "") for step in steps)


# --------------------------------------------------------------------------- pre-commit


def test_the_hook_runs_teiforge_validate_on_xml_files_in_one_run() -> None:
    (hook,) = _load(REPO / ".pre-commit-hooks.yaml")
    assert (hook["id"], hook["entry"], hook["language"], hook["require_serial"]) == (
        "teiforge-validate",
        "teiforge validate",
        "python",
        True,
    )
    pattern = re.compile(hook["files"])
    assert [bool(pattern.search(n)) for n in ["tei/a.xml", "a.xml.txt", "notes.txt"]] == [
        True,
        False,
        False,
    ]
    text = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "OWNER" not in text and "OWNER" not in (REPO / "README.md").read_text("utf-8")


def test_the_readme_local_hook_is_the_provided_hook_and_its_entry_runs(
    shim: dict[str, str], project: Path
) -> None:
    (provided,) = _load(REPO / ".pre-commit-hooks.yaml")
    configs = [b for b in _readme_blocks() if isinstance(b, dict) and "repos" in b]
    assert len(configs) == 1
    (repo,) = configs[0]["repos"]
    (hook,) = repo["hooks"]
    assert (repo["repo"], hook["language"]) == ("local", "system")
    for key in ("id", "entry", "files", "require_serial"):
        assert hook[key] == provided[key]
    # pre-commit runs the entry with the staged files' names appended
    staged = ["tei/valid.xml", "tei/missing_child.xml"]
    command = [*hook["entry"].split(), "--no-cache", *staged]
    result = subprocess.run(
        command, cwd=project, env=shim, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        1,
        "2 files checked, 1 invalid, 2 errors",
    )


# --------------------------------------------------------------------------- install


# where a user or a runner is told how to install something
INSTRUCTIONS = ["README.md", ".ci/run", "action.yml", ".pre-commit-hooks.yaml", "docs/*.md"]
PIP_INSTALL = re.compile(r"pip install ([^`\n]*)")


def _installed(text: str) -> list[str]:
    """What each `pip install` of `text` names: its arguments that are not options."""
    targets = []
    for match in PIP_INSTALL.finditer(text):
        for word in match.group(1).split():
            if word in {"&&", "||", "|", ";"}:  # the next command
                break
            if not word.startswith("-"):
                targets.append(word.strip("\"'`(),"))
    return targets


def _instructions() -> dict[str, str]:
    paths = [p for pattern in INSTRUCTIONS for p in sorted(REPO.glob(pattern))]
    texts = {p.relative_to(REPO).as_posix(): p.read_text(encoding="utf-8") for p in paths}
    sources = sorted((REPO / "src").rglob("*.py"))
    texts.update({p.relative_to(REPO).as_posix(): p.read_text("utf-8") for p in sources})
    return texts


def test_installed_names_are_read_from_install_commands() -> None:
    assert _installed("run `pip install -q -e '.[test]' && pytest` or pip install \"x[y]>=2\"") == [
        ".[test]",
        "x[y]>=2",
    ]


def test_no_install_instruction_fetches_pypi_s_teiforge() -> None:
    """PyPI's "teiforge" is another project's: every instruction installs this checkout, its
    wheel, or a third-party library, never the name teiforge (with or without an extra)."""
    found = {name: _installed(text) for name, text in _instructions().items()}
    targets = {target for targets in found.values() for target in targets}
    assert "." in targets and "README.md" in found and ".ci/run" in found
    wrong = {
        name: [t for t in targets if re.match(r"teiforge(\[|$|[<>=~])", t)]
        for name, targets in found.items()
    }
    assert {name: bad for name, bad in wrong.items() if bad} == {}


# --------------------------------------------------------------------------- the test command


def _test_command(text: str) -> str:
    (line,) = [line for line in text.splitlines() if "python -m pytest" in line]
    return line[line.index("python -m pytest") :]


def test_ci_runs_the_readme_s_test_command_in_parallel_with_its_summary() -> None:
    """README's second command is what .ci/run runs: on every processor (pytest-xdist), and
    with one -q at most (addopts' and the command's together), so the summary line shows."""
    import tomllib

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    command = _test_command(readme.split("```")[1])
    assert command == _test_command((REPO / ".ci" / "run").read_text(encoding="utf-8"))
    assert command == "python -m pytest -n auto"
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    options = pyproject["tool"]["pytest"]["ini_options"]["addopts"].split() + command.split()
    assert sum(o.count("q") for o in options if re.fullmatch(r"-q+", o)) <= 1
    assert any(
        r.startswith("pytest-xdist") for r in pyproject["project"]["optional-dependencies"]["test"]
    )
