"""The build on a Dask cluster (a local one, with several worker processes) makes the same
bytes as the build in one process."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from teiforge.build.executors import DaskExecutor
from teiforge.build.pipeline import build_corpus
from teiforge.config import load_config
from teiforge.errors import InputError
from test_build_scale import SOURCES, _build, _corpus, _outputs
from test_cli_encode import teiforge


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(
        n_workers=3, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def single(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """What the build makes in one process."""
    root = _corpus(tmp_path_factory.mktemp("single"))
    _build(root, cache=False)
    return _outputs(root)


def test_dask_build_makes_the_same_bytes(
    tmp_path: Path, cluster: LocalCluster, single: dict[str, bytes]
) -> None:
    root = _corpus(tmp_path / "dask")
    executor = DaskExecutor(cluster.scheduler_address)
    try:
        result = build_corpus(load_config(root / "teiforge.toml"), executor)
    finally:
        executor.close()
    assert len(cluster.workers) == 3
    assert (result.built, result.changed, result.report.diagnostics) == (SOURCES, SOURCES, ())
    assert _outputs(root) == single


def test_dask_build_command(
    tmp_path: Path, cluster: LocalCluster, single: dict[str, bytes]
) -> None:
    root = _corpus(tmp_path)
    address = cluster.scheduler_address
    result = teiforge("build", "--executor", "dask", "--scheduler", address, cwd=root)
    assert (result.returncode, result.stderr) == (0, "")
    assert (
        result.stdout.splitlines()[0]
        == f"encoded {SOURCES} sources into {root / 'editions'} ({SOURCES} changed)"
    )
    assert _outputs(root) == single


def test_a_scheduler_that_does_not_answer(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="^tcp://127.0.0.1:9: cannot reach the Dask scheduler"):
        DaskExecutor("tcp://127.0.0.1:9", timeout=1.0)
