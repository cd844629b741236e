"""`teiforge build` at scale: the per-document work on a pool of processes or a Dask
cluster (executors), an incremental build that skips what has not changed (cache,
fingerprint), and a progress bar for long builds (progress). pipeline.build_corpus is
the entry point; the work for one document is document.build_document, a pure function.
"""

from .executors import EXECUTORS, Executor, make_executor
from .pipeline import BuildResult, build_corpus

__all__ = ["EXECUTORS", "BuildResult", "Executor", "build_corpus", "make_executor"]
