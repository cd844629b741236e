"""`teiforge build` at scale: the per-document work on a pool of processes or a Dask
cluster (executors), an incremental build that skips what has not changed (cache,
fingerprint), and a progress bar for long builds (progress). pipeline.build_corpus is
the entry point; the work for one document is document.build_document, a pure function.

Nothing is imported here: the command line names the executors without loading a build.
"""

EXECUTORS = ("local", "dask")  # where a build's documents may be built (executors.py)
