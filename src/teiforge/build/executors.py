"""Where the per-document work of a build runs: in this process, on a pool of local
processes, or on a Dask cluster. Every executor maps one picklable, pure function over the
tasks and yields (index, result) as results arrive, so the caller writes files as it goes
and a slow document does not hold the others back.

The caller sends each task everything it needs (the source's bytes, the options) and
writes what comes back: workers never touch the corpus's folders, which a Dask worker on
another machine could not see anyway.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from typing import Any, Protocol, TypeVar

from ..errors import InputError
from .fingerprint import code_fingerprint

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


class Executor(Protocol):
    name: str

    def map_unordered(
        self, function: Callable[[T], R], tasks: Sequence[T]
    ) -> Iterator[tuple[int, R]]: ...

    def close(self) -> None: ...


def available_cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer than the
    machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class LocalExecutor:
    """`jobs` worker processes; one job (or one task) runs in this process, with no pool
    to start. The pool starts on the first map that needs it and is reused after."""

    name = "local"

    def __init__(self, jobs: int = 1) -> None:
        self.jobs = jobs if jobs > 0 else available_cores()
        self._pool: ProcessPoolExecutor | None = None

    def map_unordered(
        self, function: Callable[[T], R], tasks: Sequence[T]
    ) -> Iterator[tuple[int, R]]:
        if self.jobs == 1 or len(tasks) <= 1:
            for index, task in enumerate(tasks):
                yield index, function(task)
            return
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=_start_method())
        yield from _as_completed(
            {self._pool.submit(function, task): index for index, task in enumerate(tasks)}
        )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def _start_method() -> multiprocessing.context.BaseContext:
    """fork when this process has one thread (workers start at once, with the modules
    already imported); else a fresh interpreter per worker, as forking a process with
    threads (a Dask client's, a test runner's) can leave a lock held in the child forever."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _as_completed(futures: dict[Future[R], int]) -> Iterator[tuple[int, R]]:
    """Results as they come; the first failure cancels what has not started and is raised."""
    try:
        for future in as_completed(futures):
            yield futures[future], future.result()
    finally:
        for future in futures:
            future.cancel()


class DaskExecutor:
    """The tasks run on the workers of a Dask cluster (the extra [dask]).
    Every worker must run the same teiforge (code and data) as this process, which is
    checked before anything is sent: otherwise the editions would depend on the worker."""

    name = "dask"

    def __init__(self, scheduler: str, timeout: float = 10.0) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise InputError(
                "--executor dask", "needs Dask: pip install 'dask[distributed]>=2024.1'"
            ) from None
        try:
            self._client: Any = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise InputError(scheduler, f"cannot reach the Dask scheduler ({error})") from None
        self._checked = False

    def _check_workers(self) -> None:
        ours = code_fingerprint()
        theirs: dict[str, str] = self._client.run(code_fingerprint)
        if not theirs:
            raise InputError(self._client.scheduler.address, "the Dask cluster has no worker")
        for worker, fingerprint in sorted(theirs.items()):
            if fingerprint != ours:
                raise InputError(
                    worker, "this Dask worker runs another teiforge (code or data) than this build"
                )
        self._checked = True

    def map_unordered(
        self, function: Callable[[T], R], tasks: Sequence[T]
    ) -> Iterator[tuple[int, R]]:
        from distributed import as_completed

        if not tasks:
            return
        if not self._checked:
            self._check_workers()
        futures = self._client.map(function, tasks, pure=False)
        index_of = {future.key: index for index, future in enumerate(futures)}
        try:
            for future, result in as_completed(futures, loop=self._client.loop, with_results=True):
                yield index_of[future.key], result
        finally:
            self._client.cancel(futures)

    def close(self) -> None:
        self._client.close()


def make_executor(name: str, jobs: int = 1, scheduler: str | None = None) -> Executor:
    if name == "dask":
        if not scheduler:
            raise InputError("--executor dask", "needs --scheduler ADDRESS")
        return DaskExecutor(scheduler)
    if scheduler:
        raise InputError("--scheduler", "only goes with --executor dask")
    return LocalExecutor(jobs)
