"""`teiforge build` as a library: sources -> editions -> verdicts -> site, for the documents
that changed, on the executor asked for.

1. Every source is read (a bad one is refused before anything is written) and keyed.
2. Documents whose key and files on disk are those the cache remembers are skipped; the
   others go to the executor, largest first (so that no big document starts last), each
   encoded and rendered in one task. Editions are written as they arrive.
3. Every edition is validated (validate keeps its own cache: an unchanged edition is not
   checked again). When all are valid, the site is written: the pages made in this run,
   and the index pages, which list every document.
The result is the same bytes, file for file, whatever the executor, the number of jobs or
what the cache held.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..corpus import find_sources, options_from, tei_folder, works_of
from ..errors import EXIT_OK, InputError
from ..html.search import index_file
from ..html.site import _page_names
from ..readers import read_parts, source_from_parts
from ..validate import Report, exit_code, validate_paths
from .cache import CACHE_DIR, Entry, Manifest, PageFacts, digest, file_matches, source_key
from .executors import Executor, LocalExecutor
from .fingerprint import code_fingerprint, config_fingerprint
from .progress import progress_bar
from .site import make_site_folder, site_files
from .writer import Writer

if TYPE_CHECKING:
    from ..encode import EncodeOptions
    from .document import DocumentResult, DocumentTask

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildResult:
    editions: tuple[Path, ...]  # every edition, in the order of the sources
    built: int  # documents encoded or rendered in this run
    changed: int  # editions whose file was written
    report: Report  # the verdict on every edition
    site: tuple[Path, ...] = ()  # the site's files; none when an edition is invalid
    site_changed: int = 0


@dataclass(frozen=True)
class _Document:
    source_path: Path
    name: str  # as the cache knows it: the path relative to the configuration
    edition: Path
    page: str  # the page's file name in the site
    key: str
    entry: Entry | None  # what the cache remembers, when all of it still holds


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _plan(
    config: Config, manifest: Manifest, conf: str
) -> tuple[list[_Document], dict[str, DocumentTask]]:
    """Each document, with its cache entry when all of it still holds, and the tasks left
    to do, by document name."""
    tei_dir, site_dir = config.path(config.tei_dir), config.path(config.site_dir)
    paths = find_sources(config)
    works = works_of(config, paths)
    editions = [tei_dir / f"{path.stem}.xml" for path in paths]
    pages = _page_names(editions)
    documents: list[_Document] = []
    tasks: dict[str, DocumentTask] = {}
    # Every source is read before anything is written; only those that changed are
    # decoded (and refused, if they must be): the others were accepted with these bytes.
    for path, edition in zip(paths, editions):
        parts = read_parts([path])  # a folder of pages is one source
        name = _relative(path, config.root)
        key = source_key(manifest.code, conf, path.name, digest(b"".join(d for _, d in parts)))
        entry = manifest.entries.get(name)
        if entry is None or entry.key != key or not file_matches(edition, entry.edition_sha256):
            source = source_from_parts(parts, path.name, path)
            # its page images named from where the edition is written
            options = replace(
                options_from(config, work=works.get(path)), edition_dir=edition.parent
            )
            tasks[name] = _task(str(edition), options, source=source)
            entry = None
        elif entry.page is None or not file_matches(site_dir / pages[edition], entry.page.sha256):
            # the edition holds; its page is to be made (again)
            options = options_from(config, work=works.get(path))
            tasks[name] = _task(str(edition), options, edition=edition.read_bytes())
            entry = None
        documents.append(_Document(path, name, edition, pages[edition], key, entry))
    return documents, tasks


def _task(edition_file: str, options: EncodeOptions, **given: Any) -> DocumentTask:
    # The encoder's and the renderer's modules are imported when a document is to be built:
    # a build with nothing to do does without them (a tenth of a second of its half second).
    from .document import DocumentTask

    return DocumentTask(edition_file, options, **given)


def build_corpus(
    config: Config,
    executor: Executor | None = None,
    *,
    jobs: int = 1,
    progress: bool = False,
    cache: bool = True,
) -> BuildResult:
    """Encode, validate and render the corpus `config` describes, skipping what the cache
    says is done (unless `cache` is false). `jobs`: processes for validation (the executor
    has its own). Raises InputError for a source or an output folder the build cannot use."""
    executor = executor or LocalExecutor(1)
    code = code_fingerprint()
    conf = config_fingerprint(config)
    cache_dir = config.root / CACHE_DIR if cache else None
    manifest = Manifest.load(config.root, code) if cache else Manifest(None, code)
    documents, tasks = _plan(config, manifest, conf)
    tei_folder(config)
    # no writing thread is left when validation forks its workers
    results: dict[str, DocumentResult] = {}
    with Writer() as writer:
        try:
            _run(documents, tasks, executor, writer, progress, results)
            changed = writer.wait()
        except (KeyboardInterrupt, SystemExit):  # Ctrl-C, SIGTERM
            _keep_finished(manifest, documents, results, writer)
            raise
    editions = tuple(document.edition for document in documents)
    report = validate_paths(
        editions,
        disabled_rules=config.disable_rules,
        rule_severity=config.rule_severity,
        jobs=jobs,
        cache_dir=cache_dir,
    )
    entries = {d.name: d.entry or Entry(d.key, digest(results[d.name].edition)) for d in documents}
    site: tuple[Path, ...] = ()
    site_changed = 0
    if exit_code(report) == EXIT_OK:
        with Writer() as writer:
            site = _site(config.path(config.site_dir), documents, results, entries, writer)
            site_changed = writer.wait()
    manifest.entries = entries
    manifest.save()
    return BuildResult(editions, len(tasks), changed, report, site, site_changed)


def _run(
    documents: Sequence[_Document],
    tasks: dict[str, DocumentTask],
    executor: Executor,
    writer: Writer,
    progress: bool,
    results: dict[str, DocumentResult],
) -> None:
    """Run the tasks, largest first; write each new edition as it comes; put each result in
    `results` as it comes (so that an interrupted build knows what it finished)."""
    if not tasks:
        return
    from .document import build_document  # see _task

    by_name = {document.name: document for document in documents}
    order = sorted(tasks, key=lambda name: -_size(tasks[name]))
    with progress_bar(len(order), "building", progress) as advance:
        work = [tasks[name] for name in order]
        for position, result in executor.map_unordered(build_document, work):
            name = order[position]
            if tasks[name].source is not None:
                document = by_name[name]
                writer.write(document.edition, result.edition)
                log.info("%s -> %s", document.source_path, document.edition)
            results[name] = result
            advance(1)


def _keep_finished(
    manifest: Manifest,
    documents: Sequence[_Document],
    results: dict[str, DocumentResult],
    writer: Writer,
) -> None:
    """An interrupted build remembers the editions it finished, so that the next one
    resumes: their writes are waited for, and each is kept in the cache without its page
    (the next build renders the page from the edition instead of encoding it again)."""
    try:
        writer.wait()
    except (InputError, OSError):
        return  # what was written cannot be vouched for: the next build starts over
    entries = {d.name: d.entry for d in documents if d.entry is not None}
    for document in documents:
        if document.name in results:
            entries[document.name] = Entry(document.key, digest(results[document.name].edition))
    manifest.entries = entries
    manifest.save()
    log.info("interrupted: %d documents built kept in the cache", len(results))


def _size(task: DocumentTask) -> int:
    if task.source is not None:
        return len(task.source.text)
    return len(task.edition or b"") // 3  # an edition is about three times its text


def _site(
    site_dir: Path,
    documents: Sequence[_Document],
    results: dict[str, DocumentResult],
    entries: dict[str, Entry],
    writer: Writer,
) -> tuple[Path, ...]:
    """Write the pages made in this run and the index pages; record the pages in `entries`;
    return every file of the site."""
    rendered: dict[str, str] = {}
    images: dict[Path, Path] = {}  # the page images the pages show, copied into the site
    listed: list[tuple[Path, str, PageFacts]] = []
    for document in documents:
        entry = entries[document.name]
        if document.name in results:
            result = results[document.name]
            if result.page is None:
                raise InputError(document.edition, result.problem or "cannot be rendered")
            facts = PageFacts(
                digest(result.page.encode("utf-8")), result.title, result.lang, result.mentions
            )
            rendered[document.page] = result.page
            rendered.update(result.parts)  # a long edition's parts
            images.update({site_dir / target: Path(image) for target, image in result.images})
            entries[document.name] = replace(entry, page=facts)
        else:
            assert entry.page is not None  # a document is skipped only with its page
            facts = entry.page
        listed.append((document.edition, document.page, facts))
    files = site_files(site_dir, listed, rendered)
    make_site_folder(site_dir)
    for path, text in files.items():
        writer.write(path, text.encode("utf-8"))
    for path, image in images.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        writer.write(path, image.read_bytes())
    kept = [site_dir / name for d in documents for name in (d.page, index_file(d.page))]
    return tuple(sorted({*files, *images, *kept}))
